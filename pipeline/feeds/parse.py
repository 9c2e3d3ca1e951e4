"""Feed bytes to RawArticles: a pure function over feedparser, never raising.

A broken feed is a value (``ParsedFeed.error``) that the scheduler backs off
on, not an exception that takes a poller down with it.
"""
from __future__ import annotations

import functools
import html
import io
import logging
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import urlsplit

import feedparser
import feedparser.api

from pipeline import ids
from pipeline.errors import OperatorError
from pipeline.feeds.fields import language_tag, rfc3339, ttl_minutes
from pipeline.feeds.identity import canonical_url, entry_identity, web_url
from pipeline.feeds.sanitize import html_to_text, looks_like_html, sanitize_html
from pipeline.records import ContentType, RawArticle

log = logging.getLogger(__name__)

__all__ = ["MAX_FEED_BYTES", "ParsedFeed", "needs_full_text", "parse_feed"]

#: Feeds larger than this are refused before parsing (fetch caps at 5 MB).
MAX_FEED_BYTES = 20_000_000
#: Below this many characters of text, an entry is a teaser, not an article.
FULL_TEXT_MIN_CHARS = 500
_HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}
# Entity declarations whose value references another entity (billion laughs)
# or whose content lives outside the document (XXE). feedparser already drops
# them, but a feed that carries them is hostile and should say so. Parameter
# entities naming a PUBLIC DTD (old RDF feeds load XHTML entity sets that
# way) are harmless because external entities are never fetched.
_HOSTILE_ENTITY = re.compile(
    rb"<!ENTITY\s+%?\s*[\w.:-]+\s+(?:\"[^\"]*&[\w.:#-]+;|'[^']*&[\w.:#-]+;|SYSTEM\b)"
    rb"|<!ENTITY\s+[\w.:-]+\s+PUBLIC\b")

# feedparser's own HTML sanitiser and relative-URI resolver each re-parse
# every HTML field with sgmllib (about a quarter of the poller's CPU on a
# 20-entry feed), and everything we emit goes through sanitize_html anyway,
# which keeps a narrower allowlist and resolves the URLs it keeps against
# the same base (the ``base`` of each ``*_detail``). Titles become plain
# text through html_to_text, which drops tags and the content of scripts.
# tests/unit/test_feeds_parse.py holds the safety proof: the malicious
# fixture, feedparser's whole sanitize corpus, and relative links.
_FEEDPARSER_OPTIONS = {"sanitize_html": False, "resolve_relative_uris": False}


@dataclass
class ParsedFeed:
    """What one feed document says: its articles plus hints for scheduling."""

    feed_url: str
    title: str | None = None
    link: str | None = None
    language: str | None = None
    #: One per keyed entry, in document order; None for an entry not built
    #: because its key was in ``seen`` (see :func:`parse_feed`).
    articles: list[RawArticle | None] = field(default_factory=list)
    #: entry key of each article (same order), for ``schedule.filter_new``.
    keys: list[str] = field(default_factory=list)
    #: Fatal: nothing usable came out of the document.
    error: str | None = None
    #: Non-fatal problem (feedparser "bozo" with entries still recovered).
    warning: str | None = None
    #: The publisher's minimum poll interval (RSS <ttl> or sy:updatePeriod).
    ttl_minutes: int | None = None
    #: Entries dropped because they had neither a link nor a guid, or broke.
    skipped: int = 0


def parse_feed(content: bytes, *, feed_url: str, headers: Mapping[str, str] | None = None,
               fetched_at: str, seen: Container[str] = ()) -> ParsedFeed:
    """Parse one fetched feed document; bad input yields ``error``, never raises.

    Entries whose key is in ``seen`` keep their key but get no article
    (None): sanitising and rendering an entry costs more than feedparser's
    own work on it, and a feed that changed by one item repeats nineteen.
    """
    # patches/feedparser_guids.py marks the parser classes it installs.
    if not getattr(feedparser.api.StrictFeedParser, "keeps_ids_as_written", False):  # start-up mistake
        raise OperatorError("feedparser is not patched: call patches.install() at start-up, "
                            "or every guid comes out resolved as a link")
    result = ParsedFeed(feed_url=feed_url)
    if len(content) > MAX_FEED_BYTES:
        result.error = f"feed of {len(content)} bytes exceeds the {MAX_FEED_BYTES} byte limit"
        return result
    if not content.strip():
        result.error = "empty document"
        return result
    if _HOSTILE_ENTITY.search(content[:65536]):
        result.error = "refused: the DOCTYPE declares nested or external XML entities"
        return result
    try:
        # BytesIO, never raw bytes or str: feedparser treats a str/bytes
        # argument as a possible URL or file name and would open it.
        feed_headers = _headers(headers, feed_url)
        parsed = _feedparser_parse(content, feed_headers)
    except Exception as exc:  # feedparser bug on hostile input: a feed error
        result.error = f"feed could not be parsed: {type(exc).__name__}: {exc}"
        return result
    _fill_feed_fields(result, parsed.get("feed") or {})
    problem = _bozo_message(parsed, has_content_type="content-type" in _lower(headers))
    entries = parsed.get("entries") or []
    if not entries:
        result.error = _empty_feed_error(parsed, problem)
        return result
    result.warning = problem
    ctx = _Context(feed_url, result.title or _host(result.link or feed_url), result.language,
                   fetched_at, base=feed_headers.get("content-location", ""))
    for entry in entries:
        _add_entry(result, entry, ctx, seen)
    return result


@dataclass
class _Context:
    feed_url: str
    source: str | None
    language: str | None
    fetched_at: str
    #: What relative URLs in entry HTML resolve against when feedparser gives
    #: no ``base`` for a field: the document's URL as feedparser used it (for
    #: a saved file, the feed's own address), or "" when it has none.
    base: str


def _headers(headers: Mapping[str, str] | None, feed_url: str) -> dict[str, str]:
    # feedparser looks headers up in lower case; Content-Location is its
    # base URL for resolving relative links, so default it to the feed URL
    # when that is a web address. A file:// path is where a copy was saved,
    # not where the publisher's relative links point (and feedparser would
    # mangle it to file://tmp/...).
    lowered = _lower(headers)
    if web_url(feed_url):
        lowered.setdefault("content-location", feed_url)
    return lowered


def _feedparser_parse(content: bytes, feed_headers: dict[str, str]) -> Mapping[str, Any]:
    parsed = feedparser.parse(io.BytesIO(content), response_headers=feed_headers,
                              **_FEEDPARSER_OPTIONS)
    if "content-location" in feed_headers:
        return parsed
    # A saved file: parsed again with the feed's own address as the document
    # URL, so that relative links and nested xml:base values resolve as they
    # do when the feed is fetched, never against the file's path.
    address = _own_address(parsed.get("feed") or {})
    if address is None:
        return parsed
    feed_headers["content-location"] = address
    return feedparser.parse(io.BytesIO(content), response_headers=feed_headers,
                            **_FEEDPARSER_OPTIONS)


def _own_address(feed: Mapping[str, Any]) -> str | None:
    """Where a saved feed document was published: its rel="self" link (the
    document itself, what a poller fetches), else its alternate link."""
    for link in feed.get("links") or ():
        if link.get("rel") == "self" and web_url(link.get("href")):
            return link["href"]
    return web_url(feed.get("link"))


def _lower(headers: Mapping[str, str] | None) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (headers or {}).items()}


def _fill_feed_fields(result: ParsedFeed, feed: Mapping[str, Any]) -> None:
    title = _plain(feed.get("title_detail") or {}, feed.get("title"))
    result.title = title or None
    result.link = feed.get("link") or None
    result.language = language_tag(feed.get("language"))
    result.ttl_minutes = ttl_minutes(feed)


def _bozo_message(parsed: Mapping[str, Any], has_content_type: bool) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if isinstance(exc, feedparser.NonXMLContentType) and not has_content_type:
        return None  # a file or replay has no Content-Type to complain about
    return f"{type(exc).__name__}: {exc}" if exc is not None else "malformed feed"


def _empty_feed_error(parsed: Mapping[str, Any], problem: str | None) -> str | None:
    if problem:
        return f"malformed feed with no entries ({problem})"
    if not parsed.get("version") and not parsed.get("feed"):
        return "not a feed: no RSS, Atom or RDF elements found"
    return None  # a valid feed that is simply empty right now


def _add_entry(result: ParsedFeed, entry: Mapping[str, Any], ctx: _Context,
               seen: Container[str]) -> None:
    try:
        # A plain dict: FeedParserDict.get resolves aliases on every call,
        # and the keys read here are feedparser's own names, not aliases.
        entry = dict(entry)
        ident = entry_identity(entry)
        built = None if ident is None or ident[2] in seen else _article(entry, ctx, ident[0], ident[1])
    except Exception as exc:  # noqa: BLE001 - one odd entry must not cost the whole feed
        log.warning("feed entry skipped (%s: %s)", type(exc).__name__, exc)
        ident = built = None
    if ident is None or (built is None and ident[2] not in seen):
        result.skipped += 1
        return
    result.articles.append(built)
    result.keys.append(ident[2])


def _article(entry: Mapping[str, Any], ctx: _Context, guid: str | None,
             link: str) -> RawArticle:
    # The canonical form identifies the story (the id is a hash of it); the
    # url is the link as the publisher gave it, so it still works as written.
    canonical = canonical_url(link or guid or "")
    summary_detail = _summary_detail(entry)
    content, content_type, content_lang, from_body = _richest_content(entry, summary_detail,
                                                                      ctx.base)
    summary = _summary(summary_detail, content if from_body else None, ctx.base)
    return RawArticle(
        id=ids.article_id(canonical),
        feed_url=ctx.feed_url, source=ctx.source, url=link or guid or "", guid=guid,
        title=_plain(entry.get("title_detail") or {}, entry.get("title")),
        summary=summary, content=content, content_type=cast(ContentType, content_type),
        language=language_tag(content_lang) or _entry_language(entry) or ctx.language,
        published_at=rfc3339(entry.get("published_parsed") or entry.get("updated_parsed")),
        fetched_at=ctx.fetched_at,
    )


def _richest_content(entry: Mapping[str, Any], summary: Mapping[str, Any] | None,
                     base: str) -> tuple[str, str, str | None, bool]:
    """(value, content_type, language, came_from_a_content_element)."""
    candidates = [(c, True) for c in entry.get("content") or [] if c.get("value")]
    if summary and summary["value"] not in {c["value"] for c, _ in candidates}:
        candidates.append((summary, False))
    if not candidates:
        return "", "text/plain", None, False
    # Longest visible text wins; max() keeps the first on ties, and content
    # elements come first, so a body equal to its summary counts as body.
    # A lone candidate needs no text extraction to be the longest.
    detail, from_body = (candidates[0] if len(candidates) == 1 else
                         max(candidates, key=lambda c: len(_text_of(c[0]))))
    value, kind = _render(detail, base)
    return value, kind, detail.get("language"), from_body


def _render(detail: Mapping[str, Any], base: str) -> tuple[str, str]:
    # feedparser records each field's in-scope base (xml:base or the
    # document URL); a summary it copied from <content> has none.
    return _render_value(str(detail.get("value") or ""), _is_html(detail),
                         detail.get("base") or base)


@functools.lru_cache(maxsize=256)
def _render_value(value: str, is_html: bool, base: str) -> tuple[str, str]:
    # Cached because a summary-only entry renders the same string twice (as
    # content and as summary), and sanitising can be the costliest step here.
    if is_html:
        if looks_like_html(value):
            return sanitize_html(value, base), "text/html"
        return html.unescape(value).strip(), "text/plain"  # "html" with no tags
    return value.strip(), "text/plain"


def _summary_detail(entry: Mapping[str, Any]) -> dict[str, Any] | None:
    value = entry.get("summary")
    if not value:
        return None
    # feedparser copies an Atom <content> into summary without a detail
    # record; infer the type so the copy is recognised as HTML.
    guessed = "text/html" if looks_like_html(value) else "text/plain"
    return {"type": guessed, **(entry.get("summary_detail") or {}), "value": value}


def _summary(detail: Mapping[str, Any] | None, body: str | None, base: str) -> str | None:
    if detail is None:
        return None
    value, _ = _render(detail, base)
    # feedparser copies an Atom <content> into summary when there is none;
    # repeating the body as its own summary would only mislead.
    return None if not value or value == body else value


def _is_html(detail: Mapping[str, Any]) -> bool:
    return str(detail.get("type") or "").lower() in _HTML_TYPES


def _text_of(detail: Mapping[str, Any]) -> str:
    value = str(detail.get("value") or "")
    return html_to_text(value) if _is_html(detail) else value


def _plain(detail: Mapping[str, Any], value: Any) -> str:
    """Titles as plain text: tags stripped, entities decoded, one line."""
    text = str(value or "")
    if _is_html(detail) or looks_like_html(text):
        text = html_to_text(text)
    return " ".join(text.split())


def _entry_language(entry: Mapping[str, Any]) -> str | None:
    for key in ("summary_detail", "title_detail"):
        language = language_tag((entry.get(key) or {}).get("language"))
        if language:
            return language
    return language_tag(entry.get("language"))


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname or None
    except ValueError:
        return None


def needs_full_text(article: RawArticle, min_chars: int = FULL_TEXT_MIN_CHARS) -> bool:
    """True when the feed gave only a teaser and the page should be fetched."""
    text = html_to_text(article.content) if article.content_type == "text/html" else article.content
    return len(" ".join(text.split())) < min_chars
