"""Golden files for the clean stage: one behaviour per file, output must not drift.

Inputs are written for these tests in the style of scraped news (none is
copied from an article). Regenerate after a deliberate change with
``.venv/bin/python -m tests.golden.regenerate cleaning`` and review the diff.
"""
from __future__ import annotations

import json

import pytest

from tests.golden.regenerate import cases, cleaning_output, expected_path

CASES = cases("cleaning")


def test_every_behaviour_has_a_golden_file():
    names = {p.name.split(".input.")[0] for p in CASES}
    assert {"teaser_line", "teaser_glued", "infobox", "glued_words", "pull_quotes",
            "headings", "credit_and_bylines", "prompts", "page_structure"} <= names
    for path in CASES:
        assert expected_path(path).is_file(), f"no expected file for {path.name}"


@pytest.mark.parametrize("input_path", CASES, ids=lambda p: p.name)
def test_golden(input_path):
    expected = json.loads(expected_path(input_path).read_text("utf-8"))
    assert cleaning_output(input_path) == expected, (
        "clean stage output drifted; if the change is meant, run "
        "`python -m tests.golden.regenerate cleaning` and review the diff")
