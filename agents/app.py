"""The one Faust app, its topics, and the send helper every agent uses.

Messages travel as raw bytes: agents decode them through ``pipeline.codec``
themselves, so an undecodable message becomes a dead letter instead of an
exception inside Faust (which would ack and drop it).
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable, Iterator
from datetime import timedelta

import faust

from pipeline import config, metrics
from pipeline.progress import Progress
from pipeline.stages import Output

settings = config.load()
progress = Progress()

app = faust.App(
    settings.faust_app_id(filter(None, os.environ.get("NEWSWIRE_ROLES", "").split(","))),
    broker=f"kafka://{settings.bootstrap}",
    store="memory://",
    autodiscover=False,
    datadir=str(settings.data_dir),
    topic_partitions=settings.partitions,
    topic_replication_factor=1,
    topic_disable_leader=True,
    consumer_auto_offset_reset="earliest",
    broker_session_timeout=settings.session_timeout_seconds,
    broker_heartbeat_interval=max(1, settings.session_timeout_seconds // 10),
    producer_max_request_size=settings.max_message_bytes * 2,
    consumer_max_fetch_size=settings.max_message_bytes * 2,
    web_enabled=settings.web_enabled,
    web_port=settings.web_port,
    web_host="127.0.0.1",
)


class SharedTable(faust.Table):
    """A table whose changelog is named after NEWSWIRE_APP_ID, not the
    Faust app id: pollers alone have an app id (a consumer group) of their
    own, and the feed state must stay where `newswire run` (both roles, one
    app id) and `newswire feeds` find it."""

    def _changelog_topic_name(self) -> str:
        return f"{settings.app_id}-{self.name}-changelog"


def shared_table(name: str, **options) -> SharedTable:
    """``app.Table(name, default=None, ...)``, as a :class:`SharedTable`."""
    table = SharedTable(app, name=name, default=None, beacon=app.tables.beacon,
                        partitions=settings.partitions, **options)
    app.tables.add(table)
    return table


def _retention(role: str) -> timedelta:
    hours = settings.raw_retention_hours if role in ("raw", "deadletter") else settings.retention_hours
    return timedelta(hours=hours)


topics: dict[str, faust.TopicT] = {
    role: app.topic(
        settings.topic(role),
        key_type=bytes, value_type=bytes,
        key_serializer="raw", value_serializer="raw",
        partitions=settings.partitions,
        retention=_retention(role),
    )
    for role in config.TOPIC_ROLES
}


async def send_all(outputs: list[Output], stage: str) -> None:
    """Send a stage's outputs and wait until the broker has them all.

    ``topic.send`` only queues a message; the input's offset may be committed
    as soon as the agent moves on, so a crash in between would lose the
    outputs. Waiting for the acknowledgements keeps delivery at least once.
    All are queued before the first wait, so a batch costs one round trip.
    """
    pending = [await topics[out.topic].send(key=out.key, value=out.value) for out in outputs]
    for out, delivery in zip(outputs, pending, strict=True):
        await delivery
        progress.add(out.topic)
    metrics.count_sent(stage, outputs)


async def process_batch(stage: str, events: list, work: Callable[..., list[list[Output]]],
                        *args, before: Callable[[], object] | None = None) -> list[list[Output]]:
    """Run ``work`` on a batch's (key, value) pairs in a thread, then send
    every output and wait for the broker to have them all.

    On any failure the batch's events get one more reference each, so the
    ack that take_events makes on its way out never lets their offsets be
    committed: whoever owns the partition next reads them again.
    ``before`` runs first, on the loop (a table's sync).
    """
    try:
        metrics.messages_in.labels(stage).inc(len(events))
        if before is not None:
            before()
        began = time.perf_counter()
        # Off the event loop, so heartbeats and sends keep flowing meanwhile.
        results = await asyncio.to_thread(work, [(e.key, e.value) for e in events], *args)
        metrics.observe_extraction(stage, time.perf_counter() - began, len(events))
        await send_all([out for outputs in results for out in outputs], stage)
    except BaseException:
        for event in events:
            event.message.incref()
        raise
    return results


@contextlib.contextmanager
def as_part_of(stream, event) -> Iterator[None]:
    """Table writes inside count as part of ``event`` (its partition); the
    event take_events' buffer may be waiting to add is put back after.
    The body must not await."""
    previous = stream.current_event
    stream._set_current_event(event)
    try:
        yield
    finally:
        stream._set_current_event(previous)
