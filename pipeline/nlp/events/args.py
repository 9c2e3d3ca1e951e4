"""Who does an event and to whom, read off the dependency parse.

Subject -> actor; object or "to/with/against/on" object -> recipient;
passives swapped ("Whelan was sentenced": Whelan is the recipient); an
infinitive takes its controller ("invited Moscow to discuss": Moscow
discusses). A trigger that takes a clause (a demand, a threat, an offer)
finds its recipient inside it: "demanded that the US cancel" -> the US,
"threatened to break relations with Russia" -> Russia.

A participant is an entity of the article when one covers the phrase, and
otherwise a common noun that names people ("police", "rebels", "the
government") or a name the tagger took for a common noun ("Simitis
blamed"), kept by name with a null entity id: gold codings are full of
such actors, and dropping them drops the event. An office "of" a state acts
for the state ("the president of Armenia"), a thing stands for its owner
("Lavrov's presence"), an event noun for its own doer ("the killing of X by
Y" -> Y). A joint act goes from the first side named to the others ("A and
B agreed": A -> B), and a passive or an infinitive with no subject of its
own takes the one its clause implies ("fled after being questioned by
police", "will be the first leader to meet Y").
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from spacy.tokens import Token

from pipeline.nlp.entities import PERSON_PRONOUNS, EntityIndex, Hit, resolve, with_conjuncts
from pipeline.nlp.events.deps import (
    RELATIVES,
    clause_subjects,
    for_clauses,
    for_relatives,
    infinitive,
    pobjs,
    pobjs_of,
)
from pipeline.nlp.events.implied import authors, under_doers, undergoer, writers
from pipeline.nlp.events.kinds import for_people, is_thing, is_writing, town_of_event
from pipeline.nlp.events.light_verbs import (
    attending_verb,
    gatherings,
    governing_verb,
    passive_doer,
    phrase_head,
    pitted_sides,
    rallied_to,
    receiving,
    stance_verb,
)
from pipeline.nlp.events.party_phrases import (
    appositive_person,
    coordinated_before,
    coordinated_modifiers,
    office_of,
    person_inside,
)
from pipeline.nlp.events.pronouns import GROUP_PRONOUNS, PRONOUNS, group, speaker_of
from pipeline.nlp.events.trigger_model import PARTY_TYPES
from pipeline.nlp.events.triggers import (
    Trigger,
    actor_nouns,
    people_nouns,
    trigger_of,
    trigger_prepositions,
)
from pipeline.nlp.parsing import untagged_name

_RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "between"})
#: Types whose nominal trigger takes its target with "on" ("sanctions on X");
#: for the others "on" names a topic ("talks on Ukraine").
_ON_TARGET = frozenset({"SANCTION", "ASSAULT", "COERCE", "ACCUSE", "THREATEN", "PROTEST"})
#: Types whose verb takes its target with "at" when nothing else names one
#: ("lashed out at Rubio", "fired back at the press"); for the others "at"
#: names a place ("met at the White House", "fired at the border").
_AIMED_AT = frozenset({"ACCUSE", "THREATEN"})
#: Types whose nominal trigger takes its beneficiary with "for".
_FOR_TARGET = frozenset({"SUPPORT", "AID"})
#: Types whose nominal trigger takes its target with "of": "the release of
#: X", "the arrest of X", "the invasion of X" (for the others "of" may be the
#: doer: "a meeting of ministers").
_OF_TARGET = frozenset({"RETREAT", "COERCE", "ASSAULT", "SANCTION", "ACCUSE"})
#: Types of events two sides do together: "A and B held talks" is A's
#: with B, from the first side named to the rest (so a record says who met
#: whom; conll_events is coded so, plover_gsr puts both in the source).
_JOINT = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Verbs of acts two sides do to each other, whatever their type: "A and
#: B signed a treaty", "have fought two wars", "exchanged fire" (A -> B, as
#: for _JOINT; not "A and B attacked", which they did together).
_RECIPROCAL = frozenset({"sign", "fight", "clash", "battle", "skirmish", "exchange"})
#: Heads that only count or gather the participants: "thousands of students".
_QUANTITY = frozenset({"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "dozen",
                       "dozens", "score", "scores", "million", "millions", "group", "number",
                       "some", "most", "many", "all", "part", "batch", "patch"})
#: Prepositions through which a thing-noun points at the party concerned.
_INNER_PREPS = ("of", "against", "by", "on", "to", "with", "for")
#: Name types a proper noun outside any entity may still be a participant as.
_NAME_TYPES = frozenset({"", "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Modifiers that are not part of a participant's name ("some 500", "the").
_DROP_DEPS = frozenset({"det", "nummod", "quantmod", "predet", "punct", "advmod", "cc"})


def _expand(heads: list[Token]) -> list[Token]:
    return [t for h in heads for t in with_conjuncts(h)]


def _name(tok: Token) -> Hit:
    """A common-noun participant by its phrase: "Egyptian police"."""
    left = [c for c in tok.lefts if c.dep_ not in _DROP_DEPS and c.dep_ != "poss"]
    first = min([tok, *(t for c in left for t in c.subtree)], key=lambda t: t.i)
    words = [t for t in tok.doc[first.i:tok.i + 1] if t.dep_ not in _DROP_DEPS]
    start = words[0].idx if words else tok.idx
    return Hit(None, start, tok.idx + len(tok), " ".join(t.text for t in words) or tok.text)


def participant(tok: Token, index: EntityIndex, pointed: bool = False) -> list[Hit]:
    """Hits the head ``tok`` stands for, or [] when it names no one
    (``pointed``: a thing another thing pointed at, which points no further)."""
    stands_for = _stand_in(tok, index)
    return stands_for if stands_for is not None else _named(tok, index, pointed)


def _stand_in(tok: Token, index: EntityIndex) -> list[Hit] | None:
    """The participants of a head that stands for someone else (a pronoun,
    a misparsed verb, "two of X", an office, a thing someone owns); None
    when ``tok`` is to be resolved as it is."""
    lower = tok.lower_
    if tok.pos_ == "PRON" and lower in PRONOUNS:
        speaker = speaker_of(tok) if tok.dep_ in ("nsubj", "nsubjpass", "poss") else None
        if speaker is not None and speaker != tok:
            return participant(speaker, index)
        return group(tok, index) if lower in GROUP_PRONOUNS else []
    if tok.pos_ == "VERB":  # misparsed "[X operating in Y] said": X
        inner = [c for c in tok.children if c.dep_ == "nsubj"]
        return participant(inner[0], index) if inner else []
    if (lower in _QUANTITY or tok.pos_ == "NUM") and (of := pobjs_of(tok, "of")):
        return participant(of[0], index)
    actor_noun = tok.pos_ == "NOUN" and tok.lemma_.lower() in actor_nouns()
    if actor_noun and (states := office_of(tok, index)):
        return states  # "the president of Armenia" acts for Armenia, whoever holds it
    owners = [c for c in tok.children if c.dep_ == "poss"]
    if owners and tok.pos_ == "NOUN" and for_people(tok) and (
            holder := appositive_person(tok, index)):
        return holder  # "ABC's host, George Stephanopoulos": the host, not ABC
    thing = tok.pos_ == "NOUN" and not actor_noun
    if thing and not owners and (hits := _compound_owner(tok, index)):
        return hits
    if thing and owners and (hits := participant(owners[0], index)):
        return hits  # "protested Lavrov's visit", "block Sweden's NATO membership"
    return None


def _compound_owner(tok: Token, index: EntityIndex) -> list[Hit]:
    """"a Kabul government statement", "US Predator attacks": a body, or a
    person, organisation, state or people, named in front of a thing owns
    it, as "the government's statement" does (a place does not: "the Wall
    Street opening")."""
    names = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    if not names or town_of_event(names[-1]):
        return []
    body = names[-1].lemma_.lower() in actor_nouns()
    return [h for h in participant(names[-1], index)
            if (h.entity is None and body) or (h.entity is not None and h.entity.type in PARTY_TYPES)]


def _named(tok: Token, index: EntityIndex, pointed: bool = False) -> list[Hit]:
    """The entity (or name) a head gives itself, else whom its phrase names."""
    town = any(town_of_event(c) for c in tok.children)
    hit = None if town else resolve(tok, index, modifiers=True)
    if hit is not None and hit.entity is not None:
        return [*coordinated_before(tok, hit, index), hit, *coordinated_modifiers(tok, hit, index)]
    actor_noun = tok.pos_ == "NOUN" and tok.lemma_.lower() in actor_nouns()
    if actor_noun and (holder := appositive_person(tok, index)):
        return holder
    if (tok.pos_ == "PROPN" and tok.ent_type_ in _NAME_TYPES) or untagged_name(tok) or actor_noun:
        return [_name(tok)]
    if tok.pos_ == "NOUN" and trigger_of(tok) is not None and (doers := _own_doers(tok, index)):
        return doers  # "condemned the killing of X by Y": Y did it
    # "positions of the security forces", "action against Russia"; a thing
    # pointed at points further only against someone ("reservists for a war
    # [against Norway]"; not "charged him with acts of abuse [of children]")
    preps = ("against",) if pointed else _INNER_PREPS
    inner = pobjs_of(tok, *preps) if tok.pos_ == "NOUN" else []
    if hits := [h for t in inner[:2] for h in participant(t, index, pointed=True)]:
        return hits
    if not pointed and (hits := person_inside(tok, index)):
        return hits
    # not "its neighbour", "his counterpart": someone the context names
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
    people = tok.pos_ == "NOUN" and tok.lemma_.lower() in people_nouns() and not owned
    # "he" with no antecedent (a one-sentence report) is still the text's
    # word for the side, as the coders code it
    people = people or tok.lower_ in PERSON_PRONOUNS
    return [_name(tok)] if people and _PEOPLE_NAMED.get() else []


def resolve_all(heads: list[Token], index: EntityIndex) -> list[Hit]:
    """Participants for heads, deduplicated by entity (or name), in order."""
    hits: dict[str, Hit] = {}
    for tok in heads:
        for hit in participant(tok, index):
            hits.setdefault(key_of(hit), hit)
    return list(hits.values())


def key_of(hit: Hit) -> str:
    return hit.entity.id if hit.entity is not None else hit.text.lower()


#: spaCy's entity labels of a time ("on Friday"), which controls no verb.
_TIME_LABELS = frozenset({"DATE", "TIME"})


def _controller(verb: Token) -> Token | None:
    """Who does the infinitive: the object of "urged X to", "called on X to"
    (not a day: "were poised on Friday to sign" is done by the subject)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [p for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                for p in pobjs(c) if p.ent_type_ not in _TIME_LABELS]
    return objects[0] if objects else None


def _with_auxiliary(verb: Token) -> bool:
    """Is the participle a passive with its own "be" ("was held", "being
    questioned"), not a bare one ("six nuns held")?"""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _undergoer_outside(passive: Token) -> list[Token]:
    """"X fled after being questioned by police": a passive with no subject
    of its own, in a phrase or clause of another verb, is done to that
    verb's subject. Only a passive with its "being" (a bare participle,
    "helped by a firmer opening, Paris climbed", is often no act on anyone)."""
    if passive.dep_ == "conj" and passive.tag_ == "VBN" and (shared := _passive_subjects(passive.head)):
        return shared  # "X was arrested and sentenced by a court"
    if not _with_auxiliary(passive):
        return []
    if passive.dep_ in ("advcl", "conj"):  # "rebels attacked and were killed by troops"
        return clause_subjects(passive.head)
    if passive.dep_ == "pcomp" and passive.head.dep_ == "prep" and passive.head.head.pos_ == "VERB":
        return clause_subjects(passive.head.head)
    return []


def _described(verb: Token) -> list[Token]:
    """"X will be the first leader [to meet Y]": an infinitive describing
    what the subject of a copula is does it."""
    noun = verb.head
    if (verb.dep_ in ("relcl", "acl") and noun.dep_ == "attr" and noun.i < verb.i
            and infinitive(verb)):
        return clause_subjects(noun.head)
    return []


#: Entity types of amounts and times, which name no one ("$1.5 million").
_MEASURES = frozenset({"MONEY", "CARDINAL", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"})


def _someone(tok: Token) -> bool:
    """A head that may name another party: not a thing, a sum, a date or
    the noun itself."""
    return (not is_thing(tok) and tok.pos_ != "NUM" and tok.ent_type_ not in _MEASURES
            and not tok.lower_.endswith(("self", "selves")))  # "a man calling himself X"


def _bearers(participle: Token) -> list[Token]:
    """"a super PAC [backing Jeb Bush]", "rebels [fighting the army]": a
    present participle describing people, a body or a name says what they
    do to whom it names (a thing's, "a bill [banning X]", is its maker's,
    not its own). Done to nobody ("workers [arriving by train]", "refugees
    [seeking entry]") it is a description, no event. "Tom Hale, a
    journalist [visiting Oslo]": the person the noun describes."""
    noun = participle.head
    if (participle.dep_ != "acl" or participle.tag_ != "VBG" or noun.i > participle.i
            or noun.pos_ not in ("NOUN", "PROPN", "NUM") or is_thing(noun)
            or not any(map(_someone, complements(participle)))):
        return []
    while noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        noun = noun.head
    return [noun]


def _passive_subjects(verb: Token) -> list[Token]:
    """The subject of a passive, the noun a relative clause describes
    standing for its relative word ("Hale, [who] was held in jail").
    (A bare participle's noun, "six nuns [held] for two weeks", taken the
    same way, cost conll_events holdout actor F1 0.601 -> 0.589: the
    named neighbours it displaced gave the actor.)"""
    return for_relatives(verb, [c for c in verb.children if c.dep_ == "nsubjpass"])


def subject(verb: Token) -> tuple[list[Token], list[Token]]:
    """(actor heads, recipient heads) from a verb's subject side. Controlled
    verbs take their controller; "X was supposed to meet" -> X as actor
    (only the trigger's own passive subject is a recipient)."""
    trigger, via = verb, None
    # "rebels who entered the country and are wanted at home": a passive
    # sharing another verb's subject undergoes it
    shares_as_passive = _with_auxiliary(verb)
    for _ in range(3):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        passive = _passive_subjects(verb)
        # "X was arrested and sentenced": X is sentenced, because the
        # conjoined participle shares the voice.
        if passive and (via == "xcomp" or (via == "conj" and trigger.tag_ != "VBN")):
            return passive, []
        if passive or agent:
            return (pobjs(agent) if agent else []), passive or _undergoer_outside(verb)
        subj = clause_subjects(verb)
        if not subj and (described := _described(verb) or authors(verb) or _bearers(verb)):
            return described, []
        if subj and via == "conj" and shares_as_passive:
            return [], subj
        if subj or verb.dep_ not in ("xcomp", "conj", "advcl", "acomp") or verb.head == verb:
            return _writers_for_writings(subj), []
        controller = _controller(verb.head) if verb.dep_ == "xcomp" else None
        if controller is not None:
            return [controller], []
        via, verb = verb.dep_, verb.head
    return [], []


def _writers_for_writings(subjects: list[Token]) -> list[Token]:
    """A writing that does something stands for its writers where they are
    named: "a statement from the ministry urged X" is the ministry's."""
    return [w for s in subjects for w in ((is_writing(s) and writers(s)) or [s])]


def _idiom_objects(verb: Token) -> list[Token]:
    """Objects of the preposition a two-word trigger ends in: whom one
    "went after", "bowed to", "stood by" (not what one "called for": that
    is the content asked for)."""
    return [p for c in trigger_prepositions(verb) if c.lower_ != "for" for p in pobjs(c)]


def complements(tok: Token, on_target: bool = True) -> list[Token]:
    """Object-side heads: direct/indirect objects and "to/with/against/on" objects."""
    preps = _RECIPIENT_PREPS if on_target else _RECIPIENT_PREPS - {"on"}
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "iobj") and c.pos_ != "ADP":
            out.append(c)
        elif c.dep_ in ("prep", "dative") and c.lower_ in preps:
            out.extend(pobjs(c))
    return out


def content(tok: Token) -> list[Token]:
    """The clause a trigger governs as its content: "demanded [that X go]",
    "threatened [to ban]", "a request [to arrange]", "a request [for talks]"."""
    if tok.pos_ == "NOUN":
        clauses = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.i > tok.i
                   and any(a.lower_ == "to" for a in c.children)]
        clauses += [c for c in tok.children if c.dep_ == "acl" and any(
            m.dep_ == "mark" for m in c.children)]
        if tok.dep_ == "dobj":  # "reiterated its demand today [that X ease ...]"
            clauses += [c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        return clauses + [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"]
    # "called for a ceasefire", "pressed for talks": what is asked, argued or done for
    return [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")
            or (c.dep_ == "prep" and c.lower_ == "for")] + for_clauses(tok)


def _content_recipients(tok: Token, index: EntityIndex) -> list[Hit]:
    """Whom the demanded, offered or threatened act concerns."""
    for clause in content(tok):
        if clause.dep_ == "ccomp" or any(m.dep_ == "mark" for m in clause.children):
            subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if hits := resolve_all(_expand(subj), index):
                return hits
        objs = complements(clause)
        objs += [p for o in objs if o.pos_ == "NOUN" for p in complements(o, False)]
        if hits := resolve_all(_expand(objs), index):
            return hits
    # "threatened to stop talks if the United States goes ahead"
    for verb in [tok, *(c for c in content(tok) if c.pos_ == "VERB")]:
        for c in verb.children:
            if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children):
                subj = [s for s in c.children if s.dep_ == "nsubj"]
                if hits := resolve_all(_expand(subj), index):
                    return hits
    return []


def _party_modifiers(noun: Token) -> list[Token]:
    """The owner, adjective and compound modifiers in front of a noun that
    may name its doer: not the town an attack, agreement or talks took
    place in ("the Paris attacks")."""
    return [c for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c.i < noun.i
            and not town_of_event(c)]


def _owners_before(noun: Token) -> list[Token]:
    """The owner, adjective and compound modifiers in front of a noun, with
    their conjuncts: "[Russia's] attack", "a [US] offer", "[Russian] backing"."""
    return [t for c in _party_modifiers(noun) for t in with_conjuncts(c)]


def _own_doers(noun: Token, index: EntityIndex) -> list[Hit]:
    """Who an event noun itself says did it: "the killing of X by Y", "a
    US offer", "Russia's attack"."""
    return resolve_all(_owners_before(noun) + _expand(pobjs_of(noun, "by", "from")), index)


def _givers_named(noun: Token, trig: Trigger) -> list[Token]:
    """Who gives what a verb of receiving gets, by the noun's own phrase:
    "won [Russia's] backing", "won the support [of Paul Singer]" (but
    "drew criticism of the plan" is aimed at the plan: _OF_TARGET)."""
    of = _expand(pobjs_of(noun, "of")) if trig.type not in _OF_TARGET else []
    return _owners_before(noun) + of


#: Verbs whose subject holds a support someone gives: "has the backing of
#: X", "enjoys X's support", "lost the support of Y".
_HOLDING = frozenset({"have", "enjoy", "retain", "lose"})


def _support_held(noun: Token, trig: Trigger) -> tuple[list[Token], list[Token]] | None:
    """(givers, holders) of a support or aid the subject holds, where the
    noun's phrase names who gives it; else None ("has strong support", "has
    little name recognition": a share, nobody's act)."""
    verb = noun.head
    if trig.type not in _FOR_TARGET or noun.dep_ != "dobj" or verb.lemma_.lower() not in _HOLDING:
        return None
    givers = _givers_named(noun, trig)
    named = [g for g in givers if g.dep_ in ("poss", "pobj") or g.ent_type_ or g.pos_ == "PROPN"]
    return (givers, subject(verb)[0]) if named else None


def _received(frame: tuple[list[Token], list[Token]],
              index: EntityIndex) -> tuple[list[Hit], list[Hit]]:
    """Givers act on receivers; a receiving event stands for its doer ("the
    arrest of X by Y drew criticism": the criticism is of Y)."""
    givers, receivers = frame
    doers = []
    for tok in receivers:
        trig = trigger_of(tok) if tok.pos_ == "NOUN" else None
        doers += _noun_heads(tok, trig, index)[0] if trig else resolve_all(_expand([tok]), index)
    return resolve_all(_expand(givers), index), doers


def _hyphen_partner(modifier: Token) -> list[Token]:
    """"Israel-PLO talks": the parse hangs the first side below the second."""
    doc = modifier.doc
    if modifier.i < 2 or doc[modifier.i - 1].text != "-":
        return []
    first = doc[modifier.i - 2]
    return [first] if first.head == modifier and first.dep_ in ("amod", "compound") else []


def _modifier_heads(noun: Token, trig: Trigger) -> tuple[list[Token], list[Token], bool]:
    """(actor heads, recipient heads, whether the doer is stated) from the
    modifiers of a nominal trigger: "Blinken's talks", "between X and Y",
    "a request from colleagues" (stated: not the receiver's), "arrest of X"."""
    actors: list[Token] = []
    recipients: list[Token] = []
    stated = False
    for c in _party_modifiers(noun):
        actors.extend([*_hyphen_partner(c), *with_conjuncts(c)])
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            pair = _expand(pobjs(c))
            actors, recipients = actors + pair[:1], recipients + pair[1:]
        elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
            actors.extend(_expand(pobjs(c)))
            stated = True
        elif c.dep_ == "prep" and c.lower_ == "of" and trig.type in _OF_TARGET:
            recipients.extend(_expand(pobjs(c)))
    if (sides := pitted_sides(noun)) is not None:  # "violence pitting X against Y"
        one, other = _expand(sides[0]), _expand(sides[1])
        return (one, other, True) if other else (one[:1], one[1:], True)
    return actors, recipients, stated


#: Heads that name no party of most events ("allowing people to vote") but
#: do name whom an assault hurt ("killed two people").
_VICTIMS = frozenset({"people", "person"})


def _clause_of_doing(noun: Token) -> Token | None:
    """The relative clause whose verb does the noun to someone: "every
    meeting [he had with government leaders]", "the attack [that rebels
    carried out on the town]". Its subject is the noun's doer, so a clause
    whose subject is the relative word ("talks which began") says nothing."""
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        if (subjects and subjects[0].lower_ not in RELATIVES
                and all(o.lower_ in RELATIVES for o in objects)):
            return clause
    return None


def _phrase_heads(noun: Token, trig: Trigger) -> tuple[list[Token], list[Token], bool, bool]:
    """(actor heads, recipient heads, whether the doer is stated, whether
    the recipient is held by the noun) from the noun's own phrase and what
    it stands under: "talks with Lavrov", "under investigation by X"."""
    actors, recipients, stated = _modifier_heads(noun, trig)
    if not actors and (doers := under_doers(noun)):
        actors, stated = _expand(doers), True
    held = undergoer(noun, trig.type)  # "X was put under investigation", "X is in custody"
    recipients = [*held, *recipients]
    recipients += _expand(complements(noun, trig.type in _ON_TARGET))
    if trig.type in _FOR_TARGET:  # "support for Ukraine", "aid for Sudan"
        recipients += _expand(pobjs_of(noun, "for"))
    return actors, recipients, stated, bool(held)


def _aimed_at(noun: Token, governed: tuple[Token, Token] | None) -> list[Token]:
    """Whom a criticism or threat is "at", on the noun or on the verb that
    makes it: "took a swipe at X", "leveled criticism at X", "a dig at X".
    A thing it is at is where it was made ("a bomb threat at his home"),
    and a phrase inside the object names no side ("a swipe at his opponent
    [on NBC]": the caller resolves the heads as pointed at)."""
    framing = [noun, *(governed[:1] if governed is not None else ())]
    return [p for head in framing for p in pobjs_of(head, "at") if not is_thing(p)]


def _noun_heads(noun: Token, trig: Trigger, index: EntityIndex) -> tuple[list[Hit], list[Hit]]:
    """Participants of a nominal trigger: "Blinken's talks with Lavrov",
    "a conversation between X and Y", "a US offer", "X sent Russia a request"."""
    actors, recipients, stated, held = _phrase_heads(noun, trig)
    if (given := _given(noun, trig)) is not None:
        return _received(given, index)
    actor_hits = resolve_all(actors or passive_doer(noun), index)
    if not actor_hits and not stated and (verb := stance_verb(noun)) is not None:
        actor_hits = resolve_all(_expand(subject(verb)[0]), index)
    # the noun's own clause says who did it before the verb it is the object
    # of does: "detailed a conversation [Clinton had]"
    if (clause := _clause_of_doing(noun)) is not None:
        if not actor_hits and not stated:
            actor_hits = resolve_all(_expand(subject(clause)[0]), index)
        recipients += _expand([*complements(clause), *pobjs_of(clause, "with")])
    if (governed := governing_verb(noun)) is not None:
        verb, obj = governed
        if not actor_hits and not stated and not held:  # who serves a term undergoes it
            actor_hits = resolve_all(_expand(subject(verb)[0]), index)
            if trig.type == "CONSULT":  # "X held a meeting of the cabinet": X met the cabinet
                recipients += _expand(pobjs_of(noun, "of"))
        recipients += _expand([c for c in complements(verb) if c != obj])
    recipient_hits = resolve_all(recipients, index)
    if not recipient_hits and trig.type in _AIMED_AT:
        recipient_hits = [h for t in _expand(_aimed_at(noun, governed))
                          for h in participant(t, index, pointed=True)]
    if not actor_hits and not stated and trig.type == "CONSULT":
        actor_hits = _attendees(noun, recipient_hits, index)
    return actor_hits, recipient_hits


def _given(noun: Token, trig: Trigger) -> tuple[list[Token], list[Token]] | None:
    """(givers, receivers) of a noun one receives, holds or is brought: "drew
    criticism from the EU", "has the backing of Glenn Beck", "came to
    Carson's support"; None for any other noun."""
    if (rally := rallied_to(noun)) is not None:  # Carson receives it
        return rally
    if (received := receiving(noun)) is not None:
        return received[0] + _givers_named(noun, trig), received[1]
    return _support_held(noun, trig)


def _attendees(gathering: Token, counterparts: list[Hit], index: EntityIndex) -> list[Hit]:
    """Who meets at a gathering the clause takes place at: "X said during a
    visit to Y", "X and Y sealed the links during talks". Only where it
    meets someone named, by the noun's phrase or among the subjects: a
    speech at a town-hall meeting is no consultation."""
    verb = attending_verb(gathering)
    if verb is None:
        return []
    attendees = resolve_all(_expand(subject(verb)[0]), index)
    return attendees if counterparts or len(attendees) > 1 else []


#: What a meeting's sides do to settle things there (not "two soldiers
#: were killed during talks between Israel and Syria").
_MADE_AT_MEETINGS = frozenset({"AGREE", "RETREAT", "COOPERATE", "CONCEDE", "SUPPORT", "AID"})


def _parties_met(verb: Token, index: EntityIndex) -> list[Hit]:
    """Who did an act whose clause names no doer (mostly an agentless
    passive): the named sides of the meeting it was done at or after ("was
    agreed in talks between X and Y", "after a meeting between X and Y, 28
    prisoners were handed over"). Where the act has no party at all,
    :func:`pipeline.nlp.events.nearby.occasion_of` gives it the sides of any
    event it took place "during" or "at"; this reading also serves an act
    whose undergoer is named, and only for what a meeting settles."""
    for noun in gatherings(verb):
        trig = trigger_of(noun) if noun.pos_ == "NOUN" else None
        if trig is not None and trig.type == "CONSULT":
            actors, recipients, _ = _modifier_heads(noun, trig)
            if sides := resolve_all([*actors, *_expand(recipients)], index):
                return sides
    return []


#: Verbs of leaving: what they take is where the trip starts.
_LEAVING = frozenset({"leave", "depart"})


def _objects(verb: Token, trig: Trigger) -> list[Token]:
    """The verb's object-side heads; a trip that leaves a place is made to
    where it is "for" ("left Brasilia for Lima": Lima is visited)."""
    if trig.type == "CONSULT" and verb.lemma_.lower() in _LEAVING:
        return pobjs_of(verb, "for")
    return complements(verb)


def _partners(verb: Token) -> list[Token]:
    """Whom one consults "with", also where the parse hangs the "with" on
    the topic: "discuss [his proposals with Yeltsin]" is with Yeltsin, and
    the proposals (whoever they concern) are no side."""
    topics = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
              and c.lemma_.lower() not in actor_nouns()]
    return [p for head in (verb, *topics) for p in pobjs_of(head, "with")]


#: Whether a common noun for people or a body that the actor nouns do not
#: list ("social media users", "respondents") names a participant.
_PEOPLE_NAMED: ContextVar[bool] = ContextVar("people_named", default=False)


@contextmanager
def people_named() -> Iterator[None]:
    """Within it, any noun for people or a body (WordNet's people,
    organisations, military units, peoples and states, ``people_nouns``),
    or a personal pronoun nothing resolves, also names a participant, where
    outside only the listed actor nouns do. Asked last, for a side nothing
    else fills: names, the listed nouns and the other readings come first,
    and an event kept only for such a noun would be a vague one."""
    token = _PEOPLE_NAMED.set(True)
    try:
        yield
    finally:
        _PEOPLE_NAMED.reset(token)


def participants(tok: Token, trig: Trigger, index: EntityIndex) -> tuple[list[Hit], list[Hit]]:
    """(actors, recipients) of a trigger; an actor is never also a recipient."""
    if tok.pos_ == "NOUN":
        actors, recipients = _noun_heads(phrase_head(tok), trig, index)
    elif tok.pos_ == "AUX":  # "X said Y must ...": X asks Y
        clause = tok.head
        actors = resolve_all([s for s in [speaker_of(tok)] if s is not None], index)
        recipients = resolve_all(_expand(subject(clause)[0]), index)
    else:
        actor_heads, recipient_heads = subject(tok)
        actors = resolve_all(_expand(actor_heads), index)
        if not actors and trig.type in _MADE_AT_MEETINGS:
            actors = _parties_met(tok, index)  # "the truce was agreed in talks between X and Y"
        recipients = (resolve_all(_expand(_partners(tok)), index) if trig.type == "CONSULT" else [])
        undergoers = _expand(recipient_heads + _objects(tok, trig) + _idiom_objects(tok))
        recipients = recipients or resolve_all(undergoers, index)
        if trig.type == "ASSAULT":  # "killed two people": whom it hurt, nameless or not
            recipients += [_name(t) for t in undergoers if t.lemma_.lower() in _VICTIMS]
        if not recipients and trig.type in _AIMED_AT:  # "lashed out at X", "fired back at X"
            recipients = resolve_all(_expand(pobjs_of(tok, "at")), index)
    ids = {key_of(a) for a in actors}
    recipients = [r for r in recipients if key_of(r) not in ids]
    if not recipients:
        recipients = [r for r in _content_recipients(tok, index) if key_of(r) not in ids]
    joint = trig.type in _JOINT or tok.lemma_.lower() in _RECIPROCAL
    if not recipients and len(actors) > 1 and joint:
        actors, recipients = actors[:1], actors[1:]
    return actors, recipients
