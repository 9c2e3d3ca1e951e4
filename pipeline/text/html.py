"""Main-content extraction from HTML into (kind, text) blocks.

Two inputs reach us: whole article pages (fetched when a feed only carries a
summary) and feed ``content:encoded`` fragments. Pages are full of navigation,
cookie banners and footers, so they go through trafilatura's boilerplate
removal. Fragments are already the article body; trafilatura's length
heuristics drop their headings and captions, so they get a direct, faithful
walk of the block elements instead (and pages fall back to that walk when
trafilatura finds nothing).
"""
from __future__ import annotations

import re
from typing import Iterator

import lxml.etree
import lxml.html

from pipeline.text import UnusableContent

Block = tuple[str, str]  # (kind, text), kind in body | heading | caption

#: Pages bigger than this are not articles (or are attacks); refuse them early.
MAX_HTML_CHARS = 5_000_000
#: Share of control characters above which the input is binary, not markup.
MAX_CONTROL_RATIO = 0.01
_PAGE_MARKERS = re.compile(r"<\s*(?:html|body|head)\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")
#: trafilatura settings; XML output keeps paragraphs and headings apart.
#: Default balance measured best on fundus_eval blocks (ROUGE-LSum F1 94.5 vs
#: 93.9 with favor_precision, 93.4 with favor_recall; trafilatura 2.3.1).
TRAFILATURA_OPTIONS = dict(
    output_format="xml", include_comments=False, include_tables=False,
    include_images=False, include_links=False, include_formatting=False,
    deduplicate=False)
#: Nesting deeper than this is flattened into one block: real articles never
#: get close, and it keeps recursion far from Python's limit.
MAX_DEPTH = 200

#: trafilatura XML element -> block kind; anything else is a container to walk.
_TRAFILATURA_KINDS = {"p": "body", "head": "heading", "item": "body",
                      "quote": "body", "cell": "body"}
#: Fragment tags -> block kind; the same idea for plain HTML.
_FRAGMENT_KINDS = {
    "p": "body", "li": "body", "blockquote": "body", "pre": "body", "dd": "body",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
    "h5": "heading", "h6": "heading", "figcaption": "caption", "caption": "caption",
}
#: Never article text, even inside a feed fragment.
_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside",
              "form", "button", "iframe", "svg", "select", "header")


def check_markup(html: str) -> None:
    """Raise UnusableContent for inputs no extractor should even try."""
    if not html or not html.strip():
        raise UnusableContent("empty content")
    if len(html) > MAX_HTML_CHARS:
        raise UnusableContent(
            f"content of {len(html)} characters exceeds the {MAX_HTML_CHARS} character limit")
    sample = html[:65536]
    if len(_CONTROL.findall(sample)) > MAX_CONTROL_RATIO * len(sample):
        raise UnusableContent("content looks binary (control characters), not HTML or text")


def is_full_page(html: str) -> bool:
    return bool(_PAGE_MARKERS.search(html[:20000]))


def extract_blocks(html: str) -> list[Block]:
    """Main-content blocks of a page or fragment; [] when nothing readable is found.

    Raises UnusableContent for empty, binary or oversized input. Never raises
    anything else: parser failures on hostile markup mean "no blocks".
    """
    check_markup(html)
    blocks: list[Block] = []
    if is_full_page(html):
        blocks = _trafilatura_blocks(html)
    return blocks or _fragment_blocks(html)


def _trafilatura_blocks(html: str) -> list[Block]:
    import trafilatura  # heavy import (dateparser, justext...), paid only on pages

    try:
        xml = trafilatura.extract(html, **TRAFILATURA_OPTIONS)
        if not xml:
            return []
        root = lxml.etree.fromstring(xml.encode("utf-8"))
    except Exception:  # noqa: BLE001 - hostile markup must never crash the stage
        return []
    for lb in root.iter("lb"):  # trafilatura's <br>; without this the words glue
        lb.tail = "\n" + (lb.tail or "")
    main = root.find("main")
    return list(_walk(main, _TRAFILATURA_KINDS)) if main is not None else []


def _fragment_blocks(html: str) -> list[Block]:
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        for el in list(root.iter(*_DROP_TAGS)):
            el.drop_tree()
        for br in root.iter("br"):  # keep line breaks as paragraph hints
            br.tail = "\n\n" + (br.tail or "")
        return list(_walk(root, _FRAGMENT_KINDS))
    except Exception:  # noqa: BLE001 - lxml raises many types on broken input
        return []


def _walk(root: lxml.etree._Element, kinds: dict[str, str]) -> Iterator[Block]:
    """Blocks in document order, taking the innermost block elements.

    A <blockquote> or <li> that wraps <p> elements yields the paragraphs, not
    one merged block; inline text loose in a container between blocks (common
    in feed fragments: "text <a>link</a> text<br><br><p>...") becomes a body
    block of its own instead of being lost.
    """
    containers = _block_ancestors(root, kinds)
    yield from _visit(root, kinds, containers, depth=0)


def _visit(el: lxml.etree._Element, kinds: dict[str, str],
           containers: set[lxml.etree._Element], depth: int) -> Iterator[Block]:
    kind = kinds.get(_tag(el))
    if el not in containers or depth > MAX_DEPTH:  # a leaf: one block (or none)
        text = _text(el.xpath("string()"))
        if text:
            yield kind or "body", text
        return
    loose: list[str] = [el.text or ""]
    for child in el:
        if child in containers or _tag(child) in kinds:
            yield from _flush(loose)
            yield from _visit(child, kinds, containers, depth + 1)
        elif isinstance(child.tag, str):
            loose.append(child.xpath("string()"))
        loose.append(child.tail or "")
    yield from _flush(loose)


def _flush(loose: list[str]) -> Iterator[Block]:
    text = _text("".join(loose))
    loose.clear()
    if text:
        yield from (("body", part) for part in text.split("\n\n"))


def _block_ancestors(root: lxml.etree._Element, kinds: dict[str, str]) -> set:
    """Elements that contain a block element, found in one pass (no O(n^2) on deep trees)."""
    found: set[lxml.etree._Element] = set()
    for el in root.iter():
        if _tag(el) in kinds:
            parent = el.getparent()
            while parent is not None and parent not in found:
                found.add(parent)
                parent = parent.getparent()
    return found


def _tag(el: lxml.etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _text(raw: str) -> str:
    """Block text with runs of whitespace collapsed, but hard breaks kept as blank lines."""
    parts = [_SPACE.sub(" ", part).strip() for part in re.split(r"\n\s*\n", raw)]
    return "\n\n".join(p for p in parts if p)
