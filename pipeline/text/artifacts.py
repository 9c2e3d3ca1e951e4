"""Rule-based cleanup of scraped article text: what a reader would not call the article.

Input is a list of (kind, text) blocks (from the HTML extractor, or one body
block of plain text); output is the kept paragraphs, each with its kind, and a
Removal for everything dropped, so a bad rule is visible in the record rather
than silently eating text. Rules are small predicates over one paragraph;
the word lists they use live in :mod:`pipeline.text.wordlists`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.records import Removal
from pipeline.text import wordlists as W
from pipeline.text.sections import cut_related_sections, drop_author_bio, drop_leading_titles, key
from pipeline.text.structure import looks_like_heading, split_pull_quote

Block = tuple[str, str]

#: A paragraph longer than this is article text even if it mentions a prompt phrase.
MAX_PROMPT_WORDS = 40
#: Credit, byline and share lines are short; longer ones are real sentences.
MAX_LINE_WORDS = 15
#: Shorter paragraphs may repeat on purpose; longer repeats are page furniture.
MIN_REPEAT_WORDS = 10


def _alternation(phrases: tuple[str, ...]) -> str:
    # Longest first, so "read more" wins over "read" in the alternation.
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


_TEASER = re.compile(
    rf"^(?:(?:{_alternation(W.TEASER_OPENERS)})\b\s*[:|»>\-–—]*"
    rf"|(?:{_alternation(W.TEASER_COLON_OPENERS)})\s*:)\s*", re.IGNORECASE)
_NUMBER = rf"(?:\d[\d,.]*|(?i:{_alternation(W.NUMBER_WORDS)})(?:[- ]?(?i:{_alternation(W.NUMBER_WORDS)}))*)"
#: "fifteenFebruary ...": a number glued to a capitalised word opens an infobox fact.
_INFOBOX = re.compile(rf"^{_NUMBER}[A-Z][a-z]")
_AGENCY = _alternation(W.AGENCIES)
#: "... said at a briefing. Reuters." - a bare agency name after a finished sentence.
_TRAILING_AGENCY = re.compile(rf"(?<=[.!?”\"’)])\s+[(\[—–-]*\s*(?:{_AGENCY})[)\]]?\.?$")
_AGENCY_LINE = re.compile(rf"^[(\[—–-]*\s*(?:source:\s*)?(?:{_AGENCY})(?:\s*/\s*[\w ]+)?[)\]]?\.?$",
                          re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|written by|words by|text by)\s+[A-Z][\w.'’-]*\s+\S", re.IGNORECASE)
_ADVERT = re.compile(rf"^\W*(?:{_alternation(W.ADVERT_LINES)})\W*$", re.IGNORECASE)
_DATELINE = re.compile(rf"^(?:{_alternation(W.DATELINE_OPENERS)})\b\s*:?\s*[\w ,:./-]*$",
                       re.IGNORECASE)
#: Words glued across a lost boundary: "MinistryOfficial", "talks.The".
_GLUED_CASE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2,})")
_GLUED_STOP = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_TOKEN = re.compile(r"\S+")
#: Only tokens that contain a glue point go through the (slower) per-token checks.
_GLUED_TOKEN = re.compile(r"\S*(?:[a-z]{3}[A-Z][a-z]{2}|[a-z]{2}[.!?][A-Z][a-z])\S*")
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Cleaned:
    """Kept paragraphs as (kind, text), kind in body | heading | pull_quote | caption."""

    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines; single line breaks inside become spaces."""
    parts = re.split(r"\n[^\S\n]*\n", text.strip())
    return [" ".join(p.split()) for p in parts if p.strip()]


#: Block kinds the HTML extractor marks as not article text, and the Removal kind for each.
_MARKED = {"link": "related_link", "embed": "other"}


def clean_blocks(blocks: list[Block], *, title: str = "", infer_headings: bool = False,
                 page_titles: tuple[str, ...] = (), unglue: bool = True) -> Cleaned:
    """Drop and trim artifacts, then classify what is left.

    ``infer_headings`` is for plain text, where a heading is just a short line;
    HTML blocks already say which are headings. ``page_titles`` are the
    page's own titles (og:title, <title>), repeated as a heading before the
    body. ``unglue`` repairs words glued across a lost boundary, a defect of
    text scraped without markup; markup keeps the author's spacing, so words
    like "PinkPantheress" there are meant.
    """
    out = Cleaned()
    seen: set[str] = set()
    title_keys = [k for k in (key(t) for t in (title, *page_titles)) if k]
    for kind, block in blocks:
        if kind in _MARKED:
            out.removed.append(Removal(_MARKED[kind], block))  # type: ignore[arg-type]
            continue
        for para in split_paragraphs(block):
            text = _clean_paragraph(kind, para, key(title), out.removed, unglue)
            if not text:
                continue
            if _is_repeat(text, seen):
                out.removed.append(Removal("boilerplate", text))
                continue
            out.blocks.append((_classify(kind, text), text))
    out.blocks = drop_leading_titles(out.blocks, title_keys, out.removed)
    out.blocks = drop_author_bio(cut_related_sections(out.blocks, out.removed), out.removed)
    if infer_headings:
        out.blocks = _infer_headings(out.blocks)
    return out


def _is_repeat(text: str, seen: set[str]) -> bool:
    """A long paragraph seen before: a widget or pull quote shown twice.

    Short lines repeat legitimately (names in a list of nominees), so only
    paragraphs of MIN_REPEAT_WORDS or more count.
    """
    if len(text.split()) < MIN_REPEAT_WORDS:
        return False
    k = key(text)
    if k in seen:
        return True
    seen.add(k)
    return False


def _clean_paragraph(kind: str, text: str, title_key: str, removed: list[Removal],
                     unglue: bool = True) -> str:
    """The paragraph with artifacts cut away ("" when nothing is left)."""
    if kind != "heading" and is_infobox(text):
        removed.append(Removal("infobox", text))
        return ""
    if unglue:
        text = fix_glued_words(text)
    whole = whole_line_kind(text, title_key)
    if whole:
        removed.append(Removal(whole, text))  # type: ignore[arg-type]
        return ""
    teaser = split_teaser(text)
    if teaser:
        removed.append(Removal("related_link", teaser[0]))
        text = teaser[1]
    credit = _TRAILING_AGENCY.search(text)
    if credit:
        removed.append(Removal("credit", credit.group().strip()))
        text = text[:credit.start()].rstrip()
    return text


def _classify(kind: str, text: str) -> str:
    if kind == "body" and split_pull_quote(text):
        return "pull_quote"
    return kind if kind in ("body", "heading", "caption") else "body"


def _infer_headings(blocks: list[Block]) -> list[Block]:
    # A heading introduces a section, so one with nothing after it is not one.
    return [("heading", text)
            if kind == "body" and i + 1 < len(blocks) and looks_like_heading(text)
            else (kind, text) for i, (kind, text) in enumerate(blocks)]


def is_infobox(text: str) -> bool:
    """A fact-box fragment: number glued to a capitalised word, and no final punctuation."""
    return bool(_INFOBOX.match(text)) and not _ends_sentence(text)


def whole_line_kind(text: str, title_key: str = "") -> str | None:
    """The Removal kind when the whole paragraph is an artifact, else None."""
    words = len(text.split())
    lower = text.casefold()
    if not _WORD.search(text):  # "***", "___", "::": separators, not text
        return "boilerplate"
    if title_key and key(text) == title_key:
        return "title"
    if _ADVERT.match(text):
        return "advert"
    if _TEASER.match(text) and not split_teaser(text):
        return "related_link"
    if words <= MAX_PROMPT_WORDS and any(p in lower for p in W.PROMPT_PHRASES):
        return "prompt"
    if words <= MAX_LINE_WORDS:
        return _short_line_kind(text, lower)
    return None


def _short_line_kind(text: str, lower: str) -> str | None:
    tokens = [t for t in re.split(r"[\s|•·/,]+", lower) if t]
    if set(tokens) <= W.SHARE_WORDS and set(tokens) & W.SHARE_CORE:
        return "share"
    if lower.startswith(("share this", "share on", "share via")):
        return "share"
    if _AGENCY_LINE.match(text) or lower.startswith(W.CREDIT_OPENERS):
        return "credit"
    if any(m in lower for m in W.PHOTO_CREDIT_MARKERS) or text.startswith("©"):
        return "credit"
    if _BYLINE.match(text) and not _ends_sentence(text):
        return "byline"
    if _DATELINE.match(text) and re.search(r"\d", text):
        return "boilerplate"
    return None


def split_teaser(text: str) -> tuple[str, str] | None:
    """(teaser, rest) when a related-link teaser is glued before real text.

    The teaser is a headline, so it has no final punctuation: the real text
    starts at the first sentence-like boundary after the opener (a closing
    quote, a full stop, or a lower-case word followed by a capitalised
    sentence starter such as "As", "The", "We").
    """
    opener = _TEASER.match(text)
    if not opener:
        return None
    rest = text[opener.end():]
    start = _headline_end(rest)
    if start is None:
        return None
    return text[:opener.end() + start].rstrip(), rest[start:]


def _headline_end(rest: str) -> int | None:
    tokens = list(_TOKEN.finditer(rest))
    for i in range(2, min(len(tokens), 30)):
        prev, tok = tokens[i - 1].group(), tokens[i].group()
        if not re.match(r"[“\"‘'(]?[A-Z]", tok):
            continue
        closing = prev[-1] in "”\"’»)" and not prev.rstrip("”\"’»)").endswith(":")
        full_stop = re.search(r"[a-z]{2}[.!?][”\"’]?$", prev) is not None
        starter = (prev[0].islower() and prev[-1].isalpha()
                   and tok.strip("“\"‘'(").casefold() in W.SENTENCE_STARTERS)
        if closing or full_stop or starter:
            return tokens[i].start()
    return None


def fix_glued_words(text: str) -> str:
    """Put back spaces lost between words: "MinistryOfficial" -> "Ministry Official"."""
    return _GLUED_TOKEN.sub(lambda m: _unglue(m.group()), text)


def _unglue(token: str) -> str:
    if any(ch in token for ch in "@#/\\_") or "www" in token:
        return token  # handles, hashtags, URLs and paths are written this way on purpose
    bare = re.sub(r"['’]s$", "", token.strip("“”\"'’‘().,;:!?"))
    if bare.casefold() in W.CAMEL_CASE_WORDS:
        return token
    return _GLUED_STOP.sub(" ", _GLUED_CASE.sub(" ", token))


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?…][”\"’)»]*$", text))
