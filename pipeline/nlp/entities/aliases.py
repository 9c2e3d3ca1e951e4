"""AliasMemory: surface forms learned across articles, for stable ids.

One article may call a minister only "Lavrov"; an earlier one wrote "Sergei
Lavrov". The memory remembers which id each surface form of each type has
named, with counts, so a later surname-only mention (or a misspelling seen
before) resolves to the full name's id. It is a plain value: ``to_dict`` and
``from_dict`` let a Faust table (or a file) hold it between articles, and
nothing here does I/O.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import MutableMapping
from typing import Any

from pipeline.records import Entity

#: A surface resolves only when its best id has this many times the votes of
#: the runner-up: two Lavrovs seen equally often stay unresolved.
DOMINANCE = 2.0
#: Surfaces (and entity names) kept; beyond it the ones this process learned
#: longest ago are forgotten, so a worker's memory stays flat on an endless
#: stream (about 300 bytes an entry).
CAPACITY = 100_000


def _key(etype: str, surface: str) -> str:
    return f"{etype}|{' '.join(surface.split()).casefold()}"


class AliasMemory:
    """surface -> {entity id: times seen}, and each id's canonical name.

    Both live in mappings keyed by bytes, so a Faust table can be the
    backing store (``agents/extract.py``); every change is a whole-value
    write (never an in-place edit), because a table persists only what is
    assigned to it.
    """

    def __init__(self, seen: MutableMapping[bytes, Any] | None = None,
                 names: MutableMapping[bytes, Any] | None = None,
                 capacity: int = CAPACITY) -> None:
        self.seen: MutableMapping[bytes, Any] = {} if seen is None else seen
        self.names: MutableMapping[bytes, Any] = {} if names is None else names
        self.capacity = capacity
        # Keys least recently learned first: what this process forgets when
        # over capacity. Filled on the first learn() with what the mappings
        # already hold (a recovered table, oldest of all), then kept in order.
        self._order: dict[str, OrderedDict[bytes, None]] | None = None

    def learn(self, entities: list[Entity]) -> None:
        """Record every form of every entity of one article. A multi-word
        person name also teaches its surname, at half weight, because news
        copy refers back to people by surname."""
        if self._order is None:
            self._order = {"seen": OrderedDict.fromkeys(list(self.seen)),
                           "names": OrderedDict.fromkeys(list(self.names))}
        for e in entities:
            if self.names.get(e.id.encode()) != e.name:
                self.names[e.id.encode()] = e.name
            self._touch("names", e.id.encode())
            for form in {e.name, *e.aliases}:
                self._add(e.type, form, e.id, 2)
            if e.type == "PERSON" and " " in e.name:
                self._add(e.type, e.name.split()[-1], e.id, 1)
        self._trim("seen", self.seen)
        self._trim("names", self.names)

    def _touch(self, table: str, key: bytes) -> None:
        assert self._order is not None  # made by learn(), the only caller
        order = self._order[table]
        order.pop(key, None)
        order[key] = None

    def _trim(self, table: str, mapping: MutableMapping[bytes, Any]) -> None:
        assert self._order is not None  # made by learn(), the only caller
        order = self._order[table]
        while len(mapping) > self.capacity and order:
            key, _ = order.popitem(last=False)
            mapping.pop(key, None)
        while len(order) > self.capacity:  # keys another worker already removed
            order.popitem(last=False)

    def _add(self, etype: str, surface: str, entity_id: str, weight: int) -> None:
        key = _key(etype, surface).encode()
        counts = dict(self.seen.get(key) or {})
        counts[entity_id] = counts.get(entity_id, 0) + weight
        self.seen[key] = counts
        self._touch("seen", key)

    def resolve(self, etype: str, surface: str) -> tuple[str, str] | None:
        """(id, canonical name) the surface has named, if one clearly wins."""
        counts = self.seen.get(_key(etype, surface).encode())
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]:
            return None
        best = ranked[0][0]
        return best, self.names.get(best.encode(), surface)

    def to_dict(self) -> dict:
        return {"seen": {k.decode(): dict(v) for k, v in sorted(self.seen.items())},
                "names": {k.decode(): v for k, v in sorted(self.names.items())}}

    @classmethod
    def from_dict(cls, data: dict) -> AliasMemory:
        return cls({k.encode(): dict(v) for k, v in data.get("seen", {}).items()},
                   {k.encode(): v for k, v in data.get("names", {}).items()})
