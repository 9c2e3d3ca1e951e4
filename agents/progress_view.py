"""Print the live progress line of `newswire run` every few seconds."""
from __future__ import annotations

import sys

from agents.app import app, progress


@app.timer(interval=2.0)
async def show_progress() -> None:
    print(progress.render(), file=sys.stdout, flush=True)
