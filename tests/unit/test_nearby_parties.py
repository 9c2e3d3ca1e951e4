"""Parties from a trigger's neighbours (pipeline/nlp/events/nearby.py)."""
from __future__ import annotations

import pytest

from pipeline.nlp.entities import EntityIndex
from pipeline.nlp.entities.extract import extract_entities
from pipeline.nlp.events import nearby
from pipeline.nlp.events.plan import plan
from pipeline.nlp.parsing.model import parse
from tests.unit import nlp_helpers


def neighbours(sentence: str, trigger: str) -> tuple[list[str], list[str]]:
    clean = nlp_helpers.article([sentence])
    doc = parse(clean)
    index = EntityIndex(extract_entities(doc, clean))
    kept, _ = plan(doc, index)
    (i, trig), = [(i, t) for i, t in kept.items() if doc[i].text == trigger]
    actors, recipients = nearby.nearby_parties(doc[i], trig, index)
    return [h.text for h in actors], [h.text for h in recipients]


def test_subject_before_and_name_after():
    assert neighbours("Bangladesh on Monday condemned, in a statement, the raid on Dhaka.",
                      "condemned") == (["Bangladesh"], ["Dhaka"])


def test_a_name_before_that_is_no_subject_is_left_out():
    # "Lagos" is the object of "in": no one who kills
    assert neighbours("Police in Lagos said gunmen killed Musa Bello, a local chief, near Kaduna.",
                      "killed") == ([], ["Musa Bello"])


def test_a_doubted_trigger_takes_no_one():
    # the model gives a headline's noun "attacks" 0.1 of an ASSAULT
    assert neighbours("- Iranian newspaper attacks Jalal Talabani over contacts with Baghdad.",
                      "attacks") == ([], [])


def test_without_the_model_gate_the_neighbours_are_taken(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(nearby, "CONFIDENT", 0.0)
    assert neighbours("- Iranian newspaper attacks Jalal Talabani over contacts with Baghdad.",
                      "attacks") == ([], ["Jalal Talabani"])


def test_parties_farther_than_the_window_are_not_taken(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(nearby, "WINDOW", 5)
    assert neighbours("Bangladesh on Monday condemned, in a statement, the raid on Dhaka.",
                      "condemned") == ([], [])


def test_an_aim_after_for_takes_no_one(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(nearby, "CONFIDENT", 0.0)
    assert neighbours("The Kenyan Foreign Ministry sent a request to Uganda for a meeting of the two "
                      "presidents.", "meeting") == ([], [])
