"""Light verbs around a nominal trigger: who does the noun's event.

A nominal trigger often sits in a frame whose verb carries no event of its
own, and the frame says who the noun's actor and recipient are:

- an intransitive stance: "went on strike", "arrived for a visit", "rose in
  protest", "retaliated with air strikes": the verb's subject does the event;
- a passive of doing: "the attack was carried out by Taliban fighters": the
  agent does it;
- a verb and its object: "gave X 5 million dollars of aid", "held talks"
  (:func:`governing_verb`; what the pair makes is :mod:`pipeline.nlp.events.plan`'s);
- a verb of receiving: "drew criticism from the EU", "received aid from
  Japan", "faces sanctions", "fielded sharp criticism", "the criticism he
  received": the "from" phrase does it, the subject
  undergoes it (and when the subject is itself an event, "the arrest of X
  drew criticism", the criticism is aimed at that event's doer).
"""
from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.deps import RELATIVES, pobjs, pobjs_of

_STANCE_PREPS = frozenset({"on", "for", "in", "with"})
#: Prepositions that set a clause in a gathering its subject attends.
_ATTENDING_PREPS = frozenset({"during", "at", "on", "in"})
#: Prepositions that set an act in a gathering or after it: "was agreed
#: [in] talks between X and Y", "[after] a meeting between X and Y, the
#: prisoners were handed over", "X told reporters [after] talks with Y".
_GATHERING_PREPS = _ATTENDING_PREPS | {"after", "following"}
_RECEIVING = frozenset({"draw", "receive", "face", "attract", "earn", "get", "win", "field",
                        "weather", "endure", "suffer", "withstand", "incur", "invite", "spark",
                        "provoke", "prompt", "trigger", "court"})


def stance_verb(noun: Token) -> Token | None:
    """The intransitive verb of "went on strike", "arrived for a visit".
    (With an object, "sent a request for a meeting", the noun is the
    object's business.)"""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _STANCE_PREPS or prep.head.pos_ != "VERB":
        return None
    return None if any(c.dep_ == "dobj" for c in prep.head.children) else prep.head


def attending_verb(noun: Token) -> Token | None:
    """The verb whose clause takes place at a gathering the noun names, so
    that its subject attends it: "X said [during a visit to Y]", "X made
    the remarks [at a meeting with Y]", "X told reporters [after two days
    of talks with Y]" (whatever the verb's object). Not where the noun
    names its own doer: "during his trips"."""
    if any(c.dep_ == "poss" for c in noun.children):
        return None
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.ent_type_ in ("DATE", "TIME"):
        noun = prep.head  # "after [two days] of talks with Y"
        prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _GATHERING_PREPS:
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else None


def gatherings(verb: Token) -> list[Token]:
    """The nouns of the prepositional phrases that set the verb's act in a
    gathering or after one (which are gatherings is the caller's to say)."""
    return pobjs_of(verb, *_GATHERING_PREPS)


def _framing_verbs(noun: Token) -> list[Token]:
    """Verbs that may frame the noun's sides: its own clause ("violence
    [pitting] ..."), the verb it is the subject of, and a participle right
    after it that the parse hangs on the sentence's verb."""
    verbs = [c for c in noun.children if c.dep_ == "acl"]
    if noun.dep_ == "nsubj":
        verbs.append(noun.head)
    if noun.dep_ == "pobj":
        verbs += [c for c in noun.head.head.children
                  if c.dep_ in ("advcl", "acl") and c.i == noun.i + 1]
    return verbs


def pitted_sides(noun: Token) -> tuple[list[Token], list[Token]] | None:
    """(one side, the other) where a frame sets the noun's sides against
    each other: "violence pitting rebels against government forces", "the
    dispute pits X against Y", "the fighting was between X and Y"."""
    for verb in _framing_verbs(noun):
        if verb.lemma_.lower() == "pit":
            sides = [c for c in verb.children if c.dep_ == "dobj"]
            against = [p for head in (verb, *sides) for p in pobjs_of(head, "against")]
            if sides and against:
                return sides, against
        elif verb.lemma_ == "be" and noun.dep_ == "nsubj" and (pair := pobjs_of(verb, "between")):
            return pair, []
    return None


def passive_doer(noun: Token) -> list[Token]:
    """"The attack was carried out by X": X."""
    if noun.dep_ != "nsubjpass":
        return []
    return [p for c in noun.head.children if c.dep_ == "agent" for p in pobjs(c)]


def receiving(noun: Token) -> tuple[list[Token], list[Token]] | None:
    """(givers, receivers) when the noun is what a verb of receiving gets:
    "fielded sharp criticism", or in a relative clause, "the criticism [he
    received for it]"."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _RECEIVING:
        givers = pobjs_of(verb, "from") + pobjs_of(noun, "from")
        return givers, [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for clause in noun.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in _RECEIVING and not any(
                c.dep_ == "dobj" and c.lower_ not in RELATIVES for c in clause.children):
            receivers = [c for c in clause.children
                         if c.dep_ == "nsubj" and c.lower_ not in RELATIVES]
            if receivers:
                return pobjs_of(clause, "from") + pobjs_of(noun, "from"), receivers
    return None


#: Verbs of going to someone's side: "came to Carson's support". Lemmas.
_RALLYING = frozenset({"come", "rush", "leap", "spring", "run", "jump", "rally", "hurry",
                       "race", "step", "ride", "fly"})


def rallied_to(noun: Token) -> tuple[list[Token], list[Token]] | None:
    """(givers, receivers) when the noun is where a verb of going leads:
    "candidates came to Carson's support", "rushed to the aid of X". The
    one whose support it is receives it; the subject gives it."""
    prep, verb = noun.head, noun.head.head
    if not (noun.dep_ == "pobj" and prep.lower_ == "to" and verb.pos_ == "VERB"
            and verb.lemma_.lower() in _RALLYING):
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"] or pobjs_of(noun, "of")
    givers = [c for c in verb.children if c.dep_ == "nsubj"]
    return (givers, owners) if owners and givers else None


def phrase_head(tok: Token) -> Token:
    """The noun a compound trigger modifies: "mediation [efforts]"."""
    return tok.head if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok


def governing_verb(noun: Token) -> tuple[Token, Token] | None:
    """(verb, object) when the noun is, or is "of"/"in" inside, a verb's
    direct object: "gave X 5 million dollars of aid" -> (gave, dollars)."""
    cur = phrase_head(noun)
    while cur.dep_ == "pobj" and cur.head.lower_ in ("of", "in") and cur.head.head.pos_ == "NOUN":
        cur = cur.head.head
    # an object predicate counts as the object: "was held [hostage]"
    if cur.dep_ in ("dobj", "oprd") and cur.head.pos_ == "VERB":
        return cur.head, cur
    return None
