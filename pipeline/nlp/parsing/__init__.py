"""Parsing: the spaCy pipeline, loaded once, and the parse of an article.

Every extractor reads the one ``Doc`` that :func:`parse` (or
:func:`parse_many` for a batch) makes of a clean article; its character
offsets are offsets into ``clean.text``. :func:`untagged_name` tells a name
the tagger took for a common noun by the model's own English word index.
"""
from pipeline.nlp.parsing.model import BATCH_SIZE, MODEL_NAME, get_nlp, parse, parse_many, segments
from pipeline.nlp.parsing.words import untagged_name

__all__ = ["BATCH_SIZE", "MODEL_NAME", "get_nlp", "parse", "parse_many", "segments",
           "untagged_name"]
