"""Per-feed polling state and the pure rules that move it on.

Each function takes a :class:`FeedState` and the time (epoch seconds, UTC)
and returns a new state, so the rules are testable without clocks, and the
state is a plain dict away from a Faust table (:func:`state_to_dict`).
"""
from __future__ import annotations

import dataclasses
import hashlib
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

__all__ = [
    "DEFAULT_INTERVAL", "FeedState", "MAX_FAILURES", "MAX_INTERVAL", "MIN_INTERVAL",
    "Bounds", "after_error", "body_digest", "after_gone", "after_moved", "after_success", "filter_new",
    "is_due", "left_behind", "reenabled", "state_from_dict", "state_to_dict", "with_validators",
]

MIN_INTERVAL = 120.0          # 2 minutes: faster than this is impolite
MAX_INTERVAL = 6 * 3600.0     # 6 hours: even a dormant feed is checked daily-ish
DEFAULT_INTERVAL = 900.0      # 15 minutes for a feed we know nothing about
SPEED_UP = 0.5                # new items: halve the interval
SLOW_DOWN = 1.5               # nothing new: back off gently
BACKOFF_BASE = 60.0           # first retry after an error, before jitter
MAX_FAILURES = 10             # consecutive failures before a feed is disabled
SEEN_LIMIT = 500              # entry keys remembered per feed
STATE_VERSION = 1

T = TypeVar("T")
Rng = Callable[[], float]


@dataclass(frozen=True)
class Bounds:
    """The adaptive interval's floor and ceiling (configurable: tests poll fast)."""

    low: float = MIN_INTERVAL
    high: float = MAX_INTERVAL


DEFAULT_BOUNDS = Bounds()


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll: float | None = None
    next_poll: float | None = None     # None: due now (a feed never polled)
    interval: float = DEFAULT_INTERVAL
    error_count: int = 0
    last_error: str | None = None
    disabled: str | None = None        # reason, or None while the feed is active
    gone: bool = False
    #: Where the feed moved permanently (301/308); set together with ``disabled``.
    moved_to: str | None = None
    #: Recent entry keys, oldest first; bounded so state stays small.
    seen: list[str] = field(default_factory=list)
    #: :func:`body_digest` of the last document parsed without error.
    body_hash: str | None = None


def with_validators(state: FeedState, etag: str | None, last_modified: str | None) -> FeedState:
    """Record the ETag/Last-Modified of a 200 response for the next conditional GET."""
    return dataclasses.replace(state, etag=etag, last_modified=last_modified)


def after_success(state: FeedState, now: float, new_items: int,
                  ttl_minutes: int | None = None, *, max_age: float | None = None,
                  bounds: Bounds = DEFAULT_BOUNDS) -> FeedState:
    """A poll worked (200 or 304): adapt the interval to how lively the feed is.

    ``max_age`` (Cache-Control) delays only this next poll: it says how long
    this response stays fresh, not how often the feed changes, so it does
    not feed into the adaptive interval.
    """
    factor = SPEED_UP if new_items > 0 else SLOW_DOWN
    interval = state.interval * factor
    if ttl_minutes:
        # <ttl> is the publisher asking not to be polled more often than that;
        # the 6 h ceiling still wins, since day-long TTLs are usually stale
        # template defaults on feeds that do publish during the day.
        interval = max(interval, ttl_minutes * 60.0)
    interval = _clamp(interval, bounds.low, bounds.high)
    wait = _clamp(max(interval, max_age or 0.0), bounds.low, bounds.high)
    return dataclasses.replace(
        state, last_poll=now, next_poll=now + wait, interval=interval,
        error_count=0, last_error=None,
    )


def after_error(state: FeedState, now: float, error: str, retry_after: float | None = None,
                rng: Rng = random.random) -> FeedState:
    """A poll failed: exponential backoff with jitter, disable after MAX_FAILURES.

    The normal interval is left alone so a recovered feed resumes its pace.
    """
    count = state.error_count + 1
    delay = min(MAX_INTERVAL, BACKOFF_BASE * 2 ** (count - 1))
    # "Equal jitter": between half and all of the delay, so 10k feeds that
    # failed together (a shared CDN outage) do not retry in lockstep.
    delay *= 0.5 + 0.5 * rng()
    if retry_after is not None:
        delay = max(delay, retry_after)
    disabled = state.disabled
    if count >= MAX_FAILURES and disabled is None:
        disabled = f"disabled after {count} consecutive failures; last: {error}"
    return dataclasses.replace(
        state, last_poll=now, next_poll=now + delay, error_count=count,
        last_error=error, disabled=disabled,
    )


def after_gone(state: FeedState, now: float, reason: str = "HTTP 410 Gone") -> FeedState:
    """The server said the feed is gone for good: stop polling it."""
    return dataclasses.replace(
        state, last_poll=now, next_poll=None, gone=True, last_error=reason,
        disabled=f"gone: {reason}",
    )


def after_moved(state: FeedState, new_url: str) -> FeedState:
    """The state a permanently moved feed carries to its new URL.

    Seen keys travel with it (the entries are the same), so the move does
    not re-emit the whole feed.
    """
    return dataclasses.replace(state, url=new_url, moved_to=None, disabled=None)


def left_behind(state: FeedState, new_url: str) -> FeedState:
    """The old URL's state after a permanent move: not polled any more."""
    return dataclasses.replace(state, moved_to=new_url,
                               disabled=f"moved permanently to {new_url}")


def reenabled(state: FeedState) -> FeedState:
    """An operator added a disabled or gone feed again: try it now, keep what was seen."""
    return dataclasses.replace(state, disabled=None, gone=False, error_count=0,
                               last_error=None, next_poll=None)


def is_due(state: FeedState, now: float) -> bool:
    if state.disabled is not None or state.gone:
        return False
    return state.next_poll is None or now >= state.next_poll


def filter_new(state: FeedState, articles: Sequence[T], keys: Sequence[str],
               limit: int = SEEN_LIMIT) -> tuple[list[T], FeedState]:
    """The articles whose key this feed has not emitted before, and the new state.

    Keys still in the feed are moved to the recent end of ``seen`` so they
    are never evicted while the feed shows them (which would re-emit them),
    and the memory grows past ``limit`` only for feeds longer than it.
    """
    if len(articles) != len(keys):
        raise ValueError(f"{len(articles)} articles but {len(keys)} keys")
    seen = set(state.seen)
    fresh: list[T] = []
    current: dict[str, None] = {}  # ordered set of this document's keys
    for article, key in zip(articles, keys, strict=True):
        if key not in seen and key not in current:
            fresh.append(article)
        current[key] = None
    kept = [k for k in state.seen if k not in current] + list(current)
    bound = max(limit, len(current))
    return fresh, dataclasses.replace(state, seen=kept[-bound:])


def body_digest(content: bytes | None, headers: Mapping[str, str]) -> str:
    """Short hash of a body and its Content-Type (the charset changes the parse)."""
    digest = hashlib.blake2b(content or b"", digest_size=12)
    digest.update(b"\0" + (headers.get("content-type") or "").encode("utf-8", "replace"))
    return digest.hexdigest()


def state_to_dict(state: FeedState) -> dict[str, Any]:
    """Plain JSON-able dict of a state, with a version for later migrations."""
    return {"version": STATE_VERSION, **dataclasses.asdict(state)}


def state_from_dict(data: dict[str, Any]) -> FeedState:
    """Inverse of :func:`state_to_dict`; unknown keys from newer writers are ignored."""
    names = {f.name for f in dataclasses.fields(FeedState)}
    kwargs = {k: v for k, v in data.items() if k in names}
    if "url" not in kwargs:
        raise ValueError("feed state without a url")
    kwargs["seen"] = [str(k) for k in kwargs.get("seen") or []]
    return FeedState(**kwargs)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
