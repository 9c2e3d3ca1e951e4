"""What a worker does before and as it starts, without a broker."""
from __future__ import annotations

import logging

import faust
import pytest

from newswire import worker as worker_start
from pipeline import stages


@pytest.fixture
def root_logger_restored():
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield root
    root.setLevel(level)
    root.handlers[:] = handlers


def test_worker_logging_keeps_the_chosen_level(root_logger_restored):
    app = faust.App("test-worker-logging", autodiscover=False, broker="kafka://127.0.0.1:9")
    worker = worker_start.make_worker(app, "warning", quiet=True)
    worker._setup_logging()  # what execute_from_commandline does first
    assert root_logger_restored.level == logging.WARNING
    assert not logging.getLogger("aiokafka.conn").isEnabledFor(logging.DEBUG)


def test_warm_up_takes_every_stage():
    roles = stages.warm_up()
    assert roles[0] == "clean"
    assert {"entities", "statements", "events"} <= set(roles)
    assert "deadletter" not in roles


def test_a_work_role_warms_up_before_joining(monkeypatch):
    calls: list[str] = []

    async def no_topics(settings, extra=()):
        calls.append("topics")

    monkeypatch.setattr("newswire.kafkaio.ensure_topics", no_topics)
    monkeypatch.setattr(stages, "warm_up", lambda: calls.append("warm_up"))
    app = faust.App("test-warm-up", autodiscover=False, broker="kafka://127.0.0.1:9")
    worker_start.prepare_before_joining(app, settings=None, roles=["poll"])
    assert calls == ["topics"]
    worker_start.prepare_before_joining(app, settings=None, roles=["work"])
    assert calls == ["topics", "topics", "warm_up"]
