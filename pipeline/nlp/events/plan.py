"""Which trigger tokens of a sentence are events of their own.

A trigger noun that a verb governs is one event with it ("canceled the
meeting" is a REJECT; "held talks", with no verb entry, the talks; "agreed
to the demand" a concession, by ``combinations.tsv``); what a trigger
demands, offers or threatens is its content, not a happening; and the
positions of :mod:`pipeline.nlp.events.readings` report none.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from pipeline.nlp.entities import EntityIndex
from pipeline.nlp.events.args import content, participant, subject
from pipeline.nlp.events.deps import acted_on, for_relatives
from pipeline.nlp.events.light_verbs import governing_verb
from pipeline.nlp.events.pronouns import PERSONAL
from pipeline.nlp.events.readings import not_happenings
from pipeline.nlp.events.senses import no_mobilisation, retyped_senses
from pipeline.nlp.events.trigger_model import learned_model
from pipeline.nlp.events.triggers import Trigger, combined, combined_row
from pipeline.nlp.lexicon import load_lines

#: Types of event nouns that take no "that" clause of what they state
#: (a request, a threat, an offer or an accusation do).
_NO_CLAUSE = frozenset({"CONSULT", "ASSAULT", "MOBILIZE", "RETREAT", "AID", "COERCE",
                        "COOPERATE", "SANCTION"})
#: Prepositions that set another event beside the verb's, not inside it.
_TIMES = frozenset({"after", "following", "before", "since", "amid", "during", "until"})


#: Heads that name a person by office ("the envoy", "the foreign minister"):
#: the last word of every title of the entities' title lexicon; and a
#: delegation, which travels as its members.
_TRAVELLERS = frozenset(row[0].split()[-1]
                        for row in load_lines("entities/lexicons/titles.txt")) | {"delegation"}
#: Heads of people a detention holds ("the men", "three nuns").
_PERSON_HEADS = _TRAVELLERS | {
    "man", "woman", "people", "person", "child", "hostage", "captive", "prisoner",
    "detainee", "missionary", "nun", "priest", "journalist", "tourist", "worker",
    "soldier", "activist", "national", "citizen", "civilian", "student", "suspect"}
#: Dependents that make "hold" another verb than a detention ("held
#: responsible", "held up", "held that ...", "held to be").
_NOT_DETAINING = frozenset({"prt", "acomp", "oprd", "xcomp", "ccomp"})


def _a_person(head: Token, index: EntityIndex, *, in_phrase: bool = True) -> bool:
    """Does the head name a person (named, by office, "he" or "the men")?
    ``in_phrase``: also one its phrase names ("Speaker of parliament X"),
    or it stands for ("his aide"), not only the head's own name."""
    if head.lower_ in PERSONAL or head.lemma_.lower() in _PERSON_HEADS:
        return True
    if not in_phrase:
        name = index.covering(head.idx, head.idx + len(head))
        return name is not None and name.entity is not None and name.entity.type == "PERSON"
    phrase = head.doc[head.left_edge.i:head.right_edge.i + 1]
    hits = [*participant(head, index), *index.within(phrase.start_char, phrase.end_char)]
    return any(h.entity is not None and h.entity.type == "PERSON" for h in hits)


def _person_goes(verb: Token, index: EntityIndex) -> bool:
    """Is whoever makes this journey a person?"""
    return any(_a_person(head, index) for head in subject(verb)[0])


def _holds_a_person(verb: Token, index: EntityIndex) -> bool:
    """Is "hold" a detention here: a person held ("the missionaries held
    for two weeks", "Thompson is being held in jail"), not a thing or an
    occasion ("held talks", "elections were held", "held the seat"), nor
    a judgement or a delay ("held responsible", "held up")?"""
    if verb.pos_ != "VERB" or any(c.dep_ in _NOT_DETAINING for c in verb.children):
        return False
    held = for_relatives(verb, acted_on(verb))
    if verb.dep_ == "acl":  # "the nuns held for two weeks"
        held.append(verb.head)
    # every one held is a person: "held talks, the first delegation to ..."
    # holds talks, and a lead over a person is no person held
    return bool(held) and all(_a_person(head, index, in_phrase=False) for head in held)


#: Trigger verbs that are their event only where a person takes part:
#: going reports a visit (CAMEO 042) when a person goes ("the envoy
#: arrived in Tripoli"; "troops arrived in Sierra Leone" is a deployment,
#: "refugees arrived" a flight), and "hold" a detention (CAMEO 173) when
#: a person is held.
_PERSON_ONLY: dict[str, Callable[[Token, EntityIndex], bool]] = {
    "arrive": _person_goes, "travel": _person_goes, "hold": _holds_a_person}


def _named(tok: Token, index: EntityIndex) -> bool:
    """"Summit" inside "the G20 Summit" names, it does not happen."""
    return tok.pos_ != "AUX" and index.covering(tok.idx, tok.idx + len(tok)) is not None


def _content_tokens(tok: Token, trig: Trigger) -> set[int]:
    if tok.pos_ == "AUX":  # "Y must return X": the return is only demanded
        return {t.i for t in tok.head.subtree}
    clauses = content(tok)
    if tok.pos_ == "NOUN" and trig.type in _NO_CLAUSE:
        # "said at the end of a visit [that both governments agreed]": a
        # visit or an attack states nothing, so a "that" clause the parse
        # hangs on it is the reporting verb's, and it happened.
        clauses = [c for c in clauses if not any(m.dep_ == "mark" for m in c.children)]
    return {t.i for c in clauses for t in c.subtree}


def _prep_governor(noun: Token, trig: Trigger,
                   found: dict[int, Trigger]) -> tuple[Token, Trigger] | None:
    """(verb, merged trigger) when a trigger verb takes the trigger noun
    through a preposition: it restates the verb ("killed five soldiers [in
    an ambush]") or the two make one event ("agreed [to the demand]" is a
    concession, by combinations.tsv)."""
    prep = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ in _TIMES:
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.i not in found:
        return None
    if (row := combined_row(verb, trig, causative=False)) is not None:
        return verb, row
    return (verb, found[verb.i]) if found[verb.i].type == trig.type else None


def plan(doc: Doc, index: EntityIndex) -> tuple[dict[int, Trigger], dict[int, tuple[Token, Trigger]]]:
    """Token index -> the event it triggers, after merging verb + object and
    dropping demanded or threatened content; and verb -> absorbed noun."""
    model = learned_model()
    found = {t.i: trig for t in doc if (trig := model.trigger(t, index)) and not _named(t, index)}
    found = {i: trig for i, trig in found.items()
             if (person_takes_part := _PERSON_ONLY.get(doc[i].lemma_.lower())) is None
             or person_takes_part(doc[i], index)}
    idle = no_mobilisation(doc, found)
    found = {i: trig for i, trig in found.items() if i not in idle}
    found.update(retyped_senses(doc, found, index))
    absorbed: dict[int, tuple[Token, Trigger]] = {}
    for i, trig in list(found.items()):
        tok = doc[i]
        governed = governing_verb(tok) if tok.pos_ == "NOUN" else None
        if governed is not None:
            verb = governed[0]
            merged = combined(verb, trig, found.get(verb.i))
        elif (through := _prep_governor(tok, trig, found)) is not None:
            verb, merged = through
        else:
            continue
        if merged is not None:
            found[verb.i] = merged
            absorbed[verb.i] = (tok, trig)
            del found[i]
    heads = [*((doc[i], t) for i, t in found.items()), *absorbed.values()]
    inside = {j for tok, trig in heads for j in _content_tokens(tok, trig) if j != tok.i}
    inside |= not_happenings(doc, found)
    kept = {i: t for i, t in found.items() if i not in inside}
    return kept, absorbed
