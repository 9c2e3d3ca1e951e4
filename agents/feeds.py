"""The live feed list and per-feed state, as Faust tables.

``feed_table`` folds the news.feeds commands (restored from its changelog on
start). ``feed_state`` holds each feed's polling state; the poller writes
it outside any stream, so it uses the partitioner: its keys are the feed
URL's bytes, the key of news.feeds, so a feed and its state share a
partition number and therefore a poller process.
"""
from __future__ import annotations

import faust

from agents.app import app, send_all, settings, shared_table
from pipeline import codec
from pipeline.feeds.commands import decode_command, feed_entry, initial_state
from pipeline.stages import Output

feeds_topic = app.topic(settings.feeds_topic, key_type=bytes, value_type=bytes,
                        key_serializer="raw", value_serializer="raw",
                        partitions=settings.partitions, compacting=True)
feed_table = shared_table("feeds", schema=faust.Schema(key_serializer="json", value_serializer="json"))
# key_type=bytes makes Faust use the raw codec for the changelog keys both
# ways (a Schema alone changes only how they are written, not recovered).
feed_state = shared_table("feed_state", key_type=bytes, use_partitioner=True)


@app.agent(feeds_topic)
async def track_feeds(stream):
    async for event in stream.events():
        try:
            command = decode_command(event.value)
        except codec.RejectedInput as exc:
            letter = codec.dead_letter("feeds", event.key, event.value, exc)
            await send_all([Output("deadletter", event.key, codec.encode(letter))], "feeds")
            continue
        if command.action == "remove":
            feed_table.pop(command.url, None)
            continue
        state = initial_state(command, feed_state.get(command.url.encode()))
        if state is not None:
            feed_state[command.url.encode()] = state
        feed_table[command.url] = feed_entry(command, event.message.partition, event.message.offset)
