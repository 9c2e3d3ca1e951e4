"""Messages on the feeds topic: the live feed list, keyed by feed URL.

The topic is compacted, so its latest message per feed is the truth: an
``add`` (or a change of title) or a ``remove``. Pollers consume it, so a
feed list can change while they run, and partitioning by URL splits the
feeds between poller processes.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import orjson

from pipeline.codec import RejectedInput
from pipeline.feeds import schedule
from pipeline.feeds.opml import FeedSpec

SCHEMA = "newswire.feed_command/1"


@dataclass(frozen=True)
class FeedCommand:
    action: Literal["add", "remove"]
    url: str
    title: str | None = None
    #: State to start from (a feed that moved carries its seen entries along).
    state: dict[str, Any] | None = None


def encode_command(command: FeedCommand) -> tuple[bytes, bytes]:
    """(key, value) for the feeds topic."""
    value: dict[str, Any] = {"schema": SCHEMA, "action": command.action, "url": command.url,
             "title": command.title}
    if command.state is not None:
        value["state"] = command.state
    return command.url.encode("utf-8"), orjson.dumps(value)


def moved_commands(old_url: str, state: schedule.FeedState,
                   title: str | None) -> list[tuple[bytes, bytes]]:
    """A permanent redirect: the new URL takes over, with the old one's state."""
    return [encode_command(FeedCommand("remove", old_url)),
            encode_command(FeedCommand("add", state.url, title, schedule.state_to_dict(state)))]


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
    state = data.get("state")
    if state is not None and not isinstance(state, dict):
        raise RejectedInput("feed state must be an object or null", "schema")
    return FeedCommand(action, url.strip(), title, state)


def feed_entry(command: FeedCommand, partition: int, offset: int) -> dict[str, Any]:
    """The feed table's value for an ``add``.

    The partition says which poller owns the feed; the offset changes with
    every ``add``, which tells a running poller to reload the feed's state
    (an operator re-adding a disabled feed re-enables it).
    """
    return {"title": command.title, "partition": partition, "offset": offset}


def initial_state(command: FeedCommand, stored: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The state to store for an ``add``, or None to leave the stored one alone.

    A moved feed starts from the state it carried; a disabled or gone feed
    that is added again is tried again, keeping the entries it has seen.
    """
    if stored is None:
        if command.state is None:
            return None
        return {**command.state, "url": command.url}
    try:
        state = schedule.state_from_dict(dict(stored))
    except (TypeError, ValueError):
        return None
    if (state.disabled is None and not state.gone) or state.moved_to:
        return None  # active, or moved: the new URL is the feed now
    return schedule.state_to_dict(schedule.reenabled(state))


def owned_feeds(entries: Iterable[tuple[str, Any]], partitions: set[int]) -> dict[str, Any]:
    """The feeds of the given partitions (url -> entry), for one poller process.

    A Faust table in memory keeps the keys of revoked (and standby)
    partitions, so ownership is decided here from the recorded partition.
    """
    return {url: entry for url, entry in entries
            if isinstance(entry, dict) and entry.get("partition") in partitions}
