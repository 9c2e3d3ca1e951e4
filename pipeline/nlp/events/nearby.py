"""Parties of an event the parse left without any, from the words around it.

First the event it took place in: "the appeal was made during talks
between X and Y" is X's appeal to Y (:func:`occasion_of`). Then the names
around it:

en_core_web_sm often attaches a trigger where it has no subject and no
object ("But nationalist groups, scared by ..., protested against the
deal" hangs "protested" under "prospect"), and an event with no party is
dropped. A reader still sees who acted on whom: the named party just
before the trigger, when it is the subject of its clause, and the first
one after it. That reading is only taken where the learned trigger model
(:mod:`pipeline.nlp.events.trigger_model`) is confident the word is this
event here: on the tune part of conll_events, taking it for every such
trigger found 0.10 more events but made precision 0.57 -> 0.51 and false
alarms 0.13 -> 0.21; with the model's word it found 0.02 more at the same
precision. Two refinements were tried there and lost a true event each:
leaving out the subject of a clause the trigger sits in ("Iran said it
had broken up ...": the speaker is often the doer), and leaving the name
before a passive out of its recipients.
"""
from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.entities import EntityIndex, Hit
from pipeline.nlp.events.deps import pobjs_of
from pipeline.nlp.events.kinds import town_of_event
from pipeline.nlp.events.trigger_model import PARTY_TYPES, learned_model
from pipeline.nlp.events.triggers import Trigger, trigger_of

#: The model's probability of the trigger's type this reading needs.
CONFIDENT = 0.7
#: How far (characters) a party may stand from the trigger.
WINDOW = 80
#: Prepositions that set an act inside another event: "the appeal was made
#: [during talks between X and Y]", "agreement was reached [at a meeting of
#: X with Y]".
_OCCASIONS = frozenset({"during", "at"})
#: Relations through which a name belongs to a subject ("the [US] envoy").
_INSIDE = frozenset({"compound", "amod", "poss", "nmod", "appos", "conj"})


def _is_subject(hit: Hit, tok: Token) -> bool:
    span = tok.doc.char_span(hit.start, hit.end, alignment_mode="expand")
    head = span.root if span is not None else None
    for _ in range(3):
        if head is None or head.dep_ in ("nsubj", "nsubjpass"):
            return head is not None
        if head.dep_ not in _INSIDE or head.head is head:
            return False
        head = head.head
    return False


def nearby_parties(tok: Token, trig: Trigger, index: EntityIndex) -> tuple[list[Hit], list[Hit]]:
    """(actors, recipients) of a partyless trigger from its neighbours, or
    ([], []) where the model doubts the trigger or no party is near."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "for":
        return [], []  # "sent a request to Y for a meeting": an aim, no happening
    if learned_model().type_probabilities(tok, index)[trig.type] < CONFIDENT:
        return [], []
    if any(map(town_of_event, tok.children)):
        return [], []  # "the Paris attacks": a known attack, its neighbours not its sides
    sent = tok.sent
    hits = [h for h in index.within(sent.start_char, sent.end_char)
            if h.entity is not None and h.entity.type in PARTY_TYPES]
    before = [h for h in hits if h.end <= tok.idx and tok.idx - h.end <= WINDOW and _is_subject(h, tok)]
    after = [h for h in hits if h.start >= tok.idx + len(tok) and h.start - tok.idx <= WINDOW]
    actors, recipients = before[-1:], after[:1]
    if tok.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in tok.children):
        actors, recipients = [], actors + recipients  # "X was ..." undergoes it
    if actors and recipients and actors[0].entity is recipients[0].entity:
        recipients = []
    return actors, recipients


def occasion_of(tok: Token) -> tuple[Token, Trigger] | None:
    """The event noun (and its trigger) a partyless act took place in, whose
    sides are then the act's: "the appeal was made during talks between X
    and Y"."""
    if tok.pos_ == "NOUN" and tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    verb = tok if tok.pos_ == "VERB" else tok.head
    for noun in pobjs_of(verb, *_OCCASIONS):
        if noun.pos_ == "NOUN" and noun != tok and (trig := trigger_of(noun)) is not None:
            return noun, trig
    return None
