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
(788 such pairs, eight times dev holdout's 94) is unseen by them too and
has floors of its own (:data:`TRAIN_HOLDOUT_FLOORS`).

Report: ``.venv/bin/python -m tests.eval.polnear dev`` (and ``train``)
"""
from __future__ import annotations

import pytest

from tests.eval import polnear

pytestmark = pytest.mark.eval

#: part -> metric -> floor: the figure measured with statements/6 (tune:
#: 1,420 gold contents, holdout: 772) minus 0.01. Rules up to statements/4
#: were tuned on all of dev, so only what changed since is unseen on holdout.
#: statements/6 learned 142 cue frames from train and fixed speaker
#: resolution; the resolved-speaker reference now lets "he" reach a bare
#: surname the model tagged ORG (with extraction unchanged, tune 0.700 ->
#: 0.767, holdout 0.608 -> 0.674 over 89 pairs: most of the holdout gain). Before statements/6 (old reference): content F1 0.701 /
#: 0.644, direct 0.958 / 0.908, resolved 0.700 / 0.608, strict 0.894 /
#: 0.876, named 0.947 / 0.943. Loose speaker accuracy fell half a point
#: on tune (0.941 -> 0.936) as the new cues added harder pairs.
#: statements/7 replaced the hand-ordered antecedent rule (latest speaker,
#: else subject, else mention, sentence by sentence) with the learned
#: ranker: resolved 0.801 -> 0.775 on tune, which that rule had been tuned
#: on, 0.681 -> 0.691 on holdout, and on train holdout 0.661 -> 0.689;
#: strict 0.905 -> 0.899 / 0.883 -> 0.885.
FLOORS = {
    "tune": {
        "content_f1": 0.707,            # measured 0.717 (P 0.843, R 0.624)
        "word_f1": 0.855,               # measured 0.865
        "direct_recall": 0.952,         # measured 0.962 on quote-marked contents
        "other_recall": 0.529,          # measured 0.539
        "speech_recall": 0.821,         # measured 0.831
        "speaker_acc": 0.926,           # measured 0.936
        "named_speaker_acc": 0.936,     # measured 0.946 (0.948 before statements/7)
        "resolved_speaker_acc": 0.765,  # measured 0.775 (151 pairs)
        "strict_speaker_acc": 0.889,    # measured 0.899
        "pronoun_speaker_acc": 0.859,   # measured 0.869 (122 pairs)
        "description_speaker_acc": 0.369,  # measured 0.379 (29 pairs; rough reference)
    },
    "holdout": {
        "content_f1": 0.652,            # measured 0.662 (P 0.801, R 0.563)
        "word_f1": 0.820,               # measured 0.830
        "direct_recall": 0.905,         # measured 0.915 on quote-marked contents
        "other_recall": 0.474,          # measured 0.484
        "speech_recall": 0.773,         # measured 0.783
        "speaker_acc": 0.936,           # measured 0.946
        "named_speaker_acc": 0.936,     # measured 0.946
        "resolved_speaker_acc": 0.681,  # measured 0.691 (94 pairs)
        "strict_speaker_acc": 0.875,    # measured 0.885
        "pronoun_speaker_acc": 0.821,   # measured 0.831 (65 pairs)
        "description_speaker_acc": 0.369,  # measured 0.379 (29 pairs; rough reference)
    },
}
#: metric -> floor on the holdout part of PolNeAR train (measured minus 0.01).
TRAIN_HOLDOUT_FLOORS = {
    "resolved_speaker_acc": 0.679,      # measured 0.689 (788 pairs)
    "strict_speaker_acc": 0.874,        # measured 0.884 (3,959 pairs)
    "named_speaker_acc": 0.931,         # measured 0.941
    "pronoun_speaker_acc": 0.775,       # measured 0.785 (601 pairs)
    "description_speaker_acc": 0.370,   # measured 0.380 (187 pairs; rough reference)
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
