"""Two workers under load, a third joins, one leaves: every raw article
reaches its outputs (at least once: duplicates allowed, losses not)."""
from __future__ import annotations

import pytest

from tests.integration import kafka_helpers as kh

pytestmark = pytest.mark.integration
ARTICLES = 60


def test_a_worker_joining_and_one_leaving_under_load_loses_nothing(kafka_broker, tmp_path):
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path, NEWSWIRE_PARTITIONS="4",
                          NEWSWIRE_SESSION_TIMEOUT_SECONDS="10")
    kh.create_topics(env)
    articles = [kh.talks_article(n, "rounds") for n in range(ARTICLES)]
    expected = {a.id for a in articles}
    workers = [kh.start_role("worker", env, tmp_path / f"worker{n}.log") for n in (1, 2)]
    try:
        kh.wait_stable(env, 2, procs=tuple(workers))
        kh.send_raw(env, articles[:ARTICLES // 2])
        # A third joins while the first half is being worked through, before
        # most partitions have a committed offset (the case Faust got wrong).
        workers.append(kh.start_role("worker", env, tmp_path / "worker3.log"))
        kh.send_raw(env, articles[ARTICLES // 2:])
        kh.wait_stable(env, 3, procs=tuple(workers))
        kh.stop(workers.pop(0))  # and one leaves, mid-stream
        kh.wait_stable(env, 2, procs=tuple(workers))
        entities = kh.wait_for(env, "entities", lambda v: {r["article_id"] for r in v} >= expected,
                               timeout=300, procs=tuple(workers))
        statements = kh.wait_for(env, "statements",
                                 lambda v: {r["article_id"] for r in v} >= expected,
                                 procs=tuple(workers))
    finally:
        for worker in workers:
            kh.stop(worker)
    assert {r["article_id"] for r in entities} == expected
    assert {r["article_id"] for r in statements} == expected  # each has its quote
    assert kh.read_all(env, "deadletter") == []
