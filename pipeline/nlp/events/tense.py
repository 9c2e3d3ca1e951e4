"""Tense and polarity of an event trigger, read off the dependency parse.

Future is marked by "will", by a controlling verb of intention ("plans to
meet") or a readiness or vow ("is ready to resume talks"), hypothetical by a
modal or a verb that only weighs the act ("is considering sanctions"); otherwise the tag of the nearest finite
verb decides past or present. Negation is a "not"/"never" on the trigger or
on a verb that controls it, or "no" before a nominal trigger.
"""
from __future__ import annotations

from spacy.tokens import Token

from pipeline.records import Tense

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"could", "may", "might", "would", "should"})
_FUTURE_HEADS = frozenset({"intend", "plan", "hope", "expect", "aim", "prepare", "seek"})
#: Adjectives that state a readiness to act: "is willing to withdraw".
_INTENT_ADJ = frozenset({"willing", "prepared", "ready", "committed", "determined", "eager"})
#: Verbs of promising or resolving: "vowed to fight", "swore to retaliate".
_INTENT_VERBS = frozenset({"vow", "swear", "pledge", "promise", "resolve"})
#: Verbs that weigh an act without doing it: "is considering sanctions".
_CONSIDER_HEADS = frozenset({"consider", "weigh", "mull", "contemplate", "study"})
#: Verbs that say the controlled act did not come about: "failed to reach".
_NEG_HEADS = frozenset({"fail", "refrain", "decline"})
_REPORTING_HEADS = frozenset({"say", "announce", "tell", "declare", "state", "add"})
_CLIMB = frozenset({"xcomp", "acl", "advcl", "relcl", "conj"})
#: Verbs that say the act goes on, whatever their own tense: "will
#: continue to deport", "keeps attacking".
_ONGOING_HEADS = frozenset({"continue", "keep"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _chain(tok: Token, with_subject_head: bool) -> list[Token]:
    """The trigger, the verb governing a nominal trigger, and the verbs
    above it through control ("does not plan to meet")."""
    chain, cur = [tok], tok
    if tok.pos_ == "NOUN":
        governed = ("dobj",) + (("nsubj", "nsubjpass", "attr") if with_subject_head else ())
        if tok.dep_ not in governed or tok.head.pos_ not in ("VERB", "AUX"):
            return chain
        cur = tok.head
        chain.append(cur)
    while cur.dep_ == "xcomp" and cur.head != cur:
        cur = cur.head
        chain.append(cur)
    return chain


def negated(tok: Token) -> bool:
    """A "not"/"never" on the trigger or a verb controlling it, or "no talks"."""
    chain = _chain(tok, with_subject_head=False)
    if any(c.dep_ == "neg" for t in chain for c in t.children):
        return True
    if any(t != tok and t.lemma_ in _NEG_HEADS for t in chain):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _finite(verb: Token) -> bool:
    return verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children)


def _tense_path(tok: Token) -> list[Token]:
    """From the trigger (or the verb governing a nominal one) up through
    non-finite verbs to the first finite one: "would take the time to
    request" -> [request, take]."""
    cur = tok
    if tok.pos_ == "NOUN":
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
            head = head.head  # "intends to participate [in meetings]"
        if head == tok or head.pos_ not in ("VERB", "AUX"):
            return [tok]
        cur = head
    path = [cur]
    while not _finite(cur) and cur.dep_ in _CLIMB and cur.head != cur and len(path) < 5:
        cur = cur.head
        path.append(cur)
    return path


def tense(tok: Token) -> Tense:
    """future ("will", "plans to"), hypothetical (could/may/might/would),
    else past or present from the finite verb's tag; an act one continues
    or keeps doing is present, whatever the tense of "continue"."""
    path = _tense_path(tok)
    for t in path:
        if t != tok and t.lemma_ in _ONGOING_HEADS:
            return "present"  # "will continue to return migrants": a practice going on
        auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _FUTURE_AUX:
            return "future"
        if auxes & _HYPOTHETICAL_AUX:
            return "hypothetical"
        if t != tok and t.lemma_ in _FUTURE_HEADS:
            return "future"
        if t != tok and t.lemma_ in _CONSIDER_HEADS:
            return "hypothetical"
        if t.dep_ == "xcomp" and (t.head.lower_ in _INTENT_ADJ or t.head.lemma_ in _INTENT_VERBS):
            return "future"  # "is ready to resume talks", "vowed to retaliate"
    top = path[-1] if path[-1].pos_ in ("VERB", "AUX") else tok.sent.root
    tags = {top.tag_} | {c.tag_ for c in top.children if c.dep_ in ("aux", "auxpass")}
    lemmas = {c.lemma_ for c in top.children if c.dep_ == "aux"}
    if "VBD" in tags or ("have" in lemmas and top.tag_ == "VBN"):
        return "past"
    return "present" if tags & {"VBZ", "VBP"} else "past"


def intends(tok: Token) -> bool:
    """Is the trigger something its actor means to do, not something done?
    Future, "is willing/prepared to", "vowed to", or a reported "would"
    ("said they would boycott"), which is a future seen from the past. An
    act that "would continue" goes on already: it is done, not meant."""
    if any(t != tok and t.lemma_ in _ONGOING_HEADS for t in _tense_path(tok)):
        return False
    if tense(tok) == "future":
        return True
    for t in _tense_path(tok):
        auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
        if "would" in auxes and t.dep_ == "ccomp" and t.head.lemma_ in _REPORTING_HEADS:
            return True
        if t.dep_ == "xcomp" and (t.head.lower_ in _INTENT_ADJ or t.head.lemma_ in _INTENT_VERBS):
            return True
    return False


def conditional(tok: Token) -> bool:
    """"... unless Baghdad accepts": the act hangs on what the other side does."""
    return any(c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in c.children)
               for t in _tense_path(tok) for c in t.children)
