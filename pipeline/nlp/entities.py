"""Named entities of one article: spaCy NER plus document-level cleanup.

The small model is noisy in ways a whole article can correct: it tags the same
surname PERSON in one sentence and ORG in the next, folds titles into names,
and misses that "Lavrov" is the "Sergei Lavrov" of the lead. We group
mentions, vote on types, join surnames and near-spellings to full names, and
give each cluster a stable id so the same person gets the same key in every
article.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from spacy.tokens import Doc

from pipeline.nlp.lexicon import load_words
from pipeline.records import CleanArticle, Entity, Mention

EXTRACTOR = "entities/1"

#: Contract types, in the order that breaks a tied type vote.
KEPT_TYPES = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
              "LAW", "WORK_OF_ART")
_PRIORITY = {t: i for i, t in enumerate(KEPT_TYPES)}

#: A near-spelling must be this similar (difflib ratio) to join a name.
SIMILARITY = 0.88

_LEADING_THE = re.compile(r"the\s+", re.I)
_TRAILING_JUNK = re.compile(r"(?:['’]s|[\s,;:\"'“”‘’])+\Z")
_GAP = r"[^\S\n]+"  # spaces that do not cross a line or paragraph break


@dataclass
class _Raw:
    """One cleaned NER span before clustering."""
    start: int
    end: int
    text: str
    label: str
    title: str | None = None


def _alternation(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TITLE = r"(?:former" + _GAP + r")?(?:" + _alternation(load_words("titles.txt")) + r")"
TITLE_RE = re.compile(r"(?<!\w)" + _TITLE + r"(?!\w)", re.I)
_TITLE_AT_START = re.compile(r"\A(" + _TITLE + r")" + _GAP, re.I)
_TITLE_BEFORE = re.compile(r"(?<!\w)(" + _TITLE + r")" + _GAP + r"\Z", re.I)
_HONORIFIC = re.compile(r"\A(?:" + _alternation(load_words("honorifics.txt")) + r")"
                        + _GAP, re.I)


def slug(name: str) -> str:
    """Lower-case ASCII words joined by hyphens, without a leading "the"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = _LEADING_THE.sub("", ascii_name.strip(), count=1).replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def entity_id(etype: str, name: str) -> str:
    """Stable key such as ``person:sergei-lavrov``; names with no Latin
    letters fall back to a hash so the id is still deterministic."""
    prefix = etype.lower().replace("_", "-")
    key = slug(name) or "x" + hashlib.blake2b(name.encode("utf-8"), digest_size=8).hexdigest()
    return f"{prefix}:{key}"


def preceding_title(text: str, start: int) -> str | None:
    """A lexicon title written right before ``start`` ("Foreign Minister ")."""
    m = _TITLE_BEFORE.search(text, max(0, start - 80), start)
    return m.group(1) if m else None


def _clean_span(text: str, start: int, end: int, label: str) -> _Raw | None:
    """Trim determiners, possessives and (for people) titles off a span."""
    title = None
    while True:
        piece = text[start:end]
        m = _LEADING_THE.match(piece) or _HONORIFIC.match(piece)
        t = _TITLE_AT_START.match(piece) if label == "PERSON" else None
        if t and not m:
            title = t.group(1)
        m = m or t
        if not m or m.end() >= len(piece):
            break
        start += m.end()
    junk = _TRAILING_JUNK.search(text, start, end)
    end = junk.start() if junk else end
    if end <= start or (label == "PERSON" and TITLE_RE.fullmatch(text, start, end)):
        return None
    if label == "PERSON" and title is None:
        title = preceding_title(text, start)
    return _Raw(start, end, text[start:end], label, title)


def _split_known_people(raws: list[_Raw]) -> list[_Raw]:
    """Split "Ned Price US State Department" when it starts with a full name
    that is tagged PERSON elsewhere: the model glues bylines to names."""
    # Longest first, and sorted, so the split never depends on set order.
    people = sorted({r.text for r in raws if r.label == "PERSON" and " " in r.text},
                    key=lambda p: (-len(p), p))
    out = []
    for r in raws:
        name = next((p for p in people if r.text.startswith(p + " ")), None)
        if name is None:
            out.append(r)
            continue
        out.append(_Raw(r.start, r.start + len(name), name, "PERSON", r.title))
        rest = r.text[len(name):]
        offset = len(rest) - len(rest.lstrip())
        if rest.strip()[:1].isupper():
            start = r.start + len(name) + offset
            out.append(_Raw(start, r.end, rest.strip(), r.label))
    return out


def raw_mentions(doc: Doc, pull_quotes: list[tuple[int, int]] = ()) -> list[_Raw]:
    """Cleaned NER spans of the contract types, minus pieces of titles
    (the "State" of "Secretary of State"). Inside pull quotes the quote runs
    into the attribution, so a title there belongs to no one."""
    text = doc.text
    titles = [m.span() for m in TITLE_RE.finditer(text)]
    raws = []
    for ent in doc.ents:
        if ent.label_ not in _PRIORITY:
            continue
        raw = _clean_span(text, ent.start_char, ent.end_char, ent.label_)
        if raw is None:
            continue
        if any(a <= raw.start < b for a, b in pull_quotes):
            raw.title = None
        if raw.label != "PERSON" and any(a <= raw.start and raw.end <= b for a, b in titles):
            continue
        raws.append(raw)
    return _split_known_people(raws)


def _vote(raws: list[_Raw]) -> str:
    """Majority type; PERSON votes count double because the small model
    under-tags surnames as PERSON far more often than it over-tags them."""
    score: Counter[str] = Counter()
    for r in raws:
        score[r.label] += 2 if r.label == "PERSON" else 1
    return max(score, key=lambda t: (score[t], -_PRIORITY[t]))


def _main_form(raws: list[_Raw]) -> str:
    return Counter(r.text for r in raws).most_common(1)[0][0]


def _similar(a: str, b: str) -> bool:
    """Near-spellings: same word count, same initials, high difflib ratio."""
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or min(len(a), len(b)) < 5:
        return False
    if any(x[0].lower() != y[0].lower() for x, y in zip(ta, tb)):
        return False
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= SIMILARITY


def _group(raws: list[_Raw]) -> list[list[_Raw]]:
    """Mentions sharing a slug ("The State Department", "state department")."""
    groups: dict[str, list[_Raw]] = {}
    for r in raws:
        groups.setdefault(slug(r.text), []).append(r)
    return list(groups.values())


def _merge_near_spellings(groups: list[list[_Raw]]) -> list[list[_Raw]]:
    """Join groups of one type whose main forms differ by a typo."""
    merged: list[list[_Raw]] = []
    for g in groups:
        form, etype = _main_form(g), _vote(g)
        home = next((m for m in merged
                     if _vote(m) == etype and _similar(_main_form(m), form)), None)
        if home is None:
            merged.append(list(g))
        else:
            home.extend(g)
    return merged


def _join_surnames(groups: list[list[_Raw]]) -> list[list[_Raw]]:
    """Fold one-word groups into the only full PERSON name ending with them."""
    full = [g for g in groups if _vote(g) == "PERSON" and " " in _main_form(g)]
    by_last: dict[str, list[list[_Raw]]] = {}
    for g in full:
        for last in {slug(r.text.split()[-1]) for r in g if " " in r.text}:
            by_last.setdefault(last, []).append(g)
    kept = []
    for g in groups:
        homes = by_last.get(slug(_main_form(g)), []) if " " not in _main_form(g) else []
        # A place name that is also someone's surname stays a place
        # ("Washington") unless the model itself called it a person here.
        is_place = _vote(g) in ("GPE", "LOC", "NORP") and all(r.label != "PERSON" for r in g)
        if len(homes) == 1 and homes[0] is not g and not is_place:
            for r in g:
                r.label = "PERSON"  # a person's surname names that person
            homes[0].extend(g)
        else:
            kept.append(g)
    return kept


def _add_missed_names(groups: list[list[_Raw]], text: str,
                      pull_quotes: list[tuple[int, int]]) -> None:
    """Add occurrences of a person's names the model left untagged ("Price
    noted ..."): within one article a capitalised name keeps its referent."""
    taken = sorted((r.start, r.end) for g in groups for r in g)
    for g in groups:
        if _vote(g) != "PERSON":
            continue
        forms = {r.text for r in g} | {r.text.split()[-1] for r in g}
        for form in sorted(forms, key=lambda f: (-len(f), f)):
            if len(form) < 3 or not form[0].isupper():
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                if all(m.end() <= a or m.start() >= b for a, b in taken):
                    in_pull = any(a <= m.start() < b for a, b in pull_quotes)
                    title = None if in_pull else preceding_title(text, m.start())
                    g.append(_Raw(m.start(), m.end(), form, "PERSON", title))
                    taken.append(m.span())


def _canonical(raws: list[_Raw], etype: str) -> str:
    """Best-supported form, longest on a tie. For people only full names
    compete ("Sergei Lavrov" beats the more frequent "Lavrov"), and a bare
    surname counts as support for the full name it spells exactly."""
    counts = Counter(r.text for r in raws)
    first = {}
    for r in sorted(raws, key=lambda r: r.start):
        first.setdefault(r.text, r.start)
    forms = list(counts)
    if etype == "PERSON":
        forms = [f for f in forms if " " in f] or forms
    support = {f: counts[f] + (counts[f.split()[-1]] if " " in f else 0) for f in forms}
    return max(forms, key=lambda f: (support[f], len(f), -first[f]))


def _to_entity(raws: list[_Raw]) -> Entity:
    etype = _vote(raws)
    name = _canonical(raws, etype)
    raws = sorted(raws, key=lambda r: (r.start, r.end))
    aliases = list(dict.fromkeys(r.text for r in raws if r.text != name))
    titles = Counter(r.title for r in raws if r.title)
    mentions = list(dict.fromkeys((r.start, r.end, r.text) for r in raws))
    return Entity(
        id=entity_id(etype, name), name=name, type=etype, aliases=aliases,
        title=titles.most_common(1)[0][0] if titles else None,
        mentions=[Mention(s, e, t) for s, e, t in mentions], wikidata=None,
    )


def extract_entities(doc: Doc, clean: CleanArticle) -> list[Entity]:
    """Entities of the article, one per real-world referent, in order of
    first mention, each with every mention's exact offsets into clean.text."""
    if doc.text != clean.text:
        raise ValueError("doc was not parsed from this article's text")
    pulls = [(p.start, p.end) for p in clean.paragraphs if p.kind == "pull_quote"]
    groups = _join_surnames(_merge_near_spellings(_group(raw_mentions(doc, pulls))))
    _add_missed_names(groups, clean.text, pulls)
    # Two clusters can still end on one id (a merged cluster's vote may move
    # it onto another's); one id must mean one record, so merge until stable.
    for _ in range(3):
        by_id: dict[str, list[_Raw]] = {}
        for g in groups:
            by_id.setdefault(_to_entity(g).id, []).extend(g)
        stable = len(by_id) == len(groups)
        groups = list(by_id.values())
        if stable:
            break
    entities = {e.id: e for e in reversed([_to_entity(g) for g in groups])}
    return sorted(entities.values(), key=lambda e: e.mentions[0].start)
