"""Entities: spaCy NER plus document-level cleanup (titles, surnames, ids)."""
from __future__ import annotations

from functools import partial

import pytest

from pipeline import codec
from pipeline.nlp.analyze import analyze
from pipeline.nlp.entities.extract import KEPT_TYPES, entity_id, extract_entities, slug
from pipeline.nlp.parsing.model import get_nlp, parse
from tests.unit import nlp_helpers

#: This file's articles carry the id "a1" unless a test names another.
article = partial(nlp_helpers.article, art_id="a1")


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


TALKS = [
    "Foreign Minister Anna Kowalczyk met Chancellor Tomas Lindqvist in Vienna on Tuesday.",
    "Kowalczyk told reporters that the talks with Lindqvist had been productive.",
    "The European Commission welcomed the meeting, and Lindqvist thanked Kowalczyk.",
]


def entities_of(paragraphs: list[str], **kw):
    clean = article(paragraphs, **kw)
    return clean, extract_entities(parse(clean), clean)


def by_id(entities):
    return {e.id: e for e in entities}


def test_parse_keeps_offsets_and_paragraph_breaks(nlp):
    clean = article(TALKS)
    doc = parse(clean)
    assert doc.text == clean.text
    assert all("\n" not in ent.text for ent in doc.ents)
    assert all("\n\n" not in s.text.strip() for s in doc.sents)


def test_title_is_stripped_and_recorded(nlp):
    _, entities = entities_of(TALKS)
    people = by_id(entities)
    anna = people["person:anna-kowalczyk"]
    assert anna.name == "Anna Kowalczyk" and anna.type == "PERSON"
    assert anna.title == "Foreign Minister"
    assert people["person:tomas-lindqvist"].title == "Chancellor"
    assert not any("Minister" in m.text for e in entities for m in e.mentions)


def test_surname_joins_full_name_with_exact_offsets(nlp):
    clean, entities = entities_of(TALKS)
    anna = by_id(entities)["person:anna-kowalczyk"]
    assert "Kowalczyk" in anna.aliases
    assert len(anna.mentions) == 3
    for e in entities:
        for m in e.mentions:
            assert clean.text[m.start:m.end] == m.text
    # exactly one entity for each person, whatever type the model guessed
    assert sum("lindqvist" in e.id for e in entities) == 1


def test_same_id_across_articles(nlp):
    _, first = entities_of(TALKS, art_id="a1")
    _, second = entities_of([
        "Poland's top diplomat, Anna Kowalczyk, flew to Brussels on Monday.",
        "Kowalczyk is expected to meet officials of the European Commission.",
    ], art_id="a2")
    shared = set(by_id(first)) & set(by_id(second))
    assert {"person:anna-kowalczyk", "org:european-commission"} <= shared


def test_near_spelling_joins_and_types_are_contract_types(nlp):
    _, entities = entities_of([
        "Opposition leader Viktor Halasz addressed supporters in Budapest on Sunday.",
        "Viktor Hallasz promised to contest the result, and Halasz later met the press.",
    ])
    halasz = [e for e in entities if "Hal" in e.name]
    assert len(halasz) == 1
    # the spelling the bare surname confirms wins; the typo stays an alias
    assert halasz[0].id == "person:viktor-halasz"
    assert "Viktor Hallasz" in halasz[0].aliases
    assert len(halasz[0].mentions) == 3
    assert all(e.type in KEPT_TYPES for e in entities)
    assert all(e.wikidata is None for e in entities)


def test_slug_and_id_rules():
    assert slug("The State Department") == "state-department"
    assert slug("Zoë Müller-Ötztal") == "zoe-muller-otztal"
    assert entity_id("WORK_OF_ART", "The Old Man") == "work-of-art:old-man"
    assert entity_id("GPE", "U.S.") == "gpe:us"
    assert entity_id("PERSON", "Владимир").startswith("person:x")


def test_article_entities_record_validates(nlp):
    record, _, _ = analyze(article(TALKS))
    codec.validate("article_entities", codec.to_dict(record))
    assert record.article_id == "a1" and record.extractor


# --- entities/2: span rules, registry types, sports copy, memory ---------

from pipeline.nlp.entities.aliases import AliasMemory  # noqa: E402
from pipeline.nlp.entities.registry import default_registry  # noqa: E402

BRIEFING = [
    "The Interior Ministry of Freedonia said on Monday that talks would resume.",
    "Envoy Karel Dvorsky will attend the Regional Security Forum in Nairobi next week.",
    "Aid workers reported shortages in the Ostmark after the floods.",
    "We will keep talking to everyone Karel Dvorsky Freedonian Interior MinistryStatement",
    "The Interior Ministry later confirmed the schedule.",
]


def test_span_rules_on_a_briefing(nlp):
    clean, entities = entities_of(BRIEFING)
    names = {e.name: e for e in entities}
    # no span contains a glued word or swallows the place after "in"
    assert not any("MinistryStatement" in m.text for e in entities for m in e.mentions)
    assert "Nairobi" in names and names["Nairobi"].type == "GPE"
    assert not any(m.text.endswith("Nairobi") and m.text != "Nairobi"
                   for e in entities for m in e.mentions)
    karel = names["Karel Dvorsky"]
    assert karel.type == "PERSON" and karel.title == "Envoy"
    for e in entities:
        for m in e.mentions:
            assert clean.text[m.start:m.end] == m.text and "\n" not in m.text


def test_registry_fixes_types_and_ids(nlp):
    _, entities = entities_of([
        "Officials from Kenya and Uganda met in Kampala; Kenyan diplomats attended.",
        "The U.S. sent an observer, and Britain sent two.",
    ])
    ids = by_id(entities)
    assert ids["gpe:kenya"].type == "GPE" and ids["norp:kenyan"].type == "NORP"
    assert ids["gpe:united-states"].name == "United States"
    assert "gpe:united-kingdom" in ids
    assert all(e.wikidata is None for e in entities)  # no package ships QIDs


def test_registry_lookup_is_case_and_dot_insensitive():
    reg = default_registry()
    assert reg.lookup("UZBEKISTAN").id == reg.lookup("Uzbekistan").id == "gpe:uzbekistan"
    assert reg.lookup("the U.K.").id == "gpe:united-kingdom"
    assert reg.lookup("Peruvians").type == "NORP"
    assert reg.lookup("Karel Dvorsky") is None


def test_cities_are_clubs_in_sports_copy(nlp):
    _, entities = entities_of([
        "SOCCER - ENGLISH PREMIER LEAGUE RESULTS",
        "LONDON 1996-08-31",
        "Results of English premier league matches on Saturday:",
        "Liverpool 3 Southampton 1",
        "Newcastle 2 Sheffield Wednesday 1",
        "Liverpool beat Southampton for the third season running.",
    ])
    types = {e.name: e.type for e in entities}
    assert types["Liverpool"] == "ORG" and types["Southampton"] == "ORG"
    assert types.get("London", types.get("LONDON")) == "GPE"  # the dateline


def test_alias_memory_resolves_surnames_across_articles(nlp):
    memory = AliasMemory()
    _, first = entities_of(["Foreign Minister Ilse Varga met her Austrian counterpart.",
                            "Varga said the talks went well."], art_id="m1")
    memory.learn(first)
    memory = AliasMemory.from_dict(memory.to_dict())  # survives a table round trip
    clean = article(["Varga left Vienna on Tuesday.", "Varga is due back on Friday."],
                    art_id="m2")
    later = extract_entities(parse(clean), clean, memory=memory)
    varga = [e for e in later if "Varga" in e.name]
    assert [e.id for e in varga] == ["person:ilse-varga"]
    assert varga[0].name == "Ilse Varga"


def test_memory_decides_a_spelling_tie(nlp):
    memory = AliasMemory()
    _, first = entities_of(["Anna Petrova said on Monday she was fit."], art_id="t1")
    memory.learn(first)
    # one mention of each spelling: only the memory can break the tie
    clean = article(["Anna Petrowa said the team was ready.",
                     "Striker Anna Petrova scored twice."], art_id="t2")
    found = [e for e in extract_entities(parse(clean), clean, memory=memory)
             if e.type == "PERSON"]
    assert len(found) == 1 and found[0].name == "Anna Petrova"
    assert "Anna Petrowa" in found[0].aliases


def test_alias_memory_forgets_what_it_learned_longest_ago_beyond_its_capacity():
    from pipeline.records import Entity
    seen, names = {}, {}
    memory = AliasMemory(seen, names, capacity=4)

    def person(n: int) -> Entity:
        return Entity(id=f"person:p{n}", name=f"Person{n}", type="PERSON", aliases=[],
                      title=None, mentions=[], wikidata=None)
    memory.learn([person(0)])
    for n in range(1, 6):
        memory.learn([person(n)])
        memory.learn([person(0)])  # p0 stays recent, so it is never the one forgotten
    assert len(seen) <= 4 and len(names) <= 4
    assert memory.resolve("PERSON", "Person0") == ("person:p0", "Person0")
    assert memory.resolve("PERSON", "Person5") == ("person:p5", "Person5")
    assert memory.resolve("PERSON", "Person1") is None


def test_alias_memory_can_forget_a_recovered_table():
    from pipeline.records import Entity
    seen = {f"PERSON|old{n}".encode(): {f"person:old{n}": 2} for n in range(4)}
    memory = AliasMemory(seen, {}, capacity=4)
    memory.learn([Entity(id="person:new", name="New", type="PERSON", aliases=[], title=None,
                         mentions=[], wikidata=None)])
    assert len(seen) == 4 and b"PERSON|old0" not in seen and memory.resolve("PERSON", "New")


# --- entities/3: breaks inside spans, venues, datelines, learned lexicons --

from pipeline.nlp.entities import known, learned, name_context, spans, sports  # noqa: E402


def _raw(text: str, label: str = "ORG") -> spans.Raw:
    return spans.Raw(10, 10 + len(text), text, label, None, label)


def test_spans_are_cut_at_breaks_no_name_contains():
    pieces = spans.split_at_breaks([_raw("Haitai 2 Samsung"), _raw("Lithuania - Danius Gleveckas"),
                                    _raw("Quigley ( USA"), _raw("Johnson Controls Inc")])
    assert [(p.text, p.start) for p in pieces] == [
        ("Haitai", 10), ("Samsung", 19), ("Lithuania", 10), ("Danius Gleveckas", 22),
        ("Quigley", 10), ("USA", 20), ("Johnson Controls Inc", 10)]


def test_common_noun_tails_are_trimmed_and_uncapitalised_spans_dropped():
    text = "said Interfax news agency and the defence ministry"
    raw = spans.clean_span(text, 5, 25, "ORG")
    assert (raw.text, raw.end) == ("Interfax", 13)
    assert spans.clean_span(text, 34, len(text), "ORG") is None


def test_dateline_with_its_region_locks_both_places():
    line = "MILWAUKEE , Wisconsin 1996-08-29"
    assert sports.dateline_places(line) == [(0, 9), (12, 21)]
    assert sports.dateline_places("LONDON 1996-08-30") == [(0, 6)]
    assert sports.dateline_places("Milwaukee beat Boston 5-3") == []


def test_a_city_after_at_or_in_is_the_venue_in_sports_copy(nlp):
    clean, entities = entities_of([
        "BASEBALL - MAJOR LEAGUE RESULTS",
        "NEW YORK 1996-08-31",
        "Seattle 5 Boston 2",
        "Seattle beat Boston 5-2 on Friday in Baltimore, and the next game at Detroit "
        "drew 30,000 fans.",
        "Results of Major League Baseball games on Friday: Baltimore 3 Oakland 2.",
    ])
    typed = {(m.start, m.text): e.type for e in entities for m in e.mentions}
    venues = [(s, t) for s, t in typed if clean.text[s - 4:s] in (" in ", " at ")]
    assert {t for _, t in venues} == {"Baltimore", "Detroit"}
    assert all(typed[v] == "GPE" for v in venues)
    assert typed[(clean.text.index("Seattle"), "Seattle")] == "ORG"


def test_learned_heads_and_names_type_spans():
    assert learned.learned_type("Homegate Hospitality Inc", "PERSON") == "ORG"
    assert learned.learned_type("Banco Nacional of Ruritania", "PERSON") is None
    assert learned.learned_type("Bank of Ruritania", "PERSON") == "ORG"
    # a place reading of the model stands against a head word
    assert learned.learned_type("West Riverside Bank", "GPE") is None
    assert learned.learned_type("Interfax", "PERSON") == "ORG"  # learned from train


def test_results_and_standings_lines_name_teams():
    assert sports.table_teams("Leyton Orient 2 Hartlepool 0") == [(0, 13), (16, 26)]
    assert sports.table_teams("Pohang 3 Ulsan 2 (halftime 1-0)") == [(0, 6), (9, 14)]
    assert sports.table_teams("Cambridge United 4 1 2 1 6 5 4") == [(0, 16)]
    assert sports.table_teams("SEATTLE 70 63 .526 5") == [(0, 7)]
    assert sports.table_teams("LONDON 1996-08-31") == []
    assert sports.table_teams("Leeds beat Chelsea 2-1 on Saturday.") == []


def test_a_table_team_is_not_the_city_of_the_dateline(nlp):
    clean, entities = entities_of([
        "SOCCER - ENGLISH LEAGUE STANDINGS",
        "CAMBRIDGE 1996-08-31",
        "Standings after Saturday's matches (tabulate under played, won, drawn, lost):",
        "Cambridge United 4 1 2 1 6 5 4",
        "Leyton Orient 4 1 1 2 4 5 4",
    ])
    typed = {m.text: e.type for e in entities for m in e.mentions}
    assert typed["Cambridge United"] == "ORG" and typed["Leyton Orient"] == "ORG"
    assert typed["CAMBRIDGE"] == "GPE"


def test_corporate_suffix_joins_the_name_and_short_forms_join_the_company(nlp):
    clean, entities = entities_of([
        "Toronto-based Magna International Inc said on Friday it would buy a rival.",
        "Magna was up 1/8 to 48, and analysts said Magna would now compete with "
        "Johnson Controls Inc.",
    ])
    magna = [e for e in entities if "Magna" in e.name]
    assert len(magna) == 1 and magna[0].type == "ORG"
    assert magna[0].name == "Magna International Inc"
    assert {m.text for m in magna[0].mentions} == {"Magna International Inc", "Magna"}
    johnson = [e for e in entities if e.name.startswith("Johnson")]
    assert [(e.name.rstrip("."), e.type) for e in johnson] == [("Johnson Controls Inc", "ORG")]


def test_an_owner_before_a_possessive_stays_apart():
    from pipeline.nlp.entities.clusters import join_short_orgs
    owner = [_raw("Farrakhan", "PERSON")]
    group = [_raw("Farrakhan 's Nation of Islam", "ORG")]
    assert len(join_short_orgs([owner, group])) == 2
    assert owner[0].label == "PERSON"


def test_learned_first_names_make_people():
    assert learned.learned_type("Giovanni Tararache", "ORG") == "PERSON"
    assert learned.learned_type("Giovanni", "ORG") is None  # one word alone says nothing
    assert learned.learned_type("Mark Stevens", "ORG") is None  # "mark" is also a word


def test_an_age_or_a_bracketed_country_after_a_name_makes_a_person():
    text = "Wang, 45, was held. Marion Clignet (France) won. Polti (Tour) led."
    raws = [spans.Raw(0, 4, "Wang", "ORG"), spans.Raw(20, 34, "Marion Clignet", "ORG"),
            spans.Raw(49, 54, "Polti", "ORG")]
    name_context.people_by_context(raws, text, default_registry())
    assert [r.label for r in raws] == ["PERSON", "PERSON", "ORG"]


def test_headline_spans_are_recut_by_the_body_casing():
    paras = ["ATHLETICS - MITCHELL DEFEATS BAILEY IN BERLIN",
             "Dennis Mitchell beat Donovan Bailey in Berlin.", "Bailey defeats few."]
    text = "\n\n".join(paras)
    raws = [spans.Raw(12, 45, text[12:45], "ORG")]
    bounds, pos = [], 0
    for p in paras:
        bounds.append((pos, pos + len(p)))
        pos += len(p) + 2
    assert [r.text for r in spans.recut_capitals(raws, text, bounds, set())] == [
        "MITCHELL", "BAILEY", "BERLIN"]
    # a dateline keeps its span, and capitals as the article's style are left alone
    assert spans.recut_capitals(raws, text, bounds, {12}) == raws
    assert spans.recut_capitals(raws, text, bounds[:2], set()) == raws


def test_acronym_definitions_are_found_by_their_initials():
    from pipeline.nlp.entities import acronyms
    text = ("Talks with the Moro National Liberation Front (MNLF) and the London "
            "International Financial Futures and Options Exchange (LIFFE) went on; "
            "Intelligent Network (IN) kit sold well in Asia, Quigley (USA) won.")
    found = {d.acronym: text[d.start:d.end] for d in acronyms.definitions(text)}
    assert found == {"MNLF": "Moro National Liberation Front",
                     "LIFFE": "London International Financial Futures and Options Exchange"}


def test_an_acronym_and_its_definition_are_one_organisation(nlp):
    _, entities = entities_of([
        "Cotti chairs the Organisation for Security and Cooperation in Europe (OSCE).",
        "The OSCE mission will report to the Permanent Council, OSCE officials said.",
    ])
    osce = [e for e in entities if "OSCE" in e.name or "OSCE" in e.aliases]
    assert len(osce) == 1 and osce[0].type == "ORG"
    texts = [m.text for m in osce[0].mentions]
    assert "Organisation for Security and Cooperation in Europe" in texts
    assert texts.count("OSCE") == 3
    assert not any(m.text == "Europe" for e in entities for m in e.mentions)


def test_dateline_places_are_places_and_rubrics_are_not():
    text = "BELGRADE 1996-08-30\n\nSOCCER - RED STAR WIN\n\nANALYSIS - Markets fell."
    paras = [(0, 19), (21, 42), (44, len(text))]
    datelines = known.dateline_spans(text, paras, default_registry())
    assert datelines == {0: 8}
    added = known.add_datelines([], text, datelines)
    assert [(r.text, r.label, r.locked) for r in added] == [("BELGRADE", "GPE", True)]
    line = "PANAMA CITY 1996-08-30"
    piece = known.add_datelines([spans.Raw(0, 6, "PANAMA", "GPE")], line, {0: 11})
    assert [(r.text, r.label) for r in piece] == [("PANAMA CITY", "GPE")]


def test_a_venue_is_the_city_and_the_team_stays_a_team(nlp):
    _, entities = entities_of([
        "BASEBALL - AMERICAN LEAGUE ROUNDUP",
        "SEATTLE 1996-08-31",
        "Seattle beat Boston 5-2 on Friday to move three games clear in the division.",
        "In Boston, the Red Sox lost their fourth game in a row before 30,000 fans.",
        "Boston manager Kevin Kennedy said his side would recover.",
    ])
    boston = {(e.type, m.text) for e in entities for m in e.mentions if m.text == "Boston"}
    assert ("GPE", "Boston") in boston and ("ORG", "Boston") in boston


def test_a_name_cut_in_two_by_the_model_is_joined():
    text = "said Marco Tonchetti Provera and Russian Boris Yeltsin"
    raws = [spans.Raw(5, 20, "Marco Tonchetti", "PERSON"), spans.Raw(21, 28, "Provera", "WORK_OF_ART"),
            spans.Raw(33, 40, "Russian", "NORP"), spans.Raw(41, 54, "Boris Yeltsin", "PERSON")]
    joined = name_context.join_split_people(raws, text, default_registry())
    assert [(r.text, r.label) for r in joined] == [
        ("Marco Tonchetti Provera", "PERSON"), ("Russian", "NORP"), ("Boris Yeltsin", "PERSON")]


def test_signature_dashes_and_telephone_numbers_are_not_names():
    text = "-- Harry Milling , New York Energy Desk +1 212 859 1620"
    assert spans.clean_span(text, 0, 16, "PERSON").text == "Harry Milling"
    assert spans.clean_span(text, 19, len(text), "ORG").text == "New York Energy Desk"


def test_an_untagged_name_ending_in_an_organisation_head_is_added():
    text = "NOTE - Apic Yamada Corp is a maker of chip tools. The Bluewater Group said so."
    added = known.add_known_mentions([], text, [(0, len(text))], default_registry(), False)
    assert [(r.text, r.label) for r in added] == [("Apic Yamada Corp", "ORG"),
                                                  ("Bluewater Group", "ORG")]


def test_an_age_after_one_mention_makes_the_whole_cluster_a_person():
    from pipeline.nlp.entities.clusters import vote
    cued = spans.Raw(0, 4, "Wang", "PERSON", cued=True)
    uncued = [spans.Raw(9 + 9 * i, 13 + 9 * i, "Wang", "ORG") for i in range(3)]
    assert vote([*uncued, spans.Raw(0, 4, "Wang", "PERSON")]) == "ORG"
    assert vote([*uncued, cued]) == "PERSON"


def test_a_rubric_is_not_a_name_but_a_place_rubric_is():
    text = "EUROBONDS - Primary market activity slowed.\n\nBRITAIN - Gilts fell."
    raws = [spans.Raw(0, 9, "EUROBONDS", "ORG"), spans.Raw(45, 52, "BRITAIN", "GPE")]
    kept = known.drop_rubrics(raws, text, [(0, 43), (45, len(text))], default_registry())
    assert [r.text for r in kept] == ["BRITAIN"]


def test_an_untagged_name_before_a_bracketed_country_is_a_person():
    text = "Rodney Eyles (Australia) beat Peter Nicol (Scotland); Hong Kong (China) won."
    tagged = [spans.Raw(43, 51, "Scotland", "GPE")]
    found = name_context.add_people_before_countries(tagged, text, default_registry())
    assert [(r.text, r.label, r.cued) for r in found[1:]] == [
        ("Rodney Eyles", "PERSON", True), ("Peter Nicol", "PERSON", True)]


def test_a_first_name_the_model_left_out_joins_the_person(nlp):
    clean, entities = entities_of(["GOLF - LEADING MONEY WINNERS", "LONDON 1996-08-31",
                                   "Leading money winners on the European Tour:",
                                   "5. Costantino Rocca (Italy) 297,157"])
    people = [e.name for e in entities if e.type == "PERSON"]
    assert people == ["Costantino Rocca"]


def test_a_byline_run_with_a_title_or_a_person_is_not_one_organisation():
    text = "at the level of the Secretary of State Ned Price US State Department official"
    person = spans.Raw(39, 48, "Ned Price", "PERSON")
    added = known.add_known_mentions([person], text, [(0, len(text))], default_registry(), False)
    assert not any(r.label == "ORG" and "Ned Price" in r.text for r in added)
    alone = known.add_known_mentions([], "the Secretary of State Ned Price US State Department",
                                     [(0, 52)], default_registry(), False)
    assert [r.text for r in alone if r.label == "ORG"] == []


def test_a_surname_several_people_bear_goes_to_the_first_named_unless_addressed_otherwise(nlp):
    _, entities = entities_of([
        "Hillary Clinton won the Nevada caucuses on Saturday. Bill Clinton campaigned for her.",
        "Clinton said the result was a relief. Mr. Clinton said nothing. "
        "Mrs. Clinton left for South Carolina.",
    ], art_id="c1")
    people = {e.id: [m.text for m in e.mentions] for e in entities if e.type == "PERSON"}
    assert people == {"person:hillary-clinton": ["Hillary Clinton", "Clinton", "Clinton"],
                      "person:bill-clinton": ["Bill Clinton", "Clinton"]}


def test_a_full_name_keeps_its_own_surname_mentions_when_they_outnumber_it(nlp):
    # folded surnames can make "Netanyahu" its group's commonest form: the
    # group is still a full name, never folded into another bearer's
    _, entities = entities_of([
        "Benjamin Netanyahu met Barack Obama. Sara Netanyahu stayed home.",
        "Netanyahu spoke first. Netanyahu then left. Netanyahu returned.",
    ], art_id="c2")
    names = {e.name: len(e.mentions) for e in entities if "Netanyahu" in e.name}
    assert names == {"Benjamin Netanyahu": 4, "Sara Netanyahu": 1}


def test_two_sides_joined_by_a_hyphen_are_two_mentions(nlp):
    _, entities = entities_of(["Israel-PLO talks resumed, as did Israeli-Syrian contacts.",
                               "Guinea-Bissau and Abdul-Karim stayed out of it."])
    ids = by_id(entities)
    assert {"gpe:israel", "norp:israeli", "norp:syrian"} <= set(ids)
    assert any(e.name == "PLO" and e.type == "ORG" for e in entities)
    # a name of its own, or halves that are no sides, stay whole
    assert ids["gpe:guinea-bissau"].name == "Guinea-Bissau"
    assert not {"gpe:guinea", "gpe:bissau"} & set(ids)
    assert any(e.name == "Abdul-Karim" for e in entities)
