"""Parties an event implies without naming them in its own clause.

Four readings a reader of a one-page article makes as a matter of course:

- a passive act of authority with no agent, done in a state, was done by
  that state: "X was sentenced in Russia" -> Russia sentenced X (arrests,
  charges, sentences, investigations are acts of a state's organs);
- the cause of a reaction is its target: "Blinken's reluctance ... due to
  Lavrov's presence" is a reluctance towards Lavrov;
- a writing does what its author does: "issued a statement urging Congress
  to act", "said in a letter accusing Russia", "a statement from the
  ministry urged X" -> the issuer, the sayer, the ministry;
- a definite event noun refers back to the event the article told before:
  "the ministry called the request 'megaphone practice'" is aimed at the
  side that made the request, named sentences earlier.

The first three read the sentence's dependency parse; the fourth needs the
article's earlier events, kept in :class:`EventMemory` while extraction
walks the text in order. And inside a quote, "I" is whoever the article says
is speaking (:func:`speaker_as_actor`; "we" is the body they speak for, which
the article may not name).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from pipeline.nlp.entities import Hit
from pipeline.nlp.events.deps import clause_subjects, introduced_by, pobjs, pobjs_of
from pipeline.nlp.events.kinds import is_writing
from pipeline.nlp.events.roles import (
    Resolver,
    aimed_against,
    left_place,
    moved_from,
    named_only,
    sent_into,
    visited,
)
from pipeline.nlp.events.triggers import Trigger, actor_nouns, trigger_of

#: Acts of a state's organs: passive with no agent, the state where they
#: happen did them.
_STATE_ACTS = frozenset({"COERCE", "ACCUSE"})
#: Prepositions (first word of a two-word one, and its second) that give
#: a cause or what is withstood ("declined despite pressure by X").
_CAUSES = {"due": "to", "because": "of", "owing": "to", "thanks": "to", "despite": None}
#: Determiners that make a noun refer back ("the request", "this offer").
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


#: Prepositions that put what a verb's subject does in a writing: "said
#: [in] a statement", "responded [with] a letter".
_IN_WRITING = frozenset({"in", "with", "through"})
#: Names in front of a writing that date it and own nothing ("a Thursday brief").
_DATING = frozenset({"DATE", "TIME"})


def authors(participle: Token) -> list[Token]:
    """Who wrote or said the writing a trigger participle describes, as
    heads to resolve: its owner by name ("Obama's speech [attacking X]",
    "a White House brief [urging Y]", not "a Thursday brief"), its "from"
    or "by", the subject of the verb that issues it ("issued a statement
    [urging X]") or speaks in it ("said in a letter [accusing Y]"), else
    its owner by pronoun ("his speech")."""
    writing = participle.head
    if (participle.dep_ != "acl" or participle.tag_ != "VBG" or not is_writing(writing)
            or trigger_of(participle) is None):  # "an email [referencing] the request"
        return []
    return writers(writing)


def writers(writing: Token) -> list[Token]:
    """Who wrote or said a writing, as heads to resolve (see :func:`authors`;
    also where the writing is the doer: "a statement [from X] urged Y",
    "Amnesty issued a statement [that] accused Z")."""
    owners = [c for c in writing.children if c.dep_ == "poss" or (
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in _DATING)]
    named = [o for o in owners if o.pos_ != "PRON"]
    return named or pobjs_of(writing, "from", "by") or _issuers(writing) or owners


def _issuers(writing: Token) -> list[Token]:
    """The subject of the verb that issues a writing or speaks in it; it
    also comes before the writing's own "her" ("[In her statement ...],
    Clinton said": the "her" points forward)."""
    if writing.dep_ == "dobj":
        return clause_subjects(writing.head)
    prep = writing.head
    if writing.dep_ == "pobj" and prep.lower_ in _IN_WRITING and prep.head.pos_ in ("VERB", "AUX"):
        return clause_subjects(prep.head)
    return []


def _passive_without_agent(tok: Token) -> bool:
    children = {c.dep_ for c in tok.children}
    return tok.tag_ == "VBN" and "agent" not in children and (
        "nsubjpass" in children or "auxpass" in children or tok.dep_ == "acl")


def _under_light_verb(tok: Token) -> Token | None:
    """The verb of "X was put under investigation", "came under attack"."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "under" and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


#: Verbs whose subject is held in a detention: "was [in custody]", "remains
#: in detention", "was taken into custody".
_HELD_IN = frozenset({"be", "remain", "stay", "take", "keep", "hold", "place", "put"})


def _held_light_verb(tok: Token) -> Token | None:
    """The verb of "X was in custody", "X is serving a prison term"."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ in ("in", "into") and (
            prep.head.lemma_.lower() in _HELD_IN):
        return prep.head
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() == "serve":
        return tok.head
    return None


def under_doers(tok: Token) -> list[Token]:
    """Who does a nominal trigger one comes under: "came under fire [from
    Trump]" (the parse hangs the "from" on the verb, not the noun)."""
    verb = _under_light_verb(tok)
    return pobjs_of(verb, "from", "by") if verb is not None else []


def undergoer(tok: Token, etype: str) -> list[Token]:
    """Who undergoes a nominal trigger: the subject of the verb that holds
    it "under" ("was put under investigation") or, for a coercion, holds
    it in ("was in police custody", "is serving a prison term")."""
    verb = _under_light_verb(tok)
    if verb is None and etype == "COERCE":
        verb = _held_light_verb(tok)
    if verb is None:
        return []
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def court_actor(tok: Token, etype: str, resolve_heads: Resolver) -> list[Hit]:
    """The body an agentless passive act of authority was done in or
    before: "was sentenced in the Western Australian District Court" -> the
    court, "was charged before a military court" -> that court."""
    if etype not in _STATE_ACTS or tok.pos_ != "VERB" or not _passive_without_agent(tok):
        return []
    heads = pobjs_of(tok, "in", "before")
    # a body by its head word, whatever type the model gave its name
    bodies = [h for h in heads if h.lemma_.lower() in actor_nouns()]
    return resolve_heads(bodies)[:1]


def place_actor(tok: Token, etype: str, where: Hit | None) -> list[Hit]:
    """The state an agentless passive act of authority happened in:
    "was sentenced in Russia", "was put under investigation in Italy"."""
    if etype not in _STATE_ACTS or where is None or where.entity is None:
        return []
    if where.entity.type != "GPE":
        return []
    if tok.pos_ == "VERB" and _passive_without_agent(tok):
        return [where]
    if tok.pos_ == "NOUN" and _under_light_verb(tok) is not None:
        return [where]
    return []


def _cause_objects(tok: Token) -> list[Token]:
    """Objects of "due to", "because of", ... on the trigger, on the clause
    it governs ("reluctance [to take part ... due to X's presence]") or on
    the copula it is the subject of ("the refusal was due to ...")."""
    heads = [tok, *(c for c in tok.children if c.dep_ in ("acl", "xcomp", "ccomp"))]
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        heads.append(tok.head)
    out: list[Token] = []
    for head in heads:
        for prep in (c for c in head.children if c.dep_ in ("prep", "acomp")):
            if prep.lower_ not in _CAUSES:
                continue
            second = _CAUSES[prep.lower_]
            inner = [c for c in prep.children if second and c.lower_ == second]
            for part in (prep, *inner):
                out.extend(pobjs(part))
    return out


def cause_parties(tok: Token, resolve_heads: Resolver) -> list[Hit]:
    """Whom a reaction is aimed at, by its cause: the owner of the cause
    ("due to Lavrov's presence", "despite pressure by X"), else the cause
    itself when it names a party ("because of Russia")."""
    out: list[Hit] = []
    for obj in _cause_objects(tok):
        owners = [c for c in obj.children if c.dep_ == "poss"]
        owners += pobjs_of(obj, "by", "from")
        out.extend(resolve_heads(owners or [obj]))
    return out


@dataclass
class _Told:
    lemma: str
    type: str
    actors: list[Hit]
    position: int


@dataclass
class EventMemory:
    """The events an article has told so far, in text order."""
    told: list[_Told] = field(default_factory=list)

    def remember(self, tok: Token, etype: str, actors: list[Hit]) -> None:
        if actors:
            self.told.append(_Told(tok.lemma_.lower(), etype, actors, tok.idx))

    def pronoun_actors(self, subjects: list[Token], sent_start: int, prev_start: int) -> list[Hit]:
        """"Poland summoned the ambassador. It also expelled two diplomats":
        a subject "it"/"they" is the doer of the previous sentence's last
        event ("it" a body, not a person)."""
        pronoun = next((t.lower_ for t in subjects if t.lower_ in ("it", "they")), None)
        told = [t for t in self.told if prev_start <= t.position < sent_start]
        if pronoun is None or not told:
            return []
        actors = told[-1].actors
        if pronoun == "it":
            actors = [a for a in actors if a.entity is None or a.entity.type != "PERSON"][:1]
        return actors

    def antecedent(self, noun: Token, etype: str) -> list[Hit]:
        """Actors of the latest earlier event the noun names: one with the
        same word ("the request" after "sent a request", "requested"),
        else one of the same type."""
        before = [t for t in self.told if t.position < noun.sent.start_char]
        for same in (lambda t: t.lemma == noun.lemma_.lower(), lambda t: t.type == etype):
            hits = [t for t in before if same(t)]
            if hits:
                return hits[-1].actors
        return []


def _definite_event_nouns(tok: Token) -> list[tuple[Token, str]]:
    """Event nouns with a definite determiner in the trigger's objects:
    "called [information about the request] ...", "rejected the proposal"."""
    out = []
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "pobj", "nsubjpass")):
        for t in obj.subtree:
            if t.pos_ != "NOUN" or t == tok:
                continue
            trig = trigger_of(t)
            owned = any(c.dep_ == "poss" for c in t.children)
            if trig and not owned and any(c.lower_ in _DEFINITE for c in t.children):
                out.append((t, trig.type))
    return out


#: Conjunctions of a clause that tells the act a passive one was done by:
#: "two policemen were wounded [when rebels ambushed their patrol]".
_WHEN = frozenset({"when", "as"})


def when_doers(tok: Token, resolve_heads: Resolver) -> list[Hit]:
    """Who did an agentless passive act: the doer of the act the "when"
    clause says it was done in, if that is an event of its own."""
    if tok.pos_ != "VERB" or not _passive_without_agent(tok):
        return []
    for clause in tok.children:
        if (clause.dep_ == "advcl" and trigger_of(clause) is not None
                and introduced_by(clause, *_WHEN)):
            return resolve_heads([c for c in clause.children if c.dep_ == "nsubj"])
    return []


def complete(tok: Token, trig: Trigger, sides: tuple[list[Hit], list[Hit]], where: Hit | None,
             memory: EventMemory, resolve_heads: Resolver) -> tuple[list[Hit], list[Hit]]:
    """The sides after the readings above and the type-specific recipients
    of :mod:`pipeline.nlp.events.roles`; an actor is never also a recipient."""
    actors, recipients = sides
    if not actors:
        actors = (when_doers(tok, resolve_heads) or court_actor(tok, trig.type, resolve_heads)
                  or place_actor(tok, trig.type, where))
    recipients = named_only(trig.type, moved_from(tok, trig.mode, recipients, resolve_heads))
    if not recipients:
        recipients = (cause_parties(tok, resolve_heads) or referred_parties(tok, memory)
                      or aimed_against(tok, trig.type, resolve_heads)
                      or sent_into(tok, trig.type, resolve_heads) or visited(trig.mode, where)
                      or left_place(trig.mode, where))
    ids = {_key(a) for a in actors}
    return actors, [r for r in recipients if _key(r) not in ids]


def _key(hit: Hit) -> str:
    return hit.entity.id if hit.entity is not None else hit.text.lower()


_FIRST_PERSON = frozenset({"i"})


def speaker_as_actor(subjects: list[Token], speaker: Hit | None) -> list[Hit]:
    """"I did not invite anyone", said by Lavrov: Lavrov did not."""
    if speaker is not None and any(t.lower_ in _FIRST_PERSON for t in subjects):
        return [speaker]
    return []


def referred_parties(tok: Token, memory: EventMemory) -> list[Hit]:
    """Whom a reaction to an earlier event is aimed at: the actors of the
    event its object refers back to."""
    for noun, etype in _definite_event_nouns(tok):
        if hits := memory.antecedent(noun, etype):
            return hits
    return []
