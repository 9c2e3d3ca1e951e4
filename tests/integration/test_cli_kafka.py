"""`newswire replay`, `newswire tail` and `newswire broker status` against the real broker."""
from __future__ import annotations

import subprocess
import sys

import orjson
import pytest

from pipeline import codec
from pipeline.process import raw_from_document
from tests.integration import kafka_helpers as kh

pytestmark = pytest.mark.integration


def _cli(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newswire.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120, cwd=kh.REPO)


def _article(n: int):
    return raw_from_document(f"Story {n}\n\nThe mayor of Lyon met the mayor of Turin on Monday.".encode(),
                             url=f"https://example.org/story/{n}", published="2024-02-05")


def test_replay_files_then_tail(kafka_broker, tmp_path):
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path)
    kh.create_topics(env)
    lines = tmp_path / "articles.jsonl"
    lines.write_bytes(b"\n".join(orjson.dumps(_article(n)) for n in range(3)) + b"\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "extra.txt").write_text("Extra\n\nThe council of Porto voted on Tuesday.")

    assert _cli(env, "replay", str(lines)).returncode == 0
    done = _cli(env, "replay", str(tmp_path / "docs"), "--published", "2024-02-06")
    assert done.returncode == 0 and "replayed 1 messages" in done.stderr

    topic = kh.settings_for(env).topic("raw")
    tailed = _cli(env, "tail", topic, "-n", "10")
    values = [orjson.loads(line) for line in tailed.stdout.splitlines()]
    assert tailed.returncode == 0 and len(values) == 4
    for value in values:
        codec.validate("raw_article", value)
    assert {v["id"] for v in values} >= {_article(n).id for n in range(3)}


def test_replay_deadletter_returns_original_bytes_to_the_stage_input(kafka_broker, tmp_path):
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path)
    kh.create_topics(env)
    original = orjson.dumps(_article(7))
    letter = codec.dead_letter("clean", b"story-7", original, RuntimeError("model crashed"))
    kh.send(env, "deadletter", [(b"story-7", codec.encode(letter))])

    topic = kh.settings_for(env).topic("deadletter")
    assert _cli(env, "replay", topic).returncode == 0
    assert kh.read_all(env, "raw") == [(b"story-7", original)]


def test_broker_status_reports_a_running_broker(kafka_broker, tmp_path):
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path)
    env.pop("NEWSWIRE_KAFKA_BOOTSTRAP")
    env["NEWSWIRE_BROKER_PORT"] = str(kafka_broker.port)
    done = _cli(env, "broker", "status")
    assert done.returncode == 0 and "running" in done.stdout and "4." in done.stdout
