"""Quality gate: PLOVER events on the plover_gsr sentences, tune and holdout.

How the data is read, how old type names map, how the sentences are cut
into a tune and a holdout part and what each figure means is in
:mod:`tests.eval.plover`. Each floor is the score measured when it was set
minus one point, so a change that makes extraction worse fails CI; the
holdout's floors guard what no rule was tuned on.

Report: ``.venv/bin/python -m tests.eval.plover [--part tune|holdout] [-v]``
"""
from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.eval import fundus_events, news_events
from tests.eval.plover import DATA, Scores, evaluate, load_part, report
from tests.eval.splits import PARTS

pytestmark = pytest.mark.eval

#: Measured per part (en_core_web_sm 3.8.0). Before the cut was used for
#: tuning (events/2, written on all 161): tune 96 sentences, type accuracy
#: 0.823, precision 0.718, actor F1 0.809, recipient F1 0.589, triple recall
#: 0.500; holdout 65 sentences: 0.846, 0.797, 0.769, 0.621, 0.483.
#: Now (events/3, tuned on the tune part only): tune 0.844, 0.794, 0.844,
#: 0.698, 0.631; holdout 0.831, 0.771, 0.782, 0.665, 0.534; events/5:
#: holdout 0.846, 0.775, 0.782, 0.677, 0.534 (tune unchanged). events/6
#: codes a joint act from the first side named to the others ("A and B met":
#: A -> B, as conll_events is coded and as a dyad needs it); plover_gsr's
#: coders put both sides in the source of such a sentence, so its holdout
#: actor and recipient F1 fell 0.782 -> 0.769 and 0.677 -> 0.659 (type and
#: triple unchanged, tune unchanged): those two floors moved with it.
#: Scoring change: a participant now matches the gold words by any form the
#: article writes its entity in, not by its canonical name alone (the gold
#: "Britain" is the record's "United Kingdom", "U.S." its "United
#: States"): tune actor F1 0.849 -> 0.872, recipient F1 0.694 -> 0.763,
#: triple 0.631 -> 0.690; holdout 0.769 -> 0.816, 0.659 -> 0.694, 0.534 ->
#: 0.621; types unchanged. The floors moved with it. A release that
#: publishes ("released a statement") frees nobody: tune precision 0.794 ->
#: 0.802, the rest unchanged. events/25 (nouns for people as a last
#: resort for a side): tune actor F1 0.865 -> 0.872, triple recall 0.690 ->
#: 0.702; holdout unchanged. events/72 (a writing does what its author
#: does, "said in a letter accusing X"): holdout actor F1 0.816 -> 0.826,
#: triple recall 0.621 -> 0.638; tune unchanged.
FLOOR = {
    "tune": {
        "type_accuracy": 0.834,
        "type_precision": 0.792,
        "actor_f1": 0.862,
        "recipient_f1": 0.753,
        "triple_recall": 0.692,
    },
    "holdout": {
        "type_accuracy": 0.836,
        "type_precision": 0.765,
        "actor_f1": 0.816,
        "recipient_f1": 0.684,
        "triple_recall": 0.628,
    },
}


@pytest.fixture(scope="module")
def scores() -> dict[str, Scores]:
    if not DATA.exists():
        pytest.skip(f"plover_gsr not found at {DATA}")
    result = {part: evaluate(load_part(part)) for part in PARTS}
    for part, part_scores in result.items():
        print("\n" + report(part_scores, part))
    return result


@pytest.mark.parametrize("part,figure",
                         [(p, f) for p in PARTS for f in sorted(FLOOR[p])])
def test_event_scores_hold(scores: dict[str, Scores], part: str, figure: str):
    assert scores[part].figures()[figure] >= FLOOR[part][figure], report(scores[part], part)


@pytest.mark.parametrize("part", PARTS)
def test_beats_bare_verb_lexicon(scores: dict[str, Scores], part: str):
    figures = scores[part].figures()
    assert figures["type_accuracy"] > figures["baseline_type_accuracy"]
    assert figures["type_precision"] > figures["baseline_type_precision"]


#: conll_events (tests/eval/news_events.py): sentences of 1996 Reuters news
#: coded here, which no event rule was written from (tune 136 events and
#: 142 NONE sentences, holdout 93 and 72), measured minus 0.01. events/3:
#: tune / holdout type accuracy 0.426 / 0.527, precision 0.563 / 0.700,
#: actor F1 0.434 / 0.545, recipient F1 0.360 / 0.438, triple recall 0.194 /
#: 0.203. events/4 adds the triggers the learned model finds where the
#: lexicon has none: 0.456 / 0.538, 0.574 / 0.704, 0.435 / 0.557, 0.360 /
#: 0.438, 0.194 / 0.203 (plover_gsr unchanged). events/5 gives a trigger the
#: parse left partyless its named neighbours where the model is confident
#: (pipeline/nlp/events/nearby.py): 0.478 / 0.591, 0.575 / 0.696, 0.433 /
#: 0.565, 0.363 / 0.448, 0.194 / 0.203; plover_gsr holdout type accuracy
#: 0.831 -> 0.846, precision 0.771 -> 0.775, recipient F1 0.665 -> 0.677,
#: its tune part unchanged. A journey's purpose infinitive counts ("left X
#: to hold talks"): tune 0.485, 0.579, 0.442, 0.372, 0.204; holdout and
#: plover_gsr unchanged. A protest voiced is a complaint, one ended a
#: concession (combinations.tsv): tune 0.493, 0.588, 0.451, 0.372, 0.204;
#: holdout and plover_gsr unchanged. An invitation is an intent to meet
#: (AGREE, CAMEO 036; was REQUEST): tune 0.500, 0.596, 0.460, 0.378, 0.214;
#: holdout and plover_gsr unchanged. events/6 reads more parties off the
#: parse (a joint act's first side to the rest, a name the parse hung below
#: a coordinated name, hyphen-joined sides "Israel-PLO talks", "discuss X
#: with Y", "the first leader to meet Y", "after being questioned by X"):
#: tune 0.500, 0.596, 0.503, 0.429, 0.282; holdout 0.591, 0.696, 0.570,
#: 0.459, 0.217. An agentless passive act of authority done "in" or
#: "before" a body was done by it ("sentenced in the District Court"): tune
#: 0.500, 0.596, 0.511, 0.429, 0.291; holdout and plover_gsr unchanged.
#: A body or a named party in front of a thing owns it ("denied a Kabul
#: government statement"), and where a mobilisation sends forces is its
#: side ("sent troops into northern Iraq"): tune 0.500, 0.596, 0.511,
#: 0.446, 0.311; holdout 0.591, 0.696, 0.570, 0.471, 0.232; plover_gsr
#: unchanged. Who holds or attends a meeting "of" a body meets that body:
#: tune triple 0.320, recipient F1 0.454; holdout and plover_gsr
#: unchanged. What a charge, an accusation or a suspicion is "of" is no
#: event ("sentenced on charges of having secret contacts with Libya"):
#: tune precision 0.596 -> 0.602; holdout and plover_gsr unchanged. A
#: "that" clause the parse hangs on a visit or an attack is no content of
#: it: tune type accuracy 0.500 -> 0.507, precision 0.600, actor F1 0.517;
#: holdout and plover_gsr unchanged.
#: A joint act splits into first side -> the others also when a recipient
#: found in its content was one of its sides: tune actor F1 0.520,
#: recipient F1 0.462, triple 0.330; holdout and plover_gsr unchanged.
#: Scored by any form the article writes a participant in (see FLOOR):
#: tune recipient F1 0.492, triple 0.359; holdout recipient F1 0.471 ->
#: 0.485, the rest unchanged. Disapproval voiced as a feeling is an
#: ACCUSE ("expressed concern that", CAMEO 111), decided on tune: tune type
#: accuracy 0.507 -> 0.515, precision 0.600 -> 0.603, actor F1 0.520 ->
#: 0.528; holdout accuracy 0.591 -> 0.602 and actor F1 0.570 -> 0.582, but
#: precision 0.696 -> 0.691 (one more wrong type pair), so that floor is
#: now the measured figure minus 0.01 like the others, not 0.694 of
#: events/4; plover_gsr unchanged. A person's arrival or travel is a visit
#: (CAMEO 042), forces or refugees arriving are not (plan.py): tune 0.529,
#: 0.610, 0.536, 0.508, 0.369; holdout 0.624, 0.690, 0.589, 0.493, 0.246;
#: plover_gsr unchanged. Holders of an office act in it ("two senators
#: proposed", actor_nouns.txt): tune 0.537, 0.608, 0.544, recipient and
#: triple unchanged; holdout actor F1 0.589 -> 0.601, the rest and
#: plover_gsr unchanged. A relative clause that does the event noun names
#: its sides ("every meeting he had had with government leaders"): tune
#: 0.544, 0.612, 0.552, 0.515, 0.379; holdout and plover_gsr unchanged.
#: A partyless act takes the sides of the event it happened during ("the
#: appeal was made during talks between X and Y"): tune 0.551, 0.615,
#: 0.560, 0.523, 0.388; holdout and plover_gsr unchanged. Custody and prison
#: terms are COERCE (CAMEO 173), and who is held in one
#: or serves one undergoes it: tune 0.566, 0.621, 0.568, 0.537, 0.398;
#: holdout and plover_gsr unchanged. Whom an assault hurt is its recipient
#: even unnamed ("killed two people", not the place): tune recipient F1
#: 0.545, triple 0.408; holdout 0.504, 0.261; plover_gsr unchanged. A
#: question or an attempt is no request ("asked whether", "sought to"):
#: tune precision 0.621 -> 0.626; holdout false alarms 0.167 -> 0.139; the
#: rest and plover_gsr unchanged. A day controls no infinitive ("poised on
#: Friday to sign"): tune precision 0.626 -> 0.621 (an event found with the
#: type the coders did not give). Everyday words of the CAMEO categories
#: ("executed", "annulled", "crushed", "curb"): tune 0.596, 0.628, 0.591,
#: 0.573, 0.427, flattered, since some of those words were seen in tune
#: misses; holdout and plover_gsr unchanged. "hold" detains only a person
#: held, and a relative passive's subject is the noun it describes ("Hale,
#: who was held"): tune precision 0.628 -> 0.623 (a detention beside the
#: coded event), recipient F1 0.580; holdout recipient F1 0.504 -> 0.514,
#: the rest and plover_gsr unchanged. events/9 (untagged names, reciprocal
#: verbs): tune actor F1 0.605, recipient F1 0.593, triple 0.447; holdout
#: unchanged. events/11: an active relative clause's "who" is the noun it
#: describes ("leaders who met X"), and a passive sharing another verb's
#: subject undergoes it ("rebels who entered ... and are wanted"): tune
#: actor F1 0.610, recipient F1 0.596; holdout actor F1 0.601 -> 0.613,
#: triple 0.261 -> 0.304, but precision 0.690 -> 0.682 (one more type pair
#: the coders did not give); plover_gsr unchanged. events/12, idioms of
#: criticism ("came under fire", "found guilty"): all unchanged.
#: events/13, holding hostage is an abduction: tune 0.603, 0.626, 0.606,
#: 0.593, 0.447; holdout and plover_gsr unchanged. events/14, a trigger noun in front of another
#: is its one happening: all unchanged. events/15, an unlisted word is a
#: trigger where its type is more likely than not (0.6 -> 0.5): tune actor
#: F1 0.617, recipient F1 0.590; holdout type accuracy 0.634, precision
#: 0.686, actor F1 0.624, recipient F1 0.511, triple unchanged; plover_gsr
#: unchanged. events/16, the trigger model relearned on the current
#: lexicon: holdout type accuracy 0.645, precision 0.690, actor F1 0.635,
#: recipient F1 0.507; tune and plover_gsr unchanged. events/17, a "call"
#: is a conversation only by phone: tune precision 0.636; the rest, holdout
#: and plover_gsr unchanged. events/18, an attack on or by a person with
#: no word of force near is criticism: all unchanged. events/19, plain
#: handling ("hanging up blazers", "executed the plan") and an appeal that
#: attracts ("the broad appeal of X") are no events: fundus_events tune
#: false alarms 0.207 -> 0.172 (flattering: seen there), the rest
#: unchanged. events/20, "opposition to X" is a rejection (REJECT.txt,
#: trigger model relearned): fundus_events tune type accuracy 0.441 ->
#: 0.458, actor F1 0.442, recipient F1 0.431, triple 0.205 (flattering);
#: the rest unchanged. events/21, an accusation in a trailing participle
#: clause is made ("cut ties with Sudan, accusing it of training rebels"):
#: fundus_events tune type accuracy 0.458 -> 0.492, actor F1 0.481,
#: recipient F1 0.455, triple 0.231 (flattering); conll_events tune
#: precision 0.636 -> 0.626 (two true accusations beside the coded main
#: event), so its floor moved; holdouts and plover_gsr unchanged.
#: events/22, a plea ("will plead guilty") asks nobody and "mobilize
#: voters" moves no forces: fundus_events tune precision 0.690 -> 0.707,
#: false alarms 0.172 -> 0.161 (flattering); the rest unchanged.
#: events/23, the bodies and people of 2024 political reporting act
#: ("association", "agency", "lawyer", "campaign", "voter": actor_nouns.txt,
#: trigger model relearned): fundus_events tune actor F1 0.481 -> 0.500,
#: triple 0.231 -> 0.256; plover_gsr tune precision 0.794 -> 0.802;
#: holdouts unchanged. events/24 takes events/21 back: measured at the end
#: of the session, it had cost fundus_events holdout precision 0.462 ->
#: 0.444 (one more type pair) for no holdout gain; fundus_events tune back
#: to type accuracy 0.458, conll_events tune precision back to 0.636. The
#: goals of issue 11 for unseen news (type accuracy 0.75, precision 0.70,
#: triple recall 0.40) are not met here. events/25 (a side nothing else
#: fills may be named by any noun for people or a body in WordNet, "social
#: media users"): holdout actor F1 0.635 -> 0.641, recipient F1 0.507 ->
#: 0.514, triple recall 0.304 -> 0.333; tune unchanged. events/33 to 43
#: (2026-12-07, thirteenth session): a speech-act participle after a verb
#: that reports no event is a deed ("launched a campaign, accusing X",
#: events/38), helping to do something and sharing words are no events
#: (events/37), brokering a truce is mediation (events/42, flattering: seen
#: in tune), returning migrants is a deportation and continuing no intent
#: (events/43, flattering): tune 0.603 -> 0.625, precision 0.636 -> 0.659,
#: actor F1 0.617 -> 0.639, recipient F1 0.590 -> 0.594, triple recall
#: 0.447 -> 0.456, false alarms 0.113 -> 0.099; holdout unchanged.
#: events/44 (an accusation or a threat "at" someone is aimed at them,
#: "lashed out at Khan", found on PolNeAR): holdout recipient F1 0.514 ->
#: 0.524, triple recall 0.333 -> 0.348; tune unchanged. events/46 to 52
#: (fourteenth session, set phrases and senses found on PolNeAR train
#: articles 450 to 840): tune false alarms 0.099 -> 0.085 (events/49: a
#: person going back, a dialogue, cutting no tie); holdout precision 0.690
#: -> 0.698 (events/51: interviews and speeches consult nobody); the rest
#: unchanged. events/56 (a crowd's protest is kept with nobody named, "violent
#: protests erupted"): holdout type accuracy 0.645 -> 0.656, precision
#: 0.698 -> 0.701; tune unchanged. A first version that kept every
#: partyless protest was vetoed by plover_gsr holdout precision (0.775 ->
#: 0.764, below its floor); this one keeps only nouns for what crowds do,
#: not a setting, a kind or a show ("during rioting", "protest tactics",
#: "a demonstration of good faith"), so its holdout figures flatter a
#: little. events/58 to 66 (fifteenth session, from the training sentences'
#: misses, conll_events tune and PolNeAR train tune): calling "for X to"
#: act asks X (events/59: holdout precision 0.701 -> 0.693, one more type
#: pair, kept as the rule stands); an envoy asked to leave is expelled
#: (events/61: holdout type accuracy 0.656 -> 0.667, precision 0.693 ->
#: 0.705, actor F1 0.641 -> 0.652, recipient F1 0.524 -> 0.534, triple
#: recall 0.348 -> 0.362); an act settled at a meeting is its sides', a
#: frame pitting sides names both, a trip leaving X is for Y, an office
#: set off by a name is that person, a thing points one step only
#: (events/62 to 66): tune actor F1 0.639 -> 0.670, recipient F1 0.594 ->
#: 0.613, triple recall 0.456 -> 0.495 (flattering: written from tune
#: sentences); holdout unchanged by these. events/67 (a release words are
#: said in frees nobody): tune precision 0.659 -> 0.664. events/71 to 77
#: (sixteenth session, from PolNeAR train tune and training misses): what
#: one wins is given by whom its phrase names ("won the endorsement of X",
#: events/75): holdout actor F1 0.652 -> 0.673, triple recall 0.362 ->
#: 0.377 (not looked at while writing it); the rest unchanged. events/79
#: (seventeenth session: a pronoun nothing resolves names its side, "He
#: praised Clinton"): tune actor F1 0.670 -> 0.690, triple recall 0.495 ->
#: 0.524 (written from tune misses); holdout actor F1 0.673 -> 0.668 (a
#: pronoun given where its coders name someone), triple recall unchanged.
#: events/88 to 91 (eighteenth session, from tune misses): who speaks right
#: after talks with Y held them, reassuring someone promises them: tune
#: type accuracy 0.625 -> 0.632, precision 0.664 -> 0.667, actor F1 0.690
#: -> 0.704, recipient F1 0.613 -> 0.620, triple recall 0.524 -> 0.544;
#: holdout unchanged.
NEWS_FLOOR = {
    "tune": {"type_accuracy": 0.622, "type_precision": 0.657, "actor_f1": 0.694,
             "recipient_f1": 0.610, "triple_recall": 0.534},
    "holdout": {"type_accuracy": 0.657, "type_precision": 0.695, "actor_f1": 0.663,
                "recipient_f1": 0.524, "triple_recall": 0.367},
}
#: Share of NONE sentences with any event extracted, measured 0.063 / 0.111
#: (a death by disease or accident is no assault: holdout 0.139 -> 0.125; a
#: body's own session consults nobody: tune 0.134 -> 0.127; a "call" is no
#: meeting unless by phone, events/17: tune 0.127 -> 0.113; help to do
#: something and words shared, events/37: tune 0.113 -> 0.099; a person
#: going back, a dialogue, cutting no tie, events/49: tune 0.099 -> 0.085;
#: a deal among companies only, events/68: tune 0.085 -> 0.077, holdout
#: 0.125 -> 0.111; a return to power, events/69: tune 0.077 -> 0.070; a
#: death where a flood struck, events/91: tune 0.070 -> 0.063).
NEWS_MAX_FALSE_ALARMS = {"tune": 0.073, "holdout": 0.121}


#: fundus_events (tests/eval/fundus_events.py): sentences of 2024 news from
#: 16 English publishers, drawn and coded on 2026-12-07 after every rule
#: here was written, and measured once before any change looked at them
#: (events/17; tune 59 events and 87 NONE sentences, holdout 35 and 54):
#: tune / holdout type accuracy 0.441 / 0.343, precision 0.684 / 0.462,
#: actor F1 0.421 / 0.333, recipient F1 0.406 / 0.300, triple recall 0.179 /
#: 0.107, false alarms 0.207 / 0.148. Far below conll_events (1996 Reuters,
#: the register most rules were written on) and, on the holdout, no better
#: than the bare verb lexicon's type accuracy (0.343): US and British
#: political reporting of 2024 says most of its events in quoted criticism
#: and commentary. Floors are the measured figures minus 0.01; only the
#: tune part may be read. events/24 (the same session, after events/18 to
#: 24 were chosen on its tune part among others): tune 0.458, 0.711, 0.462,
#: 0.431, 0.231, false alarms 0.161; holdout all as before (nothing chosen
#: on the tune part carried over to it). events/25 (nouns for people as a
#: last resort): tune actor F1 0.481, triple recall 0.256; holdout unchanged.
#: events/26 (remembering, enabling and backing out are no events; a vow is
#: a promise; found on PolNeAR's unlabelled 2016 news): holdout false alarms
#: 0.148 -> 0.111, the rest unchanged. events/27 (wins, efforts, fights in
#: words, campaign rallies): unchanged. events/28 (poll shares, names given
#: in passing, talk about a topic, help by a thing): holdout precision
#: 0.462 -> 0.480. events/29 (a view shared is no agreement) and events/30
#: (attacks in tweets, speeches, ads, "as a fraud"): unchanged. events/31
#: (campaign rallies, rallying someone, "talking points"): holdout false
#: alarms 0.111 -> 0.093. events/32 (defending one's own record): unchanged.
#: events/33 to 43 (thirteenth session, found on PolNeAR train articles 150
#: to 450 and conll_events tune): tune type accuracy 0.458 -> 0.492, actor
#: F1 0.481 -> 0.519, recipient F1 0.431 -> 0.455, triple recall 0.256 ->
#: 0.282, false alarms 0.161 -> 0.138, precision 0.711 -> 0.707 (its floor
#: stays); holdout precision 0.480 -> 0.500 (events/35, appeals and
#: dangers) -> 0.480 (events/38, one more type pair), the rest unchanged.
#: events/44 ("lashed out at X"): holdout recipient F1 0.300 -> 0.341,
#: triple recall 0.107 -> 0.143; tune unchanged. events/45 ("took a swipe
#: at", "hit out at", "railed against" are ACCUSE; trigger model
#: relearned): tune type accuracy 0.492 -> 0.508, precision 0.707 ->
#: 0.714, actor F1 0.519 -> 0.537 (flattering: "took the swipe" was a tune
#: miss); holdout and the other sets unchanged. events/46 to 52
#: (fourteenth session, found on PolNeAR train articles 450 to 840): tune
#: false alarms 0.138 -> 0.126 (events/49) -> 0.115 (events/50: a thing's
#: leaning, recognising no state) -> 0.103 (events/54: no visit or
#: meeting in hosting a show or a consulting firm); holdout precision
#: 0.480 -> 0.500 (events/50) and recipient F1 0.341 -> 0.350 (events/53);
#: the rest unchanged. events/66 (a thing points at its party one step
#: only): holdout precision 0.500 -> 0.522; the rest unchanged. events/72
#: (a writing does what its author does: "a brief urging Congress"): tune
#: actor F1 0.537 -> 0.554, triple recall 0.282 -> 0.308 (flattering: the
#: brief was a tune miss); holdout unchanged. events/88 (an object pronoun
#: or a description is not the subject above it): tune recipient F1 0.455
#: -> 0.448 ("the former president" now resolves to Donald Trump, right,
#: but coded by the phrase), holdout recipient F1 0.350 -> 0.341 (not
#: looked at); kept, since on PolNeAR train and dev it fills some 16
#: recipients right against 7 wrong.
FUNDUS_FLOOR = {
    "tune": {"type_accuracy": 0.498, "type_precision": 0.704, "actor_f1": 0.544,
             "recipient_f1": 0.445, "triple_recall": 0.298},
    "holdout": {"type_accuracy": 0.333, "type_precision": 0.512, "actor_f1": 0.323,
                "recipient_f1": 0.340, "triple_recall": 0.133},
}
FUNDUS_MAX_FALSE_ALARMS = {"tune": 0.113, "holdout": 0.103}


#: The news sets scored as conll_events is: name -> (loader, whether its
#: data is beside the repository, floors, most false alarms allowed).
NEWS_SETS = {
    "conll_events": (news_events.load, news_events.available, NEWS_FLOOR, NEWS_MAX_FALSE_ALARMS),
    "fundus_events": (fundus_events.load, fundus_events.available,
                      FUNDUS_FLOOR, FUNDUS_MAX_FALSE_ALARMS),
}


@pytest.fixture(scope="module")
def news() -> Callable[[str], dict[str, news_events.Result]]:
    """Each news set's results by part, scored once per module."""
    cache: dict[str, dict[str, news_events.Result]] = {}

    def results(name: str) -> dict[str, news_events.Result]:
        load, present, _, _ = NEWS_SETS[name]
        if not present():
            pytest.skip(f"the data of {name} is not beside the repository")
        if name not in cache:
            cache[name] = {part: news_events.evaluate(load(part)) for part in PARTS}
            for part, result in cache[name].items():
                print("\n" + news_events.describe(result, part, name))
        return cache[name]
    return results


@pytest.mark.parametrize("name,part,figure", [(n, p, f) for n, sets in NEWS_SETS.items()
                                               for p in PARTS for f in sorted(sets[2][p])])
def test_news_event_scores_hold(news, name: str, part: str, figure: str):
    result = news(name)[part]
    assert result.figures()[figure] >= NEWS_SETS[name][2][part][figure], \
        news_events.describe(result, part, name)


@pytest.mark.parametrize("name,part", [(n, p) for n in NEWS_SETS for p in PARTS])
def test_news_false_alarms_stay_rare(news, name: str, part: str):
    result = news(name)[part]
    assert result.figures()["false_alarm_rate"] <= NEWS_SETS[name][3][part], \
        news_events.describe(result, part, name)
