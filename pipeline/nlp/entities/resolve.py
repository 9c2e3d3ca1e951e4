"""From tokens of the parse to the article's entities.

Statements and events both need to say *which entity* a subject, object or
speaker is. This module answers that one question: an NER mention covering
the token, a name inside its phrase, a pronoun resolved to the latest
person in subject position, or a definite description ("the ministry", "the
foreign minister") resolved to the nearest compatible entity.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.nlp.entities.gender import PRONOUN_GENDER, genders
from pipeline.records import Entity, EntityRef

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Heads of definite descriptions that refer back to an organisation.
ORG_NOUNS = frozenset({"ministry", "department", "agency", "company", "firm", "committee",
                       "council", "party", "office", "organization", "organisation",
                       "embassy", "court", "bank", "group", "union", "alliance"})
#: Heads of definite descriptions that refer back to a person.
PERSON_NOUNS = frozenset({"diplomat", "official", "minister", "spokesman", "spokeswoman",
                          "spokesperson", "president", "leader", "secretary", "ambassador",
                          "envoy", "chancellor", "senator", "governor", "mayor", "chief",
                          "head", "premier", "politician", "lawmaker", "prosecutor"})
_DEFINITE = frozenset({"the", "this", "that"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "pobj"})


@dataclass(frozen=True)
class Hit:
    """An entity and the characters that evidence it (mention or phrase)."""
    entity: Entity | None
    start: int
    end: int
    text: str

    @property
    def known(self) -> Entity:
        """The entity of a hit that names one, as every hit the index makes
        of a mention does (only a phrase resolved to nothing has none)."""
        if self.entity is None:
            raise ValueError(f"no entity behind {self.text!r}")
        return self.entity


def ref(hit: Hit) -> EntityRef:
    if hit.entity is None:
        return EntityRef(entity_id=None, name=hit.text, type=None)
    return EntityRef(entity_id=hit.entity.id, name=hit.entity.name, type=hit.entity.type)


class EntityIndex:
    """The article's mentions sorted by offset, for lookups by position."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.spans = sorted(((m.start, m.end, e) for e in entities for m in e.mentions),
                            key=lambda span: span[:2])
        self.starts = [s for s, _, _ in self.spans]
        self._genders: dict[str, str] | None = None

    def gender(self, entity: Entity, doc: Doc) -> str | None:
        """"m", "f" or None (unknown) for a person; computed once per article
        (Doc.text rebuilds the whole string, so it is read only then)."""
        if self._genders is None:
            self._genders = genders(doc.text, self.spans)
        return self._genders.get(entity.id)

    def covering(self, start: int, end: int) -> Hit | None:
        """The mention overlapping [start, end), if any."""
        i = bisect.bisect_right(self.starts, start)
        for s, e, ent in self.spans[max(0, i - 3):i + 3]:
            if s < end and start < e:
                return Hit(ent, s, e, ent.name)
        return None

    def within(self, start: int, end: int) -> list[Hit]:
        i = bisect.bisect_left(self.starts, start)
        return [Hit(ent, s, e, ent.name) for s, e, ent in self.spans[i:]
                if s < end and e <= end]

    def before(self, pos: int, etype: str) -> list[Hit]:
        """Mentions of one type ending before ``pos``, nearest first."""
        i = bisect.bisect_left(self.starts, pos)
        return [Hit(ent, s, e, ent.name) for s, e, ent in reversed(self.spans[:i])
                if ent.type == etype and e <= pos]


def _token_hit(tok: Token, index: EntityIndex) -> Hit | None:
    return index.covering(tok.idx, tok.idx + len(tok))


#: Relations through which a phrase describes the subject rather than
#: naming someone else ("X is the leader", "X, the leader").
_PREDICATIVE = frozenset({"attr", "appos", "acomp", "oprd"})
#: Subject relations whose referent a phrase below may not be.
_BINDING_DEPS = frozenset({"nsubj", "nsubjpass"})


def _ids_named(heads: list[Token], index: EntityIndex) -> set[str]:
    """Entities whose mentions cover the heads."""
    return {hit.known.id for h in heads if (hit := _token_hit(h, index)) is not None}


def _subjects_of(node: Token, index: EntityIndex, below: Token) -> set[str]:
    """Entities named by the subjects of ``node`` (and a noun's owner), but
    not by the child ``below`` that the bound phrase lies in."""
    return _ids_named([c for c in node.children if c.i != below.i and (
        c.dep_ in _BINDING_DEPS or (c.dep_ == "poss" and node.pos_ == "NOUN"))], index)


def _local_binders(tok: Token, index: EntityIndex) -> set[str]:
    """Whom an object pronoun cannot be: the subject of its own clause, or
    the controller of an infinitive with none ("X refused to meet him")."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
        verb = verb.head  # "spoke to him"
    ids = _subjects_of(verb, index, below=tok)
    if not ids and verb.dep_ == "xcomp":
        objects = [c for c in verb.head.children if c.dep_ == "dobj"]
        controller = objects[:1] or [c for c in verb.head.children if c.dep_ in _BINDING_DEPS]
        ids = _ids_named(controller, index)
    return ids


def _commanding(tok: Token, index: EntityIndex) -> set[str]:
    """Whom a description cannot be: any subject or owner above it ("X
    said the president erred" is not about X), up to a phrase that
    describes a subject ("X is the leader of ...")."""
    ids: set[str] = set()
    node = tok
    while node.head.i != node.i and node.dep_ not in _PREDICATIVE:
        ids |= _subjects_of(node.head, index, below=node)
        node = node.head
    return ids


def _bound_out(tok: Token, index: EntityIndex, local: bool) -> set[str]:
    """Entities an object-side ``tok`` cannot refer to, because a subject
    above it names them ("McConnell refused to endorse him", "... the
    former president": neither is McConnell). Binding for a pronoun is
    ``local``; a description is barred by any subject above it. Nothing for
    a subject or owner, or a phrase that describes one ("X is the leader")."""
    if tok.dep_ in _BINDING_DEPS or tok.dep_ == "poss" or tok.dep_ in _PREDICATIVE:
        return set()
    return _local_binders(tok, index) if local else _commanding(tok, index)


def _pronoun(tok: Token, index: EntityIndex) -> Hit | None:
    """The latest PERSON in subject (or speaker) position before ``tok``
    whose gender, where the article shows it, is the pronoun's; failing
    that, the latest such PERSON mentioned at all. Unknown gender stays a
    candidate: preferring known genders skipped the nearest, right, person."""
    doc, want = tok.doc, PRONOUN_GENDER.get(tok.lower_)
    bound = _bound_out(tok, index, local=True)
    people = [h for h in index.before(tok.idx, "PERSON")[:12]
              if (want is None or index.gender(h.known, doc) in (None, want))
              and h.known.id not in bound]
    for hit in people[:6]:
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in _SUBJECT_DEPS:
            return hit
    return people[0] if people else None


def _description(tok: Token, index: EntityIndex) -> Hit | None:
    """"the foreign minister" -> whoever carries that title; "the ministry"
    -> the nearest organisation (preferring one whose name has the noun)."""
    if tok.tag_ in ("NNS", "NNPS"):  # "the diplomats" is not one of them
        return None
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
        return None
    # words, not a substring: "President" is not a title in "presidential nominee"
    phrase = f' {" ".join(t.lower_ for t in noun_phrase(tok) if t.dep_ != "det")} '
    lemma = tok.lemma_.lower()
    if lemma in ORG_NOUNS:
        orgs = index.before(tok.idx, "ORG")
        named = [h for h in orgs if lemma in h.known.name.lower()]
        return (named or orgs or [None])[0]  # type: ignore[list-item]
    bound = _bound_out(tok, index, local=False)
    people = [h for h in index.before(tok.idx, "PERSON") if h.known.id not in bound]
    titled = [h for h in people if h.known.title and f" {h.known.title.lower()} " in phrase]
    if titled:
        return titled[0]
    return people[0] if people and lemma in PERSON_NOUNS else None


def resolve(tok: Token, index: EntityIndex, modifiers: bool = False) -> Hit | None:
    """The entity a noun-phrase head refers to, or None.

    ``modifiers`` also accepts a name used as an adjective or possessor
    ("the Russian side" -> Russian), which suits event participants but not
    speakers.
    """
    hit = _token_hit(tok, index)
    if hit:
        return hit
    for child in tok.children:
        if child.dep_ in ("appos", "compound") and (hit := _token_hit(child, index)):
            return hit
    if tok.lower_ in PERSON_PRONOUNS:
        return _pronoun(tok, index)
    if tok.pos_ in ("NOUN", "PROPN") and (hit := _description(tok, index)):
        return hit
    if modifiers:
        for child in tok.children:
            if child.dep_ in ("amod", "poss", "nmod") and (hit := _token_hit(child, index)):
                return _as_state(hit, tok, index)
    return None


#: Heads through which a nationality stands for its state: the diplomatic
#: "the Russian side". Wider heads ("Turkish authorities", "Russian troops")
#: are left as named groups: evaluated on PLOVER GSR, mapping them to the
#: country lost the actor text coders keep (actor F1 0.799 -> 0.773).
STATE_HEADS = frozenset({"side"})


def _as_state(hit: Hit, head: Token, index: EntityIndex) -> Hit:
    """The country, when a nationality modifies a head that means its state."""
    if hit.entity is None or hit.entity.type != "NORP" or head.lemma_.lower() not in STATE_HEADS:
        return hit
    from pipeline.nlp.entities.registry import default_registry  # built once, on first use
    country = default_registry().country_of(hit.entity.id)
    if country is None:
        return hit
    entity = next((e for e in index.entities if e.id == country.id), None) or Entity(
        id=country.id, name=country.name, type="GPE", aliases=[], title=None, mentions=[],
        wikidata=country.wikidata)
    return Hit(entity, hit.start, hit.end, hit.text)


def noun_phrase(tok: Token) -> list[Token]:
    """The phrase a head governs, up to its first comma (so an apposition
    or relative clause does not swallow the rest of the sentence)."""
    out = []
    for t in tok.subtree:
        if t.i > tok.i and t.text == ",":
            break
        out.append(t)
    return out


def with_conjuncts(tok: Token) -> list[Token]:
    """"Blinken and Lavrov": both heads of a coordination."""
    return [tok, *tok.conjuncts]
