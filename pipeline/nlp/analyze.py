"""The one entry point the agents and the CLI call: parse once, extract all."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from pipeline.nlp import dates, entities, events, statements
from pipeline.nlp.entities import AliasMemory
from pipeline.nlp.parsing import parse, parse_many
from pipeline.records import ArticleEntities, CleanArticle, Event, Statement

#: What made an ArticleEntities record: entities and the dates beside them.
ENTITIES_EXTRACTOR = f"{entities.EXTRACTOR}+{dates.EXTRACTOR}"

Result = tuple[ArticleEntities, list[Statement], list[Event]]


def analyze(clean: CleanArticle, memory: AliasMemory | None = None) -> Result:
    """Entities (with time expressions), statements and events of one article.

    Pure apart from the cached model load; every offset is into clean.text.
    ``memory`` (aliases learned from earlier articles) is only read here: the
    caller decides when to ``memory.learn`` the result.
    """
    return extract(parse(clean), clean, memory)


def analyze_many(cleans: Iterable[CleanArticle], memory: AliasMemory | None = None,
                 learn: bool = False) -> list[Result]:
    """:func:`analyze` of each article, with one model pass over all of them
    (batches fill across articles, see :func:`parse_many`).

    With ``learn``, each article's entities are learned into ``memory``
    before the next article is extracted, exactly as a loop of ``analyze``
    then ``memory.learn`` would do, so batching never changes an id.
    """
    cleans = list(cleans)
    out = []
    for doc, clean in zip(parse_many(cleans), cleans, strict=True):
        result = extract(doc, clean, memory)
        if learn and memory is not None:
            memory.learn(result[0].entities)
        out.append(result)
    return out


def extract(doc: Doc, clean: CleanArticle, memory: AliasMemory | None = None,
            lap: Callable[[str], None] | None = None) -> Result:
    """Every extractor over one parsed article (``doc`` from ``parse``).

    ``lap``, if given, is called with each step's name as it finishes
    (``entities+times``, ``statements``, ``events``): the benchmarks time
    the steps through it, so they measure exactly this chain.
    """
    mark = lap or (lambda step: None)
    found = entities.extract_entities(doc, clean, memory=memory)
    times = dates.extract_times(doc, clean.published_at)
    mark("entities+times")
    said = statements.extract_statements(doc, clean, found)
    mark("statements")
    happened = events.extract_events(doc, clean, found, said, times)
    mark("events")
    article = ArticleEntities(article_id=clean.id, entities=found, times=times,
                              extractor=ENTITIES_EXTRACTOR)
    return article, said, happened
