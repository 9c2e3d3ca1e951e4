"""Counters for the live progress view of `newswire run`.

Plain data and formatting only; the agents bump counters and a timer prints
``render()``. Rates are per second over the interval since the last render.
"""
from __future__ import annotations

import time
from collections import Counter

#: (counter name, label in the progress line)
COLUMNS = (
    ("raw", "fetched"), ("clean", "cleaned"), ("entities", "entities"),
    ("statements", "statements"), ("events", "events"), ("deadletter", "dead letters"),
)


class Progress:
    def __init__(self, clock=time.monotonic) -> None:
        self.clock = clock
        self.totals: Counter[str] = Counter()
        self._last_totals: Counter[str] = Counter()
        self._last_time = clock()
        self.feed_errors: dict[str, str] = {}
        self.changed_since_last_render = True

    def add(self, name: str, n: int = 1) -> None:
        self.totals[name] += n

    def feed_failed(self, url: str, error: str) -> bool:
        """Record a feed's error; True when it is new (worth showing once)."""
        is_new = self.feed_errors.get(url) != error
        self.feed_errors[url] = error
        return is_new

    def feed_recovered(self, url: str) -> None:
        self.feed_errors.pop(url, None)

    def render(self) -> str:
        now = self.clock()
        elapsed = max(now - self._last_time, 1e-9)
        parts = []
        for name, label in COLUMNS:
            rate = (self.totals[name] - self._last_totals[name]) / elapsed
            parts.append(f"{label} {self.totals[name]} ({rate:.1f}/s)")
        parts.append(f"failing feeds {len(self.feed_errors)}")
        self.changed_since_last_render = self.totals != self._last_totals
        self._last_totals = Counter(self.totals)
        self._last_time = now
        return " | ".join(parts)
