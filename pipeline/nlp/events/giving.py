"""Words of remembering, permission, help, sharing, need, giving, favour,
recognition and signing in another sense than their event's.

- "recalled the day" remembers; only an envoy, troops or a body sent
  abroad are recalled home (SANCTION);
- a thing that allows or helps ("a law that allows voters to ...") concedes
  and aids nothing, helping to do something ("helped broker a truce") is a
  share in another act, and backing out of something supports nothing;
- sharing words or credit ("share the blame") is no cooperation;
- what a rule or a plan requires is a need, and what a thing encourages a
  prompt, not a demand (REQUEST);
- words, a view or a chance offered or provided, and whatever a thing or a
  time gives ("the outcome provides a fresh burst of momentum"), are no
  offer and no aid;
- the odds, a leaning ("demographics favor Clinton"), recognising no state
  or right, shaking up a campaign, standing by one's own word, and papers
  signed or signing up support no one.

Found as :mod:`pipeline.nlp.events.senses` says: among the events of the
training sentences no coder coded, and of PolNeAR's unlabelled 2016 news.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.nlp.events.deps import acted_on, clause_subjects, for_relatives, introduced_by, pobjs_of
from pipeline.nlp.events.kinds import ELECTORATE, for_people, has_particle, is_person, is_thing
from pipeline.nlp.events.triggers import Trigger


def _sent_abroad(tok: Token) -> bool:
    """A noun for people or a body, with no clause of what they did
    ("recalled its ambassador", not "recalled the colleague being confused")."""
    return (tok.pos_ == "NOUN" and for_people(tok)
            and not any(c.dep_ in ("acl", "relcl") for c in tok.children))


def _remembers(verb: Token) -> bool:
    """"Recalled the day", "recalled that ...", "recalled, '...'",
    "recalled her as a great woman": only
    an envoy, troops or a body sent abroad, or someone recalled "from" a
    place, are brought home."""
    if verb.lemma_.lower() != "recall" or pobjs_of(verb, "from"):
        return False
    if pobjs_of(verb, "as"):  # "recalled Hill's widow as a great woman"
        return True
    recalled = acted_on(verb)
    return not any(_sent_abroad(o) for o in recalled)


#: Verbs of permission, which only someone grants, and help, which only
#: someone gives ("free trade helps working-class people" aids nobody).
_PERMITTING = frozenset({"allow", "permit", "help"})


def _enables(verb: Token) -> bool:
    """"A law that allows voters to ...", "the tax breaks allowed him to
    rebound", "a provision allowing people to vote", "going through a dark
    time has allowed him to ...", "the program should be allowed to expire":
    a thing, a clause or nobody allows, and what it allows is possible, not
    conceded."""
    if verb.lemma_.lower() not in _PERMITTING or verb.pos_ != "VERB":
        return False
    if any(c.dep_ == "csubj" for c in verb.children):
        return True
    if verb.lemma_.lower() == "allow" and any(
            c.dep_ == "ccomp" and introduced_by(c, "that") for c in verb.children):
        return True  # "he allowed that some might be good people" grants a point
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    if passive := [c for c in verb.children if c.dep_ == "nsubjpass"]:
        return all(is_thing(c) for c in passive)
    subjects = clause_subjects(verb)
    if verb.dep_ in ("relcl", "acl") and not subjects:
        subjects = [verb.head]  # "a provision allowing"
    return bool(subjects) and all(is_thing(c) for c in subjects)


def _backs_out(verb: Token) -> bool:
    return verb.lemma_.lower() == "back" and any(
        c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "out" for c in verb.children)


def _helps_do(verb: Token) -> bool:
    """"He helped broker a truce", "help fight the Islamic State", "the
    elections will help restore normality": a share in another act, which
    is the event if any, gives no aid (the training coders coded none of
    these AID: "help restore", "helped reveal", "helped revive" uncoded,
    "help the Justice Department complete its review" the offer it was)."""
    return verb.lemma_.lower() == "help" and any(
        c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in verb.children)


#: What is shared in cooperation (PLOVER COOPERATE: intelligence and
#: information, resources, power), not words, feelings or credit: "share
#: anecdotes", "share the blame", "shared victory". Lemmas.
_SHARED_IN_COOPERATION = frozenset({
    "information", "intelligence", "data", "evidence", "technology", "expertise", "knowledge",
    "know-how", "resource", "power", "cost", "burden", "responsibility", "control", "facility",
    "base", "equipment", "record", "document", "file", "secret", "finding", "detail",
    "assessment", "sovereignty", "revenue", "profit", "water", "research", "experience"})


def _shares_no_means(verb: Token) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return verb.lemma_.lower() == "share" and bool(objects) and not any(
        o.lemma_.lower() in _SHARED_IN_COOPERATION for o in objects)


def _impersonal(tok: Token) -> bool:
    """A thing, or a pronoun that stands for one ("it", "this", "that")."""
    return is_thing(tok) or tok.lower_ in ("it", "this", "that")


def _needs(verb: Token) -> bool:
    """"A new rule will require workers to be paid overtime", "which would
    require disclosing his earnings", "the strategy will require a level of
    organization": what a thing or a plan requires is a need, nobody's
    demand ("Trump would require Muslims to register" is his)."""
    if verb.lemma_.lower() != "require" or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in ("dobj", "xcomp") and c.tag_ == "VBG" for c in verb.children):
        return True  # "would require recruiting half of the committee"
    subjects = for_relatives(verb, [c for c in verb.children if c.dep_ in ("nsubj", "csubj")])
    return bool(subjects) and all(
        c.dep_ == "csubj" or _impersonal(c) or c.lower_ == "one" for c in subjects)


#: What one offers that is words, a view or a gesture, not a deal: "offered
#: analysis", "offered a halting response", "offered ideas", "offered a
#: window into". Lemmas.
_UTTERANCES = frozenset({
    "analysis", "response", "reply", "answer", "address", "speech", "remark", "comment", "idea",
    "view", "opinion", "window", "insight", "explanation", "assessment", "praise", "criticism",
    "ammunition", "embrace", "defense", "defence", "thought", "prayer", "condolence",
    "congratulation", "tribute", "testimony", "account", "glimpse", "perspective", "advice",
    "hint", "preview", "clue", "argument", "rationale", "justification", "excuse", "critique",
    "rebuttal", "vision", "counterargument", "story", "anecdote", "detail", "evidence",
    "reason", "example", "suggestion", "observation", "warning", "message", "statement"})


#: What is given that is a chance, not aid: "provide an opportunity for
#: Republicans", "provide more fodder for Trump". Lemmas.
_CHANCES = frozenset({"opportunity", "fodder", "chance", "opening", "platform", "basis",
                      "context", "information", "description", "clarity", "interview",
                      "hearing", "say", "resurgence", "momentum", "boost", "burst"})


#: Verbs of giving that only someone does as aid or an offer: "the outcome
#: provides a fresh burst of momentum for Sanders", "October provided a
#: resurgence", "the polls have provided little clarity" give nothing.
_GIVING = frozenset({"provide", "give", "supply", "offer", "bring", "lend", "grant"})
#: Entity kinds that are no one: a date, a time, an event.
_NO_ONE = frozenset({"DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL", "PERCENT", "MONEY"})


def _prompted_by_a_thing(verb: Token) -> bool:
    """"Mr. Trump's tone often seems to encourage aggression", "it could
    also encourage Mr. Sanders to stay", "trading prisoners encourages
    others": a thing or a happening prompts, nobody requests."""
    if verb.lemma_.lower() not in ("encourage", "prompt", "spur") or verb.pos_ != "VERB":
        return False
    if any(c.dep_ == "csubj" for c in verb.children):
        return True
    subjects = clause_subjects(verb)
    if not subjects and verb.dep_ == "xcomp":  # "the tone seems to encourage"
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(_impersonal(c) for c in subjects)


def _given_by_a_thing(verb: Token) -> bool:
    """A thing, a time or an occasion gives: no aid and no offer."""
    if verb.lemma_.lower() not in _GIVING or verb.pos_ != "VERB":
        return False
    subjects = clause_subjects(verb)
    return bool(subjects) and all(_impersonal(c) or c.ent_type_ in _NO_ONE for c in subjects)


def _utters(verb: Token) -> bool:
    """"Offered ideas", "provide an answer", "provide insights", "provide an
    opportunity", "the interviews she has granted", "granting Garland a
    hearing": words, a view or a chance given is no offer and no aid."""
    lemma = verb.lemma_.lower()
    things = (_UTTERANCES | _CHANCES) if lemma in ("provide", "grant") else _UTTERANCES
    given = for_relatives(verb, acted_on(verb))
    return lemma in ("offer", "provide", "grant") and any(
        c.lemma_.lower() in things for c in given)


def memory_enabling_and_backing_out(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Remembering ("recalled that ..."), enabling ("a law that allows
    voters to ..."), backing out of something, helping to do something
    and sharing words or credit report no recall, no concession, no
    support, no aid and no cooperation."""
    return {i for i, trig in found.items() if doc[i].pos_ == "VERB" and (
        (trig.type == "SANCTION" and _remembers(doc[i]))
        or (trig.type in ("CONCEDE", "AID") and _enables(doc[i]))
        or (trig.type == "SUPPORT" and _backs_out(doc[i]))
        or (trig.type == "AID" and _helps_do(doc[i]))
        or (trig.type == "COOPERATE" and _shares_no_means(doc[i]))
        or (trig.type == "REQUEST" and (_needs(doc[i]) or _prompted_by_a_thing(doc[i])))
        or (trig.type in ("AGREE", "AID") and (_utters(doc[i]) or _given_by_a_thing(doc[i])))
        or (trig.type == "SUPPORT" and _favoured_by_odds(doc[i]))
        or (trig.type == "SUPPORT" and (_signs_up(doc[i]) or _recognises_no_one(doc[i])
                                        or _shakes_up_or_stands_by_own(doc[i]))))}


def _favoured_by_odds(verb: Token) -> bool:
    """"Republicans are strongly favored to keep the House", "the least
    favored candidates", "slates of favored candidates", "demographics
    favor Clinton": the odds, a standing or a leaning, nobody's act of
    support."""
    if verb.lemma_.lower() not in ("favor", "favour", "favored", "favoured"):
        return False
    if verb.dep_ == "amod":
        return True
    # "Demographics favor Clinton", "electorates, which favor Sanders": a
    # thing's or the voters' leaning (a person "favors a proposal")
    subjects = clause_subjects(verb)
    if subjects and all(is_thing(c) or c.lemma_.lower() in ELECTORATE for c in subjects):
        return True
    return any(c.dep_ == "nsubjpass" for c in verb.children) and any(
        c.dep_ == "xcomp" for c in verb.children)


#: What a state or a body recognises when it supports it (CAMEO 057:
#: "recognised the new government", "recognise Kosovo's independence").
#: Lemmas.
_RECOGNISED = frozenset({"government", "state", "independence", "sovereignty", "regime",
                         "authority", "republic", "result", "election", "council", "leadership",
                         "annexation", "union", "marriage", "right", "claim"})


def _recognises_no_one(verb: Token) -> bool:
    """"Did not recognize the passenger", "recognize that the king has no
    clothes", "widely recognized as": knowing or
    admitting, not recognising a state, a government or a right."""
    if verb.lemma_.lower() not in ("recognize", "recognise"):
        return False
    recognised = for_relatives(verb, acted_on(verb)) + pobjs_of(verb, "of")
    recognised += [o for r in recognised for o in pobjs_of(r, "of")]
    return not any(r.lemma_.lower() in _RECOGNISED or r.ent_type_ in ("GPE", "ORG", "NORP")
                   for r in recognised)


def _shakes_up_or_stands_by_own(verb: Token) -> bool:
    """"Shook up his campaign organization" reorganises; "stood by his plan"
    and "stands by the depiction" keep one's own word, supporting nobody."""
    lemma = verb.lemma_.lower()
    if lemma == "shake":
        return has_particle(verb, "up")
    return lemma == "stand" and any(
        not is_person(o) and not o.ent_type_ for o in pobjs_of(verb, "by"))


#: What one signs that backs no one: "signed a lease", "a confidentiality
#: agreement", a contract. Lemmas.
_PAPERS = frozenset({"lease", "contract", "nda", "form", "waiver", "autograph",
                     "copy", "confidentiality", "nondisclosure", "non-disclosure", "licensing",
                     "employment", "book", "statement", "check", "cheque", "receipt"})


def _signs_up(verb: Token) -> bool:
    """"Signed up as a delegate", "signed up on the exchanges": enrolling;
    "signed a lease", "signed a confidentiality agreement", "signed Walker
    to a rich contract", "signed on for 'The X-Files'": papers and hiring."""
    if verb.lemma_.lower() != "sign":
        return False
    if has_particle(verb, "up") or (has_particle(verb, "on") and pobjs_of(verb, "for")):
        return True
    signed = for_relatives(verb, acted_on(verb))
    if pobjs_of(verb, "with") or any(pobjs_of(o, "with") for o in signed):
        return False  # "did not sign a nondisclosure agreement with Trump" (coded)
    signed += [c for o in signed for c in o.children if c.dep_ in ("compound", "amod")]
    signed += pobjs_of(verb, "to")
    return any(o.lemma_.lower() in _PAPERS for o in signed)
