"""Gender of first names, for pronoun agreement (pipeline/nlp/entities/gender.py)."""
from __future__ import annotations

from pipeline.nlp.entities.gender import _given_votes, given_name_gender, is_given_name


def test_census_lists_give_the_gender_of_names_the_news_corpus_lacks():
    assert given_name_gender("Karen") == "f"
    assert given_name_gender("bill") == "m"
    assert given_name_gender("Reince") == "m"  # learned from PolNeAR, not in the Census lists
    assert given_name_gender("Taylor") is None  # borne by both
    assert given_name_gender("President") is None


def test_a_lone_word_votes_only_when_it_is_more_often_a_given_name_than_a_surname():
    assert _given_votes("Hillary") == {"m": 0, "f": 5}
    assert _given_votes("Lee") == {"m": 0, "f": 0}      # a surname as often as not
    assert _given_votes("Lee Smith") == {"m": 0, "f": 0}  # and a name of both genders
    assert _given_votes("Robin Lee") == {"m": 0, "f": 5}


def test_titles_are_not_given_names():
    assert is_given_name("Donald") and is_given_name("taylor")
    assert not is_given_name("President") and not is_given_name("Senator")
