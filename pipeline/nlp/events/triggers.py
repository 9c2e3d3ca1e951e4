"""The trigger lexicon: which words signal which PLOVER event type.

Each type has a file ``lexicons/plover/<TYPE>.txt`` a reviewer can read:
``lemma[/verb|/noun|/aux]<TAB>mode<TAB>context...``. A two-word entry is one
of five shapes, all read off the parse:

- verb plus particle or preposition: "call on", "pull out", "speak by";
- verb plus its direct object or object predicate, the object being the
  trigger: "open fire", "held hostage";
- a compound noun, the head being the trigger: "hunger strike";
- verb plus the predicate adjective it takes: "find guilty";
- a preposition plus its noun, the noun being the trigger: "under fire".

A verb entry also signals its event through the nouns English derives from
it ("accuse" -> "accusation", "deploy" -> "deployment", "kidnap" ->
"kidnapping"): :func:`derived_nouns` spells the regular derivations out, so
the lexicons list verbs once and a nominal trigger needs an entry only when
it is irregular ("detain" -> "detention"). ``derived_exceptions.txt`` names
the derived nouns whose usual sense is no happening ("requirement").

``lexicons/plover/combinations.tsv`` says what a trigger noun becomes when
another verb governs it ("lift" + a COERCE noun = CONCEDE: "lifted the
curfew"), and ``actor_nouns.txt`` which common nouns can be participants
(``wordnet_people.txt``, written from WordNet, more of them as a last
resort).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.events.deps import for_clauses
from pipeline.nlp.lexicon import load_lines, load_words
from pipeline.records import EVENT_TYPES

#: "/label": a verb that names its object ("called the request 'megaphone
#: practice'"): an object predicate, or a quoted phrase in the object.
_POS = {"verb": ("VERB",), "noun": ("NOUN",), "aux": ("AUX",), "label": ("LABEL",),
        None: ("VERB", "NOUN")}
_QUOTES = frozenset('"“”«»')


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    context: tuple[str, ...]
    pos: tuple[str, ...]


_VOWELS = frozenset("aeiou")


def derived_nouns(verb: str) -> set[str]:
    """The regular event nouns of a verb: -ing (doubling a short verb's last
    consonant: "kidnapping"), -ment, -al, -ion and -ation. Forms English
    lacks ("banment") are harmless: no text ever has them."""
    stem = verb[:-1] if verb.endswith("e") else verb
    out = {stem + "ing", verb + "ing", verb + "ment", stem + "ation"}
    if len(verb) <= 6 and len(verb) >= 3 and verb[-1] not in _VOWELS | {"w", "x", "y"} \
            and verb[-2] in _VOWELS and verb[-3] not in _VOWELS:
        out.add(verb + verb[-1] + "ing")
    if verb.endswith("e"):
        out |= {stem + "al", stem + "ion", stem + "ure"}
    elif verb.endswith("w"):
        out.add(verb + "al")
    elif verb.endswith("y"):
        out.add(verb[:-1] + "ial")
    elif verb.endswith("t"):
        out.add(verb + "ion")
    if verb.endswith("m"):
        out.add(verb + "ament")
    out.discard(verb)
    return out


@functools.cache
def triggers() -> dict[str, tuple[Trigger, ...]]:
    """Lemma (or two-word key) -> the triggers it can be, from the lexicons
    (listed entries), then the nouns derived from their verbs."""
    table: dict[str, list[Trigger]] = {}
    verbs: list[tuple[str, Trigger]] = []
    for etype in EVENT_TYPES:  # a missing file is a packaging bug: let it raise
        for row in load_lines(f"events/lexicons/plover/{etype}.txt"):
            lemma, _, pos = row[0].partition("/")
            mode = row[1] if len(row) > 1 and row[1] else None
            context = tuple(c for c in row[2:] if c)
            trig = Trigger(etype, mode, context, _POS[pos or None])
            table.setdefault(lemma, []).append(trig)
            if "VERB" in trig.pos and " " not in lemma:
                verbs.append((lemma, trig))
    not_events = load_words("events/lexicons/plover/derived_exceptions.txt")
    derived: dict[str, list[Trigger]] = {}
    for verb, trig in verbs:
        for noun in derived_nouns(verb) - not_events - table.keys():
            derived.setdefault(noun, []).append(
                Trigger(trig.type, trig.mode, trig.context, ("NOUN",)))
    return {k: tuple(v) for k, v in (table | derived).items()}


@functools.cache
def combinations() -> dict[tuple[str, str], tuple[str, str | None]]:
    """(governing verb lemma, object trigger type) -> (type, mode)."""
    out = {}
    for row in load_lines("events/lexicons/plover/combinations.tsv"):
        mode = row[3] if len(row) > 3 and row[3] else None
        out[(row[0], row[1].upper())] = (row[2].upper(), mode)
    return out


@functools.cache
def actor_nouns() -> frozenset[str]:
    return load_words("events/lexicons/plover/actor_nouns.txt")


#: Nouns whose first WordNet sense is a person or a body that can act
#: (written by tests/eval/list_people_nouns.py; see ``args.people_named``).
PEOPLE_NOUNS_FILE = "events/lexicons/wordnet_people.txt"


@functools.cache
def people_nouns() -> frozenset[str]:
    return load_words(PEOPLE_NOUNS_FILE)


def _particles(tok: Token, *deps: str) -> list[Token]:
    """Particles and prepositions after the word that can complete a
    two-word trigger (after it: "On Tuesday, X called ..." is no "call on")."""
    return [c for c in tok.children if c.dep_ in deps and c.i > tok.i]


def _keys(tok: Token, lemma: str) -> list[str]:
    """Two-word keys first (they are more specific), then the lemma."""
    keys = [f"{lemma} {c.lower_}" for c in _particles(tok, "prt", "prep", "agent")]
    if for_clauses(tok):  # "called [for] X to quit"
        keys.append(f"{lemma} for")
    keys += [f"{c.lemma_.lower()} {lemma}" for c in tok.children
             if c.dep_ in ("compound", "amod") and c.i < tok.i]
    # "found [guilty]": a verb and the predicate adjective it gives its object
    keys += [f"{lemma} {c.lower_}" for c in tok.children
             if c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ"]
    if tok.dep_ in ("dobj", "oprd"):  # "opened fire", "was held hostage"
        keys.append(f"{tok.head.lemma_.lower()} {lemma}")
    if tok.dep_ == "pobj":  # "came [under] fire": a noun in its idiom's preposition
        keys.append(f"{tok.head.lower_} {lemma}")
    return keys + [lemma]


def trigger_prepositions(tok: Token) -> list[Token]:
    """The prepositions that make a two-word trigger with the word ("went
    [after]", "stood [by]")."""
    table, lemma = triggers(), tok.lemma_.lower()
    return [c for c in _particles(tok, "prep") if f"{lemma} {c.lower_}" in table]


def _labels(tok: Token) -> bool:
    """Does the verb name its object: "called X Y", "called X 'Y'"? Not a
    name alone after an active verb: "Obama called Naghmeh Abedini" is a
    call to her, which the parser takes for a name given to nobody."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "oprd")]
    quoted = any(t.text in _QUOTES for o in objects for t in o.subtree)
    return quoted or any(c.dep_ == "oprd" and not _name_alone(c, objects) for c in objects)


def _name_alone(predicate: Token, objects: list[Token]) -> bool:
    """An object predicate that is a proper name, with no object and no
    passive subject to name ("called out Trump" still calls him out)."""
    verb = predicate.head
    return (predicate.pos_ == "PROPN" and objects == [predicate] and not any(
        c.dep_ in ("nsubjpass", "auxpass") or (c.dep_ == "prt" and c.lower_ == "out")
        for c in verb.children))


def trigger_of(tok: Token) -> Trigger | None:
    """The trigger ``tok`` is, preferring two-word entries ("call on")."""
    if tok.pos_ not in ("VERB", "NOUN", "AUX"):
        return None
    table = triggers()
    pos = {tok.pos_} | ({"LABEL"} if tok.pos_ == "VERB" and _labels(tok) else set())
    for key in _keys(tok, tok.lemma_.lower()):
        for trig in table.get(key, ()):
            if pos.intersection(trig.pos):
                return trig
    return None


def combined_row(governor: Token, noun_trigger: Trigger,
                 causative: bool = True) -> Trigger | None:
    """The event combinations.tsv makes of a verb and a trigger noun, if any
    (``causative``: also the "*" rows, which hold for objects only)."""
    table, lemma = combinations(), governor.lemma_.lower()
    hit = table.get((lemma, noun_trigger.type)) or (
        table.get((lemma, "*")) if causative else None)
    if hit is None:
        return None
    if hit[0] == "*":  # a causative: "ordered patrols" is the patrols
        return noun_trigger
    return Trigger(hit[0], hit[1], noun_trigger.context, noun_trigger.pos)


def combined(governor: Token, noun_trigger: Trigger,
             governor_trigger: Trigger | None) -> Trigger | None:
    """The one event a verb and its trigger-noun object make together:
    "accepted demands" is a concession, "rejected an offer" a rejection,
    "held talks" (no entry, no verb trigger) stays the noun's event."""
    return combined_row(governor, noun_trigger) or governor_trigger
