"""Shared builders for the NLP unit tests."""
from __future__ import annotations

from pipeline.records import CleanArticle, Paragraph


def article(paragraphs: list[str], kinds: list[str] | None = None,
            published: str | None = "2022-03-10T09:00:00Z", art_id: str = "a1") -> CleanArticle:
    """A CleanArticle whose paragraphs are joined by blank lines, offsets exact."""
    kinds = kinds or ["body"] * len(paragraphs)
    spans, offset = [], 0
    for text, kind in zip(paragraphs, kinds, strict=True):
        spans.append(Paragraph(offset, offset + len(text), kind))
        offset += len(text) + 2
    return CleanArticle(
        id=art_id, url=f"https://news.example/{art_id}", source="Example",
        title=paragraphs[0], published_at=published, language="en",
        text="\n\n".join(paragraphs), paragraphs=spans, removed=[], fingerprint="0",
        duplicate_of=None)
