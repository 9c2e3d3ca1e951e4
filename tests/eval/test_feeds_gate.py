"""Quality gate: feedparser's own test corpus through the poller's parse path.

Every file of ``../shared/data/feeds/feedparser_tests`` starts with a comment
whose ``Expect:`` line is a Python expression over ``feedparser.parse()``'s
result (``not bozo and entries[0]['guid'] == '...'``). Here it is evaluated
on what the poller keeps instead: the feed fields of ``ParsedFeed`` and the
RawArticles it would emit, shaped back into feedparser's names. Fields the
poller drops (itunes, media, enclosures, authors, ...) make an expectation
fail; that is the point of the measure. A crash on any file fails the gate.
The corpus is cut into tune and holdout parts by file path (tests.eval.splits);
each part has its own floor, and the holdout figure is the unseen estimate.

Report: ``.venv/bin/python -m tests.eval.test_feeds_gate [tune|holdout]``
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from pipeline.feeds.parse import ParsedFeed
from pipeline.feeds.poller import articles_from_document
from pipeline.feeds.schedule import FeedState
from pipeline.records import RawArticle
from tests.eval.splits import PARTS, select
from tests.shared_data import SHARED_DATA

CORPUS = SHARED_DATA / "feeds" / "feedparser_tests" / "tests"
FEED_URL = "http://example.com/feed"
FETCHED = "2024-05-15T10:00:00Z"
#: Measured share of expectations that hold, per part, minus one point. Most
#: corpus entries have neither guid nor link, so the poller, which cannot key
#: them, drops them. sanitize/xml_malicious_comment.xml expects SGML comment
#: rules ("safe"); our sanitiser follows HTML5 ("sa"). Issue 13 keeps ids as
#: written where feedparser resolves them (some expectations want feedparser's
#: resolved ids) and links in the publisher's form (others want that): tune
#: 261 -> 264 of 1,360 (0.1941), holdout 122 -> 121 of 730 (0.1658), whole
#: corpus 383 -> 385 of 2,090 (0.1842).
FLOORS = {"tune": 0.1841, "holdout": 0.1558}
_EXPECT = re.compile(rb"^\s*Expect:\s*(.*?)\s*$", re.M)
_HEADER = re.compile(rb"^\s*Header:\s*([\w-]+):\s*(.*?)\s*$", re.M)


def comment_fields(data: bytes) -> tuple[str | None, dict[str, str]]:
    """(Expect expression, simulated HTTP headers) from a corpus file's header comment."""
    head = data[:2000]
    expect = _EXPECT.search(head)
    headers = {m[1].decode(): m[2].decode("latin-1") for m in _HEADER.finditer(head)}
    return (expect[1].decode("utf-8", "replace") if expect else None), headers


def poller_view(parsed: ParsedFeed, articles: list[RawArticle]) -> dict:
    """What the poller keeps, under feedparser's names."""
    feed = {k: v for k, v in (("title", parsed.title), ("link", parsed.link),
                              ("language", parsed.language)) if v is not None}
    if parsed.ttl_minutes:
        feed["ttl"] = str(parsed.ttl_minutes)
    return {"bozo": int(bool(parsed.error or parsed.warning)), "feed": feed,
            "entries": [_entry(a) for a in articles]}


def _entry(article: RawArticle) -> dict:
    entry = {"title": article.title, "link": article.url, "language": article.language}
    if article.guid:
        entry["id"] = entry["guid"] = article.guid
    if article.summary is not None or article.content:
        entry["summary"] = entry["description"] = article.summary or article.content
    if article.content:
        entry["content"] = [{"value": article.content, "type": article.content_type,
                             "language": article.language}]
    if article.published_at:
        entry["published"] = article.published_at
    return {k: v for k, v in entry.items() if v is not None}


def evaluate(path: Path) -> tuple[str, bool | None]:
    """(outcome, held): outcome is 'ok', 'kept-none', 'feed-error' or 'crash';
    held is None for a file without an Expect line."""
    data = path.read_bytes()
    expect, headers = comment_fields(data)
    try:
        parsed, fresh, _ = articles_from_document(data, feed_url=FEED_URL, headers=headers,
                                                  fetched_at=FETCHED, state=FeedState(FEED_URL))
    except Exception as exc:  # noqa: BLE001 - counted, and the gate fails on any
        return f"crash: {type(exc).__name__}: {exc}", False
    outcome = "feed-error" if parsed.error else ("ok" if fresh or not parsed.skipped else "kept-none")
    if expect is None:
        return outcome, None
    try:
        held = bool(eval(expect, {"__builtins__": __builtins__}, poller_view(parsed, fresh)))  # noqa: S307
    except Exception:  # noqa: BLE001 - a field the poller does not keep
        held = False
    return outcome, held


def corpus_files(corpus: Path = CORPUS, part: str | None = None) -> list[Path]:
    """The corpus files of one part (None: all), keyed by their path in the corpus."""
    paths = sorted(p for p in corpus.rglob("*") if p.is_file())
    return select(paths, lambda path: path.relative_to(corpus).as_posix(), part)


def measure(corpus: Path = CORPUS, part: str | None = None) -> dict:
    outcomes: Counter[str] = Counter()
    held = total = 0
    by_folder: Counter[str] = Counter()
    by_folder_held: Counter[str] = Counter()
    kept = Counter()  # expectations on files where the poller kept every entry
    for path in corpus_files(corpus, part):
        outcome, ok = evaluate(path)
        outcomes["crash" if outcome.startswith("crash") else outcome] += 1
        if ok is not None:
            folder = path.relative_to(corpus).parts[0]
            total += 1
            by_folder[folder] += 1
            held += ok
            by_folder_held[folder] += ok
            if outcome == "ok":
                kept["total"] += 1
                kept["held"] += ok
    return {"files": sum(outcomes.values()), "outcomes": dict(outcomes), "expectations": total,
            "held": held, "share": held / total if total else 0.0,
            "share_where_entries_kept": kept["held"] / max(1, kept["total"]),
            "expectations_where_entries_kept": kept["total"],
            "by_folder": {f: f"{by_folder_held[f]}/{n}" for f, n in sorted(by_folder.items())}}



@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"feedparser corpus not found at {CORPUS}")
@pytest.mark.parametrize("part", PARTS)
def test_feedparser_corpus_gate(part):
    report = measure(part=part)
    assert report["outcomes"].get("crash", 0) == 0, report
    assert report["share"] >= FLOORS[part], report


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"feedparser corpus not found at {CORPUS}")
def test_the_two_parts_cover_the_whole_corpus():
    tune, holdout = (corpus_files(part=part) for part in PARTS)
    assert len(tune) + len(holdout) == len(corpus_files()) > 2000
    assert len(holdout) > len(corpus_files()) / 4 and not set(tune) & set(holdout)


if __name__ == "__main__":
    result = measure(part=sys.argv[1] if len(sys.argv) > 1 else None)
    for name, value in result.items():
        print(f"{name}: {value}")
    sys.exit(0)
