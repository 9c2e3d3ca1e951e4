"""Feed -> news.raw -> news.clean -> entities, statements, events on real Kafka."""
from __future__ import annotations

import pytest

from pipeline import codec
from pipeline.feeds.identity import article_id_for
from tests.integration import kafka_helpers as kh
from tests.integration.newsroom import STORIES, Newsroom

pytestmark = pytest.mark.integration


def _valid(name: str, values: list[dict]) -> None:
    for value in values:
        codec.validate(name, value)


def test_feed_flows_through_every_topic(kafka_broker, tmp_path):
    with Newsroom() as newsroom:
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"# test feed\n{newsroom.base}/feed.xml\n")
        env = kh.isolated_env(kafka_broker.bootstrap, tmp_path,
                              NEWSWIRE_ALLOW_PRIVATE_ADDRESSES="1")
        kh.create_topics(env)
        expected = {article_id_for(f"{newsroom.base}/news/{n}") for n in range(len(STORIES))}
        poller = kh.start_role("poll", env, tmp_path / "poll.log", "--feeds", str(feeds))
        worker = kh.start_role("worker", env, tmp_path / "worker.log")
        try:
            procs = (poller, worker)
            raw = kh.wait_for(env, "raw", lambda v: {r["id"] for r in v} >= expected, procs=procs)
            entities = kh.wait_for(env, "entities",
                                   lambda v: {r["article_id"] for r in v} >= expected, procs=procs)
            clean = kh.wait_for(env, "clean", lambda v: len(v) >= len(expected), procs=procs)
            statements = kh.wait_for(env, "statements", lambda v: len(v) >= 3, procs=procs)
            events = kh.wait_for(env, "events", lambda v: len(v) >= 1, procs=procs)
        finally:
            kh.stop(poller), kh.stop(worker)
        # The summary-only story was completed from its page on the test server.
        assert "/news/2" in newsroom.hits

    assert {r["id"] for r in raw} == expected, "one raw record per story, tracking params ignored"
    assert {r["id"] for r in clean} == expected
    for name, values in [("raw_article", raw), ("clean_article", clean),
                         ("article_entities", entities), ("statement", statements),
                         ("event", events)]:
        _valid(name, values)
    # url is the feed's link as given, tracking parameters and all (issue 13).
    full_page = next(r for r in clean if r["url"].endswith("/news/2?utm_source=rss"))
    assert "Raila Odinga" in full_page["text"] and "Copyright" not in full_page["text"]
    for record in statements + events:
        assert record["article_id"] in expected
        assert record["id"].startswith(record["article_id"])
    names = {e["name"] for r in entities for e in r["entities"]}
    assert {"Maria Cantwell", "Raila Odinga"} <= names
    assert any(s["speaker"] and s["speaker"]["name"].endswith("Cantwell") for s in statements)
    assert kh.read_all(env, "deadletter") == []
