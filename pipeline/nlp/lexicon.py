"""Word lists kept as data files under ``lexicons/``, so linguists can edit
them without touching code and a diff shows exactly what a change adds."""
from __future__ import annotations

import functools
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicons"


@functools.cache
def load_lines(relative: str) -> tuple[tuple[str, ...], ...]:
    """Non-comment lines of a lexicon file, split on tabs, lower-cased.

    Blank lines and lines starting with ``#`` are skipped.
    """
    rows = []
    for line in (LEXICON_DIR / relative).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rows.append(tuple(part.strip().lower() for part in line.split("\t")))
    return tuple(rows)


def load_words(relative: str) -> frozenset[str]:
    """The first column of a lexicon file, as a set."""
    return frozenset(row[0] for row in load_lines(relative))
