from __future__ import annotations

import pytest

from pipeline import ids
from pipeline.feeds.identity import (
    article_id_for,
    canonical_url,
    entry_identity,
    entry_key,
    is_tracking_param,
    web_url,
)


@pytest.mark.parametrize("raw, expected", [
    ("HTTPS://News.Example.COM/World/Story?b=2&a=1#comments",
     "https://news.example.com/World/Story?a=1&b=2"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com./a", "https://example.com/a"),
    ("https://user:secret@example.com/a", "https://example.com/a"),
    ("  https://example.com/a  ", "https://example.com/a"),
    ("https://example.com/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x", "https://example.com/a"),
    ("https://example.com/a?id=7&fbclid=abc&gclid=def&mc_cid=1&mc_eid=2", "https://example.com/a?id=7"),
    ("https://www.bbc.co.uk/news/world-1?at_medium=RSS&at_campaign=rss", "https://www.bbc.co.uk/news/world-1"),
    ("https://www.msn.com/en-us/news/ar-AA1?ocid=msedgntp&ref=rss", "https://www.msn.com/en-us/news/ar-AA1"),
    ("https://example.com/a?q=a+b&empty=", "https://example.com/a?empty=&q=a+b"),
    ("https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"),
    ("tag:example.com,2024:story-1", "tag:example.com,2024:story-1"),
    ("", ""),
    ("http://example.com:notaport/a", "http://example.com:notaport/a"),
])
def test_canonical_url(raw, expected):
    assert canonical_url(raw) == expected


def test_canonical_url_is_idempotent():
    once = canonical_url("HTTP://Example.com:80/P?z=1&utm_source=x&a=%2B#f")
    assert canonical_url(once) == once


def test_path_case_and_meaningful_params_are_kept():
    assert canonical_url("https://e.com/Path") != canonical_url("https://e.com/path")
    assert canonical_url("https://e.com/a?id=1") != canonical_url("https://e.com/a?id=2")


def test_tracking_param_names():
    assert is_tracking_param("utm_content") and is_tracking_param("FBCLID")
    assert not is_tracking_param("id") and not is_tracking_param("page")


def test_entry_key_prefers_guid_then_canonical_link():
    assert entry_key(" guid-1 ", "https://e.com/a") == "guid-1"
    assert entry_key(None, "https://E.com/a?utm_source=x") == "https://e.com/a"
    assert entry_key("", "https://e.com/a#x") == "https://e.com/a"
    with pytest.raises(ValueError):
        entry_key(None, "")


def test_article_id_is_hash_of_canonical_url():
    url = "https://news.example.com/story"
    assert article_id_for(url) == ids.article_id(url)
    assert article_id_for("https://NEWS.example.com:443/story?utm_source=feed#top") == ids.article_id(url)
    assert article_id_for(url) != article_id_for(url + "/2")


def _reference_canonical_url(url: str) -> str:
    """canonical_url before its host and query parts were memoised (ids must not move)."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    if not parts.scheme or not parts.hostname:
        return text
    scheme = parts.scheme.lower()
    host = parts.hostname.rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, {"http": 80, "https": 443}.get(scheme)) else f"{host}:{port}"
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not is_tracking_param(k)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(sorted(pairs)), ""))


def test_memoised_canonical_url_matches_the_reference():
    import random
    rng = random.Random(7)
    pieces = ["http", "HTTPS", "ftp", "", ":", "//", "/", "a", "É", "[::1]", "[bad", "@", "u:p@",
              ":80", ":443", ":99999", ":x", ".", "?", "&", "=", "utm_source=rss", "id=1", "#f",
              "%2B", "+", " ", "example.com", "Example.COM.", "?a=1&b=2", "x" * 600]
    urls = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(5000)]
    urls += [f"https://news.example.com/{n}/story-{i}?utm_source=rss" for n in range(3) for i in range(3)]
    urls += ["https://h.example/" + "p" * 10 + "?" + "q=1&" * 300, "https://" + "h" * 600 + ".example/a"]
    for url in urls * 2:  # the second round is answered from the memo
        assert canonical_url(url) == _reference_canonical_url(url), url


def test_entry_identity_keeps_guid_and_link_as_given():
    entry = {"id": " t3_42tizy ", "link": "https://e.com/a?rss#c"}
    assert entry_identity(entry) == ("t3_42tizy", "https://e.com/a?rss#c", "t3_42tizy")
    proxied = {"link": "https://proxy.example/~r/x", "feedburner_origlink": "https://e.com/b?utm_source=x"}
    assert entry_identity(proxied) == (None, "https://e.com/b?utm_source=x", "https://e.com/b")


def test_entry_identity_takes_a_web_guid_for_a_missing_link_and_nothing_else():
    assert entry_identity({"id": "https://e.com/s/1"}) == ("https://e.com/s/1",) * 3
    assert entry_identity({"id": "urn:x:1"}) == ("urn:x:1", "", "urn:x:1")
    assert entry_identity({"id": "http://[::1"}) == ("http://[::1", "", "http://[::1")
    assert entry_identity({"id": " ", "link": ""}) is None


def test_web_url_only_for_absolute_http_urls():
    assert web_url("HTTPS://e.com/a") == "HTTPS://e.com/a" and web_url("http://e.com") == "http://e.com"
    for other in (None, "", "file:///tmp/feed.xml", "/a", "t3_42tizy", "mailto:a@e.com", "http://[::1"):
        assert web_url(other) is None
