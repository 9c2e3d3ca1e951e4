"""Registry and learned knowledge applied to mentions: types fixed by what
a name is or where it stands, and mentions of well-known names the model
left untagged.

A country name is a place and a demonym a group of people, whatever the
model guessed from one sentence; in sports copy a city is a club, except
where it is the venue ("at Seattle") or a dateline, and the names of
results and standings lines are teams. Lexicons learned from CoNLL-2003
train (tests/eval/conll_learn.py) type names by what they are (known
names), by their head word ("... Corp", "Ministry of ...") and by their
first name; an age or a bracketed country after a name makes a person.
Only unambiguous kinds add untagged mentions: countries, demonyms, capitals
and states always, clubs inside sports copy, learned names that are not
common words; plain cities never, since many share their names with people
and words.
"""
from __future__ import annotations

import re

from pipeline.nlp.entities import sports
from pipeline.nlp.entities.learned import LAST_HEADS, LEARNED, learned_type
from pipeline.nlp.entities.name_context import after_locative
from pipeline.nlp.entities.registry import Known, Registry
from pipeline.nlp.entities.spans import TITLE_RE, Raw

#: Registry kinds that override the model's type of a whole span.
STRONG = ("country", "demonym", "capital", "state", "continent")
#: Registry kinds that mention scanning may add when the model missed them.
SCANNED = ("country", "demonym", "capital", "state")
#: Types the model gives places it misreads; a known city overrides these.
_WEAK_TYPES = ("PRODUCT", "WORK_OF_ART", "NORP", "EVENT", "LAW", "FAC")
_CAP_RUN = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.&-]*(?:[^\S\n]+[A-Z][\w'’.&-]*)*")
_MAX_NGRAM = 3
#: Two capitalised words joined by a hyphen: "Israel-PLO talks", "Israeli-Syrian".
_HYPHEN_PAIR = re.compile(r"(?<![\w.-])([A-Z][\w.]*)-([A-Z][\w.]*)(?![\w-])")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _team_type(known: Known | None, surface: str) -> str | None:
    """ORG for a club or a side named after a city or region in sports copy;
    countries and demonyms stay places and peoples (national sides)."""
    if known is not None and known.kind in ("country", "demonym", "continent"):
        return None
    if sports.is_club(surface) or (known is not None and known.type == "GPE"):
        return "ORG"
    return None


def retype(raws: list[Raw], registry: Registry, in_sports: bool,
           datelines: dict[int, int], text: str) -> None:
    """Fix types in place from the registry, sports context and datelines."""
    for r in raws:
        known = registry.lookup(r.text)
        if r.start in datelines and (known is not None or r.text.isupper()):
            r.label, r.locked = "GPE", True
            continue
        team = _team_type(known, r.text) if in_sports else None
        venue = after_locative(text, r.start)
        if team and not venue:
            r.label = team
        elif team and venue and known is not None:
            # the city "in Seattle" is not the team "Seattle" beat: lock it apart
            r.label, r.locked = known.type, True
        elif known is not None and (known.kind in STRONG or r.label in _WEAK_TYPES
                                    or (team and r.label == "ORG")):
            r.label = known.type
        elif r.label == "ORG" and in_sports and venue:
            r.label = "LOC"
        elif known is None and (learned := learned_type(r.text, r.label)):
            r.label = _place_type(r) if learned == "LOC" else learned


def _place_type(r: Raw) -> str:
    """GPE or LOC for a learned place: the model's, if it said either."""
    return r.label if r.label in ("GPE", "LOC") else "GPE"


#: After a dateline place: a date, an agency in brackets or the region;
#: a bare dash after capitals may be a rubric ("SOCCER -"), not a place.
_DATELINE_TAIL = re.compile(r"[^\S\n]*(?:,|\(|\d{4}-\d\d-\d\d)")


def dateline_spans(text: str, paragraphs: list[tuple[int, int]],
                   registry: Registry) -> dict[int, int]:
    """Start -> end offsets of the places of paragraph-opening datelines:
    places the registry knows, or that a date, agency or region follows."""
    spans = {a + s: a + e for a, b in paragraphs for s, e in sports.dateline_places(text[a:b])}
    return {s: e for s, e in spans.items()
            if registry.lookup(text[s:e]) is not None or _DATELINE_TAIL.match(text, e)}


#: A rubric opening a paragraph: "SOCCER - ", "EUROBONDS - ".
_RUBRIC = re.compile(r"([A-Z][A-Z&'.]*(?:[^\S\n]+[A-Z][A-Z&'.]*)*)[^\S\n]+-{1,2}[^\S\n]")


def drop_rubrics(raws: list[Raw], text: str, paragraphs: list[tuple[int, int]],
                 registry: Registry) -> list[Raw]:
    """Drop spans that are exactly a paragraph's opening rubric ("SOCCER -",
    "EUROBONDS -"): a section label, not a name, unless the registry knows
    it as a place ("BRITAIN - Gilts struggled")."""
    rubrics = set()
    for a, _ in paragraphs:
        m = _RUBRIC.match(text, a)
        if m and registry.lookup(m.group(1)) is None:
            rubrics.add(m.span(1))
    return [r for r in raws if (r.start, r.end) not in rubrics]


def add_datelines(raws: list[Raw], text: str, datelines: dict[int, int]) -> list[Raw]:
    """Dateline places as whole mentions: added where the model left them
    untagged ("BELGRADE 1996-08-30"), widened where it tagged a piece
    ("PANAMA" of "PANAMA CITY"). The dateline's shape says what they are;
    the type is left to :func:`retype`, which locks them."""
    for s, e in datelines.items():
        inside = [r for r in raws if s <= r.start and r.end <= e]
        if any(r.start < e and s < r.end for r in raws if r not in inside):
            continue  # a span runs past the place: leave the model's reading
        raws = [r for r in raws if r not in inside]
        label = inside[0].label if inside else "GPE"
        raws.append(Raw(s, e, text[s:e], label, None, inside[0].model_label if inside else None,
                        locked=not inside))
    return raws


def _candidates(text: str, start: int, end: int):
    """Capitalised runs; in all-caps text every run of up to three words,
    since a headline capitalises everything."""
    for m in _CAP_RUN.finditer(text, start, end):
        words = list(re.finditer(r"\S+", m.group()))
        if not m.group().isupper() or len(words) == 1:
            yield m.start(), m.end()
            continue
        for n in range(min(_MAX_NGRAM, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                yield m.start() + words[i].start(), m.start() + words[i + n - 1].end()


def _scan_type(surface: str, registry: Registry, in_sports: bool,
               venue: bool) -> str | None:
    """The type of an untagged name; ``venue``: it follows "at" or "in"."""
    known = registry.lookup(surface)
    if in_sports and (team := _team_type(known, surface)):
        if venue:
            return known.type if known is not None and known.kind in SCANNED else None
        return team if sports.is_club(surface) else None
    if known is not None and known.kind in SCANNED:
        return known.type
    learned = LEARNED.get(surface.casefold()) if known is None else None
    if learned and learned[1] and learned[0] != "LOC":
        return learned[0]
    return None


def _pair_part_type(part: str, registry: Registry) -> str | None:
    known = registry.lookup(part)
    if known is not None:
        return known.type if known.kind in ("country", "demonym") else None
    return "ORG" if _ACRONYM.fullmatch(part) else None


def split_hyphen_pairs(raws: list[Raw], text: str, registry: Registry) -> list[Raw]:
    """"Israel-PLO talks", "Israeli-Syrian ties": two sides joined by a
    hyphen are two mentions, each typed by what it names, when each half is
    a country, a demonym or an acronym, one of them known, and the whole is
    no name of its own ("Guinea-Bissau")."""
    for m in _HYPHEN_PAIR.finditer(text):
        types = [_pair_part_type(m.group(i), registry) for i in (1, 2)]
        known_half = any(registry.lookup(m.group(i)) for i in (1, 2))
        if None in types or not known_half or registry.lookup(m.group()) is not None:
            continue
        raws = [r for r in raws if not (r.start < m.end() and m.start() < r.end)]
        raws += [Raw(m.start(i), m.end(i), m.group(i), t or "ORG")
                 for i, t in zip((1, 2), types, strict=True)]
    return sorted(raws, key=lambda r: r.start)


def add_known_mentions(raws: list[Raw], text: str, paragraphs: list[tuple[int, int]],
                       registry: Registry, in_sports: bool) -> list[Raw]:
    """Mentions of registry names and (in sports copy) clubs that no NER
    span covers, each typed by what it names."""
    taken = sorted((r.start, r.end) for r in raws)
    people = {r.text for r in raws if r.label == "PERSON" and " " in r.text}
    added = []
    for a, b in paragraphs:
        for s, e in _candidates(text, a, b):
            surface = text[s:e].rstrip(".")
            e = s + len(surface)
            if any(s < y and x < e for x, y in taken):
                continue
            etype = _scan_type(surface, registry, in_sports, after_locative(text, s))
            if etype is None and _ends_in_head(surface) and not _holds_a_person(
                    text, s, e, people):
                etype = "ORG"
                s += len(surface) - len(_LEADING_THE.sub("", surface))
                surface = text[s:e]
            if etype is not None:
                added.append(Raw(s, e, surface, etype, None, None))
                taken.append((s, e))
    return raws + added


_LEADING_THE = re.compile(r"\Athe[^\S\n]+", re.I)


def _holds_a_person(text: str, start: int, end: int, people: set[str]) -> bool:
    """The run takes in a title or a person's name ("Secretary of State Ned
    Price US State Department"): a byline run, not one organisation."""
    return (any(m.start() < end and start < m.end() for m in
                TITLE_RE.finditer(text, max(0, start - 40), end))
            or any(p in text[start:end] for p in people))


def _ends_in_head(surface: str) -> bool:
    """A capitalised run of two or more words ending in an organisation
    head word ("Apic Yamada Corp", "Jeans Mate Corp"), which the model
    sometimes leaves untagged."""
    words = _LEADING_THE.sub("", surface).split()
    return len(words) > 1 and words[-1].rstrip(".").casefold() in LAST_HEADS


def table_teams(raws: list[Raw], text: str, paragraphs: list[tuple[int, int]]) -> list[Raw]:
    """In sports copy, the names of results and standings lines are teams:
    each becomes one ORG mention, replacing the model's pieces of it, unless
    the model read it as a person (players in a scorecard). They are locked:
    the team "Seattle" of a table is not the city of "at Seattle"."""
    teams = [(a + s, a + e) for a, b in paragraphs for s, e in sports.table_teams(text[a:b])]
    if not teams:
        return raws
    out = [r for r in raws if not any(s < r.end and r.start < e for s, e in teams)]
    for s, e in teams:
        inside = [r for r in raws if s < r.end and r.start < e]
        if any(r.label == "PERSON" and r.start == s and r.end == e for r in inside):
            out += [r for r in inside if r.start == s and r.end == e]
            continue
        out.append(Raw(s, e, text[s:e], "ORG", None, inside[0].model_label if inside else None,
                       locked=True))
    return out
