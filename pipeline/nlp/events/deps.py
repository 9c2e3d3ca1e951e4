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


def for_clauses(verb: Token) -> list[Token]:
    """The "for X to do" clauses after a verb, which the parse hangs on it
    with "for" as their mark: "called [for Clinton to quit]"."""
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and infinitive(c)
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]


def described(noun: Token) -> Token:
    """Whom a noun a relative clause describes stands for: itself, or the
    subject of the "be" it is the predicate of ("Trump is a liar and [a]
    bully [who] has pledged ..." -> Trump), through a list of such nouns."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    if first.dep_ == "attr" and first.head.lemma_ == "be":
        verb = first.head
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "Trump incites violence and is a liar who ..."
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) == 1 and subjects[0].lower_ not in RELATIVES:
            return subjects[0]
    return noun


def for_relatives(clause: Token, heads: list[Token]) -> list[Token]:
    """``heads`` of a relative clause's verb, a relative word replaced by
    the noun the clause describes ("Hale, [who] was held" -> Hale), or by
    whom that noun is said to be (:func:`described`)."""
    if clause.dep_ != "relcl":
        return heads
    return [described(clause.head) if h.lower_ in RELATIVES else h for h in heads]


def acted_on(verb: Token) -> list[Token]:
    """What a verb acts on: its object, or its subject where it is passive."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def clause_subjects(verb: Token) -> list[Token]:
    """A verb's own subjects, a relative word standing for the noun its
    clause describes ("Kurdish leaders [who] met Pelletreau")."""
    return for_relatives(verb, [c for c in verb.children if c.dep_ == "nsubj"])
