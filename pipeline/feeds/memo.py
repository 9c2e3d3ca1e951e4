"""Memoising the pure string functions the poller calls for every entry.

The entries of one feed share a host, a base URI and usually the same
tracking query, so a small LRU memo saves most of that work. Long
arguments bypass it: a hostile feed must not pin large strings in memory.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def memo_short(max_chars: int, maxsize: int = 1024) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorator: an LRU memo of ``maxsize`` calls for a pure function of
    strings, used only when its string arguments total at most ``max_chars``."""
    def wrap(function: Callable[..., T]) -> Callable[..., T]:
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def call(*args):
            if sum(len(a) for a in args if isinstance(a, str)) > max_chars:
                return function(*args)
            return cached(*args)
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]  # what the memo holds, for tests
        return call
    return wrap
