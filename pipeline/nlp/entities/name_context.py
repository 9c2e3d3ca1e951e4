"""What the words around a name say about it.

The small model types a name from its own sentence and often cuts it
badly. The text beside a span settles some of that: "at"/"in" before a
city makes it the venue, an age or a bracketed country after a name makes a
person, an organisation head word after a name belongs to it, and a
one-word piece beside a person's name is part of it.
"""
from __future__ import annotations

import re

from pipeline.nlp.entities.learned import LAST_HEADS
from pipeline.nlp.entities.registry import Registry
from pipeline.nlp.entities.spans import Raw

#: "at" or "in" right before a name: where something happens. In CoNLL-2003
#: train sports copy a name after "at" is a place 192 times in 216 (an
#: organisation 3), after "in" 156 in 192 (6); in other copy after "in"
#: 510 in 576 (20). So a city after them is the venue, not the club.
_LOCATIVE_BEFORE = re.compile(r"(?<![\w'’])(?:at|in)[^\S\n]+(?:the[^\S\n]+)?\Z", re.I)


def after_locative(text: str, start: int) -> bool:
    return _LOCATIVE_BEFORE.search(text, max(0, start - 8), start) is not None


_NEXT_WORD = re.compile(r"[^\S\n]+([A-Z][\w&]*\.?)")


def join_org_suffixes(raws: list[Raw], text: str) -> list[Raw]:
    """A name written right before an organisation head word is one
    organisation with it: "Johnson Controls" + "Inc", which the model
    splits into a person and a stray "Inc"."""
    out, absorbed = [], set()
    for r in sorted(raws, key=lambda r: r.start):
        if (r.start, r.end) in absorbed:
            continue
        m = _NEXT_WORD.match(text, r.end)
        if m and m.group(1).rstrip(".").casefold() in LAST_HEADS and not r.locked:
            absorbed |= {(x.start, x.end) for x in raws if m.start(1) <= x.start < m.end()}
            end = m.end(1) - m.group(1).endswith(".")  # the full stop may end the sentence
            out.append(Raw(r.start, end, text[r.start:end], "ORG", None, r.model_label))
        else:
            out.append(r)
    return out


#: What follows a person's name and nothing else's in news copy: an age
#: between commas ("Wang, 45, was") and a country in brackets ("Marion
#: Clignet (France) 3:30.974"). In CoNLL-2003 train the names before them
#: are people 55 times in 55 and 1,262 in 1,304.
_AGE_AFTER = re.compile(r"[^\S\n]*,[^\S\n]*\d{1,2}[^\S\n]*,")
_BRACKET_AFTER = re.compile(r"[^\S\n]*\([^\S\n]*([A-Z][\w.]*(?:[^\S\n]+[A-Z][\w.]*)*)[^\S\n]*\)")


def people_by_context(raws: list[Raw], text: str, registry: Registry) -> None:
    """Mark as a person each mention an age or a bracketed country follows;
    such a cue decides the type of the mention's whole cluster ("Wang, 45,"
    makes every "Wang" of the article the person the model called ORG)."""
    for r in raws:
        if r.locked:
            continue
        bracket = _BRACKET_AFTER.match(text, r.end)
        country = bracket and registry.lookup(bracket.group(1))
        if _AGE_AFTER.match(text, r.end) or (country and country.kind == "country"):
            r.label, r.cued = "PERSON", True


def join_split_people(raws: list[Raw], text: str, registry: Registry) -> list[Raw]:
    """A person span and a one-word span right beside it are one name
    ("Jan" + "Allan Mueller", "Marco Tonchetti" + "Provera"): the model cut
    it and typed the piece apart. A piece the registry knows stays apart
    ("Russian" + "Boris Yeltsin")."""
    ordered = sorted(raws, key=lambda r: (r.start, r.end))
    out: list[Raw] = []
    for r in ordered:
        prev = out[-1] if out else None
        if prev is not None and _one_name(prev, r, text, registry):
            out[-1] = Raw(prev.start, r.end, text[prev.start:r.end], "PERSON",
                          prev.title or r.title, prev.model_label)
        else:
            out.append(r)
    return out


def _one_name(a: Raw, b: Raw, text: str, registry: Registry) -> bool:
    if text[a.end:b.start] != " " or a.locked or b.locked:
        return False
    if (a.label == "PERSON") == (b.label == "PERSON"):
        return False
    piece = b if a.label == "PERSON" else a
    return (" " not in piece.text and piece.text[:1].isupper() and not piece.text.isupper()
            and registry.lookup(piece.text) is None)


_NAME_BEFORE_BRACKET = re.compile(r"(?<![\w'’.-])([A-Z][\w'’.-]+(?:[^\S\n]+[A-Z][\w'’.-]+){0,3})"
                                  r"(?=" + _BRACKET_AFTER.pattern + r")")


def add_people_before_countries(raws: list[Raw], text: str, registry: Registry) -> list[Raw]:
    """A capitalised name the model left untagged before a bracketed country
    ("Rodney Eyles (Australia) beat ...") is a person, as the tagged ones
    are (see :data:`_BRACKET_AFTER`)."""
    added = []
    for m in _NAME_BEFORE_BRACKET.finditer(text):
        s, e = m.span(1)
        after = _BRACKET_AFTER.match(text, e)
        country = registry.lookup(after.group(1)) if after else None
        if (country is None or country.kind != "country" or registry.lookup(m.group(1))
                or any(r.start < e and s < r.end for r in raws)):
            continue
        added.append(Raw(s, e, m.group(1), "PERSON", cued=True))
    return raws + added

