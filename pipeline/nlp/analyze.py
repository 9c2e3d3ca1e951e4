"""The one entry point the agents and the CLI call: parse once, extract all."""
from __future__ import annotations

from pipeline.nlp import dates, entities, events, statements
from pipeline.nlp.aliases import AliasMemory
from pipeline.nlp.model import parse
from pipeline.records import ArticleEntities, CleanArticle, Event, Statement

#: What made an ArticleEntities record: entities and the dates beside them.
ENTITIES_EXTRACTOR = f"{entities.EXTRACTOR}+{dates.EXTRACTOR}"


def analyze(clean: CleanArticle, memory: AliasMemory | None = None,
            ) -> tuple[ArticleEntities, list[Statement], list[Event]]:
    """Entities (with time expressions), statements and events of one article.

    Pure apart from the cached model load; every offset is into clean.text.
    ``memory`` (aliases learned from earlier articles) is only read here: the
    caller decides when to ``memory.learn`` the result.
    """
    doc = parse(clean)
    found = entities.extract_entities(doc, clean, memory=memory)
    times = dates.extract_times(doc, clean.published_at)
    said = statements.extract_statements(doc, clean, found)
    happened = events.extract_events(doc, clean, found, said, times)
    article = ArticleEntities(article_id=clean.id, entities=found, times=times,
                              extractor=ENTITIES_EXTRACTOR)
    return article, said, happened
