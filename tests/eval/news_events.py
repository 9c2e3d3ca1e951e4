"""PLOVER events on Reuters sentences no event rule was written from.

The plover_gsr sentences are the events gate's development set, and every
event rule before the tune/holdout cut was written on all of them, so their
holdout part flatters. This set was made here to measure events on news the
rules never saw: 480 sentences of CoNLL-2003 train and dev (1996 Reuters,
the register of the GSR's sentences), drawn at random from non-sports
documents among sentences naming two entities or more, each coded by hand
with its main PLOVER event or NONE (tests/eval/data/conll_events.tsv; its
header says how). Only ids and codes are kept in the repository: each
sentence's text is read from ``../shared/data`` at test time.

Scores are those of :mod:`tests.eval.plover` over the coded sentences (type
accuracy and precision, actor and recipient F1, strict triple recall),
plus, over the NONE sentences, the *false alarm* rate: the share with any
event extracted. An event coded ``unsure`` still counts (the annotators
agreed on 35 of 38 events: its reading is the likelier one); a NONE coded
``unsure`` (a private crime, a static description) is left out. The set is
cut by id into a tune and a holdout part (:mod:`tests.eval.splits`).

Report: ``.venv/bin/python -m tests.eval.news_events [--part tune|holdout] [-v]``
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.nlp.analyze import analyze
from tests.eval import conll
from tests.eval.plover import Scores, Sentence, _explain, article, report, score_sentence
from tests.eval.splits import PARTS, part_arguments, select

CODED = Path(__file__).parent / "data" / "conll_events.tsv"
NONE = "NONE"


@dataclass
class Result:
    """Scores over the coded sentences, and the NONE sentences' false alarms."""
    scores: Scores
    none: int = 0
    alarms: int = 0

    def figures(self) -> dict[str, float]:
        return {**self.scores.figures(),
                "false_alarm_rate": self.alarms / self.none if self.none else 0.0}


def _texts() -> dict[str, str]:
    """Sentence id ("split:doc_key:index") -> its text, for train and dev."""
    return conll.sentence_texts("train") | conll.sentence_texts("dev")


def _actors(field: str) -> list[str]:
    return [a.strip() for a in field.split(";") if a.strip()]


def available() -> bool:
    """Is CoNLL-2003 beside the repository?"""
    return (conll.DATA / "conllpp_train.txt").exists()


def load(part: str | None = None) -> list[Sentence]:
    """The coded sentences of one part (None: all): every event, and the
    NONE sentences coded ``sure`` (type NONE, no actors)."""
    return load_coded(CODED, _texts(), part)


def load_coded(coded: Path, texts: Mapping[str, str], part: str | None) -> list[Sentence]:
    """The sentences of a file coded as this one is, with their texts."""
    out = []
    for line in coded.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        sid, etype, source, target, _trigger, _negated, certainty = line.split("\t")[:7]
        if etype != NONE or certainty == "sure":
            out.append(Sentence(sid, texts[sid], etype, _actors(source), _actors(target), None))
    return select(out, lambda s: s.id, part)


def evaluate(sentences: list[Sentence], verbose: bool = False) -> Result:
    result = Result(Scores())
    for s in sentences:
        entities, _, events = analyze(article(s))
        if s.type == NONE:
            result.none += 1
            result.alarms += bool(events)
        else:
            score_sentence(result.scores, s, events, entities.entities)
        if verbose:
            print(_explain(s, events))
    return result


def describe(result: Result, part: str, name: str = "conll_events") -> str:
    text = report(result.scores, part).replace("plover_gsr", name, 1)
    return (f"{text}\n  false alarms on {result.none} NONE sentences: "
            f"{result.figures()['false_alarm_rate']:.3f}")


def main(argv: list[str] | None = None) -> None:
    args = part_arguments("python -m tests.eval.news_events", "each", argv)
    for part in [args.part] if args.part else PARTS:
        print(describe(evaluate(load(part), verbose=args.v), part))


if __name__ == "__main__":
    main()
