"""Golden files per behaviour (Fundus style): input plus expected JSON, one command to refresh.

Layout, the same for every suite (``cleaning``, ``statements``, ``events``):
``tests/golden/<suite>/<case>.input.txt`` (or ``.input.html``, a page) next
to ``<case>.expected.json``, which holds what the stage made of it (see
``tests/golden/suites.py`` for each suite's input and record).
``tests/unit/test_golden.py`` fails when an output drifts.

After a deliberate behaviour change, regenerate and review the diff::

    .venv/bin/python -m tests.golden.regenerate [suite ...]

then read ``git diff tests/golden`` before committing: every changed line is
a behaviour change someone should have meant.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.golden.suites import SUITES

GOLDEN = Path(__file__).resolve().parent


def cases(suite: str) -> list[Path]:
    """Input files of a suite, sorted."""
    return sorted(p for p in (GOLDEN / suite).glob("*.input.*") if p.suffix in (".txt", ".html"))


def expected_path(input_path: Path) -> Path:
    return input_path.with_name(input_path.name.split(".input.")[0] + ".expected.json")


def dump(output) -> str:
    return json.dumps(output, ensure_ascii=False, indent=2) + "\n"


def regenerate(suite: str) -> list[Path]:
    written = []
    for path in cases(suite):
        out = expected_path(path)
        out.write_text(dump(SUITES[suite](path)), "utf-8")
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
