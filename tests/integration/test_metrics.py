"""Every role serves Prometheus metrics: Faust's sensor, the pipeline's counters, lag."""
from __future__ import annotations

import socket
import time
import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.integration import kafka_helpers as kh
from tests.integration.newsroom import STORIES, Newsroom

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _scrape(port: int) -> dict[tuple[str, tuple], float]:
    """{(sample name, sorted labels): value} of one /metrics page."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as reply:
        text = reply.read().decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def _value(samples, name: str, **labels) -> float:
    return sum(v for (n, ls), v in samples.items()
               if n == name and set(labels.items()) <= set(ls))


def _scrape_until(port: int, done, procs, timeout: float = 180):
    deadline = time.monotonic() + timeout
    samples = {}
    while time.monotonic() < deadline:
        try:
            samples = _scrape(port)
        except OSError:  # not serving yet
            samples = {}
        if samples and done(samples):
            return samples
        for proc in procs:
            assert proc.poll() is None, f"{proc.args} exited with {proc.returncode}"
        time.sleep(1)
    raise AssertionError(f"metrics on port {port} never got there: {sorted(n for n, _ in samples)}")


def test_poller_and_worker_serve_their_metrics(kafka_broker, tmp_path):
    with Newsroom() as newsroom:
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"{newsroom.base}/feed.xml\n")
        env = kh.isolated_env(kafka_broker.bootstrap, tmp_path, NEWSWIRE_ALLOW_PRIVATE_ADDRESSES="1")
        kh.create_topics(env)
        poll_port, work_port = _free_port(), _free_port()
        poller = kh.start_role("poll", {**env, "NEWSWIRE_METRICS_PORT": str(poll_port)},
                               tmp_path / "poll.log", "--feeds", str(feeds))
        worker = kh.start_role("worker", {**env, "NEWSWIRE_METRICS_PORT": str(work_port)},
                               tmp_path / "worker.log")
        procs = (poller, worker)
        try:
            kh.send(env, "raw", [(b"garbage", b"not json")])
            polled = _scrape_until(poll_port, lambda s: _value(s, "newswire_feed_polls_total",
                                                               outcome="ok") >= 1, procs)
            worked = _scrape_until(work_port, lambda s: _value(
                s, "newswire_stage_messages_out_total", stage="extract", topic="entities")
                >= len(STORIES), procs)
            # the poller is not in the workers' group: its coming and going
            # never rebalances them
            assert kh.group_state(env)[1] == 1
            assert kh.group_state({**env, "NEWSWIRE_APP_ID": env["NEWSWIRE_APP_ID"] + "-poll"})[1] == 1
        finally:
            kh.stop(poller), kh.stop(worker)
    assert _value(polled, "newswire_stage_messages_out_total", stage="poll", topic="raw") >= len(STORIES)
    assert _value(worked, "newswire_stage_messages_in_total", stage="clean") >= len(STORIES) + 1
    assert _value(worked, "newswire_stage_messages_in_total", stage="extract") >= len(STORIES)
    # at least once: a rebalance before the commit may hand the garbage over
    # again (seen when the poller still joined the workers' group)
    assert _value(worked, "newswire_dead_letters_total", stage="clean") >= 1
    [labels] = [dict(ls) for (n, ls), v in worked.items() if n == "newswire_dead_letters_total" and v]
    assert labels == {"stage": "clean", "error_type": "undecodable"}
    assert _value(worked, "newswire_extraction_seconds_count", stage="extract") >= len(STORIES)
    # Faust's own sensor, on both roles, and the lag of the worker's partitions.
    assert _value(worked, "faust_messages_received_total") >= len(STORIES)
    assert _value(polled, "faust_messages_received_total") >= 1
    raw_topic = kh.settings_for(env).topic("raw")
    assert any(n == "newswire_consumer_lag" and dict(ls)["topic"] == raw_topic for n, ls in worked)
