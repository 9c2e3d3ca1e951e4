"""PLOVER events: who did what to whom, when and where.

Triggers come from the lexicons (:mod:`pipeline.nlp.events.triggers`) and,
for words they do not list, from weights learned from coded news
(:mod:`pipeline.nlp.events.trigger_model`); participants
from the dependency parse (:mod:`pipeline.nlp.events.args`, with the
light-verb frames of :mod:`pipeline.nlp.events.light_verbs` and the type-specific
roles of :mod:`pipeline.nlp.events.roles`), and the parties a reader infers
from the rest of the article from :mod:`pipeline.nlp.events.implied`, and,
where the parse gives a trigger no party at all, its named neighbours
(:mod:`pipeline.nlp.events.nearby`). Trigger words
that report no happening where they stand (aims, conditions, charges, kinds
of people) are left out by :mod:`pipeline.nlp.events.readings`, and words used
in another sense than their event's ("asked whether", "released a
statement") by :mod:`pipeline.nlp.events.senses`. Three readings
keep one coded event per happening, as PLOVER coders do:

- a verb and its trigger-noun object are one event ("canceled the meeting"
  is a REJECT, not also a meeting; "lifted the curfew" is a CONCEDE);
- what a trigger demands, offers or threatens is its content, not an event
  that happened ("demanded that X release" is a REQUEST only);
- an intention to do something cooperative is an AGREE, to do something
  hostile a THREATEN ("will give aid", "would boycott the elections").

One record per (type, actors, recipients, negated, stated date) per article,
citing the first sentence that shows it.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from spacy.tokens import Doc, Token

from pipeline.ids import span_id
from pipeline.nlp.dates import is_relative, parse_published
from pipeline.nlp.entities import EntityIndex, Hit, ref
from pipeline.nlp.events.args import (
    key_of,
    participants,
    people_named,
    resolve_all,
    subject,
)
from pipeline.nlp.events.deps import pobjs
from pipeline.nlp.events.implied import EventMemory, complete, speaker_as_actor
from pipeline.nlp.events.kinds import is_company
from pipeline.nlp.events.nearby import nearby_parties, occasion_of
from pipeline.nlp.events.plan import plan
from pipeline.nlp.events.readings import in_background
from pipeline.nlp.events.tense import conditional, intends, negated, tense
from pipeline.nlp.events.triggers import Trigger, trigger_of, triggers
from pipeline.records import (
    CleanArticle,
    Entity,
    EntityRef,
    Event,
    EventDate,
    EventType,
    Span,
    Statement,
    TimeExpression,
)

__all__ = ["EXTRACTOR", "extract_events", "triggers", "trigger_of", "event_date"]

EXTRACTOR = "events/91"

_PHONE = frozenset({"phone", "telephone"})
#: Intentions to cooperate are AGREE, intentions to harm THREATEN (PLOVER
#: codes "express intent to" under those two, whatever is intended).
_COOPERATIVE = frozenset({"AID", "COOPERATE", "RETREAT", "SUPPORT", "CONCEDE"})
_HOSTILE = frozenset({"PROTEST", "SANCTION", "ASSAULT", "COERCE"})
#: Words of assent, whose negation is a refusal ("will not accept", "failed
#: to reach agreement"); an offer, a promise or an invitation not made is
#: no rejection, only an AGREE that did not happen ("I did not invite anyone").
_ASSENT = frozenset({"agree", "agreement", "accept", "consent", "accord"})
#: Types whose target, when the text names none, is the place they happen in.
_PLACE_TARGET = frozenset({"PROTEST", "SANCTION", "ASSAULT", "COERCE", "THREATEN"})


def _mode(tok: Token, trig: Trigger) -> str | None:
    """The lexicon's mode, or "phone" for a call "by phone"/"telephone talks"."""
    near = [*tok.children, *(g for c in tok.children if c.dep_ == "prep" for g in c.children)]
    if any(t.lemma_.lower() in _PHONE for t in near):
        return "phone"
    return trig.mode


def _other_times(tok: Token) -> list[tuple[int, int]]:
    """Character ranges of "since ..."/"until ..." phrases: a date there
    anchors another happening ("the first talks since the invasion in
    February" are not in February)."""
    out = []
    for t in tok.sent:
        if t.dep_ == "prep" and t.lower_ in ("since", "until", "till"):
            sub = list(t.subtree)
            if tok not in sub:
                out.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return out


def event_date(start: int, end: int, anchor: int, times: list[TimeExpression],
               published: str | None, skip: Sequence[tuple[int, int]] = ()) -> EventDate | None:
    """The time expression in the sentence nearest the trigger (outside the
    ``skip`` ranges), else the publication day, else unknown."""
    inside = [t for t in times if start <= t.start and t.end <= end
              and not any(a <= t.start and t.end <= b for a, b in skip)]
    if inside:
        t = min(inside, key=lambda t: abs(t.start - anchor))
        return EventDate(t.value, t.precision, "relative" if is_relative(t) else "explicit")
    day = parse_published(published)
    return EventDate(day.isoformat(), "day", "published") if day else None


def location(tok: Token, index: EntityIndex) -> EntityRef | None:
    """A place entity governed by "in"/"at" in the trigger's sentence, nearest first."""
    places = []
    for prep in tok.sent:
        if prep.lower_ not in ("in", "at") or prep.dep_ != "prep":
            continue
        for obj in pobjs(prep):
            hit = index.covering(obj.idx, obj.idx + len(obj))
            if hit and hit.known.type in ("GPE", "LOC", "FAC"):
                places.append((abs(prep.i - tok.i), hit))
    return ref(min(places, key=lambda p: p[0])[1]) if places else None


def confidence(actors: list[Hit], recipients: list[Hit], tok: Token, tense_: str) -> float:
    """A heuristic: named sides and a verbal trigger are good signs; a side
    known only by a common noun, or a hypothetical, weaker ones."""
    score = 0.3
    for side in (actors, recipients):
        if side:
            score += 0.25 if any(h.entity is not None for h in side) else 0.15
    score += 0.05 if tok.pos_ == "VERB" else 0.0
    score -= 0.1 if tense_ == "hypothetical" else 0.0
    return round(min(max(score, 0.05), 0.95), 2)


def _sentence_span(tok: Token) -> tuple[int, int]:
    sent = tok.sent
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())


@dataclass
class _Context:
    clean: CleanArticle
    index: EntityIndex
    statements: list[Statement]
    times: list[TimeExpression]


def _retype(tok: Token, trig: Trigger) -> tuple[EventType, bool]:
    """(type, negated): what an intention, a condition or a refusal makes
    of the trigger's own type. "will withdraw unless ..." is a threat, and
    "will not accept" or "failed to reach agreement" a rejection (which
    did happen, so it is not negated)."""
    neg = negated(tok)
    if trig.type == "AGREE" and neg and tok.lemma_.lower() in _ASSENT:
        return "REJECT", False
    if intends(tok) and (trig.type in _HOSTILE or (trig.type == "RETREAT" and conditional(tok))):
        return "THREATEN", neg
    if intends(tok) and trig.type in _COOPERATIVE:
        return "AGREE", neg
    return cast(EventType, trig.type), neg  # lexicon file names are PLOVER types


def _event(ctx: _Context, tok: Token, trig: Trigger, actors: list[Hit],
           recipients: list[Hit]) -> Event:
    clean = ctx.clean
    start, end = _sentence_span(tok)
    stmt = next((s.id for s in ctx.statements if s.span.start <= tok.idx < s.span.end), None)
    tense_, (etype, neg) = tense(tok), _retype(tok, trig)
    return Event(
        # The trigger's offsets (not the sentence's) make the id unique when
        # one sentence holds two events of the same type.
        id=span_id(clean.id, tok.idx, tok.idx + len(tok), etype),
        article_id=clean.id, url=clean.url, published_at=clean.published_at,
        type=etype, mode=_mode(tok, trig), context=list(trig.context),
        negated=neg, tense=tense_,
        actors=[ref(a) for a in actors], recipients=[ref(r) for r in recipients],
        trigger=tok.text, text=clean.text[start:end], span=Span(start, end),
        date=event_date(start, end, tok.idx, ctx.times, clean.published_at, _other_times(tok)),
        location=location(tok, ctx.index), confidence=confidence(actors, recipients, tok, tense_),
        statement_id=stmt, extractor=EXTRACTOR,
    )


def _merge(actors: list[Hit], recipients: list[Hit], more: list[Hit]) -> list[Hit]:
    out, ids = list(recipients), {key_of(h) for h in actors + recipients}
    for hit in more:
        if key_of(hit) not in ids:
            ids.add(key_of(hit))
            out.append(hit)
    return out


def _sentence_starts(tok: Token) -> tuple[int, int]:
    """Character starts of the trigger's sentence and of the one before
    (across a paragraph break, which the parse keeps as a blank one)."""
    sent = prev = tok.sent
    while prev.start > 0:
        prev = tok.doc[prev.start - 1].sent
        if prev.text.strip():
            break
    return sent.start_char, prev.start_char


def _speaker(ctx: _Context, tok: Token) -> Hit | None:
    """The named speaker of the statement the trigger is quoted in."""
    stmt = next((s for s in ctx.statements if s.span.start <= tok.idx < s.span.end), None)
    if stmt is None or stmt.speaker is None or stmt.speaker_span is None:
        return None
    hit = ctx.index.covering(stmt.speaker_span.start, stmt.speaker_span.end)
    return hit if hit is not None and hit.known.id == stmt.speaker.entity_id else None


def _place_hit(tok: Token, index: EntityIndex) -> Hit | None:
    """The mention of the event's location in its sentence."""
    where = location(tok, index)
    if where is None:
        return None
    return next((h for h in index.within(tok.sent.start_char, tok.sent.end_char)
                 if h.known.id == where.entity_id), None)


def _place(tok: Token, index: EntityIndex, actors: list[Hit]) -> list[Hit]:
    """A protest, attack or curfew with no named target is aimed at where
    it happens: "demonstrated in Serbia", "a curfew in Cizre"."""
    where = _place_hit(tok, index)
    if where is None or key_of(where) in {key_of(a) for a in actors}:
        return []
    return [where]


def _key(event: Event) -> tuple[tuple, str | None]:
    """(identity, stated date). Mode, negation and realis are part of
    identity: "X did not meet Y" is not "X met Y", nor a planned meeting a
    held one, nor a cancelled meeting a refused photo."""
    stated = event.date.value if event.date and event.date.basis != "published" else None
    realis = event.tense in ("past", "present")
    return (event.type, tuple(r.entity_id or r.name.lower() for r in event.actors),
            tuple(r.entity_id or r.name.lower() for r in event.recipients),
            event.mode, event.negated, realis), stated


def _first_mentions(events: list[Event]) -> list[Event]:
    """One record per event: a later mention with the same identity is the
    same event unless both state different dates (the talks of February 15
    are not those of March 3)."""
    seen: dict[tuple, set[str | None]] = {}
    out = []
    for event in events:
        key, stated = _key(event)
        dates = seen.get(key)
        if dates is not None and (stated is None or None in dates or stated in dates):
            continue
        seen.setdefault(key, set()).add(stated)
        out.append(event)
    return out


def _sides(ctx: _Context, memory: EventMemory, tok: Token, trig: Trigger,
           absorbed: tuple[Token, Trigger] | None) -> tuple[list[Hit], list[Hit]]:
    """(actors, recipients) of a trigger from its sentence, with what the
    rest of the article implies."""
    actors, recipients = participants(tok, trig, ctx.index)
    if absorbed is not None:  # "rejected an appeal from X": X is whom it rejects
        noun = absorbed[0]  # "held two engineers hostage": "hostage" is the act
        recipients = [r for r in recipients
                      if r.entity is not None or not r.start <= noun.idx < r.end]
        more = participants(*absorbed, ctx.index)
        # the doer of a rejected or condemned act, else whom it concerned
        own = {key_of(a) for a in actors}
        doers = [h for h in more[0] if key_of(h) not in own]
        recipients = _merge(actors, recipients, doers or more[1])
    if not recipients and trig.type in _PLACE_TARGET:
        recipients = _place(tok, ctx.index, actors)
    if not actors and tok.pos_ == "VERB":
        subjects = subject(tok)[0]
        actors = (speaker_as_actor(subjects, _speaker(ctx, tok))
                  or memory.pronoun_actors(subjects, *_sentence_starts(tok)))
    return complete(tok, trig, (actors, recipients), _place_hit(tok, ctx.index),
                    memory, lambda heads: resolve_all(heads, ctx.index))


#: Nouns for what crowds do, unnamed: "violent protests erupted", "two
#: days of riots". Lemmas.
_CROWD_ACTS = frozenset({"protest", "demonstration", "riot", "rioting", "unrest", "strike",
                         "march", "sit-in", "walkout", "blockade", "clash"})


def _crowd_protest(tok: Token, trig: Trigger, background: bool) -> bool:
    """A protest is news even when nobody named took part ("violent protests
    erupted", "has led to violent protests"): crowds march unnamed (the
    training coders coded five of six such protests). Only a noun for what
    crowds do, though, and not one that is a setting ("arrested during
    rioting", "after the protests"), a kind ("protest tactics") or a show
    of something ("a demonstration of good faith")."""
    return (trig.type == "PROTEST" and tok.pos_ == "NOUN" and not background
            and tok.lemma_.lower() in _CROWD_ACTS and tok.dep_ not in ("pobj", "compound", "amod")
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children))


#: Acts of authority or force, news whoever undergoes them ("Exxon Corp
#: was charged with fraud").
_DONE_TO_ANYONE = frozenset({"ACCUSE", "COERCE", "ASSAULT", "PROTEST"})


def _business(trig: Trigger, parties: list[Hit]) -> bool:
    """A deal, a talk or a rating among companies only ("ISS said it had
    signed a letter of intent to sell ISS Inc", "Nomura downgraded
    Aronkasei Co Ltd"): commerce, which no coder here codes as an event."""
    return trig.type not in _DONE_TO_ANYONE and bool(parties) and all(map(is_company, parties))


def _frees_people(tok: Token, trig: Trigger) -> bool:
    """A passive release, freeing or withdrawal ("the passengers were
    released in batches"), whose undergoer may be people named by no name."""
    return trig.type == "RETREAT" and tok.pos_ == "VERB" and any(
        c.dep_ == "nsubjpass" for c in tok.children)


def _fill(actors: list[Hit], recipients: list[Hit],
          more: tuple[list[Hit], list[Hit]]) -> tuple[list[Hit], list[Hit]]:
    """Empty sides filled from ``more``, never with a party of the other side."""
    if not actors:
        actors = [a for a in more[0] if key_of(a) not in {key_of(r) for r in recipients}]
    if not recipients:
        recipients = [r for r in more[1] if key_of(r) not in {key_of(a) for a in actors}]
    return actors, recipients


def extract_events(doc: Doc, clean: CleanArticle, entities: list[Entity],
                   statements: list[Statement], times: list[TimeExpression]) -> list[Event]:
    """Events in text order; the first mention of each stands for the article."""
    ctx = _Context(clean, EntityIndex(entities), statements, times)
    kept, absorbed = plan(doc, ctx.index)
    events, memory = [], EventMemory()
    for i in sorted(kept):
        tok, trig = doc[i], kept[i]
        actors, recipients = _sides(ctx, memory, tok, trig, absorbed.get(i))
        background = in_background(tok)
        if not actors and not recipients and (occasion := occasion_of(tok)) is not None:
            actors, recipients = participants(*occasion, ctx.index)
        if not actors and not recipients and not background:
            actors, recipients = nearby_parties(tok, trig, ctx.index)
        if not actors and not recipients and not background and _frees_people(tok, trig):
            with people_named():  # only if someone is freed: "research was released by X"
                freed = _sides(ctx, memory, tok, trig, absorbed.get(i))
            actors, recipients = freed if freed[1] else (actors, recipients)
        if not actors and (not recipients or background) and not _crowd_protest(tok, trig, background):
            continue
        if not actors or not recipients:  # a side named only by a noun for people
            with people_named():
                actors, recipients = _fill(actors, recipients,
                                           _sides(ctx, memory, tok, trig, absorbed.get(i)))
        if _business(trig, actors + recipients):
            continue
        memory.remember(tok, trig.type, actors)
        events.append(_event(ctx, tok, trig, actors, recipients))
    return _first_mentions(events)
