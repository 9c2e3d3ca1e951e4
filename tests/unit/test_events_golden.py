"""Golden files for event extraction, one per construction.

Each ``tests/golden/events/<name>.txt`` is a short text written for this
suite (paragraphs split on blank lines); ``<name>.json`` is what the
extractor must produce for it, reduced to the fields a reader checks (type,
mode, polarity, tense, participants by name, trigger, date, place, whether
it sits in a statement). Any drift fails the test; when a change is meant,
regenerate and review the diff:

    .venv/bin/python -m tests.unit.test_events_golden --regenerate
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pipeline.nlp.analyze import analyze
from pipeline.records import CleanArticle, Event, Paragraph

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "events"
PUBLISHED = "2022-03-10T09:00:00Z"


def article(name: str, text: str) -> CleanArticle:
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    spans, offset = [], 0
    for part in parts:
        spans.append(Paragraph(offset, offset + len(part), "body"))
        offset += len(part) + 2
    return CleanArticle(
        id=name, url=f"https://golden.example/{name}", source=None, title="",
        published_at=PUBLISHED, language="en", text="\n\n".join(parts), paragraphs=spans,
        removed=[], fingerprint="0", duplicate_of=None)


def summary(event: Event) -> dict:
    return {
        "type": event.type, "mode": event.mode, "negated": event.negated,
        "tense": event.tense, "trigger": event.trigger,
        "actors": [[r.entity_id, r.name] for r in event.actors],
        "recipients": [[r.entity_id, r.name] for r in event.recipients],
        "date": [event.date.value, event.date.basis] if event.date else None,
        "location": event.location.name if event.location else None,
        "in_statement": event.statement_id is not None,
    }


def extract(path: Path) -> list[dict]:
    _, _, events = analyze(article(path.stem, path.read_text(encoding="utf-8")))
    return [summary(e) for e in events]


CASES = sorted(GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden(path: Path):
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert extract(path) == expected


def regenerate() -> None:
    for path in CASES:
        got = extract(path)
        path.with_suffix(".json").write_text(
            json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path.stem}: {len(got)} events")


if __name__ == "__main__":
    if "--regenerate" in sys.argv:
        regenerate()
    else:
        print(__doc__)
