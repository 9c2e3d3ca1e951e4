"""Quality gate: statements against PolNeAR dev (see tests/eval/polnear.py
for the data, the matching and every metric's definition).

Dev is cut by article file name into a tune part (53 articles) and a
holdout part (31) never inspected while tuning (tests/eval/splits.py);
each part has its own floors, the figure measured with the current
extractor minus 0.01, so a change that makes extraction worse on either
fails while run-to-run noise (there is none: the parse is deterministic)
cannot. The goals of issue 11 are higher; the floors track what is reached.

Speakers named by a pronoun or a description are resolved by weights
learned from the tune part of PolNeAR train, so the holdout part of train
(864 such pairs, eight times dev holdout's 105) is unseen by them too and
has floors of its own (:data:`TRAIN_HOLDOUT_FLOORS`). Who such a speaker
is was annotated by hand for dev and train holdout
(tests/eval/data/polnear_referents.tsv).

Report: ``.venv/bin/python -m tests.eval.polnear dev`` (and ``train``)
"""
from __future__ import annotations

import pytest

from tests.eval import polnear

pytestmark = pytest.mark.eval

#: part -> metric -> floor: the figure measured minus 0.01 (tune: 1,420
#: gold contents, holdout: 772). Rules up to statements/4 were tuned on all
#: of dev, so only what changed since is unseen on holdout. statements/6
#: learned 142 cue frames from train; statements/7 resolves pronoun and
#: description speakers with a ranker learned from PolNeAR train.
#: Speakers named by a pronoun or a description are scored against
#: referents annotated by hand (tests/eval/data/polnear_referents.tsv):
#: *resolved* (pronoun + description) where the article names the
#: referent, *unnamed* where it names nobody ("the report", an anonymous
#: official: the statement should not name someone). Before the hand
#: reference, the nearest earlier gold Source stood for the referent, and
#: resolved read 0.775 / 0.691 with the same extractor (0.810 / 0.771 on
#: the hand reference). statements/8: given names' genders from the Census
#: lists too, the ranker relearned from the hand referents of train tune,
#: and a name is the referent only if its given name agrees ("Bill
#: Clinton" is not "Hillary Clinton"): 0.827 / 0.781. Then heads that
#: stand for nobody ("the poll", "the statement") and the ranker's choice of
#: nobody ("it said" of a report): unnamed 0.353 -> 0.941 / 0.882, train
#: holdout 0.348 -> 0.750, strict train holdout 0.887 -> 0.895, at a cost
#: to resolved on train holdout (0.793 -> 0.781: abstaining on some "it"
#: and "they" that were named). Then a bare surname several people of the
#: article bear goes to the first named ("Trump" after "Donald J. Trump"
#: and "Eric Trump"), or the one a form of address picks, and the ranker
#: was relearned: resolved 0.855 / 0.771 (one pair fewer of 105), train
#: holdout 0.781 -> 0.793. Then a description with a party or a nation
#: in it is resolved too ("the Republican nominee", "the French
#: president"), and a name is the referent "Trump campaign" when its last
#: word is: resolved 0.877 / 0.810, train holdout 0.804. Entity lexicons
#: learned from the tune part of CoNLL train only cost dev tune one article
#: (Rakeyia Scott's "she", five pairs): 0.849. An object or infinitive
#: content without the writer's aside that ends it (", who has not been
#: charged"): content F1 tune 0.717 -> 0.719, holdout 0.662 -> 0.668;
#: PolNeAR train tune 0.668 -> 0.669, its holdout unchanged (0.673).
FLOORS = {
    "tune": {
        "content_f1": 0.709,            # measured 0.719 (P 0.844, R 0.627)
        "word_f1": 0.855,               # measured 0.865
        "direct_recall": 0.952,         # measured 0.962 on quote-marked contents
        "other_recall": 0.532,          # measured 0.542
        "speech_recall": 0.821,         # measured 0.831
        "speaker_acc": 0.927,           # measured 0.937
        "named_speaker_acc": 0.938,     # measured 0.948 (540 pairs)
        "resolved_speaker_acc": 0.839,  # measured 0.849 (179 pairs)
        "strict_speaker_acc": 0.900,    # measured 0.910 (871 pairs)
        "pronoun_speaker_acc": 0.849,   # measured 0.859 (156 pairs)
        "description_speaker_acc": 0.773,  # measured 0.783 (23 pairs)
        "unnamed_speaker_acc": 0.931,   # measured 0.941 (17 pairs)
    },
    "holdout": {
        "content_f1": 0.658,            # measured 0.668 (P 0.806, R 0.570)
        "word_f1": 0.820,               # measured 0.830
        "direct_recall": 0.905,         # measured 0.915 on quote-marked contents
        "other_recall": 0.482,          # measured 0.492
        "speech_recall": 0.773,         # measured 0.783
        "speaker_acc": 0.936,           # measured 0.946
        "named_speaker_acc": 0.936,     # measured 0.946 (240 pairs)
        "resolved_speaker_acc": 0.800,  # measured 0.810 (105 pairs)
        "strict_speaker_acc": 0.894,    # measured 0.904 (427 pairs)
        "pronoun_speaker_acc": 0.820,   # measured 0.830 (88 pairs)
        "description_speaker_acc": 0.696,  # measured 0.706 (17 pairs)
        "unnamed_speaker_acc": 0.872,   # measured 0.882 (17 pairs)
    },
}
#: metric -> floor on the holdout part of PolNeAR train (measured minus 0.01).
TRAIN_HOLDOUT_FLOORS = {
    "resolved_speaker_acc": 0.794,      # measured 0.804 (864 pairs)
    "strict_speaker_acc": 0.890,        # measured 0.900 (3,959 pairs)
    "named_speaker_acc": 0.932,         # measured 0.942 (2,356 pairs)
    "pronoun_speaker_acc": 0.838,       # measured 0.848 (749 pairs)
    "description_speaker_acc": 0.512,   # measured 0.522 (115 pairs)
    "unnamed_speaker_acc": 0.740,       # measured 0.750 (112 pairs)
}
#: Two cores evaluate the whole split in well under a minute; a slower run
#: means something went quadratic.
MAX_SECONDS = 180


@pytest.fixture(scope="module")
def figures():
    if not (polnear.POLNEAR / "dev" / "text").is_dir():
        pytest.skip(f"PolNeAR not found at {polnear.POLNEAR}")
    scores, seconds = polnear.evaluate("dev")
    print("\nPolNeAR dev, statements\n" + polnear.report(scores) + f"\nseconds {seconds:.1f}")
    return scores, seconds


@pytest.fixture(scope="module")
def train_holdout():
    if not (polnear.POLNEAR / "train" / "text").is_dir():
        pytest.skip(f"PolNeAR train not found at {polnear.POLNEAR}")
    scores, seconds = polnear.evaluate("train", only="holdout")
    print("\nPolNeAR train holdout, statements\n" + polnear.report(scores) + f"\nseconds {seconds:.1f}")
    return scores["holdout"]


@pytest.mark.parametrize("metric", sorted(TRAIN_HOLDOUT_FLOORS))
def test_train_holdout_floor(train_holdout, metric):
    got = train_holdout[metric]
    assert got >= TRAIN_HOLDOUT_FLOORS[metric], f"train holdout {metric} {got:.3f} < {TRAIN_HOLDOUT_FLOORS[metric]}"


@pytest.mark.parametrize("part,metric", [(p, m) for p in FLOORS for m in sorted(FLOORS[p])])
def test_floor(figures, part, metric):
    scores, _ = figures
    got = scores[part][metric]
    assert got >= FLOORS[part][metric], f"{part} {metric} {got:.3f} < {FLOORS[part][metric]}"


def test_runs_in_bounded_time(figures):
    _, seconds = figures
    assert seconds < MAX_SECONDS
