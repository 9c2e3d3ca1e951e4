"""Artifact rules, one behaviour per test, on texts written in the style of scraped wire copy."""
from __future__ import annotations

import pytest

from pipeline.text.artifacts import clean_blocks, fix_glued_words, is_infobox, split_teaser
from pipeline.text.structure import looks_like_heading, split_pull_quote

BODY_1 = ("The finance ministry said on Tuesday that the new budget would cut spending "
          "on regional airports by a fifth.")
BODY_2 = ("Opposition lawmakers called the plan reckless and promised to block it in the "
          "upper house next month.")


def run(*paras: str, title: str = "", infer_headings: bool = True):
    result = clean_blocks([("body", "\n\n".join(paras))], title=title,
                          infer_headings=infer_headings)
    return result.blocks, [(r.kind, r.text) for r in result.removed]


def test_teaser_line_mid_article_is_removed():
    blocks, removed = run(BODY_1, "Read more: Airport operators warn of closures", BODY_2)
    assert blocks == [("body", BODY_1), ("body", BODY_2)]
    assert removed == [("related_link", "Read more: Airport operators warn of closures")]


@pytest.mark.parametrize("line", [
    "READ MORE: Strikes spread to three more cities",
    "Related: Who pays for regional airports?",
    "Also read Ministers split over fuel tax",
    "See also",
])
def test_teaser_variants_are_removed(line):
    blocks, removed = run(BODY_1, line, BODY_2)
    assert [t for _, t in blocks] == [BODY_1, BODY_2]
    assert removed == [("related_link", line)]


def test_teaser_glued_before_real_text_keeps_the_text():
    glued = ('See also Harbour mayor steps down: "Time for new hands at the helm" '
             'As the council met on Monday, dock workers gathered outside the town hall.')
    blocks, removed = run(BODY_1, glued)
    assert blocks[1] == ("body", "As the council met on Monday, dock workers gathered "
                                 "outside the town hall.")
    assert removed == [("related_link",
                        'See also Harbour mayor steps down: "Time for new hands at the helm"')]


def test_split_teaser_at_sentence_starter_after_lowercase_word():
    teaser, rest = split_teaser("Read more Ministers clash over fuel tax The debate lasted "
                                "six hours.")
    assert teaser == "Read more Ministers clash over fuel tax"
    assert rest == "The debate lasted six hours."


def test_sentence_that_merely_mentions_reading_is_kept():
    text = "Readers wrote in to say the decision was long overdue."
    assert run(text) == ([("body", text)], [])


def test_infobox_fragment_is_removed():
    fact = "twentyMarch The summit between the two leaders was postponed"
    assert is_infobox(fact)
    blocks, removed = run(BODY_1, fact, BODY_2)
    assert [t for _, t in blocks] == [BODY_1, BODY_2]
    assert removed == [("infobox", fact)]


def test_sentence_starting_with_a_number_is_not_an_infobox():
    assert not is_infobox("12 people were hurt when the roof collapsed.")
    assert not is_infobox("Twenty Minutes after the vote the hall emptied")


@pytest.mark.parametrize("raw, fixed", [
    ("the Defence MinistryPress office said", "the Defence Ministry Press office said"),
    ("after the talks.The delegation left", "after the talks. The delegation left"),
    ("messages sent over WhatsApp and PlayStation chats", "messages sent over WhatsApp and PlayStation chats"),
    ("McDonald and YouTube and iPhone users", "McDonald and YouTube and iPhone users"),
    ("see www.GovAgency.org or @NewsDesk", "see www.GovAgency.org or @NewsDesk"),
])
def test_glued_words(raw, fixed):
    assert fix_glued_words(raw) == fixed


def test_pull_quote_with_name_and_title():
    quote = ("We will not accept an ultimatum from anyone, at any time, on any terms "
             "Anna Berg Swedish Foreign Ministry spokeswoman")
    assert split_pull_quote(quote) == (
        "We will not accept an ultimatum from anyone, at any time, on any terms",
        "Anna Berg Swedish Foreign Ministry spokeswoman")
    blocks, _ = run(BODY_1, quote, BODY_2)
    assert blocks[1] == ("pull_quote", quote)


def test_pull_quote_keeps_titles_inside_the_quotation():
    quote = ("Lately we have heard troubling remarks, including from Prime Minister Olsen "
             "herself Tom Reyes Finnish Foreign Ministry official")
    quotation, attribution = split_pull_quote(quote)
    assert attribution == "Tom Reyes Finnish Foreign Ministry official"
    assert quotation.endswith("Prime Minister Olsen herself")


@pytest.mark.parametrize("text", [
    BODY_1,
    "Reaction from Stockholm",
    "The minister met union leaders and farmers in the northern region on Friday",
])
def test_not_pull_quotes(text):
    assert split_pull_quote(text) is None


def test_headings_are_inferred_in_plain_text():
    blocks, _ = run(BODY_1, "Reaction from the opposition", BODY_2, "What happens next?", BODY_1 + " Again.")
    assert [k for k, _ in blocks] == ["body", "heading", "body", "heading", "body"]


def test_last_short_line_is_not_a_heading_and_html_kinds_are_kept():
    blocks, _ = run(BODY_1, "Reaction from the opposition")
    assert blocks[-1] == ("body", "Reaction from the opposition")
    blocks, _ = run(BODY_1, "Reaction from the opposition", BODY_2, infer_headings=False)
    assert [k for k, _ in blocks] == ["body", "body", "body"]


@pytest.mark.parametrize("text", [
    "Reaction from Stockholm.", "Officials in the capital, however", "and then it rained",
    "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
])
def test_not_headings(text):
    assert not looks_like_heading(text)


def test_trailing_agency_credit_is_removed_but_citations_are_kept():
    blocks, removed = run(BODY_1 + " Reuters.", "The figures were first reported by Reuters.")
    assert blocks[0] == ("body", BODY_1)
    assert blocks[1] == ("body", "The figures were first reported by Reuters.")
    assert removed == [("credit", "Reuters.")]


@pytest.mark.parametrize("line, kind", [
    ("By Jane Doe and Tom Roe", "byline"),
    ("Share | Tweet | Email | Copy link", "share"),
    ("Share this article", "share"),
    ("We use cookies to improve your experience. Accept all cookies", "prompt"),
    ("Sign up for our free morning newsletter", "prompt"),
    ("Advertisement", "advert"),
    ("Story continues below advertisement", "advert"),
    ("Photo: Lena Holm / AFP", "credit"),
    ("(AP Photo/John Smith)", "credit"),
    ("Reuters", "credit"),
    ("Reporting by Jane Doe; Editing by Tom Roe", "credit"),
    ("Updated 14:05 GMT, 3 March 2024", "boilerplate"),
    ("* * *", "boilerplate"),
])
def test_whole_line_artifacts(line, kind):
    blocks, removed = run(BODY_1, line, BODY_2)
    assert [t for _, t in blocks] == [BODY_1, BODY_2]
    assert removed == [(kind, line)]


def test_by_at_sentence_start_is_not_a_byline():
    text = "By Friday the river had burst its banks in three places."
    assert run(text)[0] == [("body", text)]


def test_repeated_title_is_removed():
    title = "Budget cuts hit regional airports"
    blocks, removed = run(title, BODY_1, title=title)
    assert blocks == [("body", BODY_1)]
    assert removed == [("title", title)]


def test_repeated_long_paragraph_removed_but_short_repeats_kept():
    blocks, removed = run(BODY_1, "Anna Berg", BODY_2, "Anna Berg", BODY_1)
    assert [t for _, t in blocks] == [BODY_1, "Anna Berg", BODY_2, "Anna Berg"]
    assert removed == [("boilerplate", BODY_1)]


def test_single_line_breaks_join_and_blank_lines_split():
    blocks, _ = run("First line of a wrapped\nparagraph goes on here.\n\n\n" + BODY_2)
    assert [t for _, t in blocks] == ["First line of a wrapped paragraph goes on here.", BODY_2]
