"""Entities: who and what an article names, each under a stable id.

Mentions come from the model's NER, redrawn by the span rules (``spans``,
``known``, ``name_context``, ``acronyms``), grouped into one entity per
referent (``clusters``) and named by the registry of known places and the
alias memory learned from earlier articles. ``resolve`` and ``coref``
answer, for statements and events, which entity a token refers to.
"""
from pipeline.nlp.entities.aliases import AliasMemory
from pipeline.nlp.entities.clusters import KEPT_TYPES
from pipeline.nlp.entities.coref import name_speakers
from pipeline.nlp.entities.extract import EXTRACTOR, extract_entities
from pipeline.nlp.entities.gender import PRONOUN_GENDER, genders, word_gender
from pipeline.nlp.entities.idents import entity_id, slug
from pipeline.nlp.entities.registry import Known, Registry, default_registry
from pipeline.nlp.entities.resolve import (
                                           ORG_NOUNS,
                                           PERSON_NOUNS,
                                           PERSON_PRONOUNS,
                                           EntityIndex,
                                           Hit,
                                           noun_phrase,
                                           ref,
                                           resolve,
                                           with_conjuncts,
)
from pipeline.nlp.entities.spans import TITLE_RE
from pipeline.nlp.entities.sports import is_sports

__all__ = ["EXTRACTOR", "KEPT_TYPES", "ORG_NOUNS", "PERSON_NOUNS", "PERSON_PRONOUNS",
           "PRONOUN_GENDER", "TITLE_RE", "AliasMemory", "EntityIndex", "Hit", "Known",
           "Registry", "default_registry", "entity_id", "extract_entities", "genders",
           "is_sports", "name_speakers", "noun_phrase", "ref", "resolve", "slug",
           "with_conjuncts", "word_gender"]
