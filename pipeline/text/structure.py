"""Paragraph roles that plain text does not mark: headings and pull quotes.

Pull quotes on many news sites are a quotation box followed by the speaker's
name and title, which scraping flattens into one unpunctuated run:
"... one of these days Ned Price US State Department official".
:func:`split_pull_quote` finds where the attribution starts; the statements
stage can reuse it to recover the speaker.
"""
from __future__ import annotations

import re

from pipeline.text import wordlists as W

#: Headings are short; a longer unpunctuated line is more likely a fragment.
MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 120
#: A pull quote says something: fewer words before the name is a heading or a caption.
MIN_QUOTE_WORDS = 6
#: Name plus title: "Ned Price US State Department official" is 6 words.
MIN_ATTRIBUTION_WORDS = 3
MAX_ATTRIBUTION_WORDS = 14

#: Words a heading does not end on; a line ending on one is a broken sentence.
_DANGLING = frozenset({"the", "a", "an", "of", "and", "or", "but", "to", "in", "on",
                       "at", "for", "with", "by", "from", "however", "that", "which"})
_TOKEN = re.compile(r"\S+")
_NAME_WORD = re.compile(r"^[A-Z][\w'’-]*$")
_NO_FINAL_PUNCT = re.compile(r"[\w)]$")
_SENTENCE_PUNCT = re.compile(r"[.!?…\"“”]")


def looks_like_heading(text: str) -> bool:
    """Short, title-like, and not a sentence (no final punctuation except '?')."""
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > MAX_HEADING_CHARS:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'"):
        return False
    if re.search(r"[.,;:!…]$", text.rstrip("”\"’'")):
        return False
    if words[-1].casefold() in _DANGLING:  # "..., however" is a cut sentence
        return False
    # A heading is one phrase: a full stop inside means two sentences glued together.
    return not re.search(r"[a-z][.!?]\s+[A-Z]", text) and split_pull_quote(text) is None


def split_pull_quote(text: str) -> tuple[str, str] | None:
    """(quotation, attribution) when the paragraph ends in a bare name + title.

    The attribution is the first run, after the last sentence punctuation, of
    two capitalised non-title words (the name) followed by words that include
    a role such as "official", "minister" or "spokeswoman". Taking the first
    such run keeps "Maria Zakharova official representative of the Russian
    Foreign Ministry" whole; requiring a name keeps "Foreign Minister Lavrov
    himself ..." inside the quotation.
    """
    if not _NO_FINAL_PUNCT.search(text):
        return None
    tokens = list(_TOKEN.finditer(text))
    first = _after_last_sentence_punct(tokens)
    for i in range(max(first, MIN_QUOTE_WORDS), len(tokens) - MIN_ATTRIBUTION_WORDS + 1):
        tail = [t.group() for t in tokens[i:]]
        if len(tail) > MAX_ATTRIBUTION_WORDS:
            continue
        if _starts_name(tokens[i - 1].group(), tail) and _has_role(tail[2:]):
            return text[:tokens[i].start()].rstrip(), text[tokens[i].start():]
    return None


def _after_last_sentence_punct(tokens: list[re.Match[str]]) -> int:
    for i in range(len(tokens) - 1, -1, -1):
        if _SENTENCE_PUNCT.search(tokens[i].group()):
            return i + 1
    return 0


def _starts_name(prev: str, tail: list[str]) -> bool:
    # The run must start here: after a lower-case word or punctuation, not mid-name.
    if _NAME_WORD.match(prev) and not prev.isupper():
        return False
    for word in tail[:2]:
        if not _NAME_WORD.match(word) or word.isupper():
            return False
        if word.casefold() in W.ROLE_WORDS or word.casefold() in W.SENTENCE_STARTERS:
            return False
    return True


def _has_role(words: list[str]) -> bool:
    return any(w.strip(",").casefold() in W.ROLE_WORDS for w in words)
