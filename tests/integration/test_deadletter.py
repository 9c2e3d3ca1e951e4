"""Bad input on the real broker becomes dead letters; the agent goes on."""
from __future__ import annotations

import base64

import orjson
import pytest

from pipeline.process import raw_from_document
from tests.integration import kafka_helpers as kh

pytestmark = pytest.mark.integration
LIMIT = 200_000


def test_bad_messages_go_to_the_deadletter_topic(kafka_broker, tmp_path):
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path,
                          NEWSWIRE_MAX_MESSAGE_BYTES=str(LIMIT))
    kh.create_topics(env)
    good = raw_from_document(b"Talks resume\n\nThe foreign minister met his counterpart in "
                             b"Geneva on Tuesday, officials said.", url="https://example.org/a/1")
    huge = raw_from_document(b"Huge\n\n" + b"word " * (LIMIT // 4), url="https://example.org/a/2")
    garbage = b"\xff\xfe\x00garbage\x80"
    wrong_shape = orjson.dumps({"id": "x", "title": 42})
    oversized = orjson.dumps(huge)
    assert len(oversized) > LIMIT
    kh.send(env, "raw", [(b"k-garbage", garbage), (b"k-shape", wrong_shape),
                         (b"k-big", oversized), (good.id.encode(), orjson.dumps(good))])
    worker = kh.start_role("worker", env, tmp_path / "worker.log")
    try:
        letters = kh.wait_for(env, "deadletter", lambda v: len(v) >= 3, procs=(worker,))
        clean = kh.wait_for(env, "clean", lambda v: len(v) >= 1, procs=(worker,))
    finally:
        kh.stop(worker)

    by_key = {letter["key"]: letter for letter in letters}
    assert set(by_key) == {"k-garbage", "k-shape", "k-big"}
    assert by_key["k-garbage"]["error_type"] == "undecodable"
    assert by_key["k-shape"]["error_type"] == "schema" and "required" in by_key["k-shape"]["reason"]
    assert by_key["k-big"]["error_type"] == "oversized"
    assert base64.b64decode(by_key["k-garbage"]["payload"]) == garbage
    assert base64.b64decode(by_key["k-big"]["payload"]) == oversized
    assert all(letter["stage"] == "clean" for letter in letters)
    assert [c["id"] for c in clean] == [good.id]
