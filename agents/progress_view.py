"""Print the live progress line of `newswire run` every few seconds."""
from __future__ import annotations

import sys

from agents.app import app, progress

_last = {"line": ""}


@app.timer(interval=2.0)
async def show_progress() -> None:
    line = progress.render()
    if sys.stdout.isatty():  # one line, redrawn in place
        print(f"\r\x1b[K{line}", end="", flush=True)
    elif progress.changed_since_last_render or not _last["line"]:
        print(line, flush=True)  # logs and pipes: a new line only when counts move
    _last["line"] = line
