"""Quality gate: PLOVER events on the plover_gsr sentences.

How the data is read, how old type names map and what each figure means is
in :mod:`tests.eval.plover`. Each floor is the score measured when it was
set minus one point, so a change that makes extraction worse fails CI.

Report: ``.venv/bin/python -m tests.eval.plover [-v]``
"""
from __future__ import annotations

import pytest

from tests.eval.plover import DATA, Scores, evaluate, load, report

pytestmark = pytest.mark.eval

#: Measured on the 161 sentences (extractor events/2, en_core_web_sm 3.8.0):
#: type accuracy 0.832, type precision 0.749, actor F1 0.799, recipient F1
#: 0.601, strict triple recall 0.493 (70 of 142). Bare verb lexicon, same
#: lexicon files: type accuracy 0.609, precision 0.533 (reported only).
FLOOR = {
    "type_accuracy": 0.822,
    "type_precision": 0.739,
    "actor_f1": 0.789,
    "recipient_f1": 0.591,
    "triple_recall": 0.483,
}


@pytest.fixture(scope="module")
def scores() -> Scores:
    if not DATA.exists():
        pytest.skip(f"plover_gsr not found at {DATA}")
    result = evaluate(load())
    print("\n" + report(result))
    return result


@pytest.mark.parametrize("figure", sorted(FLOOR))
def test_event_scores_hold(scores: Scores, figure: str):
    assert scores.figures()[figure] >= FLOOR[figure], report(scores)


def test_beats_bare_verb_lexicon(scores: Scores):
    figures = scores.figures()
    assert figures["type_accuracy"] > figures["baseline_type_accuracy"]
    assert figures["type_precision"] > figures["baseline_type_precision"]
