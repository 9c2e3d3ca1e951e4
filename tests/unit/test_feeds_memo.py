"""memo_short: repeated short calls come from the memo, long ones never enter it."""
from __future__ import annotations

from pipeline.feeds.memo import memo_short


def test_short_calls_are_memoised_and_long_ones_bypass_the_memo():
    calls = []

    @memo_short(10, maxsize=4)
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert upper("abc") == upper("abc") == "ABC"
    assert calls == ["abc"]
    long = "x" * 11
    assert upper(long) == upper(long) == long.upper()
    assert calls == ["abc", long, long]
    assert upper.cache_info().currsize == 1
