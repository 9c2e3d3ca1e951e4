"""Statements: who said what, attributed quotes and reported speech.

Cues (``cues``: reporting verbs, attribution nouns, "according to") give
reported speech; quotation marks (``quotes``) give quotes, whose speakers
``quote_speakers`` and ``quote_lines`` find when no cue is beside them;
``pull_quotes`` drops a quote repeated as a pull quote. Speakers are named
through the entities package's resolution.
"""
from pipeline.nlp.statements.extract import EXTRACTOR, extract_statements

__all__ = ["EXTRACTOR", "extract_statements"]
