"""Acronyms defined in the article: "the Moro National Liberation Front (MNLF)".

News spells a name out once with its acronym in brackets, then uses the
acronym alone. The pair settles what the model leaves open: the long name
is one mention however the model cut it ("Organisation for Security and
Cooperation" + "Europe"), every later "MNLF" is the same entity, and both
share one type.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.nlp.entities.spans import Raw

_ACRONYM_IN_BRACKETS = re.compile(r"[^\S\n]*\([^\S\n]*([A-Z][A-Z&-]{1,7})[^\S\n]*\)")
_NAME_WORD = re.compile(r"[A-Z][\w'’&.-]*|of|for|and|the|in|on|de|du|la|des|del|al")
#: Words a definition may skip when taking initials ("for", "and", "of").
_LINKS = frozenset({"of", "for", "and", "the", "in", "on", "de", "du", "la", "des", "del",
                    "al"})
_MAX_WORDS = 10
_PLACES = ("GPE", "LOC", "FAC")


@dataclass(frozen=True)
class Definition:
    start: int  # the long name
    end: int
    acronym: str


def _initials_match(words: list[str], acronym: str) -> bool:
    """The capitalised words' initials spell the acronym, allowing one of
    them to be left out ("Financial Futures and Options Exchange" LIFFE)."""
    initials = "".join(w[0] for w in words if w not in _LINKS)
    letters = acronym.replace("&", "").replace("-", "")
    if not initials or initials[0] != letters[0] or initials[-1] != letters[-1]:
        return False
    if not 0 <= len(initials) - len(letters) <= 1:
        return False
    it = iter(initials)
    return all(c in it for c in letters)


@dataclass(frozen=True)
class _Located:
    start: int
    end: int
    text: str


def _words_before(text: str, end: int) -> list[_Located]:
    """The name words (capitalised, or links such as "of") running up to
    ``end`` within its line, at most ten, in text order."""
    line_start = text.rfind("\n", 0, end) + 1
    tokens = list(re.finditer(r"\S+", text[line_start:end]))
    run: list[re.Match] = []
    for tok in reversed(tokens[-_MAX_WORDS:]):
        if not _NAME_WORD.fullmatch(tok.group()):
            break
        run.insert(0, tok)
    return [_Located(line_start + t.start(), line_start + t.end(), t.group()) for t in run]


def definitions(text: str) -> list[Definition]:
    """Every "Long Name (ACRONYM)" whose long name's initials spell it."""
    out = []
    for m in _ACRONYM_IN_BRACKETS.finditer(text):
        words = _words_before(text, m.start())
        acronym = m.group(1)
        if re.search(r"(?<![\w-])" + re.escape(acronym.lower()) + r"(?![\w-])", text):
            continue  # "(IN)" is also a word of the article: too ambiguous alone
        # the shortest run of words, starting with a capital, that spells it
        for i in range(len(words) - 1, -1, -1):
            run = [w.text for w in words[i:]]
            if run[0][0].isupper() and run[-1][0].isupper() and _initials_match(run, acronym):
                out.append(Definition(words[i].start, words[-1].end, acronym))
                break
    return out


def apply(raws: list[Raw], text: str, found: list[Definition]) -> list[Raw]:
    """The long names as single mentions and every whole-word use of their
    acronyms as mentions, all of one definition with one type: a place if
    the model's majority over them says so, else an organisation (what
    news defines acronyms for: agencies, parties, exchanges, rebel groups)."""
    for d in found:
        long_raws = [r for r in raws if r.start < d.end and d.start < r.end]
        uses = [m.span() for m in re.finditer(r"(?<![\w-])" + re.escape(d.acronym)
                                              + r"(?![\w-])", text)]
        short_raws = [r for r in raws if (r.start, r.end) in uses]
        votes = Counter(r.label for r in long_raws + short_raws)
        top = votes.most_common(1)[0][0] if votes else "ORG"
        label = top if top in _PLACES else "ORG"
        taken = {(r.start, r.end) for r in short_raws}
        raws = [r for r in raws if r not in long_raws]
        raws.append(Raw(d.start, d.end, text[d.start:d.end], label))
        for r in short_raws:
            r.label = label
        raws += [Raw(s, e, d.acronym, label) for s, e in uses
                 if (s, e) not in taken and not any(r.start < e and s < r.end for r in raws)]
    return raws


def join(groups: list[list[Raw]], found: list[Definition]) -> list[list[Raw]]:
    """One group for each long name and its acronym's mentions."""
    for d in found:
        long = next((g for g in groups if any(r.start == d.start and r.end == d.end for r in g)),
                    None)
        short = [g for g in groups if g is not long and all(r.text == d.acronym for r in g)]
        if long is None:
            continue
        for g in short:
            long.extend(g)
        groups = [g for g in groups if not any(g is s for s in short)]
    return groups

