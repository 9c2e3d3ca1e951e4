"""Learn the weights of the speaker ranker (pipeline/nlp/entities/speaker_ranker.py) from PolNeAR train.

Every statement our extractor finds in a train article whose speaker is a
pronoun or a description is one example: the candidates the resolver
considers (:meth:`Antecedents.candidates`, recorded as the resolver calls
it) with their facts, and the choice of nobody
(:func:`~pipeline.nlp.entities.speaker_ranker.nobody_features`). The right
answers come from the referents annotated by hand
(tests/eval/data/polnear_referents.tsv, the reference the statements gate
scores against): the candidates that are the referent
(:func:`~tests.eval.polnear_speakers.same_referent`), or nobody where the
article names no one. Examples with a named referent no candidate is teach
nothing and are dropped, as are Sources the annotators were unsure of.

The model is a conditional logit: P(candidate) = softmax(w . features)
over an example's candidates, fitted by minimising the negative log of the
probability of the right ones plus an L2 penalty (:data:`L2`), with plain
full-batch gradient descent (numpy only). Train only: dev is for measuring.

The candidates' facts depend on who was resolved earlier in the article
(a resolved speaker is a speaker for the next "he said"), so learning runs
in :data:`ROUNDS`: the first collects with no weights (every tie goes to
the latest candidate), each next one with the weights of the one before.

Only the tune part of train is learned from (``--part all`` for all of
it), so the holdout part of train (about 800 resolved pairs, ten times
dev holdout) scores the weights on articles they never saw: the statements
gate holds a floor on it.

Writes ``pipeline/nlp/entities/lexicons/speaker_ranker.tsv`` (about four
minutes): ``.venv/bin/python -m tests.eval.learn_speaker_ranker [--part all] [LIMIT]``
"""
from __future__ import annotations

import sys
from collections.abc import Callable

import numpy as np

from pipeline.nlp.entities import coref
from pipeline.nlp.entities.coref import Antecedents
from pipeline.nlp.entities.speaker_ranker import WEIGHTS_FILE, Ranker, features, nobody_features
from pipeline.nlp.lexicon import LEXICON_ROOT
from tests.eval.polnear import load_split, predict
from tests.eval.polnear_speakers import hand_referent, same_referent
from tests.eval.splits import part_of

#: Strength of the penalty on the weights' squares, per example.
L2 = 0.01
STEPS = 3000
RATE = 0.5
#: A feature seen in fewer examples' candidates is not learned.
MIN_EXAMPLES = 5
ROUNDS = 2
HEADER = """\
# Weights of the speaker ranker (pipeline/nlp/entities/speaker_ranker.py),
# learned from PolNeAR train by tests/eval/learn_speaker_ranker.py
# (regenerate with it, do not edit by hand): {examples} examples of the
# {part} part, L2 {l2}, round {round}: train accuracy {accuracy:.3f}
# (latest candidate: {baseline:.3f}).
# feature	weight
"""

Example = tuple[list[list[str]], list[bool]]


def collect(ranker: Ranker, split: str = "train", limit: int | None = None,
            part: str | None = None) -> list[Example]:
    """One example per resolved speaker phrase our extractor meets, the
    extractor resolving with ``ranker``."""
    calls: list[tuple[int, list]] = []
    original: Callable = Antecedents.candidates

    def recording(self: Antecedents, head):
        found = original(self, head)
        kind = coref.anaphor_kind(head)
        # latest mentioned first, so a tie in score goes to it, as in the resolver
        ranked = sorted(found, key=lambda c: c[1].rank)
        calls.append((head.idx, [(e, features(kind, h)) for e, h in ranked]
                      + [(None, nobody_features(head.lower_, kind, len(found)))]))
        return found

    examples: list[Example] = []
    Antecedents.candidates = recording  # type: ignore[method-assign]
    learned, coref._learned_ranker = coref._learned_ranker, lambda: ranker
    try:
        for doc in load_split(split, limit):
            if part is not None and part_of(doc.name) != part:
                continue
            calls.clear()
            parsed, _ = predict(doc)
            used: set[int] = set()
            for gold in doc.gold:
                hand = hand_referent(doc.name, gold.source)
                if hand is None or not hand.sure:
                    continue
                at = next((i for i, (pos, _) in enumerate(calls)
                           if i not in used and any(lo <= pos < hi for lo, hi in gold.source)), None)
                if at is None:
                    continue
                used.add(at)
                cands = calls[at][1]
                if len(cands) == 1:
                    continue  # no candidate: nothing to choose
                # the last option is nobody: right where the article names nobody
                labels = [any(same_referent(e.name, name) for name in hand.names) if e else not hand.names
                          for e, _ in cands]
                if any(labels):
                    examples.append(([names for _, names in cands], labels))
    finally:
        Antecedents.candidates = original  # type: ignore[method-assign]
        coref._learned_ranker = learned
    return examples


class Design:
    """Examples as one dense matrix of candidate rows, grouped by example."""

    def __init__(self, examples: list[Example], vocabulary: list[str]) -> None:
        self.vocabulary = vocabulary
        col = {name: j for j, name in enumerate(vocabulary)}
        rows = sum(len(labels) for _, labels in examples)
        self.x = np.zeros((rows, len(vocabulary)))
        self.right = np.zeros(rows, dtype=bool)
        self.starts = []
        r = 0
        for cands, labels in examples:
            self.starts.append(r)
            for names, label in zip(cands, labels, strict=True):
                for name in names:
                    if name in col:
                        self.x[r, col[name]] = 1.0
                self.right[r] = label
                r += 1
        self.group = np.repeat(np.arange(len(examples)), np.diff(self.starts + [rows]))
        self.n = len(examples)

    def probabilities(self, w: np.ndarray) -> np.ndarray:
        s = self.x @ w
        s -= np.maximum.reduceat(s, self.starts)[self.group]
        e = np.exp(s)
        return e / np.add.reduceat(e, self.starts)[self.group]

    def fit(self, l2: float = L2, steps: int = STEPS, rate: float = RATE) -> np.ndarray:
        w = np.zeros(self.x.shape[1])
        for _ in range(steps):
            p = self.probabilities(w)
            mass = np.add.reduceat(np.where(self.right, p, 0.0), self.starts)[self.group]
            # d(-log sum_right p)/d score = p - p * right / mass
            grad = self.x.T @ (p - np.where(self.right, p / mass, 0.0)) / self.n + l2 * w
            w -= rate * grad
        return w

    def accuracy(self, w: np.ndarray) -> float:
        """Share of examples whose top candidate (ties: the first, the latest) is right."""
        s = self.x @ w
        hits = 0
        for i, lo in enumerate(self.starts):
            hi = self.starts[i + 1] if i + 1 < self.n else len(s)
            hits += bool(self.right[lo + int(np.argmax(s[lo:hi]))])
        return hits / self.n


def vocabulary_of(examples: list[Example]) -> list[str]:
    counts: dict[str, int] = {}
    for cands, _ in examples:
        for name in {n for names in cands for n in names}:
            counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, n in counts.items() if n >= MIN_EXAMPLES)


def cross_validated(examples: list[Example], folds: int = 5) -> float:
    """Accuracy on each block of examples (whole articles, nearly: examples
    come in article order) of weights fitted on the others, over all blocks:
    the figure to compare features by without touching any holdout."""
    blocks = np.array_split(np.arange(len(examples)), folds)
    hits = 0.0
    for block in blocks:
        held = set(block.tolist())
        train = [e for i, e in enumerate(examples) if i not in held]
        test = [examples[i] for i in block]
        vocabulary = vocabulary_of(train)
        weights = Design(train, vocabulary).fit()
        hits += Design(test, vocabulary).accuracy(weights) * len(test)
    return hits / len(examples)


def learn(part: str | None, limit: int | None) -> str:
    """The weights file's text, after :data:`ROUNDS` rounds."""
    ranker = Ranker({})
    for round_ in range(1, ROUNDS + 1):
        examples = collect(ranker, "train", limit, part)
        design = Design(examples, vocabulary_of(examples))
        weights = design.fit()
        # as the file will hold them: four decimals
        ranker = Ranker({name: round(w, 4) for name, w
                         in zip(design.vocabulary, weights.tolist(), strict=True)})
        accuracy, baseline = design.accuracy(weights), design.accuracy(np.zeros_like(weights))
        print(f"round {round_}: {design.n} examples, train accuracy {accuracy:.3f} "
              f"(latest candidate {baseline:.3f})")
    print(f"5-fold cross-validated accuracy of the last round: {cross_validated(examples):.3f}")
    lines = [f"{name}\t{w:.4f}" for name, w in zip(design.vocabulary, weights, strict=True)
             if abs(w) >= 5e-5]
    return HEADER.format(examples=design.n, part=part or "whole", l2=L2, round=ROUNDS,
                         accuracy=accuracy, baseline=baseline) + "\n".join(lines) + "\n"


if __name__ == "__main__":
    args = sys.argv[1:]
    part: str | None = "tune"
    if args[:1] == ["--part"]:
        part, args = (None if args[1] == "all" else args[1]), args[2:]
    path = LEXICON_ROOT / WEIGHTS_FILE
    path.write_text(learn(part, int(args[0]) if args else None), encoding="utf-8")
    print(f"wrote {path}")
