"""Readings of the dependency parse that the event modules share.

Prepositions are named as separate arguments, never as one string, so
"from" is never read as the letters of a word.
"""
from __future__ import annotations

from spacy.tokens import Token

#: Relative words: in its clause, each stands for the noun the clause describes.
RELATIVES = frozenset({"that", "which", "who", "whom"})


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition (or of the "by" of a passive's agent)."""
    return [c for c in prep.children if c.dep_ == "pobj"]


def pobjs_of(tok: Token, *preps: str) -> list[Token]:
    """Objects of the prepositions ``preps`` that hang on ``tok``:
    ``pobjs_of(verb, "in", "before")``."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in pobjs(c)]


def introduced_by(clause: Token, *words: str) -> bool:
    """Does the clause open with one of ``words`` ("[when] rebels attacked",
    "[as] the bus fell"), as its mark or its adverb?"""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in words for c in clause.children)


def infinitive(tok: Token) -> bool:
    """Is the verb a to-infinitive ("[to] temper his tone")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def for_relatives(clause: Token, heads: list[Token]) -> list[Token]:
    """``heads`` of a relative clause's verb, a relative word replaced by
    the noun the clause describes ("Hale, [who] was held" -> Hale)."""
    if clause.dep_ != "relcl":
        return heads
    return [clause.head if h.lower_ in RELATIVES else h for h in heads]
