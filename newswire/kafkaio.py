"""Small aiokafka helpers for the command line: topics, tail and replay.

The workers use Faust; these are one-shot operator tools that need no app.
"""
from __future__ import annotations

import asyncio
import base64
import contextlib
import sys
from collections.abc import AsyncIterator, Iterable
from typing import IO

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from pipeline.config import TOPIC_ROLES, Settings

HOUR_MS = 3_600_000


def topic_specs(settings: Settings) -> list[NewTopic]:
    """Every contract topic with its partitions and retention."""
    specs = []
    for role in TOPIC_ROLES:
        hours = settings.raw_retention_hours if role in ("raw", "deadletter") else settings.retention_hours
        configs = {"retention.ms": str(hours * HOUR_MS),
                   "max.message.bytes": str(settings.max_message_bytes * 2)}
        specs.append(NewTopic(settings.topic(role), settings.partitions, 1, topic_configs=configs))
    # The feed list: compacted, so the latest command per feed URL is kept forever.
    specs.append(NewTopic(settings.feeds_topic, settings.partitions, 1,
                          topic_configs={"cleanup.policy": "compact"}))
    return specs


def changelog_specs(changelogs: Iterable[tuple[str, int]]) -> list[NewTopic]:
    """Compacted topics for Faust table changelogs, as Faust itself makes them."""
    return [NewTopic(name, partitions, 1, topic_configs={"cleanup.policy": "compact"})
            for name, partitions in changelogs]


async def ensure_topics(settings: Settings, attempts: int = 30,
                        extra: Iterable[NewTopic] = ()) -> list[str]:
    """Create missing topics (idempotent), the contract's and ``extra``;
    return the names created now."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap)
    for attempt in range(attempts):
        try:
            await admin.start()
            break
        except Exception:  # noqa: BLE001 - broker still coming up
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(1)
    try:
        existing = set(await admin.list_topics())
        missing = [spec for spec in [*topic_specs(settings), *extra] if spec.name not in existing]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):  # another process made them first
                await admin.create_topics(missing)
        return [spec.name for spec in missing]
    finally:
        await admin.close()


async def read_topic(bootstrap: str, topic: str, *, follow: bool = False,
                     idle_seconds: float = 3.0) -> AsyncIterator[tuple[bytes | None, bytes | None]]:
    """Every message of a topic from the beginning, without joining a group."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None,
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        if not partitions:
            await consumer._client.force_metadata_update()  # a topic just created
            partitions = consumer.partitions_for_topic(topic) or set()
        consumer.assign([TopicPartition(topic, p) for p in sorted(partitions)])
        await consumer.seek_to_beginning()
        while True:
            batch = await consumer.getmany(timeout_ms=int(idle_seconds * 1000))
            if not batch and not follow:
                return
            for messages in batch.values():
                for msg in messages:
                    yield msg.key, msg.value
    finally:
        await consumer.stop()


def render(value: bytes | None, pretty: bool) -> bytes:
    if value is None:
        return b"null"
    try:
        data = orjson.loads(value)
    except orjson.JSONDecodeError:
        return orjson.dumps({"undecodable_base64": base64.b64encode(value).decode()})
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 if pretty else 0)


async def tail(bootstrap: str, topic: str, *, follow: bool, pretty: bool,
               limit: int | None, out: IO[bytes] = sys.stdout.buffer) -> int:
    count = 0
    async for _key, value in read_topic(bootstrap, topic, follow=follow):
        out.write(render(value, pretty) + b"\n")
        out.flush()
        count += 1
        if limit is not None and count >= limit:
            break
    return count


async def produce(bootstrap: str, messages: Iterable[tuple[str, bytes | None, bytes]]) -> int:
    """Send (topic, key, value) messages and wait until all are acknowledged."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all",
                                max_request_size=16 * 1024 * 1024)
    await producer.start()
    try:
        futures = [await producer.send(topic, value=value, key=key) for topic, key, value in messages]
        for fut in futures:
            await fut
        return len(futures)
    finally:
        await producer.stop()
