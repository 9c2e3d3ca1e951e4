"""FeedPoller against a real HTTP server on 127.0.0.1: politeness and state."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

from pipeline.feeds import schedule
from pipeline.feeds.poller import FeedPoller, PollerOptions
from pipeline.feeds.store import MappingStore
from tests import local_http


def rss(items: list[int], title: str = "Desk") -> bytes:
    body = "".join(f"<item><title>Story {n}</title><link>http://example.org/s/{n}</link>"
                   f"<guid isPermaLink=\"false\">g{n}</guid><description>{'words ' * 120}</description></item>"
                   for n in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}'
            f"</title>{body}</channel></rss>").encode()


class Site:
    """Routes: path -> callable(handler) ; counts hits and concurrent requests."""

    def __init__(self) -> None:
        site = self
        self.routes: dict = {}
        self.hits: list[str] = []
        self.active = self.peak = 0
        self.lock = threading.Lock()

        class Handler(local_http.QuietHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                with site.lock:
                    site.hits.append(self.path)
                    site.active += 1
                    site.peak = max(site.peak, site.active)
                try:
                    site.routes.get(self.path, lambda h: h.reply(404, b"no"))(self)
                finally:
                    with site.lock:
                        site.active -= 1

        self.server, self.base = local_http.start(Handler)

    def close(self) -> None:
        local_http.stop(self.server)


@pytest.fixture()
def site():
    s = Site()
    yield s
    s.close()


def feed_route(items: list[int], etag: str = '"v1"', extra: dict | None = None):
    def route(h) -> None:
        if h.headers.get("If-None-Match") == etag:
            h.reply(304, headers={"ETag": etag, **(extra or {})})
        else:
            h.reply(200, rss(items), {"Content-Type": "application/rss+xml", "ETag": etag,
                                     **(extra or {})})
    return route


def make_poller(urls, store=None, **options):
    emitted = []

    async def emit(article):
        emitted.append(article)
    options.setdefault("fetch_full_text", False)
    poller = FeedPoller(urls, emit, options=PollerOptions(**options),
                        store=MappingStore({} if store is None else store))
    return poller, emitted


def poll(poller) -> int:
    async def main():
        async with poller.client() as client:
            client._trust_env = False
            return await poller.poll_due(client)
    return asyncio.run(main())


def force_due(poller) -> None:
    for url, state in poller.states.items():
        poller.states[url] = schedule.reenabled(state) if not state.gone else state


def test_etag_304_emits_nothing_and_keeps_schedule(site):
    site.routes["/f"] = feed_route([1, 2])
    url = site.base + "/f"
    poller, emitted = make_poller([url])
    poll(poller)
    assert [a.guid for a in emitted] == ["g1", "g2"] and poller.states[url].etag == '"v1"'
    force_due(poller)
    before = time.time()
    poll(poller)
    assert len(emitted) == 2 and poller.states[url].next_poll >= before + schedule.MIN_INTERVAL
    assert poller.states[url].error_count == 0


def test_restart_from_store_emits_only_new_entries(site):
    url, store = site.base + "/f", {}
    site.routes["/f"] = feed_route([1, 2])
    first, emitted = make_poller([url], store)
    poll(first)
    site.routes["/f"] = feed_route([3, 1, 2], etag='"v2"')
    second, emitted_again = make_poller([url], store)  # a new process, same stored state
    assert not second.due()  # the stored schedule is honoured
    force_due(second)
    poll(second)
    assert [a.guid for a in emitted_again] == ["g3"]


def test_sync_reloads_state_when_token_changes():
    store = MappingStore({})
    poller, _ = make_poller([], store.data)
    poller.sync({"http://x/f": 1})
    store.save(schedule.after_gone(schedule.FeedState("http://x/f"), 0.0))
    poller.sync({"http://x/f": 1})
    assert not poller.states["http://x/f"].gone  # same token: working copy kept
    poller.sync({"http://x/f": 2})
    assert poller.states["http://x/f"].gone


@pytest.mark.parametrize("code", [301, 308])
def test_permanent_redirect_moves_the_feed_with_its_seen_entries(site, code):
    site.routes["/old"] = lambda h: h.reply(code, headers={"Location": "/new"})
    site.routes["/new"] = feed_route([1])
    old, new = site.base + "/old", site.base + "/new"
    poller, emitted = make_poller([old])
    poll(poller)
    assert list(poller.states) == [new] and poller.states[new].seen == ["g1"]
    assert poller.store.load(old).moved_to == new and not schedule.is_due(poller.store.load(old), 1e12)
    moves = []
    poller.on_moved = lambda old_url, state: moves.append((old_url, state.url))
    poller.sync([old])
    poller.states[old] = schedule.FeedState(old)
    poll(poller)
    assert moves == [(old, new)]


def test_410_stops_polling(site):
    site.routes["/g"] = lambda h: h.reply(410, b"gone")
    url = site.base + "/g"
    poller, _ = make_poller([url])
    poll(poller)
    assert poller.states[url].gone and poller.due() == []
    assert poll(poller) == 0 and site.hits == ["/g"]


@pytest.mark.parametrize("status,retry_after,wait", [(429, "600", 600), (503, "900", 900)])
def test_retry_after_is_honoured(site, status, retry_after, wait):
    site.routes["/busy"] = lambda h: h.reply(status, b"", {"Retry-After": retry_after})
    url = site.base + "/busy"
    poller, _ = make_poller([url])
    before = time.time()
    poll(poller)
    state = poller.states[url]
    assert state.error_count == 1 and str(status) in state.last_error
    assert state.next_poll >= before + wait


def test_cache_control_max_age_delays_next_poll(site):
    site.routes["/cc"] = feed_route([1], extra={"Cache-Control": "public, max-age=3000"})
    url = site.base + "/cc"
    poller, _ = make_poller([url])
    before = time.time()
    poll(poller)
    state = poller.states[url]
    assert state.next_poll >= before + 3000 and state.interval < 3000


def test_body_over_cap_is_a_feed_error(site):
    site.routes["/big"] = lambda h: h.reply(200, rss(list(range(50))))
    url = site.base + "/big"
    poller, emitted = make_poller([url], max_feed_bytes=1000)
    poll(poller)
    assert emitted == [] and "byte limit" in poller.states[url].last_error


def test_wrong_declared_encoding_header_wins(site):
    body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
            '<item><title>Caf\u00e9 cr\u00e8me</title><guid isPermaLink="false">g</guid></item></channel></rss>')
    site.routes["/enc"] = lambda h: h.reply(200, body.encode("windows-1252"),
                                           {"Content-Type": "application/xml; charset=windows-1252"})
    url = site.base + "/enc"
    poller, emitted = make_poller([url])
    poll(poller)
    assert [a.title for a in emitted] == ["Caf\u00e9 cr\u00e8me"]


def test_per_host_limit_bounds_concurrent_requests(site):
    def slow(h):
        time.sleep(0.3)
        h.reply(200, rss([1]))
    for n in range(8):
        site.routes[f"/s{n}"] = slow
    poller, _ = make_poller([f"{site.base}/s{n}" for n in range(8)], per_host=2, concurrency=8)
    poll(poller)
    assert len(site.hits) == 8 and site.peak == 2


def test_slow_feed_does_not_hold_back_the_others(site):
    def slow(h):
        time.sleep(2.5)
        h.reply(200, rss([1]))
    site.routes["/slow"] = slow
    site.routes["/fast"] = feed_route([1])
    poller, emitted = make_poller([site.base + "/slow"], tick_seconds=0.1)

    async def main():
        stop = asyncio.Event()
        feeds = [site.base + "/slow"]
        task = asyncio.ensure_future(poller.run(stop, feed_list=lambda: feeds))
        await asyncio.sleep(0.5)
        feeds.append(site.base + "/fast")  # added while the slow poll is in flight
        await asyncio.sleep(0.8)
        polled_fast = "/fast" in site.hits
        stop.set()
        await task
        return polled_fast
    assert asyncio.run(main())


def test_identical_200_body_is_not_parsed_again(site, monkeypatch):
    # A server without validators: same bytes every time, then one new item.
    url = site.base + "/f"
    site.routes["/f"] = lambda h: h.reply(200, rss([1, 2]), {"Content-Type": "application/rss+xml"})
    poller, emitted = make_poller([url], trust_env=False)
    poll(poller)
    assert len(emitted) == 2 and poller.states[url].body_hash
    from pipeline.feeds import poller as poller_module
    parsed = []
    real = poller_module.parse_feed
    monkeypatch.setattr(poller_module, "parse_feed", lambda *a, **k: parsed.append(1) or real(*a, **k))
    force_due(poller)
    poll(poller)
    assert parsed == [] and len(emitted) == 2 and poller.states[url].error_count == 0
    site.routes["/f"] = lambda h: h.reply(200, rss([3, 1, 2]), {"Content-Type": "application/rss+xml"})
    force_due(poller)
    poll(poller)
    assert parsed == [1] and [a.guid for a in emitted] == ["g1", "g2", "g3"]
    assert poller.states[url].seen == ["g3", "g1", "g2"]


def test_trust_env_is_an_option():
    async def main():
        poller, _ = make_poller([], trust_env=False)
        async with poller.client() as client:
            return client.trust_env
    assert asyncio.run(main()) is False
