"""HTML main-content extraction: full pages, feed fragments and hostile input."""
from __future__ import annotations

import pytest

from pipeline.codec import RejectedInput
from pipeline.text import UnusableContent
from pipeline.text.html import MAX_HTML_CHARS, extract_blocks

PARAGRAPHS = [
    "The harbour authority said on Thursday that it would close the northern pier for "
    "repairs after a storm damaged its supports, forcing ferries to use the old quay.",
    "Engineers who inspected the pier found cracks in four of the concrete columns, "
    "according to a report published by the authority late on Wednesday evening.",
    "Ferry operators warned that crossings could be delayed by up to an hour during the "
    "busy spring season, and asked passengers to arrive earlier than usual.",
    "The repairs are expected to take six weeks and cost about two million euros, which "
    "the regional government has agreed to cover from its emergency fund.",
    "Local traders, who depend on day visitors arriving by ferry, said they feared a "
    "difficult month but welcomed the decision to act quickly on safety.",
]

PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Storm closes northern pier</title>
<script>var tracking = true;</script><style>.x{{color:red}}</style></head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Storm closes northern pier</h1>
<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>
<h2>Ferries diverted to the old quay</h2>
<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p><p>{PARAGRAPHS[4]}</p>
</article></main>
<footer><p>Copyright 2024 Harbour News Ltd. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>"""


def test_full_page_keeps_article_and_drops_page_furniture():
    blocks = extract_blocks(PAGE)
    texts = [t for _, t in blocks]
    for para in PARAGRAPHS:
        assert para in texts
    assert ("heading", "Ferries diverted to the old quay") in blocks
    joined = " ".join(texts)
    for junk in ("We use cookies", "Accept all cookies", "Sport", "All rights reserved",
                 "Privacy policy", "tracking"):
        assert junk not in joined


def test_fragment_block_kinds_and_order():
    fragment = ("<p>First <b>paragraph</b> of the item.</p><h3>A sub-heading</h3>"
                "<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>"
                "<ul><li>Item one</li><li>Item two</li></ul>"
                "<figure><img src='x.jpg'><figcaption>Workers on the pier.</figcaption></figure>"
                "<script>alert(1)</script><aside>Related stories</aside>")
    assert extract_blocks(fragment) == [
        ("body", "First paragraph of the item."), ("heading", "A sub-heading"),
        ("body", "Quoted one."), ("body", "Quoted two."),
        ("body", "Item one"), ("body", "Item two"), ("caption", "Workers on the pier."),
    ]


def test_fragment_with_only_line_breaks_and_loose_text():
    blocks = extract_blocks("Loose text with <a href='#'>a link</a> inside.<br><br>Second part."
                            "<p>A real paragraph.</p>Trailing words.")
    assert [t for _, t in blocks] == ["Loose text with a link inside.", "Second part.",
                                      "A real paragraph.", "Trailing words."]


@pytest.mark.parametrize("bad", ["", "   \n\t ", "\x00\x01\x02\x03binary\x04\x05" * 50])
def test_empty_and_binary_input_is_unusable(bad):
    with pytest.raises(UnusableContent) as info:
        extract_blocks(bad)
    assert info.value.reason
    assert isinstance(info.value, RejectedInput) and info.value.error_type == "unusable"


def test_oversized_input_is_unusable_with_a_reason():
    with pytest.raises(UnusableContent, match="limit"):
        extract_blocks("<p>" + "x" * (MAX_HTML_CHARS + 1) + "</p>")


@pytest.mark.parametrize("hostile", [
    "<div>" * 50_000 + "deep" + "</div>" * 50_000,
    "<p>unclosed <b>bold <i>italic <table><tr><td>cell",
    "<html><body>" + "<span>" * 3000 + "text" + "</span>" * 3000 + "</body></html>",
    "<<<>>> <p <p> </ p> &#xFFFFFF; &bogus;",
    "<?xml version='1.0' encoding='utf-8'?><p>declared</p>",
])
def test_hostile_markup_never_raises_anything_else(hostile):
    assert isinstance(extract_blocks(hostile), list)


# ---- fast mode first, the full trafilatura cascade only for a short result ---------

def _body(xml: str):
    import lxml.etree

    return lxml.etree.fromstring(xml)


def _page_tree(words: int):
    import lxml.html

    return lxml.html.fromstring("<html><body><p>" + "word " * words + "</p></body></html>")


def test_fast_result_is_kept_when_it_covers_the_page():
    from pipeline.text.html import _looks_short

    text = " ".join(PARAGRAPHS)
    assert not _looks_short(_body(f"<body><p>{text}</p></body>"), text, _page_tree(150))


@pytest.mark.parametrize("xml,text_chars,page_words", [
    ("<body><p>Home</p></body>", 4, 10),                      # a scrap under 250 characters
    ("<body><list><item>x</item></list></body>", 600, 100),   # no paragraph text at all
    ("<body><p>short lede</p></body>", 600, 2000),            # 600 of ~10,000 page characters
])
def test_short_fast_result_gets_the_full_cascade(xml, text_chars, page_words):
    from pipeline.text.html import _looks_short

    assert _looks_short(_body(xml), "x" * text_chars, _page_tree(page_words))


def test_full_cascade_runs_only_for_a_short_fast_result(monkeypatch):
    import trafilatura

    calls = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction",
                        lambda *a, **kw: calls.append(kw.get("fast", False)) or real(*a, **kw))
    extract_blocks(PAGE)
    assert calls == [True]
    calls.clear()
    extract_blocks("<html><body><nav><a href='/'>Home</a></nav><p>Hi.</p></body></html>")
    assert calls == [True, False]
