"""Helpers for integration tests: isolated settings, worker processes, reading topics."""
from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import orjson

from newswire.kafkaio import ensure_topics, produce, read_topic
from pipeline import config
from pipeline.config import TOPIC_ROLES
from pipeline.process import raw_from_document

REPO = Path(__file__).resolve().parents[2]


def isolated_env(bootstrap: str, tmp: Path, **extra: str) -> dict[str, str]:
    """Environment for one test: its own app id, topic prefix and data folder."""
    tag = uuid.uuid4().hex[:8]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env.update({
        "NEWSWIRE_KAFKA_BOOTSTRAP": bootstrap,
        "NEWSWIRE_APP_ID": f"test-{tag}",
        "NEWSWIRE_TOPIC_PREFIX": f"t{tag}",
        "NEWSWIRE_DATA_DIR": str(tmp / f"faust-{tag}"),
        "NEWSWIRE_PARTITIONS": "2",
        "NEWSWIRE_LOG_LEVEL": "info",
        "PYTHONUNBUFFERED": "1",
    })
    env.update(extra)
    return env


def settings_for(env: dict[str, str]) -> config.Settings:
    return config.load(env)


def create_topics(env: dict[str, str]) -> None:
    asyncio.run(ensure_topics(settings_for(env)))


def start_role(role: str, env: dict[str, str], log: Path, *args: str) -> subprocess.Popen:
    """Run `newswire <role>` as a real process, output to a log file."""
    with open(log, "ab") as out:  # the process inherits it
        return subprocess.Popen([sys.executable, "-m", "newswire.cli", role, *args], env=env,
                                stdout=out, stderr=subprocess.STDOUT, cwd=REPO,
                                start_new_session=True)


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    return proc.returncode


def each_by_a_new_worker(env: dict[str, str], logs: Path, articles, role: str) -> list[dict]:
    """Send the articles one at a time, each handled by a worker process of
    its own (stopped before the next starts), so whatever a later article
    gets from an earlier one came through Kafka; returns ``role``'s records."""
    records: list[dict] = []
    for n, article in enumerate(articles, 1):
        worker = start_role("worker", env, logs / f"worker{n}.log")
        try:
            send(env, "raw", [(article.id.encode(), orjson.dumps(article))])
            records = wait_for(env, role, lambda v, n=n: len(v) == n, procs=(worker,))
        finally:
            stop(worker)
    return records


def wait_for_log(log: Path, text: str, count: int = 1, timeout: float = 120,
                 procs: tuple[subprocess.Popen, ...] = ()) -> None:
    """Wait until a role's log holds ``text`` at least ``count`` times."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and log.read_text(errors="replace").count(text) >= count:
            return
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"{proc.args} exited with {proc.returncode}; see {log}")
        time.sleep(0.5)
    raise AssertionError(f"{text!r} not seen {count} times in {log} within {timeout} s")


def send(env: dict[str, str], role: str, messages: list[tuple[bytes | None, bytes]]) -> None:
    topic = settings_for(env).topic(role)
    asyncio.run(produce(env["NEWSWIRE_KAFKA_BOOTSTRAP"], [(topic, k, v) for k, v in messages]))


def send_raw(env: dict[str, str], articles) -> None:
    """RawArticle records onto the raw topic, keyed by id, as a poller sends them."""
    send(env, "raw", [(a.id.encode(), orjson.dumps(a)) for a in articles])


def talks_article(n: int, path: str = "talks"):
    """A short two-party news item, different for each ``n``: load for the
    restart and rebalance tests."""
    text = (f"Talks round {n}\n\nThe foreign minister of Norway met the envoy of Chile in Oslo "
            f"on Tuesday for round {n} of talks. \u201cWe made progress,\u201d the minister said.")
    return raw_from_document(text.encode(), url=f"https://example.org/{path}/{n}",
                             published="2024-03-05")


def read_all(env: dict[str, str], role: str) -> list[tuple[bytes | None, bytes | None]]:
    topic = settings_for(env).topic(role)

    async def collect():
        return [m async for m in read_topic(env["NEWSWIRE_KAFKA_BOOTSTRAP"], topic, idle_seconds=1.0)]
    return asyncio.run(collect())


def wait_for(env: dict[str, str], role: str, predicate, timeout: float = 120,
             procs: tuple[subprocess.Popen, ...] = ()) -> list[dict]:
    """Poll a topic until predicate(list of decoded values) holds."""
    deadline = time.monotonic() + timeout
    values: list[dict] = []
    while time.monotonic() < deadline:
        values = [orjson.loads(v) for _, v in read_all(env, role) if v is not None]
        if predicate(values):
            return values
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"{proc.args} exited with {proc.returncode}")
        time.sleep(1)
    raise AssertionError(f"timed out waiting on {role}: {len(values)} messages")


def group_state(env: dict[str, str]) -> tuple[str, int]:
    """(state, members) of the consumer group NEWSWIRE_APP_ID names (the workers'), from the broker's
    own description of it (state is e.g. Stable, PreparingRebalance, Empty)."""
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.errors import KafkaError

    async def describe():
        admin = AIOKafkaAdminClient(bootstrap_servers=env["NEWSWIRE_KAFKA_BOOTSTRAP"])
        await admin.start()
        try:
            [response] = await admin.describe_consumer_groups([env["NEWSWIRE_APP_ID"]])
        except KafkaError as exc:  # no coordinator yet: the group has never been joined
            return type(exc).__name__, 0
        finally:
            await admin.close()
        group = response.groups[0]
        return group[2], len(group[5])
    return asyncio.run(describe())


def wait_stable(env: dict[str, str], members: int, timeout: float = 180,
                procs: tuple[subprocess.Popen, ...] = ()) -> float:
    """Wait until the group is Stable with ``members`` members; return the seconds it took."""
    began = time.monotonic()
    state = ("unknown", 0)
    while time.monotonic() - began < timeout:
        state = group_state(env)
        if state == ("Stable", members):
            return time.monotonic() - began
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"{proc.args} exited with {proc.returncode}")
        time.sleep(0.5)
    raise AssertionError(f"group not Stable with {members} members in {timeout} s: {state}")


__all__ = ["group_state", "wait_stable", "TOPIC_ROLES", "isolated_env", "create_topics", "start_role", "stop", "send",
           "read_all", "wait_for", "settings_for"]
