"""Mention-level cleanup of NER spans, before any document-level voting.

Each rule fixes one way the small model mis-draws a span in news copy:
titles and honorifics folded into names, bylines glued to a name, words
glued together by a lost line break, a place swallowed by an organisation
("the X Council in Tashkent"), score columns trailing a name.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.nlp.lexicon import load_words


@dataclass
class Raw:
    """One cleaned NER span before clustering. ``model_label`` keeps what
    the model said when a rule retypes the span; ``locked`` spans (datelines)
    keep their type whatever the document vote says."""
    start: int
    end: int
    text: str
    label: str
    title: str | None = None
    model_label: str | None = None
    locked: bool = False
    #: the words beside it show what it is (an age after a name): its type
    #: decides its cluster's vote unless a locked mention does
    cued: bool = False
    #: the form of address trimmed off its front ("Mrs."), if any
    address: str | None = None


_LEADING_THE = re.compile(r"the\s+", re.I)
_TRAILING_JUNK = re.compile(r"(?:['’]s|[\s,;:\"'“”‘’])+\Z")
#: Dashes and quotes before a name: a signature line ("-- Harry Milling").
_LEADING_JUNK = re.compile(r"[-–—\"“”‘’(\[]+[^\S\n]*")
_GAP = r"[^\S\n]+"  # spaces that do not cross a line or paragraph break


def _alternation(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TITLE = r"(?:former" + _GAP + r")?(?:" + _alternation(load_words("entities/lexicons/titles.txt")) + r")"
TITLE_RE = re.compile(r"(?<!\w)" + _TITLE + r"(?!\w)", re.I)
_TITLE_AT_START = re.compile(r"\A(" + _TITLE + r")" + _GAP, re.I)
_TITLE_BEFORE = re.compile(r"(?<!\w)(" + _TITLE + r")" + _GAP + r"\Z", re.I)
_HONORIFIC = re.compile(r"\A(?:" + _alternation(load_words("entities/lexicons/honorifics.txt")) + r")"
                        + _GAP, re.I)
#: Score and statistics columns after a name in results tables ("Kersey 63"),
#: and telephone numbers after a desk's name ("London Newsroom +44").
_TRAILING_NUMBERS = re.compile(r"(?:" + _GAP + r"\+?[\d.,/:-]+)+\Z")
#: Two words glued by a lost break: "MinistryOfficial" (lower then upper).
_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})")
_PLACE_TAIL = re.compile(_GAP + r"(?:in|at)" + _GAP + r"(?:the" + _GAP + r")?"
                         r"([A-Z][\w'’-]*(?:" + _GAP + r"[A-Z][\w'’-]*)*)\Z")
_IN_BEFORE = re.compile(r"(?<!\w)(?:in|into|across|from|of)" + _GAP + r"(?:the" + _GAP
                        + r")?\Z", re.I)
_THINGS = ("PRODUCT", "WORK_OF_ART")


def preceding_title(text: str, start: int) -> str | None:
    """A lexicon title written right before ``start`` ("Foreign Minister ")."""
    m = _TITLE_BEFORE.search(text, max(0, start - 80), start)
    return m.group(1) if m else None


def clean_span(text: str, start: int, end: int, label: str) -> Raw | None:
    """Trim determiners, possessives, score columns and (for people) titles."""
    title = address = None
    while True:
        piece = text[start:end]
        if (honorific := _HONORIFIC.match(piece)) is not None:
            address = honorific.group(0).strip()
        m = _LEADING_THE.match(piece) or honorific or _LEADING_JUNK.match(piece)
        t = _TITLE_AT_START.match(piece) if label == "PERSON" else None
        if t and not m:
            title = t.group(1)
        m = m or t
        if not m or m.end() >= len(piece):
            break
        start += m.end()
    for pattern in (_TRAILING_JUNK, _TRAILING_NUMBERS, _TRAILING_JUNK):
        junk = pattern.search(text, start, end)
        end = junk.start() if junk and junk.start() > start else end
    end = _without_common_tail(text, start, end)
    if end <= start or not any(c.isupper() for c in text[start:end]):
        return None
    if label == "PERSON" and TITLE_RE.fullmatch(text, start, end):
        return None
    if label == "PERSON" and title is None:
        title = preceding_title(text, start)
    return Raw(start, end, text[start:end], label, title, label, address=address)


#: Trailing words without a capital ("Interfax news agency", "the Moscow
#: club"): common nouns after the name, never part of it in English copy.
_COMMON_TAIL = re.compile(r"(?:" + _GAP + r"[^\sA-Z]*[a-z][^\sA-Z]*)+\Z")


def _without_common_tail(text: str, start: int, end: int) -> int:
    tail = _COMMON_TAIL.search(text, start, end)
    return tail.start() if tail and tail.start() > start else end


#: What never stands inside one name: a number standing alone ("Haitai 2
#: Samsung" is a results line), a spaced dash ("Lithuania - Danius
#: Gleveckas" is a heading), a bracket ("Quigley ( USA").
_BREAK = re.compile(_GAP + r"(?:[\d.,/:]*\d[\d.,/:]*|-{1,2}|[()\[\]])(?=" + _GAP + r"|\Z)")


def split_at_breaks(raws: list[Raw]) -> list[Raw]:
    """Cut spans at a break no name contains; each piece with a capital
    letter keeps the span's label (clustering and the registry then fix
    the type of each piece on its own)."""
    out = []
    for r in raws:
        cuts = [(m.start(), m.end()) for m in _BREAK.finditer(r.text)]
        if not cuts:
            out.append(r)
            continue
        bounds = [0] + [x for cut in cuts for x in cut] + [len(r.text)]
        for a, b in zip(bounds[::2], bounds[1::2], strict=True):
            piece = r.text[a:b].strip()
            if any(c.isupper() for c in piece):
                a += r.text[a:b].index(piece)
                out.append(Raw(r.start + a, r.start + a + len(piece), piece, r.label,
                               r.title if a == 0 else None, r.model_label))
    return out


_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")


def recut_capitals(raws: list[Raw], text: str, paragraphs: list[tuple[int, int]],
                   keep: Collection[int]) -> list[Raw]:
    """Re-cut spans in all-capitals paragraphs (headlines) by how the rest
    of the article writes each word: the model cannot tell a name from a
    verb there ("MITCHELL DEFEATS BAILEY"). A word stays when the mixed-case
    text writes it capitalised and never in lower case; spans starting at an
    offset in ``keep`` (datelines) stay whole. Only where headlines are the
    minority of paragraphs, so that the body shows how words are written."""
    shouting = [(a, b) for a, b in paragraphs if text[a:b].isupper()]
    if not shouting or 2 * len(shouting) >= len(paragraphs):
        return raws  # capitals are the article's style (a table), not headlines
    capital: set[str] = set()
    lower: set[str] = set()
    for a, b in paragraphs:
        if (a, b) not in shouting:
            for m in _WORD.finditer(text, a, b):
                word = m.group().rstrip(".").casefold()
                (capital if m.group()[0].isupper() else lower).add(word)
    names = capital - lower
    out = []
    for r in raws:
        if r.start in keep or not any(a <= r.start < b for a, b in shouting):
            out.append(r)
            continue
        run: list[re.Match[str]] = []
        for found in [*_WORD.finditer(r.text), None]:
            if found is not None and found.group().rstrip(".").casefold() in names:
                run.append(found)
                continue
            if run:
                a, b = run[0].start(), run[-1].end()
                out.append(Raw(r.start + a, r.start + b, r.text[a:b], r.label, None,
                               r.model_label))
            run = []
    return out


def _next_word(text: str, at: int) -> str:
    """The word starting at ``at`` (a _GLUE cut is always before a capital)."""
    word = re.match(r"\w+", text[at:])
    return word.group() if word else ""


def split_glued(raws: list[Raw], text: str) -> list[Raw]:
    """Cut a span at a glued word ("Foreign MinistryOfficial") when both
    halves also occur as words of their own in the article: evidence that
    the glue is a lost break, not a name spelled that way ("McDonald")."""
    out = []
    for r in raws:
        cut = next((m.start() for m in _GLUE.finditer(r.text)
                    if _is_word_elsewhere(text, r.text[:m.start()].split()[-1])
                    and _is_word_elsewhere(text, _next_word(r.text, m.start()))),
                   None)
        if cut is None:
            out.append(r)
        else:
            out.append(Raw(r.start, r.start + cut, r.text[:cut], r.label, r.title,
                           r.model_label))
    return out


def _is_word_elsewhere(text: str, word: str) -> bool:
    return re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", text, re.I) is not None


def split_place_tail(raws: list[Raw], is_place) -> list[Raw]:
    """"the SCO Ministerial Council in Tashkent" -> the council, and the
    place, when the tail after "in"/"at" is a known place."""
    out = []
    for r in raws:
        m = _PLACE_TAIL.search(r.text) if r.label not in ("GPE", "LOC") else None
        if m is None or not is_place(m.group(1)):
            out.append(r)
            continue
        out.append(Raw(r.start, r.start + m.start(), r.text[:m.start()], r.label, r.title,
                       r.model_label))
        out.append(Raw(r.start + m.start(1), r.end, m.group(1), "GPE", None, r.model_label))
    return out


_REGION_AFTER = re.compile(r"[^\S\n]+(?:region|province|oblast|valley|basin|peninsula)\b", re.I)
_THE_BEFORE = re.compile(r"\bthe[^\S\n]+\Z", re.I)


def things_in_places(raws: list[Raw], text: str) -> None:
    """A "product" or "work" named after "in (the)" is where something
    happens ("genocide in the Donbass"), and any name between "the" and a
    word like "region" is a region ("the Donbass region", whatever the
    model called it): retype both as places."""
    for r in raws:
        happens_in = r.label in _THINGS and _IN_BEFORE.search(text, max(0, r.start - 12), r.start)
        named_region = (r.label not in ("GPE", "LOC", "FAC") and _REGION_AFTER.match(text, r.end)
                        and _THE_BEFORE.search(text, max(0, r.start - 5), r.start))
        if happens_in or named_region:
            r.label = "LOC"


#: Role nouns an appositive name follows ("his Swiss counterpart, Claudia
#: Brunner"): the name is a person whatever the model called it.
_ROLE_BEFORE = re.compile(r"(?<!\w)(?:" + _TITLE + r"|counterpart|colleague|successor|predecessor"
                          r"|deputy|aide|envoy|wife|husband|widow|son|daughter),[^\S\n]*\Z", re.I)


def people_after_roles(raws: list[Raw], text: str) -> None:
    """Retype an organisation named right after a person's role and a comma
    as a person ("the minister's counterpart, Claudia Brunner")."""
    for r in raws:
        if r.label == "ORG" and " " in r.text and _ROLE_BEFORE.search(
                text, max(0, r.start - 40), r.start):
            r.label = "PERSON"


#: An all-capitals word after a name in one span is where a byline starts
#: ("Anna Berger EU Trade Commissioner"): names carry no such word.
_ACRONYM = re.compile(r"[A-Z]{2,5}\Z")


def split_acronym_tail(raws: list[Raw]) -> list[Raw]:
    """Cut a person span at an all-capitals word after a written-out name of
    two or more words ("Anna Berger EU" -> "Anna Berger" and "EU"); names
    in all-capitals headlines are left alone."""
    out = []
    for r in raws:
        words = r.text.split(" ")
        cut = next((i for i, w in enumerate(words) if i >= 2 and _ACRONYM.match(w)), None)
        if r.label != "PERSON" or cut is None or any(_ACRONYM.match(w) for w in words[:cut]):
            out.append(r)
            continue
        out += _person_and_rest(r, " ".join(words[:cut]), "ORG")
    return out


def _person_and_rest(r: Raw, name: str, rest_label: str) -> list[Raw]:
    """``r`` cut after its leading ``name``: the person, then the rest of the
    span (a byline's organisation) as ``rest_label`` if it is capitalised."""
    out = [Raw(r.start, r.start + len(name), name, "PERSON", r.title, r.model_label)]
    rest = r.text[len(name):]
    if rest.strip()[:1].isupper():
        start = r.start + len(name) + len(rest) - len(rest.lstrip())
        out.append(Raw(start, r.end, rest.strip(), rest_label, None, r.model_label))
    return out


def split_known_people(raws: list[Raw]) -> list[Raw]:
    """Split "Ned Price US State Department" when it starts with a full name
    that is tagged PERSON elsewhere: the model glues bylines to names."""
    # Longest first, and sorted, so the split never depends on set order.
    people = sorted({r.text for r in raws if r.label == "PERSON" and " " in r.text},
                    key=lambda p: (-len(p), p))
    out = []
    for r in raws:
        name = next((p for p in people if r.text.startswith(p + " ")), None)
        if name is None:
            out.append(r)
            continue
        out += _person_and_rest(r, name, r.label)
    return out


def in_attribution_tail(doc: Doc, start: int, end: int) -> bool:
    """True for a name in a verbless run that ends its paragraph without a
    full stop ("... one of these days Ned Price US State Department
    official"): a title written before such a name belongs to the quote."""
    text = doc.text
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end == -1 else para_end
    if text[start:para_end].rstrip()[-1:] in ".!?\"”’'":
        return False
    tail = doc.char_span(end, para_end, alignment_mode="expand")
    return tail is not None and not any(t.pos_ in ("VERB", "AUX") for t in tail)
