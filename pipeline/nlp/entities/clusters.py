"""Grouping an article's mentions into one cluster per referent.

The small model is noisy in ways a whole article can correct: it tags the
same surname PERSON in one sentence and ORG in the next and misses that
"Lavrov" is the "Sergei Lavrov" of the lead. Clusters vote on one type, join
surnames and near-spellings to full names, and pick up untagged repeats.
"""
from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.fuzz import ratio

from pipeline.nlp.entities.gender import given_name_gender, word_gender
from pipeline.nlp.entities.idents import slug
from pipeline.nlp.entities.spans import Raw, preceding_title

#: Contract types, in the order that breaks a tied type vote.
KEPT_TYPES = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
              "LAW", "WORK_OF_ART")
PRIORITY = {t: i for i, t in enumerate(KEPT_TYPES)}

#: A near-spelling must be this similar (normalised Indel ratio) to join a name.
SIMILARITY = 0.88


def vote(raws: list[Raw]) -> str:
    """Majority type; PERSON votes count double because the small model
    under-tags surnames as PERSON far more often than it over-tags them.
    A locked mention (a dateline) decides alone, and failing one a cued
    mention (a name with an age after it)."""
    locked = [r.label for r in raws if r.locked] or [r.label for r in raws if r.cued]
    if locked:
        return locked[0]
    score: Counter[str] = Counter()
    for r in raws:
        score[r.label] += 2 if r.label == "PERSON" else 1
    return max(score, key=lambda t: (score[t], -PRIORITY[t]))


def main_form(raws: list[Raw]) -> str:
    return Counter(r.text for r in raws).most_common(1)[0][0]


def similar(a: str, b: str) -> bool:
    """Near-spellings: same word count, same initials, high edit similarity."""
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or min(len(a), len(b)) < 5:
        return False
    if any(x[0].lower() != y[0].lower() for x, y in zip(ta, tb, strict=False)):
        return False
    return ratio(a.lower(), b.lower()) >= SIMILARITY * 100


def group(raws: list[Raw]) -> list[list[Raw]]:
    """Mentions sharing a slug ("The State Department", "state department");
    locked mentions stay apart by their type: a dateline's city from the
    team of a results table, both from the model's mentions."""
    groups: dict[tuple[str, str | None], list[Raw]] = {}
    for r in raws:
        groups.setdefault((slug(r.text), r.label if r.locked else None), []).append(r)
    return list(groups.values())


def merge_near_spellings(groups: list[list[Raw]]) -> list[list[Raw]]:
    """Join groups of one type whose main forms differ by a typo."""
    merged: list[list[Raw]] = []
    for g in groups:
        form, etype = main_form(g), vote(g)
        home = next((m for m in merged
                     if vote(m) == etype and similar(main_form(m), form)), None)
        if home is None:
            merged.append(list(g))
        else:
            home.extend(g)
    return merged


def join_surnames(groups: list[list[Raw]]) -> list[list[Raw]]:
    """Fold one-word groups into the full PERSON name ending with them.
    Where several end with it ("Donald Trump", "Eric Trump"), the news
    means the one it named first, the article's principal bearer, by the
    bare surname; unless a form of address says otherwise ("Mr. Clinton"
    after "Hillary Clinton" and "Bill Clinton")."""
    full = [g for g in groups if vote(g) == "PERSON" and " " in main_form(g)]
    by_last: dict[str, list[list[Raw]]] = {}
    for g in sorted(full, key=lambda g: min(r.start for r in g)):
        for surname in {slug(r.text.split()[-1]) for r in g if " " in r.text}:
            by_last.setdefault(surname, []).append(g)
    # read before any folding: a full name's main form may become its
    # surname as its surnames join it
    singles = {id(g): slug(main_form(g)) for g in groups if " " not in main_form(g)}
    kept = []
    for g in groups:
        last = singles.get(id(g))
        homes = [h for h in by_last.get(last, []) if h is not g] if last else []
        # A place name that is also someone's surname stays a place
        # ("Washington") unless the model itself called it a person here.
        is_place = (vote(g) in ("GPE", "LOC", "NORP")
                    and all(r.model_label != "PERSON" for r in g))
        if homes and not is_place and not g[0].locked:
            for r in g:
                r.label = "PERSON"  # a person's surname names that person
                _addressed(homes, r).append(r)
        else:
            kept.append(g)
    return kept


def _addressed(homes: list[list[Raw]], surname: Raw) -> list[Raw]:
    """The first of ``homes`` whose given name agrees with the gender of the
    form of address before ``surname``, else the first of them."""
    words = f"{surname.address or ''} {surname.title or ''}".split()
    gender = word_gender(words[0]) if words else None
    if gender is None or len(homes) == 1:
        return homes[0]
    return next((h for h in homes if given_name_gender(_full_form(h).split()[0]) == gender), homes[0])


def _full_form(home: list[Raw]) -> str:
    """The first form of several words in a full name's group."""
    return next(r.text for r in home if " " in r.text)


def join_short_orgs(groups: list[list[Raw]]) -> list[list[Raw]]:
    """Fold a group whose form opens exactly one organisation's longer name
    into it ("Magna" -> "Magna International Inc", "Lear" -> "Lear Corp"):
    within an article the short form names the same organisation, whatever
    type the model gave it. Places stay apart, and so does an owner named
    before a possessive ("Farrakhan" of "Farrakhan's Nation of Islam"), and
    so does the surname of a person the article names in full ("Trump" of
    "Donald Trump", not of "Trump Foundation")."""
    orgs = [g for g in groups if vote(g) == "ORG" and " " in main_form(g)]
    surnames = {slug(r.text.split()[-1]) for g in groups if vote(g) == "PERSON"
                for r in g if " " in r.text}
    kept = []
    for g in groups:
        form = main_form(g)
        homes = [o for o in orgs if o is not g and opens(form, main_form(o))]
        if (len(homes) == 1 and vote(g) not in ("GPE", "LOC", "NORP")
                and not (" " not in form and slug(form) in surnames)
                and not any(r.locked for r in g)):
            for r in g:
                r.label = "ORG"
            homes[0].extend(g)
        else:
            kept.append(g)
    return kept


def opens(short: str, name: str) -> bool:
    """``short`` is the first word(s) of the longer ``name``."""
    words, longer = short.split(), name.split()
    return (len(words) < len(longer) and longer[:len(words)] == words
            and longer[len(words)] not in ("'s", "’s") and not longer[len(words) - 1].endswith(
                ("'s", "’s")))


def add_missed_names(groups: list[list[Raw]], text: str, no_title) -> None:
    """Add occurrences of a person's names the model left untagged ("Price
    noted ..."): within one article a capitalised name keeps its referent.
    ``no_title(start, end)`` says where a preceding title is not the name's
    (pull quotes, attribution tails)."""
    taken = sorted((r.start, r.end) for g in groups for r in g)
    for g in groups:
        if vote(g) != "PERSON":
            continue
        forms = {r.text for r in g} | {r.text.split()[-1] for r in g}
        for form in sorted(forms, key=lambda f: (-len(f), f)):
            if len(form) < 3 or not form[0].isupper():
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                if all(m.end() <= a or m.start() >= b for a, b in taken):
                    title = preceding_title(text, m.start())
                    title = None if title and no_title(*m.span()) else title
                    g.append(Raw(m.start(), m.end(), form, "PERSON", title))
                    taken.append(m.span())
