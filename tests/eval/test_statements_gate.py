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

#: part -> metric -> floor: the figure measured with statements/5 and
#: entities/3 (tune: 1,420 gold contents, holdout: 772) minus 0.01; the
#: entity changes moved resolved speakers (tune 0.714 -> 0.700, holdout
#: 0.570 -> 0.608) through which mentions become clusters. Rules up to statements/4
#: were tuned on all of dev, so only what changed since is unseen on holdout.
#: Before statements/5 (same evaluation): resolved 0.596 / 0.512, strict
#: 0.866 / 0.852, named 0.933 / 0.930, content F1 0.676 / 0.630. Recall
#: of other and speech contents fell a point when nested statements went
#: (precision rose nine points).
FLOORS = {
    "tune": {
        "content_f1": 0.691,            # measured 0.701 (P 0.862, R 0.592)
        "word_f1": 0.846,               # measured 0.856
        "direct_recall": 0.948,         # measured 0.958 on quote-marked contents
        "other_recall": 0.489,          # measured 0.499
        "speech_recall": 0.813,         # measured 0.823
        "speaker_acc": 0.931,           # measured 0.941
        "named_speaker_acc": 0.937,     # measured 0.947
        "resolved_speaker_acc": 0.690,  # measured 0.700 (140 pairs)
        "strict_speaker_acc": 0.884,    # measured 0.894
    },
    "holdout": {
        "content_f1": 0.634,            # measured 0.644 (P 0.814, R 0.532)
        "word_f1": 0.808,               # measured 0.818
        "direct_recall": 0.898,         # measured 0.908
        "other_recall": 0.438,          # measured 0.448
        "speech_recall": 0.759,         # measured 0.769
        "speaker_acc": 0.938,           # measured 0.948
        "named_speaker_acc": 0.933,     # measured 0.943
        "resolved_speaker_acc": 0.598,  # measured 0.608 (79 pairs)
        "strict_speaker_acc": 0.866,    # measured 0.876
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
