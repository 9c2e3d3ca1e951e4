"""PLOVER events, record validity of everything analyze() emits, and the seed."""
from __future__ import annotations

from functools import partial

import pytest

from pipeline import codec
from pipeline.ids import span_id
from pipeline.nlp.analyze import analyze
from pipeline.nlp.events.extract import EXTRACTOR, triggers
from pipeline.nlp.parsing import get_nlp, untagged_name
from pipeline.records import EVENT_TYPES, CleanArticle
from tests.shared_data import SHARED_DATA
from tests.unit import nlp_helpers

SEED = SHARED_DATA / "seed" / "000_be4580497953cbc3.txt"


#: This file's articles carry the id "e1" unless a test names another.
article = partial(nlp_helpers.article, art_id="e1")


STORY = [
    "Foreign Minister Anna Kowalczyk met Chancellor Tomas Lindqvist in Vienna on Tuesday.",
    "On March 3, the European Commission called on Hungary to release the detained journalists.",
    "Kowalczyk did not meet Lindqvist in Salzburg. "
    "She added that Poland would ask Sweden for help.",
    "Lindqvist will visit Warsaw on Friday, his spokeswoman Maria Ekdahl said.",
]


@pytest.fixture(scope="module")
def analysed():
    clean = article(STORY)
    return clean, *analyze(clean)


def one(events, type_, trigger):
    hits = [e for e in events if e.type == type_ and e.trigger == trigger]
    assert len(hits) == 1, [(e.type, e.trigger) for e in events]
    return hits[0]


def ids(refs):
    return [r.entity_id for r in refs]


def test_request_with_actor_recipient_and_explicit_date(analysed):
    _, _, _, events = analysed
    request = one(events, "REQUEST", "called")
    assert ids(request.actors) == ["org:european-commission"]
    assert ids(request.recipients) == ["gpe:hungary"]
    assert (request.date.value, request.date.precision, request.date.basis) == (
        "2022-03-03", "day", "explicit")
    assert request.tense == "past" and not request.negated
    # "called on Hungary to release": the release is what was asked for, not
    # something that happened, so it is no event of its own
    assert not [e for e in events if e.type == "RETREAT"]


def test_meeting_relative_date_and_location(analysed):
    _, _, _, events = analysed
    met = one(events, "CONSULT", "met")
    assert ids(met.actors) == ["person:anna-kowalczyk"]
    assert ids(met.recipients) == ["person:tomas-lindqvist"]
    assert met.mode == "meet" and met.location.entity_id == "gpe:vienna"
    assert (met.date.value, met.date.basis) == ("2022-03-08", "relative")  # last Tuesday


def test_negated_meeting_is_its_own_event(analysed):
    _, _, _, events = analysed
    not_met = one(events, "CONSULT", "meet")
    assert not_met.negated and not_met.tense == "past"
    assert ids(not_met.recipients) == ["person:tomas-lindqvist"]
    assert not_met.location.entity_id == "gpe:salzburg"
    assert not_met.date.basis == "published" and not_met.date.value == "2022-03-10"


def test_future_and_hypothetical_inside_statements(analysed):
    _, _, statements, events = analysed
    visit = one(events, "CONSULT", "visit")
    assert visit.tense == "future" and visit.mode == "visit"
    assert ids(visit.actors) == ["person:tomas-lindqvist"]
    assert ids(visit.recipients) == ["gpe:warsaw"]
    said = {s.id for s in statements}
    assert visit.statement_id in said
    ask = one(events, "REQUEST", "ask")
    assert ask.tense == "hypothetical" and ask.statement_id in said


def test_event_records_are_complete_and_valid(analysed):
    clean, entities, statements, events = analysed
    codec.validate("article_entities", codec.to_dict(entities))
    for s in statements:
        codec.validate("statement", codec.to_dict(s))
    assert events
    for e in events:
        codec.validate("event", codec.to_dict(e))
        assert clean.text[e.span.start:e.span.end] == e.text
        assert e.trigger in e.text and 0 < e.confidence <= 1
        assert e.extractor == EXTRACTOR and e.article_id == clean.id
        start = clean.text.index(e.trigger, e.span.start)
        assert e.id == span_id(clean.id, start, start + len(e.trigger), e.type)
    keys = [(e.type, tuple(ids(e.actors)), tuple(ids(e.recipients)), e.negated) for e in events]
    assert len(keys) == len(set(keys))


def test_lexicons_cover_every_plover_type():
    covered = {t.type for trigs in triggers().values() for t in trigs}
    assert covered == set(EVENT_TYPES)


def test_no_word_is_listed_under_two_types():
    # the first file read would silently win (expel was once COERCE and SANCTION)
    clashes = {key: sorted({a.type, b.type}) for key, trigs in triggers().items()
               for a in trigs for b in trigs
               if a.type != b.type and set(a.pos) & set(b.pos)}
    assert not clashes


def seed_article() -> CleanArticle:
    """The seed as the clean stage might deliver it: title first, then body
    paragraphs split on blank lines (all marked body)."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    kinds = ["heading"] + ["body"] * (len(paragraphs) - 1)
    return article(paragraphs, kinds, published="2022-07-28T00:00:00Z", art_id="be4580497953cbc3")


def test_seed_article():
    clean = seed_article()
    entities, statements, events = analyze(clean)
    lavrov = [e for e in entities.entities if "Lavrov" in e.name or "Lavrov" in e.aliases]
    assert [(e.id, e.type) for e in lavrov] == [("person:sergei-lavrov", "PERSON")]
    assert any(e.type in ("CONSULT", "REQUEST") for e in events)
    assert any(s.speaker and s.speaker.entity_id == "person:ned-price" for s in statements)
    assert "2022-02-15" in {t.value for t in entities.times}
    codec.validate("article_entities", codec.to_dict(entities))
    for record, name in [*((s, "statement") for s in statements), *((e, "event") for e in events)]:
        codec.validate(name, codec.to_dict(record))


# --- The seed checks of issue 7, through the real clean stage -------------


@pytest.fixture(scope="module")
def seed_events():
    """Events of the seed as `newswire process --published 2022-07-28` sees it."""
    from pipeline.process import analyze_raw, raw_from_document
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    raw = raw_from_document(SEED.read_bytes(), name="x.txt", published="2022-07-28")
    return analyze_raw(raw).events


def names(refs):
    return {r.name for r in refs}


def find(events, type_, lemma_prefix):
    """Events of a type whose trigger starts with a word stem."""
    hits = [e for e in events if e.type == type_ and e.trigger.lower().startswith(lemma_prefix)]
    assert hits, [(e.type, e.trigger) for e in events]
    return hits


def test_seed_request_for_phone_call(seed_events):
    request = find(seed_events, "REQUEST", "request")[0]
    assert names(request.actors) & {"State Department", "United States", "US State Department"}
    assert names(request.recipients) & {"Russia", "Russian"}
    assert request.statement_id is not None  # Price said it at a briefing


def test_seed_last_phone_conversation(seed_events):
    call = [e for e in find(seed_events, "CONSULT", "spoke") if e.mode == "phone"][0]
    assert names(call.actors) | names(call.recipients) >= {"Anthony Blinken", "Sergei Lavrov"}
    assert (call.date.value, call.date.basis, call.tense) == ("2022-02-15", "explicit", "past")


def test_seed_cancelled_meeting(seed_events):
    cancel = find(seed_events, "REJECT", "cancel")[0]
    assert names(cancel.actors) == {"Anthony Blinken"} and cancel.mode == "meet"
    assert cancel.date.value == "2022-02-24"
    # the meeting that was cancelled is not also reported as held
    assert not [e for e in seed_events if e.type == "CONSULT" and e.trigger == "meeting"]


def test_seed_call_to_let_grain_out(seed_events):
    call = find(seed_events, "REQUEST", "call")[0]
    assert names(call.actors) == {"Washington"} and names(call.recipients) == {"Moscow"}
    assert call.tense == "present"


def test_seed_prisoner_exchange(seed_events):
    proposal = find(seed_events, "AGREE", "proposal")[0]
    assert names(proposal.recipients) == {"Russia"}
    exchange = find(seed_events, "RETREAT", "exchange")[0]
    assert exchange.tense == "hypothetical"  # "could be the exchange of ..."
    assert {"Paul Whelan"} <= names(exchange.recipients)


def test_seed_whelan_sentence_and_griner_charge(seed_events):
    sentence = find(seed_events, "COERCE", "sentenced")[0]
    assert names(sentence.recipients) == {"Paul Whelan"} and sentence.mode == "sentence"
    assert sentence.location.name == "Russia"
    assert names(sentence.actors) == {"Russia"}  # "was sentenced in Russia": by Russia
    charge = find(seed_events, "ACCUSE", "accused")[0]
    assert [r.entity_id for r in charge.recipients] == ["person:brittney-greiner"]


def test_seed_megaphone_rebuke_and_refused_photo(seed_events):
    rebuke = find(seed_events, "ACCUSE", "called")[0]
    assert names(rebuke.actors) == {"Russian Foreign Ministry"}
    assert rebuke.date.value == "2022-07-27"  # "the day before"
    # "called the request ...": aimed at whoever sent the request, paragraphs earlier
    assert names(rebuke.recipients) == {"State Department"}
    photo = [e for e in find(seed_events, "REJECT", "reluctance") if e.actors][0]
    assert names(photo.actors) == {"Anthony Blinken"}
    assert names(photo.recipients) == {"Sergei Lavrov"}  # "due to Lavrov's presence"


def test_seed_meeting_not_planned_in_indonesia(seed_events):
    meet = [e for e in find(seed_events, "CONSULT", "meet") if e.negated][0]
    assert meet.tense == "future" and meet.location.name == "Indonesia"
    assert names(meet.actors) == {"Anthony Blinken"} and names(meet.recipients) == {"Sergei Lavrov"}
    assert (meet.date.value, meet.date.precision) == ("2022-11", "month")


def test_seed_military_operation(seed_events):
    # "the first talks since the beginning of the special operation": the
    # talks' "will" is not the operation's, so it is no threat
    assert not [e for e in seed_events if e.type == "THREATEN"]
    ops = find(seed_events, "ASSAULT", "operation")
    assert any(names(e.actors) & {"Russia", "Russian"} for e in ops)
    assert any(e.location and e.location.name == "Ukraine" for e in ops)


def test_a_nationality_standing_for_its_state_becomes_the_country():
    clean = article(["The foreign ministry sent a request to the Egyptian side on Monday to "
                     "reopen the border crossing."], art_id="e-state")
    from pipeline.nlp.analyze import analyze
    _, _, events = analyze(clean)
    request = next(e for e in events if e.type == "REQUEST")
    assert [r.entity_id for r in request.recipients] == ["gpe:egypt"]
    assert request.recipients[0].type == "GPE"


# --- Parties the text implies (pipeline.nlp.events.implied) ----------------------


def events_of(paragraphs, art_id):
    return analyze(article(paragraphs, art_id=art_id))[2]


def test_agentless_passive_act_of_authority_is_the_state_s():
    events = events_of(["The blogger Olga Brandt was arrested in Georgia on Monday."], "e-state-act")
    arrest = one(events, "COERCE", "arrested")
    assert ids(arrest.actors) == ["gpe:georgia"]
    assert names(arrest.recipients) == {"Olga Brandt"}


def test_passive_with_an_agent_or_a_killing_takes_no_place_as_actor():
    events = events_of(["The blogger Olga Brandt was arrested by border guards in Georgia. "
                        "A farmer was killed in Georgia on Monday."], "e-no-state")
    assert names(one(events, "COERCE", "arrested").actors) == {"border guards"}
    assert not [e for e in events if e.type == "ASSAULT" and e.actors]


def test_under_investigation_names_who_is_investigated():
    events = events_of(["The banker Karl Weiss was placed under investigation in Austria."],
                       "e-under")
    probe = one(events, "ACCUSE", "investigation")
    assert names(probe.recipients) == {"Karl Weiss"} and ids(probe.actors) == ["gpe:austria"]


def test_the_cause_of_a_reaction_is_its_target():
    events = events_of(["Chancellor Tomas Lindqvist refused to attend the dinner "
                        "because of Ivan Horvat's presence."], "e-cause")
    refusal = one(events, "REJECT", "refused")
    assert names(refusal.actors) == {"Tomas Lindqvist"}
    assert names(refusal.recipients) == {"Ivan Horvat"}


def test_a_definite_event_noun_refers_back_to_the_earlier_event():
    events = events_of([
        "The Polish Foreign Ministry sent Hungary a request for consular access on Monday.",
        "Prime Minister Viktor Balogh later called the request \"a provocation\".",
    ], "e-refer")
    label = one(events, "ACCUSE", "called")
    request = one(events, "REQUEST", "request")
    assert label.recipients == request.actors and request.actors
    assert names(label.actors) == {"Viktor Balogh"}


def test_an_indefinite_event_noun_is_a_new_one():
    events = events_of([
        "The Polish Foreign Ministry sent Hungary a request for consular access on Monday.",
        "Prime Minister Viktor Balogh later rejected a request for talks.",
    ], "e-new")
    assert not one(events, "REJECT", "rejected").recipients


def test_a_date_before_the_verb_is_no_particle():
    """"On Tuesday, X called ..." is no "call on"."""
    events = events_of(['On Tuesday, Prime Minister Viktor Balogh called the plan "a provocation".'],
                       "e-on")
    assert [e.type for e in events if e.trigger == "called"] == ["ACCUSE"]


def test_derived_nouns_trigger_their_verb_s_event():
    from pipeline.nlp.events.triggers import derived_nouns
    assert {"kidnapping", "deployment", "abduction", "accusation", "withdrawal",
            "denial"} <= set().union(*map(derived_nouns, ["kidnap", "deploy", "abduct",
                                                           "accuse", "withdraw", "deny"]))
    table = triggers()
    assert table["kidnapping"][0].type == "ASSAULT" and table["kidnapping"][0].pos == ("NOUN",)
    assert "requirement" not in table  # derived, but names no happening
    events = events_of(["The kidnapping of Jan Novak by rebels shocked Prague."],
                       "e-derived")
    kidnap = one(events, "ASSAULT", "kidnapping")
    assert names(kidnap.recipients) == {"Jan Novak"} and names(kidnap.actors) == {"rebels"}



@pytest.mark.parametrize("sentence,type_,trigger", [
    ("Riot police in Lagos crushed a march by Nigerian students on Monday.", "COERCE", "crushed"),
    ("The court in Ankara annulled the election of mayor Ali Demir.", "REJECT", "annulled"),
    ("Iran executed the smuggler Reza Karimi in Tehran on Sunday.", "ASSAULT", "executed"),
    ("Prime Minister Jan Holm favoured talks with the rebels of Norland.", "SUPPORT", "favoured"),
    ("Senator Ann Reed disapproved of the deal Tom Hale made with Norland.", "ACCUSE", "disapproved"),
    ("Senator Ann Reed scorned the plan of Prime Minister Jan Holm.", "ACCUSE", "scorned"),
])
def test_everyday_words_of_the_cameo_categories(sentence, type_, trigger):
    one(events_of([sentence], "e-everyday"), type_, trigger)


@pytest.mark.parametrize("sentence,detained", [
    ("Rebels in Sudan freed six missionaries held for two weeks.", set()),
    ("The embassy said Tom Hale, who is being held in jail in Tirana, was well.",
     {"Tom Hale"}),
    ("Prime Minister Jan Holm held talks with the rebels of Norland on Monday.", None),
    ("Elections were held in Norland on Sunday, the commission said.", None),
    ("Senator Ann Reed held a ten-point lead over Tom Hale in the poll.", None),
    ("The court in Ankara held Ali Demir responsible for the riot.", None),
])
def test_hold_is_a_detention_only_of_a_person(sentence, detained):
    events = events_of([sentence], "e-held")
    held = [e for e in events if e.trigger == "held"]
    if detained is None:
        assert all(e.type != "COERCE" for e in held), [(e.type, e.trigger) for e in events]
    else:  # a bare participle's noun is no recipient yet (see args._passive_subjects)
        assert detained <= names(one(events, "COERCE", "held").recipients)


def test_a_relative_passive_subject_is_the_noun_it_describes():
    events = events_of(["The blogger Ali Demir, who was arrested by police in Ankara, "
                        "is on hunger strike."], "e-relative")
    assert names(one(events, "COERCE", "arrested").recipients) == {"Ali Demir"}


@pytest.mark.parametrize("sentence", [
    "Grace Hale, who was killed in a car crash in 1982, was the mother of Tom Hale.",
    "Imports fell, according to Ministry of Finance data released on Wednesday.",
])
def test_a_crash_kills_and_released_data_free_nobody(sentence):
    assert not events_of([sentence], "e-no-event")


@pytest.mark.parametrize("sentence", [
    "Hanging up blazers in the store, Tom Hale said sales of Norland coats were up.",
    "The Norland army executed the plan of General Ann Reed on Monday.",
    "Senator Ann Reed is proving the broad appeal of Norland football.",
    "Norland Air bets on the appeal of licensing opportunities to Ruritania.",
    "Tom Hale, the former Norland finance chief, will plead guilty to perjury charges.",
    "Senator Ann Reed struggled to mobilize party voters in Norland.",
])
def test_plain_handling_and_attraction_are_no_events(sentence):
    assert not events_of([sentence], "e-other-sense")


def test_bodies_and_people_of_political_reporting_act():
    events = events_of(["The principals association banned Norland College from all its "
                        "activities.",
                        "The lawyers sued Ruritania over the vote."], "e-bodies")
    assert {(e.type, a.name) for e in events for a in e.actors} == {
        ("COERCE", "principals association"), ("ACCUSE", "lawyers")}


def test_opposition_to_something_is_a_rejection():
    events = events_of(["Attorney General Ann Reed expressed opposition to any deal for Tom Hale.",
                        "The opposition won the vote in Norland."], "e-opposition")
    assert [(e.type, names(e.actors)) for e in events] == [("REJECT", {"Ann Reed"})]


def test_an_appeal_of_a_ruling_or_by_a_party_still_asks():
    events = events_of(["Senator Ann Reed rejected the appeal of the rebels.",
                        "Tom Hale hanged the Norland envoy in the square.",
                        "Norland mobilized army reservists against Ruritania."], "e-still")
    assert {e.type for e in events} == {"REJECT", "ASSAULT", "MOBILIZE"}


@pytest.mark.parametrize("sentence,type_", [
    ("Senator Ann Reed attacked Tom Hale for backing the tax bill.", "ACCUSE"),
    ("Tom Hale said he was under political attack from Senator Ann Reed.", "ACCUSE"),
    ("Rebels attacked a convoy of Norland soldiers for the second time.", "ASSAULT"),
    # on or by a person, with no word of force near: words
    ("In a tweet on Monday Senator Ann Reed attacked Tom Hale.", "ACCUSE"),
    ("Tom Hale came under attack from Ann Reed in the debate.", "ACCUSE"),
    # force near: an assault
    ("Ann Reed said Tom Hale attacked her with a knife on Monday.", "ASSAULT"),
    ("Gunmen attacked Tom Hale outside his house on Monday.", "ASSAULT"),
])
def test_an_attack_in_words_is_an_accusation(sentence, type_):
    events = events_of([sentence], "e-attack")
    assert [e.type for e in events if e.trigger.startswith("attack")] == [type_]

# --- Role readings beyond subject and object --------------------------------


def test_an_office_of_a_state_acts_for_the_state():
    events = events_of(["Chancellor Tomas Lindqvist offered to negotiate with the president "
                        "of Armenia."], "e-office")
    offer = one(events, "AGREE", "offered")
    assert ids(offer.actors) == ["person:tomas-lindqvist"] and ids(offer.recipients) == ["gpe:armenia"]


def test_a_demand_whose_clause_hangs_on_the_verb():
    events = events_of(["The European Commission repeated its demand on Monday that Hungary "
                        "release the journalists."], "e-demand")
    demand = one(events, "REQUEST", "demand")
    assert ids(demand.recipients) == ["gpe:hungary"]
    assert not [e for e in events if e.type == "RETREAT"]  # demanded, not done


def test_a_withdrawal_is_from_a_place():
    events = events_of(["Poland withdrew its troops from Lithuania on Monday."], "e-withdraw")
    pullout = one(events, "RETREAT", "withdrew")
    assert ids(pullout.actors) == ["gpe:poland"] and ids(pullout.recipients) == ["gpe:lithuania"]


def test_a_hostile_act_aimed_through_its_purpose():
    events = events_of(["Sweden mobilized reservists for a possible war against Norway."],
                       "e-against")
    mobilized = one(events, "MOBILIZE", "mobilized")
    assert ids(mobilized.recipients) == ["gpe:norway"]


def test_a_journey_s_purpose_is_reported_but_a_circumstance_is_not():
    events = events_of(["Prime Minister Eva Novak left Prague on Monday for Vienna to hold talks "
                        "with Chancellor Tomas Lindqvist.",
                        "Lindqvist left Vienna on Tuesday, refusing to answer questions."],
                       "e-journey")
    talks = one(events, "CONSULT", "talks")
    assert names(talks.recipients) == {"Tomas Lindqvist"}
    assert not [e for e in events if e.type == "REJECT"]  # how he left, not a refusal


def test_a_voiced_protest_is_a_complaint_and_an_ended_one_a_concession():
    events = events_of(["The Polish Foreign Ministry voiced a strong protest over the Hungarian "
                        "decision on Monday.",
                        "Farmers in Lyon ended their protest after the government of France "
                        "agreed to their demands."], "e-protest-verbs")
    assert one(events, "ACCUSE", "voiced").actors
    assert one(events, "CONCEDE", "ended").actors
    assert not [e for e in events if e.type == "PROTEST"]


def test_disapproval_voiced_as_a_feeling_is_an_accusation():
    events = events_of(["The government of Greece expressed concern that Turkey might close "
                        "the border.",
                        "The government of Greece expressed its support for Cyprus."],
                       "e-concern")
    concern = [e for e in events if e.type == "ACCUSE"]
    assert len(concern) == 1 and concern[0].trigger == "concern"
    assert ids(concern[0].actors) == ["gpe:greece"]


def test_a_person_s_journey_is_a_visit_and_forces_arriving_are_not():
    events = events_of(["Speaker of parliament Habib Boulares arrives in Tripoli on Monday.",
                        "Bangladeshi peacekeeping troops arrived in Sierra Leone on Monday.",
                        "Thousands of refugees arrived in Zaire."], "e-journey")
    visits = [e for e in events if e.type == "CONSULT"]
    assert [e.trigger for e in visits] == ["arrives"]
    assert names(visits[0].actors) == {"Habib Boulares"}
    assert names(visits[0].recipients) == {"Tripoli"}


def test_holders_of_an_office_act_in_it():
    events = events_of(["Two senators proposed constitutional reforms on Tuesday."], "e-office")
    assert names(one(events, "AGREE", "proposed").actors) == {"senators"}


def test_a_relative_clause_that_does_the_noun_names_its_sides():
    events = events_of(["Fox said he had raised the issue at every meeting he had had with "
                        "government leaders in Dhaka.",
                        "The attack that rebels carried out on the town of Kenema killed ten.",
                        "The talks which began in Geneva stalled."], "e-relcl")
    meeting = one(events, "CONSULT", "meeting")
    assert (names(meeting.actors), names(meeting.recipients)) == ({"Fox"}, {"government leaders"})
    attack = one(events, "ASSAULT", "attack")
    assert (names(attack.actors), names(attack.recipients)) == ({"rebels"}, {"Kenema"})
    assert not [e for e in events if e.trigger == "talks"]  # began: nobody does them to anyone


def test_a_partyless_act_takes_the_sides_of_the_event_it_happened_during():
    events = events_of(["The appeal was made on Sunday during talks between Iran and Iraq."],
                       "e-occasion")
    appeal = one(events, "REQUEST", "appeal")
    assert (ids(appeal.actors), ids(appeal.recipients)) == (["gpe:iran"], ["gpe:iraq"])


def test_who_is_held_in_custody_or_serves_a_term_undergoes_the_detention():
    events = events_of(["John Grant Fagan was in police custody on Monday.",
                        "Two Kenyan activists are serving prison terms in Nairobi."], "e-held")
    custody = one(events, "COERCE", "custody")
    assert (names(custody.actors), names(custody.recipients)) == ({"police"}, {"John Grant Fagan"})
    term = one(events, "COERCE", "terms")
    assert not term.actors and ids(term.recipients) == ["norp:kenyan"]


def test_whom_an_assault_hurt_is_its_recipient_even_unnamed():
    events = events_of(["Kurdish guerrillas killed two people in eastern Turkey on Sunday.",
                        "The new law allows people to travel to Turkey."], "e-victims")
    killed = one(events, "ASSAULT", "killed")
    assert names(killed.recipients) == {"people"}  # not the place it happened in
    assert not [e for e in events if names(e.recipients) & {"people"} and e.type != "ASSAULT"]


def test_an_agentless_passive_act_was_done_by_the_doer_of_its_when_clause():
    events = events_of(["Three soldiers were killed when rebels attacked their convoy near Kabul.",
                        "Ten people were killed when a bus crashed near Kabul."], "e-when")
    killed = [e for e in events if e.trigger == "killed"]
    assert names(killed[0].actors) == {"rebels"} and names(killed[0].recipients) == {"soldiers"}
    assert len(killed) == 1  # a crash is no one's act, and no assault (senses.natural_deaths)


def test_an_invitation_is_an_intent_to_meet():
    events = events_of(["Chancellor Tomas Lindqvist invited President Anna Kowalczyk to Vienna "
                        "on Monday."], "e-invite")
    invitation = one(events, "AGREE", "invited")
    assert names(invitation.actors) == {"Tomas Lindqvist"}
    assert names(invitation.recipients) >= {"Anna Kowalczyk"}


def test_what_a_refusal_withstands_names_its_target():
    events = events_of(["Prime Minister Eva Novak declined to resign despite pressure by the "
                        "European Commission."], "e-despite")
    refusal = one(events, "REJECT", "declined")
    assert ids(refusal.recipients) == ["org:european-commission"]


def test_an_order_is_a_request_and_an_ordered_event_is_that_event():
    events = events_of(["A court in Vilnius ordered the banker Karl Weiss to appear on Monday. "
                        "The government of Latvia ordered patrols along the border."], "e-order")
    order = one(events, "REQUEST", "ordered")
    assert names(order.recipients) == {"Karl Weiss"}
    patrols = [e for e in events if e.type == "MOBILIZE"]
    assert [ids(e.actors) for e in patrols] == [["gpe:latvia"]]


# --- Trigger words that report no happening (pipeline.nlp.events.readings) ---------


def test_a_condition_is_no_event():
    events = events_of(["Poland will withdraw its ambassador from Minsk unless Belarus "
                        "releases the journalist Pavel Sokol."], "e-cond")
    assert [e.type for e in events] == ["THREATEN"]


def test_the_charge_is_no_event():
    events = events_of(["Poland blamed Belarus for the bombing of the border post. "
                        "The engineer Jan Novak was arrested in Belarus for collaborating "
                        "with Poland."], "e-charge")
    assert sorted(e.type for e in events) == ["ACCUSE", "COERCE"]


def test_a_condemned_attack_did_happen():
    events = events_of(["Poland's condemnation of the Belarusian attack on Lithuania "
                        "came on Monday."], "e-condemned")
    assert {"ACCUSE", "ASSAULT"} <= {e.type for e in events}


def test_a_background_event_nobody_is_said_to_do_is_no_event():
    events = events_of(["Fifty rebels surrendered to Poland following the shelling of Kaunas.",
                        "Lithuania protested after Russia's attack on Vilnius."], "e-background")
    assert sorted(e.type for e in events) == ["ASSAULT", "PROTEST", "RETREAT"]
    attack = one(events, "ASSAULT", "attack")
    assert ids(attack.actors) == ["gpe:russia"]


def test_an_intransitive_verb_s_subject_does_its_noun_s_event():
    events = events_of(["Dock workers in Gdansk went on strike on Monday.",
                        "The Polish president arrived in Vilnius for a two-day visit."], "e-stance")
    strike = one(events, "PROTEST", "strike")
    assert names(strike.actors) == {"Dock workers"}
    visit = one(events, "CONSULT", "arrived")  # a person's arrival is the visit, one event
    assert visit.actors and ids(visit.recipients) == ["gpe:vilnius"]  # visited, so hosted


def test_calling_for_someone_to_act_asks_them():
    events = events_of(["Opposition leader Jan Holm called for Prime Minister Eva Novak to resign.",
                        "Farmers in Lyon pressed for the government to lift the quota."], "e-for-to")
    call = one(events, "REQUEST", "called")
    assert names(call.actors) == {"Jan Holm"} and names(call.recipients) == {"Eva Novak"}
    assert names(one(events, "REQUEST", "pressed").recipients) == {"government"}


def test_a_thing_points_at_its_party_one_step_only():
    events = events_of(['"We have charged him with these shameful acts of abuse of little '
                        'children," prosecutor Jan Novak told Reuters.'], "e-one-step")
    charge = one(events, "ACCUSE", "charged")
    assert names(charge.actors) == {"Jan Novak"}
    assert "little children" not in names(charge.recipients)  # the charge's, not its target


def test_an_office_set_off_by_a_name_is_that_person():
    events = events_of(["The commander of Russian troops in Chechnya, Vyacheslav Tikhomirov, "
                        "met Aslan Mashadov on Monday."], "e-office-name")
    assert names(one(events, "CONSULT", "met").actors) == {"Vyacheslav Tikhomirov"}


def test_a_trip_leaving_a_place_visits_where_it_is_for():
    events = events_of(["Chinese Premier Li Peng left Santiago on Friday for Quito, officials "
                        "said."], "e-leaving")
    trip = one(events, "CONSULT", "left")
    assert names(trip.actors) == {"Li Peng"} and names(trip.recipients) == {"Quito"}


def test_a_frame_that_sets_sides_against_each_other_names_both():
    events = events_of(["About 30,000 people have died in Peru's violence pitting Maoist "
                        "rebels against government forces since 1980.",
                        "The fighting in Arbil was between the KDP and the PUK."], "e-pitted")
    violence = one(events, "ASSAULT", "violence")
    assert names(violence.actors) == {"Maoist"} and names(violence.recipients) == {
        "government forces"}
    fighting = one(events, "ASSAULT", "fighting")
    assert names(fighting.actors) == {"KDP"} and names(fighting.recipients) == {"PUK"}


def test_an_act_settled_at_a_meeting_is_its_sides_doing():
    events = events_of(["The truce was agreed in talks between Jan Holm and Eva Novak.",
                        "Two soldiers were killed during talks between Norland and Sudria."],
                       "e-made-at")
    truce = one(events, "AGREE", "agreed")
    assert names(truce.actors) | names(truce.recipients) == {"Jan Holm", "Eva Novak"}
    assert not one(events, "ASSAULT", "killed").actors  # the talkers killed no one


def test_who_speaks_at_a_gathering_with_someone_attends_it():
    events = events_of(["Tomas Lindqvist made the remarks during a visit to Poland.",
                        "Jan Holm and Eva Novak sealed the closer links during talks in Oslo.",
                        "Viktor Balogh spoke at a town-hall meeting in Pecs."], "e-attending")
    visit = one(events, "CONSULT", "visit")
    assert names(visit.actors) == {"Tomas Lindqvist"} and names(visit.recipients) == {"Poland"}
    talks = one(events, "CONSULT", "talks")
    assert names(talks.actors) | names(talks.recipients) == {"Jan Holm", "Eva Novak"}
    assert not [e for e in events if e.trigger == "meeting"]  # met nobody named


def test_who_speaks_right_after_talks_with_someone_held_them():
    events = events_of(["Tomas Lindqvist told reporters after talks with Eva Novak that "
                        "the texts were ready.",
                        "Jan Holm spoke after two days of talks with Viktor Balogh."],
                       "e-attended")
    assert [(names(e.actors), names(e.recipients)) for e in events if e.type == "CONSULT"] == [
        ({"Tomas Lindqvist"}, {"Eva Novak"}), ({"Jan Holm"}, {"Viktor Balogh"})]


def test_a_noun_restating_its_verb_is_the_same_event():
    events = events_of(["Rebels killed five soldiers in an ambush near Goma.",
                        "Japan will provide ten million dollars in assistance to Sudan."], "e-same")
    assert [e.trigger for e in events if e.type == "ASSAULT"] == ["killed"]
    aid = [e for e in events if e.trigger in ("provide", "assistance")]
    assert len(aid) == 1 and ids(aid[0].recipients) == ["gpe:sudan"]
    assert aid[0].tense == "future"


def test_pulled_out_of_a_place_and_forces_are_no_side():
    events = events_of(["Syrian troops pulled out of the town of Afrin.",
                        "India deployed thousands of troops along the border."], "e-out")
    assert ids(one(events, "RETREAT", "pulled").recipients) == ["gpe:afrin"]
    assert one(events, "MOBILIZE", "deployed").recipients == []


def test_a_kind_of_people_is_no_event():
    events = events_of(["Aid workers met riot police in Nairobi on Tuesday."], "e-kinds")
    assert [e.type for e in events] == ["CONSULT"]


def test_what_a_verb_is_for_is_its_content():
    events = events_of(["The Security Council called for an immediate ceasefire in Gaza."],
                       "e-for")
    assert [e.type for e in events] == ["REQUEST"]


def test_mediating_between_two_sides():
    events = events_of(["Kenya offered to mediate between Ethiopia and Eritrea."], "e-between")
    assert ids(one(events, "AGREE", "offered").recipients) == ["gpe:ethiopia", "gpe:eritrea"]


def test_recalled_from_a_capital_and_lexicon_modes_from_cameo():
    events = events_of(["Britain recalled its ambassador from Moscow.",
                        "Rebels violated the ceasefire near Goma.",
                        "A suicide bombing killed ten people in Kabul."], "e-cameo")
    assert ids(one(events, "SANCTION", "recalled").recipients) == ["gpe:moscow"]
    assert one(events, "ASSAULT", "violated").actors  # CAMEO 196: an assault, not a rejection
    assert [e.mode for e in events if e.trigger == "bombing"] == ["suicide-attack"]


def test_weighed_and_readied_acts_are_not_done():
    events = events_of(["The European Commission is considering sanctions against Belarus.",
                        "Poland is ready to resume talks with Lithuania."], "e-modality")
    assert one(events, "SANCTION", "sanctions").tense == "hypothetical"
    assert one(events, "CONSULT", "talks").tense == "future"


def test_i_in_a_quote_is_the_speaker_and_a_meeting_joined_is_intended():
    events = events_of(['"I did not threaten anyone in Vilnius," Prime Minister Eva Novak said.',
                        "Novak intends to take part in talks with Lithuania."], "e-speaker")
    threat = one(events, "THREATEN", "threaten")
    assert ids(threat.actors) == ["person:eva-novak"] and threat.negated
    assert one(events, "CONSULT", "talks").tense == "future"


# --- Light-verb frames (pipeline.nlp.events.light_verbs) ---------------------------


def test_an_attack_carried_out_by_someone_is_theirs():
    events = events_of(["The attack on the convoy near Goma was carried out by rebels."],
                       "e-carried")
    assert names(one(events, "ASSAULT", "attack").actors) == {"rebels"}


def test_received_criticism_is_from_the_giver_at_the_doer():
    events = events_of(["The arrest of Pavel Sokol by Belarusian police drew criticism from "
                        "the European Commission.",
                        "Sudan received aid from Japan in March."], "e-received")
    criticism = one(events, "ACCUSE", "criticism")
    assert ids(criticism.actors) == ["org:european-commission"]
    assert "Pavel Sokol" not in names(criticism.recipients) and criticism.recipients
    aid = one(events, "AID", "aid")
    assert ids(aid.actors) == ["gpe:japan"] and ids(aid.recipients) == ["gpe:sudan"]


def test_criticism_fielded_or_received_in_a_relative_clause_is_at_the_receiver():
    events = events_of(["President Hollande has fielded sharp criticism from Marine Le Pen.",
                        "Senator Ortiz said the criticism Governor Reyes received was unfair."],
                       "e-fielded")
    fielded, received = [e for e in events if e.type == "ACCUSE" and e.trigger == "criticism"]
    assert names(fielded.actors) == {"Le Pen"}
    assert names(fielded.recipients) == {"Hollande"}
    assert not received.actors and names(received.recipients) == {"Reyes"}


def test_a_condemned_act_is_aimed_at_its_doer_not_its_victims():
    events = events_of(["Poland condemned the killing of protesters by the police."],
                       "e-condemn")
    assert names(one(events, "ACCUSE", "condemned").recipients) == {"police"}


def test_brokering_a_truce_is_mediation():
    events = events_of(["Egypt brokered a truce between Israel and Hamas on Monday."],
                       "e-broker")
    mediation = one(events, "CONSULT", "brokered")
    assert mediation.mode == "mediate" and names(mediation.actors) == {"Egypt"}
    assert not [e for e in events if e.type == "RETREAT"]


def test_a_demand_agreed_to_is_conceded_and_support_is_for_someone():
    events = events_of(["The government of Latvia agreed to the rebels' demand for elections.",
                        "Poland and Lithuania restored diplomatic relations on Monday.",
                        "Sweden expressed support for the Ukrainian government."], "e-concede")
    concession = one(events, "CONCEDE", "agreed")
    assert names(concession.recipients) == {"rebels"}
    assert not [e for e in events if e.type == "AGREE"]
    relations = one(events, "SUPPORT", "relations")
    assert ids(relations.actors) == ["gpe:poland", "gpe:lithuania"]
    assert one(events, "SUPPORT", "support").recipients


def test_an_order_after_protests_is_not_the_protests():
    events = events_of(["The government of Latvia ordered patrols after protests by farmers."],
                       "e-after")
    assert [e.type for e in events if e.trigger == "ordered"] == ["MOBILIZE"]


def test_a_thing_s_owner_is_the_party_and_a_retaliation_is_the_retaliator_s():
    events = events_of(["Poland threatened to block Sweden's NATO membership.",
                        "Lithuania retaliated with air strikes on Minsk."], "e-owner")
    assert ids(one(events, "THREATEN", "threatened").recipients) == ["gpe:sweden"]
    strikes = one(events, "ASSAULT", "strikes")
    assert ids(strikes.actors) == ["gpe:lithuania"] and ids(strikes.recipients) == ["gpe:minsk"]


def test_a_subject_it_or_they_is_the_previous_sentence_s_doer():
    events = events_of(["Poland summoned the Belarusian ambassador on Monday.",
                        "It also expelled two Belarusian diplomats.",
                        "The rebels seized the town of Goma.",
                        "They later released forty prisoners."], "e-it")
    assert ids(one(events, "SANCTION", "expelled").actors) == ["gpe:poland"]
    assert names(one(events, "RETREAT", "released").actors) == {"rebels"}


def test_it_is_no_person():
    events = events_of(["Prime Minister Eva Novak met Chancellor Tomas Lindqvist.",
                        "It also expelled two Belarusian diplomats."], "e-it-person")
    assert not one(events, "SANCTION", "expelled").actors


def test_coordinated_modifiers_name_both_parties():
    events = events_of(["US and British warplanes bombed targets in Yemen."], "e-conj-mod")
    assert names(one(events, "ASSAULT", "bombed").actors) == {"United States", "British"}


def test_an_aim_s_object_and_an_evacuated_place_are_recipients():
    events = events_of(["Belarusian police opened fire to disperse the farmers.",
                        "Poland will evacuate all its outposts in Lithuania."], "e-aim")
    assert names(one(events, "ASSAULT", "fire").recipients) == {"farmers"}
    pullout = [e for e in events if e.trigger == "evacuate"][0]
    assert ids(pullout.recipients) == ["gpe:lithuania"]


def test_a_joint_act_goes_from_the_first_side_named_to_the_others():
    events = events_of(["Pakistan and Iran agreed to expand trade relations.",
                        "Kenya and Uganda attacked rebel bases in Congo."], "e-joint")
    agreed = one(events, "AGREE", "agreed")
    assert (ids(agreed.actors), ids(agreed.recipients)) == (["gpe:pakistan"], ["gpe:iran"])
    # an attack is no joint act: both attacked, neither is attacked
    assert set(ids(one(events, "ASSAULT", "attacked").actors)) == {"gpe:kenya", "gpe:uganda"}


def test_only_a_word_of_assent_negated_is_a_rejection():
    events = events_of(["Ecuador will not accept the border ruling.",
                        "Peru did not invite Bolivia to the summit."], "e-negated-agree")
    assert one(events, "REJECT", "accept").negated is False
    # an invitation not made rejects nothing: it is an AGREE that did not happen
    invitation = one(events, "AGREE", "invite")
    assert invitation.negated is True and ids(invitation.actors) == ["gpe:peru"]
    assert not [e for e in events if e.type == "REJECT" and e.trigger == "invite"]


def test_a_reciprocal_verb_goes_from_the_first_side_whatever_its_type():
    # signing and fighting are done by each side to the other; they are not
    # CONSULT/AGREE/COOPERATE, so the verb, not the type, makes them joint
    events = events_of(["Peru and Ecuador signed a border treaty on Monday.",
                        "Eritrea and Yemen fought a short war over the islands."], "e-reciprocal")
    signed = one(events, "SUPPORT", "signed")
    assert (ids(signed.actors), ids(signed.recipients)) == (["gpe:peru"], ["gpe:ecuador"])
    fought = one(events, "ASSAULT", "fought")
    assert (ids(fought.actors), ids(fought.recipients)) == (["gpe:eritrea"], ["gpe:yemen"])


def test_a_name_the_tagger_took_for_a_common_noun_is_still_a_side():
    # the small model tags an unseen surname at a sentence's start as NN
    events = events_of(["Niyazov blamed the ministry for the delays."], "e-untagged")
    blamed = one(events, "ACCUSE", "blamed")
    assert names(blamed.actors) == {"Niyazov"}


def test_only_a_capitalised_noun_english_does_not_know_counts_as_an_untagged_name():
    nlp = get_nlp()
    firsts = [nlp(text)[0] for text in ("Niyazov blamed them.", "Traders said so.",
                                         "Everyone said so.", "niyazov blamed them.")]
    assert [t.tag_ for t in firsts[:3]] == ["NN", "NNS", "NN"]
    assert [untagged_name(t) for t in firsts] == [True, False, False, False]


def test_a_joint_act_splits_even_when_its_content_names_one_of_its_sides():
    # "of Rwandan refugees" names Rwanda inside what was agreed; that must
    # not stand in for the other side and then vanish as an actor
    events = events_of(["The Zairean and Rwandan governments agreed on the repatriation of "
                        "Rwandan refugees."], "e-joint-content")
    agreed = one(events, "AGREE", "agreed")
    assert (names(agreed.actors), names(agreed.recipients)) == ({"Zairean"}, {"Rwandan"})


def test_a_name_hung_below_a_coordinated_name_is_a_side():
    events = events_of(["Russian envoy Alexander Lebed and Chechen separatist military leader "
                        "Aslan Maskhadov held talks on Friday."], "e-joint-names")
    talks = one(events, "CONSULT", "talks")
    assert names(talks.actors) == {"Alexander Lebed"}
    assert names(talks.recipients) == {"Aslan Maskhadov"}


def test_hyphen_joined_sides_of_talks():
    events = events_of(["Israeli-Syrian peace talks have been deadlocked since 1991.",
                        "Erekat said Israel-PLO talks would begin in September."], "e-hyphen")
    syrian, plo = sorted((e for e in events if e.type == "CONSULT"), key=lambda e: e.span.start)
    assert (ids(syrian.actors), ids(syrian.recipients)) == (["norp:israeli"], ["norp:syrian"])
    assert (ids(plo.actors), names(plo.recipients)) == (["gpe:israel"], {"PLO"})


def test_whom_one_discusses_with_even_when_hung_on_the_topic():
    events = events_of(["Alexander Lebed will discuss his Chechen peace proposals with "
                        "Boris Yeltsin on Tuesday."], "e-with")
    assert one(events, "CONSULT", "discuss").recipients[0].name == "Boris Yeltsin"


def test_the_first_leader_to_meet_is_the_copula_s_subject():
    events = events_of(["Prime Minister Lamberto Dini will be the first Western leader to meet "
                        "Necmettin Erbakan."], "e-first-to")
    meet = one(events, "CONSULT", "meet")
    assert names(meet.actors) == {"Lamberto Dini"}
    assert names(meet.recipients) == {"Necmettin Erbakan"}


def test_after_being_questioned_by_police_the_subject_was_questioned():
    events = events_of(["The consul Pavel Novak fled Hong Kong after being questioned by "
                        "anti-corruption police.",
                        "Helped by a firmer opening on Wall Street, Paris climbed."], "e-being")
    assert names(one(events, "ACCUSE", "questioned").recipients) == {"Pavel Novak"}
    # no "being": the bare participle says nothing of who was helped
    assert not [r for e in events if e.trigger == "Helped" for r in e.recipients]


def test_a_court_sentences_whom_it_sentenced_in_it():
    events = events_of(["Peiris was sentenced in the Western Australian District Court "
                        "to two years in jail.",
                        "Whelan was arrested in the street."], "e-court")
    assert names(one(events, "COERCE", "sentenced").actors) == {
        "Western Australian District Court"}
    assert not [a for e in events if e.trigger == "arrested" for a in e.actors]  # a street acts not


def test_a_body_named_in_front_of_a_thing_owns_it():
    events = events_of(["The Taliban denied a Kabul government statement on the talks.",
                        "Helped by a firmer Wall Street opening, Paris climbed."], "e-owner")
    assert ids(one(events, "REJECT", "denied").recipients) == ["gpe:kabul"]
    assert not [a for e in events if e.trigger == "Helped" for a in e.actors]  # a place owns nothing


def test_where_troops_are_sent_is_the_side():
    events = events_of(["Iran sent troops into northern Iraq on Tuesday."], "e-into")
    assert ids(one(events, "MOBILIZE", "troops").recipients) == ["gpe:iraq"]


def test_who_holds_a_meeting_of_a_body_meets_the_body():
    events = events_of(["Arafat will hold the weekly meeting of the Palestinian Authority's "
                        "cabinet in Nablus."], "e-meeting-of")
    meeting = one(events, "CONSULT", "meeting")
    assert names(meeting.actors) == {"Arafat"} and meeting.recipients


def test_what_a_charge_alleges_is_no_event():
    events = events_of(["Moada was sentenced in February to 11 years in jail on charges of "
                        "having secret contacts with Libya."], "e-charges-of")
    assert "CONSULT" not in {e.type for e in events}
    assert one(events, "COERCE", "sentenced")


def test_a_that_clause_hung_on_a_visit_is_the_report_s_not_the_visit_s():
    events = events_of(["Kengo said at the end of a visit to Rwanda last week that the Zairean "
                        "and Rwandan governments agreed on a repatriation of the refugees."],
                       "e-visit-that")
    assert "AGREE" in {e.type for e in events}


def test_a_question_or_an_attempt_is_no_request():
    events = events_of(["Foreign Minister Gujral was asked by Pakistan whether India would "
                        "sign the treaty.",
                        "Asked about the vote, Senator Maria Lopez criticized Mexico.",
                        "Indonesia sought to play down the attack on the United States.",
                        "Jordan asked Iraq to withdraw its diplomat.",
                        "Lebed has been seeking a meeting with President Boris Yeltsin."],
                       "e-questions")
    requests = [e for e in events if e.type == "REQUEST"]
    assert sorted(e.trigger for e in requests) == ["asked", "seeking"]
    assert ids(one(events, "REQUEST", "asked").recipients) == ["gpe:iraq"]


def test_an_obligation_nobody_voices_is_no_demand():
    events = events_of(["Prime Minister Hashimoto must call elections by mid-1997.",
                        "President Yasser Arafat said Israel must withdraw from Hebron."],
                       "e-must")
    demands = [e for e in events if e.type == "REQUEST"]
    assert len(demands) == 1
    assert names(demands[0].actors) == {"Yasser Arafat"}
    assert ids(demands[0].recipients) == ["gpe:israel"]


def test_a_release_that_publishes_frees_nobody():
    events = events_of(["The Foreign Ministry of Iran released a statement on the talks.",
                        "The report released by Amnesty International on Monday named Sudan.",
                        "Iraqi hijackers released 60 people from the plane.",
                        "Judicial Watch stated in a release on Tuesday that the search had "
                        "failed."],
                       "e-publish")
    freed = [e for e in events if e.type == "RETREAT"]
    assert len(freed) == 1 and freed[0].trigger == "released"
    assert ids(freed[0].actors) == ["norp:iraqi"]  # the hijackers' release


def test_people_set_free_are_news_unnamed_but_a_publication_is_not():
    events = events_of(["The passengers were released in batches after the plane landed.",
                        "Research to be released this week by four economists suggests a "
                        "decline."], "e-freed")
    freed = [e for e in events if e.type == "RETREAT"]
    assert len(freed) == 1 and names(freed[0].recipients) == {"passengers"}


def test_a_deal_among_companies_is_no_event_but_a_charge_against_one_is():
    events = events_of(["Nordbank AG said it had signed a letter of intent to buy Vesta Ltd.",
                        "Kestrel Research Ltd downgraded Orvik Co Ltd to a sell rating.",
                        "Prosecutors in Oslo charged Vesta Ltd with fraud on Monday."],
                       "e-business")
    assert [e.type for e in events] == ["ACCUSE"]


def test_a_death_by_disease_or_accident_is_no_assault():
    events = events_of(["An outbreak of cholera has killed 21 people in southern Nigeria.",
                        "At least 16 people were killed and several injured in Pakistan when "
                        "a bus fell into a ravine.",
                        "Three soldiers were killed in Algeria when a bomb exploded at a market."],
                       "e-mishap")
    hurt = {r.name for e in events if e.type == "ASSAULT" for r in e.recipients}
    assert "soldiers" in hurt and "people" not in hurt


def test_a_death_where_a_disaster_struck_is_no_assault_unless_someone_killed():
    events = events_of(["At least 30 people have been killed and about 100 injured in the "
                        "flood-hit Pakistani city of Lahore.",
                        "Rebels killed ten villagers in the flood-hit district."], "e-struck")
    assert [(names(e.actors), names(e.recipients)) for e in events if e.type == "ASSAULT"] == [
        ({"Rebels"}, {"villagers"})]
    # a crash in a clause of its own is not where the beating was
    events = events_of(["He was suspected of plotting murder, and accused by the news media of "
                        "beating his wife, who died in a car crash in Palm Springs."], "e-own")
    assert [e.trigger for e in events if e.type == "ASSAULT"] == ["beating"]


def test_no_comment_rejects_nobody_and_a_condition_met_meets_nobody():
    events = events_of(["A spokeswoman for the Foreign Ministry of Iran declined to comment.",
                        "The Bosnian Serbs said they had met all conditions for the elections.",
                        "The government of Iran declined to renew the agreement with Iraq.",
                        "Prime Minister Netanyahu met President Weizman on Tuesday."],
                       "e-senses")
    assert [e.trigger for e in events if e.type == "REJECT"] == ["declined"]
    assert ids(one(events, "REJECT", "declined").actors) == ["gpe:iran"]
    assert [e.trigger for e in events if e.type == "CONSULT"] == ["met"]
    assert names(one(events, "CONSULT", "met").actors) == {"Netanyahu"}


def test_a_day_controls_no_infinitive():
    events = events_of(["Yugoslavia and Croatia were poised on Friday to sign a treaty."],
                       "e-on-friday")
    signed = [e for e in events if e.trigger == "sign"]
    assert signed and ids(signed[0].actors)[:1] == ["gpe:yugoslavia"]


def test_a_body_s_own_session_consults_nobody():
    events = events_of(["Prime Minister Costas Simitis will speak after a cabinet meeting "
                        "on Thursday.",
                        "The cabinet of Greece held a meeting with the Turkish envoy."],
                       "e-session")
    meetings = [e for e in events if e.type == "CONSULT"]
    assert len(meetings) == 1 and ids(meetings[0].actors) == ["gpe:greece"]


def test_who_in_an_active_relative_clause_is_the_noun_it_describes():
    events = events_of(["Chancellor Tomas Lindqvist, who met Anna Kowalczyk in Vienna on "
                        "Monday, was arrested."], "e-who")
    met = one(events, "CONSULT", "met")
    assert names(met.actors) == {"Tomas Lindqvist"}
    assert names(met.recipients) == {"Anna Kowalczyk"}


def test_who_after_a_predicate_noun_is_the_subject_it_is_said_of():
    # "X is a liar and a bully who pledged": the bully is X
    events = events_of(["Governor Tomas Lindqvist incites hatred and is a serial liar, "
                        "racist, birther and bully who has repeatedly pledged to expel "
                        "Anna Kowalczyk.",
                        "Anna Kowalczyk is the envoy who met Tomas Lindqvist in Vienna."],
                       "e-who-is")
    assert names(one(events, "AGREE", "pledged").actors) == {"Tomas Lindqvist"}
    assert names(one(events, "CONSULT", "met").actors) == {"Anna Kowalczyk"}


def test_a_participle_is_a_deed_when_it_is_a_speech_act_after_no_event():
    events = events_of(["Israeli officials launched a public campaign, accusing Amnesty "
                        "International of bias.",
                        "General Lebed was in Moscow this week seeking support from Boris "
                        "Yeltsin.",
                        "Rebels attacked the town of Goma, killing five villagers."],
                       "e-participle")
    accusing = one(events, "ACCUSE", "accusing")
    assert names(accusing.actors) == {"Israeli"}
    assert names(accusing.recipients) == {"Amnesty International"}
    assert names(one(events, "REQUEST", "seeking").actors) == {"General Lebed"}
    # a participle after an event is its circumstance, not a second event
    assert [e.trigger for e in events if e.type == "ASSAULT"] == ["attacked"]


def test_a_participle_after_an_event_named_by_the_verb_s_object_is_its_circumstance():
    events = events_of(["Farmers from Lyon began a hunger strike outside Parliament, "
                        "demanding the return of their land from the government of France."],
                       "e-strike-demanding")
    assert [e.type for e in events] == ["PROTEST"]


def test_a_passive_sharing_another_verb_s_subject_undergoes_it():
    events = events_of(["Tom Hale attacked a police officer and was detained by Albanian "
                        "police.",
                        "Ivan Petrov was arrested and sentenced by a Tirana court.",
                        "Two Norland rebels who entered Albania last year are wanted in "
                        "Norland on treason charges."], "e-shared")
    assert names(one(events, "COERCE", "detained").recipients) == {"Tom Hale"}
    assert names(one(events, "COERCE", "sentenced").recipients) == {"Ivan Petrov"}
    # the rebels are wanted on the charges, they do not bring them
    assert not [e for e in events if e.trigger == "charges" and e.actors]


def test_idioms_of_criticism_and_their_sides():
    events = events_of(["Senator Ann Reed came under fire from Tom Hale over the tax bill.",
                        "Ivan Petrov was found guilty of fraud.",
                        "Maria Ekdahl went after Tomas Lindqvist at the debate.",
                        "Prime Minister Ivan Petrov stood by Tom Hale."], "e-idioms")
    fire = one(events, "ACCUSE", "fire")
    assert (names(fire.actors), names(fire.recipients)) == ({"Tom Hale"}, {"Ann Reed"})
    assert names(one(events, "ACCUSE", "found").recipients) == {"Ivan Petrov"}
    went = one(events, "ACCUSE", "went")
    assert (names(went.actors), names(went.recipients)) == ({"Maria Ekdahl"}, {"Tomas Lindqvist"})
    assert names(one(events, "SUPPORT", "stood").recipients) == {"Tom Hale"}


def test_holding_someone_hostage_is_an_abduction_not_a_detention():
    events = events_of(["Tom Hale was held hostage in Norland for four weeks.",
                        "Norland rebels have held two Albanian engineers hostage since May."],
                       "e-hostage")
    assert not [e for e in events if e.type == "COERCE"]
    held = [e for e in events if e.type == "ASSAULT" and e.trigger == "held"]
    assert {r.name for r in held[0].recipients} >= {"Tom Hale"}
    # the act's own noun is no side of it
    assert not [r for e in held for r in e.recipients if "hostage" in r.name]


def test_a_trigger_noun_modifying_another_is_one_happening_with_it():
    events = events_of(["Norland rebels carried out a bomb attack on the Albanian embassy.",
                        "Tom Hale and Ivan Petrov signed a ceasefire agreement."], "e-compound")
    assert [e.trigger for e in events if e.type == "ASSAULT"] == ["attack"]
    assert not [e for e in events if e.trigger == "ceasefire"]


def test_a_call_is_a_conversation_only_by_phone():
    events = events_of(["Tom Hale had a phone call with Ivan Petrov on Monday.",
                        "Senator Ann Reed's call came a day before the vote in Tirana."],
                       "e-call")
    phoned = one(events, "CONSULT", "call")
    assert (names(phoned.actors), names(phoned.recipients)) == ({"Tom Hale"}, {"Ivan Petrov"})
    assert phoned.mode == "phone"
    assert not [e for e in events if e.type == "CONSULT" and "Ann Reed" in names(e.actors)]


def test_a_crowds_protest_is_news_even_with_nobody_named():
    events = events_of(["Violent protests erupted on Monday. Protests followed the ruling.",
                        "We are about to witness a demonstration of good faith.",
                        "His supporters traded advice about protest tactics."], "e-crowd")
    assert [(e.type, e.trigger, e.actors, e.recipients) for e in events] == [
        ("PROTEST", "protests", [], [])]  # the second is the same event, unnamed and undated


def test_a_criticism_made_at_someone_is_aimed_at_them():
    events = events_of(["Senator Ann Reed took a swipe at Tom Hale on Monday.",
                        "Ivan Petrov leveled harsh criticism at Norland's government."],
                       "e-aimed-at")
    swipe = one(events, "ACCUSE", "swipe")
    assert names(swipe.actors) == {"Ann Reed"} and names(swipe.recipients) == {"Tom Hale"}
    assert names(one(events, "ACCUSE", "criticism").recipients) == {"Norland"}
    # a thing it is at is where it was made: her home's town is no side
    events = events_of(["Eva Novak received threats, including a bomb threat at her Oslo "
                        "home."], "e-aimed-at-home")
    assert not [r for e in events for r in e.recipients if "Oslo" in r.name]


def test_a_writing_does_what_its_author_does():
    events = events_of(["Amnesty International issued a statement urging Norland to free the "
                        "prisoners.",
                        "The Kremlin said in a letter criticizing NATO that it would respond.",
                        "In her statement condemning the test, Eva Novak defended her record."],
                       "e-writing")
    urged = one(events, "REQUEST", "urging")
    assert names(urged.actors) == {"Amnesty International"} and names(urged.recipients) == {
        "Norland"}
    assert names(one(events, "ACCUSE", "criticizing").actors) == {"Kremlin"}
    assert names(one(events, "ACCUSE", "condemning").actors) == {"Eva Novak"}
    # a date in front of the writing owns nothing: the one who replied wrote it
    events = events_of(["The Sudria government replied in a Thursday brief urging Norland to "
                        "leave."], "e-writing-dated")
    assert names(one(events, "REQUEST", "urging").actors) == {"Sudria"}


def test_an_attack_in_a_speech_is_criticism():
    events = events_of(["Senator Ann Reed's speech attacking Tom Hale was well received."],
                       "e-speech-attack")
    attack = one(events, "ACCUSE", "attacking")
    assert names(attack.actors) == {"Ann Reed"} and names(attack.recipients) == {"Tom Hale"}


def test_a_writing_that_acts_stands_for_its_writer():
    events = events_of(["A statement from the Norland ministry urged Sudria to act.",
                        "Amnesty International issued a report that accused Tom Hale of "
                        "torture."], "e-writing-acts")
    assert names(one(events, "REQUEST", "urged").actors) == {"Norland"}
    accused = one(events, "ACCUSE", "accused")
    assert names(accused.actors) == {"Amnesty International"} and names(
        accused.recipients) == {"Tom Hale"}


def test_taking_aim_or_shots_at_someone_is_criticism_unless_amid_force():
    events = events_of(["Senator Ann Reed took aim at Tom Hale on Monday.",
                        "Ivan Petrov has been taking shots at Eva Novak for weeks."],
                       "e-take-aim")
    aim = one(events, "ACCUSE", "aim")
    assert names(aim.actors) == {"Ann Reed"} and names(aim.recipients) == {"Tom Hale"}
    shots = one(events, "ACCUSE", "shots")
    assert names(shots.actors) == {"Ivan Petrov"} and names(shots.recipients) == {"Eva Novak"}
    events = events_of(["Norland soldiers took shots at the crowd in Oslo."], "e-shots-fired")
    assert one(events, "ASSAULT", "shots")


def test_what_one_wins_is_given_by_whom_its_phrase_names():
    events = events_of(["Senator Ann Reed won the endorsement of Tom Hale on Monday.",
                        "Ivan Petrov earned Eva Novak's support."], "e-won-support")
    endorsed = one(events, "SUPPORT", "endorsement")
    assert names(endorsed.actors) == {"Tom Hale"} and names(endorsed.recipients) == {"Ann Reed"}
    support = one(events, "SUPPORT", "support")
    assert names(support.actors) == {"Eva Novak"} and names(support.recipients) == {"Ivan Petrov"}
    # criticism "of" something drawn is aimed at it, not given by it
    events = events_of(["The plan of Tom Hale drew criticism of Norland."], "e-drew-of")
    assert not [a for e in events for a in e.actors if a.name == "Norland"]


def test_a_passive_name_given_to_a_thing_accuses_no_one():
    events = events_of(["Tom Hale told The Norland Post: A lot of people are assuming that "
                        "since it's called 'Sudria lawyers' that it's only Sudrians."],
                       "e-called-name")
    assert not [e for e in events if e.type == "ACCUSE"]
    events = events_of(["Eva Novak, who has been called a traitor, met Ivan Petrov."],
                       "e-called-person")
    assert one(events, "ACCUSE", "called")  # a person so called is labelled


def test_a_noun_s_own_clause_names_its_doer_before_the_verb_it_is_object_of():
    events = events_of(["The journalist Tom Hale detailed a conversation Eva Novak had with "
                        "Ivan Petrov in 2009."], "e-own-clause")
    talk = one(events, "CONSULT", "conversation")
    assert names(talk.actors) == {"Eva Novak"} and names(talk.recipients) == {"Ivan Petrov"}


def test_a_support_held_is_given_by_whom_its_phrase_names():
    events = events_of(["Senator Ann Reed has the backing of Tom Hale."], "e-has-backing")
    backing = one(events, "SUPPORT", "backing")
    assert names(backing.actors) == {"Tom Hale"} and names(backing.recipients) == {"Ann Reed"}
    # a share of support names no giver: the holder stays its side
    events = events_of(["Senator Ann Reed has strong support."], "e-has-support")
    assert "Ann Reed" in names(one(events, "SUPPORT", "support").actors)


def test_a_present_participle_describing_people_is_their_act():
    events = events_of(["Outside groups supporting Tom Hale spent heavily in Oslo.",
                        "Ivan Petrov, a Sudrian journalist visiting Norland, said so."], "e-bearer")
    backing = one(events, "SUPPORT", "supporting")
    assert names(backing.actors) == {"Outside groups"} and names(backing.recipients) == {"Tom Hale"}
    # a noun set off by commas describes the person named before it
    assert names(one(events, "CONSULT", "visiting").actors) == {"Ivan Petrov"}
    # the person it acts on is not the people it describes
    events = events_of(["Pastor Tom Hale plans to continue recruiting volunteer captains "
                        "supporting Mr. Novak for each of the caucus precincts."], "e-bearer-inside")
    captains = one(events, "SUPPORT", "supporting")
    assert names(captains.actors) == {"volunteer captains"}
    assert names(captains.recipients) == {"Novak"}
    # done to nobody, or to the noun itself, it is a description
    events = events_of(["Two men demanding $1.5 million met Eva Novak in Oslo.",
                        "A man calling himself Tom Hale wrote to Eva Novak."], "e-bearer-none")
    assert not [e for e in events if e.trigger in ("demanding", "calling")]


def test_whoever_comes_to_someones_support_gives_it_to_them():
    events = events_of(["Several senators came to Tom Hale's support on Monday.",
                        "Norland rushed to the aid of Sudria after the flood."], "e-rallied")
    support = one(events, "SUPPORT", "support")
    assert names(support.actors) == {"Several senators"} and names(support.recipients) == {"Tom Hale"}
    aid = one(events, "AID", "aid")
    assert names(aid.actors) == {"Norland"} and names(aid.recipients) == {"Sudria"}


def test_a_city_named_in_front_of_an_attack_or_a_deal_is_where_it_was():
    events = events_of(["The Oslo attacks killed 130 people.",
                        "Tom Hale spoke after the Oslo bombing, with Eva Novak beside him."],
                       "e-town-attack")
    assert not [a for e in events for a in e.actors if a.name == "Oslo"]
    # and before an agreement or a summit, where it was made
    events = events_of(["Many leaders want to make the Paris agreement binding.",
                        "The Copenhagen climate summit had ended in turmoil."], "e-town-deal")
    assert not [a for e in events for a in e.actors if a.name in ("Paris", "Copenhagen")]
    # a country may be who struck
    events = events_of(["US air strikes killed 30 rebels."], "e-country-attack")
    assert names(one(events, "ASSAULT", "killed").actors) == {"United States"}


def test_someone_s_person_set_off_by_name_is_that_person():
    events = events_of(["Tom Hale was pressed by Norland Radio's host, Eva Novak, about his "
                        "comments."], "e-host-named")
    assert names(one(events, "REQUEST", "pressed").actors) == {"Eva Novak"}
