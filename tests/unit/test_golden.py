"""Golden files: one small input per behaviour, and the stage's output must not drift.

Suites, layout and the regenerate command: tests/golden/regenerate.py.
"""
from __future__ import annotations

import json

import pytest

from tests.golden.regenerate import cases, dump, expected_path
from tests.golden.suites import SUITES

CASES = [(suite, path) for suite in SUITES for path in cases(suite)]

#: The behaviours each suite must keep a golden file for (issues 4 to 7).
REQUIRED = {
    "entities": {"surnames_and_titles", "near_spellings", "attribution_tails", "places", "dates",
                 "appositive_roles"},
    "cleaning": {"teaser_line", "teaser_glued", "infobox", "glued_words", "pull_quotes",
                 "headings", "credit_and_bylines", "prompts", "page_structure"},
    "statements": {"straight_doubles", "single_quotes", "guillemets", "german_quotes",
                   "dash_quotes", "multi_paragraph", "split_quote", "reported_speech",
                   "mixed", "pull_quotes", "nominal_speakers", "signed_quotes", "transcript",
                   "no_statement"},
    # The implied parties of issue 11: "sentenced in Russia" (the state acts),
    # "reluctance due to Lavrov's presence" (the cause is the recipient), "called
    # the request 'megaphone practice'" (whoever made the request).
    "events": {"passive_agent", "negated", "hypothetical", "in_statement", "sentenced",
               "implied_state_actor", "cause_recipient", "referred_request",
               "pronoun_previous_doer", "light_verb_frames"},
}


@pytest.mark.parametrize("suite", sorted(REQUIRED))
def test_every_behaviour_has_a_golden_file(suite):
    names = {p.name.split(".input.")[0] for p in cases(suite)}
    assert REQUIRED[suite] <= names
    for path in cases(suite):
        assert expected_path(path).is_file(), f"no expected file for {path.name}"


@pytest.mark.parametrize("suite,input_path", CASES, ids=[f"{s}/{p.name}" for s, p in CASES])
def test_golden(suite, input_path):
    expected = json.loads(expected_path(input_path).read_text("utf-8"))
    got = json.loads(dump(SUITES[suite](input_path)))  # compared as written: tuples become lists
    assert got == expected, (
        f"{suite} output drifted; if the change is meant, run "
        f"`python -m tests.golden.regenerate {suite}` and review the diff")
