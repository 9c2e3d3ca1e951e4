"""PLOVER events, record validity of everything analyze() emits, and the seed."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import codec
from pipeline.ids import span_id
from pipeline.nlp.analyze import analyze
from pipeline.nlp.events import EXTRACTOR, triggers
from pipeline.records import EVENT_TYPES, CleanArticle, Paragraph

SEED_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed"
SEED = SEED_DIR / "000_be4580497953cbc3.txt"


def article(paragraphs: list[str], kinds: list[str] | None = None,
            published: str | None = "2022-03-10T09:00:00Z", art_id: str = "e1") -> CleanArticle:
    """A CleanArticle whose paragraphs are joined by blank lines, offsets exact."""
    kinds = kinds or ["body"] * len(paragraphs)
    spans, offset = [], 0
    for text, kind in zip(paragraphs, kinds):
        spans.append(Paragraph(offset, offset + len(text), kind))
        offset += len(text) + 2
    return CleanArticle(
        id=art_id, url=f"https://news.example/{art_id}", source="Example",
        title=paragraphs[0], published_at=published, language="en",
        text="\n\n".join(paragraphs), paragraphs=spans, removed=[], fingerprint="0",
        duplicate_of=None)


STORY = [
    "Foreign Minister Anna Kowalczyk met Chancellor Tomas Lindqvist in Vienna on Tuesday.",
    "On March 3, the European Commission called on Hungary to release the detained journalists.",
    "Kowalczyk did not meet Lindqvist in Salzburg. "
    "She added that Poland would ask Sweden for help.",
    "Lindqvist will visit Warsaw on Friday, his spokeswoman Maria Ekdahl said.",
]


@pytest.fixture(scope="module")
def analysed():
    clean = article(STORY)
    return clean, *analyze(clean)


def one(events, type_, trigger):
    hits = [e for e in events if e.type == type_ and e.trigger == trigger]
    assert len(hits) == 1, [(e.type, e.trigger) for e in events]
    return hits[0]


def ids(refs):
    return [r.entity_id for r in refs]


def test_request_with_actor_recipient_and_explicit_date(analysed):
    _, _, _, events = analysed
    request = one(events, "REQUEST", "called")
    assert ids(request.actors) == ["org:european-commission"]
    assert ids(request.recipients) == ["gpe:hungary"]
    assert (request.date.value, request.date.precision, request.date.basis) == (
        "2022-03-03", "day", "explicit")
    assert request.tense == "past" and not request.negated
    # "called on Hungary to release": Hungary is the one asked to release
    assert ids(one(events, "RETREAT", "release").actors) == ["gpe:hungary"]


def test_meeting_relative_date_and_location(analysed):
    _, _, _, events = analysed
    met = one(events, "CONSULT", "met")
    assert ids(met.actors) == ["person:anna-kowalczyk"]
    assert ids(met.recipients) == ["person:tomas-lindqvist"]
    assert met.mode == "meet" and met.location.entity_id == "gpe:vienna"
    assert (met.date.value, met.date.basis) == ("2022-03-08", "relative")  # last Tuesday


def test_negated_meeting_is_its_own_event(analysed):
    _, _, _, events = analysed
    not_met = one(events, "CONSULT", "meet")
    assert not_met.negated and not_met.tense == "past"
    assert ids(not_met.recipients) == ["person:tomas-lindqvist"]
    assert not_met.location.entity_id == "gpe:salzburg"
    assert not_met.date.basis == "published" and not_met.date.value == "2022-03-10"


def test_future_and_hypothetical_inside_statements(analysed):
    _, _, statements, events = analysed
    visit = one(events, "CONSULT", "visit")
    assert visit.tense == "future" and visit.mode == "visit"
    assert ids(visit.actors) == ["person:tomas-lindqvist"]
    assert ids(visit.recipients) == ["gpe:warsaw"]
    said = {s.id for s in statements}
    assert visit.statement_id in said
    ask = one(events, "REQUEST", "ask")
    assert ask.tense == "hypothetical" and ask.statement_id in said


def test_event_records_are_complete_and_valid(analysed):
    clean, entities, statements, events = analysed
    codec.validate("article_entities", codec.to_dict(entities))
    for s in statements:
        codec.validate("statement", codec.to_dict(s))
    assert events
    for e in events:
        codec.validate("event", codec.to_dict(e))
        assert clean.text[e.span.start:e.span.end] == e.text
        assert e.trigger in e.text and 0 < e.confidence <= 1
        assert e.extractor == EXTRACTOR and e.article_id == clean.id
        start = clean.text.index(e.trigger, e.span.start)
        assert e.id == span_id(clean.id, start, start + len(e.trigger), e.type)
    keys = [(e.type, tuple(ids(e.actors)), tuple(ids(e.recipients)), e.negated) for e in events]
    assert len(keys) == len(set(keys))


def test_lexicons_cover_every_plover_type():
    covered = {t.type for trigs in triggers().values() for t in trigs}
    assert covered == set(EVENT_TYPES)


def seed_article() -> CleanArticle:
    """The seed as the clean stage might deliver it: title first, then body
    paragraphs split on blank lines (all marked body)."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    kinds = ["heading"] + ["body"] * (len(paragraphs) - 1)
    return article(paragraphs, kinds, published="2022-07-28T00:00:00Z", art_id="be4580497953cbc3")


def test_seed_article():
    clean = seed_article()
    entities, statements, events = analyze(clean)
    lavrov = [e for e in entities.entities if "Lavrov" in e.name or "Lavrov" in e.aliases]
    assert [(e.id, e.type) for e in lavrov] == [("person:sergei-lavrov", "PERSON")]
    assert any(e.type in ("CONSULT", "REQUEST") for e in events)
    assert any(s.speaker and s.speaker.entity_id == "person:ned-price" for s in statements)
    assert "2022-02-15" in {t.value for t in entities.times}
    codec.validate("article_entities", codec.to_dict(entities))
    for record, name in [*((s, "statement") for s in statements), *((e, "event") for e in events)]:
        codec.validate(name, codec.to_dict(record))
