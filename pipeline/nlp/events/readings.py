"""Trigger words that, where they stand, report no happening.

A trigger word names an event that took place only in some positions. In
others the sentence states something else about it, and coding it as an
event would report what did not (or not yet, or not here) happen:

- an aim or a circumstance: "staged demonstrations [to demand reforms]",
  "the right [to fire]", "opened fire, [killing one]" (but a journey's
  aim is what it is made for: "flew to Amman [to hold talks]");
- a condition: "will withdraw [unless Baghdad accepts]", "would meet
  [if he gave them a veto]": what the other side may do;
- what is alleged or punished: "blamed Israel [for the bombing]",
  "arrested [for collaborating with X]", "accused [of smuggling]",
  "sentenced on charges [of having contacts with X]": the charge, not an
  established act;
- a kind of people: "riot police", "aid workers" are no riot and no aid;
- a death by accident or disease: "cholera has killed 21 people", "killed
  when a bus fell into a ravine" is nobody's assault;
- an obligation nobody is said to voice: "Hashimoto must call polls";
- a publication: "released a statement", "a press release" free nobody;
- a word to the press withheld, or a condition met: "declined to comment"
  rejects nobody, "met all conditions for the elections" meets nobody;
- a question or an attempt: "asked whether he had resigned", "asked about
  the vote" put a question, and "sought to play down the attack" tries
  something: neither asks anyone for anything;
- the background of a nominal trigger nobody is said to do: "surrendered
  [following a government offensive]" is a time, "[after violent protests]"
  a cause (only when no actor is named: "after Russia's attack on X" stays).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.nlp.events.pronouns import speaker_of
from pipeline.nlp.events.triggers import Trigger, actor_nouns
from pipeline.nlp.lexicon import load_words

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
#: Requesting verbs that put a question where their complement is one.
_ASKING = frozenset({"ask", "inquire", "enquire"})
#: A requesting verb that means "try" before a to-infinitive.
_ATTEMPTING = frozenset({"seek"})
_QUESTION_MARKS = frozenset({"whether", "if"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
#: What a release publishes, not frees (lemmas).
_PUBLICATIONS = load_words("events/lexicons/publications.txt")
#: Where the published thing stands to "release": its object, the subject
#: of its passive, the noun a participle describes ("the statement released
#: by Fox"), a compound ("press release") or the "of" of the noun.
_PUBLISHED = frozenset({"dobj", "nsubjpass", "compound"})
#: Causes of death that are nobody's act (lemmas of the killing's subject
#: or agent), and what a vehicle does in an accident ("killed when the
#: trucks collided").
_ILLNESSES_AND_DISASTERS = frozenset({
    "disease", "illness", "epidemic", "outbreak", "cholera", "malaria", "measles",
    "meningitis", "typhoid", "virus", "flu", "influenza", "fever", "famine", "drought",
    "flood", "flooding", "earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone",
    "tornado", "landslide", "avalanche", "heatwave", "accident", "crash", "collision"})
_MISHAPS = frozenset({"collide", "crash", "fall", "overturn", "capsize", "sink", "derail",
                      "plunge", "skid", "topple"})
#: What one declines to do when one withholds a word to the press.
_PRESS_WORDS = frozenset({"comment", "elaborate", "say", "specify", "confirm", "disclose",
                          "reveal", "identify", "name", "speculate"})
#: What "meet" satisfies rather than whom it meets.
_SATISFIED = frozenset({"condition", "requirement", "criterion", "criteria", "demand", "need",
                        "target", "standard", "expectation", "obligation", "deadline", "cost",
                        "goal", "quota", "threshold", "commitment", "challenge", "payment"})
#: Prepositions that place an event in time or cause relative to another.
_BACKGROUND = frozenset({"after", "following", "before", "since", "amid", "amidst", "during"})


def _subtree(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def aims(doc: Doc) -> set[int]:
    """Tokens of clauses that state an aim or a circumstance, not a deed. A
    to-infinitive under "plan", "intend" or "be supposed" is an xcomp and
    stays: tense and negation read it."""
    out: set[int] = set()
    for tok in doc:
        infinitive = _infinitive(tok)
        if infinitive and tok.dep_ == "advcl" and tok.head.lemma_.lower() in _TRAVEL:
            continue  # "left Amman for Ramallah to hold talks with X": the trip is for them
        if (tok.dep_ in ("advcl", "acl") and infinitive) or (
                tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i):
            out |= _subtree(tok)
    return out


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


def kinds_of_people(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Trigger nouns that only say what kind of people their head names:
    "riot police", "aid workers", "strike leaders"."""
    people = actor_nouns()
    return {i for i in found if doc[i].dep_ == "compound" and doc[i].head.pos_ == "NOUN"
            and doc[i].head.lemma_.lower() in people}


def _is_question(clause: Token) -> bool:
    """Does the clause ask: "whether/if ...", or "what/why/how ..."?"""
    return clause.left_edge.tag_ in _WH_TAGS or any(
        c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in clause.children)


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _asks_a_question(verb: Token) -> bool:
    return verb.lemma_.lower() in _ASKING and any(
        (c.dep_ == "prep" and c.lower_ == "about")
        or (c.dep_ in ("ccomp", "advcl", "xcomp") and _is_question(c)) for c in verb.children)


def _tries(verb: Token) -> bool:
    return verb.lemma_.lower() in _ATTEMPTING and any(
        c.dep_ == "xcomp" and _infinitive(c) for c in verb.children)


def questions_and_attempts(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Requesting verbs that ask a question ("asked whether", "asked about")
    or try something ("sought to temper his tone"). In the 1,206 coded
    training sentences this took away 11 extracted events and no coded
    one: every coded "seek" request has a noun object ("seeking a meeting
    with Yeltsin")."""
    return {i for i, trig in found.items() if trig.type == "REQUEST" and doc[i].pos_ == "VERB"
            and (_asks_a_question(doc[i]) or _tries(doc[i]))}


def unspoken_demands(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """A modal of obligation nobody is reported to say: "the campaign must
    relish every moment", "Hashimoto must call polls by mid-1997" state a
    need, where "Arafat said Israel must withdraw" demands."""
    return {i for i, trig in found.items()
            if trig.type == "REQUEST" and doc[i].pos_ == "AUX" and speaker_of(doc[i]) is None}


def _published(release: Token) -> list[Token]:
    things = [c for c in release.children if c.dep_ in _PUBLISHED]
    things += [g for c in release.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    return things + ([release.head] if release.dep_ == "acl" else [])


def publications(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """A release that publishes something: "released a statement", "the
    report released on Monday", "a press release"."""
    return {i for i, trig in found.items() if trig.type == "RETREAT"
            and doc[i].lemma_.lower() == "release"
            and any(t.lemma_.lower() in _PUBLICATIONS for t in _published(doc[i]))}


def _mishap(clause: Token) -> bool:
    """A "when" clause telling an accident: "when a bus fell", "when the
    trucks collided" (not "when a bomb exploded")."""
    return clause.dep_ == "advcl" and clause.lemma_.lower() in _MISHAPS and any(
        m.lower_ == "when" for m in clause.children if m.dep_ in ("advmod", "mark"))


def natural_deaths(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Killings whose cause the sentence gives as a disease, a disaster or
    an accident."""
    out: set[int] = set()
    for i, trig in found.items():
        if trig.type != "ASSAULT" or doc[i].pos_ != "VERB":
            continue
        causes = [c for c in doc[i].children if c.dep_ == "nsubj"]
        causes += [g for c in doc[i].children if c.dep_ == "agent" for g in c.children]
        clauses = [c for v in (doc[i], *doc[i].conjuncts) for c in v.children]  # "killed and injured when"
        if any(c.lemma_.lower() in _ILLNESSES_AND_DISASTERS for c in causes) or any(
                _mishap(c) for c in clauses):
            out.add(i)
    return out


def _no_comment(verb: Token) -> bool:
    """"declined to comment", "refused to be named"."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in _PRESS_WORDS for c in verb.children)


def _meets_a_condition(verb: Token) -> bool:
    """"met all conditions", "meet the deadline"."""
    return verb.lemma_.lower() == "meet" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _SATISFIED for c in verb.children)


def other_senses(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """A rejection that only withholds a comment, a meeting that only
    satisfies a condition."""
    return {i for i, trig in found.items() if doc[i].pos_ == "VERB" and (
        (trig.type == "REJECT" and _no_comment(doc[i]))
        or (trig.type == "CONSULT" and _meets_a_condition(doc[i])))}


def not_happenings(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Token indices whose triggers report no event of their own."""
    return (aims(doc) | conditions(doc) | charges(doc, found) | kinds_of_people(doc, found)
            | questions_and_attempts(doc, found) | unspoken_demands(doc, found)
            | publications(doc, found) | natural_deaths(doc, found) | other_senses(doc, found))


def in_background(tok: Token) -> bool:
    """Is the nominal trigger the object of "after", "following", ...?"""
    if tok.pos_ != "NOUN":
        return False
    head = tok
    while head.dep_ in ("conj", "compound") and head.head != head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _BACKGROUND
