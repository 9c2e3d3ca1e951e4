"""The polling loop: which feeds are due, fetch, parse, keep only new items.

The poller knows nothing of Kafka: it hands each new RawArticle to an
``emit`` coroutine, writes every state change through a ``StateStore``,
and reports per-feed errors to ``on_error`` and permanent moves to
``on_moved``. A feed that fails is backed off and never stops the others;
a slow feed holds one slot, never the loop.
"""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from pipeline.feeds import schedule
from pipeline.feeds.fetch import FetchResult, cache_max_age, fetch_feed, fetch_page, make_client
from pipeline.feeds.parse import ParsedFeed, needs_full_text, parse_feed
from pipeline.feeds.schedule import FeedState
from pipeline.feeds.store import MemoryStore, StateStore
from pipeline.records import RawArticle

__all__ = ["FeedPoller", "PollerOptions", "articles_from_document"]

log = logging.getLogger(__name__)

Emit = Callable[[RawArticle], Awaitable[None]]
OnError = Callable[[str, str], None]
#: (old URL, the state to continue under the new URL)
OnMoved = Callable[[str, FeedState], None]
#: URL -> token (a changed token reloads the stored state); None pauses polling.
FeedList = Callable[[], "Mapping[str, Any] | Iterable[str] | None"]


@dataclasses.dataclass
class PollerOptions:
    fetch_full_text: bool = True
    allow_private: bool = False
    concurrency: int = 64          # requests in flight at once, all hosts together
    per_host: int = 4              # requests in flight to one host name (politeness)
    tick_seconds: float = 1.0      # how often due feeds are looked for
    bounds: schedule.Bounds = schedule.DEFAULT_BOUNDS
    max_feed_bytes: int = 5_000_000
    #: Honour HTTP(S)_PROXY and friends; off where a proxy must not see 127.0.0.1.
    trust_env: bool = True


def articles_from_document(content: bytes, *, feed_url: str, headers: Mapping[str, str] | None,
                           fetched_at: str, state: FeedState
                           ) -> tuple[ParsedFeed, list[RawArticle], FeedState]:
    """What the poller emits for one fetched document, and the state after it.

    Shared by the poller, ``newswire feeds parse`` and the corpus gate, so
    what is checked offline is exactly what reaches Kafka.
    """
    # Entries already seen are keyed but not built: they would be dropped
    # by filter_new anyway, after the costliest part of parsing.
    parsed = parse_feed(content, feed_url=feed_url, headers=headers, fetched_at=fetched_at,
                        seen=frozenset(state.seen))
    if parsed.error:
        return parsed, [], state
    fresh, state = schedule.filter_new(state, parsed.articles, parsed.keys)
    # Only entries already seen are left unbuilt (None), and filter_new drops those.
    return parsed, [a for a in fresh if a is not None], state


class FeedPoller:
    def __init__(self, urls: Iterable[str], emit: Emit, *, options: PollerOptions | None = None,
                 store: StateStore | None = None, on_error: OnError | None = None,
                 on_success: Callable[[str], None] | None = None,
                 on_moved: OnMoved | None = None, clock: Callable[[], float] = time.time) -> None:
        self.emit = emit
        self.options = options or PollerOptions()
        self.store = store if store is not None else MemoryStore()
        self.on_error = on_error or (lambda url, error: None)
        self.on_success = on_success or (lambda url: None)
        self.on_moved = on_moved or self._adopt_move
        self.clock = clock
        self.states: dict[str, FeedState] = {}
        self._tokens: dict[str, Any] = {}
        self._inflight: set[str] = set()
        self._tasks: set[asyncio.Task] = set()
        self._slots = asyncio.Semaphore(self.options.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self.sync(urls)

    def sync(self, feeds: Mapping[str, Any] | Iterable[str]) -> bool:
        """Adopt the current feed list; True when the set of feeds changed.

        A feed new to this poller (added, or its partition moved here) and a
        feed whose token changed (re-added by an operator) start from the
        stored state, so nothing is emitted twice after a restart.
        """
        wanted = feeds if isinstance(feeds, Mapping) else dict.fromkeys(feeds)
        changed = False
        for url in [u for u in self.states if u not in wanted]:
            del self.states[url]
            self._tokens.pop(url, None)
            changed = True
        for url, token in wanted.items():
            if url in self.states and self._tokens.get(url) == token:
                continue
            changed = changed or url not in self.states
            self.states[url] = self.store.load(url) or FeedState(url=url)
            self._tokens[url] = token
        return changed

    def due(self) -> list[str]:
        """Due feeds not already being polled, most overdue first (none starves)."""
        now = self.clock()
        due = [(state.next_poll or 0.0, url) for url, state in self.states.items()
               if url not in self._inflight and schedule.is_due(state, now)]
        due.sort()
        return [url for _, url in due]

    def client(self) -> aiohttp.ClientSession:
        # A keep-alive connection per slot: reconnecting for every poll would
        # cost more CPU than the poll itself when the answer is a 304. One
        # session for all feeds and pages shares that pool and the DNS cache.
        return make_client(limit=self.options.concurrency, trust_env=self.options.trust_env)

    async def run(self, stop: asyncio.Event | None = None,
                  feed_list: FeedList | None = None) -> None:
        """Poll due feeds until ``stop`` is set (or forever).

        ``feed_list``, when given, is asked for the current feeds every tick
        (so feeds can be added and removed while the poller runs); when it
        answers None, e.g. while Kafka moves partitions, nothing new starts.
        """
        stop = stop or asyncio.Event()
        async with self.client() as client:
            try:
                while not stop.is_set():
                    feeds = feed_list() if feed_list is not None else self.states
                    if feeds is not None:
                        if feed_list is not None and self.sync(feeds):
                            log.info("this poller now has %d feeds", len(self.states))
                        self.launch_due(client)
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(stop.wait(), self.options.tick_seconds)
            finally:
                for task in list(self._tasks):
                    task.cancel()
                await asyncio.gather(*self._tasks, return_exceptions=True)

    def launch_due(self, client: aiohttp.ClientSession) -> int:
        """Start a poll for every due feed without waiting for any of them."""
        due = self.due()
        for url in due:
            self._inflight.add(url)
            task = asyncio.ensure_future(self._guarded_poll(client, url))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return len(due)

    async def poll_due(self, client: aiohttp.ClientSession) -> int:
        """Poll every feed that is due now and wait for all of them; return how many."""
        due = self.due()
        self._inflight.update(due)
        await asyncio.gather(*(self._guarded_poll(client, url) for url in due))
        return len(due)

    async def _guarded_poll(self, client: aiohttp.ClientSession, url: str) -> None:
        try:
            async with self._slots:
                await self.poll_one(client, url)
        except Exception as exc:  # noqa: BLE001 - one feed never stops the others
            log.exception("feed %s: unexpected failure", url)
            if url in self.states:
                self._failed(self.states[url], f"{type(exc).__name__}: {exc}")
        finally:
            self._inflight.discard(url)

    async def poll_one(self, client: aiohttp.ClientSession, url: str) -> int:
        """Fetch, parse and emit one feed's new items; return how many were emitted."""
        state = self.states.get(url)
        if state is None:  # removed while it waited for a slot
            return 0
        async with self._host_slot(url):
            result = await fetch_feed(client, url, etag=state.etag, last_modified=state.last_modified,
                                      max_bytes=self.options.max_feed_bytes)
        if result.gone:
            self._update(schedule.after_gone(state, self.clock()))
            self.on_error(url, "gone (HTTP 410): polling stopped")
            return 0
        if result.error or (not result.ok and not result.not_modified):
            self._failed(state, result.error or f"HTTP {result.status}", result.retry_after)
            return 0
        digest = schedule.body_digest(result.content, result.headers) if result.ok else None
        if result.not_modified or digest == state.body_hash:
            # A 200 byte-identical to the last parsed one (servers without
            # validators) is a 304 in disguise: no parse (as Miniflux does).
            state = schedule.with_validators(state, result.etag or state.etag,
                                             result.last_modified or state.last_modified)
            new_items, ttl = 0, None
        else:
            handled = await self._handle_document(client, state, result)
            if handled is None:
                return 0
            state, new_items, ttl = handled
            state = dataclasses.replace(state, body_hash=digest)
        state = schedule.after_success(state, self.clock(), new_items, ttl,
                                       max_age=cache_max_age(result.headers),
                                       bounds=self.options.bounds)
        self._update(state)
        self.on_success(url)
        if result.new_url and result.new_url != url:
            self._moved(state, result.new_url)
        return new_items

    async def _handle_document(self, client: aiohttp.ClientSession, state: FeedState,
                               result: FetchResult) -> tuple[FeedState, int, int | None] | None:
        parsed, fresh, state = articles_from_document(
            result.content or b"", feed_url=state.url, headers=result.headers,
            fetched_at=_now_rfc3339(self.clock()), state=state)
        if parsed.error:
            self._failed(state, parsed.error)
            return None
        # Emit first, record as seen after: a crash in between re-emits
        # (at least once), it never skips.
        for article in fresh:
            await self.emit(await self._complete(client, article))
        state = schedule.with_validators(state, result.etag, result.last_modified)
        return state, len(fresh), parsed.ttl_minutes

    async def _complete(self, client: aiohttp.ClientSession, article: RawArticle) -> RawArticle:
        """Fetch the article page when the feed carried only a teaser."""
        if not (self.options.fetch_full_text and needs_full_text(article)
                and article.url.startswith(("http://", "https://"))):
            return article
        async with self._host_slot(article.url):
            page = await fetch_page(client, article.url, allow_private=self.options.allow_private)
        if not page.ok:
            log.info("full text of %s not fetched: %s", article.url, page.error)
            return article
        try:
            html = (page.content or b"").decode(_charset(page.headers), errors="replace")
        except LookupError:  # a charset name Python does not know
            html = (page.content or b"").decode("utf-8", errors="replace")
        return dataclasses.replace(article, content=html, content_type="text/html")

    def _host_slot(self, url: str) -> asyncio.Semaphore:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            host = ""
        slot = self._hosts.get(host)
        if slot is None:
            slot = self._hosts[host] = asyncio.Semaphore(self.options.per_host)
        return slot

    def _update(self, state: FeedState) -> None:
        """Keep a state locally (if the feed is still ours) and always store it.

        Storing even when the feed was removed or its partition moved away
        meanwhile lets the next owner see what this poll already emitted.
        """
        if state.url in self.states:
            self.states[state.url] = state
        self.store.save(state)

    def _failed(self, state: FeedState, error: str, retry_after: float | None = None) -> None:
        self._update(schedule.after_error(state, self.clock(), error, retry_after))
        self.on_error(state.url, error)

    def _moved(self, state: FeedState, new_url: str) -> None:
        log.info("feed %s moved permanently to %s", state.url, new_url)
        self._update(schedule.left_behind(state, new_url))
        self.on_moved(state.url, schedule.after_moved(state, new_url))

    def _adopt_move(self, old_url: str, state: FeedState) -> None:
        """Without a shared feed list, the poller itself follows the move."""
        self.states.pop(old_url, None)
        self.states[state.url] = state
        self.store.save(state)


def _charset(headers: dict[str, str]) -> str:
    ctype = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    for part in ctype.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip('"') or "utf-8"
    return "utf-8"


def _now_rfc3339(epoch: float) -> str:
    stamp = datetime.fromtimestamp(epoch, tz=UTC).isoformat(timespec="seconds")
    return stamp.replace("+00:00", "Z")
