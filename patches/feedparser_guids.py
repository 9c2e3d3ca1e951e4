"""Entry identifiers exactly as the publisher wrote them (installed by ``patches.install``).

feedparser joins every RSS ``<guid>`` it takes for a permalink, and every
Atom ``<id>``, with the in-scope base URI, as if it were a relative link:
the reddit-style id ``t3_42tizy`` in a feed fetched from
``https://host/r/news/.rss`` came out as ``https://host/r/news/t3_42tizy``,
and from a saved file as ``file://tmp/...``. An identifier is opaque, so
here:

* ``id`` (our ``guid``) is stored as written, never resolved;
* an RSS guid that is a permalink (``isPermaLink`` "true" or absent, as the
  RSS 2.0 spec defines it) still stands in for a missing ``<link>``, and
  that link is resolved like any other link;
* an Atom ``<id>`` is never taken for a link: RFC 4287 makes it an
  identifier, and when it is an absolute http(s) URL ``parse`` falls back
  to it explicitly for an entry that has no link.

This is a change of result, unlike feedparser_speedups, which only changes
speed. It goes in by the concrete parser classes feedparser instantiates
(``feedparser.api.StrictFeedParser`` and ``LooseFeedParser``), which are
replaced by subclasses: feedparser's own classes are left as they are.
"""
from __future__ import annotations

from typing import Any

import feedparser.api

__all__ = ["install", "installed"]


class _IdentifiersAsWritten:
    """Mixed in ahead of feedparser's parser classes."""

    #: What pipeline.feeds.parse checks before it parses a feed.
    keeps_ids_as_written = True

    # Provided by feedparser's parser class this is mixed into.
    guidislink: Any
    push: Any
    pop: Any
    _save: Any
    _get_context: Any
    resolve_uri: Any

    def _start_id(self, attrs_d: dict[str, str]) -> None:
        # An Atom <id> (also atom:id inside RSS) names the entry; it is not a
        # permalink, so feedparser's pop() has no reason to resolve it.
        self.guidislink = 0
        self.push("id", 1)

    def _end_guid(self) -> None:
        # feedparser's pop() resolves an 'id' element while guidislink is
        # set; the permalink is resolved only where it becomes the link.
        permalink = self.guidislink
        self.guidislink = 0
        try:
            value = self.pop("id")
        finally:
            self.guidislink = permalink
        self._save("guidislink", bool(permalink) and "link" not in self._get_context())
        if permalink and value:
            self._save("link", self.resolve_uri(value))

    _end_id = _end_guid


_ORIGINALS = {name: getattr(feedparser.api, name, None)
              for name in ("StrictFeedParser", "LooseFeedParser")}


def install() -> None:
    """Make feedparser keep identifiers as written (idempotent)."""
    for name, original in _ORIGINALS.items():
        current = getattr(feedparser.api, name, None)
        if original is None or current is not original:
            continue  # already installed, or a feedparser without that class
        fixed = type(name, (_IdentifiersAsWritten, original), {"__module__": __name__})  # type: ignore[arg-type]
        setattr(feedparser.api, name, fixed)


def installed() -> bool:
    return any(isinstance(getattr(feedparser.api, name, None), type)
               and issubclass(getattr(feedparser.api, name), _IdentifiersAsWritten)
               for name in _ORIGINALS)
