"""Named entities of one article: spaCy NER plus document-level cleanup.

The stages, each in its own module: mention-level span fixes
(:mod:`spans`), what the words beside a name say (:mod:`name_context`),
acronyms the article defines (:mod:`acronyms`), registry, learned-lexicon
(:mod:`learned`) and sports-context types (:mod:`known`), clustering and
type voting (:mod:`clusters`), then one Entity per cluster with a stable
id: the registry's id for a known place or people, the id an
:class:`AliasMemory` learned for a form seen in earlier articles, else the
slug of the canonical name.
"""
from __future__ import annotations

from collections import Counter
from typing import cast

from spacy.tokens import Doc

from pipeline.nlp.entities import acronyms, known, name_context, spans
from pipeline.nlp.entities.aliases import AliasMemory
from pipeline.nlp.entities.clusters import (
    KEPT_TYPES,
    PRIORITY,
    add_missed_names,
    group,
    join_short_orgs,
    join_surnames,
    main_form,
    merge_near_spellings,
    opens,
    vote,
)
from pipeline.nlp.entities.idents import entity_id, slug
from pipeline.nlp.entities.learned import FIRST_NAMES
from pipeline.nlp.entities.registry import Registry, default_registry
from pipeline.nlp.entities.spans import TITLE_RE, Raw, preceding_title
from pipeline.nlp.entities.sports import is_sports
from pipeline.records import CleanArticle, Entity, EntityType, Mention

EXTRACTOR = "entities/3"

__all__ = ["EXTRACTOR", "KEPT_TYPES", "TITLE_RE", "entity_id", "extract_entities",
           "preceding_title", "raw_mentions", "slug"]


def _model_spans(doc: Doc, no_title: list[tuple[int, int]]) -> list[Raw]:
    """Cleaned NER spans of the contract types, minus pieces of titles
    (the "State" of "Secretary of State")."""
    text = doc.text
    titles = [m.span() for m in TITLE_RE.finditer(text)]
    raws = []
    for ent in doc.ents:
        if ent.label_ not in PRIORITY:
            continue
        start = _compound_start(ent) if ent.label_ == "PERSON" else ent.start_char
        raw = spans.clean_span(text, start, ent.end_char, ent.label_)
        if raw is None:
            continue
        if raw.label != "PERSON" and any(a <= raw.start and raw.end <= b for a, b in titles):
            continue
        if any(a <= raw.start < b for a, b in no_title) or (
                raw.title and spans.in_attribution_tail(doc, raw.start, raw.end)):
            raw.title = None
        raws.append(raw)
    return raws


def _compound_start(ent) -> int:
    """Where a person's name starts once the capitalised proper nouns the
    parser attaches to it as compounds, right before the span, are added:
    the model often leaves out a first name ("Costantino" of "Costantino
    Rocca"). Titles so taken in are cut again by :func:`spans.clean_span`."""
    i = ent.start
    while i > 0 and _name_part_of(ent.doc[i - 1], ent.start, ent.end):
        i -= 1
    return ent.doc[i].idx


def _name_part_of(tok, start: int, end: int) -> bool:
    """A first name the parser hangs on the span's name, not a title or a
    role word before it ("Minister", "Striker")."""
    return (tok.pos_ == "PROPN" and tok.dep_ == "compound" and start <= tok.head.i < end
            and tok.text[:1].isupper() and bool(tok.whitespace_)
            and (tok.lower_ in FIRST_NAMES or _after_a_mark(tok)))


def _after_a_mark(tok) -> bool:
    """Right after a number or punctuation mark in its sentence ("5.
    Costantino Rocca"): a list or table entry, where no title stands."""
    return tok.i > 0 and not tok.doc[tok.i - 1].is_space and not tok.doc[tok.i - 1].is_alpha


def raw_mentions(doc: Doc, clean: CleanArticle, registry: Registry) -> list[Raw]:
    """Every typed mention before clustering. Inside pull quotes the quote
    runs into the attribution, so a title there belongs to no one."""
    text = doc.text
    paras = [(p.start, p.end) for p in sorted(clean.paragraphs, key=lambda p: p.start)]
    pulls = [(p.start, p.end) for p in clean.paragraphs if p.kind == "pull_quote"]
    datelines = known.dateline_spans(text, paras, registry)
    raws = spans.split_at_breaks(_model_spans(doc, pulls))
    raws = spans.split_glued(spans.recut_capitals(raws, text, paras, datelines), text)
    raws = spans.split_place_tail(raws, lambda s: (k := registry.lookup(s)) is not None
                                  and k.type in ("GPE", "LOC"))
    spans.things_in_places(raws, text)
    spans.people_after_roles(raws, text)
    raws = spans.split_known_people(spans.split_acronym_tail(raws))
    raws = acronyms.apply(name_context.join_org_suffixes(raws, text), text,
                          acronyms.definitions(text))
    raws = name_context.join_split_people(raws, text, registry)
    in_sports = is_sports(text, text[paras[0][0]:paras[0][1]] if paras else "")
    raws = known.add_datelines(known.drop_rubrics(raws, text, paras, registry), text, datelines)
    known.retype(raws, registry, in_sports, datelines, text)
    if in_sports:
        raws = known.table_teams(raws, text, paras)
    name_context.people_by_context(raws, text, registry)
    raws = name_context.add_people_before_countries(raws, text, registry)
    raws = known.split_hyphen_pairs(raws, text, registry)
    return known.add_known_mentions(raws, text, paras or [(0, len(text))], registry, in_sports)


def _canonical(raws: list[Raw], etype: str, memory: AliasMemory | None) -> str:
    """Best-supported form. For people only full names compete ("Sergei
    Lavrov" beats the more frequent "Lavrov"); a bare surname supports the
    full name it ends, a short form the organisation's name it opens
    ("Magna", "Magna International Inc"), and a form earlier articles used
    (the memory) beats an unconfirmed one. Length, then position, break
    what is left."""
    counts = Counter(r.text for r in raws)
    first: dict[str, int] = {}
    for r in sorted(raws, key=lambda r: r.start):
        first.setdefault(r.text, r.start)
    forms = list(counts)
    if etype == "PERSON":
        forms = [f for f in forms if " " in f] or forms
        support = {f: counts[f] + (counts[f.split()[-1]] if " " in f else 0) for f in forms}
    else:
        support = {f: sum(n for g, n in counts.items() if g == f or opens(g, f))
                   for f in forms}
    remembered = {f: bool(memory and memory.names.get(entity_id(etype, f).encode()) == f)
                  for f in forms}
    return max(forms, key=lambda f: (support[f], remembered[f], len(f), -first[f]))


def _identity(raws: list[Raw], etype: str, registry: Registry,
              memory: AliasMemory | None) -> tuple[str, str, str | None]:
    """(id, canonical name, wikidata) of a cluster."""
    name = _canonical(raws, etype, memory)
    hit = registry.lookup(name)
    if hit is not None and hit.type == etype:
        return hit.id, hit.name, hit.wikidata
    if memory is not None:
        # a surname-only cluster takes the full name an earlier article gave
        single = etype == "PERSON" and " " not in name
        learned = memory.resolve(etype, name)
        if learned and (single or learned[1] == name):
            return learned[0], learned[1], None
    return entity_id(etype, name), name, None


def _type(raws: list[Raw], registry: Registry, memory: AliasMemory | None) -> str:
    """The cluster's vote, except that a bare word earlier articles used as
    a person's surname ("Lavrov", tagged ORG here) stays that person, unless
    the registry knows it as a place."""
    etype = vote(raws)
    form = main_form(raws)
    if (etype != "PERSON" and memory is not None and " " not in form
            and not any(r.locked for r in raws) and registry.lookup(form) is None
            and memory.resolve("PERSON", form)):
        return "PERSON"
    return etype


def _to_entity(raws: list[Raw], registry: Registry, memory: AliasMemory | None) -> Entity:
    etype = _type(raws, registry, memory)
    eid, name, qid = _identity(raws, etype, registry, memory)
    raws = sorted(raws, key=lambda r: (r.start, r.end))
    aliases = list(dict.fromkeys(r.text for r in raws if r.text != name))
    titles = Counter(r.title for r in raws if r.title)
    mentions = list(dict.fromkeys((r.start, r.end, r.text) for r in raws))
    return Entity(
        id=eid, name=name, type=cast(EntityType, etype), aliases=aliases,  # one of KEPT_TYPES
        title=titles.most_common(1)[0][0] if titles else None,
        mentions=[Mention(s, e, t) for s, e, t in mentions], wikidata=qid,
    )


def extract_entities(doc: Doc, clean: CleanArticle, memory: AliasMemory | None = None,
                     registry: Registry | None = None) -> list[Entity]:
    """Entities of the article, one per real-world referent, in order of
    first mention, each with every mention's exact offsets into clean.text.

    ``memory`` (read only here; call ``memory.learn`` on the result to
    update it) maps forms seen in earlier articles to their ids."""
    if doc.text != clean.text:
        raise ValueError("doc was not parsed from this article's text")
    registry = registry or default_registry()
    pulls = [(p.start, p.end) for p in clean.paragraphs if p.kind == "pull_quote"]
    groups = acronyms.join(group(raw_mentions(doc, clean, registry)),
                           acronyms.definitions(clean.text))
    groups = join_short_orgs(join_surnames(merge_near_spellings(groups)))
    add_missed_names(groups, clean.text, lambda s, e: any(a <= s < b for a, b in pulls)
                     or spans.in_attribution_tail(doc, s, e))
    # Two clusters can still end on one id (a merged cluster's vote may move
    # it onto another's); one id must mean one record, so merge until stable.
    for _ in range(3):
        by_id: dict[str, list[Raw]] = {}
        for g in groups:
            by_id.setdefault(_to_entity(g, registry, memory).id, []).extend(g)
        stable = len(by_id) == len(groups)
        groups = list(by_id.values())
        if stable:
            break
    entities = {e.id: e for e in reversed([_to_entity(g, registry, memory) for g in groups])}
    return sorted(entities.values(), key=lambda e: e.mentions[0].start)
