"""The learned event trigger model (pipeline/nlp/events/trigger_model.py)."""
from __future__ import annotations

from pipeline.nlp.entities import EntityIndex
from pipeline.nlp.entities.extract import extract_entities
from pipeline.nlp.events.trigger_model import (
    WEIGHTS_FILE,
    TriggerModel,
    features,
    learned_model,
    lexicon_digest,
)
from pipeline.nlp.lexicon import LEXICON_ROOT
from pipeline.nlp.parsing.model import parse
from tests.unit.test_nlp_statements import article


def parsed(text: str):
    clean = article([text], art_id="tm")
    doc = parse(clean)
    return doc, EntityIndex(extract_entities(doc, clean))


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_features_name_the_word_its_senses_its_lexicon_type_and_its_parties():
    doc, index = parsed("Prime Minister Anna Kowalczyk criticised Poland and began a tour of Asia.")
    senses = {("tour", "NOUN"): ("isa=journey.n.01",)}
    tour = features(token(doc, "tour"), index, lambda lemma, pos: senses.get((lemma, pos), ()))
    assert {"lemma=tour/NOUN", "wn:isa=journey.n.01", "governor=begin"} <= set(tour)
    criticised = features(token(doc, "criticised"), index, lambda lemma, pos: ())
    assert {"lexicon=ACCUSE", "subj=PERSON", "obj=GPE"} <= set(criticised)


def test_a_word_the_lexicon_lacks_becomes_a_trigger_only_where_a_type_is_likely():
    doc, index = parsed("Prime Minister Anna Kowalczyk began a tour of Asia on Monday.")
    tour = token(doc, "tour")
    sure = TriggerModel({"wn:isa=journey.n.01": {"CONSULT": 6.0}}, {"tour/noun": ("isa=journey.n.01",)})
    assert sure.trigger(tour, index).type == "CONSULT"
    unsure = TriggerModel({"wn:isa=journey.n.01": {"CONSULT": 1.0}}, {"tour/noun": ("isa=journey.n.01",)})
    assert unsure.trigger(tour, index) is None  # 17 labels: a weight of 1 is not enough


def test_the_lexicon_decides_for_the_words_it_lists():
    doc, index = parsed("Anna Kowalczyk criticised Poland on Monday.")
    nothing = TriggerModel({"bias": {"NONE": 50.0}}, {})
    assert nothing.trigger(token(doc, "criticised"), index).type == "ACCUSE"


def test_the_learned_model_finds_events_the_lexicon_lacks():
    doc, index = parsed("Prime Minister Anna Kowalczyk began a tour of Asian capitals in Tokyo on Monday.")
    assert learned_model().trigger(token(doc, "tour"), index).type == "CONSULT"


def test_an_unlisted_word_is_a_trigger_where_its_type_is_more_likely_than_not():
    doc, index = parsed("Prime Minister Anna Kowalczyk began a tour of Asia on Monday.")
    tour = token(doc, "tour")
    senses = {"tour/noun": ("isa=journey.n.01",)}

    def model(weight: float) -> TriggerModel:
        return TriggerModel({"wn:isa=journey.n.01": {"CONSULT": weight}}, senses)

    # 17 labels: e^w / (e^w + 16) is 0.55 at w = 2.97 and 0.45 at w = 2.57
    assert model(2.97).trigger(tour, index).type == "CONSULT"
    assert model(2.57).trigger(tour, index) is None


def test_the_weights_were_learned_on_the_lexicon_as_it_is():
    # A lexicon entry changes the "lexicon=TYPE" features of its words, so
    # weights learned before it weigh other facts: relearn them with
    # `python -m tests.eval.learn_trigger_model` after editing a lexicon.
    header = (LEXICON_ROOT / WEIGHTS_FILE).read_text(encoding="utf-8").splitlines()[:10]
    learned_on = next(line.split()[-1] for line in header if line.startswith("# lexicon "))
    assert learned_on == lexicon_digest()
