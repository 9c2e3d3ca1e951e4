import orjson
import pytest

from pipeline.codec import RejectedInput
from pipeline.feeds.commands import FeedCommand, add_commands, decode_command, encode_command
from pipeline.feeds.opml import FeedSpec


def test_round_trip_keyed_by_url():
    key, value = encode_command(FeedCommand("remove", "https://example.org/rss"))
    assert key == b"https://example.org/rss"
    assert decode_command(value) == FeedCommand("remove", "https://example.org/rss")


def test_add_commands_for_a_feed_list():
    [(key, value)] = add_commands([FeedSpec("https://example.org/rss", "Example")])
    assert decode_command(value) == FeedCommand("add", "https://example.org/rss", "Example")


@pytest.mark.parametrize("value", [b"nope", b"[]", orjson.dumps({"schema": "x"}),
                                   orjson.dumps({"schema": "newswire.feed_command/1", "action": "zap", "url": "u"}),
                                   orjson.dumps({"schema": "newswire.feed_command/1", "action": "add", "url": " "}),
                                   None])
def test_bad_commands_are_rejected(value):
    with pytest.raises(RejectedInput):
        decode_command(value)


def test_state_travels_with_an_add_and_a_move():
    from pipeline.feeds.commands import moved_commands
    from pipeline.feeds.schedule import FeedState
    state = FeedState("https://new.example.org/rss", seen=["a", "b"])
    (old_key, remove), (new_key, add) = moved_commands("https://old.example.org/rss", state, "T")
    assert decode_command(remove) == FeedCommand("remove", "https://old.example.org/rss")
    command = decode_command(add)
    assert new_key == b"https://new.example.org/rss" and command.title == "T"
    assert command.state["seen"] == ["a", "b"]


def test_initial_state_adopts_moves_and_reenables_disabled_feeds():
    from pipeline.feeds import schedule
    from pipeline.feeds.commands import initial_state
    url = "https://example.org/rss"
    plain = FeedCommand("add", url)
    assert initial_state(plain, None) is None
    assert initial_state(FeedCommand("add", url, state={"url": "x", "seen": ["k"]}), None) == \
        {"url": url, "seen": ["k"]}
    active = schedule.state_to_dict(schedule.FeedState(url, seen=["k"]))
    assert initial_state(plain, active) is None
    gone = schedule.state_to_dict(schedule.after_gone(schedule.FeedState(url, seen=["k"]), 1.0))
    again = schedule.state_from_dict(initial_state(plain, gone))
    assert not again.gone and again.disabled is None and again.seen == ["k"]
    moved = schedule.state_to_dict(schedule.left_behind(schedule.FeedState(url), "https://n/"))
    assert initial_state(plain, moved) is None


def test_owned_feeds_keeps_only_this_process_partitions():
    from pipeline.feeds.commands import feed_entry, owned_feeds
    entries = [("a", feed_entry(FeedCommand("add", "a"), 0, 5)),
               ("b", feed_entry(FeedCommand("add", "b"), 1, 6)), ("c", None)]
    assert list(owned_feeds(entries, {1})) == ["b"]
