"""Recipients that depend on what kind of event it is.

:mod:`pipeline.nlp.events.args` reads the same frame for every trigger
(subject acts, object and "to/with/against/on" undergo). Two event kinds
put their other party elsewhere:

- a withdrawal, evacuation or expulsion moves someone *from* a place: the
  place is the party ("withdraw its troops from Lebanon" -> Lebanon; the
  troops are what is moved, not a side);
- a mobilisation moves forces: they are no side ("deployed troops"), where
  it sends them is ("sent troops into northern Iraq" -> Iraq);
- a visit with no host named is to the place ("arrived for a visit in
  Athens" -> Athens);
- a hostile act with no object of its own is aimed at what its purpose
  phrase is *against* ("mobilized reservists for a possible war against
  Iraq" -> Iraq) or at whom its aim is done to ("opened fire to disperse
  the demonstrators");
- a withdrawal with no "from" leaves where it happens ("evacuate the
  settlements in the Gaza Strip").
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.nlp.entities import Hit
from pipeline.nlp.events.deps import pobjs_of

#: Trigger modes that move people or things away from a place.
_MOVING_AWAY = frozenset({"withdraw", "expel", "deport"})
#: Types whose target may be named only in a purpose phrase's "against".
_HOSTILE = frozenset({"MOBILIZE", "THREATEN", "ASSAULT", "PROTEST", "SANCTION", "COERCE"})

Resolver = Callable[[list[Token]], list[Hit]]


def moved_from(tok: Token, mode: str | None, recipients: list[Hit],
               resolve_heads: Resolver) -> list[Hit]:
    """Recipients of a withdrawal: the places left, then the named parties
    among the objects; unchanged when no "from" names a party."""
    if mode not in _MOVING_AWAY:
        return recipients
    outs = [c for c in tok.children if c.lower_ == "out" and c.dep_ in ("prt", "prep")]
    left = [p for head in (tok, *outs) if outs for p in pobjs_of(head, "of")]  # "pulled out of"
    objects = [c for c in tok.children if c.dep_ == "dobj"]  # "recalled [its envoy from X]"
    places = resolve_heads([p for head in (tok, *objects) for p in pobjs_of(head, "from")] + left)
    if not places:
        return recipients
    return places + [r for r in recipients if r.entity is not None and r not in places]


def named_only(etype: str, recipients: list[Hit]) -> list[Hit]:
    """A mobilisation's objects are the forces it moves ("deployed thousands
    of troops"), not a side: only named parties stay."""
    if etype != "MOBILIZE":
        return recipients
    return [r for r in recipients if r.entity is not None]


def left_place(mode: str | None, where: Hit | None) -> list[Hit]:
    """The place a withdrawal or evacuation happens in, when no "from" names one."""
    return [where] if mode == "withdraw" and where is not None and where.entity is not None else []


def visited(mode: str | None, where: Hit | None) -> list[Hit]:
    """A visit with no host named is hosted by the place visited."""
    return [where] if mode == "visit" and where is not None and where.entity is not None else []


def sent_into(tok: Token, etype: str, resolve_heads: Resolver) -> list[Hit]:
    """Where a mobilisation sends its forces is the side it bears on:
    "sent troops into northern Iraq" -> Iraq (named places and parties only)."""
    if etype != "MOBILIZE":
        return []
    heads = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
    return named_only(etype, resolve_heads([p for h in heads for w in ("into", "to")
                                            for p in pobjs_of(h, w)]))


def aimed_against(tok: Token, etype: str, resolve_heads: Resolver) -> list[Hit]:
    """Whom a hostile act is aimed at through its purpose: "against" objects
    of the trigger's "for" phrases or of the nouns they govern."""
    if etype not in _HOSTILE:
        return []
    heads = []
    for purpose in pobjs_of(tok, "for"):
        heads += pobjs_of(purpose, "against")
    # "opened fire [to disperse the demonstrators]": whom the aim is done to
    verbs = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
    for aim in (c for v in verbs for c in v.children if c.dep_ == "advcl"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
        heads += [c for c in aim.children if c.dep_ == "dobj"]
    return resolve_heads(heads)
