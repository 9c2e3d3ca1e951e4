"""The gender of the article's people, so a pronoun agrees with its antecedent.

Without it "she" goes to the latest person in subject position even when that
is a man. Evidence per entity, strongest first: a form of address or gendered
role word right before a mention ("Mrs. Clinton", "spokeswoman Hope Hicks")
or in its title, then the article's own usage: the first personal pronoun
after a mention in the same sentence, before the next person is named
("Kaine ... his running mate"); every mention of the entity (first name
included) adds its vote.
"""
from __future__ import annotations

import re

from pipeline.nlp.lexicon import load_lines

GENDERED = {row[0]: row[1] for row in load_lines("gender.tsv")}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.I)
_WORD = re.compile(r"[\w.]+")
#: Explicit words outweigh several pronoun votes, which can be misattributed.
_WORD_WEIGHT = 3
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


def genders(text: str, spans: list[tuple[int, int, object]]) -> dict[str, str]:
    """Entity id -> "m" | "f" for the people of one article whose gender
    the text shows; ``spans`` are (start, end, entity), sorted by start."""
    people = [(s, e, ent) for s, e, ent in spans if ent.type == "PERSON"]
    votes: dict[str, dict[str, int]] = {}
    for n, (start, end, ent) in enumerate(people):
        tally = votes.setdefault(ent.id, {"m": 0, "f": 0})
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
