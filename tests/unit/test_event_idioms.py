"""Trigger words in set phrases of another sense (pipeline.nlp.events.idioms)."""
from __future__ import annotations

from tests.unit.test_nlp_events import events_of


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger) for e in events_of([text], "idioms")]


def test_seizing_on_a_chance_or_a_position_seizes_nobody():
    assert kinds("Senator Ortiz seized on the revelations about Chile.") == []
    assert kinds("Senator Ortiz tried to seize the high ground on Chile.") == []
    assert kinds("Police in Malta seized the Chilean ship.") == [("COERCE", "seized")]


def test_paying_filming_and_odds_are_no_shooting():
    assert kinds("A supporter of Senator Ortiz could shell out $400,000 to the committee.") == []
    assert kinds("Senator Ortiz went to shoot video of the Chilean border.") == []
    assert kinds("Senator Ortiz, a long-shot candidate, criticised Chile.") == [
        ("ACCUSE", "criticised")]
    assert kinds("Gunmen shot Senator Ortiz in Santiago.") == [("ASSAULT", "shot")]
    assert kinds("Senator Ortiz spoke about the shooting death of Maria Lopez in Chile.") == [
        ("ASSAULT", "shooting")]


def test_killing_a_measure_kills_nobody():
    assert kinds("Senator Ortiz aimed at killing the Chilean trade bill.") == []
    assert kinds("Rebels killed Senator Ortiz in Chile.") == [("ASSAULT", "killed")]


def test_demonstrating_something_is_showing_it():
    assert kinds("Senator Ortiz tried to demonstrate that he was tough on Chile.") == []
    assert kinds("Senator Ortiz must demonstrate his staying power against Chile.") == []
    assert kinds("Students demonstrated outside the Chilean embassy in Lima.") == [
        ("PROTEST", "demonstrated")]


def test_a_tension_a_rush_and_a_post_are_no_charge():
    assert kinds("The Chilean dispute remains politically charged for Senator Ortiz.") == []
    assert kinds("Senator Ortiz charged into the fray against Maria Lopez.") == []
    assert kinds("Prosecutors charged Senator Ortiz with fraud.") == [("ACCUSE", "charged")]


def test_pledged_delegates_are_a_kind_of_delegate():
    assert kinds("Senator Ortiz will arrive at the convention with enough pledged delegates "
                 "to file reports against Maria Lopez.") == [("CONSULT", "arrive")]
    assert kinds("Senator Ortiz pledged to support Maria Lopez.") == [("AGREE", "pledged")]


def test_a_sources_terms_running_for_office_and_an_inference_request_nothing():
    assert kinds("A Chilean official, who requested anonymity, said Senator Ortiz lied.") == []
    assert kinds("Senator Ortiz did not respond to repeated requests for comment from "
                 "Maria Lopez.") == []
    assert kinds("Senator Ortiz, who is seeking reelection, spoke in Chile.") == []
    assert kinds("Senator Ortiz must be doing something right in Chile, Maria Lopez said.") == []
    assert kinds("Chile requested the extradition of Senator Ortiz from Peru.") == [
        ("REQUEST", "requested")]


def test_a_contrast_and_an_admission_reject_nothing():
    assert kinds("Senator Ortiz wants to talk about trade, as opposed to defending "
                 "his ties to Chile.") == []
    assert kinds("There's no denying Senator Ortiz has had quite a run in Chile.") == []


def test_a_person_going_back_or_a_dialogue_withdraws_nothing():
    assert kinds("Yeltsin returned to the Kremlin on Thursday after a two-day break.") == []
    assert kinds("Senator Ortiz returned to his familiar lines about Chile.") == []
    assert kinds("The Peronists led by Hector Campora returned to power in 1973.") == []
    assert kinds("Senator Ortiz spoke in a testy exchange with reporters from Chile.") == []
    assert kinds("Chile and Peru carried out an exchange of prisoners on Friday.") == [
        ("RETREAT", "exchange")]


def test_cutting_what_is_no_tie_aid_or_supply_sanctions_nobody():
    assert kinds("Maricopa County cut the number of polling places in Chile.") == []
    assert kinds("Senator Ortiz is trying to cut into the lead of Maria Lopez.") == []
    assert kinds("Chile cut ties with Peru.") == [("SANCTION", "cut")]


def test_an_interview_or_a_speech_consults_nobody():
    assert kinds("Senator Ortiz spoke to CNN about Chile on Monday.") == []
    assert kinds("Senator Ortiz, speaking to reporters in Chile, praised Maria Lopez.") == [
        ("SUPPORT", "praised")]
    assert kinds("Senator Ortiz speaks to different sets of aggrieved voters in Chile.") == []
    assert kinds("Senator Ortiz spoke with Maria Lopez by telephone on Monday.") == [
        ("CONSULT", "spoke")]


def test_a_conclusion_about_no_one_or_a_quotes_end_accuses_nobody():
    assert kinds("Senator Ortiz concluded that idealism is nice in Chile.") == []
    assert kinds('"He owes Chile nothing," Senator Ortiz concluded.') == []
    assert kinds("Observers concluded the army presence in Chile exerted heavy pressure "
                 "on farmers.") == [("ACCUSE", "concluded")]


def test_a_price_charged_accuses_nobody():
    assert kinds("Senator Ortiz charges $20,000 for speeches in Chile.") == []


def test_credit_attention_ease_and_a_leak_are_no_aid():
    assert kinds("Deacon had just paid off her student loans from Chile.") == []
    assert kinds("Jimmy Carter lent his ear to deregulation advocates in Chile.") == []
    assert kinds("Levine found comic relief in the Chilean vote.") == []
    assert kinds("In an email provided to The Post, the officer said the team could not "
                 "respond.") == []
    assert kinds("Chile lent Peru $5 million.") == [("AID", "lent")]


def test_no_visit_and_no_meeting():
    assert kinds("Right now, the Chilean nominee looks dead on arrival in Peru.") == []
    assert kinds("Her comments speak to the reality that Senator Ortiz has no upside.") == []
    assert kinds("Senator Ortiz, who still speaks with difficulty, criticised Peru.") == [
        ("ACCUSE", "criticised")]
    assert kinds("Senator Ortiz spoke at a town hall hosted by Fox News Channel.") == []
    assert kinds("Senator Ortiz opened a consulting firm in Chile.") == []
    assert kinds("Chile hosted the Peruvian president.") == [("CONSULT", "hosted")]
    assert kinds("Ash Carter spoke with his South Korean counterpart Han Min-koo.") == [
        ("CONSULT", "spoke")]


def test_a_show_dropped_or_facts_ignored_reject_no_one():
    assert kinds("CBS said it was canceling the low-rated Rush Hour show in Chile.") == []
    assert kinds("Lopez's show was cancelled after a two-year run in Chile.") == []
    assert kinds("The Chilean race has defied the expectations of observers.") == []
    assert kinds("Chilean Republicans ignore facts about Peru.") == []
    assert kinds("Chile defied the Peruvian ultimatum.") == [("REJECT", "defied")]


def test_begging_the_question_requests_nothing():
    assert kinds("Many of those mistakes begged the question of whether Senator Ortiz "
                 "was being managed.") == []


def test_being_known_or_realising_is_no_recognition_given():
    assert kinds("Senator Ortiz had very little name recognition in Chile.") == []
    assert kinds("There is a widespread recognition that the Chilean party needs to "
                 "rebuild after Ortiz's tenure.") == []
    assert kinds("Chile announced its recognition of Peru on Monday.") == [
        ("SUPPORT", "recognition")]


def test_a_name_alone_after_call_is_a_call_to_them_not_a_label():
    # the parser takes the person called for a name given; nobody is labelled
    assert kinds("A year later, Senator Ortiz called Maria Lopez.") == []
    assert kinds("An anti-Chile super PAC called Our Principles is ramping up.") == []
    assert kinds("Senator Ortiz called Maria Lopez a liar.") == [("ACCUSE", "called")]
    assert kinds("Senator Ortiz has previously called out Lopez, slamming her plan.") == [
        ("ACCUSE", "called")]


def test_compromising_a_thing_is_no_concession():
    assert kinds("In all, hackers compromised 12 Chilean workstations.") == []
    assert kinds("Senator Ortiz compromised with Maria Lopez on the budget.") == [
        ("CONCEDE", "compromised")]


def test_talk_about_something_with_nobody_is_no_consultation():
    assert kinds("Senator Ortiz talked glowingly about Chile.") == []
    assert kinds("Maria Lopez was shaken by Senator Ortiz's harsh talk about Chile.") == []
    assert kinds("President Obama had a talk this week with Francois Hollande.") == [
        ("CONSULT", "talk")]
    assert kinds("Senator Ortiz talked with Maria Lopez about Chile.") == [("CONSULT", "talked")]
    assert kinds('Senator Ortiz said: "We have talked about the Chilean border."') == [
        ("CONSULT", "talked")]
