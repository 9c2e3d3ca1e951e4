"""The clean stage: RawArticle -> CleanArticle.

extract blocks (HTML or plain text) -> normalise characters -> cut artifacts
-> assemble text with exact paragraph offsets -> language -> fingerprint and
near-duplicate lookup. Pure: the only state is the optional ``recent`` set the
caller owns.
"""
from __future__ import annotations

import re

from pipeline.records import CleanArticle, Paragraph, RawArticle, Removal
from pipeline.text import UnusableContent
from pipeline.text.artifacts import Block, clean_blocks
from pipeline.text.dedupe import RecentFingerprints, fingerprint
from pipeline.text.html import check_markup, extract_blocks, page_titles
from pipeline.text.normalize import detect_language, normalize, primary_language

#: Versioned extractor name, written into every CleanArticle.
EXTRACTOR = "clean/1"
#: Paragraph separator in CleanArticle.text (the contract: "joined by a blank line").
SEPARATOR = "\n\n"
#: Near-duplicate threshold in SimHash bits (64-bit fingerprints).
MAX_DUPLICATE_DISTANCE = 3
_TAG = re.compile(r"<\s*/?\s*(?:p|br|div|span|a|b|i|em|strong|h[1-6]|ul|ol|li|img|figure|"
                  r"blockquote|html|body|article|section)\b", re.IGNORECASE)


def clean_article(raw: RawArticle, *, recent: RecentFingerprints | None = None) -> CleanArticle:
    """Clean one article; raise UnusableContent (with a reason) when no text remains.

    When ``recent`` is given, the article is looked up for a near duplicate
    (itself excluded, so redeliveries are not flagged) and then added to it.
    """
    title = normalize(raw.title or "")
    paragraphs, removed = _clean_content(raw, title)
    text, spans = assemble(paragraphs)
    fp = fingerprint(text)
    duplicate_of = None
    if recent is not None:
        duplicate_of = recent.find_near(fp, MAX_DUPLICATE_DISTANCE, exclude=raw.id)
        recent.add(raw.id, fp)
    return CleanArticle(
        id=raw.id, url=raw.url, source=raw.source, title=title,
        published_at=raw.published_at,
        language=primary_language(raw.language) or detect_language(text),
        text=text, paragraphs=spans, removed=removed, fingerprint=fp,
        duplicate_of=duplicate_of, extractor=EXTRACTOR)


def _clean_content(raw: RawArticle, title: str) -> tuple[list[Block], list[Removal]]:
    """Cleaned paragraphs from the content, or from the summary when content yields none."""
    reasons = []
    for name, body in (("content", raw.content), ("summary", raw.summary)):
        if not body or not body.strip():
            reasons.append(f"{name} is empty")
            continue
        is_html = raw.content_type == "text/html" if name == "content" else looks_like_html(body)
        try:
            blocks = _blocks(body, is_html)
        except UnusableContent as exc:  # a binary content may still have a usable summary
            reasons.append(f"{name}: {exc.reason}")
            continue
        cleaned = clean_blocks(blocks, title=title, infer_headings=not is_html,
                               page_titles=tuple(page_titles(body)) if is_html else (),
                               unglue=not is_html)
        if cleaned.blocks:
            return cleaned.blocks, cleaned.removed
        reasons.append(f"no text left in {name} after cleanup" if blocks
                       else f"no readable text in {name}")
    raise UnusableContent("; ".join(reasons))


def _blocks(body: str, is_html: bool) -> list[Block]:
    if is_html:  # extract_blocks runs check_markup itself (once: it scans 64 KB)
        return [(kind, normalize(text)) for kind, text in extract_blocks(body)]
    check_markup(body)  # empty, binary and oversized input fail the same way for both kinds
    return [("body", normalize(body))]


def looks_like_html(text: str) -> bool:
    """Feed summaries are HTML or text with no label; a few real tags decide."""
    return _TAG.search(text[:5000]) is not None


def assemble(blocks: list[Block]) -> tuple[str, list[Paragraph]]:
    """Join paragraphs with a blank line, recording offsets so text[start:end] is each one."""
    spans: list[Paragraph] = []
    pos = 0
    for kind, para in blocks:
        spans.append(Paragraph(pos, pos + len(para), kind))  # type: ignore[arg-type]
        pos += len(para) + len(SEPARATOR)
    return SEPARATOR.join(para for _, para in blocks), spans
