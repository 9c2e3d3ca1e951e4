"""clean_article end to end: plain text, HTML, fallbacks, dedupe, and the seed article."""
from __future__ import annotations

import pytest

from pipeline import codec
from pipeline.records import RawArticle
from pipeline.text import UnusableContent
from pipeline.text.clean import EXTRACTOR, clean_article
from pipeline.text.dedupe import RecentFingerprints
from tests.shared_data import SHARED_DATA

SEED = SHARED_DATA / "seed" / "000_be4580497953cbc3.txt"

# Written for this test in the style of scraped wire copy (not taken from any article).
ARTICLE = """Harbour pier closed after storm

The harbour authority closed the northern pier on Thursday after a storm damaged its supports, its director Lena Holm said at a briefing. Reuters.

Ferries will use the old quay for at least six weeks, the authority said. Operators expect delays of up to an hour.

sixWeeks Expected duration of the repairs to the northern pier

We cannot take any risk with the safety of passengers or crews on this pier Lena Holm director of the harbour authority

Ferry operators reaction

See also Storm warning for the coast: "Stay away from the piers" The largest operator said it would add two crossings a day from the old quay.

By Jane Doe and Tom Roe

The regional MinistryPress office said the repairs would cost about two million euros."""

EXPECTED = [
    ("body", "The harbour authority closed the northern pier on Thursday after a storm damaged "
             "its supports, its director Lena Holm said at a briefing."),
    ("body", "Ferries will use the old quay for at least six weeks, the authority said. "
             "Operators expect delays of up to an hour."),
    ("pull_quote", "We cannot take any risk with the safety of passengers or crews on this pier "
                   "Lena Holm director of the harbour authority"),
    ("heading", "Ferry operators reaction"),
    ("body", "The largest operator said it would add two crossings a day from the old quay."),
    ("body", "The regional Ministry Press office said the repairs would cost about two million euros."),
]
EXPECTED_REMOVED = [
    ("title", "Harbour pier closed after storm"),
    ("credit", "Reuters."),
    ("infobox", "sixWeeks Expected duration of the repairs to the northern pier"),
    ("related_link", 'See also Storm warning for the coast: "Stay away from the piers"'),
    ("byline", "By Jane Doe and Tom Roe"),
]


def raw(content: str, *, content_type: str = "text/plain", summary: str | None = None,
        title: str = "Harbour pier closed after storm", language: str | None = None,
        article_id: str = "a1b2c3d4e5f60718") -> RawArticle:
    return RawArticle(
        id=article_id, feed_url="https://example.org/feed", source="Example News",
        url=f"https://example.org/{article_id}", guid=None, title=title, summary=summary,
        content=content, content_type=content_type, language=language,  # type: ignore[arg-type]
        published_at="2024-03-01T10:00:00Z", fetched_at="2024-03-01T10:05:00Z")


def paragraphs(article):
    return [(p.kind, article.text[p.start:p.end]) for p in article.paragraphs]


def assert_offsets(article):
    spans = [article.text[p.start:p.end] for p in article.paragraphs]
    assert "\n\n".join(spans) == article.text
    assert all(s and s == s.strip() and "\n\n" not in s for s in spans)


def test_plain_text_golden():
    article = clean_article(raw(ARTICLE))
    assert paragraphs(article) == EXPECTED
    assert [(r.kind, r.text) for r in article.removed] == EXPECTED_REMOVED
    assert_offsets(article)
    assert article.extractor == EXTRACTOR == "clean/1"
    assert article.language == "en" and article.duplicate_of is None
    assert len(article.fingerprint) == 16
    codec.validate("clean_article", codec.to_dict(article))


def test_html_content():
    html = ("<p>The harbour authority closed the northern pier on Thursday.</p>"
            "<h2>What comes next</h2><p>Repairs will take six weeks.</p>"
            "<p>Advertisement</p><figure><figcaption>The damaged pier.</figcaption></figure>")
    article = clean_article(raw(html, content_type="text/html"))
    assert paragraphs(article) == [
        ("body", "The harbour authority closed the northern pier on Thursday."),
        ("heading", "What comes next"), ("body", "Repairs will take six weeks."),
        ("caption", "The damaged pier.")]
    assert [(r.kind, r.text) for r in article.removed] == [("advert", "Advertisement")]
    assert_offsets(article)


def test_mojibake_and_whitespace_are_repaired():
    article = clean_article(raw("The director said she didnâ€™t expect â€œmajor delaysâ€\x9d.\u00a0\u00a0 "
                                "Ferries\u200b will\tsail."))
    assert article.text == "The director said she didn’t expect “major delays”. Ferries will sail."


def test_summary_is_used_when_content_is_empty():
    article = clean_article(raw("  ", summary="<p>Storm closes the northern pier for six weeks.</p>"))
    assert article.text == "Storm closes the northern pier for six weeks."


@pytest.mark.parametrize("content, summary", [
    ("", None), ("  \n ", ""), ("\x00\x01\x02\x03\x04" * 40, None),
    ("Harbour pier closed after storm\n\nAdvertisement", None),
])
def test_no_text_left_is_unusable_with_a_reason(content, summary):
    with pytest.raises(UnusableContent) as info:
        clean_article(raw(content, summary=summary))
    assert info.value.reason and info.value.error_type == "unusable"


def test_binary_content_falls_back_to_a_usable_summary():
    article = clean_article(raw("\x00\x01\x02\x03" * 40, summary="Storm closes the pier."))
    assert article.text == "Storm closes the pier."


def test_language_from_feed_is_normalised_else_detected():
    assert clean_article(raw(ARTICLE, language="en-GB")).language == "en"
    german = ("Die Hafenbehörde hat am Donnerstag den nördlichen Pier geschlossen, nachdem ein "
              "Sturm die Stützen beschädigt hatte. Die Fähren fahren nun vom alten Kai ab.")
    assert clean_article(raw(german, title="Pier")).language == "de"
    assert clean_article(raw("Pier shut.", title="x")).language is None


def test_near_duplicates_are_flagged_and_redeliveries_are_not():
    recent = RecentFingerprints()
    first = clean_article(raw(ARTICLE, article_id="1111111111111111"), recent=recent)
    again = clean_article(raw(ARTICLE, article_id="1111111111111111"), recent=recent)
    copy = clean_article(raw(ARTICLE + "\n\nEditing by Tom Roe", article_id="2222222222222222"),
                         recent=recent)
    assert first.duplicate_of is None and again.duplicate_of is None
    assert copy.duplicate_of == "1111111111111111"
    assert len(recent) == 2


@pytest.mark.skipif(not SEED.exists(), reason="seed data not mounted")
def test_seed_article():
    title, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    article = clean_article(raw(body, title=title))
    assert_offsets(article)
    for junk in ("See also", "fifteenFebruary", "MinistryOfficial", "Carfagna"):
        assert junk not in article.text
    kinds = {text: kind for kind, text in paragraphs(article)}
    for heading in ("Three topics for negotiation", "Russian Foreign Ministry response",
                    "Reluctance to contact on the G20"):
        assert kinds[heading] == "heading"
    assert sum(kind == "heading" for kind in kinds.values()) == 3
    quotes = [text for kind, text in paragraphs(article) if kind == "pull_quote"]
    speakers = [q for q in quotes if q.endswith(("Ned Price US State Department official",
                                                 "Maria Zakharova official representative of "
                                                 "the Russian Foreign Ministry",
                                                 "Sergei Lavrov Russian Foreign Minister"))]
    assert len(speakers) == 5
    assert quotes[-1].startswith("As for statements")  # the glued teaser is gone, the quote kept
    removed = {(r.kind, r.text) for r in article.removed}
    assert ("credit", "Reuters.") in removed
    assert any(k == "infobox" and t.startswith("fifteenFebruary") for k, t in removed)
    assert any(k == "related_link" and t.startswith("See also") for k, t in removed)
    assert article.language == "en"
    codec.validate("clean_article", codec.to_dict(article))
