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

import logging
import re
from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html

from pipeline.text import UnusableContent

log = logging.getLogger(__name__)

Block = tuple[str, str]  # (kind, text), kind in body | heading | caption | link | embed

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
#: Links are kept (as <ref>) only to measure link density, never as output.
TRAFILATURA_OPTIONS: dict[str, Any] = dict(
    output_format="xml", include_comments=False, include_tables=False,
    include_images=False, include_links=True, include_formatting=False,
    deduplicate=False)
#: trafilatura runs in fast mode (no readability/jusText comparison: a third of
#: its time), and again with the full cascade only when the fast result looks
#: short. Short means: under FALLBACK_MIN_CHARS (trafilatura's own
#: MIN_EXTRACTED_SIZE: a scrap, often its baseline's dump of a nav bar), or
#: under FALLBACK_MAX_CHARS and FALLBACK_PAGE_SHARE of the page's visible text
#: (navigation included). On fundus_eval the one page the cascade fixes is at
#: 0.015; complete short articles on busy pages sit at 0.10-0.20, where a full
#: run (jusText) costs ~4 fast runs for the same output.
FALLBACK_MIN_CHARS = 250
FALLBACK_MAX_CHARS = 3000
FALLBACK_PAGE_SHARE = 0.1
_HAS_P_TEXT = lxml.etree.XPath("boolean(.//p//text())")
_VISIBLE_TEXT = lxml.etree.XPath("//body//text()[not(ancestor::script or ancestor::style)]")
#: A block whose text is nearly all link text is a teaser for another page
#: (a related-story headline dropped between paragraphs), not article text.
MIN_LINK_SHARE = 0.9
#: Longer all-link blocks are rare and more likely real text with a long link.
MAX_LINK_BLOCK_WORDS = 30
#: The signature line of an embedded post ("— Name (@handle) February 28, 2024"):
#: the quote it closes is a social-media embed, not the article's words.
_EMBED_SIGNATURE = re.compile(r"^[—–-]\s*[^\n]{1,80}\(@\w{1,30}\)")
_LINK_TAGS = ("ref", "a")
_META_TITLE = re.compile(
    r"<meta\s[^>]*?(?:property|name)=[\"']og:title[\"'][^>]*?content=[\"']([^\"']{3,300})"
    r"|<meta\s[^>]*?content=[\"']([^\"']{3,300})[\"'][^>]*?(?:property|name)=[\"']og:title"
    r"|<title[^>]*>([^<]{3,300})</title>", re.IGNORECASE)
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
    # search first: real markup has no control characters, so counting them is rare
    if _CONTROL.search(sample) and len(_CONTROL.findall(sample)) > MAX_CONTROL_RATIO * len(sample):
        raise UnusableContent("content looks binary (control characters), not HTML or text")


def is_full_page(html: str) -> bool:
    return bool(_PAGE_MARKERS.search(html[:20000]))


def page_titles(html: str) -> list[str]:
    """The page's own titles (og:title, <title>), so a repeated title can be dropped
    even when the feed gave none. Read from the head only: cheap on any page size."""
    import html as html_lib

    head = html[:200_000]
    found = []
    for match in _META_TITLE.finditer(head):
        text = next(g for g in match.groups() if g)
        found.append(_SPACE.sub(" ", html_lib.unescape(text)).strip())
        if len(found) >= 4:
            break
    return [t for t in found if t]


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
    try:
        main = _trafilatura_body(html)
    except Exception as exc:  # noqa: BLE001 - hostile markup must never crash the stage
        log.info("trafilatura failed on the page (%s: %s); reading it as a fragment",
                 type(exc).__name__, exc)
        return []
    if main is None:
        return []
    for lb in main.iter("lb"):  # trafilatura's <br>; without this the words glue
        lb.tail = "\n" + (lb.tail or "")
    return list(_walk(main, _TRAFILATURA_KINDS))


def _trafilatura_body(html: str) -> lxml.etree._Element | None:
    """trafilatura's main-content element: fast mode first, the full cascade when it looks short.

    The full cascade also runs readability and jusText and keeps their result
    only when trafilatura's own is much shorter or structurally deficient
    (about a third of the stage's time). On fundus_eval it changed one page
    in 80, one where fast mode kept 2% of the page text, so fast mode's result
    is kept unless it is suspicious in that way (see _looks_short).
    """
    import trafilatura  # heavy import (dateparser, justext...), paid only on pages
    from trafilatura.utils import load_html

    # bare_extraction hands back trafilatura's element tree: the same tags as
    # its XML output, without serialising, fingerprinting and re-parsing it
    # (a quarter of the stage's time when it went through extract(xml)).
    options = {k: v for k, v in TRAFILATURA_OPTIONS.items() if k != "output_format"}
    tree = load_html(html)  # parsed here so the page-text check reuses it
    if tree is None:
        return None
    doc = trafilatura.bare_extraction(tree, with_metadata=False, fast=True, **options)
    main = getattr(doc, "body", None)
    if main is None or _looks_short(main, getattr(doc, "text", "") or "", tree):
        # the fast run pruned ``tree`` in place: the full cascade starts from the markup
        doc = trafilatura.bare_extraction(html, with_metadata=False, **options)
        main = getattr(doc, "body", None)
    return main


def _looks_short(main: lxml.etree._Element, text: str, tree: lxml.etree._Element) -> bool:
    """Fast-mode output that readability or jusText might beat: short against the page
    text, or without paragraph text (the cases where trafilatura prefers them)."""
    if len(text) < FALLBACK_MIN_CHARS or not _HAS_P_TEXT(main):
        return True
    if _count(main, "table") > _count(main, "p"):
        return True
    if len(text) >= FALLBACK_MAX_CHARS:
        return False
    return len(text) < FALLBACK_PAGE_SHARE * sum(len(t.strip()) for t in _VISIBLE_TEXT(tree))


def _count(el: lxml.etree._Element, tag: str) -> int:
    return sum(1 for _ in el.iter(tag))


def _fragment_blocks(html: str) -> list[Block]:
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        for el in list(root.iter(*_DROP_TAGS)):
            el.drop_tree()
        for br in root.iter("br"):  # keep line breaks as paragraph hints
            br.tail = "\n\n" + (br.tail or "")
        return list(_walk(root, _FRAGMENT_KINDS))
    except Exception as exc:  # noqa: BLE001 - lxml raises many types on broken input
        # No blocks: the caller rejects the page as unusable, with a reason.
        log.info("markup could not be read as a fragment (%s: %s)", type(exc).__name__, exc)
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
            yield ("link" if kind != "caption" and _is_link_block(el, text) else kind or "body",
                   text)
        return
    if _tag(el) in ("quote", "blockquote") and _is_embed(el):
        yield "embed", " ".join(_text(c.xpath("string()")) for c in el if isinstance(c.tag, str))
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


def _is_link_block(el: lxml.etree._Element, text: str) -> bool:
    if len(text.split()) > MAX_LINK_BLOCK_WORDS:
        return False
    linked = sum(len(_text(a.xpath("string()"))) for a in el.iter(*_LINK_TAGS))
    return linked >= MIN_LINK_SHARE * len(text)


def _is_embed(el: lxml.etree._Element) -> bool:
    last = [c for c in el if isinstance(c.tag, str)][-1:]
    return bool(last) and _EMBED_SIGNATURE.match(_text(last[0].xpath("string()"))) is not None


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
