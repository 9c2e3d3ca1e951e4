"""The live feed list: news.feeds commands folded into a Faust table.

The table (keyed by feed URL, partitioned like the topic) is restored from
its changelog on start, so a restarted poller knows every feed, and each
poller process holds only the feeds of its own partitions.
"""
from __future__ import annotations

import faust

from agents.app import app, send_all, settings
from pipeline import codec
from pipeline.feeds.commands import decode_command
from pipeline.stages import Output

feeds_topic = app.topic(settings.feeds_topic, key_type=bytes, value_type=bytes,
                        key_serializer="raw", value_serializer="raw",
                        partitions=settings.partitions, compacting=True)
feed_table = app.Table("feeds", default=None, partitions=settings.partitions,
                       schema=faust.Schema(key_serializer="json", value_serializer="json"))


@app.agent(feeds_topic)
async def track_feeds(stream):
    async for key, value in stream.items():
        try:
            command = decode_command(value)
        except codec.RejectedInput as exc:
            letter = codec.dead_letter("feeds", key, value, exc)
            await send_all([Output("deadletter", key, codec.encode(letter))])
            continue
        if command.action == "add":
            feed_table[command.url] = command.title or ""
        else:
            feed_table.pop(command.url, None)
