"""The fundus_events sentences are the ones the drawing script draws."""
from __future__ import annotations

import pytest

from tests.eval import draw_event_sentences, fundus_events

pytestmark = pytest.mark.eval


def test_coded_sentences_are_the_drawn_ones():
    if not fundus_events.available():
        pytest.skip("fundus_eval not found beside the repository")
    coded = [line.split("\t")[0] for line in fundus_events.CODED.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    drawn = draw_event_sentences.draw(len(coded))
    assert coded == [sid for sid, _ in drawn]
    articles = draw_event_sentences.bodies()
    assert all(draw_event_sentences.sentence_text(sid, articles).strip() == text for sid, text in drawn)
