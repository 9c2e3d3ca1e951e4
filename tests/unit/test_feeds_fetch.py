"""fetch_feed / fetch_page against a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import asyncio
import gzip
import time
from email.utils import formatdate

import aiohttp
import pytest

from pipeline.feeds import fetch
from pipeline.feeds.fetch import (
    DEFAULT_USER_AGENT,
    fetch_feed,
    fetch_page,
    is_public_address,
    make_client,
    parse_retry_after,
)
from tests import local_http

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
ETAG = '"v1"'


class _Handler(local_http.QuietHandler):
    routes: dict = {}
    hits: list = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.hits.append((self.path, dict(self.headers)))
        route = self.routes.get(self.path.split("?")[0])
        if route is None:
            self.reply(404, b"no such page")
        else:
            route(self)



def _conditional(h: _Handler) -> None:
    if h.headers.get("If-None-Match") == ETAG:
        h.reply(304, headers={"ETag": ETAG})
    else:
        h.reply(200, FEED, {"Content-Type": "application/rss+xml", "ETag": ETAG,
                            "Last-Modified": "Tue, 14 May 2024 10:00:00 GMT"})


def _slow(h: _Handler) -> None:
    time.sleep(1.5)
    h.reply(200, FEED)


def _trickle(h: _Handler) -> None:
    # No Content-Length: the cap must work on the stream itself.
    h.send_response(200)
    h.end_headers()
    for _ in range(50):
        h.wfile.write(b"x" * 1000)


ROUTES = {
    "/feed": _conditional,
    "/moved": lambda h: h.reply(301, headers={"Location": "/step"}),
    "/step": lambda h: h.reply(308, headers={"Location": "/feed"}),
    "/temp": lambda h: h.reply(302, headers={"Location": "/feed"}),
    "/loop": lambda h: h.reply(302, headers={"Location": "/loop"}),
    "/gone": lambda h: h.reply(410, b"gone"),
    "/busy": lambda h: h.reply(429, b"slow down", {"Retry-After": "120"}),
    "/maint": lambda h: h.reply(503, b"", {"Retry-After": formatdate(time.time() + 300, usegmt=True)}),
    "/broken": lambda h: h.reply(500, b"oops"),
    "/slow": _slow,
    "/big": lambda h: h.reply(200, b"x" * 5000),
    "/trickle": _trickle,
    "/gzip": lambda h: h.reply(200, gzip.compress(b"y" * 50_000), {"Content-Encoding": "gzip"}),
    "/pdf": lambda h: h.reply(200, b"%PDF-1.4", {"Content-Type": "application/pdf"}),
    "/page": lambda h: h.reply(200, b"<html><p>Story</p></html>", {"Content-Type": "text/html"}),
    "/to-internal": lambda h: h.reply(302, headers={"Location": f"http://localhost:{h.server.server_port}/page"}),
}


@pytest.fixture()
def server():
    _Handler.routes, _Handler.hits = ROUTES, []
    httpd, base = local_http.start(_Handler)
    yield base, _Handler.hits
    local_http.stop(httpd)


def _run(coro_fn, **client_kwargs):
    async def main():
        # trust_env=False: a proxy in the environment must not intercept 127.0.0.1.
        async with make_client(trust_env=False, **client_kwargs) as client:
            return await coro_fn(client)
    return asyncio.run(main())


def test_200_returns_body_validators_and_sends_user_agent(server):
    base, hits = server
    result = _run(lambda c: fetch_feed(c, base + "/feed"))
    assert result.ok and result.status == 200 and result.content == FEED
    assert result.etag == ETAG and result.last_modified == "Tue, 14 May 2024 10:00:00 GMT"
    assert result.headers["content-type"] == "application/rss+xml"
    assert result.error is None and result.new_url is None
    sent = {k.lower(): v for k, v in hits[0][1].items()}
    assert sent["user-agent"] == DEFAULT_USER_AGENT
    assert "gzip" in sent["accept-encoding"]
    assert "rss+xml" in sent["accept"]


def test_etag_round_trip_gives_304_not_modified(server):
    base, hits = server
    result = _run(lambda c: fetch_feed(c, base + "/feed", etag=ETAG,
                                       last_modified="Tue, 14 May 2024 10:00:00 GMT"))
    assert result.not_modified and result.status == 304
    assert result.content is None and result.error is None
    sent = {k.lower(): v for k, v in hits[0][1].items()}
    assert sent["if-none-match"] == ETAG
    assert sent["if-modified-since"] == "Tue, 14 May 2024 10:00:00 GMT"


def test_permanent_redirect_chain_reports_new_url(server):
    base, _ = server
    result = _run(lambda c: fetch_feed(c, base + "/moved"))
    assert result.ok and result.content == FEED
    assert result.new_url == base + "/feed"
    assert result.final_url == base + "/feed"


def test_temporary_redirect_is_followed_but_not_reported(server):
    base, _ = server
    result = _run(lambda c: fetch_feed(c, base + "/temp"))
    assert result.ok and result.new_url is None and result.final_url == base + "/feed"


def test_redirect_loop_is_an_error(server):
    base, _ = server
    result = _run(lambda c: fetch_feed(c, base + "/loop"))
    assert not result.ok and "redirects" in result.error


def test_410_is_gone(server):
    base, _ = server
    result = _run(lambda c: fetch_feed(c, base + "/gone"))
    assert result.gone and result.status == 410 and result.content is None


def test_429_retry_after_seconds(server):
    base, _ = server
    result = _run(lambda c: fetch_feed(c, base + "/busy"))
    assert result.status == 429 and result.retry_after == 120.0
    assert result.error.startswith("HTTP 429") and result.content is None


def test_503_retry_after_http_date(server):
    base, _ = server
    result = _run(lambda c: fetch_feed(c, base + "/maint"))
    assert result.status == 503 and 280 <= result.retry_after <= 300


def test_other_http_errors_and_404_are_error_strings(server):
    base, _ = server
    assert _run(lambda c: fetch_feed(c, base + "/broken")).error == "HTTP 500 Internal Server Error"
    assert _run(lambda c: fetch_feed(c, base + "/nothing")).error == "HTTP 404 Not Found"


def test_read_timeout_is_an_error_not_an_exception(server):
    base, _ = server
    result = _run(lambda c: fetch_feed(c, base + "/slow"), timeout=0.3)
    assert not result.ok and result.error.startswith("timeout")


def test_total_deadline_bounds_a_slow_server(server):
    base, _ = server
    started = time.monotonic()
    result = _run(lambda c: fetch_feed(c, base + "/slow", total_timeout=0.3), timeout=5)
    assert "timed out" in result.error and time.monotonic() - started < 1.4


def test_connection_refused_is_an_error():
    result = _run(lambda c: fetch_feed(c, "http://127.0.0.1:9/feed"))
    assert not result.ok and "ConnectError" in result.error


@pytest.mark.parametrize("url", [
    "http://[::1", "http://a\x00b/", "http://127.0.0.1:99999/", "", "notaurl",
    "file:///nonexistent/\x00x",
])
def test_malformed_urls_are_errors_not_exceptions(url):
    result = _run(lambda c: fetch_feed(c, url, total_timeout=3))
    assert result.content is None and result.error


def test_body_over_cap_with_content_length(server):
    base, _ = server
    result = _run(lambda c: fetch_feed(c, base + "/big", max_bytes=1000))
    assert result.content is None and "exceeds the 1000 byte limit" in result.error


def test_streamed_body_over_cap_is_aborted(server):
    base, _ = server
    result = _run(lambda c: fetch_feed(c, base + "/trickle", max_bytes=10_000))
    assert result.content is None and "exceeds" in result.error


def test_cap_counts_decompressed_bytes(server):
    base, _ = server
    small = _run(lambda c: fetch_feed(c, base + "/gzip", max_bytes=100_000))
    assert small.content == b"y" * 50_000
    bomb = _run(lambda c: fetch_feed(c, base + "/gzip", max_bytes=10_000))
    assert bomb.content is None and "exceeds" in bomb.error


def test_file_url_feed_and_304_on_same_mtime(tmp_path):
    path = tmp_path / "saved.rss"
    path.write_bytes(FEED)
    first = _run(lambda c: fetch_feed(c, path.as_uri()))
    assert first.ok and first.content == FEED and first.last_modified
    again = _run(lambda c: fetch_feed(c, path.as_uri(), last_modified=first.last_modified))
    assert again.not_modified
    missing = _run(lambda c: fetch_feed(c, (tmp_path / "nope.rss").as_uri()))
    assert missing.status == 404 and "FileNotFoundError" in missing.error


def test_fetch_page_refuses_loopback_without_contacting_it(server):
    base, hits = server
    result = _run(lambda c: fetch_page(c, base + "/page"))
    assert result.content is None and "not a public address" in result.error
    assert hits == []


def test_fetch_page_allow_private(server):
    base, _ = server
    result = _run(lambda c: fetch_page(c, base + "/page", allow_private=True))
    assert result.ok and b"Story" in result.content


def test_fetch_page_rejects_non_html(server):
    base, _ = server
    result = _run(lambda c: fetch_page(c, base + "/pdf", allow_private=True))
    assert result.content is None and result.error == "not an HTML page (application/pdf)"


def test_fetch_page_checks_every_redirect_hop(server, monkeypatch):
    # Pretend 127.0.0.1 is public so the first hop passes; the redirect to
    # "localhost" must still be refused before any request is made to it.
    monkeypatch.setattr(fetch, "is_public_address", lambda host: host == "127.0.0.1")
    base, hits = server
    result = _run(lambda c: fetch_page(c, base + "/to-internal"))
    assert result.content is None and "localhost is not a public address" in result.error
    assert [path for path, _ in hits] == ["/to-internal"]


def test_fetch_page_refuses_non_http_schemes():
    for url in ("file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)"):
        result = _run(lambda c, url=url: fetch_page(c, url, allow_private=True))
        assert result.content is None and result.error.startswith("refused")


@pytest.mark.parametrize("host", [
    "127.0.0.1", "localhost", "10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254",
    "224.0.0.1", "0.0.0.0", "::1", "fe80::1", "::ffff:127.0.0.1", "240.0.0.1",
    "100.64.0.1", "no-such-host.invalid",
])
def test_is_public_address_refuses_non_public(host):
    assert is_public_address(host) is False


def test_is_public_address_accepts_public_literals():
    assert is_public_address("8.8.8.8") and is_public_address("2001:4860:4860::8888")


def test_parse_retry_after():
    now = 1_700_000_000.0
    assert parse_retry_after("30", now) == 30.0
    assert parse_retry_after(formatdate(now + 90, usegmt=True), now) == pytest.approx(90, abs=1)
    assert parse_retry_after(formatdate(now - 90, usegmt=True), now) == 0.0
    assert parse_retry_after("999999999", now) == fetch.MAX_RETRY_AFTER
    assert parse_retry_after("soon", now) is None and parse_retry_after(None) is None


def test_make_client_defaults():
    async def main():
        client = make_client()
        try:
            assert client.headers["user-agent"] == DEFAULT_USER_AGENT
            assert client.timeout.sock_connect == 10.0 and client.timeout.sock_read == 20.0
            assert client.trust_env is True and client.auto_decompress is True
            assert client.connector.limit == 100 and client.connector.limit_per_host == 0
            assert isinstance(client, aiohttp.ClientSession)
        finally:
            await client.close()
    asyncio.run(main())


def test_cache_max_age():
    from pipeline.feeds.fetch import cache_max_age
    assert cache_max_age({"cache-control": "public, max-age=600"}) == 600
    assert cache_max_age({"cache-control": "max-age=600, no-cache"}) is None
    assert cache_max_age({"cache-control": "s-maxage=60"}) is None
    assert cache_max_age({}) is None
