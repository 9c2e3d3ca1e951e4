"""What kind of thing a token names, as the readings of trigger words ask
it: a person, people or a body, a thing, the electorate; and whether a
verb takes a particle."""
from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.entities import EntityIndex, Hit, default_registry
from pipeline.nlp.events.pronouns import PERSONAL, PERSONAL_POSSESSIVES
from pipeline.nlp.events.triggers import actor_nouns, people_nouns, trigger_of
from pipeline.nlp.lexicon import load_words

#: Those whose support is an opinion, a vote, not an act: "African-American
#: voters overwhelmingly support the president". Lemmas.
ELECTORATE = frozenset({"voter", "electorate", "constituent", "caucusgoer", "people",
                        "american", "citizen", "resident", "public"})


#: The last word of a company's registered name ("ISS Inc", "Swebus AB").
_CORPORATE = frozenset({"inc", "corp", "co", "ltd", "plc", "ag", "gmbh", "nv", "ab", "llc",
                        "limited", "bhd", "spa", "oyj", "asa"})


#: Registry kinds of places smaller than a country.
_TOWNS = frozenset({"city", "capital", "state"})


#: Events a town's name in front of says where they were.
_PLACED = frozenset({"ASSAULT", "AGREE", "CONSULT"})


def town_of_event(modifier: Token) -> bool:
    """"The Paris attacks", "the Dayton agreement", "the Geneva talks": a
    city or state named in front of an attack, an agreement or talks is
    where it was, not who did it (a country may be: "US air strikes")."""
    noun = modifier.head
    if modifier.dep_ != "compound" or modifier.pos_ != "PROPN" or noun.pos_ != "NOUN":
        return False
    trig = trigger_of(noun)
    return trig is not None and trig.type in _PLACED and _is_town(modifier)


def _is_town(tok: Token) -> bool:
    """A city, capital or state by name ("Paris", "San Bernardino", "Texas")."""
    # the parser's entity span, whatever it labels it ("Oslo" may be an ORG)
    span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    known = default_registry().lookup(span.text if span is not None else tok.text)
    return known is not None and known.kind in _TOWNS


def is_company(hit: Hit) -> bool:
    """Does the participant name a company by its registered form?"""
    words = hit.text.replace(".", " ").split()
    return bool(words) and words[-1].lower() in _CORPORATE


def is_person(tok: Token, index: EntityIndex | None = None) -> bool:
    """A person by name, a personal pronoun, or what one owns ("her record").
    A name is a person's where the article's entities say so (``index``:
    they know "Curiel" is the judge the parser took for an organisation in
    "Trump's attacks on Curiel"), else where the parser does."""
    if tok.ent_type_ == "PERSON" or tok.lower_ in PERSONAL | PERSONAL_POSSESSIVES:
        return True
    if index is not None and tok.pos_ == "PROPN":
        hit = index.covering(tok.idx, tok.idx + len(tok))
        if hit is not None and hit.entity is not None and hit.entity.type == "PERSON":
            return True
    return any(c.dep_ == "poss" and is_person(c, index) for c in tok.children)


def for_people(tok: Token) -> bool:
    """Is the word a noun the events stage reads as people or a body (a
    listed actor noun or one of WordNet's)?"""
    lemma = tok.lemma_.lower()
    return lemma in actor_nouns() or lemma in people_nouns()


def is_thing(tok: Token) -> bool:
    """A common noun for no one: no name, no noun for people or a body."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and not for_people(tok)


#: What one publishes: "released a statement" publishes, "released the
#: hostages" frees (lemmas).
PUBLICATIONS = load_words("events/lexicons/publications.txt")
#: What one says or moves in words besides a publication: "a speech
#: attacking X", "a resolution calling on Y" (lemmas).
_MESSAGES = frozenset({"speech", "remark", "tweet", "post", "message", "brief", "editorial",
                       "column", "op-ed", "release", "resolution", "petition", "interview"})


def is_writing(tok: Token) -> bool:
    """Is the word a noun for something published, written or said?"""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in PUBLICATIONS or lemma in _MESSAGES)


def has_particle(verb: Token, word: str) -> bool:
    """Does the verb take the particle ``word`` ("fired [back]", "signed [up]")?"""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == word for c in verb.children)
