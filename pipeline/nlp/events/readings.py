"""Trigger words that, where they stand, report no happening.

A trigger word names an event that took place only in some positions. In
others the sentence states something else about it, and coding it as an
event would report what did not (or not yet, or not here) happen:

- an aim or a circumstance: "staged demonstrations [to demand reforms]",
  "the right [to fire]", "opened fire, [killing one]" (but a journey's
  aim is what it is made for: "flew to Amman [to hold talks]", and a
  speech act after a verb that reports no event is one: "launched a
  campaign, [accusing X of bias]");
- a condition: "will withdraw [unless Baghdad accepts]", "would meet
  [if he gave them a veto]": what the other side may do;
- what is alleged or punished: "blamed Israel [for the bombing]",
  "arrested [for collaborating with X]", "accused [of smuggling]",
  "sentenced on charges [of having contacts with X]": the charge, not an
  established act;
- a kind of people: "riot police", "aid workers" are no riot and no aid;
- a trigger noun in front of another: "a bomb attack" is the attack;
- a word used in another sense than its event's (:mod:`pipeline.nlp.events.senses`),
  or in a set phrase of another sense (:mod:`pipeline.nlp.events.idioms`);
- the background of a nominal trigger nobody is said to do: "surrendered
  [following a government offensive]" is a time, "[after violent protests]"
  a cause (only when no actor is named: "after Russia's attack on X" stays).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.nlp.events.deps import infinitive
from pipeline.nlp.events.idioms import idioms
from pipeline.nlp.events.senses import other_senses
from pipeline.nlp.events.triggers import Trigger, actor_nouns

_CONDITIONS = frozenset({"if", "unless"})
#: Verbs of going whose purpose infinitive is what the trip is made for, so
#: the trip reports it (CAMEO codes a journey to meet as the meeting).
_TRAVEL = frozenset({"go", "come", "leave", "travel", "fly", "arrive", "head", "return"})
#: Types whose "for"/"of"/"with" phrase is the charge: "accused of",
#: "charged with", "arrested for", "blamed for", "sentenced for".
_CHARGING = frozenset({"ACCUSE", "COERCE"})
_CHARGE_PREPS = frozenset({"for", "of", "with"})
#: Nouns that state an allegation, whose "of" is the charge too ("on charges
#: of having secret contacts with Libya", "on suspicion of spying").
_ALLEGING = frozenset({"charge", "accusation", "allegation", "suspicion", "indictment"})
#: Prepositions that place an event in time or cause relative to another.
_BACKGROUND = frozenset({"after", "following", "before", "since", "amid", "amidst", "during"})


def _subtree(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def aims(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Tokens of clauses that state an aim or a circumstance, not a deed. A
    to-infinitive under "plan", "intend" or "be supposed" is an xcomp and
    stays: tense and negation read it. A participle after the main verb
    ("opened fire, [killing one]", "the plane exploded, [killing 230]") is
    its circumstance, unless it is a speech act after a verb that reports
    no event and no journey ("launched a campaign, [accusing the West of
    ...]", "reacted angrily, [calling it ...]", "was in Moscow [seeking
    support]"; not "left Vienna, [refusing to answer questions]", nor "went
    on strike, [demanding ...]")."""
    out: set[int] = set()
    for tok in doc:
        to_do = infinitive(tok)
        if to_do and tok.dep_ == "advcl" and tok.head.lemma_.lower() in _TRAVEL:
            continue  # "left Amman for Ramallah to hold talks with X": the trip is for them
        if (tok.dep_ in ("advcl", "acl") and to_do) or (
                tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i
                and not _spoken_deed(tok, found)):
            out |= _subtree(tok)
    return out


#: Event types done in words: a participle of one of them after a verb
#: that is no event is what its subject did ("said, accusing ...").
_SPEECH_ACTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})


def _spoken_deed(participle: Token, found: dict[int, Trigger]) -> bool:
    trig = found.get(participle.i)
    head = participle.head
    return (trig is not None and trig.type in _SPEECH_ACTS and not _an_event(head, found)
            and head.lemma_.lower() not in _TRAVEL)  # "left, refusing to answer": how he left


def _an_event(verb: Token, found: dict[int, Trigger]) -> bool:
    """Does the verb report an event, itself or by its object ("began [a
    hunger strike], demanding ...", "went on [strike]")?"""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    objects += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "in")
                for o in c.children if o.dep_ == "pobj"]
    return verb.i in found or any(o.i in found for o in objects)


def conditions(doc: Doc) -> set[int]:
    """Tokens of "if"/"unless" clauses."""
    return {i for tok in doc if tok.dep_ == "advcl"
            and any(m.lower_ in _CONDITIONS for m in tok.children if m.dep_ == "mark")
            for i in _subtree(tok)}


def charges(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Tokens of what an accusation or an arrest is for. After a noun only
    "for" gives the charge ("the condemnation of the bombing" is of an act
    that took place), unless the noun states an allegation."""
    out: set[int] = set()
    alleging = {t.i for t in doc if t.pos_ == "NOUN" and t.lemma_.lower() in _ALLEGING}
    charging = {i for i, trig in found.items() if trig.type in _CHARGING}
    for i in charging | alleging:
        preps = _CHARGE_PREPS if doc[i].pos_ == "VERB" or i in alleging else {"for"}
        for prep in doc[i].children:
            if prep.dep_ == "prep" and prep.lower_ in preps and any(
                    c.dep_ == "pcomp" or c.pos_ in ("NOUN", "VERB") for c in prep.children):
                out |= _subtree(prep)
    return out


def modifiers(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Trigger nouns that only modify their head: a kind of people ("riot
    police", "aid workers", "strike leaders"), or another trigger noun that
    names the one happening ("a bomb attack", "a ceasefire agreement").
    (Every trigger noun in front of a noun, "call warrants" too, cost
    plover_gsr holdout type accuracy 0.846 -> 0.831.)"""
    return {i for i in found if doc[i].dep_ == "compound" and doc[i].head.pos_ == "NOUN"
            and (doc[i].head.i in found or doc[i].head.lemma_.lower() in actor_nouns())}


def not_happenings(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Token indices whose triggers report no event of their own."""
    return (aims(doc, found) | conditions(doc) | charges(doc, found) | modifiers(doc, found)
            | other_senses(doc, found) | idioms(doc, found))


def in_background(tok: Token) -> bool:
    """Is the nominal trigger the object of "after", "following", ...?"""
    if tok.pos_ != "NOUN":
        return False
    head = tok
    while head.dep_ in ("conj", "compound") and head.head != head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _BACKGROUND
