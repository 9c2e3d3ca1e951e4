"""Quotation marks in clean text and the statement kind they imply.

Kept apart from the attribution logic in ``statements`` because the rules
here are about characters, not the parse: where quotes open and close, and
whether a reported clause is all quote (direct), part quote (mixed) or none
(indirect).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.records import Span, Speaker

QUOTE_RE = re.compile(r'"([^"\n]+)"|“([^”\n]+)”|«([^»\n]+)»|„([^“”\n]+)[“”]')
#: Shorter quotes are usually scare quotes ("megaphone practice"), not speech.
MIN_QUOTE_WORDS = 4
#: Separators trimmed off both ends of a statement's text.
EDGE = " \t\n,;:–—-"
#: Quotation marks, trimmed off a pull quote.
MARKS = "\"“”«»„"


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
    kind: str
    cue: str | None
    speaker: Speaker | None
    speaker_span: Span | None


def find_quotes(text: str) -> list[Quote]:
    quotes = []
    for m in QUOTE_RE.finditer(text):
        group = next(i for i in range(1, 5) if m.group(i) is not None)
        quotes.append(Quote(m.start(), m.end(), m.start(group), m.end(group)))
    return quotes


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
