"""Who a speaker named by a pronoun or a description is, within the article.

"He said", "the ministry said", "the diplomat added": a statement should
name the person or organisation meant, not the word that stood for it. The
candidates are the article's entities before the attribution, of a kind the
phrase allows (a person agreeing in gender for "he" and "she", an
organisation or a state for "it" and "they", the kind of the head noun for
a description, learned from PolNeAR train). Going back sentence by
sentence, the most salient wins: the latest one already a speaker (news
names a speaker, then goes on with "he said"), else the latest in subject
position, else the latest mentioned. Names inside a quotation never count:
the people a speaker talks about are not who is speaking. A description first looks for
an entity whose title or name has its head noun ("the minister" -> the
Foreign Minister, "the fund" -> the International Monetary Fund), and is
never the one who reports the clause it stands in ("Okafor said the
government intends ...").

Statements are resolved in text order, so a pronoun speaker resolved once
is the salient speaker for the next "he said".
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.nlp.entities.gender import PRONOUN_GENDER, word_gender
from pipeline.nlp.entities.resolve import ORG_NOUNS, PERSON_NOUNS, EntityIndex
from pipeline.nlp.lexicon import load_lines
from pipeline.records import Entity, Speaker

#: The entity types each pronoun may stand for.
PRONOUN_TYPES = {"he": ("PERSON",), "she": ("PERSON",), "it": ("ORG", "GPE"),
                 "they": ("ORG", "GPE", "NORP")}
#: head noun -> entity types it may stand for ("the ministry" -> ORG).
#: Learned from PolNeAR train (the lexicon says how), with the hand-made
#: heads that resolve.py knows.
HEAD_TYPES = {row[0]: tuple(row[1].upper().split(","))
              for row in load_lines("entities/lexicons/speaker_heads.tsv")}
for _noun in ORG_NOUNS:
    HEAD_TYPES.setdefault(_noun, ("ORG",))
for _noun in PERSON_NOUNS:
    HEAD_TYPES.setdefault(_noun, ("PERSON",))
#: How many sentences back any mention may be the antecedent; beyond, only
#: a subject or a speaker.
SENTENCES_BACK = 4
_DEFINITE = frozenset({"the", "this", "that"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Mention:
    start: int
    entity: Entity
    #: a speaker already: within one sentence it goes before a subject
    #: ("McLenney said Clinton doesn't show ..." then "she said": McLenney)
    speaker: bool = False


def anaphor_head(doc: Doc, start: int, end: int, index: EntityIndex) -> Token | None:
    """The head of a speaker phrase that needs resolving: a third-person
    pronoun, or a singular definite description with no name in it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or index.within(span.start_char, span.end_char) or index.covering(start, end):
        return None
    head = span.root
    if head.lower_ in PRONOUN_TYPES:
        return head
    if head.pos_ != "NOUN" or head.tag_ == "NNS":
        return None
    det = [c for c in head.children if c.dep_ in ("det", "poss")]
    return head if det and det[0].lower_ in _DEFINITE else None


class Antecedents:
    """The article's candidate antecedents, outside quotations, in order."""

    def __init__(self, doc: Doc, index: EntityIndex, quoted: list[tuple[int, int]]) -> None:
        self.doc, self.index = doc, index
        outside = [(s, e, ent) for s, e, ent in index.spans if not _inside(s, quoted)]
        self.mentions = [Mention(s, ent) for s, _, ent in outside]
        self.salient = [Mention(s, ent) for s, e, ent in outside if self._is_subject(s, e)]
        self.sent_starts = [sent.start_char for sent in doc.sents]

    def _is_subject(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and span.root.dep_ in _SUBJECT_DEPS

    def add_speaker(self, start: int, entity: Entity) -> None:
        """A resolved speaker is salient where it was named."""
        bisect.insort(self.salient, Mention(start, entity, True), key=lambda m: m.start)

    def resolve(self, head: Token) -> Entity | None:
        """The entity ``head`` (from :func:`anaphor_head`) stands for."""
        if head.lower_ in PRONOUN_TYPES:
            return self._latest(head.idx, PRONOUN_TYPES[head.lower_], PRONOUN_GENDER.get(head.lower_))
        return self._described(head)

    def _described(self, head: Token) -> Entity | None:
        noun = head.lemma_.lower()
        before = self.mentions[:bisect.bisect_left(self.mentions, head.idx, key=lambda m: m.start)]
        for m in reversed(before):  # "the minister" -> whoever's title or name has the noun
            words = _WORD.findall(f"{m.entity.title or ''} {m.entity.name}".lower())
            if noun in words:
                return m.entity
        types = HEAD_TYPES.get(noun)
        if not types:
            return None
        return self._latest(head.idx, types, word_gender(noun), self._reporters(head))

    def _reporters(self, head: Token) -> frozenset[str]:
        """Who reports the clause a description speaks in ("Okafor said the
        government intends ..."): not whom the description means."""
        ids = set()
        for verb in list(head.ancestors)[1:]:
            for subj in (c for c in verb.children if c.dep_ in _SUBJECT_DEPS):
                hit = self.index.covering(subj.idx, subj.idx + len(subj))
                if hit is not None:
                    ids.add(hit.known.id)
        return frozenset(ids)

    def _latest(self, pos: int, types: tuple[str, ...], gender: str | None,
                skip: frozenset[str] = frozenset()) -> Entity | None:
        """Sentence by sentence back from ``pos``: the latest fitting speaker,
        else subject, else the latest fitting mention ("It was announced by
        Putin. He said ..."); past :data:`SENTENCES_BACK`, the latest
        fitting subject or speaker anywhere before."""
        fits = lambda m: (m.entity.type in types and m.entity.id not in skip  # noqa: E731
                          and self._agrees(m.entity, gender))
        sent = bisect.bisect_right(self.sent_starts, pos) - 1
        for back in range(sent, max(-1, sent - SENTENCES_BACK), -1):
            lo = self.sent_starts[back]
            for pool in (self.salient, self.mentions):
                hits = list(filter(fits, _between(pool, lo, pos)))
                if hits:
                    return max(hits, key=lambda m: (m.speaker, m.start)).entity
            pos = lo
        hit = next(filter(fits, reversed(_between(self.salient, 0, pos))), None)
        return hit.entity if hit is not None else None

    def _agrees(self, entity: Entity, gender: str | None) -> bool:
        return gender is None or self.index.gender(entity, self.doc) in (None, gender)


def name_speakers(doc: Doc, found: list, index: EntityIndex,
                  quoted: list[tuple[int, int]]) -> None:
    """Give every statement (``Found``) whose speaker span is a pronoun or
    a description the entity it refers to, in text order, so each resolved
    speaker is a candidate for the next."""
    antecedents = Antecedents(doc, index, quoted)
    by_id = {e.id: e for e in index.entities}
    named: dict[tuple[int, int], Speaker | None] = {}
    for f in sorted((f for f in found if f.speaker_span), key=lambda f: f.speaker_span.start):
        where = (f.speaker_span.start, f.speaker_span.end)
        if where not in named:
            speaker = named[where] = _speaker(doc, where, index, antecedents) or f.speaker
            entity = by_id.get(speaker.entity_id or "") if speaker else None
            if entity is not None:
                antecedents.add_speaker(where[0], entity)
        f.speaker = named[where]


def _speaker(doc: Doc, where: tuple[int, int], index: EntityIndex,
             antecedents: Antecedents) -> Speaker | None:
    head = anaphor_head(doc, *where, index)
    entity = antecedents.resolve(head) if head is not None else None
    return None if entity is None else Speaker(entity.id, entity.name, entity.title)


def _between(pool: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The mentions of ``pool`` (sorted) that start in [lo, hi)."""
    first = bisect.bisect_left(pool, lo, key=lambda m: m.start)
    return pool[first:bisect.bisect_left(pool, hi, key=lambda m: m.start)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, pos, key=lambda s: s[0]) - 1
    return i >= 0 and pos < spans[i][1]
