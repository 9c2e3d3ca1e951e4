"""The training-sentence report (tests/eval/train_events.py) counts what it says."""
from __future__ import annotations

import pytest

from tests.eval import conll, train_events
from tests.eval.learn_trigger_model import Coded


@pytest.fixture(scope="module")
def items() -> list[Coded]:
    if not (conll.DATA / "conllpp_train.txt").exists():
        pytest.skip("CoNLL-2003 not found beside the repository")
    return train_events.load()


def test_a_coded_event_found_counts_right_and_an_uncoded_one_wrong():
    coded = Coded("t:1", "Iran and Iraq signed a treaty on Monday. The army of Iraq shelled Basra.",
                  {("signed", 1): "SUPPORT"})
    figures = train_events.evaluate([coded])
    assert figures["coded"] == 1 and figures["recall"] == 1.0
    assert figures["extracted"] == 2 and figures["precision"] == 0.5


def test_the_report_covers_every_coded_sentence(items):
    figures = train_events.evaluate(items[:40])
    assert figures["coded"] == sum(len(i.triggers) for i in items[:40])
    assert 0 < figures["precision"] <= 1 and 0 < figures["recall"] <= 1
