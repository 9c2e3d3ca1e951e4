"""The gender of the article's people, so a pronoun agrees with its antecedent.

Without it "she" goes to the latest person in subject position even when that
is a man. Evidence per entity, strongest first: a form of address or gendered
role word right before a mention ("Mrs. Clinton", "spokeswoman Hope Hicks")
or in its title, then a given name whose bearers the news calls "he" or
"she" (``given_names.tsv``, learned from PolNeAR train; else the US
Census 1990 first-name lists the ``names`` package ships, where one gender
bears the name four times as often as the other), then the
article's own usage: the first personal pronoun
after a mention in the same sentence, before the next person is named
("Kaine ... his running mate"); every mention of the entity (first name
included) adds its vote.
"""
from __future__ import annotations

import functools
import re
from importlib.resources import files

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


#: One gender must bear a name this many times as often as the other.
_CENSUS_RATIO = 4


@functools.cache
def _census() -> tuple[dict[str, str], dict[str, float], dict[str, float]]:
    """(given name -> gender, given name -> share of people, surname ->
    share of people), from the Census lists of the ``names`` package."""
    def shares(filename: str) -> dict[str, float]:
        rows = (line.split() for line in files("names").joinpath(filename).read_text().splitlines())
        return {row[0].lower(): float(row[1]) for row in rows if len(row) >= 2}

    male, female = shares("dist.male.first"), shares("dist.female.first")
    genders = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name), female.get(name)
        if f is None or (m is not None and m >= _CENSUS_RATIO * f > 0):
            genders[name] = "m"
        elif m is None or f >= _CENSUS_RATIO * m > 0:
            genders[name] = "f"
    given = {name: male.get(name, 0.0) + female.get(name, 0.0) for name in male.keys() | female.keys()}
    return genders, given, shares("dist.all.last")


def is_given_name(word: str) -> bool:
    """A first name people bear ("Bill", "Taylor"), not a title ("President")."""
    word = word.lower()
    return word in GIVEN_NAMES or word in _census()[1]


def given_name_gender(word: str) -> str | None:
    """"Karen" -> f, "Bill" -> m; None for a name both genders bear, or no name."""
    word = word.lower()
    return GIVEN_NAMES.get(word) or _census()[0].get(word)


def _given_votes(name: str) -> dict[str, int]:
    """The votes a person's given name casts, before any mention's. A name
    of one word votes only when it is more often a given name than a
    surname ("Hillary", not "Lee")."""
    tally = {"m": 0, "f": 0}
    words = name.lower().split()
    if len(words) == 1 and words[0] not in GIVEN_NAMES:
        _, given, surnames = _census()
        if given.get(words[0], 0.0) <= surnames.get(words[0], 0.0):
            return tally
    if words and (gender := given_name_gender(words[0])) is not None:
        tally[gender] += _GIVEN_WEIGHT
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
