"""Time expressions resolved against the publication date."""
from __future__ import annotations

import pytest

from pipeline.nlp.dates.extract import extract_times, is_relative
from pipeline.nlp.parsing.model import get_nlp, parse
from pipeline.records import CleanArticle, Paragraph

PUBLISHED = "2022-07-28T10:00:00Z"  # a Thursday


def values(text: str, published: str | None = PUBLISHED) -> dict[str, tuple[str, str]]:
    times = extract_times(text, published)
    for t in times:
        assert text[t.start:t.end] == t.text
    return {t.text: (t.value, t.precision) for t in times}


@pytest.mark.parametrize("text, expected", [
    ("The ministry confirmed it on Wednesday, July 27.",
     {"Wednesday, July 27": ("2022-07-27", "day")}),
    ("The treaty was signed on 15 February 2021 in Geneva.",
     {"15 February 2021": ("2021-02-15", "day")}),
    ("They last spoke on February 15.", {"February 15": ("2022-02-15", "day")}),
    ("Talks were held on the 3rd of March.", {"3rd of March": ("2022-03-03", "day")}),
    ("The deadline is Sept. 5, officials said.", {"Sept. 5": ("2022-09-05", "day")}),
    ("The vote was set for fifteen February.", {"fifteen February": ("2022-02-15", "day")}),
    ("Headline: twenty-first June summit", {"twenty-first June": ("2022-06-21", "day")}),
    ("A summit is planned in November.", {"November": ("2022-11", "month")}),
    ("The reform passed in March 2020.", {"March 2020": ("2020-03", "month")}),
    ("The talks collapsed in 2019.", {"2019": ("2019", "year")}),
    ("A report dated 2021-03-04 was leaked.", {"2021-03-04": ("2021-03-04", "day")}),
])
def test_explicit_dates(text, expected):
    assert values(text) == expected


def test_month_without_year_takes_the_nearest_year():
    # published in January: a December in the story is last December
    assert values("Prices rose in December.", "2023-01-10") == {"December": ("2022-12", "month")}
    assert values("It happened last November.")["last November"] == ("2021-11", "month")


def test_relative_expressions():
    found = values("We asked yesterday and will ask again tomorrow. "
                   "They met on Monday. The envoy will arrive on Friday. Sales fell last year.")
    assert found["yesterday"] == ("2022-07-27", "day")
    assert found["tomorrow"] == ("2022-07-29", "day")
    assert found["Monday"] == ("2022-07-25", "day")       # most recent past Monday
    assert found["Friday"] == ("2022-07-29", "day")       # future sentence: next Friday
    assert found["last year"] == ("2021", "year")


def test_relative_needs_a_publication_date():
    found = values("They met yesterday, on 15 February 2022, and again in May.", published=None)
    assert found == {"15 February 2022": ("2022-02-15", "day")}


def test_ambiguous_words_are_not_dates():
    assert values("Officials may meet again, and one may argue they march on.") == {}


def test_is_relative_and_doc_input():
    get_nlp()
    text = "The envoy arrived yesterday. The accord dates from July 4."
    clean = CleanArticle(id="d1", url="u", source=None, title="t", published_at=PUBLISHED,
                         language="en", text=text, paragraphs=[Paragraph(0, len(text), "body")],
                         removed=[], fingerprint="0", duplicate_of=None)
    times = extract_times(parse(clean), clean.published_at)
    assert [(t.text, is_relative(t)) for t in times] == [("yesterday", True), ("July 4", False)]


def test_relative_phrases_of_news_copy():
    found = values("The day before, the ministry spoke. Prices rose earlier this month "
                   "and fell last week. The day before the summit was quiet.")
    assert found["The day before"] == ("2022-07-27", "day")
    assert found["earlier this month"] == ("2022-07", "month")
    assert found["last week"] == ("2022-07", "month")  # Monday 18 July: no week precision
    assert "The day before the summit" not in found and len(found) == 3
