"""Pollers on the real broker: restart without duplicates, two pollers split the feeds."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from collections import Counter, defaultdict

import orjson
import pytest

from tests import local_http
from tests.integration import kafka_helpers as kh

pytestmark = pytest.mark.integration


class FeedServer:
    """Serves /f<n>.xml from ``self.items[n]`` with ETags; records (path, time) of every hit."""

    def __init__(self) -> None:
        server = self
        self.items: dict[int, list[int]] = defaultdict(lambda: [1, 2])
        self.hits: list[tuple[str, float]] = []

        class Handler(local_http.QuietHandler):
            def do_GET(self) -> None:  # noqa: N802
                match = re.fullmatch(r"/f(\d+)\.xml", self.path)
                if not match:
                    self.send_error(404)
                    return
                n = int(match[1])
                server.hits.append((self.path, time.monotonic()))
                body, etag = server.feed(n), f'"{n}-{len(server.items[n])}"'
                headers = {"ETag": etag, "Content-Type": "application/rss+xml"}
                if self.headers.get("If-None-Match") == etag:
                    self.reply(304, b"", headers)
                else:
                    self.reply(200, body, headers)

        self.httpd, self.base = local_http.start(Handler)

    def feed(self, n: int) -> bytes:
        items = "".join(f"<item><title>Feed {n} story {i}</title>"
                        f"<link>{self.base}/news/{n}/{i}?utm_source=rss</link>"
                        f"<guid isPermaLink='false'>f{n}-s{i}</guid>"
                        f"<description>Story {i} of feed {n}.</description></item>"
                        for i in self.items[n])
        return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                f"<title>Feed {n}</title>{items}</channel></rss>").encode()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def feeds():
    server = FeedServer()
    yield server
    server.close()


def _env(kafka_broker, tmp_path, **extra):
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path, NEWSWIRE_FETCH_FULL_TEXT="false",
                          NEWSWIRE_SESSION_TIMEOUT_SECONDS="8", **extra)
    kh.create_topics(env)
    return env


def _raw_guids(env) -> Counter:
    return Counter(orjson.loads(v)["guid"] for _, v in kh.read_all(env, "raw") if v)


def test_restart_emits_each_new_entry_once_and_no_old_one(kafka_broker, tmp_path, feeds):
    env = _env(kafka_broker, tmp_path, NEWSWIRE_POLL_MIN_SECONDS="1", NEWSWIRE_POLL_MAX_SECONDS="2")
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{feeds.base}/f0.xml\n{feeds.base}/f1.xml\n")
    first = kh.start_role("poll", env, tmp_path / "poll1.log", "--feeds", str(listing))
    try:
        kh.wait_for(env, "raw", lambda v: len(v) >= 4, procs=(first,), timeout=90)
        polls = len(feeds.hits)
        deadline = time.monotonic() + 30
        while len(feeds.hits) < polls + 4 and time.monotonic() < deadline:
            time.sleep(0.5)  # a few more (conditional) polls that must emit nothing
    finally:
        kh.stop(first)
    assert _raw_guids(env) == Counter({"f0-s1": 1, "f0-s2": 1, "f1-s1": 1, "f1-s2": 1})

    feeds.items[0] = [3, 1, 2]          # new entries arrive while no poller runs
    feeds.items[1] = [4, 5, 1, 2]
    second = kh.start_role("poll", env, tmp_path / "poll2.log", "--feeds", str(listing))
    try:
        kh.wait_for(env, "raw", lambda v: len(v) >= 7, procs=(second,), timeout=90)
        time.sleep(6)  # several more polls: still nothing old comes back
    finally:
        kh.stop(second)
    guids = _raw_guids(env)
    assert guids == Counter({g: 1 for g in ["f0-s1", "f0-s2", "f1-s1", "f1-s2", "f0-s3",
                                            "f1-s4", "f1-s5"]}), guids


def _share(log_path) -> int | None:
    found = re.findall(r"this poller now has (\d+) feeds", log_path.read_text(errors="replace"))
    return int(found[-1]) if found else None


def test_two_pollers_split_the_feeds_and_poll_each_once_per_interval(kafka_broker, tmp_path, feeds):
    count, interval = 12, 3
    env = _env(kafka_broker, tmp_path, NEWSWIRE_PARTITIONS="4",
               NEWSWIRE_POLL_MIN_SECONDS=str(interval), NEWSWIRE_POLL_MAX_SECONDS=str(interval))
    listing = tmp_path / "feeds.txt"
    listing.write_text("".join(f"{feeds.base}/f{n}.xml\n" for n in range(count)))
    empty = tmp_path / "none.txt"
    empty.write_text("# feeds come from `newswire feeds import`\n")
    cli = [sys.executable, "-m", "newswire.cli", "feeds"]
    subprocess.run(cli + ["import", str(listing)], env=env, check=True, cwd=kh.REPO, timeout=60)
    logs = [tmp_path / "pollA.log", tmp_path / "pollB.log"]
    procs = [kh.start_role("poll", env, log, "--feeds", str(empty)) for log in logs]
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            shares = [_share(log) for log in logs]
            if None not in shares and sum(shares) == count and min(shares) > 0:
                break
            assert all(p.poll() is None for p in procs), "a poller exited"
            time.sleep(1)
        else:
            raise AssertionError(f"feeds never split between the pollers: {shares}")
        time.sleep(interval + 2)  # let hand-over polls settle, then watch one window
        start = time.monotonic()
        time.sleep(5 * interval)
        window = [(path, t) for path, t in feeds.hits if t >= start]
        status = subprocess.run(cli + ["status", "--format", "json"], env=env, cwd=kh.REPO,
                                capture_output=True, timeout=60, check=True)
    finally:
        for proc in procs:
            kh.stop(proc)
    per_feed = defaultdict(list)
    for path, t in window:
        per_feed[path].append(t)
    assert len(per_feed) == count, "every feed is polled"
    for path, times in per_feed.items():
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        # One poller per feed: about one poll per interval, never two close together.
        assert len(times) <= 5 + 1 and min(gaps, default=interval) >= interval - 1, (path, times)
    assert _raw_guids(env) == Counter({f"f{n}-s{i}": 1 for n in range(count) for i in (1, 2)})
    rows = orjson.loads(status.stdout)
    assert len(rows) == count and {r["status"] for r in rows} == {"ok"}
