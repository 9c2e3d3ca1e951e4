"""Word lists kept as data files, so linguists can edit them without
touching code and a diff shows exactly what a change adds.

Each subpackage keeps its lists in its own ``lexicons/`` folder, beside the
code that reads them; a path here is relative to ``pipeline/nlp`` and names
that folder ("entities/lexicons/titles.txt"), so a reader sees at the call
whose list it is.
"""
from __future__ import annotations

import functools
from pathlib import Path

LEXICON_ROOT = Path(__file__).parent


@functools.cache
def load_lines(relative: str) -> tuple[tuple[str, ...], ...]:
    """Non-comment lines of a lexicon file, split on tabs, lower-cased.

    Blank lines and lines starting with ``#`` are skipped.
    """
    rows = []
    for line in (LEXICON_ROOT / relative).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rows.append(tuple(part.strip().lower() for part in line.split("\t")))
    return tuple(rows)


def load_words(relative: str) -> frozenset[str]:
    """The first column of a lexicon file, as a set."""
    return frozenset(row[0] for row in load_lines(relative))
