"""Who a speaker named by a pronoun or a description is, within the article.

"He said", "the ministry said", "the diplomat added": a statement should
name the person or organisation meant, not the word that stood for it. The
candidates are the article's entities before the attribution, of a kind the
phrase allows (a person agreeing in gender for "he" and "she", an
organisation or a state for "it" and "they", the kind of the head noun for
a description, learned from PolNeAR train); a description goes to an
entity whose title or name has its head noun where there is one ("the
minister" -> the Foreign Minister, "the fund" -> the International
Monetary Fund), however far back. Names inside a
quotation never count: the people a speaker talks about are not who is
speaking.

Which candidate wins is learned, not ordered by hand: each is described by
what the article said of it so far (how far back and how often it was
mentioned, whether as a subject, a subject of a reporting verb or a
speaker, whether it has a title) and scored by
:mod:`pipeline.nlp.entities.speaker_ranker`, whose weights come from
PolNeAR train.

Statements are resolved in text order, so a pronoun speaker resolved once
is a speaker for the next "he said".
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.nlp.entities.gender import PRONOUN_GENDER, word_gender
from pipeline.nlp.entities.resolve import ORG_NOUNS, PERSON_NOUNS, EntityIndex
from pipeline.nlp.entities.speaker_ranker import History, Ranker, features, nobody_features
from pipeline.nlp.lexicon import load_lines, load_words
from pipeline.records import Entity, Speaker

#: The entity types each pronoun may stand for.
PRONOUN_TYPES = {"he": ("PERSON",), "she": ("PERSON",), "it": ("ORG", "GPE"),
                 "they": ("ORG", "GPE", "NORP")}
#: head noun -> entity types it may stand for ("the ministry" -> ORG).
#: Learned from PolNeAR train (the lexicon says how), with the hand-made
#: heads that resolve.py knows.
HEAD_TYPES = {row[0]: tuple(row[1].upper().split(","))
              for row in load_lines("entities/lexicons/speaker_heads.tsv")}
#: Heads that stand for nobody the article names ("the statement", "the
#: poll"): such a speaker stays as written rather than go to whoever came last.
NOBODY_HEADS = frozenset(head for head, types in HEAD_TYPES.items() if types == ("NONE",))
for _noun in ORG_NOUNS:
    HEAD_TYPES.setdefault(_noun, ("ORG",))
for _noun in PERSON_NOUNS:
    HEAD_TYPES.setdefault(_noun, ("PERSON",))
_DEFINITE = frozenset({"the", "this", "that"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: A subject of one of these verbs reports something, even where no
#: statement was extracted: the likeliest "he" of the next sentence.
_REPORTING = load_words("statements/lexicons/reporting_verbs.txt")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Mention:
    start: int
    entity: Entity
    subject: bool = False
    reporting: bool = False      # the subject of a reporting verb
    #: where the entity spoke (a named or resolved speaker), not a mention
    speaker: bool = False


def anaphor_head(doc: Doc, start: int, end: int, index: EntityIndex) -> Token | None:
    """The head of a speaker phrase that needs resolving: a third-person
    pronoun, or a singular definite description with no name in it but a
    party's or a nation's ("the Republican nominee", "the French
    president": a name of any other kind names the speaker itself)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    hits = index.within(span.start_char, span.end_char) + [
        hit for hit in [index.covering(start, end)] if hit is not None]
    if any(hit.entity is None or hit.entity.type != "NORP" or hit.start <= head.idx < hit.end
           for hit in hits):
        return None
    if head.lower_ in PRONOUN_TYPES:
        return head
    if head.pos_ != "NOUN" or head.tag_ == "NNS":
        return None
    det = [c for c in head.children if c.dep_ in ("det", "poss")]
    if not det or det[0].lower_ not in _DEFINITE or head.lemma_.lower() in NOBODY_HEADS:
        return None
    return head


class Antecedents:
    """The article's candidate antecedents, outside quotations, in order."""

    def __init__(self, doc: Doc, index: EntityIndex, quoted: list[tuple[int, int]]) -> None:
        self.doc, self.index = doc, index
        self.ranker = _learned_ranker()
        self.mentions = [self._mention(s, e, ent) for s, e, ent in index.spans
                         if not _inside(s, quoted)]
        self.speakers: list[Mention] = []
        self.sent_starts = [sent.start_char for sent in doc.sents]

    def _mention(self, start: int, end: int, entity: Entity) -> Mention:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return Mention(start, entity)
        root = span.root
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            root = root.head  # "announced by Putin": the passive's agent is its subject
        elif root.dep_ not in _SUBJECT_DEPS:
            return Mention(start, entity)
        reporting = root.head.lemma_.lower() in _REPORTING
        return Mention(start, entity, subject=True, reporting=reporting)

    def add_speaker(self, start: int, entity: Entity) -> None:
        """A speaker (named or resolved) is salient where it spoke."""
        bisect.insort(self.speakers, Mention(start, entity, speaker=True), key=lambda m: m.start)

    def resolve(self, head: Token) -> Entity | None:
        """The entity ``head`` (from :func:`anaphor_head`) stands for: the
        candidate the ranker scores highest, the latest mentioned on a tie;
        None when no candidate outscores the choice of nobody."""
        kind = anaphor_kind(head)
        found = self.candidates(head)
        if not found:
            return None
        best, _, entity = max(((self.ranker.score(features(kind, h)), -h.rank, entity)
                               for entity, h in found), key=lambda c: (c[0], c[1]))
        nobody = self.ranker.score(nobody_features(head.lower_, kind, len(found)))
        return entity if best >= nobody else None

    def candidates(self, head: Token) -> list[tuple[Entity, History]]:
        """The entities ``head`` may stand for, with what the article said
        of each before it: for a description, those whose title or name
        has the noun if there are any; else the kinds the pronoun or noun
        allows, agreeing in gender."""
        described = anaphor_kind(head) == "desc"
        noun = head.lemma_.lower() if described else head.lower_
        types, gender = ((HEAD_TYPES.get(noun, ()), word_gender(noun)) if described
                         else (PRONOUN_TYPES[noun], PRONOUN_GENDER.get(noun)))
        pos = head.idx
        seen: dict[str, _Seen] = {}
        for m in _between(self.mentions, 0, pos) + _between(self.speakers, 0, pos):
            seen.setdefault(m.entity.id, _Seen(m.entity)).add(m)
        # "the minister" is one whose title says so, however far back
        fitting = [s for s in seen.values() if described and _names_noun(s.entity, noun)]
        fitting = fitting or [s for s in seen.values()
                              if s.entity.type in types and self._agrees(s.entity, gender)]
        if not fitting:
            return []
        sent = self._sentence(pos)
        # negated, ascending: bisect gives how many candidates came since
        since = sorted(-s.latest for s in fitting)
        spoke_since = sorted(-s.spoke for s in fitting if s.spoke is not None)
        back = lambda p: None if p is None else sent - self._sentence(p)  # noqa: E731
        return [(s.entity, History(
            sentences_back=sent - self._sentence(s.latest),
            rank=bisect.bisect_left(since, -s.latest),
            mentions=s.count,
            subject_back=back(s.subject),
            reported_back=back(s.reported),
            speaker_back=back(s.spoke),
            speaker_rank=None if s.spoke is None else bisect.bisect_left(spoke_since, -s.spoke),
            has_title=bool(s.entity.title),
            etype=s.entity.type,
            first_sentence=self._sentence(s.first),
        )) for s in fitting]

    def _sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def _agrees(self, entity: Entity, gender: str | None) -> bool:
        return gender is None or self.index.gender(entity, self.doc) in (None, gender)


class _Seen:
    """One entity's mentions and speeches before an anaphor, folded."""

    def __init__(self, entity: Entity) -> None:
        self.entity = entity
        self.count, self.first, self.latest = 0, 1 << 62, -1
        self.subject: int | None = None
        self.reported: int | None = None
        self.spoke: int | None = None

    def add(self, m: Mention) -> None:
        self.latest = max(self.latest, m.start)
        self.first = min(self.first, m.start)
        if m.speaker:
            self.spoke = max(self.spoke or -1, m.start)
            return
        self.count += 1
        if m.subject:
            self.subject = max(self.subject or -1, m.start)
        if m.reporting:
            self.reported = max(self.reported or -1, m.start)


def _names_noun(entity: Entity, noun: str) -> bool:
    """"the minister" -> the Foreign Minister, "the fund" -> the IMF's name."""
    return noun in _WORD.findall(f"{entity.title or ''} {entity.name}".lower())


def anaphor_kind(head: Token) -> str:
    """"pron" for a pronoun speaker (:data:`PRONOUN_TYPES`), "desc" for a description."""
    return "pron" if head.lower_ in PRONOUN_TYPES else "desc"


@functools.cache
def _learned_ranker() -> Ranker:
    return Ranker.learned()


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
