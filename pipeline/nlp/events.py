"""PLOVER events: who did what to whom, when and where.

A trigger is a verb or nominalisation whose lemma is listed in
``lexicons/plover/<TYPE>.txt``. Its participants come from the dependency
parse (subject -> actor, object or "to/with/against/on" object ->
recipient, passives swapped, coordinations expanded) and are kept only when
they resolve to an entity of the article. One record per (type, actors,
recipients, negated) per article, citing the first sentence that shows it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.ids import span_id
from pipeline.nlp.dates import is_relative, parse_published
from pipeline.nlp.lexicon import load_lines
from pipeline.nlp.resolve import EntityIndex, Hit, ref, resolve, with_conjuncts
from pipeline.nlp.tense import negated, tense
from pipeline.records import (EVENT_TYPES, CleanArticle, Entity, EntityRef, Event, EventDate,
                              Span, Statement, TimeExpression)

EXTRACTOR = "events/1"

_POS = {"verb": ("VERB",), "noun": ("NOUN",), None: ("VERB", "NOUN")}
_RECIPIENT_PREPS = frozenset({"to", "with", "against", "on"})
_PHONE = frozenset({"phone", "telephone"})
#: Types whose nominal trigger takes its target with "on" ("sanctions on X").
_ON_TARGET = frozenset({"SANCTION", "ASSAULT", "COERCE", "ACCUSE", "THREATEN", "PROTEST"})


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    context: tuple[str, ...]
    pos: tuple[str, ...]


@functools.cache
def triggers() -> dict[str, tuple[Trigger, ...]]:
    """Lemma (or "verb particle") -> the triggers it can be, from the lexicons."""
    table: dict[str, list[Trigger]] = {}
    for etype in EVENT_TYPES:  # a missing file is a packaging bug: let it raise
        for row in load_lines(f"plover/{etype}.txt"):
            lemma, _, pos = row[0].partition("/")
            mode = row[1] if len(row) > 1 and row[1] else None
            context = tuple(c for c in row[2:] if c)
            table.setdefault(lemma, []).append(
                Trigger(etype, mode, context, _POS[pos or None]))
    return {k: tuple(v) for k, v in table.items()}


def trigger_of(tok: Token) -> Trigger | None:
    """The trigger ``tok`` is, preferring two-word entries ("call on")."""
    lemma = tok.lemma_.lower()
    table = triggers()
    keys = [f"{lemma} {c.lower_}" for c in tok.children if c.dep_ in ("prt", "prep")]
    for key in keys + [lemma]:
        for trig in table.get(key, ()):
            if tok.pos_ in trig.pos:
                return trig
    return None


def _controller(verb: Token) -> Token | None:
    """Who does the infinitive: the object of "urged X to", "called on X to"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [p for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                for p in _pobjs(c)]
    return objects[0] if objects else None


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _subject(verb: Token) -> tuple[list[Token], list[Token]]:
    """(actor heads, recipient heads) from a verb's subject side. Controlled
    verbs take their controller: "invited Moscow to discuss" -> Moscow, and
    "X was supposed to meet" -> X as actor (only the trigger's own passive
    subject is a recipient)."""
    trigger, via = verb, None
    for _ in range(3):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        # "X was supposed to meet": X meets. "X was arrested and sentenced":
        # X is sentenced, because the conjoined participle shares the voice.
        if passive and (via == "xcomp" or (via == "conj" and trigger.tag_ != "VBN")):
            return passive, []
        if passive or agent:
            return (_pobjs(agent) if agent else []), passive
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj or verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head is verb:
            return subj, []
        controller = _controller(verb.head) if verb.dep_ == "xcomp" else None
        if controller is not None:
            return [controller], []
        via, verb = verb.dep_, verb.head
    return [], []


def _complements(tok: Token) -> list[Token]:
    """Object-side heads: direct/indirect objects and "to/with/against/on" objects."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "iobj") and c.pos_ != "ADP":
            out.append(c)
        elif c.dep_ in ("prep", "dative") and c.lower_ in _RECIPIENT_PREPS:
            out.extend(_pobjs(c))
    return out


def _expand(heads: list[Token]) -> list[Token]:
    return [t for h in heads for t in with_conjuncts(h)]


def _noun_heads(noun: Token, trig: Trigger) -> tuple[list[Token], list[Token]]:
    """Participants of a nominal trigger: "Blinken's talks with Lavrov",
    "a conversation between X and Y", "X sent Russia a request"."""
    actors: list[Token] = []
    recipients: list[Token] = []
    # "talks on Ukraine" names a topic; "sanctions on Russia" a target.
    preps = _RECIPIENT_PREPS if trig.type in _ON_TARGET else _RECIPIENT_PREPS - {"on"}
    for c in noun.children:
        if c.dep_ == "poss":
            actors.extend(with_conjuncts(c))
        elif c.dep_ == "prep" and c.lower_ == "between":
            pair = _expand(_pobjs(c))
            actors, recipients = actors + pair[:1], recipients + pair[1:]
        elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
            actors.extend(_expand(_pobjs(c)))
        elif c.dep_ == "prep" and c.lower_ in preps:
            recipients.extend(_expand(_pobjs(c)))
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB":
        actors = actors or _expand(_subject(verb)[0])
        recipients += _expand([c for c in _complements(verb) if c is not noun])
    return actors, recipients


def _resolve_all(heads: list[Token], index: EntityIndex) -> list[Hit]:
    """Entities for participant heads, deduplicated, in order."""
    hits: dict[str, Hit] = {}
    for tok in heads:
        hit = resolve(tok, index, modifiers=True)
        if hit is not None and hit.entity is not None:
            hits.setdefault(hit.entity.id, hit)
    return list(hits.values())


def participants(tok: Token, trig: Trigger, index: EntityIndex) -> tuple[list[Hit], list[Hit]]:
    """(actors, recipients) of a trigger, as resolved entities."""
    if tok.pos_ == "NOUN":
        actor_heads, recipient_heads = _noun_heads(tok, trig)
    else:
        actor_heads, recipient_heads = _subject(tok)
        actor_heads = _expand(actor_heads)
        recipient_heads = _expand(recipient_heads + _complements(tok))
    actors = _resolve_all(actor_heads, index)
    ids = {a.entity.id for a in actors}
    recipients = [r for r in _resolve_all(recipient_heads, index) if r.entity.id not in ids]
    return actors, recipients


def _mode(tok: Token, trig: Trigger) -> str | None:
    """The lexicon's mode, or "phone" for a call "by phone"/"telephone talks"."""
    near = [*tok.children, *(g for c in tok.children if c.dep_ == "prep" for g in c.children)]
    if any(t.lemma_.lower() in _PHONE for t in near):
        return "phone"
    return trig.mode


def event_date(start: int, end: int, anchor: int, times: list[TimeExpression],
               published: str | None) -> EventDate | None:
    """The time expression in the sentence nearest the trigger, else the
    publication day, else unknown."""
    inside = [t for t in times if start <= t.start and t.end <= end]
    if inside:
        t = min(inside, key=lambda t: abs(t.start - anchor))
        return EventDate(t.value, t.precision, "relative" if is_relative(t) else "explicit")
    day = parse_published(published)
    return EventDate(day.isoformat(), "day", "published") if day else None


def location(tok: Token, index: EntityIndex) -> EntityRef | None:
    """A place entity governed by "in"/"at" in the trigger's sentence."""
    places = []
    for prep in tok.sent:
        if prep.lower_ not in ("in", "at") or prep.dep_ != "prep":
            continue
        for obj in _pobjs(prep):
            hit = index.covering(obj.idx, obj.idx + len(obj))
            if hit and hit.entity.type in ("GPE", "LOC", "FAC"):
                places.append((abs(prep.i - tok.i), hit))
    return ref(min(places, key=lambda p: p[0])[1]) if places else None


def confidence(actors: list[Hit], recipients: list[Hit], tok: Token, tense_: str) -> float:
    """A heuristic: both sides found and a verbal trigger are good signs."""
    score = 0.35 + 0.25 * bool(actors) + 0.25 * bool(recipients)
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


def _event(ctx: _Context, tok: Token, trig: Trigger, actors: list[Hit],
           recipients: list[Hit]) -> Event:
    clean = ctx.clean
    start, end = _sentence_span(tok)
    stmt = next((s.id for s in ctx.statements if s.span.start <= tok.idx < s.span.end), None)
    tense_ = tense(tok)
    return Event(
        # The trigger's offsets (not the sentence's) make the id unique when
        # one sentence holds two events of the same type.
        id=span_id(clean.id, tok.idx, tok.idx + len(tok), trig.type),
        article_id=clean.id, url=clean.url, published_at=clean.published_at,
        type=trig.type, mode=_mode(tok, trig), context=list(trig.context),
        negated=negated(tok), tense=tense_,
        actors=[ref(a) for a in actors], recipients=[ref(r) for r in recipients],
        trigger=tok.text, text=clean.text[start:end], span=Span(start, end),
        date=event_date(start, end, tok.idx, ctx.times, clean.published_at),
        location=location(tok, ctx.index), confidence=confidence(actors, recipients, tok, tense_),
        statement_id=stmt, extractor=EXTRACTOR,
    )


def extract_events(doc: Doc, clean: CleanArticle, entities: list[Entity],
                   statements: list[Statement], times: list[TimeExpression]) -> list[Event]:
    """Events in text order; the first mention of each (type, actors,
    recipients) stands for the article."""
    ctx = _Context(clean, EntityIndex(entities), statements, times)
    seen: set[tuple] = set()
    events = []
    for tok in doc:
        trig = trigger_of(tok)
        if trig is None or ctx.index.covering(tok.idx, tok.idx + len(tok)):
            continue  # "Summit" inside "the G20 Summit" names, it does not happen
        actors, recipients = participants(tok, trig, ctx.index)
        if not actors and not recipients:
            continue
        # Negation is part of the key: "X did not meet Y" must not be
        # swallowed by an earlier "X met Y" (or the other way round).
        key = (trig.type, tuple(a.entity.id for a in actors),
               tuple(r.entity.id for r in recipients), negated(tok))
        if key not in seen:
            seen.add(key)
            events.append(_event(ctx, tok, trig, actors, recipients))
    return events
