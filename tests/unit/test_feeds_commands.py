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
