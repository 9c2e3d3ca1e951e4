"""Parties an event implies without naming them in its own clause.

Three readings a reader of a one-page article makes as a matter of course:

- a passive act of authority with no agent, done in a state, was done by
  that state: "X was sentenced in Russia" -> Russia sentenced X (arrests,
  charges, sentences, investigations are acts of a state's organs);
- the cause of a reaction is its target: "Blinken's reluctance ... due to
  Lavrov's presence" is a reluctance towards Lavrov;
- a definite event noun refers back to the event the article told before:
  "the ministry called the request 'megaphone practice'" is aimed at the
  side that made the request, named sentences earlier.

The first two read the sentence's dependency parse; the third needs the
article's earlier events, kept in :class:`EventMemory` while extraction
walks the text in order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from pipeline.nlp.resolve import Hit
from pipeline.nlp.triggers import trigger_of

#: Acts of a state's organs: passive with no agent, the state where they
#: happen did them.
_STATE_ACTS = frozenset({"COERCE", "ACCUSE"})
#: Prepositions (first word of a two-word one) that give a cause.
_CAUSES = {"due": "to", "because": "of", "owing": "to", "thanks": "to"}
#: Determiners that make a noun refer back ("the request", "this offer").
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


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


def undergoer(tok: Token) -> list[Token]:
    """Who undergoes a nominal trigger held by "under": the verb's subject."""
    verb = _under_light_verb(tok)
    if verb is None:
        return []
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


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
    out = []
    for head in heads:
        for prep in (c for c in head.children if c.dep_ in ("prep", "acomp")):
            second = _CAUSES.get(prep.lower_)
            if second is None:
                continue
            inner = [c for c in prep.children if c.lower_ == second]
            for part in (prep, *inner):
                out.extend(p for p in part.children if p.dep_ == "pobj")
    return out


def cause_parties(tok: Token, resolve_heads) -> list[Hit]:
    """Whom a reaction is aimed at, by its cause: the possessor of the cause
    ("due to Lavrov's presence" -> Lavrov), else the cause itself when it
    names a party ("because of Russia")."""
    out: list[Hit] = []
    for obj in _cause_objects(tok):
        owners = [c for c in obj.children if c.dep_ == "poss"]
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


def referred_parties(tok: Token, memory: EventMemory) -> list[Hit]:
    """Whom a reaction to an earlier event is aimed at: the actors of the
    event its object refers back to."""
    for noun, etype in _definite_event_nouns(tok):
        if hits := memory.antecedent(noun, etype):
            return hits
    return []
