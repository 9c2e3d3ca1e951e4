from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pipeline.feeds.opml import FeedSpec, read_feed_list, write_opml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
DEFAULT_OPML = Path(__file__).resolve().parents[2] / "pipeline" / "feeds" / "default_feeds.opml"

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>t</title></head><body>
  <outline text="World">
    <outline type="rss" text="Desk A" title="Desk A title" xmlUrl="https://a.example/rss"/>
    <outline type="rss" text="Desk B" xmlUrl=" https://b.example/atom "/>
  </outline>
  <outline type="rss" text="Dup" xmlUrl="https://a.example/rss"/>
  <outline text="a category without feeds"/>
</body></opml>"""


def test_reads_nested_opml_and_dedupes(tmp_path):
    path = tmp_path / "feeds.opml"
    path.write_text(OPML, encoding="utf-8")
    assert read_feed_list(path) == [
        FeedSpec("https://a.example/rss", "Desk A title"),
        FeedSpec("https://b.example/atom", "Desk B"),
    ]


def test_reads_url_per_line_with_comments_and_titles(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("\ufeff# my feeds\n\nhttps://a.example/rss\n  # indented comment\n"
                    "https://b.example/feed  Example B World\n", encoding="utf-8")
    assert read_feed_list(str(path)) == [
        FeedSpec("https://a.example/rss"), FeedSpec("https://b.example/feed", "Example B World"),
    ]


def test_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("https://a.example/rss\nnot a url\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"feeds.txt:2: not a feed URL"):
        read_feed_list(path)


def test_malformed_opml_is_a_clear_error(tmp_path):
    path = tmp_path / "feeds.opml"
    path.write_text("<opml><body><outline xmlUrl='https://a.example/'></body>", encoding="utf-8")
    with pytest.raises(ValueError, match="malformed"):
        read_feed_list(path)


def test_directory_of_saved_feeds_gives_file_urls(tmp_path):
    for name in ("b.atom", "a.rss", "c.xml", "notes.txt"):
        (tmp_path / name).write_text("<rss/>", encoding="utf-8")
    feeds = read_feed_list(tmp_path)
    assert [f.title for f in feeds] == ["a", "b", "c"]
    assert feeds[0].url == (tmp_path / "a.rss").resolve().as_uri()
    assert all(f.url.startswith("file://") for f in feeds)


def test_fixture_directory_and_single_saved_feed():
    feeds = read_feed_list(FIXTURES)
    assert {f.title for f in feeds} >= {"world", "summary_only"}
    assert read_feed_list(FIXTURES / "world.rss") == [
        FeedSpec((FIXTURES / "world.rss").resolve().as_uri(), "world")]


def test_write_opml_round_trips_and_escapes(tmp_path):
    feeds = [FeedSpec("https://a.example/rss?x=1&y=2", 'Quotes "&" <angles>'),
             FeedSpec("https://b.example/feed")]
    text = write_opml(feeds)
    ET.fromstring(text.encode())  # well-formed
    path = tmp_path / "out.opml"
    path.write_text(text, encoding="utf-8")
    assert read_feed_list(path) == [feeds[0], FeedSpec("https://b.example/feed", "https://b.example/feed")]


def test_default_feed_list_is_valid_and_substantial():
    feeds = read_feed_list(DEFAULT_OPML)
    assert 20 <= len(feeds) <= 40
    assert all(f.url.startswith("https://") and f.title for f in feeds)
    assert any("bbci.co.uk" in f.url for f in feeds) and any("news.un.org" in f.url for f in feeds)
