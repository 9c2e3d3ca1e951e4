"""The event scores match a participant by any form its article writes it in,
and give each figure a bootstrap interval over the scored sentences."""
from pipeline.records import Entity, EntityRef, Event, Mention, Span
from tests.eval.plover import Scores, Sentence, intervals, score_sentence, surface_forms

UK = Entity("gpe:united_kingdom", "United Kingdom", "GPE", [], None,
            [Mention(30, 37, "Britain")], None)
EGYPT = Entity("gpe:egypt", "Egypt", "GPE", [], None, [Mention(0, 5, "Egypt")], None)


def _accusation() -> Event:
    return Event(id="e1", article_id="a1", url="urn:x", published_at=None, type="ACCUSE",
                 mode=None, context=[], negated=False, tense="past",
                 actors=[EntityRef("gpe:egypt", "Egypt", "GPE")],
                 recipients=[EntityRef("gpe:united_kingdom", "United Kingdom", "GPE")],
                 trigger="criticised", text="Egypt has criticised Britain.", span=Span(0, 29),
                 date=None, location=None, confidence=0.9, statement_id=None)


def test_surface_forms_hold_the_name_and_every_mention():
    assert surface_forms([UK])["gpe:united_kingdom"] == "United Kingdom / Britain"


def test_the_canonical_name_alone_misses_the_gold_words_the_mentions_match():
    sentence = Sentence("s", "Egypt has criticised Britain.", "ACCUSE", ["Egypt"], ["Britain"], None)
    by_name, by_form = Scores(), Scores()
    score_sentence(by_name, sentence, [_accusation()])
    score_sentence(by_form, sentence, [_accusation()], [UK, EGYPT])
    assert by_name.recipients.f1 == 0.0 and by_name.triple_hits == 0
    assert by_form.recipients.f1 == 1.0 and by_form.triple_hits == 1


def _typed(right: bool) -> Scores:
    return Scores(n=1, type_hits=int(right), type_pairs=1, type_pairs_right=int(right))


def test_an_interval_brackets_its_figure_and_narrows_to_it_when_all_sentences_agree():
    agreed, mixed = Scores(), Scores()
    for i in range(100):
        agreed.absorb(_typed(True))
        mixed.absorb(_typed(i % 2 == 0))
    assert intervals(agreed, rounds=200)["type_accuracy"] == (1.0, 1.0)
    low, high = intervals(mixed, rounds=500)["type_accuracy"]
    # a half right on a hundred sentences: about 0.40 to 0.60
    assert 0.35 < low < mixed.figures()["type_accuracy"] == 0.5 < high < 0.65


def test_scoring_a_sentence_keeps_its_own_counts_for_the_intervals():
    sentence = Sentence("s", "Egypt has criticised Britain.", "ACCUSE", ["Egypt"], ["Britain"], None)
    total = Scores()
    score_sentence(total, sentence, [_accusation()], [UK, EGYPT])
    score_sentence(total, sentence, [], [UK, EGYPT])
    assert [one.type_hits for one in total.sentences] == [1, 0]
    assert total.type_hits == 1 and total.n == 2
