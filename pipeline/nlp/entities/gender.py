"""The gender of the article's people, so a pronoun agrees with its antecedent.

Without it "she" goes to the latest person in subject position even when that
is a man. Evidence per entity, strongest first: a form of address or gendered
role word right before a mention ("Mrs. Clinton", "spokeswoman Hope Hicks")
or in its title, then a given name whose bearers the news calls "he" or
"she" (``given_names.tsv``, learned from PolNeAR train), then the
article's own usage: the first personal pronoun
after a mention in the same sentence, before the next person is named
("Kaine ... his running mate"); every mention of the entity (first name
included) adds its vote.
"""
from __future__ import annotations

import re

from pipeline.nlp.lexicon import load_lines
from pipeline.records import Entity

GENDERED = {row[0]: row[1] for row in load_lines("entities/lexicons/gender.tsv")}
GIVEN_NAMES = {row[0]: row[1] for row in load_lines("entities/lexicons/given_names.tsv")}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.I)
_WORD = re.compile(r"[\w.]+")
#: Explicit words outweigh several pronoun votes, which can be misattributed.
_WORD_WEIGHT = 3
#: A given name outweighs the pronouns of a few sentences ("Elizabeth
#: Warren grilled Stumpf over his bank" votes "his" for her).
_GIVEN_WEIGHT = 5
#: How far after a mention its pronoun may follow.
_PRONOUN_REACH = 250


def word_gender(word: str) -> str | None:
    """"spokeswoman" -> f, "congressman" -> m, "Mrs." -> f, else None."""
    word = word.lower()
    if word in GENDERED:
        return GENDERED[word]
    if word.endswith("woman") or word.endswith("women"):
        return "f"
    return "m" if len(word) > 4 and word.endswith("man") else None


def _marked(text: str, start: int, title: str | None) -> str | None:
    """The gender stated by the word before a mention or in the title."""
    before = _WORD.findall(text[max(0, start - 30):start])
    words = before[-1:] + _WORD.findall(title or "")
    return next(filter(None, map(word_gender, words)), None)


def _given_votes(name: str) -> dict[str, int]:
    """The votes a person's given name casts, before any mention's."""
    tally = {"m": 0, "f": 0}
    words = name.lower().split()
    if len(words) > 1 and words[0] in GIVEN_NAMES:
        tally[GIVEN_NAMES[words[0]]] += _GIVEN_WEIGHT
    return tally


def genders(text: str, spans: list[tuple[int, int, Entity]]) -> dict[str, str]:
    """Entity id -> "m" | "f" for the people of one article whose gender
    the text shows; ``spans`` are (start, end, entity), sorted by start."""
    people = [(s, e, ent) for s, e, ent in spans if ent.type == "PERSON"]
    votes: dict[str, dict[str, int]] = {}
    for n, (start, end, ent) in enumerate(people):
        if ent.id not in votes:
            votes[ent.id] = _given_votes(ent.name)
        tally = votes[ent.id]
        if (marked := _marked(text, start, ent.title)) is not None:
            tally[marked] += _WORD_WEIGHT
        stop = people[n + 1][0] if n + 1 < len(people) else len(text)
        sentence_end = text.find(". ", end)  # the next sentence may be about someone else
        stop = min(stop, end + _PRONOUN_REACH, sentence_end if sentence_end >= 0 else stop)
        found = _PRONOUN.search(text, end, stop)
        if found is not None:
            tally[PRONOUN_GENDER[found.group(1).lower()]] += 1
    return {eid: ("m" if t["m"] > t["f"] else "f") for eid, t in votes.items()
            if t["m"] != t["f"]}
