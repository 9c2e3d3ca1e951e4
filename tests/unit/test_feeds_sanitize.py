from __future__ import annotations

import pytest

from pipeline.feeds.sanitize import html_to_text, looks_like_html, safe_url, sanitize_html


@pytest.mark.parametrize("raw, expected", [
    ('<p onclick="x()">Hi</p>', "<p>Hi</p>"),
    ("<script>alert(1)</script>ok", "ok"),
    ("<script/>alert(1)</script>ok", "ok"),          # browsers open <script/>
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>z", "z"),
    ('<iframe src="https://e.example"><p>in</p></iframe>after', "after"),
    ("<iframe/>everything after an unclosed iframe is hidden", ""),
    ("<embed src=x.swf>tail", "tail"),               # embed is void: no content lost
    ("<object data=x><param name=a>fallback</object>o", "o"),
    ("<style>p{display:none}</style>s", "s"),
    ("<svg><g onload=alert(1)></g></svg>s", "s"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "<a>x</a>"),
    ('<a href=" JAVASCRIPT:alert(1)">x</a>', "<a>x</a>"),
    ('<img src="data:text/html;base64,PHN">', "<img>"),
    ('<a href="/rel" style="color:red" class="c">r</a>', '<a href="/rel" class="c">r</a>'),
    ("<!--[if IE]><script>x</script><![endif]-->t", "t"),
    ("a < b & c", "a &lt; b &amp; c"),
    ('<img alt="a&quot;b">', '<img alt="a&quot;b">'),
])
def test_sanitize_html(raw, expected):
    assert sanitize_html(raw) == expected


def test_safe_url():
    assert safe_url("https://e.com") and safe_url("/relative") and safe_url("mailto:a@e.com")
    assert not safe_url("javascript:x") and not safe_url("vbscript:x") and not safe_url("data:x")


def test_html_to_text():
    html = "<h2>Head</h2><p>Hello <b>world</b></p><p>Two&nbsp;&amp; more</p><script>x()</script>"
    assert html_to_text(html) == "Head\nHello world\nTwo & more"


def test_looks_like_html():
    assert looks_like_html("<p>x</p>") and looks_like_html("a<br/>b")
    assert not looks_like_html("a < b and c > d") and not looks_like_html("plain")
