"""Speaker scoring, and the reference for speakers named by a pronoun or a description.

PolNeAR marks the words that name a source ("he", "the official", "the
ministry") but has no coreference. A statement whose source is such a
phrase should name the person or organisation it refers to, so the
evaluation needs that referent. It is built here from the gold alone plus
the parse of the spaCy model (fixed by its pinned version, apart from our
entity extractor, so improving extraction cannot move the reference):

- A gold Source is *anaphoric* when none of its words is a proper noun
  (tag NNP or NNPS) and it is a third-person pronoun ("he", "she", "it",
  "they") or a definite noun phrase (first word "the", "this" or "that").
  A Source with a proper noun is *named*; the rest ("a source",
  "officials", "I") are indefinite or first person and have no referent.
- Its *referent* is found walking back over the article's earlier gold
  Sources (by start; one that starts at the same character is the same
  source of another content, and is skipped):
  - a pronoun skips earlier pronouns, and named Sources of the wrong kind
    ("he"/"she" need a Source with a PERSON entity in the parse, or whose
    last word is the last word of a PERSON entity elsewhere in the article
    (the model tags a bare "Fowler" ORG after "Don Fowler"), "it" one with
    an ORG, GPE or NORP entity; "he" skips a Source whose last
    given name (of ``given_names.tsv``, learned from train) is a woman's,
    "she" one whose is a man's);
  - a description first looks for an earlier Source with the same head
    (last) word ("the source" ... "another source"), else takes the
    nearest earlier Source that is named or anaphoric;
  - the Source reached gives the referent: its own text when it names the
    speaker (its root, or an apposition to it, is a proper noun); its
    referent (computed the same way) when it is anaphoric or a definite
    description whose proper nouns only modify ("The GOP nominee"; its own
    text if that finds nothing); none when it is indefinite (an unnamed
    source stays unnamed), as when nothing is reached. A pronoun walks on
    past a Source whose referent is of the wrong kind.
- *resolved speaker accuracy*: over matched pairs whose gold Source is
  anaphoric and has a referent, the share whose predicted speaker name's
  last word is a word of the referent ("Blinken" in "Antony Blinken").
  A pronoun or description left as the speaker's name is wrong unless its
  last word is the referent's (it never is for a pronoun). It is also
  given apart for pronoun Sources (*pronoun speaker accuracy*) and the rest
  (*description speaker accuracy*): for descriptions the reference is far
  rougher (the nearest earlier Source: "the senator" after "Maddow said").

The reference is approximate: the referent may be introduced outside any
gold Source, and then the nearest named Source is another speaker.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.nlp.entities.gender import is_given_name
from pipeline.nlp.lexicon import load_lines

GIVEN_NAMES = {row[0]: row[1] for row in load_lines("entities/lexicons/given_names.tsv")}

PRONOUNS = frozenset({"he", "she", "it", "they"})
DEFINITE = frozenset({"the", "this", "that"})
_GENDERS = {"he": "m", "she": "f"}
_KIND_ENTS = {"he": {"PERSON"}, "she": {"PERSON"}, "it": {"ORG", "GPE", "NORP"}}
_WORD = re.compile(r"\w+")
#: Referents read off the articles by people (see the file's header).
HAND_REFERENTS = Path(__file__).parent / "data" / "polnear_referents.tsv"


@dataclass(frozen=True)
class HandReferent:
    """Who an anaphoric gold Source refers to, as annotated by hand."""

    #: the referent's names (several for "they" = two named people);
    #: empty when the article names nobody (an anonymous official, a report)
    names: tuple[str, ...]
    sure: bool


@functools.cache
def hand_referents() -> dict[tuple[str, int, int], HandReferent]:
    """(article, first start, last end of the Source) -> its hand referent."""
    out = {}
    for line in HAND_REFERENTS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        article, where, _phrase, referent, certainty = line.split("\t")[:5]
        lo, hi = (int(x) for x in where.split("-"))
        names = () if referent == "-" else tuple(n.strip() for n in referent.split("|"))
        out[(article, lo, hi)] = HandReferent(names, certainty == "sure")
    return out


def hand_referent(article: str, source: list[tuple[int, int]]) -> HandReferent | None:
    """The hand referent of a gold Source, if it was annotated."""
    if not source:
        return None
    return hand_referents().get((article, min(lo for lo, _ in source), max(hi for _, hi in source)))


class SourceInfo:
    """A gold Source with what the parse says of it."""

    def __init__(self, parsed, text: str, ranges: list[tuple[int, int]],
                 surnames: frozenset[str] = frozenset()) -> None:
        self.start = min(lo for lo, _ in ranges)
        self.text = " ".join(text[lo:hi] for lo, hi in sorted(ranges))
        self.words = [w.lower() for w in _WORD.findall(self.text)]
        tokens = [t for lo, hi in ranges
                  for t in (parsed.char_span(lo, hi, alignment_mode="expand") or [])]
        inside = {t.i for t in tokens}
        roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        self.named = any(t.tag_ in ("NNP", "NNPS") for t in tokens)
        proper = lambda t: t.tag_ in ("NNP", "NNPS")  # noqa: E731
        # "The GOP nominee" names a party, not the speaker: a description
        self.described = self.named and not any(
            proper(r) or any(c.dep_ == "appos" and proper(c) for c in r.children) for r in roots)
        self.ents = {t.ent_type_ for t in tokens if t.ent_type_}
        if self.named and self.words and self.words[-1] in surnames:
            self.ents.add("PERSON")
        #: the entity label of the phrase's head ("Rendell, a Clinton
        #: surrogate": PERSON; "The Obama administration": none)
        self.kind = next((t.ent_type_ for t in roots if t.ent_type_), None)
        #: the lemma of a common-noun head ("ministry"), else None
        self.head = roots[0].lemma_.lower() if roots and roots[0].pos_ == "NOUN" else None
        first = self.words[0] if self.words else ""
        self.pronoun = not self.named and len(self.words) == 1 and first in PRONOUNS
        self.anaphoric = self.pronoun or (not self.named and first in DEFINITE
                                          and len(self.words) > 1)

    @property
    def definite(self) -> bool:
        return bool(self.words) and self.words[0] in DEFINITE

    def fits(self, pronoun: str) -> bool:
        wanted = _KIND_ENTS.get(pronoun)
        if wanted is not None and not self.ents & wanted:
            return False
        given = next((GIVEN_NAMES[w] for w in reversed(self.words) if w in GIVEN_NAMES), None)
        return given is None or pronoun not in _GENDERS or _GENDERS[pronoun] == given


def referents(parsed, text: str, sources: list[list[tuple[int, int]]]) -> list[str | None]:
    """The referent text of each gold Source (None when it has none or is
    not anaphoric), in the order given."""
    return [None if r is None else r.text for r in referent_sources(parsed, text, sources)]


def person_surnames(parsed) -> frozenset[str]:
    """Last words of the article's PERSON entities in the parse."""
    return frozenset(_WORD.findall(e.text.lower())[-1] for e in parsed.ents
                     if e.label_ == "PERSON" and _WORD.search(e.text))


def referent_sources(parsed, text: str,
                     sources: list[list[tuple[int, int]]]) -> list[SourceInfo | None]:
    """The named Source each gold Source refers to, as :func:`referents`."""
    surnames = person_surnames(parsed)
    infos = [SourceInfo(parsed, text, s, surnames) if s else None for s in sources]
    ordered = sorted((info for info in infos if info), key=lambda info: -info.start)
    memo: dict[int, SourceInfo | None] = {}

    def referent(info: SourceInfo) -> SourceInfo | None:
        """The named Source an anaphoric (or described) one stands for."""
        if id(info) not in memo:
            earlier = [e for e in ordered if e.start < info.start]
            memo[id(info)] = _walk(info, earlier, referent)
        return memo[id(info)]

    return [referent(info) if info is not None and info.anaphoric else None for info in infos]


def _walk(info: SourceInfo, earlier: list[SourceInfo], referent) -> SourceInfo | None:
    """The named Source that ``info`` refers to, walking back (see the
    module docstring), or None."""
    if info.pronoun:
        pronoun = info.words[0]
        for e in earlier:
            if e.pronoun:
                continue
            target = _named(e, referent)
            if target is None or target.fits(pronoun):
                return target
        return None
    head = info.words[-1]
    reached = next((e for e in earlier if e.words and e.words[-1] == head), None)
    if reached is None:
        reached = next((e for e in earlier if e.named or e.anaphoric), None)
    return None if reached is None else _named(reached, referent)


def _named(reached: SourceInfo, referent) -> SourceInfo | None:
    """What a reached Source gives: itself when it names the speaker, its
    referent when it is anaphoric or a definite description with a proper
    modifier ("The GOP nominee", itself when that finds nothing), None when
    it is indefinite ("a source": an unnamed speaker stays unnamed)."""
    if reached.anaphoric:
        return referent(reached)
    if reached.described and reached.definite:
        return referent(reached) or reached
    return reached if reached.named else None


def same_referent(name: str, referent: str) -> bool:
    """A name's last word is a word of the referent ("Blinken" in "Antony
    Blinken", "Trump" in "Trump campaign"), and where both are a given name
    and that surname, the given names agree ("Bill Clinton" is not "Hillary
    Clinton"; "President Obama" is "Barack Obama")."""
    words, ref = _WORD.findall(name.lower()), _WORD.findall(referent.lower())
    if not words or words[-1] not in ref:
        return False
    return not (len(words) > 1 and len(ref) > 1 and words[-1] == ref[-1] and words[0] != ref[0]
                and is_given_name(words[0]) and is_given_name(ref[0]))


def resolved_right(statement, referent: str) -> bool:
    """The predicted speaker is the referent (:func:`same_referent`)."""
    return statement.speaker is not None and same_referent(statement.speaker.name, referent)


def speaker_right(statement, text: str, source: list[tuple[int, int]]) -> bool:
    """*speaker accuracy* of tests.eval.polnear: span overlap, else head-word match."""
    span = statement.speaker_span
    if span is not None and any(span.start < hi and lo < span.end for lo, hi in source):
        return True
    if statement.speaker is None or not statement.speaker.name.split():
        return False
    head = _WORD.findall(statement.speaker.name.lower())
    gold_words = {w for lo, hi in source for w in _WORD.findall(text[lo:hi].lower())}
    return bool(head) and head[-1] in gold_words


def names_nobody_else(statement, text: str, source: list[tuple[int, int]]) -> bool:
    """The statement does not name someone for a Source that names nobody:
    no speaker, no entity, or the phrase itself ("the report")."""
    speaker = statement.speaker
    if speaker is None or speaker.entity_id is None:
        return True
    head = _WORD.findall(speaker.name.lower())
    gold_words = {w for lo, hi in source for w in _WORD.findall(text[lo:hi].lower())}
    return not head or head[-1] in gold_words


def count_speaker(tally, statement, parsed, text: str, source, referent,
                  hand: HandReferent | None = None) -> None:
    """Speaker figures of one matched pair whose gold has a Source.
    ``hand``, where the Source was annotated, replaces ``referent`` (the
    walk's) as the reference."""
    loose = speaker_right(statement, text, source)
    tally.speaker_total += 1
    tally.speaker_ok += loose
    strict = loose
    info = SourceInfo(parsed, text, source)
    if hand is not None:
        if hand.sure and hand.names:
            strict = any(resolved_right(statement, name) for name in hand.names)
            add(tally.speakers, "resolved", strict)
            add(tally.speakers, "pronoun" if info.pronoun else "description", strict)
        elif hand.sure:
            strict = names_nobody_else(statement, text, source)
            add(tally.speakers, "unnamed", strict)
    elif referent is not None:
        strict = resolved_right(statement, referent)
        add(tally.speakers, "resolved", strict)
        add(tally.speakers, "pronoun" if info.pronoun else "description", strict)
    elif info.named:
        add(tally.speakers, "named", loose)
    add(tally.speakers, "strict", strict)


def add(groups: dict, group: str, hit: bool) -> None:
    """Count one hit or miss in ``groups[group]`` ([right, total])."""
    pair = groups.setdefault(group, [0, 0])
    pair[0] += hit
    pair[1] += 1
