"""Attribution by position rather than by the parse: a line that opens
with "Name:", a quote right after "Name:", a quote that continues one from
the paragraph before, and a cue-less quote that goes on from the statement
just before it.

Kept apart from :mod:`statements`, whose rules follow the dependency
parse around a cue; these look only at characters and at what was found.
"""
from __future__ import annotations

import re

from pipeline.nlp.quotes import MIN_QUOTE_WORDS, Found, Quote, classify, continues, trim, words
from pipeline.nlp.resolve import EntityIndex, Hit
from pipeline.records import Span, Speaker

#: "Roger Stone: Don't Trust the Voting Machines": a headline or transcript
#: line whose name and colon attribute the rest of the line.
_LINE_COLON = re.compile(r"[^\S\n]*([^:\n]{2,60}?):[^\S\n]+(?=\S)")
#: "Bush: "The mission is ..."": a name and a colon introduce the quote.
_COLON_BEFORE = re.compile(r":\s*$")
#: How far back a cue-less full quote looks for the statement it goes on from.
CARRY_CHARS = 600


def colon_statements(text: str, paragraphs, index: EntityIndex,
                     quotes: list[Quote]) -> list[Found]:
    """Paragraphs that open with a person or organisation and a colon."""
    found = []
    for para in paragraphs:
        m = _LINE_COLON.match(text, para.start, para.end)
        hit = m and index.covering(m.start(1), m.end(1))
        if not hit or hit.entity.type not in ("PERSON", "ORG") or (
                hit.start, hit.end) != (m.start(1), m.end(1)):
            continue
        stmt = classify(text, m.end(), para.end, quotes)
        if stmt is not None and stmt.kind != "direct":  # quotes: colon_speaker
            stmt.speaker = Speaker(hit.entity.id, hit.entity.name, hit.entity.title)
            stmt.speaker_span = Span(hit.start, hit.end)
            found.append(stmt)
    return found


def colon_speaker(text: str, q: Quote, index: EntityIndex) -> Hit | None:
    """The PERSON or ORG mention that ends right before "NAME: "quote"."""
    head = text[max(0, q.outer_start - 3):q.outer_start]
    if not _COLON_BEFORE.search(head):
        return None
    colon = text.rfind(":", 0, q.outer_start)
    hit = index.covering(colon - 1, colon)
    if hit is None or hit.entity.type not in ("PERSON", "ORG") or hit.end != colon:
        return None
    line_start = text.rfind("\n", 0, hit.start) + 1
    return hit if not text[line_start:hit.start].strip() else None


def continued(text: str, before: Quote | None, q: Quote, known: list[Found]) -> Found | None:
    """A quote carried over from the paragraph before: same attribution."""
    if before is None or not continues(text, before, q):
        return None
    head = next((f for f in known if f.start <= before.inner_end and before.inner_start <= f.end), None)
    if head is None:
        return None
    start, end = trim(text, q.inner_start, q.inner_end)
    return Found(start, end, "direct", head.cue, head.speaker, head.speaker_span)


def carried(text: str, q: Quote, known: list[Found]) -> Found | None:
    """A full quote with no cue near it goes on from the latest statement
    before it (news writing names the speaker once, then quotes on), when
    that statement is close and no paragraph of plain narration lies between."""
    if words(text[q.inner_start:q.inner_end]) < MIN_QUOTE_WORDS:
        return None
    before = [f for f in known if f.end <= q.outer_start and f.speaker is not None]
    if not before:
        return None
    head = max(before, key=lambda f: f.end)
    if q.outer_start - head.end > CARRY_CHARS or text.count("\n\n", head.end, q.outer_start) > 1:
        return None
    start, end = trim(text, q.inner_start, q.inner_end)
    return Found(start, end, "direct", head.cue, head.speaker, head.speaker_span)
