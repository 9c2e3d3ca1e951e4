"""The learned ranker of pronoun and description speakers, and its learner."""
from __future__ import annotations

import numpy as np

from pipeline.nlp.entities.speaker_ranker import History, Ranker, features
from tests.eval.learn_speaker_ranker import Design, cross_validated, vocabulary_of


def history(**given) -> History:
    facts = dict(sentences_back=0, rank=0, mentions=1, subject_back=None, reported_back=None,
                 speaker_back=None, speaker_rank=None, has_title=False, etype="PERSON",
                 first_sentence=0)
    return History(**(facts | given))


def test_facts_are_bucketed_and_crossed_with_the_kind_of_phrase():
    names = features("pron", history(sentences_back=4, mentions=9, has_title=True))
    assert "back=5" in names and "mentions=8+" in names and "subject_back=none" in names
    assert "has_title" in names
    assert "has_title" not in features("pron", history())
    assert {f"pron:{n}" for n in names if ":" not in n} <= set(names)
    assert not any(n.startswith("desc:") for n in names)


def test_only_the_latest_speaker_gets_the_recency_of_its_speech():
    assert "last_speaker_back=1" in features("pron", history(speaker_back=1, speaker_rank=0))
    assert not any(n.startswith("last_speaker")
                   for n in features("pron", history(speaker_back=1, speaker_rank=1)))


def test_learned_weights_load_and_prefer_who_just_spoke():
    ranker = Ranker.learned()
    assert len(ranker.weights) > 50
    # "Devlin said ... Ruiz was there. He said": the speaker of the previous
    # sentence against a man only mentioned since, in this sentence
    spoke = history(sentences_back=1, rank=1, mentions=2, subject_back=1, reported_back=1,
                    speaker_back=1, speaker_rank=0)
    mentioned = history(sentences_back=0, rank=0, mentions=1)
    assert ranker.score(features("pron", spoke)) > ranker.score(features("pron", mentioned))


def test_the_learner_finds_weights_that_rank_a_separable_set():
    # the right candidate is always the one with "b", whatever its position
    examples = [([["a"], ["b"], ["a", "c"]], [False, True, False]),
                ([["b", "c"], ["a"]], [True, False]),
                ([["a", "c"], ["c"], ["b"]], [False, False, True])] * 3
    design = Design(examples, vocabulary_of(examples * 2))
    weights = design.fit(steps=500)
    assert design.accuracy(np.zeros_like(weights)) < 1.0  # ties go to the first
    assert design.accuracy(weights) == 1.0
    assert dict(zip(design.vocabulary, weights, strict=True))["b"] > 0


def test_probabilities_sum_to_one_over_each_examples_candidates():
    examples = [([["a"], ["b"]], [True, False]), ([["a"], ["b"], ["c"]], [False, False, True])]
    design = Design(examples, ["a", "b", "c"])
    p = design.probabilities(np.array([0.5, -1.0, 2.0]))
    assert np.allclose([p[:2].sum(), p[2:].sum()], [1.0, 1.0])


def test_cross_validation_scores_each_block_with_weights_fitted_on_the_others():
    examples = [([["a"], ["b"]], [False, True]), ([["b"], ["a"]], [True, False])] * 10
    assert cross_validated(examples) == 1.0
    # a block of examples that contradict all the others is all wrong
    flipped = examples[:16] + [([["a"], ["b"]], [True, False])] * 4
    assert cross_validated(flipped) <= 0.8
