"""Issue 13: guid, url and relative links exactly as the publisher meant them."""
from __future__ import annotations

import io
from pathlib import Path

import feedparser
import orjson
import pytest

from newswire.cli import main
from patches import feedparser_guids
from pipeline import ids
from pipeline.feeds.identity import canonical_url
from pipeline.feeds.parse import ParsedFeed, parse_feed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
FEED_URL = "https://feeds.example.com/r/news/.rss"
SAVED = "file:///tmp/saved/feed.xml"


def _parse(data: bytes, feed_url: str = FEED_URL) -> ParsedFeed:
    return parse_feed(data, feed_url=feed_url, fetched_at="2024-05-15T10:00:00Z")


def _rss(items: str, channel: str = "<link>https://c.example/home/</link>") -> bytes:
    return f'<rss version="2.0"><channel><title>C</title>{channel}{items}</channel></rss>'.encode()


def _atom(entries: str, feed: str = "") -> bytes:
    return (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>{feed}{entries}</feed>').encode()


# --- guid: an opaque identifier, never resolved ------------------------------

def test_atom_id_is_not_resolved_against_the_feed_url():
    feed = _parse(_atom('<entry><id>t3_42tizy</id><title>T</title>'
                        '<link href="https://www.reddit.example/r/news/comments/42tizy/"/></entry>'))
    article = feed.articles[0]
    assert article.guid == "t3_42tizy" and feed.keys == ["t3_42tizy"]
    assert article.url == "https://www.reddit.example/r/news/comments/42tizy/"


def test_atom_id_is_not_resolved_against_xml_base_nor_taken_for_a_link():
    # With no link, the id is still no link: RFC 4287 makes it an identifier.
    feed = _parse(_atom('<entry xml:base="https://b.example/x/"><id>t3_nolink</id><title>T</title></entry>'))
    article = feed.articles[0]
    assert article.guid == "t3_nolink" and article.url == "t3_nolink"
    assert article.id == ids.article_id("t3_nolink")


def test_absolute_atom_id_still_serves_an_entry_without_a_link():
    article = _parse(_atom("<entry><id>https://a.example/story/7</id><title>T</title></entry>")).articles[0]
    assert article.guid == article.url == "https://a.example/story/7"


def test_rss_guid_without_ispermalink_stays_as_written_beside_a_link():
    feed = _parse(_rss("<item><title>a</title><guid>12345</guid><link>https://c.example/a</link></item>"))
    assert feed.articles[0].guid == "12345" and feed.keys == ["12345"]
    assert feed.articles[0].url == "https://c.example/a"


def test_permalink_guid_serves_as_the_link_resolved_but_stays_as_written():
    feed = _parse(_rss('<item xml:base="https://c.example/news/"><title>b</title>'
                       '<guid isPermaLink="true">2024/b?rss</guid></item>'))
    article = feed.articles[0]
    assert article.guid == "2024/b?rss" and feed.keys == ["2024/b?rss"]
    assert article.url == "https://c.example/news/2024/b?rss"
    assert article.id == ids.article_id(canonical_url("https://c.example/news/2024/b?rss"))


def test_not_a_permalink_guid_is_neither_resolved_nor_a_link():
    feed = _parse(_rss('<item><title>c</title><guid isPermaLink="false">opaque-1</guid></item>'))
    assert feed.articles[0].guid == feed.articles[0].url == "opaque-1"


def test_guid_stays_as_written_in_an_ill_formed_feed():
    # Broken XML goes to feedparser's loose (sgmllib) parser, a second class.
    data = _rss("<item><title>Fish & chips</title><guid>t3_loose</guid>"
                "<link>/a?rss</link></item>")
    feed = _parse(data)
    assert feed.warning and feed.articles[0].guid == "t3_loose"
    assert feed.articles[0].url == "https://feeds.example.com/a?rss"


def test_feedparser_itself_keeps_ids_once_installed():
    feedparser_guids.install()
    feedparser_guids.install()  # idempotent: one subclass, not a chain
    assert feedparser_guids.installed()
    assert feedparser.api.StrictFeedParser.__mro__.count(feedparser_guids._IdentifiersAsWritten) == 1
    parsed = feedparser.parse(io.BytesIO(_atom("<entry><id>t3_x</id><title>T</title></entry>")),
                              response_headers={"content-location": FEED_URL})
    assert parsed.entries[0].id == "t3_x" and "link" not in parsed.entries[0]


# --- url: the publisher's link as given ---------------------------------------

@pytest.mark.parametrize("link", [
    "https://c.example/story?rss",
    "https://c.example/story?utm_source=rss&b=2&a=1",
    "https://C.example/Story#comments",
])
def test_url_is_the_link_as_given_and_the_id_its_canonical_hash(link):
    escaped = link.replace("&", "&amp;")
    article = _parse(_rss(f"<item><title>t</title><link>{escaped}</link></item>")).articles[0]
    assert article.url == link
    assert article.id == ids.article_id(canonical_url(link))


def test_feed_proxy_original_link_is_followed_as_given():
    data = (b'<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">'
            b"<channel><title>C</title><item><title>t</title>"
            b"<link>https://feeds.proxy.example/~r/c/~3/abc/</link>"
            b"<feedburner:origLink>https://c.example/story?rss</feedburner:origLink>"
            b"</item></channel></rss>")
    article = _parse(data).articles[0]
    assert article.url == "https://c.example/story?rss"


# --- saved files: relative links against the feed's own addresses -------------

def test_saved_feed_resolves_links_against_its_alternate_link():
    feed = _parse(_rss("<item><title>a</title><guid>7</guid><link>/a?rss</link>"
                       "<description>&lt;a href='more'&gt;more&lt;/a&gt;</description></item>"),
                  feed_url=SAVED)
    article = feed.articles[0]
    assert article.url == "https://c.example/a?rss" and article.guid == "7"
    assert 'href="https://c.example/home/more"' in article.content
    assert article.feed_url == SAVED


def test_saved_feed_resolves_against_its_self_link_before_its_alternate_link():
    # rel="self" is the document itself: the base a poller fetching it uses.
    channel = ('<link>https://c.example/home/</link><atom:link rel="self" '
               'href="https://c.example/feeds/main.rss" xmlns:atom="http://www.w3.org/2005/Atom"/>')
    items = "<item><title>a</title><link>story?rss</link></item>"
    saved = _parse(_rss(items, channel=channel), feed_url=SAVED).articles[0]
    fetched = _parse(_rss(items, channel=channel), feed_url="https://c.example/feeds/main.rss").articles[0]
    assert saved.url == fetched.url == "https://c.example/feeds/story?rss"
    assert saved.id == fetched.id


def test_saved_feed_prefers_xml_base_where_one_applies():
    feed = _parse(_atom('<entry xml:base="/archive/"><id>e1</id><title>T</title><link href="e1.html"/>'
                        '<content type="html" xml:base="img/">&lt;img src="p.jpg"&gt;</content></entry>',
                        feed='<link href="https://a.example/blog/"/>'), feed_url=SAVED)
    article = feed.articles[0]
    assert article.url == "https://a.example/archive/e1.html"
    assert 'src="https://a.example/archive/img/p.jpg"' in article.content


def test_saved_feed_without_any_base_keeps_relative_links_relative():
    feed = _parse(_rss("<item><title>a</title><link>/a</link></item>", channel=""), feed_url=SAVED)
    assert feed.articles[0].url == "/a"


def test_feeds_parse_of_a_saved_file_never_resolves_against_its_path(capsys):
    assert main(["feeds", "parse", str(FIXTURES / "relative_links.rss")]) == 0
    articles = orjson.loads(capsys.readouterr().out)
    assert [a["guid"] for a in articles] == ["t3_42tizy", "2024/05/ferry-timetable",
                                             "gazette-2024-0512-library"]
    assert [a["url"] for a in articles] == [
        "https://gazette.example.org/local/2024/05/harbour-reopens?rss",
        "https://gazette.example.org/local/2024/05/ferry-timetable",
        "https://archive.gazette.example.org/2024/library-hours"]
    assert "https://archive.gazette.example.org/2024/photos/reading-room.jpg" in articles[2]["content"]
    assert all(a["feed_url"].startswith("file:///") for a in articles)
    text = orjson.dumps([{k: v for k, v in a.items() if k != "feed_url"} for a in articles])
    assert b"file:" not in text


def test_feeds_parse_with_url_resolves_against_that_address(capsys):
    assert main(["feeds", "parse", str(FIXTURES / "relative_links.rss"),
                 "--url", "https://mirror.example.net/feeds/local.rss"]) == 0
    articles = orjson.loads(capsys.readouterr().out)
    assert articles[0]["url"] == "https://mirror.example.net/local/2024/05/harbour-reopens?rss"
    assert articles[0]["guid"] == "t3_42tizy"


def test_parse_refuses_to_run_on_unpatched_feedparser(monkeypatch):
    # Without the guid patch every guid would come out resolved as a link:
    # a start-up mistake, so it is an operator error, not a feed error.
    from pipeline.errors import OperatorError
    from pipeline.feeds.parse import parse_feed
    monkeypatch.setattr(feedparser.api, "StrictFeedParser", feedparser_guids._ORIGINALS["StrictFeedParser"])
    with pytest.raises(OperatorError, match="patches.install"):
        parse_feed(b"<rss><channel></channel></rss>", feed_url="https://x.test/rss",
                   fetched_at="2026-12-03T00:00:00Z")
