"""Feed lists: OPML files, plain URL lists, and directories of saved feeds.

A feed list is configuration, so a bad line is a loud ``ValueError`` naming
the file and line, not a feed that silently never gets polled.
"""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from pipeline.errors import FeedListError

__all__ = ["FEED_FILE_SUFFIXES", "FeedSpec", "read_feed_list", "write_opml"]

FEED_FILE_SUFFIXES = (".xml", ".rss", ".atom")
_URL_SCHEMES = ("http", "https", "file")
_FEED_ROOTS = {"rss", "feed", "rdf", "channel"}


@dataclass(frozen=True)
class FeedSpec:
    url: str
    title: str | None = None


def read_feed_list(path: str | Path) -> list[FeedSpec]:
    """Feeds named by ``path``: an OPML file, a URL-per-line text file, a
    saved feed file, or a directory of saved feeds (``file://`` URLs)."""
    path = Path(path)
    if path.is_dir():
        return _dedupe(_saved_feed(p) for p in sorted(path.iterdir())
                       if p.is_file() and p.suffix.lower() in FEED_FILE_SUFFIXES)
    data = path.read_bytes()
    root = _xml_root_name(data, path)
    if root == "opml":
        return _dedupe(_read_opml(data, path))
    if root in _FEED_ROOTS:
        return [_saved_feed(path)]
    if root is not None:
        raise FeedListError(f"{path}: XML root <{root}> is neither OPML nor a feed")
    return _dedupe(_read_lines(data.decode("utf-8-sig"), path))


def _xml_root_name(data: bytes, path: Path) -> str | None:
    """Local name of the root element, or None when ``data`` is not XML."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return None
    try:
        for _, element in ET.iterparse(io.BytesIO(data), events=("start",)):
            return element.tag.rsplit("}", 1)[-1].lower()
    except ET.ParseError as exc:
        raise FeedListError(f"{path}: malformed XML: {exc}") from None
    return None


def _read_opml(data: bytes, path: Path) -> list[FeedSpec]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FeedListError(f"{path}: malformed OPML: {exc}") from None
    feeds = []
    # Categories are outlines that nest outlines; only those with xmlUrl are feeds.
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            _check_url(url, f"{path}: outline {outline.get('text')!r}")
            title = outline.get("title") or outline.get("text")
            feeds.append(FeedSpec(url, title.strip() if title else None))
    return feeds


def _read_lines(text: str, path: Path) -> list[FeedSpec]:
    feeds = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        # "URL  optional title": URLs never contain spaces, titles may.
        url, _, title = line.partition(" ")
        _check_url(url, f"{path}:{number}")
        feeds.append(FeedSpec(url, title.strip() or None))
    return feeds


def _check_url(url: str, where: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in _URL_SCHEMES or not (parts.netloc or parts.scheme == "file"):
        raise FeedListError(f"{where}: not a feed URL: {url!r}")


def _saved_feed(path: Path) -> FeedSpec:
    return FeedSpec(path.resolve().as_uri(), path.stem)


def _dedupe(feeds) -> list[FeedSpec]:
    """First occurrence of each URL wins, order kept (lists get merged by hand)."""
    seen: set[str] = set()
    unique = []
    for feed in feeds:
        if feed.url not in seen:
            seen.add(feed.url)
            unique.append(feed)
    return unique


def write_opml(feeds: list[FeedSpec], title: str = "newswire feeds") -> str:
    """An OPML 2.0 document listing ``feeds``, readable by any feed reader."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{escape(title)}</title>",
        f"    <dateCreated>{formatdate(usegmt=True)}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for feed in feeds:
        text = quoteattr(feed.title or feed.url)
        lines.append(f'    <outline type="rss" text={text} title={text} '
                     f"xmlUrl={quoteattr(feed.url)}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
