"""patches.feedparser_speedups: faster, and feedparser's output unchanged."""
from __future__ import annotations

import copy
import io

import feedparser
import pytest
from feedparser.util import FeedParserDict

from patches import feedparser_speedups
from tests.shared_data import SHARED_DATA

CORPUS = SHARED_DATA / "feeds" / "feedparser_tests" / "tests"


def _comparable(result) -> dict:
    # Exceptions compare by identity; their type and message are what matter.
    exc = result.get("bozo_exception")
    return {**result, "bozo_exception": (type(exc).__name__, str(exc)) if exc else None}


def _parse_all(paths, **options) -> list[dict]:
    return [_comparable(feedparser.parse(io.BytesIO(p.read_bytes()),
                                         response_headers={"content-location": "http://example.com/feed"},
                                         **options)) for p in paths]


@pytest.fixture()
def restore_speedups():
    yield
    feedparser_speedups.install()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared feedparser corpus not present")
@pytest.mark.parametrize("options", [{}, {"sanitize_html": False, "resolve_relative_uris": False}],
                         ids=["feedparser-defaults", "as-the-poller-calls-it"])
def test_feedparser_output_is_identical_with_and_without_speedups(options, restore_speedups):
    paths = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    assert len(paths) > 2000
    feedparser_speedups.install()
    fast = _parse_all(paths, **options)
    feedparser_speedups.uninstall()
    assert not feedparser_speedups.installed()
    slow = _parse_all(paths, **options)
    for path, a, b in zip(paths, fast, slow, strict=True):
        assert a == b, path


def test_deepcopy_copies_like_the_generic_path(restore_speedups):
    detail = FeedParserDict(type="text/html", language=None, base="http://e.example/",
                            value="v", nested=[{"a": 1}])
    detail.extra = ["x"]
    feedparser_speedups.install()
    fast = copy.deepcopy(detail)
    feedparser_speedups.uninstall()
    slow = copy.deepcopy(detail)
    for clone in (fast, slow):
        assert type(clone) is FeedParserDict and clone == detail and clone is not detail
        assert clone["nested"] is not detail["nested"] and clone.extra == ["x"]
        assert clone.extra is not detail.extra


def test_get_keeps_aliases_and_defaults(restore_speedups):
    entry = FeedParserDict(id="g", summary="s", published_parsed=(2024,))
    for on in (True, False):
        (feedparser_speedups.install if on else feedparser_speedups.uninstall)()
        assert entry.get("guid") == "g" and entry.get("description") == "s"
        assert entry.get("missing", 7) == 7 and entry.get("id") == "g"
        with pytest.warns(DeprecationWarning):
            assert entry.get("updated_parsed") == (2024,)


def test_long_base_uris_are_not_memoised():
    feedparser_speedups.install()
    join = feedparser.mixin.make_safe_absolute_uri
    long_base = "http://e.example/" + "a" * 5000
    before = feedparser_speedups._self_join.cache_info().currsize
    assert join(long_base, long_base) == long_base
    assert feedparser_speedups._self_join.cache_info().currsize == before
    assert join("http://e.example/x/", "http://e.example/x/") == "http://e.example/x/"
    assert join("http://e.example/x/", "../y") == "http://e.example/y"
    assert join("http://e.example/x/", "javascript:alert(1)") == ""


def test_feedparser_uses_the_buffering_expat_driver(restore_speedups):
    import xml.sax

    import feedparser.api
    feedparser_speedups.install()
    parser = xml.sax.make_parser(feedparser.api.PREFERRED_XML_PARSERS)
    assert type(parser).__name__ == "_BufferedExpatParser"
    feedparser_speedups.uninstall()
    assert "patches.feedparser_speedups" not in feedparser.api.PREFERRED_XML_PARSERS


def _parse_both(document: bytes, **options) -> tuple[dict, dict]:
    feedparser_speedups.install()
    fast = _parse_all_bytes(document, **options)
    feedparser_speedups.uninstall()
    slow = _parse_all_bytes(document, **options)
    feedparser_speedups.install()
    return fast, slow


def _parse_all_bytes(document: bytes, **options) -> dict:
    return _comparable(feedparser.parse(io.BytesIO(document),
                                        response_headers={"content-location": "http://example.com/feed"},
                                        **options))


def test_bench_document_parses_identically(restore_speedups):
    # The benchmark's own document shape (bench/feeds_poll.py), which every
    # fast path below serves: plain RSS 2.0, an attribute, entities, dates.
    from bench.feeds_poll import feed_body
    for options in ({}, {"sanitize_html": False, "resolve_relative_uris": False}):
        fast, slow = _parse_both(feed_body(3, 0), **options)
        assert fast == slow and len(fast["entries"]) == 20


MIXED_NAMESPACES = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"
     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:x="http://unknown.example/ns">
<channel><title type="HTML">T &amp; co</title><atom:link href="/self" rel="self"/>
<Item><TITLE>Upper &lt;b&gt;case&lt;/b&gt;</TITLE><Link>http://e.example/a?x=1&amp;amp;y=2</Link>
<GUID IsPermaLink="true">http://e.example/a</GUID><dc:creator>A. Writer (a@e.example)</dc:creator>
<x:thing Attr="V">kept</x:thing><media:content url="http://e.example/i.jpg" medium="image"/>
<content:encoded><![CDATA[<p>Body <a href="rel/link">link</a></p>]]></content:encoded>
<pubDate>Wed, 31 Apr 2024 10:00:00 GMT</pubDate><enclosure url="http://e.example/a.mp3" type="audio/mpeg" length="1"/>
</Item>
<item><title>Second</title><link>  https://e.example/b#frag  </link><guid>b</guid>
<description>plain &amp; simple</description><pubDate>Thu, 02 May 2024 10:00:00 +0530</pubDate></item>
</channel></rss>"""


@pytest.mark.parametrize("options", [{}, {"sanitize_html": False, "resolve_relative_uris": False}])
def test_namespaces_attributes_and_case_parse_identically(options, restore_speedups):
    fast, slow = _parse_both(MIXED_NAMESPACES, **options)
    assert fast == slow
    assert len(fast["entries"]) == 2 and fast["entries"][0]["title"]


RFC822_DATES = [
    "Tue, 14 May 2024 10:00:00 GMT", "Wed, 31 Apr 2024 10:00:00 GMT", "Thu, 29 Feb 2024 23:59:59 UT",
    "Fri, 29 Feb 2023 00:00:00 Z", "Sat, 01 Jan 0001 00:00:00 +0100", "Fri, 31 Dec 9999 23:00:00 -0100",
    "Mon, 01 Jan 2024 00:30:00 +0530", "Sun, 10 Mar 2024 02:30:00 -0800", "Mon, 00 Jan 2024 00:00:00 GMT",
    "Mon, 01 Jan 2024 24:00:00 GMT", "Mon, 01 Jan 2024 23:60:00 GMT", "Mon, 01 Jan 2024 10:00:00 +2399",
    "Mon, 01 Jan 2024 10:00:00 -0000", "Mon, 01 Jan 1970 00:00:00 +1400",
    # Not the plain form: left to feedparser's chain.
    "Tue, 14 May 24 10:00:00 GMT", "14 May 2024 10:00:00 GMT", "tue, 14 may 2024 10:00:00 gmt",
    "Tue, 14 May 2024 10:00:00 EST", "Tue, 14 May 2024 10:00 GMT", "2024-05-14T10:00:00Z", "",
]


def test_plain_rfc822_dates_parse_as_feedparser_does(restore_speedups):
    from feedparser.datetimes import _parse_date
    from feedparser.datetimes.w3dtf import _parse_date_w3dtf
    feedparser_speedups.install()
    fast = [_parse_date(d) for d in RFC822_DATES]
    feedparser_speedups.uninstall()
    slow = [_parse_date(d) for d in RFC822_DATES]
    assert fast == slow
    # feedparser tries W3C-DTF before RFC 822; the shortcut comes first, so
    # W3C-DTF must never accept what the shortcut accepts.
    for date in RFC822_DATES:
        if feedparser_speedups._RFC822_PLAIN.fullmatch(date):
            assert not _parse_date_w3dtf(date)


URLS = [
    "https://news.example.com/7/story-3?utm_source=rss", "http://e.example", "http://e.example/",
    "http://e.example/a/../b/./c", "http://e.example:8080/a?b=1&c=2#frag", "http://e.example/a?",
    "http://e.example/a#", "http://e.example/a;params?q", "http:///e.example/a", "HTTP://E.example/a",
    "http://user@e.example/a", "http://[::1]/a", "http://e.example/a b", "http://e.example/a\tb",
    " http://e.example/a", "https://e.example/%7Euser/?q=%20&r=a;b", "ftp://e.example/a",
    "javascript:alert(1)", "relative/path", "/absolute/path", "?q=1", "#frag", "//e.example/a",
    "http://e.example:notaport/a", "https://e.example/é",
]
BASES = ["", "http://example.com/feed", "https://example.com/a/b?c#d", "http://[::1", "ftp://x/"]


def test_url_join_shortcut_agrees_with_feedparser():
    for base in BASES:
        for url in URLS:
            assert feedparser_speedups._urljoin(base, url) == feedparser_speedups._original_urljoin(base, url), (base, url)
