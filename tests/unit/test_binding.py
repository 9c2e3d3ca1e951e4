"""Who an object pronoun or a description cannot be: the subject above it
(pipeline.nlp.entities.resolve._bound_out)."""
from __future__ import annotations

from tests.unit.test_nlp_events import events_of, names, one


def sides(sentences: list[str], etype: str, trigger: str) -> tuple[set[str], set[str]]:
    event = one(events_of(sentences, "binding"), etype, trigger)
    return names(event.actors), names(event.recipients)


def test_an_object_pronoun_is_not_its_own_subject():
    # "him" is the other man named, not Trump who praises
    assert sides(["Vladimir Putin met Donald Trump in Helsinki.", "Donald Trump praised him."],
                 "SUPPORT", "praised") == ({"Donald Trump"}, {"Vladimir Putin"})
    # nor the controller of the infinitive it is the object of
    assert sides(["Vladimir Putin met Donald Trump in Helsinki.",
                  "Donald Trump refused to criticize him."],
                 "REJECT", "refused")[1] == {"Vladimir Putin"}


def test_a_subject_pronoun_still_takes_the_subject_before_it():
    assert sides(["Donald Trump arrived in Helsinki.", "He praised Vladimir Putin."],
                 "SUPPORT", "praised") == ({"Donald Trump"}, {"Vladimir Putin"})


def test_a_description_is_not_a_subject_above_it():
    # "the former president" is not McConnell, who refused
    assert sides(["Mitch McConnell refused to endorse the former president."],
                 "REJECT", "refused") == ({"Mitch McConnell"}, {"former president"})
    assert sides(["Mitch McConnell's refusal to endorse the former president angered many."],
                 "REJECT", "refusal")[1] == {"former president"}
