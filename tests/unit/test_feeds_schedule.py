from __future__ import annotations

import json

import pytest

from pipeline.feeds import schedule as s
from pipeline.feeds.schedule import (
    FeedState,
    after_error,
    after_gone,
    after_success,
    filter_new,
    is_due,
    state_from_dict,
    state_to_dict,
    with_validators,
)

NOW = 1_700_000_000.0
URL = "https://news.example.com/rss"


def test_new_feed_is_due_immediately():
    assert is_due(FeedState(URL), NOW)


def test_success_with_new_items_shortens_interval_and_schedules():
    state = after_success(FeedState(URL, interval=900), NOW, new_items=3)
    assert state.interval == 450 and state.next_poll == NOW + 450 and state.last_poll == NOW
    assert not is_due(state, NOW + 449) and is_due(state, NOW + 450)


def test_quiet_feed_slows_down_up_to_six_hours():
    state = FeedState(URL, interval=900)
    intervals = []
    for step in range(20):
        state = after_success(state, NOW + step, new_items=0)
        intervals.append(state.interval)
    assert intervals[0] == 1350 and intervals == sorted(intervals)
    assert intervals[-1] == s.MAX_INTERVAL == 6 * 3600


def test_busy_feed_never_polls_faster_than_two_minutes():
    state = FeedState(URL, interval=300)
    for _ in range(10):
        state = after_success(state, NOW, new_items=10)
    assert state.interval == s.MIN_INTERVAL == 120


def test_ttl_is_a_floor_on_the_interval():
    state = after_success(FeedState(URL, interval=600), NOW, new_items=5, ttl_minutes=60)
    assert state.interval == 3600
    capped = after_success(FeedState(URL), NOW, new_items=0, ttl_minutes=24 * 60)
    assert capped.interval == s.MAX_INTERVAL


def test_success_clears_errors():
    failing = after_error(FeedState(URL), NOW, "HTTP 500", rng=lambda: 0.0)
    state = after_success(failing, NOW + 100, new_items=0)
    assert state.error_count == 0 and state.last_error is None


def test_error_backoff_is_exponential_with_injectable_jitter():
    state = FeedState(URL, interval=900)
    delays = []
    for step in range(6):
        state = after_error(state, NOW, f"e{step}", rng=lambda: 1.0)
        delays.append(state.next_poll - NOW)
    assert delays == [60, 120, 240, 480, 960, 1920]
    assert state.interval == 900  # the normal pace is kept for recovery
    low = after_error(FeedState(URL), NOW, "e", rng=lambda: 0.0)
    assert low.next_poll - NOW == 30  # equal jitter: never less than half


def test_backoff_is_capped():
    state = FeedState(URL, error_count=9)
    state = after_error(state, NOW, "e", rng=lambda: 1.0)
    assert state.next_poll - NOW == s.MAX_INTERVAL


def test_retry_after_wins_when_longer():
    state = after_error(FeedState(URL), NOW, "HTTP 429", retry_after=3600, rng=lambda: 1.0)
    assert state.next_poll == NOW + 3600 and state.last_error == "HTTP 429"
    short = after_error(FeedState(URL), NOW, "HTTP 429", retry_after=5, rng=lambda: 1.0)
    assert short.next_poll == NOW + 60


def test_disabled_after_ten_consecutive_failures_with_reason():
    state = FeedState(URL)
    for _ in range(s.MAX_FAILURES - 1):
        state = after_error(state, NOW, "ConnectError", rng=lambda: 0.5)
        assert state.disabled is None
    state = after_error(state, NOW, "HTTP 500 Internal Server Error", rng=lambda: 0.5)
    assert state.error_count == 10
    assert state.disabled == "disabled after 10 consecutive failures; last: HTTP 500 Internal Server Error"
    assert not is_due(state, NOW + 10**9)


def test_gone_feed_is_never_due():
    state = after_gone(FeedState(URL), NOW)
    assert state.gone and state.disabled.startswith("gone") and state.next_poll is None
    assert not is_due(state, NOW + 10**9)


def test_with_validators():
    state = with_validators(FeedState(URL, etag='"a"'), '"b"', "Tue, 14 May 2024 10:00:00 GMT")
    assert state.etag == '"b"' and state.last_modified == "Tue, 14 May 2024 10:00:00 GMT"


def test_filter_new_emits_each_item_once():
    state = FeedState(URL)
    fresh, state = filter_new(state, ["a1", "a2"], ["k1", "k2"])
    assert fresh == ["a1", "a2"]
    fresh, state = filter_new(state, ["a3", "a1", "a2"], ["k3", "k1", "k2"])
    assert fresh == ["a3"]
    fresh, state = filter_new(state, ["a3"], ["k3"])
    assert fresh == []


def test_filter_new_drops_duplicates_within_one_document():
    fresh, state = filter_new(FeedState(URL), ["x", "x-again"], ["k", "k"])
    assert fresh == ["x"] and state.seen == ["k"]


def test_seen_is_bounded_but_keeps_keys_still_in_the_feed():
    state = FeedState(URL)
    _, state = filter_new(state, ["old"], ["old"])
    for batch in range(6):
        keys = [f"b{batch}-{i}" for i in range(100)]
        _, state = filter_new(state, keys + ["old"], keys + ["old"])
    assert len(state.seen) == s.SEEN_LIMIT and "old" in state.seen
    assert "b0-0" not in state.seen  # oldest absent key evicted
    fresh, _ = filter_new(state, ["old"], ["old"])
    assert fresh == []


def test_seen_grows_for_feeds_longer_than_the_limit():
    keys = [f"k{i}" for i in range(800)]
    _, state = filter_new(FeedState(URL), keys, keys)
    fresh, _ = filter_new(state, keys, keys)
    assert fresh == [] and len(state.seen) == 800


def test_filter_new_requires_aligned_keys():
    with pytest.raises(ValueError):
        filter_new(FeedState(URL), ["a"], [])


def test_state_round_trips_through_json():
    state = after_error(FeedState(URL, etag='"e"'), NOW, "boom", rng=lambda: 0.3)
    _, state = filter_new(state, ["a"], ["k"])
    data = json.loads(json.dumps(state_to_dict(state)))
    assert data["version"] == s.STATE_VERSION and data["seen"] == ["k"]
    assert state_from_dict(data) == state


def test_state_from_dict_tolerates_unknown_and_missing_keys():
    state = state_from_dict({"url": URL, "future_field": 1, "version": 2})
    assert state == FeedState(URL)
    with pytest.raises(ValueError):
        state_from_dict({"etag": "x"})


def test_functions_do_not_mutate_their_input():
    original = FeedState(URL)
    filter_new(original, ["a"], ["k"])
    after_error(original, NOW, "x")
    assert original == FeedState(URL)
