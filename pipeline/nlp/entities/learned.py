"""Lexicons learned from the CoNLL-2003 train split, and what they say
about a name: its type as a known name, its organisation head word, or its
first name. tests/eval/conll_learn.py writes them; each file's header says
how.
"""
from __future__ import annotations

from pipeline.nlp.lexicon import load_lines

#: Names learned from CoNLL-2003 train (lexicons/learned_names.tsv):
#: case-folded surface -> (contract type, may be scanned for untagged).
_CONLL_TYPES = {"org": "ORG", "per": "PERSON", "loc": "LOC"}
LEARNED = {row[0]: (_CONLL_TYPES[row[1]], row[4] == "1")
           for row in load_lines("entities/lexicons/learned_names.tsv")}
#: Words that make a multi-word name an organisation (lexicons/org_heads.tsv).
_HEADS = load_lines("entities/lexicons/org_heads.tsv")
LAST_HEADS = frozenset(word for position, word, *_ in _HEADS if position == "last")
OF_HEADS = frozenset(word for position, word, *_ in _HEADS if position == "of")
#: First words that open people's names (lexicons/first_names.tsv).
FIRST_NAMES = frozenset(row[0] for row in load_lines("entities/lexicons/first_names.tsv"))


def learned_type(surface: str, label: str) -> str | None:
    """The type a learned name gives a span; else ORG for an organisation
    head word, unless the model read the name as a place ("West Bank"); else
    PERSON for a name of a few words opened by a learned first name."""
    key = surface.casefold()
    if key in LEARNED:
        return LEARNED[key][0]
    words = key.split()
    if label not in ("GPE", "LOC", "FAC") and len(words) > 1 and (
            words[-1].rstrip(".") in LAST_HEADS
            or ("of" in words[1:-1] and words[words.index("of") - 1] in OF_HEADS)):
        return "ORG"
    if 1 < len(words) <= 4 and words[0] in FIRST_NAMES and surface.split()[-1][:1].isupper():
        return "PERSON"
    return None
