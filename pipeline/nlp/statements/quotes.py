"""Quotation marks in clean text and the statement kind they imply.

Kept apart from the attribution logic in ``statements`` because the rules
here are about characters, not the parse: where quotes open and close, and
whether a reported clause is all quote (direct), part quote (mixed) or none
(indirect).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pipeline.records import Span, Speaker, StatementKind

#: One pattern per quoting style; group 1 is the quotation. Where two
#: styles claim overlapping text the earlier, then longer, match wins, so a
#: quote nested in another stays part of the outer one.
QUOTE_STYLES = tuple(re.compile(p) for p in (
    r"''((?:(?!'')[^\n])+)''",                 # two apostrophes (wire and NYT archives)
    # straight and curly doubles, also mixed or reversed as typed in a hurry
    # ("A,” or “A,“); the first closing mark ends the quote
    r'["“]([^"“”\n]+)["”“]',
    # a quote running on into the next paragraph leaves its paragraph
    # unclosed and the next one opens again (the newspaper convention)
    r'["“]([^"“”\n]+)(?=\n\s*\n\s*["“])',
    r"«([^»\n]+)»", r"»([^«\n]+)«", r"‹([^›\n]+)›",  # guillemets, both ways round
    r"„([^“”\n]+)[“”]", r"‚([^‘’\n]+)[‘’]",   # German low-high
    # single quotes: an apostrophe inside a word ("didn’t") does not close
    r"(?<!\w)‘((?:[^’\n]|’(?=\w))+)’(?!\w)",
    r"(?<![\w'])'(?=[^\s'])((?:[^'\n]|'(?=\w))+?)(?<=\S)'(?![\w'])",
    # a paragraph opened by a dash is speech up to the dash before the
    # attribution ("– We will not sign, – the minister said.")
    r"(?m)^[—–-][ \t]*([^\n]+?)(?=[ \t]*,?[ \t]+[—–-][ \t]|[ \t]*$)",
))
#: Shorter quotes are usually scare quotes ("megaphone practice"), not speech.
MIN_QUOTE_WORDS = 4
#: Separators trimmed off both ends of a statement's text.
EDGE = " \t\n,;:–—-"
#: Quotation marks, trimmed off a pull quote.
MARKS = "\"“”«»„‚‘’‹›'"


@dataclass(frozen=True)
class Quote:
    outer_start: int
    outer_end: int
    inner_start: int
    inner_end: int


@dataclass
class Found:
    """A statement before it becomes a record."""
    start: int
    end: int
    kind: StatementKind
    cue: str | None
    speaker: Speaker | None
    speaker_span: Span | None
    #: the lemma of ``cue``, which is the reporting word as written
    cue_lemma: str | None = None


def find_quotes(text: str) -> list[Quote]:
    """Quotations of every style, in text order, none overlapping another."""
    found = [Quote(m.start(), m.end(), m.start(1), m.end(1))
             for style in QUOTE_STYLES for m in style.finditer(text)]
    found.sort(key=lambda q: (q.outer_start, -q.outer_end))
    quotes: list[Quote] = []
    for q in found:
        if not quotes or q.outer_start >= quotes[-1].outer_end:
            quotes.append(q)
    return quotes


def inside_any(pos: int, quotes: list[Quote]) -> bool:
    """``pos`` lies inside a quote (``quotes`` are in order, none overlapping)."""
    i = bisect.bisect_right(quotes, pos, key=lambda q: q.outer_start) - 1
    return i >= 0 and pos < quotes[i].outer_end


def trim(text: str, start: int, end: int, extra: str = "") -> tuple[int, int]:
    """Shrink [start, end) past separators (and ``extra`` characters)."""
    chars = EDGE + extra
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def classify(text: str, start: int, end: int, quotes: list[Quote]) -> Found | None:
    """Extend a content span over quotes it cuts through, then call it
    direct (all inside one quote), mixed (contains a quote) or indirect."""
    for q in quotes:
        if q.outer_start < end and start < q.outer_end:
            start, end = min(start, q.outer_start), max(end, q.outer_end)
    start, end = trim(text, start, end)
    if end <= start:
        return None
    for q in quotes:
        if q.outer_start <= start and end <= q.outer_end:
            lo, hi = trim(text, q.inner_start, q.inner_end)
            return Found(lo, hi, "direct", None, None, None) if hi > lo else None
    inner = any(start <= q.outer_start and q.outer_end <= end for q in quotes)
    return Found(start, end, "mixed" if inner else "indirect", None, None, None)


def continues(text: str, before: Quote, after: Quote) -> bool:
    """``after`` carries on ``before``: it left its paragraph unclosed and
    only white space lies between them."""
    unclosed = text[before.outer_end - 1] not in MARKS
    return unclosed and not text[before.outer_end:after.outer_start].strip()
