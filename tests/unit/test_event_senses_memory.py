"""Remembering, enabling and backing out are no events; a vow is a
promise (pipeline.nlp.events.senses, the AGREE and CONCEDE lexicons)."""
from __future__ import annotations

from tests.unit.test_nlp_events import events_of


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger) for e in events_of([text], "senses-memory")]


def test_recalling_someone_sent_abroad_is_a_recall_remembering_is_not():
    assert kinds("Ukraine recalled its ambassador from Minsk.") == [("SANCTION", "recalled")]
    assert kinds("Hungary recalled its envoy on Monday.") == [("SANCTION", "recalled")]
    assert kinds("Senator Ortiz recalled the colleague being confused.") == []
    assert kinds("Senator Ortiz recalled that the talks with Chile had failed early.") == []
    assert kinds('"It was chaos," Senator Ortiz recalled of the Chilean visit.') == [
        ("CONSULT", "visit")]

def test_a_thing_that_makes_something_possible_concedes_nothing():
    assert kinds("Poland allowed Ukrainian trucks to cross the border.") == [("CONCEDE", "allowed")]
    assert kinds("A Polish law that allows Ukrainian voters to register online was passed.") == []
    assert kinds("The tax breaks allowed Senator Ortiz to rebound.") == []
    assert kinds("The Polish program should be allowed to expire, Senator Ortiz wrote.") == []


def test_backing_out_is_no_support_and_backing_off_yields():
    assert kinds("Mexico backed out of the deal with Canada.") == []
    assert kinds("Senator Ortiz backed off his proposals on Chile.") == [("CONCEDE", "backed")]
    assert kinds("Senator Ortiz backed the Chilean proposal.") == [("SUPPORT", "backed")]


def test_a_vow_is_a_promise():
    assert kinds("President Ruto vowed to help Somalia.") == [("AGREE", "vowed")]
