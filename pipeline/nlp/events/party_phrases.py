"""What a noun-phrase participant stands for, beyond the entity covering it:
the state an office belongs to ("the president of Armenia"), every party of
coordinated modifiers ("US and British forces"), the person a descriptive
phrase names ("two-time champion from the United States Brittney Griner")
or an office's phrase sets off with commas.
"""
from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.entities import EntityIndex, Hit, noun_phrase, resolve
from pipeline.nlp.events.deps import pobjs_of
from pipeline.nlp.events.kinds import for_people

#: Entity types an office or body can stand for ("the president of Armenia").
_BODY_TYPES = frozenset({"GPE", "ORG", "NORP"})


def coordinated_modifiers(tok: Token, hit: Hit, index: EntityIndex) -> list[Hit]:
    """"US and British forces": the forces of both, not only the first."""
    out = []
    for mod in tok.children:
        if mod.dep_ in ("nmod", "amod", "compound") and mod.idx <= hit.start < mod.idx + len(mod):
            for conj in (c for c in mod.children if c.dep_ == "conj"):
                other = index.covering(conj.idx, conj.idx + len(conj))
                if other is not None and other.known.id != hit.known.id:
                    out.append(other)
    return out


def coordinated_before(tok: Token, hit: Hit, index: EntityIndex) -> list[Hit]:
    """"Russian peacemaker Alexander Lebed and Chechen leader Aslan
    Maskhadov": the small model often hangs the first of two long
    coordinated names among the second's modifiers (one with the "and" as
    its own child); that name is a party too, named first."""
    out = []
    for mod in (t for left in tok.lefts for t in left.subtree):
        if mod.dep_ in ("nmod", "compound") and any(c.dep_ == "cc" for c in mod.children):
            other = index.covering(mod.idx, mod.idx + len(mod))
            if other is not None and other.known.id != hit.known.id and other.known.type == hit.known.type:
                out.append(other)
    return out


def office_of(tok: Token, index: EntityIndex) -> list[Hit]:
    """The state or body an office noun is "of"."""
    objects = pobjs_of(tok, "of")
    hits = [index.covering(p.idx, p.idx + len(p)) for p in objects]
    return [h for h in hits if h is not None and h.known.type in _BODY_TYPES][:1]


def person_inside(tok: Token, index: EntityIndex) -> list[Hit]:
    """"Two-time champion from the United States Brittney Griner": the
    parser often hangs the name below a descriptive head; take the person
    the phrase names. People are not whom their participle acts on
    ("captains [supporting Mr. Cruz]"), though a thing may be about them
    ("an injunction [barring Gowdy]"), and "an accountant [named Sapir]"
    is Sapir."""
    if tok.pos_ != "NOUN":
        return []
    acting = next((c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)
    end = acting.left_edge.i if acting is not None and for_people(tok) else len(tok.doc)
    phrase = [t for t in noun_phrase(tok) if t.i < end]
    hits = index.within(phrase[0].idx, phrase[-1].idx + len(phrase[-1])) if phrase else []
    people = [h for h in hits if h.known.type == "PERSON"]
    return people[:1]


def appositive_person(office: Token, index: EntityIndex) -> list[Hit]:
    """"The commander of Russian troops in Chechnya, Vyacheslav Tikhomirov,
    and ...": the person set off by commas after an office's phrase holds
    it, wherever the parse hangs the name inside that phrase."""
    words = list(office.subtree)
    for comma, word in zip(words, words[1:], strict=False):
        if comma.text == "," and word.ent_type_ == "PERSON" and word.i > office.i:
            end = word
            while end.i + 1 < len(office.doc) and office.doc[end.i + 1].ent_iob_ == "I":
                end = office.doc[end.i + 1]
            hit = resolve(end, index, modifiers=True)
            return [hit] if hit is not None and hit.entity is not None else []
    return []
