"""Sports copy, where a place names a team.

News names clubs after cities ("Leeds beat Chelsea 2-1") and, in results
tables, prints nothing but the names and the score ("Leeds 2 Chelsea 1").
The model reads those as places. Inside sports copy we retype them: a side
named after a city or region is an organisation (CoNLL and OntoNotes both
annotate clubs as ORG), while a country's national side stays a place, and
a dateline ("LEEDS 1996-08-30", "LONDON (Reuters) -") stays a place.
"""
from __future__ import annotations

import re

from pipeline.nlp.lexicon import load_words

EXTRACTOR = "sports/1"

#: Distinct sports terms that make a document sports copy.
MIN_TERMS = 4

SPORTS_TERMS = load_words("entities/lexicons/sports_terms.txt")
#: Clubs and sides learned from the CoNLL-2003 train split (see the header of
#: lexicons/sports_clubs.txt); used only inside sports copy.
CLUBS = load_words("entities/lexicons/sports_clubs.txt")
_SPORTS_NAMES = {w for w in SPORTS_TERMS if w in (
    "soccer", "football", "cricket", "baseball", "basketball", "tennis", "rugby", "golf",
    "hockey", "athletics", "cycling", "boxing", "squash", "badminton", "rallying",
    "motor racing")}
_TERM_RE = re.compile(r"(?<![\w-])(" + "|".join(
    re.escape(w) for w in sorted(SPORTS_TERMS, key=len, reverse=True)) + r")(?![\w-])", re.I)
_SCORE_RE = re.compile(r"(?<![\w.])\d{1,3}(?:-\d{1,3}| \d{1,3}\b)")
#: "LEEDS 1996-08-30", "LONDON (Reuters) -", and with the region written
#: out between place and date: "MILWAUKEE , Wisconsin 1996-08-29".
_DATELINE_RE = re.compile(r"\A([A-Z][A-Z.'\- ]+?)(?:[^\S\n]*,[^\S\n]+([A-Z][\w.'\-]*"
                          r"(?: [A-Z][\w.'\-]*)*))?(?: \d{4}-\d\d-\d\d| \(Reuters\)| -)")


def is_sports(text: str, first_paragraph: str = "") -> bool:
    """Sports copy: the headline names a sport, or several sports terms
    occur together with score-like numbers."""
    head = first_paragraph.lower()
    if any(re.match(re.escape(s) + r"\b", head) for s in _SPORTS_NAMES):
        return True
    terms = {m.group(1).lower() for m in _TERM_RE.finditer(text)}
    return len(terms) >= MIN_TERMS and len(_SCORE_RE.findall(text)) >= 2


def dateline(paragraph: str) -> str | None:
    """The capitalised place that opens a dateline paragraph, if any."""
    m = _DATELINE_RE.match(paragraph)
    return m.group(1).strip() if m else None


def dateline_places(paragraph: str) -> list[tuple[int, int]]:
    """Offsets in ``paragraph`` of the dateline's places: the town and, if
    written out, its region or country ("MILWAUKEE , Wisconsin 1996-08-29")."""
    m = _DATELINE_RE.match(paragraph)
    if m is None:
        return []
    return [(m.start(g), m.start(g) + len(m.group(g).rstrip())) for g in (1, 2) if m.group(g)]


def is_club(surface: str) -> bool:
    return surface.casefold() in CLUBS


_TEAM = r"[A-Z][\w'’.&-]*(?:[^\S\n]+(?:'s|’s|of|de|la|del|[A-Z][\w'’.&-]*))*"
_NUMBER = r"[^\S\n]+\d+"
_COLUMN = r"[^\S\n]+[\d.:/-]+"
_REMARK = r"(?:[^\S\n]+\([^()\n]*\))?"
#: A results line ("Leeds 2 Chelsea 1", "Benetton (Italy) 92 Dinamo
#: (Russia) 81") and a standings line ("Cardiff 4 2 1
#: 1 6 5 7"). In CoNLL-2003 train their names are organisations: results
#: lines 457 in 464, standings lines 903 in 1,018 (the rest mostly players
#: in scorecards), so inside sports copy both read as teams.
_RESULT_ROW = re.compile(rf"\A({_TEAM}){_REMARK}{_NUMBER}[^\S\n]+({_TEAM}){_REMARK}{_NUMBER}"
                         rf"{_REMARK}\Z")
_STANDINGS_ROW = re.compile(rf"\A({_TEAM})(?:{_COLUMN}){{3,}}\Z")


def table_teams(paragraph: str) -> list[tuple[int, int]]:
    """Offsets in ``paragraph`` of the team names of a results or standings
    line; empty for any other paragraph."""
    m = _RESULT_ROW.match(paragraph.strip()) or _STANDINGS_ROW.match(paragraph.strip())
    if m is None:
        return []
    lead = len(paragraph) - len(paragraph.lstrip())
    return [(lead + m.start(g), lead + m.end(g)) for g in range(1, (m.lastindex or 0) + 1)]

