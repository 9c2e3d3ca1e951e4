"""Events on the 1,206 training sentences, every event of which is coded.

The gated sets code only a sentence's main event, so an extra event there
is neither right nor wrong for precision. ``news_events_train.tsv`` codes
every event with the word that triggers it, so here an extracted event is
right where a coded event of its type has a word of its trigger, and
wrong otherwise: the larger, never-gated set the readings of
:mod:`pipeline.nlp.events.senses` were judged on. Not a gate: the trigger
model learned from these sentences, so its share of the figures flatters.

Report: ``.venv/bin/python -m tests.eval.train_events [-v]`` (-v lists the
extracted events no coder coded, most frequent trigger first).
"""
from __future__ import annotations

import argparse
from collections import Counter

from pipeline.nlp.analyze import analyze
from tests.eval.learn_trigger_model import Coded, load
from tests.eval.plover import Sentence, article


def _events(item: Coded):
    return analyze(article(Sentence(item.id, item.text, "", [], [], None)))[2]


def evaluate(items: list[Coded], verbose: bool = False) -> dict[str, float]:
    """Extracted events and their precision; coded events and their recall."""
    extracted = right = coded = found = 0
    uncoded: Counter[str] = Counter()
    for item in items:
        gold = {(word, etype) for (word, _), etype in item.triggers.items()}
        got: set[tuple[str, str]] = set()
        for e in _events(item):
            words = {(w, e.type) for w in e.trigger.lower().split()}
            extracted += 1
            right += bool(words & gold)
            if not words & gold:
                uncoded[f"{e.type}:{e.trigger.lower()}"] += 1
            got |= words
        coded += len(item.triggers)
        found += sum((word, etype) in got for (word, _), etype in item.triggers.items())
    if verbose:
        for what, n in uncoded.most_common():
            print(f"{n:3d} {what}")
    return {"extracted": extracted, "precision": right / max(extracted, 1),
            "coded": coded, "recall": found / max(coded, 1)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m tests.eval.train_events")
    ap.add_argument("-v", action="store_true", help="list the extracted events nobody coded")
    figures = evaluate(load(), verbose=ap.parse_args(argv).v)
    print(f"news_events_train: {figures['extracted']} events extracted, precision "
          f"{figures['precision']:.3f}; {figures['coded']} coded, recall {figures['recall']:.3f}")


if __name__ == "__main__":
    main()
