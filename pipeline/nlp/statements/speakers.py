"""From the token that names a speaker to a Speaker record and its span.

The entity comes from :mod:`resolve` (a mention, a name in the phrase, a
pronoun or a description resolved to an earlier entity); the span is the
mention when it lies inside the phrase, else the phrase itself, so a
speaker span always points at words of the attribution.
"""
from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.entities import TITLE_RE, EntityIndex, noun_phrase, resolve
from pipeline.records import Span, Speaker


def speaker_of(tok: Token, index: EntityIndex) -> tuple[Speaker, Span]:
    """Speaker and speaker span for the subject (or according-to) token."""
    hit = resolve(tok, index)
    phrase_tokens = noun_phrase(tok)
    lo, hi = phrase_tokens[0].idx, phrase_tokens[-1].idx + len(phrase_tokens[-1])
    # a Span's text, not Doc.text, which rebuilds the whole article per call
    phrase = tok.doc[phrase_tokens[0].i:phrase_tokens[-1].i + 1].text
    title_match = TITLE_RE.search(phrase)
    title = title_match.group(0) if title_match else None
    if hit is None or hit.entity is None:
        return Speaker(None, phrase, title), Span(lo, hi)
    inside = lo <= hit.start and hit.end <= hi
    span = Span(hit.start, hit.end) if inside else Span(lo, hi)
    return Speaker(hit.entity.id, hit.entity.name, hit.entity.title or title), span
