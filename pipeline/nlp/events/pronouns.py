"""Pronoun participants of events: "Syria says it is willing" (it is the
speaker), "Blinken and Lavrov ... they spoke" (they are the pair)."""
from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.entities import PERSON_PRONOUNS, EntityIndex, Hit, resolve, with_conjuncts
from pipeline.nlp.lexicon import load_words

REPORTING = load_words("statements/lexicons/reporting_verbs.txt")
GROUP_PRONOUNS = frozenset({"they", "them", "we", "us"})
#: Pronouns that can stand for a body (a state, a party) or a group.
PRONOUNS = frozenset({"it", "its", "they", "their", "we", "our"}) | GROUP_PRONOUNS
#: Pronouns that stand for people: "he", "she", and "they" of a group.
PERSONAL = PERSON_PRONOUNS | {"they", "them"}
#: Their possessives ("her record").
PERSONAL_POSSESSIVES = frozenset({"his", "hers", "their"})


def speaker_of(tok: Token) -> Token | None:
    """The subject of the reporting verb whose clause holds ``tok``:
    "Syria says it is willing" -> Syria."""
    verb = tok.head
    for _ in range(4):
        if verb.dep_ in ("ccomp", "conj") and verb.head != verb:
            verb = verb.head
            if verb.lemma_.lower() in REPORTING:
                return next((c for c in verb.children if c.dep_ == "nsubj"), None)
        else:
            return None
    return None


def group(tok: Token, index: EntityIndex) -> list[Hit]:
    """"they" after "Blinken and Lavrov": the latest coordinated pair of
    entities in the sentence or the three before it."""
    start = tok.sent.start
    for _ in range(3):
        if start == 0:
            break
        start = tok.doc[start - 1].sent.start
    for cand in reversed(tok.doc[start:tok.i]):
        if cand.dep_ == "conj" and cand.pos_ == "PROPN":
            hits = [resolve(t, index) for t in with_conjuncts(cand.head)]
            found = [h for h in hits if h is not None and h.entity]
            if len(hits) > 1 and len(found) == len(hits):
                return found
    return []
