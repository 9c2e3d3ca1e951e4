"""Score the clean stage (and bare trafilatura) on fundus_eval with the benchmark's ROUGE-LSum.

``python -m tests.eval.cleaning [--pages] [--baseline]`` prints the mean
precision, recall and F1 (x100) of the tune part, the holdout part and all
pages (tests/eval/splits.py cuts them by page name), and with ``--pages`` the
per-page F1 of the tune part, worst first, which is the view to work from
when changing the clean stage. The holdout pages are only ever averaged.
"""
from __future__ import annotations

import argparse

from pipeline.records import RawArticle
from pipeline.text import UnusableContent
from pipeline.text.clean import clean_article
from tests.eval.rouge import FundusEval, Score, mean, score_article
from tests.eval.splits import PARTS, part_of
from tests.shared_data import SHARED_DATA

FUNDUS_EVAL = SHARED_DATA / "cleaning" / "fundus_eval"
#: Paragraph kinds that count as the article body. Captions are not part of
#: the hand-extracted bodies; headings, pull quotes and body text are.
BODY_KINDS = ("body", "heading", "pull_quote")


def raw_page(name: str, html: str, url: str) -> RawArticle:
    """A page as the poller would deliver it: fetched HTML, title unknown to the feed."""
    return RawArticle(
        id=name.split(".")[0], feed_url=None, source=None, url=url, guid=None, title="",
        summary=None, content=html, content_type="text/html", language=None,
        published_at=None, fetched_at="2024-03-01T00:00:00Z")


def clean_body(name: str, html: str, url: str) -> list[str]:
    """The paragraphs the clean stage keeps as body; [] when it rejects the page."""
    try:
        article = clean_article(raw_page(name, html, url))
    except UnusableContent:
        return []
    return [article.text[p.start:p.end] for p in article.paragraphs if p.kind in BODY_KINDS]


def trafilatura_body(html: str) -> list[str]:
    """Bare ``trafilatura.extract`` with its defaults, split into paragraphs at line breaks."""
    import trafilatura

    text = trafilatura.extract(html) or ""
    return [line for line in text.split("\n") if line.strip()]


def evaluate(data: FundusEval, extract) -> dict[str, Score]:
    """Per-page scores of ``extract(name, html, url) -> paragraphs``."""
    truth = data.ground_truth()
    return {name: score_article(truth[name]["body"], extract(name, html, truth[name]["url"]))
            for name, html in data.pages()}


def by_part(scores: dict[str, Score]) -> dict[str, Score]:
    """Mean score of each part and of all pages: {"tune", "holdout", "all"}."""
    means = {part: mean(s for name, s in scores.items() if part_of(name) == part)
             for part in PARTS}
    means["all"] = mean(scores.values())
    return means


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", action="store_true", help="per-page F1, worst first")
    parser.add_argument("--baseline", action="store_true", help="also bare trafilatura")
    args = parser.parse_args()
    data = FundusEval(FUNDUS_EVAL)
    runs = {"clean_article": clean_body}
    if args.baseline:
        runs["trafilatura"] = lambda name, html, url: trafilatura_body(html)
    for label, extract in runs.items():
        scores = evaluate(data, extract)
        for part, m in by_part(scores).items():
            print(f"{label:14s} {part:8s} P {m.precision:6.2f} R {m.recall:6.2f} F1 {m.f1:6.2f}")
        if args.pages:
            tune = {name: s for name, s in scores.items() if part_of(name) == "tune"}
            for name, s in sorted(tune.items(), key=lambda kv: kv[1].f1)[:25]:
                print(f"   {name:32s} P {100 * s.precision:6.2f} R {100 * s.recall:6.2f} "
                      f"F1 {100 * s.f1:6.2f}")


if __name__ == "__main__":
    main()
