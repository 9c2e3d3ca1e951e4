"""Quality gate: entity-level NER scores on the CoNLL-2003 dev split.

The dev documents are cut into a tune part and a holdout part
(tests/eval/splits.py, keyed by tests/eval/conll.py:doc_key). Rules may be
tuned by reading tune errors only; the holdout part is only ever scored.
Rules written before the cut were tuned on all of dev, so the figure for
news nothing here has seen is the holdout part of *train*: its lexicons
are learned from train's tune part only (tests/eval/conll_learn.py). All
three are gated.

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

#: Floors per part: our F1 measured when the gate was last set, minus
#: about one point of slack. entities/3 with lexicons learned from the tune
#: part of train (tune / holdout: all types 84.36 / 85.32, PER/ORG/LOC
#: 86.10 / 87.23, ORG 81.64 / 77.17); with lexicons from all of train they
#: read 84.73 / 86.41, 86.51 / 88.49, 82.40 / 80.38, the holdout part of
#: train being then no longer unseen. Before issue 11 (entities/2):
#: 76.28 / 80.72, 77.02 / 82.13 and 66.84 / 70.21.
FLOORS = {
    "tune": {"all": 83.3, "PER/ORG/LOC": 85.1, "ORG": 80.6},
    "holdout": {"all": 84.3, "PER/ORG/LOC": 86.2, "ORG": 76.1},
}
#: The holdout part of train (305 documents no rule or lexicon learned
#: from): all types 81.29, PER/ORG/LOC 83.45, ORG 76.73 measured.
TRAIN_HOLDOUT_FLOORS = {"all": 80.3, "PER/ORG/LOC": 82.4, "ORG": 75.7}
#: F1 points over the raw model on PER/ORG/LOC, against the raw model's
#: better input condition, per part: measured 23.23 (tune), 19.47 (holdout)
#: and 21.08 (train holdout) with lexicons from train tune, minus about one
#: point (23.64 and 20.73 with lexicons from all of train; the first goal was 8).
MIN_GAIN_CORE = 18.5


@pytest.fixture(scope="module")
def results():
    found = conll.report("dev")
    print("\nCoNLL-2003 dev, entity-level micro P/R/F1 (exact span and type)")
    print(conll.format_table(found))
    train = conll.report("train", only="holdout")
    print("\nCoNLL-2003 train, holdout part")
    print(conll.format_table(train))
    return {**found, "train holdout": train["holdout"]}


def below_floors(ours, floors: dict[str, float]) -> dict[str, float]:
    return {group: round(100 * ours[group].f1, 2) for group, floor in floors.items()
            if 100 * ours[group].f1 < floor}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_ours_meets_the_floors(results, part):
    below = below_floors(results[part]["ours"], FLOORS[part])
    assert not below, f"{part}: below the floors {FLOORS[part]}: {below}"


def test_ours_meets_the_floors_on_news_nothing_learned_from(results):
    below = below_floors(results["train holdout"]["ours"], TRAIN_HOLDOUT_FLOORS)
    assert not below, f"train holdout: below the floors {TRAIN_HOLDOUT_FLOORS}: {below}"


@pytest.mark.parametrize("part", [*sorted(FLOORS), "train holdout"])
def test_ours_beats_the_raw_model(results, part):
    by_tagger = results[part]
    raw = max(by_tagger["raw/sentence"]["PER/ORG/LOC"].f1,
              by_tagger["raw/document"]["PER/ORG/LOC"].f1)
    assert 100 * (by_tagger["ours"]["PER/ORG/LOC"].f1 - raw) >= MIN_GAIN_CORE
