"""Benchmark of the whole analysis against a bare ``nlp.pipe``.

    .venv/bin/python bench/pipeline.py [--articles 40] [--seconds 120] [--rounds 3]

Whole analysis: ``raw_from_document`` + ``analyze_raw`` (clean, entities,
statements, events) per document, articles per second; and the batch form
(clean each, then ``analyze_many`` over all). Bare: ``nlp.pipe`` of the
*stock* model (``spacy.load``, the full pipeline, none of our changes) over
the same clean texts, in the same process, at batch size 16 and at the
model's default, the faster counting. Everything is timed after a warm-up,
``--rounds`` times interleaved, best round kept, in wall time and in CPU
time of this process (the CPU figure is steadier on a shared machine). The
ratio whole / bare is the figure (goal at least 0.8). A per-stage split
(clean, parse, entities and times, statements, events) says where the rest
goes.

Texts: the fundus_eval news pages (HTML, so the clean stage does real work)
and the seed, from ../shared/data; nothing is copied into the repository.
Run time is bounded by ``--articles`` and ``--seconds`` (each loop stops
when the budget is spent and reports what it measured).
"""
from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import spacy  # noqa: E402

from pipeline.nlp.analyze import analyze_many, extract  # noqa: E402
from pipeline.nlp.parsing import MODEL_NAME, parse  # noqa: E402
from pipeline.process import analyze_raw, raw_from_document  # noqa: E402
from pipeline.text.clean import clean_article  # noqa: E402
from tests.shared_data import SHARED_DATA  # noqa: E402

SHARED = SHARED_DATA
PUBLISHED = "2022-07-28"


def documents(limit: int) -> list[tuple[str, bytes]]:
    """(name, bytes) of the news pages and the seed, up to ``limit``."""
    docs = [(p.name, p.read_bytes()) for p in sorted((SHARED / "seed").glob("*.txt"))]
    for path in sorted((SHARED / "cleaning/fundus_eval/dataset/html").glob("*.html.gz")):
        docs.append((path.name[:-3], gzip.decompress(path.read_bytes())))
    return docs[:limit]


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _rates(n: int, began: tuple[float, float]) -> tuple[float, float]:
    """(articles per wall second, articles per CPU second) since ``began``."""
    wall, cpu = _clock()
    return n / (wall - began[0]), n / (cpu - began[1])


def whole(docs, budget: float):
    """Rates of the whole analysis one article at a time (as the extract
    agent runs it), and the clean articles it made."""
    cleans, began = [], _clock()
    for name, data in docs:
        result = analyze_raw(raw_from_document(data, name=name, published=PUBLISHED))
        cleans.append(result.article)
        if time.perf_counter() - began[0] > budget:
            break
    return _rates(len(cleans), began), cleans


def whole_batch(docs) -> tuple[float, float]:
    """Rates of clean-each then one ``analyze_many`` over the batch."""
    began = _clock()
    cleans = [clean_article(raw_from_document(d, name=n, published=PUBLISHED))
              for n, d in docs]
    analyze_many(cleans)
    return _rates(len(cleans), began)


def bare(stock, texts: list[str]) -> tuple[float, float]:
    """The faster of batch size 16 and the model's default batch size."""
    best = (0.0, 0.0)
    for size in (16, stock.batch_size):
        began = _clock()
        for _ in stock.pipe(texts, batch_size=size):
            pass
        best = max(best, _rates(len(texts), began))
    return best


def timed_extract(doc, clean, clock=time.perf_counter) -> dict[str, float]:
    """Seconds (by ``clock``) each step of ``analyze.extract`` took on one parsed article."""
    spent: dict[str, float] = {}
    last = clock()

    def lap(step: str) -> None:
        nonlocal last
        now = clock()
        spent[step], last = now - last, now
    extract(doc, clean, lap=lap)
    return spent


def stages(docs) -> dict[str, float]:
    """Seconds per stage over the documents: clean, parse, then extract's steps."""
    spent = dict.fromkeys(("clean", "parse", "entities+times", "statements", "events"), 0.0)
    for name, data in docs:
        t0 = time.perf_counter()
        clean = clean_article(raw_from_document(data, name=name, published=PUBLISHED))
        t1 = time.perf_counter()
        doc = parse(clean)
        spent["clean"] += t1 - t0
        spent["parse"] += time.perf_counter() - t1
        for step, seconds in timed_extract(doc, clean).items():
            spent[step] += seconds
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seconds", type=float, default=120.0, help="budget per timed loop")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds, best kept")
    args = ap.parse_args()
    docs = documents(args.articles)
    if not docs:
        sys.exit(f"no documents under {SHARED}")
    stock = spacy.load(MODEL_NAME)
    whole(docs[:2], args.seconds)  # warm-up: model load, lexicons, caches
    _, cleans = whole(docs, args.seconds)
    texts = [c.text for c in cleans]
    docs = docs[:len(texts)]
    bare(stock, texts[:2])
    rates = {"whole": [], "batch": [], "bare": []}
    for _ in range(args.rounds):
        rates["whole"].append(whole(docs, args.seconds)[0])
        rates["batch"].append(whole_batch(docs))
        rates["bare"].append(bare(stock, texts))
    best = {k: (max(r[0] for r in v), max(r[1] for r in v)) for k, v in rates.items()}
    chars = sum(len(t) for t in texts)
    print(f"articles: {len(texts)} ({chars / max(len(texts), 1):.0f} chars each on average)")
    print("                      wall art/s  cpu art/s")
    for key, label in (("whole", "whole analysis"), ("batch", "whole, analyze_many"),
                       ("bare", "bare nlp.pipe (stock)")):
        print(f"{label:22s} {best[key][0]:9.2f} {best[key][1]:10.2f}")
    for key, label in (("whole", "ratio"), ("batch", "ratio, analyze_many")):
        print(f"{label:22s} {best[key][0] / best['bare'][0]:9.2f} "
              f"{best[key][1] / best['bare'][1]:10.2f}  (goal >= 0.8)")
    spent = stages(docs)
    total = sum(spent.values())
    print("stages: " + ", ".join(f"{k} {v / total:.0%}" for k, v in spent.items()))


if __name__ == "__main__":
    main()
