"""The referent reference of the statements gate (tests/eval/polnear_speakers.py)
on a made-up text, so its definition is pinned apart from PolNeAR."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from pipeline.nlp.parsing.model import get_nlp
from pipeline.records import Span, Speaker
from tests.eval.polnear import Tally
from tests.eval.polnear_speakers import HandReferent, count_speaker, hand_referents, referents, same_referent

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


def test_hand_referents_point_at_their_phrases_in_polnear():
    """Every annotated Source names a real article and the phrase at its offsets."""
    from tests.eval import polnear
    from tests.eval.polnear_speakers import HAND_REFERENTS

    if not (polnear.POLNEAR / "dev" / "text").is_dir():
        pytest.skip(f"PolNeAR not found at {polnear.POLNEAR}")
    texts = {p.stem: p for split in ("dev", "train")
             for p in (polnear.POLNEAR / split / "text").glob("*.txt")}
    rows = [line.split("\t") for line in HAND_REFERENTS.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len(rows) == len(hand_referents()) >= 1890
    cache: dict[str, str] = {}
    for article, where, phrase, *_ in rows:
        text = cache.setdefault(article, texts[article].read_text(encoding="utf-8"))
        lo, hi = (int(x) for x in where.split("-"))
        # a discontinuous Source keeps its first and last word
        words = text[lo:hi].split()
        assert words[0] == phrase.split()[0] and words[-1] == phrase.split()[-1], (article, where)


def test_a_hand_referent_replaces_the_walk_and_unnamed_sources_are_scored_apart():
    text = "Jan Nowak spoke. The report said it would rain. He said no."
    parsed = get_nlp()(text)

    def said(name, entity_id, at):
        return SimpleNamespace(speaker=Speaker(entity_id, name, None),
                               speaker_span=Span(at, at + 2))

    he = [(text.index("He"), text.index("He") + 2)]
    report = [(text.index("The report"), text.index("The report") + 10)]
    tally = Tally()
    # the walk would say nobody; the hand label says Nowak
    count_speaker(tally, said("Jan Nowak", "person:jan-nowak", he[0][0]), parsed, text, he,
                  None, HandReferent(("Jan Nowak",), True))
    count_speaker(tally, said("Jan Nowak", "person:jan-nowak", report[0][0]), parsed, text,
                  report, None, HandReferent((), True))
    count_speaker(tally, said("The report", None, report[0][0]), parsed, text,
                  report, None, HandReferent((), True))
    count_speaker(tally, said("Jan Nowak", "person:jan-nowak", he[0][0]), parsed, text, he,
                  None, HandReferent(("Anna Lis",), False))
    assert tally.speakers["resolved"] == [1, 1]
    assert tally.speakers["pronoun"] == [1, 1]
    assert tally.speakers["unnamed"] == [1, 2]  # naming Nowak for "The report" is wrong
    assert tally.speakers["strict"] == [3, 4]   # unsure: the span overlap decides


def test_a_name_is_the_referent_when_its_surname_and_given_name_agree():
    assert same_referent("Clinton", "Hillary Clinton")
    assert same_referent("Hillary Rodham Clinton", "Hillary Clinton")
    assert same_referent("President Obama", "Barack Obama")  # a title is no given name
    assert not same_referent("Bill Clinton", "Hillary Clinton")
    assert not same_referent("Eric Trump", "Donald J. Trump")
    assert not same_referent("Mike Pence", "Donald Trump")
    assert same_referent("Donald Trump", "Trump campaign")  # "Trump" may be a given name too
