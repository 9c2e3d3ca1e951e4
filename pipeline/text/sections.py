"""Rules that need a paragraph's position in the article, not just its text.

:mod:`pipeline.text.artifacts` judges one paragraph at a time; these look at
where a paragraph sits: the page's repeated title before the body starts, the
"More from ..." section of teaser cards after the body ends, and the author's
bio as the last paragraph.
"""
from __future__ import annotations

import re

from pipeline.records import Removal
from pipeline.text import wordlists as W

Block = tuple[str, str]

#: Teaser sections are short headed lists; a longer heading is a real section.
MAX_SECTION_HEADING_WORDS = 6
#: Article text resumes after a mid-article widget with two body paragraphs in
#: a row of at least this many words together (teaser blurbs alternate with headlines).
MIN_RESUME_WORDS = 40
#: Only the last paragraphs can be the author's bio.
BIO_TAIL = 2
#: Bios are a sentence or three; a longer paragraph is article text.
MAX_BIO_WORDS = 120

_WORD = re.compile(r"[^\W_]+")
_SECTION = re.compile(
    rf"^(?:{'|'.join(re.escape(p) for p in sorted(W.RELATED_SECTIONS, key=len, reverse=True))})\b",
    re.IGNORECASE)
#: "Jane Doe is a writer for ..." / "Jane Doe is an associate editor and ..."
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s){1,3}(?:is|was|has been)\s+(?:an?|the)\s+(?:[\w'’-]+,?\s){0,5}?"
    rf"(?:{'|'.join(W.BIO_ROLES)})s?\b")


def key(text: str) -> str:
    """Case- and punctuation-free form used to compare titles."""
    return " ".join(_WORD.findall(text.casefold()))


def is_title(text: str, title_keys: list[str]) -> bool:
    """The article's title again: equal to a known title, or its head ("Title | Site")."""
    k = key(text)
    if not k:
        return False
    return any(k == t or (len(k.split()) >= 3 and t.startswith(k + " ")) for t in title_keys)


def drop_leading_titles(blocks: list[Block], title_keys: list[str],
                        removed: list[Removal]) -> list[Block]:
    """Headings repeating the title before the first body paragraph (page <h1>s)."""
    out = list(blocks)
    while out and out[0][0] == "heading" and is_title(out[0][1], title_keys):
        removed.append(Removal("title", out.pop(0)[1]))
    return out


def cut_related_sections(blocks: list[Block], removed: list[Removal]) -> list[Block]:
    """Drop "More from ..." / "Related" / "Popular" sections of teaser cards.

    Such a section follows some body text, starts at a short unpunctuated
    heading, and runs to the end of the page unless the article resumes:
    two body paragraphs in a row (a widget placed mid-article). Teaser cards
    never do that: their blurbs are short and alternate with headlines.
    """
    out: list[Block] = []
    i, seen_body = 0, False
    while i < len(blocks):
        kind, text = blocks[i]
        if seen_body and _is_section_heading(kind, text):
            end = _resume_at(blocks, i + 1)
            removed.extend(Removal("related_link", t) for _, t in blocks[i:end])
            i = end
            continue
        out.append(blocks[i])
        seen_body = seen_body or kind == "body"
        i += 1
    return out


def _resume_at(blocks: list[Block], start: int) -> int:
    for j in range(start, len(blocks) - 1):
        pair = blocks[j:j + 2]
        if (all(k == "body" for k, _ in pair)
                and sum(len(t.split()) for _, t in pair) >= MIN_RESUME_WORDS):
            return j
    return len(blocks)


def _is_section_heading(kind: str, text: str) -> bool:
    if kind not in ("heading", "body") or len(text.split()) > MAX_SECTION_HEADING_WORDS:
        return False
    return _SECTION.match(text) is not None and not re.search(r"[.!?,;]$", text)


def drop_author_bio(blocks: list[Block], removed: list[Removal]) -> list[Block]:
    """The author's bio among the last paragraphs ("Jane Doe is a reporter for ...")."""
    out = list(blocks)
    for i in range(max(0, len(out) - BIO_TAIL), len(out))[::-1]:
        kind, text = out[i]
        if kind == "body" and len(text.split()) <= MAX_BIO_WORDS and _BIO.match(text):
            removed.append(Removal("byline", text))
            del out[i]
    return out
