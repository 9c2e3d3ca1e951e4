"""Where the labelled development data lives, for tests, gates and benchmarks.

``../shared/data`` beside the repository, or wherever ``NEWSWIRE_SHARED_DATA``
points (the one override; each dataset is a fixed path below it).
"""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("NEWSWIRE_SHARED_DATA", REPO.parent / "shared" / "data"))
