"""Golden files per behaviour (Fundus style): input plus expected JSON, one command to refresh.

Layout: ``tests/golden/<suite>/<case>.input.txt`` (plain text, title on the
first line) or ``<case>.input.html`` (a page), next to ``<case>.expected.json``
holding what the stage made of it. ``tests/unit/test_cleaning_golden.py``
fails when the output drifts from the expected file.

After a deliberate behaviour change, regenerate and review the diff::

    .venv/bin/python -m tests.golden.regenerate cleaning

then read ``git diff tests/golden`` before committing: every changed line is
a behaviour change someone should have meant.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.records import RawArticle
from pipeline.text.clean import clean_article

GOLDEN = Path(__file__).resolve().parent


def cases(suite: str) -> list[Path]:
    """Input files of a suite, sorted."""
    return sorted(p for p in (GOLDEN / suite).glob("*.input.*") if p.suffix in (".txt", ".html"))


def expected_path(input_path: Path) -> Path:
    return input_path.with_name(input_path.name.split(".input.")[0] + ".expected.json")


def raw_article(input_path: Path) -> RawArticle:
    """The RawArticle a poller would build: text cases carry their title on line one."""
    text = input_path.read_text("utf-8")
    is_html = input_path.suffix == ".html"
    title = "" if is_html else text.split("\n", 1)[0].strip()
    name = input_path.name.split(".input.")[0]
    return RawArticle(
        id=f"golden-{name}", feed_url=None, source=None, url=f"https://example.org/{name}",
        guid=None, title=title, summary=None, content=text,
        content_type="text/html" if is_html else "text/plain", language="en",
        published_at="2024-03-05T09:00:00Z", fetched_at="2024-03-05T09:05:00Z")


def cleaning_output(input_path: Path) -> dict:
    """What the golden file records: kept paragraphs and removals, in order."""
    article = clean_article(raw_article(input_path))
    return {
        "paragraphs": [[p.kind, article.text[p.start:p.end]] for p in article.paragraphs],
        "removed": [[r.kind, r.text] for r in article.removed],
    }


SUITES = {"cleaning": cleaning_output}


def regenerate(suite: str) -> list[Path]:
    written = []
    for path in cases(suite):
        out = expected_path(path)
        out.write_text(json.dumps(SUITES[suite](path), ensure_ascii=False, indent=2) + "\n",
                       "utf-8")
        written.append(out)
    return written


def main(argv: list[str]) -> int:
    suites = argv or list(SUITES)
    unknown = [s for s in suites if s not in SUITES]
    if unknown:
        print(f"unknown suite(s): {', '.join(unknown)}; known: {', '.join(SUITES)}")
        return 2
    for suite in suites:
        for path in regenerate(suite):
            print(f"wrote {path.relative_to(GOLDEN.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
