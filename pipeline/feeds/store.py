"""Where per-feed state lives between polls and across restarts.

The poller keeps a working copy of each feed's :class:`FeedState` and
writes every change through a :class:`StateStore`. In production that is
a Faust table backed by a compacted changelog (``agents/feeds.py``), so a
restarted or re-balanced poller starts from what was last polled; tests,
the benchmark and the offline commands use :class:`MemoryStore`.
"""
from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any, Protocol

from pipeline.feeds.schedule import FeedState, state_from_dict, state_to_dict

__all__ = ["MappingStore", "MemoryStore", "StateStore"]


class StateStore(Protocol):
    def load(self, url: str) -> FeedState | None: ...

    def save(self, state: FeedState) -> None: ...


class MappingStore:
    """A store over any mapping of ``url.encode()`` to the state as a plain dict.

    Keys are the feed URL's bytes, exactly the key of the feeds topic, so a
    Kafka partitioner puts a feed's state in the same partition number as
    the feed itself and the process that polls a feed also holds its state.
    """

    def __init__(self, data: MutableMapping[bytes, Any]) -> None:
        self.data = data

    def load(self, url: str) -> FeedState | None:
        raw = self.data.get(url.encode("utf-8"))
        if not raw:
            return None
        try:
            return state_from_dict(raw)
        except (TypeError, ValueError):  # a state from a future, incompatible writer
            return None

    def save(self, state: FeedState) -> None:
        self.data[state.url.encode("utf-8")] = state_to_dict(state)


class MemoryStore:
    """States kept as objects (they are replaced, never mutated, so no copy)."""

    def __init__(self) -> None:
        self.data: dict[str, FeedState] = {}

    def load(self, url: str) -> FeedState | None:
        return self.data.get(url)

    def save(self, state: FeedState) -> None:
        self.data[state.url] = state
