"""`newswire feeds`: offline parse, help, status rows."""
from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from newswire.cli import main
from newswire.feeds_cli import feed_status
from pipeline import codec
from pipeline.feeds import schedule

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


def test_parse_prints_the_raw_articles_the_poller_would_emit(capsys):
    assert main(["feeds", "parse", str(FIXTURES / "world.rss"),
                 "--url", "https://news.example.com/world/rss"]) == 0
    articles = orjson.loads(capsys.readouterr().out)
    assert len(articles) == 3 and articles[0]["feed_url"] == "https://news.example.com/world/rss"
    for article in articles:
        codec.validate("raw_article", article)


def test_parse_of_a_broken_file_prints_an_empty_array_and_the_error(tmp_path, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "x"><!ENTITY b "&a;&a;">]>'
                    b"<rss><channel><item><title>&b;</title></item></channel></rss>")
    assert main(["feeds", "parse", str(bad)]) == 1
    out = capsys.readouterr()
    assert orjson.loads(out.out) == [] and "error" in out.err


def test_parse_of_a_missing_file_is_a_clear_error(capsys):
    assert main(["feeds", "parse", "/no/such/feed.xml"]) == 2
    assert "no/such/feed.xml" in capsys.readouterr().err


@pytest.mark.parametrize("action", ["list", "add", "remove", "import", "export", "status", "parse"])
def test_each_action_has_help(action, capsys):
    with pytest.raises(SystemExit) as done:
        main(["feeds", action, "--help"])
    assert done.value.code == 0


def test_status_rows():
    state = schedule.after_error(schedule.FeedState("u"), 100.0, "HTTP 500", rng=lambda: 0.0)
    row = feed_status("u", schedule.state_to_dict(state))
    assert row["status"] == "failing" and row["errors"] == 1 and row["last_error"] == "HTTP 500"
    assert row["next_poll"] == "1970-01-01T00:02:10Z"
    assert feed_status("u", None)["status"] == "new"
    gone = schedule.state_to_dict(schedule.after_gone(schedule.FeedState("u"), 1.0))
    assert feed_status("u", gone)["status"] == "gone"
