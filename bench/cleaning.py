"""Benchmark of the clean stage on the fundus_eval pages (issue 4).

Throughput: pages per second of ``clean_article`` against bare
``trafilatura.extract`` (its defaults, text output) on the same pages in the
same run, interleaved page by page so both see the same machine state; the
goal is a ratio of at least 0.8. Memory: each child process cleans N articles
(cycling the 80 pages) and reports its peak RSS (ru_maxrss), so a leak or an
unbounded cache shows as a peak that grows with N; the goal is flat.

    .venv/bin/python -m bench.cleaning                 # throughput, 2 rounds
    .venv/bin/python -m bench.cleaning --articles 10000  # plus memory up to 10,000

Run time is bounded by --rounds and --articles (about 0.04 s per article,
the memory children running in parallel).
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from tests.shared_data import SHARED_DATA

ROOT = Path(__file__).resolve().parent.parent
PAGES = SHARED_DATA / "cleaning" / "fundus_eval" / "dataset" / "html"


def load_pages() -> list[tuple[str, str]]:
    return [(p.name, gzip.decompress(p.read_bytes()).decode("utf-8"))
            for p in sorted(PAGES.glob("*.html.gz"))]


def raw(name: str, html: str):
    from pipeline.records import RawArticle

    return RawArticle(id=name, feed_url=None, source=None, url=f"https://example.org/{name}",
                      guid=None, title="", summary=None, content=html,
                      content_type="text/html", language=None, published_at=None,
                      fetched_at="2024-03-01T00:00:00Z")


def clean(name: str, html: str) -> None:
    from pipeline.text import UnusableContent
    from pipeline.text.clean import clean_article

    with contextlib.suppress(UnusableContent):  # a page with no article is timed all the same
        clean_article(raw(name, html))


def throughput(pages: list[tuple[str, str]], rounds: int) -> dict:
    import trafilatura

    clean(*pages[0])  # warm-up: imports, language model load
    trafilatura.extract(pages[0][1])
    spent = {"clean_article": 0.0, "trafilatura": 0.0}
    for _ in range(rounds):
        for name, html in pages:
            t = time.perf_counter()
            trafilatura.extract(html)
            spent["trafilatura"] += time.perf_counter() - t
            t = time.perf_counter()
            clean(name, html)
            spent["clean_article"] += time.perf_counter() - t
    n = rounds * len(pages)
    rates = {k: n / v for k, v in spent.items()}
    return {"pages": n, **{f"{k}_pages_per_s": round(v, 2) for k, v in rates.items()},
            "ratio": round(rates["clean_article"] / rates["trafilatura"], 3)}


def memory_child(articles: int) -> None:
    """Clean ``articles`` pages (cycling) and print the peak RSS in MiB as JSON."""
    pages = load_pages()
    start = time.perf_counter()
    for i in range(articles):
        clean(*pages[i % len(pages)])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"articles": articles, "peak_rss_mib": round(peak, 1),
                      "seconds": round(time.perf_counter() - start, 1)}))


def memory(max_articles: int) -> list[dict]:
    """Peak RSS of fresh processes cleaning 80, ..., max_articles articles.

    The children run side by side: each one's peak RSS is its own, and the
    wall time is that of the largest run (10,000 articles: ~6-10 minutes)
    instead of the sum of all of them.
    """
    sizes = sorted({n for n in (80, 1000, max_articles // 2, max_articles) if 0 < n <= max_articles})
    procs = [subprocess.Popen([sys.executable, "-m", "bench.cleaning", "--child", str(n)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True) for n in sizes]
    out = []
    for proc in procs:
        stdout, _ = proc.communicate()
        if proc.returncode:
            raise subprocess.CalledProcessError(proc.returncode, proc.args, stdout)
        out.append(json.loads(stdout.strip().splitlines()[-1]))
        print(json.dumps(out[-1]), flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2, help="passes over the 80 pages")
    parser.add_argument("--articles", type=int, default=0,
                        help="memory check up to this many articles (0: skip)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        memory_child(args.child)
        return
    if not PAGES.is_dir():
        sys.exit(f"fundus_eval pages not found at {PAGES}")
    print(json.dumps(throughput(load_pages(), args.rounds)), flush=True)
    if args.articles:
        runs = memory(args.articles)
        growth = runs[-1]["peak_rss_mib"] - runs[0]["peak_rss_mib"]
        print(json.dumps({"peak_rss_growth_mib": round(growth, 1)}))


if __name__ == "__main__":
    main()
