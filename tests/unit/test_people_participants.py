"""Nouns for people and bodies as the last resort for an event's side
(pipeline.nlp.events.args.people_named, lexicons/wordnet_people.txt)."""
from __future__ import annotations

from pipeline.nlp.events.triggers import PEOPLE_NOUNS_FILE, actor_nouns, people_nouns
from pipeline.nlp.lexicon import LEXICON_ROOT
from tests.eval.list_people_nouns import table
from tests.unit.test_nlp_events import events_of, names, one


def sides(text: str, etype: str, trigger: str) -> tuple[set[str], set[str]]:
    event = one(events_of([text], "people"), etype, trigger)
    return names(event.actors), names(event.recipients)


def test_a_noun_for_people_names_a_side_nothing_else_fills():
    assert sides("Social media users alleged that Mossad had staged the attack.",
                 "ACCUSE", "alleged") == ({"Social media users"}, {"Mossad"})
    assert sides("Vattenfall was sued by angry shareholders.",
                 "ACCUSE", "sued") == ({"angry shareholders"}, {"Vattenfall"})
    assert sides("On Monday, angry shareholders complained about Vattenfall.",
                 "ACCUSE", "complained") == ({"angry shareholders"}, {"Vattenfall"})


def test_a_pronoun_nothing_resolves_names_the_side_by_its_word():
    # one sentence has no antecedent: the coders code "He" as the source
    assert sides("He praised Ivan Petrov for his courage.",
                 "SUPPORT", "praised") == ({"He"}, {"Ivan Petrov"})
    # resolved where the article names the person
    events = events_of(["Tom Hale arrived in Oslo.", "He praised Ivan Petrov."], "pronoun")
    assert names(one(events, "SUPPORT", "praised").actors) == {"Tom Hale"}
    # and never an event for a pronoun alone
    assert events_of(["He complained."], "pronoun-alone") == []


def test_such_a_noun_alone_makes_no_event():
    # a side only a noun for people fills is too vague to keep the event for
    assert events_of(["On Monday, angry shareholders complained."], "people-alone") == []


def test_whom_an_owner_s_relational_noun_means_stays_open():
    # "its neighbour" is a party the context names, not "neighbour"
    assert sides("Hungary accused its neighbour of meddling.",
                 "ACCUSE", "accused") == ({"Hungary"}, set())


def test_a_mobilisation_still_moves_forces_rather_than_acting_on_them():
    assert sides("The Latvian government deployed paramilitary soldiers on Tuesday.",
                 "MOBILIZE", "deployed")[1] == set()


def test_the_list_is_wordnet_s_people_and_bodies():
    assert {"user", "shareholder", "respondent", "party", "militia"} <= people_nouns()
    assert not {"meeting", "settlement", "attack"} & people_nouns()
    assert len(people_nouns() - actor_nouns()) > 5000


def test_the_list_is_the_one_wordnet_gives():
    # regenerate with `python -m tests.eval.list_people_nouns`
    assert (LEXICON_ROOT / PEOPLE_NOUNS_FILE).read_text(encoding="utf-8") == table()
