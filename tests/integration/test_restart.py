"""Kill the worker mid-stream, start it again: every raw article is processed."""
from __future__ import annotations

import signal

import pytest

from tests.integration import kafka_helpers as kh

pytestmark = pytest.mark.integration
ARTICLES = 24


def test_worker_restart_loses_nothing(kafka_broker, tmp_path):
    # A short session timeout so the killed worker's partitions move on quickly.
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path, NEWSWIRE_SESSION_TIMEOUT_SECONDS="8")
    kh.create_topics(env)
    articles = [kh.talks_article(n) for n in range(ARTICLES)]
    expected = {a.id for a in articles}
    half = ARTICLES // 2
    kh.send_raw(env, articles[:half])

    first = kh.start_role("worker", env, tmp_path / "worker1.log")
    try:
        kh.wait_for(env, "entities", lambda v: len(v) >= 1, procs=(first,))
    finally:
        kh.stop(first, signal.SIGKILL)  # mid-stream: no clean shutdown, no final commit
    # The rest arrives while no worker runs.
    kh.send_raw(env, articles[half:])

    second = kh.start_role("worker", env, tmp_path / "worker2.log")
    try:
        seen = kh.wait_for(env, "entities",
                           lambda v: {r["article_id"] for r in v} >= expected, procs=(second,))
    finally:
        kh.stop(second)
    assert {r["article_id"] for r in seen} == expected  # at least once: duplicates allowed
    assert kh.read_all(env, "deadletter") == []
