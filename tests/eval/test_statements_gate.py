"""Quality gate: statements against PolNeAR dev (see tests/eval/polnear.py
for the data, the matching and every metric's definition).

Dev is cut by article file name into a tune part (53 articles) and a
holdout part (31) never inspected while tuning (tests/eval/splits.py);
each part has its own floors, the figure measured with the current
extractor minus 0.01, so a change that makes extraction worse on either
fails while run-to-run noise (there is none: the parse is deterministic)
cannot. The goals of issue 11 are higher; the floors track what is reached.

Report: ``.venv/bin/python -m tests.eval.polnear dev``
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
FLOORS = {
    "tune": {
        "content_f1": 0.707,            # measured 0.717 (P 0.843, R 0.624)
        "word_f1": 0.855,               # measured 0.865
        "direct_recall": 0.952,         # measured 0.962 on quote-marked contents
        "other_recall": 0.529,          # measured 0.539
        "speech_recall": 0.821,         # measured 0.831
        "speaker_acc": 0.926,           # measured 0.936
        "named_speaker_acc": 0.938,     # measured 0.948
        "resolved_speaker_acc": 0.791,  # measured 0.801 (151 pairs)
        "strict_speaker_acc": 0.895,    # measured 0.905
    },
    "holdout": {
        "content_f1": 0.652,            # measured 0.662 (P 0.801, R 0.563)
        "word_f1": 0.820,               # measured 0.830
        "direct_recall": 0.905,         # measured 0.915 on quote-marked contents
        "other_recall": 0.474,          # measured 0.484
        "speech_recall": 0.773,         # measured 0.783
        "speaker_acc": 0.936,           # measured 0.946
        "named_speaker_acc": 0.936,     # measured 0.946
        "resolved_speaker_acc": 0.671,  # measured 0.681 (94 pairs)
        "strict_speaker_acc": 0.873,    # measured 0.883
    },
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


@pytest.mark.parametrize("part,metric", [(p, m) for p in FLOORS for m in sorted(FLOORS[p])])
def test_floor(figures, part, metric):
    scores, _ = figures
    got = scores[part][metric]
    assert got >= FLOORS[part][metric], f"{part} {metric} {got:.3f} < {FLOORS[part][metric]}"


def test_runs_in_bounded_time(figures):
    _, seconds = figures
    assert seconds < MAX_SECONDS
