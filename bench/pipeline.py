"""Benchmark of the whole analysis against a bare ``nlp.pipe``.

    .venv/bin/python bench/pipeline.py [--articles 40] [--seconds 120]

Whole analysis: ``raw_from_document`` + ``analyze_raw`` (clean, entities,
statements, events) per document, articles per second. Bare: ``nlp.pipe``
with the full model pipeline over the same clean texts, in the same process.
Both are timed after a warm-up; the ratio whole / bare is the figure (goal
at least 0.8). A per-stage split (clean, parse, entities and times,
statements, events) says where the rest goes.

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

from pipeline.nlp import dates, entities, events, statements  # noqa: E402
from pipeline.nlp.model import get_nlp, parse  # noqa: E402
from pipeline.process import analyze_raw, raw_from_document  # noqa: E402
from pipeline.text.clean import clean_article  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
PUBLISHED = "2022-07-28"


def documents(limit: int) -> list[tuple[str, bytes]]:
    """(name, bytes) of the news pages and the seed, up to ``limit``."""
    docs = [(p.name, p.read_bytes()) for p in sorted((SHARED / "seed").glob("*.txt"))]
    for path in sorted((SHARED / "cleaning/fundus_eval/dataset/html").glob("*.html.gz")):
        docs.append((path.name[:-3], gzip.decompress(path.read_bytes())))
    return docs[:limit]


def whole(docs, budget: float):
    """Articles/s of the whole analysis, and the clean articles it made."""
    cleans, start = [], time.perf_counter()
    for name, data in docs:
        result = analyze_raw(raw_from_document(data, name=name, published=PUBLISHED))
        cleans.append(result.article)
        if time.perf_counter() - start > budget:
            break
    return len(cleans) / (time.perf_counter() - start), cleans


def bare(texts: list[str]) -> float:
    nlp = get_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - start)


def stages(docs) -> dict[str, float]:
    """Seconds per stage over the documents, the way analyze() chains them."""
    spent = dict.fromkeys(("clean", "parse", "entities+times", "statements", "events"), 0.0)
    for name, data in docs:
        t0 = time.perf_counter()
        clean = clean_article(raw_from_document(data, name=name, published=PUBLISHED))
        t1 = time.perf_counter()
        doc = parse(clean)
        t2 = time.perf_counter()
        found = entities.extract_entities(doc, clean)
        times = dates.extract_times(doc, clean.published_at)
        t3 = time.perf_counter()
        said = statements.extract_statements(doc, clean, found)
        t4 = time.perf_counter()
        events.extract_events(doc, clean, found, said, times)
        t5 = time.perf_counter()
        for key, dt in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            spent[key] += dt
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seconds", type=float, default=120.0, help="budget per timed loop")
    args = ap.parse_args()
    docs = documents(args.articles)
    if not docs:
        sys.exit(f"no documents under {SHARED}")
    whole(docs[:2], args.seconds)  # warm-up: model load, lexicons, caches
    whole_rate, cleans = whole(docs, args.seconds)
    texts = [c.text for c in cleans]
    bare(texts[:2])
    bare_rate = bare(texts)
    chars = sum(len(t) for t in texts)
    print(f"articles: {len(texts)} ({chars / max(len(texts), 1):.0f} chars each on average)")
    print(f"whole analysis: {whole_rate:6.2f} articles/s")
    print(f"bare nlp.pipe:  {bare_rate:6.2f} articles/s")
    print(f"ratio:          {whole_rate / bare_rate:6.2f}  (goal >= 0.8)")
    spent = stages(docs[:len(texts)])
    total = sum(spent.values())
    print("stages: " + ", ".join(f"{k} {v / total:.0%}" for k, v in spent.items()))


if __name__ == "__main__":
    main()
