"""Attribution by position rather than by the parse: a line that opens
with "Name:" (a transcript's quoted "\"WALLACE: ..." too), a quote right
after "Name:", a quote signed "― Name" after it, a quote that continues one
from the paragraph before, and a cue-less quote that goes on from the
statement just before it.

Kept apart from :mod:`statements`, whose rules follow the dependency
parse around a cue; these look only at characters and at what was found.
"""
from __future__ import annotations

import re

from pipeline.nlp.entities import EntityIndex, Hit
from pipeline.nlp.statements.quotes import MIN_QUOTE_WORDS, Found, Quote, classify, continues, trim, words
from pipeline.records import Span, Speaker

#: "Roger Stone: Don't Trust the Voting Machines": a headline or transcript
#: line whose name and colon attribute the rest of the line.
_LINE_COLON = re.compile(r"[^\S\n]*([^:\n]{2,60}?):[^\S\n]+(?=\S)")
#: "Bush: "The mission is ..."": a name and a colon introduce the quote.
_COLON_BEFORE = re.compile(r":\s*$")
#: A transcript's speaker label: "WALLACE", "JAKE TAPPER".
_CAPS_LABEL = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}")
#: The same label opening a quoted paragraph.
_QUOTED_LABEL = re.compile(r"[\"“]([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[^\S\n]+(?=\S)")
#: How far back a cue-less full quote looks for the statement it goes on from.
CARRY_CHARS = 600


def _line_speaker(text: str, lo: int, hi: int, index: EntityIndex) -> tuple[Speaker, Span] | None:
    """The speaker a line's leading "NAME:" names: a PERSON or ORG mention
    of exactly those words, or a transcript's capitalised surname
    ("WALLACE:") of a person the article names."""
    hit = index.covering(lo, hi)
    if hit is not None and hit.known.type in ("PERSON", "ORG") and (
            hit.start, hit.end) == (lo, hi):
        return Speaker(hit.known.id, hit.known.name, hit.known.title), Span(lo, hi)
    label = text[lo:hi]
    if not _CAPS_LABEL.fullmatch(label):
        return None
    last = label.split()[-1].lower()
    person = next((e for e in index.entities if e.type == "PERSON"
                   and e.name.lower().split()[-1:] == [last]), None)
    return None if person is None else (
        Speaker(person.id, person.name, person.title), Span(lo, hi))


def _labelled(text: str, paragraphs, label: re.Pattern, index: EntityIndex):
    """(paragraph, match, (speaker, span)) for each paragraph that opens
    with ``label`` whose group 1 names a speaker of the article."""
    for para in paragraphs:
        m = label.match(text, para.start, para.end)
        said = m and _line_speaker(text, m.start(1), m.end(1), index)
        if said:
            yield para, m, said


def colon_statements(text: str, paragraphs, index: EntityIndex,
                     quotes: list[Quote]) -> list[Found]:
    """Paragraphs that open with a person or organisation and a colon."""
    found = []
    for para, m, said in _labelled(text, paragraphs, _LINE_COLON, index):
        stmt = classify(text, m.end(), para.end, quotes)
        if stmt is not None and stmt.kind != "direct":  # quotes: colon_speaker
            stmt.speaker, stmt.speaker_span = said
            found.append(stmt)
    return found


def transcript_lines(text: str, paragraphs, index: EntityIndex) -> list[tuple[Quote, Found]]:
    """"\"WALLACE: Let's start ...": a quoted transcript line is the
    labelled speaker's; the quote starts after the label."""
    out = []
    for para, m, said in _labelled(text, paragraphs, _QUOTED_LABEL, index):
        inner_end = para.end - (text[para.end - 1] in "\"”")
        start, end = trim(text, m.end(), inner_end)
        if words(text[start:end]) >= MIN_QUOTE_WORDS:
            out.append((Quote(para.start, para.end, m.end(), inner_end),
                        Found(start, end, "direct", ":", *said)))
    return out


def colon_speaker(text: str, q: Quote, index: EntityIndex) -> Hit | None:
    """The PERSON or ORG mention that ends right before "NAME: "quote"."""
    head = text[max(0, q.outer_start - 3):q.outer_start]
    if not _COLON_BEFORE.search(head):
        return None
    colon = text.rfind(":", 0, q.outer_start)
    hit = index.covering(colon - 1, colon)
    if hit is None or hit.known.type not in ("PERSON", "ORG") or hit.end != colon:
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
    return Found(start, end, "direct", head.cue, head.speaker, head.speaker_span,
                 head.cue_lemma)


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
    return Found(start, end, "direct", head.cue, head.speaker, head.speaker_span,
                 head.cue_lemma)


#: "“We will win.” ― Jane Doe": a paragraph that is a whole quotation, then
#: a dash and the speaker's name (testimonials, epigraphs, reader voices).
_DASH_AFTER = re.compile(r"[\"“”„«]((?:[^\n])+?)[\"”“»][^\S\n]*[―—–]+[^\S\n]*"
                         r"([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4})[.\s]*")


def dash_signed(text: str, paragraphs, index: EntityIndex) -> list[tuple[Quote, Found]]:
    """Quotes signed by a name after a dash, each with its statement."""
    out = []
    for para in paragraphs:
        m = _DASH_AFTER.fullmatch(text, para.start, para.end)
        if m is None or words(m.group(1)) < MIN_QUOTE_WORDS:
            continue
        start, end = trim(text, m.start(1), m.end(1))
        name = m.group(2).rstrip(".")
        hit = index.covering(m.start(2), m.start(2) + len(name))
        if hit is not None and hit.known.type in ("PERSON", "ORG"):
            speaker = Speaker(hit.known.id, hit.known.name, hit.known.title)
        else:
            speaker = Speaker(None, name, None)
        quote = Quote(m.start(), m.end(1) + 1, m.start(1), m.end(1))
        signer = Span(m.start(2), m.start(2) + len(name))
        out.append((quote, Found(start, end, "direct", None, speaker, signer)))
    return out


def line_quotes(text: str, paragraphs, index: EntityIndex,
                quotes: list[Quote]) -> tuple[list[Quote], list[Found]]:
    """The quotes with those of signed and transcript lines in place of the
    ones they overlap, and those lines' statements."""
    lines: list[tuple[Quote, Found]] = []
    for q, f in dash_signed(text, paragraphs, index) + transcript_lines(text, paragraphs, index):
        if not any(_overlap(q, other) for other, _ in lines):
            lines.append((q, f))
    kept = [q for q in quotes if not any(_overlap(q, line) for line, _ in lines)]
    return sorted(kept + [q for q, _ in lines], key=lambda q: q.outer_start), [f for _, f in lines]


def _overlap(a: Quote, b: Quote) -> bool:
    return a.outer_start < b.outer_end and b.outer_start < a.outer_end
