"""Whole-article analysis without Kafka: what `newswire process` runs.

Also turns a document as a person has it (a .txt whose first line is the
title, an .html page, or RawArticle JSON) into a RawArticle.
"""
from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime

import orjson

from pipeline import codec, ids
from pipeline.feeds.identity import canonical_url
from pipeline.nlp.analyze import analyze
from pipeline.nlp.entities import AliasMemory
from pipeline.records import Analysis, RawArticle
from pipeline.text.clean import clean_article
from pipeline.text.dedupe import RecentFingerprints

_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)


def sniff_format(data: bytes, name: str = "") -> str:
    """'json', 'html' or 'text', from the file name first, then the bytes."""
    lower = name.lower()
    if lower.endswith(".json"):
        return "json"
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith(".txt"):
        return "text"
    head = data.lstrip()[:1]
    if head == b"{":
        return "json"
    return "html" if _HTML_START.match(data[:2048]) else "text"


def normalize_published(value: str | None) -> str | None:
    """'2022-07-28' or any ISO 8601 timestamp -> RFC 3339 UTC, or None."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = datetime.combine(date.fromisoformat(value), datetime.min.time())
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat().replace("+00:00", "Z")


def split_title(text: str) -> tuple[str, str]:
    """(title, body) of a plain-text document whose first line is its title.

    A document of one line (a one-sentence report, text piped on stdin) has
    no title: that line is the body, or there would be nothing to analyse.
    """
    first, _, rest = text.strip().partition("\n")
    if not rest.strip():
        return "", first.strip()
    return first.strip(), rest.strip()


def raw_from_document(data: bytes, *, name: str = "", url: str | None = None,
                      published: str | None = None, fetched_at: str | None = None) -> RawArticle:
    """A RawArticle from a document's bytes; raises RejectedInput if unusable."""
    kind = sniff_format(data, name)
    if kind == "json":
        raw = codec.decode("raw_article", data)
        if published:
            raw.published_at = normalize_published(published)
        return raw
    text = data.decode("utf-8", errors="replace")
    digest = hashlib.blake2b(data, digest_size=8).hexdigest()
    link = canonical_url(url) if url else f"urn:newswire:document:{digest}"
    title, content = "", text
    if kind == "text":
        title, content = split_title(text)
    return RawArticle(
        id=ids.article_id(link), feed_url=None, source=None, url=link, guid=None,
        title=title, summary=None, content=content,
        content_type="text/html" if kind == "html" else "text/plain",
        language=None, published_at=normalize_published(published),
        fetched_at=fetched_at or codec.now_rfc3339(),
    )


def analyze_raw(raw: RawArticle, recent: RecentFingerprints | None = None,
                memory: AliasMemory | None = None) -> Analysis:
    """Clean, then extract entities, statements and events.

    With ``memory``, names learned from earlier articles resolve here, and
    this article's entities are learned for the next ones.
    """
    article = clean_article(raw, recent=recent)
    entities, statements, events = analyze(article, memory)
    if memory is not None:
        memory.learn(entities.entities)
    return Analysis(article=article, entities=entities, statements=statements, events=events)


def analysis_json(result: Analysis, pretty: bool = False) -> bytes:
    option = orjson.OPT_INDENT_2 if pretty else 0
    return orjson.dumps(result, option=option)
