"""Dates: time expressions in an article, resolved against its publication
date where they are relative ("on Tuesday", "last month")."""
from pipeline.nlp.dates.extract import EXTRACTOR, extract_times, is_relative, parse_published

__all__ = ["EXTRACTOR", "extract_times", "is_relative", "parse_published"]
