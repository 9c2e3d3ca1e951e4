"""Senses of trigger words in political news (pipeline.nlp.events.senses,
the AGREE and CONCEDE lexicons): remembering, enabling, backing out, a
win, an effort, a campaign rally, a poll share, a name given in passing,
talk about a topic, help by a thing, a shared view and defending one's own
record are no events; a vow is a promise; a fight or a battle with people
or an attack in words is criticism; mobilising staff moves no force."""
from __future__ import annotations

from pipeline.nlp.events.senses import polls_names_and_topics
from pipeline.nlp.events.triggers import Trigger
from pipeline.nlp.parsing import get_nlp
from tests.unit.test_nlp_events import events_of


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger) for e in events_of([text], "senses-news")]


def test_recalling_someone_sent_abroad_is_a_recall_remembering_is_not():
    assert kinds("Ukraine recalled its ambassador from Minsk.") == [("SANCTION", "recalled")]
    assert kinds("Hungary recalled its envoy on Monday.") == [("SANCTION", "recalled")]
    assert kinds("Senator Ortiz recalled the colleague being confused.") == []
    assert kinds("Senator Ortiz recalled that the talks with Chile had failed early.") == []
    assert kinds('"It was chaos," Senator Ortiz recalled of the Chilean visit.') == [
        ("CONSULT", "visit")]


def test_a_thing_that_makes_something_possible_concedes_nothing():
    assert kinds("Poland allowed Ukrainian trucks to cross the border.") == [("CONCEDE", "allowed")]
    assert kinds("A Polish law that allows Ukrainian voters to register online was passed.") == []
    assert kinds("The tax breaks allowed Senator Ortiz to rebound.") == []
    assert kinds("The Polish program should be allowed to expire, Senator Ortiz wrote.") == []


def test_backing_out_is_no_support_and_backing_off_yields():
    assert kinds("Mexico backed out of the deal with Canada.") == []
    assert kinds("Senator Ortiz backed off his proposals on Chile.") == [("CONCEDE", "backed")]
    assert kinds("Senator Ortiz backed the Chilean proposal.") == [("SUPPORT", "backed")]


def test_a_vow_is_a_promise():
    assert kinds("President Ruto vowed to help Somalia.") == [("AGREE", "vowed")]


def test_reassuring_someone_promises_them_an_assured_outcome_does_not():
    events = events_of(["U.S. envoy John Kornblum reassured President Alija Izetbegovic "
                        "on Monday."], "senses-reassure")
    assert [(e.type, e.trigger) for e in events] == [("AGREE", "reassured")]
    assert {r.name for r in events[0].recipients} == {"Alija Izetbegovic"}
    assert kinds("The win all but assured Clinton the nomination.") == []


def test_a_win_is_no_beating():
    assert kinds("Clinton beat Sanders in the Nevada caucuses.") == []
    assert kinds("Israeli soldiers beat up Palestinian detainees.") == [("ASSAULT", "beat")]
    assert kinds("Police beat the protesters in Minsk.") == [("ASSAULT", "beat")]


def test_a_campaign_rally_protests_nothing():
    assert kinds("Trump told a rally in Novi that Obama had failed.") == []
    assert kinds("Speaking at a rally in Houston, Clinton praised Obama.") == [
        ("SUPPORT", "praised")]
    assert kinds("Thousands of Serbs held a rally against Milosevic in Belgrade.") == [
        ("PROTEST", "rally")]
    assert kinds("Trump praised Ohio during his campaign rallies.") == [("SUPPORT", "praised")]
    assert kinds("Sanders can use the resistance to rally the public behind Democrats.") == []
    assert kinds("Thousands of Serbs rallied in Belgrade on Sunday.") == [("PROTEST", "rallied")]
    # a rally that is only where something happened still protests
    assert ("PROTEST", "rally") in kinds("Police arrested 20 people at a rally in Minsk.")


def test_a_fight_with_people_in_words_is_criticism_an_effort_no_event():
    assert kinds("It was Trump picking a fight with Cruz.") == [("ACCUSE", "fight")]
    assert kinds("Senator Scott has fought to push through reforms for Hampton.") == []
    assert kinds("Rebels fought government troops near Grozny.") == [("ASSAULT", "fought")]
    assert kinds("Wilson said he had fought in Vietnam.") == [("ASSAULT", "fought")]


def test_a_share_of_those_polled_is_no_act_of_support():
    assert kinds("Trump has just 5 percent support of the black vote in Florida.") == []
    assert kinds("Clinton has maintained support among black voters, Fox found.") == []
    assert kinds("A poll shows 26% of Americans support Biden's handling of the border.") == []
    assert kinds("Russia supports the government of Syria.") == [("SUPPORT", "supports")]


def test_a_name_given_in_passing_accuses_nobody():
    doc = get_nlp()("Clinton holds a lead with party leaders and officials, called "
                    "superdelegates, and is on track to clinch the nomination.")
    called = next(t.i for t in doc if t.text == "called")
    accusation = {called: Trigger("ACCUSE", "disapprove", (), ("LABEL",))}
    assert polls_names_and_topics(doc, accusation) == {called}
    assert kinds("Jeb Bush called Trump “unhinged.”") == [("ACCUSE", "called")]


def test_one_speaker_talking_about_a_topic_consults_nobody():
    assert kinds("Julia Hahn will come on the show to talk about immigration.") == []
    assert kinds("Senator Ortiz talked up her strategy in Iowa.") == []
    assert kinds("Lynch talked with police leaders in Ohio.") == [("CONSULT", "talked")]
    assert kinds("One of Trump's main talking points is that he would stop the outflow "
                 "of jobs to Mexico.") == []
    assert kinds('"We have talked about the restriction," Davies said of Libya.') == [
        ("CONSULT", "talked")]


def test_a_thing_helps_nobody():
    assert kinds("A vote for Kasich actually helps Trump by dividing the opposition.") == []
    assert kinds("The law and order issue, which helped propel the Republicans to the "
                 "White House in 1968, is back.") == []
    assert kinds("Germany helped Greece with loans.") == [("AID", "helped")]


def test_sharing_a_view_agrees_to_nothing():
    assert kinds("The judge agreed with Ivana Trump that there was no reason to intrude.") == []
    assert kinds("Sixty-two percent of Republicans agreed.") == []
    assert kinds("Pakistan and Iran have agreed to expand relations.") == [("AGREE", "agreed")]
    assert kinds("Faction leaders agreed a new peace deal in Abuja.") == [("AGREE", "agreed")]


def test_an_attack_in_words_or_as_a_name_is_criticism():
    assert kinds("Rival Donald Trump attacked Machado in early-morning tweets.") == [
        ("ACCUSE", "attacked")]
    assert kinds("Senator Ortiz attacked her opponent as a fraud during the debate.") == [
        ("ACCUSE", "attacked")]
    assert kinds("Trump is facing attack ads ahead of the primary in Indiana.") == [
        ("ACCUSE", "attack")]
    assert kinds("Rebels attacked the army base during the night.") == [("ASSAULT", "attacked")]


def test_defending_one_s_own_record_supports_nobody():
    assert kinds("Donald Trump is defending his early-morning tweets about Alicia Machado.") == []
    assert kinds("Pastor Darrell Scott defended Trump's line on immigration.") == [
        ("SUPPORT", "defended")]


def test_a_persons_fight_for_a_cause_in_a_relative_clause_is_an_effort():
    assert kinds("Jane Kim is a civil rights attorney who has fought for affordable housing.") == []
    assert kinds("Senator Kim, who has fought for affordable housing, spoke.") == []


def test_support_gained_lost_or_held_by_voters_is_an_amount_not_an_act():
    assert kinds("Senator Ortiz hopes to draw support from Democrats and independents.") == []
    assert kinds("Polls showed Senator Ortiz's support lagging behind Governor Reyes.") == []
    assert kinds("Support for Senator Ortiz has been strongest among white voters.") == []
    assert kinds("Ortiz leads a party with a rural support base.") == []
    assert kinds("African-American voters overwhelmingly support Governor Reyes.") == []
    assert kinds("More than half of the union's workers support Governor Reyes.") == []
    # support given by someone named is still an act of support
    assert kinds("Governor Reyes won the support of the Chilean union.") == [
        ("SUPPORT", "support")]
    assert kinds("Senator Ortiz supports Governor Reyes.") == [("SUPPORT", "supports")]
    assert kinds("The Chilean union threw its support to Governor Reyes.") == [
        ("SUPPORT", "support")]


def test_a_candidates_appeal_to_voters_asks_nobody_for_anything():
    assert kinds("Governor Reyes's appeal would transcend race, Senator Ortiz said.") == []
    assert kinds("Republicans worry about the party's declining appeal to women.") == []
    assert kinds("Senator Ortiz used phrases that appealed to working-class white voters.") == []
    assert kinds("Polls documented Governor Reyes's appeal among working-class voters.") == []
    # an appeal for something, to a body, or ruled on still asks
    assert kinds("Arafat made an appeal to the United Nations for aid.") == [
        ("REQUEST", "appeal")]
    assert kinds("Chile appealed to the United Nations to send observers.") == [
        ("REQUEST", "appealed")]


def test_a_danger_threatens_nobody():
    assert kinds("Obama said Al Qaeda still posed a direct threat to Americans.") == []
    assert kinds("The threat from the Islamic State has grown since January.") == []
    assert kinds("The Chilean deal was seen in Paris as a security threat to Europe.") == []
    assert kinds("Anyone who divides the country is a threat to Chile, Senator Ortiz said.") == []
    # a threat someone made or received is one
    assert kinds("The Chilean embassy in Lima received a bomb threat on Monday.") == [
        ("THREATEN", "threat")]
    assert kinds("North Korea threatened to strike Seoul.") == [("THREATEN", "threatened")]


def test_allowing_that_grants_a_point_not_a_concession():
    assert kinds("Senator Ortiz allowed that some Chilean migrants might be good people.") == []
    assert kinds("Poland allowed Ukrainian trucks to cross the border.") == [("CONCEDE", "allowed")]


def test_helping_to_do_something_is_no_aid():
    assert kinds("Senator Ortiz helped broker a deal between Chile and Peru.") == []
    assert kinds("Volunteers from Chile went to Syria to help fight the Islamic State.") == []
    assert kinds("Governor Reyes wants to help elect other Democrats.") == []
    assert kinds("Japan helped Sudan with food aid.") == [("AID", "helped")]


def test_sharing_words_or_credit_is_no_cooperation():
    assert kinds("Senator Ortiz shared anecdotes about Governor Reyes.") == []
    assert kinds("Critics in the Chilean media share the blame.") == []
    assert kinds("Matthew Pinsent shared victory with Steve Redgrave in Atlanta.") == []
    assert kinds("Chile shared intelligence with Peru.") == [("COOPERATE", "shared")]


def test_firing_back_is_a_retort_and_firing_a_person_a_dismissal():
    assert kinds("Donald Trump fired back at Marco Rubio on Monday.") == [("ACCUSE", "fired")]
    retort = events_of(["Donald Trump fired back at Marco Rubio on Monday."], "senses-at")[0]
    assert [r.name for r in retort.recipients] == ["Marco Rubio"]  # "at" names the target
    assert kinds("Corey Lewandowski was fired from the Trump campaign on Monday.") == [
        ("COERCE", "fired")]
    assert kinds("Rebels fired on the convoy near Goma.") == [("ASSAULT", "fired")]
    assert kinds("The rebels fired back at Russian troops.") == [("ASSAULT", "fired")]


def test_a_need_a_fall_a_word_offered_and_signing_up_are_no_events():
    assert kinds("A new rule of the Chilean Labor Ministry will require workers to be paid "
                 "overtime.") == []
    assert kinds("Another method would require Chilean delegates to challenge the rules.") == []
    assert kinds("Voters' views of Governor Reyes have declined by nine points.") == []
    assert kinds("Governor Reyes declined to respond to questions about Peru.") == []
    assert kinds("The Chilean candidates offered ideas for boosting trade with Peru.") == []
    assert kinds("Peter Thiel signed up as a delegate for Governor Reyes.") == []
    # a demand, a refusal and an offer made to someone stay
    assert kinds("Iran declined an invitation from Saudi Arabia.") == [("REJECT", "declined")]
    assert kinds("Russia offered Ukraine a ceasefire.") == [("AGREE", "offered")]


def test_a_chance_or_words_provided_the_odds_and_a_line_of_attack():
    assert kinds("Governor Reyes tried to provide an answer to Senator Ortiz.") == []
    assert kinds("The Chilean emails could provide more fodder for Senator Ortiz.") == []
    assert kinds("Japan provided Sudan with food aid.") == [("AID", "provided")]
    assert kinds("Chilean Republicans are strongly favored to keep the Senate.") == []
    assert kinds("Senator Ortiz issued a new line of attack against Governor Reyes.") == [
        ("ACCUSE", "attack")]


def test_returning_migrants_is_a_deportation_and_continuing_is_no_intention():
    assert kinds("Greece returned 200 migrants to Turkey on Monday.") == [("COERCE", "returned")]
    assert kinds("The United States will continue to return Cuban migrants.") == [
        ("COERCE", "return")]
    assert kinds("Israeli troops returned to their bases near Gaza.") == [
        ("RETREAT", "returned")]
    # a reported "would continue" is an act going on, not a threat of one
    assert kinds("Union leader Jan Holm said the strike by dockers would continue.") == [
        ("PROTEST", "strike")]


def test_an_envoy_asked_to_leave_is_expelled():
    assert kinds("Hungary asked a Slovak diplomat to leave on Monday.") == [
        ("SANCTION", "asked")]
    assert kinds("Jan Novak, the Czech embassy's press attache, was asked to leave.") == [
        ("SANCTION", "asked")]
    assert kinds("Hungary asked Slovakia to leave the talks.") == [("REQUEST", "asked")]


def test_swipes_hitting_out_and_railing_are_criticism():
    assert kinds("Donald Trump took a swipe at Marco Rubio on Monday.") == [("ACCUSE", "swipe")]
    assert kinds("Donald Trump hit out at Marco Rubio on Monday.") == [("ACCUSE", "hit")]
    assert kinds("Donald Trump railed against Marco Rubio on Monday.") == [("ACCUSE", "railed")]


def test_an_attack_on_someone_the_article_names_as_a_person_is_in_words():
    # The parser takes "Curiel" for an organisation; the article's entities
    # know him from "Gonzalo Curiel, a federal judge".
    assert kinds("Gonzalo Curiel, a federal judge, heard the case. "
                 "Trump's attacks on Curiel stand out for their personal nature.") == [
        ("ACCUSE", "attacks")]


def test_battles_among_people_are_efforts_or_words():
    assert kinds("Senator Ortiz and Maria Lopez battled to replace the governor.") == []
    assert kinds("Senator Ortiz has battled with Maria Lopez over the budget.") == [
        ("ACCUSE", "battled")]
    assert kinds("Rebels battled government troops in Chile.") == [("ASSAULT", "battled")]


def test_a_win_beside_another_win_is_no_assault():
    assert kinds("Maria Lopez beat Senator Ortiz by 18 points, and Ana Ruiz beat "
                 "Jorge Diaz by 22 points.") == []


def test_firing_an_armed_officer_is_a_dismissal_and_shooting_back_a_retort():
    assert kinds("Mayor Ortiz fired McCarthy, the Chicago police chief, on Tuesday.") == [
        ("COERCE", "fired")]
    assert kinds("Senator Ortiz shot back at Maria Lopez in a statement.") == [
        ("ACCUSE", "shot")]


def test_mobilising_staff_tactics_or_attacks_moves_no_force():
    assert kinds("Senator Ortiz deployed paid staff to Chile.") == []
    assert kinds("Senator Ortiz stepped up his attacks on Maria Lopez.") == [
        ("ACCUSE", "attacks")]
    assert kinds("Chile deployed troops to the border with Peru.") == [("MOBILIZE", "deployed")]


def test_one_person_agreeing_shares_a_view():
    assert kinds("Professor Maria Lopez of Chile agreed.") == []
    assert kinds("Maria Lopez agreed that the Chilean treasury has limited power to stop "
                 "tax dodging.") == []
    assert kinds("Chile and Peru agreed on Friday to tighten cooperation.") == [
        ("AGREE", "agreed")]


def test_releasing_a_quantity_of_documents_publishes():
    assert kinds("Democrats in Chile plan to release a slew of interview transcripts.") == []


def test_an_appeal_held_or_of_a_person_is_charm():
    assert kinds("Senator Ortiz may hold particular appeal for voters in Chile.") == []
    assert kinds("Voters in Chile do not understand the appeal of someone like Senator "
                 "Ortiz.") == []


def test_backing_by_a_share_of_voters_is_an_opinion():
    assert kinds("Senator Ortiz received the backing of 33% of Chilean primary voters.") == []
    assert kinds("Senator Ortiz is backed by 34% of Chilean voters.") == []
    assert kinds("Chile backed Senator Ortiz on Friday.") == [("SUPPORT", "backed")]


def test_releasing_what_one_wrote_publishes():
    assert kinds("The plan would cost $1 trillion, according to the document Senator "
                 "Ortiz released.") == []
    assert kinds("Senator Ortiz released another brochure in Chile.") == []


def test_a_things_leaning_knowing_and_keeping_ones_word_support_nobody():
    assert kinds("Demographics favor Senator Ortiz in Chile.") == []
    assert kinds("Senator Ortiz favors a Chilean proposal regulating ammunition.") == [
        ("SUPPORT", "favors")]
    assert kinds("Senator Ortiz did not recognize the passenger from Chile.") == []
    assert kinds("Chilean leaders recognize that Peru can be their ally.") == []
    assert kinds("Chile recognized the new government of Peru.") == [("SUPPORT", "recognized")]
    assert kinds("Senator Ortiz shook up his campaign organization in Chile.") == []
    assert kinds("Senator Ortiz said he stands by the depiction of Chile.") == []


def test_what_a_result_would_require_is_a_need():
    assert kinds("That would require a net gain of four seats for Senator Ortiz.") == []



def test_a_polls_figures_and_a_memory_are_no_events():
    assert kinds("Officers in Chile favored Senator Ortiz, 46 percent to 32 percent.") == []
    assert kinds("Male troops in Chile backed Senator Ortiz, 57 percent to 22 percent.") == []
    assert kinds("Senator Ortiz recalled the widow of Maria Lopez as a great woman.") == []


def test_what_a_thing_or_a_time_gives_is_no_aid():
    assert kinds("October provided a resurgence for Senator Ortiz, Maria Lopez said.") == []
    assert kinds("The polls of Chile have provided little clarity about Senator Ortiz.") == []
    assert kinds("The outcome provides a fresh burst of momentum for Senator Ortiz.") == []
    assert kinds("Chile provided Peru with weapons.") == [("AID", "provided")]


def test_a_thing_that_encourages_or_an_appeal_to_a_demographic_requests_nothing():
    assert kinds("Mr. Ortiz's tone often seems to encourage aggression in Chile.") == []
    assert kinds("It could also encourage Mr. Ortiz to stay in the race in Chile.") == []
    assert kinds("Senator Ortiz appeals to a demographic that has zero knowledge of "
                 "Chile.") == []
    assert kinds("Chile encouraged Peru to join the talks.") == [("REQUEST", "encouraged")]


def test_papers_signed_and_the_support_of_voters_back_no_one():
    assert kinds("Allouche Gallery signed a lease for a retail space in Chile.") == []
    assert kinds("Senator Ortiz signed Walker to a rich contract in Chile.") == []
    assert kinds("Senator Ortiz has the support of women and older voters in Chile.") == []
    assert kinds("Senator Ortiz did not sign a nondisclosure agreement with Maria Lopez.") == [
        ("SUPPORT", "sign")]
