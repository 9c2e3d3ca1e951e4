"""Benchmark of the wire codec: what decoding a record costs a worker.

    .venv/bin/python bench/codec.py [--rounds 5]

Each worker decodes every article twice before it does any work on it (a
raw article in the clean agent, its clean article in the extract agent):
schema validation, then the records built from the JSON. This times both
decodes over the news pages of ``bench/stream.py``, against the baseline
of resolving the records' type hints on every call (how ``from_dict`` did
it until 2026-12-06), in the same process, alternating, and reports the
median milliseconds per article of each and their ratio.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.stream import pages  # noqa: E402
from pipeline import codec  # noqa: E402
from pipeline.text.clean import clean_article  # noqa: E402

_CACHED = codec._fields


def _hints_every_call(cls: type) -> tuple:
    """The baseline: field hints resolved anew on each record built (the
    codec's own resolution, its cache emptied first)."""
    codec._FIELDS.pop(cls, None)
    return _CACHED(cls)


def _decode_all(messages: list[tuple[str, bytes]]) -> float:
    """Milliseconds per article to decode every message."""
    started = time.perf_counter()
    for name, payload in messages:
        codec.decode(name, payload)
    return (time.perf_counter() - started) * 1000 / (len(messages) / 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    raws = pages(81)
    messages = [m for raw in raws for m in (("raw_article", codec.encode(raw)),
                                            ("clean_article", codec.encode(clean_article(raw))))]
    timings: dict[str, list[float]] = {"cached": [], "baseline": []}
    _decode_all(messages)  # warm-up: schemas compiled, hints resolved once
    for _ in range(args.rounds):
        codec._fields = _hints_every_call  # type: ignore[assignment]
        timings["baseline"].append(_decode_all(messages))
        codec._fields = _CACHED  # type: ignore[assignment]
        timings["cached"].append(_decode_all(messages))
    base, now = (statistics.median(timings[k]) for k in ("baseline", "cached"))
    print(f"{len(raws)} articles, {args.rounds} rounds: decode {now:.2f} ms per article, "
          f"baseline {base:.2f} ms, {base / now:.1f}x faster")


if __name__ == "__main__":
    main()
