"""A syndicated copy is marked duplicate_of the original it follows."""
from __future__ import annotations

import orjson
import pytest

from pipeline.process import raw_from_document
from tests.integration import kafka_helpers as kh

pytestmark = pytest.mark.integration

WIRE = ("Port strike ends\n\nDock workers in Rotterdam ended a four-day strike on Thursday after "
        "the port authority agreed to raise wages by six percent, the union said. Ships that had "
        "waited at anchor began to unload on Thursday evening, and the authority said the backlog "
        "would be cleared by the end of next week. The union had asked for eight percent.")


def test_near_copy_is_a_duplicate(kafka_broker, tmp_path):
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path)
    kh.create_topics(env)
    original = raw_from_document(WIRE.encode(), url="https://wire.example.org/strike")
    copy = raw_from_document((WIRE + " Reuters.").replace("Port strike ends", "Rotterdam strike over")
                             .encode(), url="https://paper.example.net/news/strike-over")
    worker = kh.start_role("worker", env, tmp_path / "worker.log")
    try:
        kh.send(env, "raw", [(original.id.encode(), orjson.dumps(original))])
        kh.wait_for(env, "clean", lambda v: len(v) == 1, procs=(worker,))
        kh.send(env, "raw", [(copy.id.encode(), orjson.dumps(copy))])
        cleaned = kh.wait_for(env, "clean", lambda v: len(v) == 2, procs=(worker,))
    finally:
        kh.stop(worker)
    by_id = {c["id"]: c for c in cleaned}
    assert by_id[original.id]["duplicate_of"] is None
    assert by_id[copy.id]["duplicate_of"] == original.id
