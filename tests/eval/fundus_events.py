"""PLOVER events on 2024 news from 16 publishers, which no event rule has seen.

conll_events' holdout part has been read once per extractor change to
accept or drop it, so it flatters a little more with every change. This set
was drawn later (2026-12-07, :mod:`tests.eval.draw_event_sentences`) from
the hand-extracted bodies of fundus_eval's 80 articles, US, British and
wire news crawled in 2024 (``../shared/data/cleaning``), and coded by hand
as conll_events was (``tests/eval/data/fundus_events.tsv``; its header says
how), before any extractor output on it was looked at. Only ids and codes
are kept in the repository: each text is read from ``../shared/data`` at
test time.

Scores are conll_events' (:mod:`tests.eval.news_events`): type accuracy and
precision, actor and recipient F1, strict triple recall, false alarms on
NONE sentences; cut by id into a tune and a holdout part.

Report: ``.venv/bin/python -m tests.eval.fundus_events [--part tune|holdout] [-v]``
"""
from __future__ import annotations

from pathlib import Path

from tests.eval.draw_event_sentences import GROUND_TRUTH, bodies, sentence_text
from tests.eval.news_events import describe, evaluate, load_coded
from tests.eval.plover import Sentence
from tests.eval.splits import PARTS, part_arguments

CODED = Path(__file__).parent / "data" / "fundus_events.tsv"
NAME = "fundus_events"


class _Texts(dict):
    """Sentence texts by id, cut from the articles on demand."""

    def __init__(self) -> None:
        super().__init__()
        self.articles = bodies()

    def __missing__(self, sid: str) -> str:
        return sentence_text(sid, self.articles).strip()


def available() -> bool:
    return GROUND_TRUTH.exists()


def load(part: str | None = None) -> list[Sentence]:
    return load_coded(CODED, _Texts(), part)


def main(argv: list[str] | None = None) -> None:
    args = part_arguments("python -m tests.eval.fundus_events", "each", argv)
    for part in [args.part] if args.part else PARTS:
        print(describe(evaluate(load(part), verbose=args.v), part, NAME))


if __name__ == "__main__":
    main()
