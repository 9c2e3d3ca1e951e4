"""Bad input to the clean stage: every case ends in a clean result or UnusableContent
with a reason, quickly and without unbounded memory. Inputs are generated here."""
from __future__ import annotations

import os
import random
import time

import pytest

from pipeline.records import RawArticle
from pipeline.text import UnusableContent
from pipeline.text.clean import clean_article
from pipeline.text.html import MAX_HTML_CHARS

SENTENCE = "The council approved the plan on Monday after a long debate about its costs. "


def raw(content: str, content_type: str = "text/html", summary: str | None = None) -> RawArticle:
    return RawArticle(
        id="badinput0000001", feed_url=None, source=None, url="https://example.org/bad",
        guid=None, title="", summary=summary, content=content,
        content_type=content_type, language=None,  # type: ignore[arg-type]
        published_at=None, fetched_at="2024-03-01T00:00:00Z")


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


def rejected(content: str, **kw) -> str:
    with pytest.raises(UnusableContent) as exc:
        clean_article(raw(content, **kw))
    assert exc.value.reason
    return exc.value.reason


@pytest.mark.parametrize("content", ["", "   \n\t ", "<html><body></body></html>",
                                     page("<nav><a href='/'>Home</a></nav><footer>©</footer>")])
def test_empty_pages_are_rejected_with_a_reason(content):
    reason = rejected(content)
    assert "empty" in reason or "no " in reason


@pytest.mark.parametrize("make", [
    lambda: os.urandom(64 * 1024).decode("latin-1"),
    lambda: "\x00" * 4096,
    lambda: "%PDF-1.7\n" + random.Random(1).randbytes(20000).decode("latin-1"),
])
def test_binary_data_is_rejected(make):
    assert "binary" in rejected(make())


def test_binary_content_falls_back_to_a_text_summary():
    summary = "<p>" + SENTENCE * 3 + "</p>"
    article = clean_article(raw("\x00\x01\x02" * 5000, summary=summary))
    assert article.text.startswith("The council approved the plan")


def test_50_mb_page_is_refused_before_parsing():
    huge = page("<p>" + SENTENCE * 20 + "</p>" * 1) * (50_000_000 // 1700)
    assert len(huge) > 40_000_000
    start = time.perf_counter()
    reason = rejected(huge)
    assert time.perf_counter() - start < 1.0
    assert str(MAX_HTML_CHARS) in reason


def test_large_but_allowed_page_finishes_in_bounded_time():
    body = "".join(f"<p>{i}: {SENTENCE * 3}</p>" for i in range(3000))  # ~0.7 MB
    start = time.perf_counter()
    article = clean_article(raw(page(f"<article>{body}</article>")))
    assert time.perf_counter() - start < 20
    assert article.text.startswith("0: The council")


@pytest.mark.parametrize("depth", [500, 5_000, 100_000])
def test_deeply_nested_html_never_crashes(depth):
    html = page("<div>" * depth + f"<p>{SENTENCE * 3}</p>" + "</div>" * depth)
    start = time.perf_counter()
    try:
        article = clean_article(raw(html))
    except UnusableContent as exc:  # too deep for the parser: a dead letter with a reason
        assert exc.reason
    else:
        assert "The council approved the plan" in article.text
    assert time.perf_counter() - start < 10


def test_deeply_nested_fragment_never_crashes():
    html = "<span>" * 50_000 + SENTENCE + "</span>" * 50_000
    try:
        article = clean_article(raw(html))
    except UnusableContent as exc:
        assert exc.reason
    else:
        assert "council" in article.text


@pytest.mark.parametrize("lang,paragraph", [
    ("ru", "Министерство иностранных дел России заявило в среду, что переговоры "
           "продолжатся на следующей неделе в Женеве."),
    ("zh", "外交部发言人周三表示，双方将于下周在日内瓦继续举行会谈，讨论贸易和投资问题。"),
    ("ar", "قالت وزارة الخارجية يوم الأربعاء إن المحادثات ستستمر الأسبوع المقبل في جنيف."),
    ("hi", "विदेश मंत्रालय ने बुधवार को कहा कि बातचीत अगले सप्ताह जिनेवा में जारी रहेगी।"),
    ("el", "Το υπουργείο Εξωτερικών δήλωσε την Τετάρτη ότι οι συνομιλίες θα συνεχιστούν."),
])
def test_other_languages_and_scripts_are_kept_and_detected(lang, paragraph):
    paragraphs = [f"{paragraph} ({i})" for i in range(4)]
    html = page("<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>")
    article = clean_article(raw(html))
    assert article.language == lang
    assert article.text.split("\n\n")[0].startswith(paragraph[:20])
    assert len(article.paragraphs) == 4


def test_mixed_garbage_markup_is_survived():
    html = page("<p>" + SENTENCE * 3 + "</p><<<>>><p><b><i>unclosed" + "<td>" * 300
                + "&#xFFFF;&#0;&bogus; <script>" + "x" * 10000)
    article = clean_article(raw(html))
    assert "The council approved the plan" in article.text
