"""The polling loop: which feeds are due, fetch, parse, keep only new items.

The poller knows nothing of Kafka: it hands each new RawArticle to an
``emit`` coroutine and reports per-feed errors to ``on_error``. A feed that
fails is backed off and never stops the others.
"""
from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime, timezone

import httpx

from pipeline.feeds import schedule
from pipeline.feeds.fetch import FetchResult, fetch_feed, fetch_page, make_client
from pipeline.feeds.parse import needs_full_text, parse_feed
from pipeline.records import RawArticle

log = logging.getLogger(__name__)

Emit = Callable[[RawArticle], Awaitable[None]]
OnError = Callable[[str, str], None]


@dataclasses.dataclass
class PollerOptions:
    fetch_full_text: bool = True
    allow_private: bool = False
    concurrency: int = 32          # feeds fetched at once
    tick_seconds: float = 1.0      # how often due feeds are looked for


class FeedPoller:
    def __init__(self, urls: Iterable[str], emit: Emit, *, options: PollerOptions | None = None,
                 on_error: OnError | None = None, on_success: Callable[[str], None] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.states = {url: schedule.FeedState(url=url) for url in urls}
        self.emit = emit
        self.options = options or PollerOptions()
        self.on_error = on_error or (lambda url, error: None)
        self.on_success = on_success or (lambda url: None)
        self.clock = clock
        self._slots = asyncio.Semaphore(self.options.concurrency)

    def sync(self, urls: Iterable[str]) -> None:
        """Adopt a new feed list: keep the state of known feeds, start new ones."""
        wanted = set(urls)
        for url in list(self.states):
            if url not in wanted:
                del self.states[url]
        for url in wanted - self.states.keys():
            self.states[url] = schedule.FeedState(url=url)

    def due(self) -> list[str]:
        now = self.clock()
        return [url for url, state in self.states.items() if schedule.is_due(state, now)]

    async def run(self, stop: asyncio.Event | None = None,
                  feed_list: Callable[[], Iterable[str]] | None = None) -> None:
        """Poll due feeds until ``stop`` is set (or forever).

        ``feed_list``, when given, is asked for the current feeds every tick,
        so feeds can be added and removed while the poller runs.
        """
        stop = stop or asyncio.Event()
        async with make_client() as client:
            while not stop.is_set():
                if feed_list is not None:
                    self.sync(feed_list())
                await self.poll_due(client)
                try:
                    await asyncio.wait_for(stop.wait(), self.options.tick_seconds)
                except asyncio.TimeoutError:
                    pass

    async def poll_due(self, client: httpx.AsyncClient) -> int:
        """Poll every feed that is due now, concurrently; return how many."""
        due = self.due()
        await asyncio.gather(*(self._guarded_poll(client, url) for url in due))
        return len(due)

    async def _guarded_poll(self, client: httpx.AsyncClient, url: str) -> None:
        async with self._slots:
            try:
                await self.poll_one(client, url)
            except Exception as exc:  # noqa: BLE001 - one feed never stops the others
                log.exception("feed %s: unexpected failure", url)
                self._failed(url, f"{type(exc).__name__}: {exc}")

    async def poll_one(self, client: httpx.AsyncClient, url: str) -> int:
        """Fetch, parse and emit one feed's new items; return how many were emitted."""
        state = self.states.get(url)
        if state is None:  # removed while we waited for a slot
            return 0
        result = await fetch_feed(client, url, etag=state.etag, last_modified=state.last_modified)
        if result.gone:
            if url in self.states:
                self.states[url] = schedule.after_gone(state, self.clock())
            self.on_error(url, result.error or "gone (HTTP 410)")
            return 0
        if result.error or (not result.ok and not result.not_modified):
            self._failed(url, result.error or f"HTTP {result.status}", result.retry_after)
            return 0
        if result.not_modified:
            self._succeeded(url, 0, None)
            return 0
        return await self._handle_document(client, url, result)

    async def _handle_document(self, client: httpx.AsyncClient, url: str,
                               result: FetchResult) -> int:
        fetched_at = _now_rfc3339(self.clock())
        parsed = parse_feed(result.content or b"", feed_url=url, headers=result.headers,
                            fetched_at=fetched_at)
        if parsed.error:
            self._failed(url, parsed.error)
            return 0
        state = schedule.with_validators(self.states[url], result.etag, result.last_modified)
        fresh, state = schedule.filter_new(state, parsed.articles, parsed.keys)
        for article in fresh:
            await self.emit(await self._complete(client, article))
        if url in self.states:  # not removed meanwhile
            self.states[url] = state
        self._succeeded(url, len(fresh), parsed.ttl_minutes)
        if result.new_url:
            log.info("feed %s moved permanently to %s", url, result.new_url)
        return len(fresh)

    async def _complete(self, client: httpx.AsyncClient, article: RawArticle) -> RawArticle:
        """Fetch the article page when the feed carried only a teaser."""
        if not (self.options.fetch_full_text and needs_full_text(article)
                and article.url.startswith(("http://", "https://"))):
            return article
        page = await fetch_page(client, article.url, allow_private=self.options.allow_private)
        if not page.ok:
            log.info("full text of %s not fetched: %s", article.url, page.error)
            return article
        try:
            html = (page.content or b"").decode(_charset(page.headers), errors="replace")
        except LookupError:  # a charset name Python does not know
            html = (page.content or b"").decode("utf-8", errors="replace")
        return dataclasses.replace(article, content=html, content_type="text/html")

    def _failed(self, url: str, error: str, retry_after: float | None = None) -> None:
        if url in self.states:  # a feed removed mid-poll has no state to move on
            self.states[url] = schedule.after_error(self.states[url], self.clock(), error, retry_after)
        self.on_error(url, error)

    def _succeeded(self, url: str, new_items: int, ttl: int | None) -> None:
        if url in self.states:
            self.states[url] = schedule.after_success(self.states[url], self.clock(), new_items, ttl)
        self.on_success(url)


def _charset(headers: dict[str, str]) -> str:
    ctype = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    for part in ctype.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip('"') or "utf-8"
    return "utf-8"


def _now_rfc3339(epoch: float) -> str:
    stamp = datetime.fromtimestamp(epoch, tz=timezone.utc).isoformat(timespec="seconds")
    return stamp.replace("+00:00", "Z")
