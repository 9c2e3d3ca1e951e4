"""The record types of the newswire contract (see DESIGN.md and schemas/).

Each top-level record is a frozen-free dataclass whose fields mirror its JSON
Schema file one to one; ``tests/unit/test_schemas.py`` fails when they drift.
``Literal`` types become enums and ``X | None`` becomes a nullable field in
the generated schema, so the type hints here are the single source of truth.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ContentType = Literal["text/html", "text/plain"]
ParagraphKind = Literal["body", "heading", "pull_quote", "caption"]
RemovedKind = Literal[
    "related_link", "infobox", "boilerplate", "byline", "advert",
    "caption", "credit", "title", "prompt", "share", "other",
]
EntityType = Literal[
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW",
    "WORK_OF_ART",
]
Precision = Literal["day", "month", "year"]
StatementKind = Literal["direct", "indirect", "mixed", "pull_quote"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
]
Tense = Literal["past", "present", "future", "hypothetical"]
DateBasis = Literal["explicit", "relative", "published"]

EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Paragraph:
    start: int
    end: int
    kind: ParagraphKind


@dataclass
class Removal:
    kind: RemovedKind
    text: str


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: list[str]
    title: str | None
    mentions: list[Mention]
    wikidata: str | None


@dataclass
class TimeExpression:
    text: str
    start: int
    end: int
    value: str
    precision: Precision


@dataclass
class EntityRef:
    entity_id: str | None
    name: str
    type: EntityType | None


@dataclass
class Speaker:
    entity_id: str | None
    name: str
    title: str | None


@dataclass
class EventDate:
    value: str
    precision: Precision
    basis: DateBasis


@dataclass
class RawArticle:
    """An article as a poller or replay delivered it, before any cleaning."""

    id: str
    feed_url: str | None
    source: str | None
    url: str
    guid: str | None
    title: str
    summary: str | None
    content: str
    content_type: ContentType
    language: str | None
    published_at: str | None
    fetched_at: str
    schema: Literal["newswire.raw_article/1"] = "newswire.raw_article/1"


@dataclass
class CleanArticle:
    """The clean body of an article, with its paragraph structure and what was removed."""

    id: str
    url: str
    source: str | None
    title: str
    published_at: str | None
    language: str | None
    text: str
    paragraphs: list[Paragraph]
    removed: list[Removal]
    fingerprint: str
    duplicate_of: str | None
    extractor: str = ""
    schema: Literal["newswire.clean_article/1"] = "newswire.clean_article/1"


@dataclass
class ArticleEntities:
    """The entities and time expressions found in one clean article."""

    article_id: str
    entities: list[Entity]
    times: list[TimeExpression]
    extractor: str = ""
    schema: Literal["newswire.article_entities/1"] = "newswire.article_entities/1"


@dataclass
class Statement:
    """Something a speaker said, directly quoted or reported, in one article."""

    id: str
    article_id: str
    url: str
    published_at: str | None
    speaker: Speaker | None
    text: str
    kind: StatementKind
    cue: str | None
    span: Span
    speaker_span: Span | None
    extractor: str = ""
    #: the lemma of ``cue`` ("say" for "said"); ``cue`` is the reporting word as written
    cue_lemma: str | None = None
    schema: Literal["newswire.statement/1"] = "newswire.statement/1"


@dataclass
class Event:
    """A PLOVER event: who did what to whom, when and where, with its evidence."""

    id: str
    article_id: str
    url: str
    published_at: str | None
    type: EventType
    mode: str | None
    context: list[str]
    negated: bool
    tense: Tense
    actors: list[EntityRef]
    recipients: list[EntityRef]
    trigger: str
    text: str
    span: Span
    date: EventDate | None
    location: EntityRef | None
    confidence: float
    statement_id: str | None
    extractor: str = ""
    schema: Literal["newswire.event/1"] = "newswire.event/1"


@dataclass
class DeadLetter:
    """An input a stage rejected, with the reason and the original bytes."""

    stage: str
    reason: str
    error_type: str
    key: str | None
    payload: str
    received_at: str
    schema: Literal["newswire.dead_letter/1"] = "newswire.dead_letter/1"


@dataclass
class Analysis:
    """Everything one article yields: the output of ``newswire process``."""

    article: CleanArticle
    entities: ArticleEntities
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


#: Top-level records and the schema file stem each one is published under.
RECORD_TYPES: dict[str, type] = {
    "raw_article": RawArticle,
    "clean_article": CleanArticle,
    "article_entities": ArticleEntities,
    "statement": Statement,
    "event": Event,
    "dead_letter": DeadLetter,
}
