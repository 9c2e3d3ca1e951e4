"""The event scores match a participant by any form its article writes it in."""
from pipeline.records import Entity, EntityRef, Event, Mention, Span
from tests.eval.plover import Scores, Sentence, score_sentence, surface_forms

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
