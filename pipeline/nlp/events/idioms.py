"""Trigger words in set phrases that are not their event.

Each phrase keeps the trigger's lemma but takes its sense from a particle,
a preposition, an object or its place in the noun phrase:

- "seized on the revelations", "seize the high ground": one exploits a
  chance or takes a position, nobody is seized (COERCE);
- "shell out $449,400", "shoot video of the sign", "a long-shot
  candidate": paying, filming and odds, no shooting (ASSAULT);
- "killing a religious-freedom bill": a measure defeated, nobody killed;
- "demonstrate her staying power", "demonstrate that she is resistant":
  showing something, no demonstration (PROTEST);
- "politically charged", "charged into the fray", "the officer in charge
  of the base": a tension, a rush and a post, no charge (ACCUSE);
- "pledged delegates": delegates bound by a primary, nobody's pledge;
- "requested anonymity", "requests for comment", "seeking reelection",
  "he must be doing something right", "begged the question": a source's
  terms, a reporter's question, running for office, an inference and a
  doubt, no request (REQUEST);
- "as opposed to", "there's no denying": a contrast and an admission,
  "canceled 'Minority Report'": a network dropping a show, "defied
  expectations", "ignore facts": no rejection of anyone (REJECT);
- "Hollande returned to Paris", "returned to his familiar lines", "a testy
  exchange with reporters": a person going back or a dialogue, no
  withdrawal and no exchange of prisoners (RETREAT);
- "cut the number of polling places", "cut a new Web video": cutting
  something that is no tie, aid or supply sanctions nobody (SANCTION);
- "spoke to CNN", "talks to the press everywhere she goes", "speaking to
  a packed house": an interview or a speech, no consultation (CONSULT);
- "dead on arrival", "the arrival of a new phase", "it speaks to who you
  are", "speaks with difficulty", "hosts a radio show", "a town hall
  hosted by Fox News", "a consulting firm": no visit and no meeting
  (CONSULT);
- "an email provided to The Post", "student loans", "lent his ear",
  "comic relief": a document handed to the press, credit, attention and
  ease, no aid (AID);
- "hackers compromised 12 workstations": something endangered, nobody
  giving way (CONCEDE);
- "very little name recognition", "a widespread recognition that X needs
  to rebuild": being known and realising, no recognition of anyone
  (SUPPORT);
- "concluded that idealism is nice", "'...,' Allen concluded": a
  conclusion about no one, or the last words of a quote, accuses nobody;
  "charges $20,000 for speaking fees" is a price (ACCUSE).

All were found among the events extracted from PolNeAR's train articles
450 to 840 (their tune part), which no event set codes, and checked over
articles 0 to 840; none takes away a coded event of the training
sentences.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.nlp.events.deps import acted_on, pobjs_of
from pipeline.nlp.events.kinds import for_people, is_thing
from pipeline.nlp.events.pronouns import PERSONAL
from pipeline.nlp.events.triggers import Trigger

#: What one "shoots" that is filmed: "shoot video of the sign". Lemmas.
_FILMED = frozenset({"video", "footage", "film", "movie", "photo", "picture", "scene",
                     "commercial", "ad", "documentary", "episode", "pilot"})
#: What is "killed" that is a measure, not a life: "killing the bill". Lemmas.
_MEASURES = frozenset({"bill", "measure", "legislation", "proposal", "amendment", "deal",
                       "plan", "provision", "rule", "idea", "initiative", "nomination"})
#: What one "seizes" that is no person, place or property: "seize the
#: high ground", "seized the moment". Lemmas.
_POSITIONS = frozenset({"ground", "moment", "initiative", "opportunity", "chance", "mantle",
                        "spotlight", "momentum", "narrative", "advantage", "lead"})


#: What a source or a reporter asks for: "requested anonymity", "requests
#: for comment". Lemmas.
_PRESS_TERMS = frozenset({"anonymity", "comment"})
#: What one runs for: "seeking reelection", "seek her party's nomination".
#: Lemmas.
_OFFICES = frozenset({"reelection", "re-election", "election", "nomination", "office",
                      "presidency", "seat", "term", "candidacy"})


def _exploits(verb: Token) -> bool:
    """"Seized on the public health crisis", "seize the high ground"."""
    return verb.lemma_.lower() == "seize" and (
        bool(pobjs_of(verb, "on", "upon"))
        or any(o.lemma_.lower() in _POSITIONS for o in acted_on(verb)))


def _pays_films_or_odds(verb: Token) -> bool:
    """"Shell out $449,400", "shoot video of the sign", "a long-shot candidate"."""
    lemma = verb.lemma_.lower()
    if lemma == "shell":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    if lemma != "shoot":
        return False
    if verb.lower_ == "shot" and verb.dep_ in ("amod", "compound"):
        return True  # "a long-shot presidential candidate", not "the shooting death"
    return any(o.lemma_.lower() in _FILMED for o in acted_on(verb))


def _kills_a_measure(verb: Token) -> bool:
    """"Killing a religious-freedom bill", "the deal was killed"."""
    return verb.lemma_.lower() == "kill" and any(
        o.lemma_.lower() in _MEASURES for o in acted_on(verb))


def _shows(verb: Token) -> bool:
    """"Demonstrate her staying power", "tried to demonstrate that she
    offered a better cure": what is demonstrated is shown; protesters
    demonstrate with no object ("demonstrated outside the embassy")."""
    return verb.lemma_.lower() == "demonstrate" and verb.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "ccomp") for c in verb.children)


def _no_charge(tok: Token) -> bool:
    """"Politically charged", "charged into the fray", "in charge of"."""
    if tok.lemma_.lower() != "charge":
        return False
    if tok.pos_ == "NOUN":  # "the officer in charge of the base"
        return tok.dep_ == "pobj" and tok.head.lower_ == "in"
    return tok.dep_ in ("acomp", "amod") or bool(pobjs_of(tok, "into"))


def _pledged_delegates(tok: Token) -> bool:
    """"Enough pledged delegates": a kind of delegate (the parse may make
    "pledged" a verb with "delegates" its object, but then with no subject)."""
    if tok.lemma_.lower() != "pledge" or tok.i + 1 >= len(tok.doc):
        return False
    return tok.nbor(1).lemma_.lower() == "delegate" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _press_terms(tok: Token) -> bool:
    """"Requested anonymity to discuss ...", "repeated requests for comment"."""
    asked = acted_on(tok) + pobjs_of(tok, "for")
    return tok.lemma_.lower() in ("request", "ask") and any(
        a.lemma_.lower() in _PRESS_TERMS for a in asked)


def _runs_for_office(tok: Token) -> bool:
    """"Who is seeking reelection", "seeking the White House"."""
    return tok.lemma_.lower() == "seek" and any(
        o.lemma_.lower() in _OFFICES or (o.lower_ == "house" and any(
            c.lower_ == "white" for c in o.children)) for o in acted_on(tok))


def _begs_the_question(verb: Token) -> bool:
    """"They begged the question of whether Trump was being managed"."""
    return verb.lemma_.lower() == "beg" and any(o.lemma_.lower() == "question"
                                                 for o in acted_on(verb))


def _infers(must: Token) -> bool:
    """"He must be doing something right", "she must have known": "must"
    before a progressive or a perfect infers, it demands nothing."""
    if must.lower_ != "must" or must.dep_ != "aux":
        return False
    verb = must.head
    after = [c for c in verb.children if c.dep_ == "aux" and c.i > must.i]
    return (verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in after)) or (
        verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in after))


#: What is defied or ignored that is no one's demand, rule or ruling:
#: "defied the expectations", "ignore facts". Lemmas.
_UNBIDDEN = frozenset({"expectation", "odds", "prediction", "forecast", "logic", "gravity",
                       "description", "explanation", "fact", "word", "evidence", "science",
                       "history", "reality", "poll", "trend", "convention", "wisdom"})
#: What a network cancels: "canceled 'Minority Report'". Lemmas.
_SHOWS = frozenset({"show", "series", "program", "programme", "season", "revival", "episode"})


def _no_one_rejected(verb: Token) -> bool:
    """"Canceled 'Minority Report'", "the show was cancelled", "a race that
    has defied the expectations", "ignore facts"."""
    lemma, objects = verb.lemma_.lower(), acted_on(verb)
    if lemma in ("cancel", "axe"):
        return any(o.lemma_.lower() in _SHOWS or o.ent_type_ == "WORK_OF_ART"
                   or any(c.lemma_.lower() in _SHOWS for c in o.children) for o in objects)
    if lemma in ("defy", "ignore"):
        return bool(objects) and all(o.lemma_.lower() in _UNBIDDEN for o in objects)
    return False


def _contrasts_or_admits(tok: Token) -> bool:
    """"As opposed to some sort of legislation", "there's no denying"."""
    before = tok.nbor(-1).lower_ if tok.i > 0 else ""
    lemma = tok.lemma_.lower()
    return (lemma == "oppose" and before == "as") or (lemma == "deny" and before == "no")


#: What is cut when a side is sanctioned: "cut ties with Peru", "cut aid
#: to Chile", "cut off the gas supply". Lemmas.
_SEVERED = frozenset({"tie", "relation", "link", "contact", "aid", "assistance", "funding",
                      "fund", "supply", "export", "import", "trade", "shipment", "loan",
                      "credit", "subsidy", "oil", "gas", "electricity", "power", "water",
                      "communication", "line", "route", "access", "cooperation"})


#: What one comes back to that is no place left: "returned to power".
_COMEBACKS = frozenset({"power", "office", "politics", "government"})


def _goes_back(verb: Token) -> bool:
    """"Hollande returned to Paris", "Trump returned to ethnicity": a person
    coming back to a place or a topic (the training coders left "returned
    to the Kremlin" and "return to hacking" uncoded); what a force, a
    people or a state returns, or returns to, may still be a withdrawal."""
    if verb.lemma_.lower() != "return" or verb.pos_ != "VERB" or acted_on(verb):
        return False
    if any(p.lemma_.lower() in _COMEBACKS for p in pobjs_of(verb, "to")):
        return True  # "the Peronists returned to power": a come-back, whoever makes it
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.ent_type_ == "PERSON" or s.lower_ in ("he", "she", "i") for s in subjects)


def _dialogue(exchange: Token) -> bool:
    """"A testy exchange with reporters", "the exchange on financial
    regulations": words exchanged; an exchange of prisoners or a prisoner
    exchange says what is exchanged."""
    return (exchange.lemma_.lower() == "exchange" and exchange.pos_ == "NOUN"
            and not pobjs_of(exchange, "of")
            and not any(c.dep_ == "compound" for c in exchange.children))


def _cuts_no_tie(verb: Token) -> bool:
    """"Cut the number of polling places", "cut a new Web video", "cut
    into Clinton's lead": no tie, aid or supply is cut."""
    if verb.lemma_.lower() != "cut" or verb.pos_ != "VERB":
        return False
    cut = acted_on(verb)
    cut += [c for o in cut for c in o.children if c.dep_ == "compound"]
    return not any(c.lemma_.lower() in _SEVERED for c in cut)


#: Those one speaks to in an interview or a speech, not a consultation
#: (the training coders left "talking to the press" and "spoke to CNN"
#: uncoded). Lemmas.
_PRESS_AND_AUDIENCES = frozenset({
    "press", "reporter", "journalist", "medium", "media", "audience", "crowd", "house",
    "supporter", "voter", "viewer", "listener", "reader", "base", "rally", "gathering",
    "group", "generation", "student", "graduate", "congregation", "convention"})
#: Words in the names of news outlets: "Breitbart News", "The Washington
#: Post", "CNN". Lowercase.
_OUTLET_WORDS = frozenset({"news", "times", "post", "journal", "magazine", "radio", "television",
                           "tv", "network", "channel", "press", "herald", "tribune", "cnn",
                           "msnbc", "nbc", "abc", "cbs", "bbc", "npr", "politico", "reuters",
                           "breitbart", "fox", "axios", "bloomberg"})
_SPEAKING_TO = frozenset({"speak", "talk", "address"})


def _interview_or_speech(verb: Token) -> bool:
    """"Spoke to CNN", "talks to the press", "speaking to Iowans"."""
    if verb.lemma_.lower() not in _SPEAKING_TO:
        return False
    heard = pobjs_of(verb, "to", "with") + (
        [c for c in verb.children if c.dep_ == "dobj"] if verb.lemma_.lower() == "address" else [])
    return bool(heard) and all(_listeners(h) or any(_listeners(o) for o in pobjs_of(h, "of"))
                               for h in heard)  # "sets [of aggrieved voters]"


def _talk_about(tok: Token) -> bool:
    """"Merkel talks about a European consensus", "they don't talk much
    about his tenure", "Trump's tough talk", "the harsh talk about
    Muslims": speech about something, with nobody to talk with. Plural
    "talks" are negotiations, and a partner makes it a conversation
    ("spoke with Sanders about it"), as "we" do ("we've talked about the
    restriction", coded CONSULT by the conll_events coders)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN":  # "had a talk [with Hollande]": the partner may be the verb's
        partners = pobjs_of(tok, "with", "between") + (
            pobjs_of(tok.head, "with") if tok.dep_ == "dobj" else [])
        return lemma == "talk" and tok.tag_ == "NN" and not partners
    if lemma not in ("talk", "speak") or tok.pos_ != "VERB":
        return False
    partners = pobjs_of(tok, "with", "to") + [c for c in tok.children if c.dep_ == "dobj"]
    # "we've talked about the restriction": the speaker's side and whom it deals with
    ours = any(c.dep_ == "nsubj" and c.lower_ == "we" for c in tok.children)
    return not partners and not ours and bool(pobjs_of(tok, "about", "of"))


def _listeners(tok: Token) -> bool:
    """The press, an outlet or an audience."""
    return (tok.lemma_.lower() in _PRESS_AND_AUDIENCES or tok.ent_type_ == "NORP"
            or any(t.lower_ in _OUTLET_WORDS for t in tok.subtree))


#: Marks that open or close a quote, as the parser's tokens give them.
_QUOTES = frozenset({'"', "“", "”", "''", "``"})


def _a_party(tok: Token) -> bool:
    """A name, a pronoun for people or a noun for people or a body."""
    return bool(tok.ent_type_) or tok.lower_ in PERSONAL or for_people(tok)


def _quoted(clause: Token, verb: Token) -> bool:
    """Is the clause a quote the verb closes or opens ("'...,' Allen
    concluded", "concluded, 'With malice toward none ...'")?"""
    first = clause.left_edge
    before = first.nbor(-1) if first.i > 0 else first
    return clause.i < verb.i or first.text in _QUOTES or before.text in _QUOTES


def _concludes_of_no_one(verb: Token) -> bool:
    """"Groberg concluded that idealism is nice", "'..., ' Allen concluded":
    a conclusion accuses someone only where what is concluded is said of
    a party ("the FBI concluded that Clinton and her staffers were
    careless", coded ACCUSE by the training coders)."""
    if verb.lemma_.lower() != "conclude" or verb.pos_ != "VERB":
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses or any(_quoted(c, verb) for c in clauses):
        return True
    subjects = [t for c in clauses for t in c.subtree if t.dep_ in ("nsubj", "nsubjpass")]
    # with what names them: "the army presence" is said of the army
    subjects += [c for t in subjects for c in t.children if c.dep_ in ("compound", "poss")]
    return not any(_a_party(t) for t in subjects)


#: Occasions one hosts that are no one's visit: "hosts a radio show",
#: "hosted a fundraiser", "a town hall hosted by Fox News". Lemmas.
_HOSTED = frozenset({"show", "fundraiser", "conference", "hall", "dinner", "party", "breakfast",
                     "lunch", "luncheon", "reception", "event", "debate", "forum", "convention",
                     "gala", "program", "programme", "podcast", "barbecue", "festival",
                     "concert", "ceremony", "game", "tournament", "olympics", "session"})


#: How one speaks, not with whom: "speaks with difficulty". Lemmas.
_MANNERS = frozenset({"difficulty", "gusto", "passion", "conviction", "emotion", "authority",
                      "confidence", "ease", "candor", "candour", "accent", "force", "urgency",
                      "humor", "humour", "anger", "pride", "fervor", "fervour", "enthusiasm"})


def _no_visit_or_meeting(tok: Token) -> bool:
    """"Dead on arrival", "the arrival of a new phase", "new arrivals", "it
    speaks to who you are", "speaks with difficulty", "hosts a radio
    show", "a consulting firm"."""
    lemma = tok.lemma_.lower()
    if (tok.lower_.endswith("ing") and tok.dep_ in ("amod", "compound")
            and tok.head.pos_ == "NOUN" and not tok.head.ent_type_):
        return True  # "a consulting firm", "her negotiating partner", "the meeting place"
    if lemma == "arrival":
        if tok.dep_ == "pobj" and tok.head.lower_ == "on":
            return True
        if any(c.lower_ == "new" for c in tok.children if c.dep_ == "amod"):
            return True
        return any(is_thing(o) for o in pobjs_of(tok, "of"))
    if lemma == "speak":
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        return (bool(subjects) and all(is_thing(c) for c in subjects)) or any(
            o.lemma_.lower() in _MANNERS for o in pobjs_of(tok, "with"))
    if lemma == "host":
        hosted = acted_on(tok) + ([tok.head] if tok.dep_ in ("acl", "relcl") else [])
        return any(h.lemma_.lower() in _HOSTED or any(
            c.dep_ == "compound" and c.lemma_.lower() in _HOSTED for c in h.children)
            for h in hosted)
    return False


def _leaked(verb: Token) -> bool:
    """"The revelation, provided to The Associated Press", "an email
    provided to The Post": a source handing the press a document."""
    return verb.lemma_.lower() in ("provide", "give", "hand", "leak") and any(
        any(t.lower_ in _OUTLET_WORDS for t in o.subtree) for o in pobjs_of(verb, "to"))


#: Loans one takes out for oneself, which aid no party: "student loan
#: debt", "payday lending". Lemmas.
_CONSUMER = frozenset({"student", "payday", "mortgage", "home", "car", "auto", "consumer"})


def _no_aid_given(tok: Token) -> bool:
    """"Student loans", "payday lending", "lent his ear to", "comic relief",
    "might be a relief": credit one owes, attention and ease, no aid."""
    lemma = tok.lemma_.lower()
    if lemma in ("loan", "lending", "lend"):
        return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _CONSUMER
                   for c in tok.children) or any(o.lower_ == "ear" for o in acted_on(tok))
    if lemma == "relief":
        return tok.dep_ == "attr" or any(c.lower_ == "comic" for c in tok.children)
    return False


def _no_recognition_given(tok: Token) -> bool:
    """"Very little name recognition", "a widespread recognition that the
    DNC needs to rebuild": being known and realising something, where
    recognition of a state or a government is support."""
    if tok.lemma_.lower() != "recognition":
        return False
    realised = [c for c in tok.children if c.dep_ in ("acl", "relcl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return bool(realised) or any(c.dep_ == "compound" and c.lower_ == "name"
                                 for c in tok.children)


def _breaches(verb: Token) -> bool:
    """"Hackers compromised 12 workstations", "had compromised national
    secrets": something endangered, where to compromise is to give way
    ("Republicans would have to compromise", "compromise what he wants")."""
    return verb.lemma_.lower() == "compromise" and verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _a_price(verb: Token) -> bool:
    """"Charges somewhere between $20,000 and $30,000 for speaking fees"."""
    return verb.lemma_.lower() == "charge" and any(
        t.ent_type_ == "MONEY" for o in acted_on(verb) for t in o.subtree)


def idioms(doc: Doc, found: dict[int, Trigger]) -> set[int]:
    """Token indices of triggers in a set phrase of another sense."""
    return {i for i, trig in found.items()
            if (trig.type == "COERCE" and _exploits(doc[i]))
            or (trig.type == "ASSAULT" and (_pays_films_or_odds(doc[i])
                                            or _kills_a_measure(doc[i])))
            or (trig.type == "PROTEST" and _shows(doc[i]))
            or (trig.type == "ACCUSE" and _no_charge(doc[i]))
            or (trig.type in ("AGREE", "SUPPORT") and _pledged_delegates(doc[i]))
            or (trig.type == "SUPPORT" and _no_recognition_given(doc[i]))
            or (trig.type == "CONCEDE" and _breaches(doc[i]))
            or (trig.type == "REQUEST" and (_press_terms(doc[i]) or _runs_for_office(doc[i])
                                            or _infers(doc[i]) or _begs_the_question(doc[i])))
            or (trig.type == "REJECT" and (_contrasts_or_admits(doc[i])
                                           or _no_one_rejected(doc[i])))
            or (trig.type == "RETREAT" and (_goes_back(doc[i]) or _dialogue(doc[i])))
            or (trig.type == "SANCTION" and _cuts_no_tie(doc[i]))
            or (trig.type == "CONSULT" and (_interview_or_speech(doc[i])
                                            or _no_visit_or_meeting(doc[i])
                                            or _talk_about(doc[i])))
            or (trig.type == "AID" and (_leaked(doc[i]) or _no_aid_given(doc[i])))
            or (trig.type == "ACCUSE" and (_concludes_of_no_one(doc[i]) or _a_price(doc[i])))}
