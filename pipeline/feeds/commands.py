"""Messages on the feeds topic: the live feed list, keyed by feed URL.

The topic is compacted, so its latest message per feed is the truth: an
``add`` (or a change of title) or a ``remove``. Pollers consume it, so a
feed list can change while they run, and partitioning by URL splits the
feeds between poller processes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import orjson

from pipeline.codec import RejectedInput
from pipeline.feeds.opml import FeedSpec

SCHEMA = "newswire.feed_command/1"


@dataclass(frozen=True)
class FeedCommand:
    action: Literal["add", "remove"]
    url: str
    title: str | None = None


def encode_command(command: FeedCommand) -> tuple[bytes, bytes]:
    """(key, value) for the feeds topic."""
    value = {"schema": SCHEMA, "action": command.action, "url": command.url,
             "title": command.title}
    return command.url.encode("utf-8"), orjson.dumps(value)


def add_commands(feeds: list[FeedSpec]) -> list[tuple[bytes, bytes]]:
    return [encode_command(FeedCommand("add", spec.url, spec.title)) for spec in feeds]


def decode_command(value: bytes | None) -> FeedCommand:
    """A FeedCommand from the topic; RejectedInput with a reason otherwise."""
    try:
        data = orjson.loads(value or b"")
    except orjson.JSONDecodeError as exc:
        raise RejectedInput(f"feed command is not JSON: {exc}", "undecodable") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise RejectedInput(f"not a {SCHEMA} message", "schema")
    action, url, title = data.get("action"), data.get("url"), data.get("title")
    if action not in ("add", "remove"):
        raise RejectedInput(f"unknown feed action {action!r}", "schema")
    if not isinstance(url, str) or not url.strip():
        raise RejectedInput("feed command without a url", "schema")
    if title is not None and not isinstance(title, str):
        raise RejectedInput("feed title must be a string or null", "schema")
    return FeedCommand(action, url.strip(), title)
