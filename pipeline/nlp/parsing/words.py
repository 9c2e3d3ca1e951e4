"""Which words English knows, from the model's own lemmatizer tables.

The small model tags many a name it has not seen as a common noun,
mostly at the start of a sentence where capitals say nothing ("Simitis
blamed ND", "Autor added"). Its rule lemmatizer ships an index of the
English nouns, verbs, adjectives and adverbs it lemmatizes (WordNet's), so
a capitalised "noun" that is none of those, nor a function word, is a
name the tagger missed.
"""
from __future__ import annotations

import functools

from spacy.tokens import Token

from pipeline.nlp.parsing.model import get_nlp


@functools.cache
def _english() -> frozenset[str]:
    index = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    return frozenset(word for words in index.values() for word in words)


def known_word(lemma: str) -> bool:
    """Is ``lemma`` (lower case) an English content word the model knows?"""
    return lemma in _english()


def untagged_name(tok: Token) -> bool:
    """A capitalised word tagged as a common noun that English does not
    know, nor is a stop word: a name the tagger took for a noun."""
    return (tok.tag_ in ("NN", "NNS") and tok.is_title and not tok.is_stop
            and not known_word(tok.lower_) and not known_word(tok.lemma_.lower()))
