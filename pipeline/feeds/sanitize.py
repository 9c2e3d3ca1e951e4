"""The HTML sanitiser for feed content, and a plain-text view of feed HTML.

Everything that reaches Kafka from feed HTML goes through
:func:`sanitize_html`, which keeps a narrow set of attributes and removes
whole the elements that can run code or load active content. It is the only
sanitiser on that path: parse_feed turns feedparser's own off (its whitelist
is wider, and its extra sgmllib pass over every field cost a quarter of the
poller's CPU), so this module also resolves the relative URLs it keeps, as
feedparser's resolver did.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

__all__ = ["html_to_text", "looks_like_html", "sanitize_html"]

#: Elements removed together with everything inside them.
DROP_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "object", "embed", "applet", "frame",
    "frameset", "noscript", "template", "svg", "math", "noembed", "xmp",
})
#: As plain text, object and applet show their fallback content (browsers
#: render it when the plugin cannot run), so html_to_text keeps it.
HIDDEN_TEXT = DROP_WITH_CONTENT - {"object", "applet"}
#: Elements whose tags are removed but whose text is kept (forms, metadata).
DROP_TAG_ONLY = frozenset({
    "form", "input", "button", "textarea", "select", "option", "link",
    "meta", "base", "html", "head", "body", "title",
})
#: The only attributes that survive; everything else (on*, style, srcdoc,
#: formaction, xlink:href ...) is dropped rather than blacklisted.
ALLOWED_ATTRS = frozenset({
    "href", "src", "alt", "title", "cite", "datetime", "lang", "dir",
    "colspan", "rowspan", "width", "height", "class", "id",
})
URL_ATTRS = frozenset({"href", "src", "cite"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: HTML void elements: they never have content or an end tag.
VOID_TAGS = frozenset({
    "br", "hr", "img", "wbr", "source", "track", "area", "col", "embed",
    "frame", "param", "input", "link", "meta", "base",
})
BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "figure",
    "figcaption", "header", "footer", "aside", "hr", "dd", "dt",
})

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
# Markup the sanitiser would return unchanged: text without & < >, and
# bare tags it keeps as they are (no attributes, lower case, no end tag on
# a void element). Most feed summaries are like this ("<p>...</p>"), and a
# regex check costs a tenth of a parse. tests/unit/test_feeds_sanitize.py
# compares this shortcut with the parser on generated fragments.
# Possessive quantifiers (Python 3.11+): a near miss such as a long text
# ending in "&" must fail in linear time, not backtrack through every split.
_PLAIN_MARKUP = re.compile(
    r"(?:[^<>&]++|</?(?:p|b|i|u|s|em|strong|small|sub|sup|span|div|blockquote|ul|ol|li"
    r"|h[1-6]|pre|code)>|<br>)*+")


def safe_url(value: str) -> bool:
    """True for relative URLs and http(s)/mailto; false for javascript: etc."""
    # Browsers ignore embedded whitespace and control characters in schemes,
    # so "java\tscript:" must be judged as "javascript:".
    squashed = _CONTROL.sub("", value).lower()
    match = _SCHEME.match(squashed)
    return match is None or match.group(1) in SAFE_SCHEMES


class _Html5Parser(HTMLParser):
    def close(self) -> None:
        # HTML5 runs an unterminated comment or "<!" declaration to the end
        # of the input; Python's parser (before 3.13) would emit it as text.
        if self.rawdata.startswith("<!"):
            self.rawdata = ""
        super().close()


class _Sanitiser(_Html5Parser):
    def __init__(self, base: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.out: list[str] = []
        self._skip: list[str] = []  # open DROP_WITH_CONTENT elements

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip or tag in DROP_WITH_CONTENT:
            if tag in DROP_WITH_CONTENT and tag not in VOID_TAGS:
                self._skip.append(tag)
            return
        if tag in DROP_TAG_ONLY:
            return
        kept = "".join(f' {name}="{html.escape(kept, quote=True)}"' for name, value in attrs
                       if (kept := _attr_value(name, value, self.base)) is not None)
        self.out.append(f"<{tag}{kept}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Browsers ignore the "/" of <iframe/> and open the element, so this
        # does too (HTMLParser's default would close it straight away).
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in self._skip:
                del self._skip[self._skip.index(tag):]
            return
        if tag not in DROP_WITH_CONTENT and tag not in DROP_TAG_ONLY and tag not in VOID_TAGS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(html.escape(data, quote=False))

    # Comments, declarations and processing instructions are dropped: IE
    # conditional comments and CDATA tricks can smuggle markup through them.


def _attr_value(name: str, value: str | None, base: str | None) -> str | None:
    """The value to write for an attribute, or None to drop it."""
    if name not in ALLOWED_ATTRS:
        return None
    value = value or ""
    if name in URL_ATTRS:
        if base:
            try:
                value = urljoin(base, value.strip())
            except ValueError:  # e.g. a malformed IPv6 host: not a usable link
                return None
        if not safe_url(value):  # judged after joining, on what a browser would load
            return None
    return value


def sanitize_html(fragment: str, base: str | None = None) -> str:
    """``fragment`` with active content, event handlers and unsafe URLs removed.

    With ``base`` (the feed's or the element's xml:base URL), relative
    ``href``/``src``/``cite`` values come out absolute.
    """
    if _PLAIN_MARKUP.fullmatch(fragment):
        return fragment.strip()
    parser = _Sanitiser(base)
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out).strip()


class _TextCollector(_Html5Parser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TEXT and tag not in VOID_TAGS:
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TEXT:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Readable text of an HTML fragment: blocks become lines, spaces collapse."""
    parser = _TextCollector()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def looks_like_html(value: str) -> bool:
    """True when ``value`` contains at least one tag (not just a stray '<')."""
    return bool(_TAG.search(value))
