"""pipeline.feeds.feedparser_speedups: faster, and feedparser's output unchanged."""
from __future__ import annotations

import copy
import io
from pathlib import Path

import feedparser
import pytest
from feedparser.util import FeedParserDict

from pipeline.feeds import feedparser_speedups

CORPUS = Path("/work/shared/data/feeds/feedparser_tests/tests")


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
    for path, a, b in zip(paths, fast, slow):
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
    assert "pipeline.feeds.feedparser_speedups" not in feedparser.api.PREFERRED_XML_PARSERS
