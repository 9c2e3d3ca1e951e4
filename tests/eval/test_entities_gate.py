"""Quality gate: entity-level NER scores on the CoNLL-2003 dev split.

The dev documents are cut into a tune part and a holdout part
(tests/eval/splits.py, keyed by tests/eval/conll.py:doc_key). Rules may be
tuned by reading tune errors only; the holdout part is only ever scored and
its figure is the "unseen" estimate. Both parts are gated.

The raw model and our extractor are scored in the same run, on the same
text (see tests/eval/conll.py), so the comparison holds whatever the machine.
Run with ``-s`` to see the table.
"""
from __future__ import annotations

import pytest

from tests.eval import conll

pytestmark = [
    pytest.mark.eval,
    pytest.mark.skipif(not (conll.DATA / "conllpp_dev.txt").exists(),
                       reason="CoNLL data not found beside the repository"),
]

#: Floors per part: our F1 measured when the gate was last raised
#: (entities/3, tune / holdout: all types 84.73 / 86.41, PER/ORG/LOC
#: 86.51 / 88.49, ORG 82.40 / 80.38), minus about one point of slack.
#: Before issue 11 (entities/2) they were 76.28 / 80.72, 77.02 / 82.13
#: and 66.84 / 70.21.
FLOORS = {
    "tune": {"all": 83.7, "PER/ORG/LOC": 85.5, "ORG": 81.4},
    "holdout": {"all": 85.4, "PER/ORG/LOC": 87.5, "ORG": 79.4},
}
#: F1 points over the raw model on PER/ORG/LOC, against the raw model's
#: better input condition, per part: measured 23.64 (tune) and 20.73
#: (holdout) when last raised, minus about one point (the first goal was 8).
MIN_GAIN_CORE = 19.7


@pytest.fixture(scope="module")
def results():
    found = conll.report("dev")
    print("\nCoNLL-2003 dev, entity-level micro P/R/F1 (exact span and type)")
    print(conll.format_table(found))
    return found


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_ours_meets_the_floors(results, part):
    ours = results[part]["ours"]
    below = {group: round(100 * ours[group].f1, 2) for group, floor in FLOORS[part].items()
             if 100 * ours[group].f1 < floor}
    assert not below, f"{part}: below the floors {FLOORS[part]}: {below}"


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_ours_beats_the_raw_model(results, part):
    by_tagger = results[part]
    raw = max(by_tagger["raw/sentence"]["PER/ORG/LOC"].f1,
              by_tagger["raw/document"]["PER/ORG/LOC"].f1)
    assert 100 * (by_tagger["ours"]["PER/ORG/LOC"].f1 - raw) >= MIN_GAIN_CORE
