"""Pull quotes: a paragraph the clean stage marked ``pull_quote``, the
quotation followed by the speaker's bare name and role ("... one of these
days Ned Price US State Department official"). The name becomes the
speaker and stays out of the statement's text.
"""
from __future__ import annotations

import re

from pipeline.nlp.entities import EntityIndex, Hit
from pipeline.nlp.statements.quotes import EDGE, MARKS, MIN_QUOTE_WORDS, Found, trim, words
from pipeline.records import Span, Speaker

#: A pull quote's trailing attribution is a name plus a short role.
MAX_ATTRIBUTION_WORDS = 12


def _attribution(text: str, lo: int, hi: int, index: EntityIndex) -> Hit | None:
    """The name that starts a pull quote's trailing attribution: the last
    PERSON (else ORG) mention followed only by a short, unpunctuated role
    ("... one of these days Ned Price US State Department official")."""
    hits = index.within(lo, hi)[::-1]  # the last name is the attribution
    for etype in ("PERSON", "ORG"):
        for hit in hits:
            tail = text[hit.end:hi]
            if (hit.known.type == etype and hit.start > lo and not re.search(r"[.!?…]", tail)
                    and words(tail) <= MAX_ATTRIBUTION_WORDS
                    and words(text[lo:hit.start]) >= MIN_QUOTE_WORDS):
                return hit
    return None


def pull_quote_statement(text: str, lo: int, hi: int, index: EntityIndex) -> Found | None:
    """A pull-quote paragraph: quote text, then "Name Role" with no
    punctuation between; an unattributed pull quote keeps speaker null."""
    hit = _attribution(text, lo, hi, index)
    quote_end = hit.start if hit else hi
    start, end = trim(text, lo, quote_end, MARKS)
    if end <= start:
        return None
    if hit is None:
        return Found(start, end, "pull_quote", None, None, None)
    role = text[hit.end:hi].strip(EDGE + MARKS) or None
    speaker = Speaker(hit.known.id, hit.known.name, role or hit.known.title)
    return Found(start, end, "pull_quote", None, speaker, Span(hit.start, hit.end))



def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def repeated(text: str, pull: Found, body: list[Found]) -> bool:
    """The pull quote repeats a statement of the body (one statement per
    attribution: the body's has the cue and the exact attribution)."""
    said = _words(text[pull.start:pull.end])
    return bool(said) and any(said in _words(text[f.start:f.end]) for f in body)
