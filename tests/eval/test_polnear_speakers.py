"""The referent reference of the statements gate (tests/eval/polnear_speakers.py)
on a made-up text, so its definition is pinned apart from PolNeAR."""
from __future__ import annotations

from pipeline.nlp.parsing.model import get_nlp
from tests.eval.polnear_speakers import referents

TEXT = ("Anna Kowalczyk said the plan had failed. She said it was dead. "
        "A source said the talks would resume. The source added that May was likely. "
        "The ministry said nothing.")


def _source(word: str, nth: int = 0) -> list[tuple[int, int]]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return [(start, start + len(word))]


def test_pronouns_and_descriptions_go_back_to_a_named_source_or_none():
    parsed = get_nlp()(TEXT)
    sources = [_source("Anna Kowalczyk"), _source("She"), _source("A source"),
               _source("The source"), _source("The ministry")]
    refs = referents(parsed, TEXT, sources)
    assert refs[0] is None  # named: nothing to resolve
    assert refs[1] == "Anna Kowalczyk"
    assert refs[2] is None  # indefinite
    assert refs[3] is None  # same head as "A source": an unnamed speaker stays unnamed
    # the nearest named or anaphoric Source is "The source", which has none
    assert refs[4] is None


def test_a_description_takes_the_named_source_with_its_head():
    text = "The Finance Ministry said growth would slow. Mr. Nowak agreed. The ministry added more."
    parsed = get_nlp()(text)
    spans = [[(text.index(w), text.index(w) + len(w))]
             for w in ("The Finance Ministry", "Mr. Nowak", "The ministry")]
    assert referents(parsed, text, spans) == [None, None, "The Finance Ministry"]
