"""A syndicated copy is marked duplicate_of the original: after a worker
restart, and when the copy lands on another worker's partition."""
from __future__ import annotations

import orjson
import pytest
from aiokafka.partitioner import DefaultPartitioner

from pipeline.process import raw_from_document
from tests.integration import kafka_helpers as kh

pytestmark = pytest.mark.integration

WIRE = ("Port strike ends\n\nDock workers in Rotterdam ended a four-day strike on Thursday after "
        "the port authority agreed to raise wages by six percent, the union said. Ships that had "
        "waited at anchor began to unload on Thursday evening, and the authority said the backlog "
        "would be cleared by the end of next week. The union had asked for eight percent.")
COPY = (WIRE + " Reuters.").replace("Port strike ends", "Rotterdam strike over")


def _partition(article_id: str) -> int:
    """The news.raw partition (of the tests' 2) the producer picks for this key."""
    return DefaultPartitioner()(article_id.encode(), [0, 1], [0, 1])


def _pair(different_partitions: bool):
    original = raw_from_document(WIRE.encode(), url="https://wire.example.org/strike")
    for n in range(100):
        copy = raw_from_document(COPY.encode(), url=f"https://paper{n}.example.net/news/strike-over")
        if (_partition(copy.id) != _partition(original.id)) == different_partitions:
            return original, copy
    raise AssertionError("no copy url with the wanted partition")


def _assert_marked(cleaned, original, copy):
    by_id = {c["id"]: c for c in cleaned}
    assert by_id[original.id]["duplicate_of"] is None
    assert by_id[copy.id]["duplicate_of"] == original.id


def test_near_copy_after_restart_is_a_duplicate(kafka_broker, tmp_path):
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path)
    kh.create_topics(env)
    original, copy = _pair(different_partitions=False)
    cleaned = kh.each_by_a_new_worker(env, tmp_path, [original, copy], "clean")
    _assert_marked(cleaned, original, copy)


def test_copy_on_another_workers_partition_is_a_duplicate(kafka_broker, tmp_path):
    # Two workers, two partitions: each worker cleans one partition, so the
    # copy is judged by the worker that never saw the original.
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path, NEWSWIRE_SESSION_TIMEOUT_SECONDS="8")
    kh.create_topics(env)
    original, copy = _pair(different_partitions=True)
    logs = tmp_path / "worker-a.log", tmp_path / "worker-b.log"
    a = kh.start_role("worker", env, logs[0])
    workers = (a,)
    try:
        kh.wait_for_log(logs[0], "Worker ready", procs=workers)
        b = kh.start_role("worker", env, logs[1])
        workers = (a, b)
        kh.wait_for_log(logs[1], "Worker ready", procs=workers)
        kh.wait_for_log(logs[0], "Worker ready", count=2, procs=workers)  # after b joined
        kh.send(env, "raw", [(original.id.encode(), orjson.dumps(original))])
        kh.wait_for(env, "clean", lambda v: len(v) == 1, procs=workers)
        kh.send(env, "raw", [(copy.id.encode(), orjson.dumps(copy))])
        cleaned = kh.wait_for(env, "clean", lambda v: len(v) == 2, procs=workers)
    finally:
        for worker in workers:
            kh.stop(worker)
    _assert_marked(cleaned, original, copy)
