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

#: part -> metric -> floor, measured with statements/4 (tune: 1,420 gold
#: contents, holdout: 772), minus 0.01. Rules up to statements/4 were tuned
#: on all of dev, so those holdout figures are not yet unseen estimates.
FLOORS = {
    "tune": {
        "content_f1": 0.665,            # measured 0.675 (P 0.780, R 0.595)
        "word_f1": 0.846,               # measured 0.856
        "direct_recall": 0.938,         # measured 0.948 on quote-marked contents
        "other_recall": 0.496,          # measured 0.506
        "speech_recall": 0.818,         # measured 0.828
        "speaker_acc": 0.922,           # measured 0.932
        "named_speaker_acc": 0.930,     # measured 0.940
        "resolved_speaker_acc": 0.546,  # measured 0.556 (151 pairs)
        "strict_speaker_acc": 0.846,    # measured 0.856
    },
    "holdout": {
        "content_f1": 0.618,            # measured 0.628 (P 0.763, R 0.534)
        "word_f1": 0.808,               # measured 0.818
        "direct_recall": 0.891,         # measured 0.901
        "other_recall": 0.441,          # measured 0.451
        "speech_recall": 0.764,         # measured 0.774
        "speaker_acc": 0.941,           # measured 0.951
        "named_speaker_acc": 0.929,     # measured 0.939
        "resolved_speaker_acc": 0.522,  # measured 0.532 (79 pairs)
        "strict_speaker_acc": 0.852,    # measured 0.862
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
