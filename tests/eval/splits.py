"""The tune and holdout parts of every labelled set.

Figures on data a rule was tuned on flatter it. Every labelled set is cut
into a *tune* part, which may be read, inspected and tuned on, and a
*holdout* part, which is only ever scored: nobody looks at its sentences or
errors while changing extraction code, and its figures are the ones to
report as "unseen". Both parts are gated in CI.

The cut is a pure function of a stable key (an article file name, a
sentence id, a document index), so it is the same on every machine and never
drifts when files are added. A salted hash keeps it independent of how the
publisher named or ordered the items.
"""
from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

#: About one item in three is held out.
HOLDOUT_SHARE = 1 / 3
PARTS = ("tune", "holdout")
_SALT = b"newswire-holdout/1:"


def part_of(key: str) -> str:
    """``"holdout"`` or ``"tune"`` for an item's stable key."""
    digest = hashlib.sha256(_SALT + key.encode("utf-8")).digest()
    fraction = int.from_bytes(digest[:4], "big") / 2**32
    return "holdout" if fraction < HOLDOUT_SHARE else "tune"


def select(items: Iterable[T], key: Callable[[T], str], part: str | None) -> list[T]:
    """The items of one part (``None``: all of them), in their given order."""
    if part is not None and part not in PARTS:
        raise ValueError(f"part must be one of {PARTS} or None, not {part!r}")
    return [item for item in items if part is None or part_of(key(item)) == part]


def part_arguments(prog: str, default: str, argv: list[str] | None = None) -> argparse.Namespace:
    """``--part`` (``default`` says what a report without it covers) and
    ``-v`` of an eval report. ``-v`` prints sentences and errors, so only
    with ``--part tune``."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--part", choices=PARTS, help=f"one part only (default: {default})")
    parser.add_argument("-v", action="store_true", help="explain every sentence (tune only)")
    args = parser.parse_args(argv)
    if args.v and args.part != "tune":
        parser.error("-v prints sentences and errors: only with --part tune "
                     "(the holdout is never inspected)")
    return args
