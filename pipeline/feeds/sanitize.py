"""Defence-in-depth HTML sanitiser and a plain-text view for feed HTML.

feedparser already sanitises entry HTML, but its whitelist is wide and it
only runs on content it believes is HTML. Everything that reaches Kafka goes
through :func:`sanitize_html` as well, which keeps a narrow set of attributes
and removes whole the elements that can run code or load active content.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "looks_like_html", "sanitize_html"]

#: Elements removed together with everything inside them.
DROP_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "object", "embed", "applet", "frame",
    "frameset", "noscript", "template", "svg", "math", "noembed", "xmp",
})
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


def safe_url(value: str) -> bool:
    """True for relative URLs and http(s)/mailto; false for javascript: etc."""
    # Browsers ignore embedded whitespace and control characters in schemes,
    # so "java\tscript:" must be judged as "javascript:".
    squashed = _CONTROL.sub("", value).lower()
    match = _SCHEME.match(squashed)
    return match is None or match.group(1) in SAFE_SCHEMES


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip: list[str] = []  # open DROP_WITH_CONTENT elements

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip or tag in DROP_WITH_CONTENT:
            if tag in DROP_WITH_CONTENT and tag not in VOID_TAGS:
                self._skip.append(tag)
            return
        if tag in DROP_TAG_ONLY:
            return
        kept = "".join(f' {name}="{html.escape(value or "", quote=True)}"'
                       for name, value in attrs if _keep_attr(name, value))
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


def _keep_attr(name: str, value: str | None) -> bool:
    if name not in ALLOWED_ATTRS:
        return False
    return name not in URL_ATTRS or safe_url(value or "")


def sanitize_html(fragment: str) -> str:
    """``fragment`` with active content, event handlers and unsafe URLs removed."""
    parser = _Sanitiser()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out).strip()


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP_WITH_CONTENT and tag not in VOID_TAGS:
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_WITH_CONTENT:
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
