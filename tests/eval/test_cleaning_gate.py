"""Quality gate for the clean stage (issue 4), in the style of trafilatura's CI gate.

1. fundus_eval (80 English pages, 16 publishers, hand-extracted bodies):
   ROUGE-LSum of ``clean_article``'s body paragraphs against the ground truth,
   scored exactly as the Fundus benchmark scores (tests/eval/rouge.py). The
   scorer is first calibrated on the stored extractions of other tools
   against their published means, so a scorer drift cannot pass for a
   cleaning change. Bare trafilatura is scored in the same run for comparison.
2. The seed article: teaser, infobox fragment and glued words gone, section
   headings and pull quotes classified, every real sentence kept.

Run: ``.venv/bin/python -m pytest -q tests/eval/test_cleaning_gate.py -s``
"""
from __future__ import annotations

import re

import pytest

from pipeline.records import RawArticle
from pipeline.text.clean import clean_article
from tests.eval.cleaning import FUNDUS_EVAL, by_part, clean_body, evaluate, trafilatura_body
from tests.eval.rouge import PUBLISHED_F1, FundusEval, mean, score_extractions

pytestmark = pytest.mark.eval

#: Measured 2026-11-28 (clean/1 + issue-4 rules, trafilatura 2.3.1): ROUGE-LSum
#: P 97.56 R 97.69 F1 96.52 on all 80 pages; by part (tests/eval/splits.py),
#: measured 2026-12-03: tune F1 96.41, holdout F1 96.78 (bare trafilatura
#: 93.76 / 94.62). Each floor is its F1 minus one point. The rules of issue 4
#: were written before the cut, so the holdout is unseen only from then on.
FLOOR_F1 = {"all": 95.52, "tune": 95.41, "holdout": 95.78}
#: Stored extractions must reproduce the published means to this many points.
CALIBRATION_TOLERANCE = 0.02


@pytest.fixture(scope="module")
def fundus(shared_data) -> FundusEval:
    if not (FUNDUS_EVAL / "dataset" / "ground_truth.json").is_file():
        pytest.skip(f"fundus_eval not found at {FUNDUS_EVAL}")
    return FundusEval(FUNDUS_EVAL)


@pytest.mark.parametrize("tool", ["trafilatura", "fundus"])
def test_scorer_reproduces_published_scores(fundus, tool):
    m = mean(score_extractions(fundus.ground_truth(), fundus.extractions(tool)).values())
    print(f"\n{tool} (stored extraction): P {m.precision:.2f} R {m.recall:.2f} F1 {m.f1:.2f} "
          f"(published F1 {PUBLISHED_F1[tool]:.2f})")
    assert abs(m.f1 - PUBLISHED_F1[tool]) <= CALIBRATION_TOLERANCE


@pytest.fixture(scope="module")
def rouge_by_part(fundus):
    ours = by_part(evaluate(fundus, clean_body))
    bare = by_part(evaluate(fundus, lambda name, html, url: trafilatura_body(html)))
    for part in FLOOR_F1:
        o, b = ours[part], bare[part]
        print(f"\n{part:8s} clean_article ROUGE-LSum P {o.precision:.2f} R {o.recall:.2f} "
              f"F1 {o.f1:.2f} (floor {FLOOR_F1[part]:.2f}); bare trafilatura F1 {b.f1:.2f}")
    return ours, bare


@pytest.mark.parametrize("part", sorted(FLOOR_F1))
def test_clean_stage_rouge_lsum_gate(rouge_by_part, part):
    ours, bare = rouge_by_part
    assert ours[part].f1 >= FLOOR_F1[part]
    assert ours[part].f1 > bare[part].f1


# ---- the seed article (issue 4) -------------------------------------------------

SEED_HEADINGS = ["Three topics for negotiation", "Russian Foreign Ministry response",
                 "Reluctance to contact on the G20"]


@pytest.fixture(scope="module")
def seed(shared_data):
    path = shared_data / "seed" / "000_be4580497953cbc3.txt"
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    text = path.read_text("utf-8")
    title = text.split("\n", 1)[0]
    raw = RawArticle(id="be4580497953cbc3", feed_url=None, source=None,
                     url="https://example.org/seed", guid=None, title=title, summary=None,
                     content=text, content_type="text/plain", language=None,
                     published_at="2022-07-28T00:00:00Z", fetched_at="2022-07-28T00:00:00Z")
    return text, clean_article(raw)


def _paragraphs(article, kind):
    return [article.text[p.start:p.end] for p in article.paragraphs if p.kind == kind]


def test_seed_artifacts_are_gone(seed):
    _, article = seed
    assert "See also" not in article.text and "Carfagna" not in article.text
    assert "fifteenFebruary" not in article.text
    assert "took place\n" not in article.text  # the infobox fragment as a whole
    assert not re.search(r"[a-z]{3}[A-Z][a-z]{2,}", article.text), "glued words left"
    assert "MinistryOfficial" not in article.text
    assert not article.text.rstrip().endswith("Reuters.")


def test_seed_headings_and_pull_quotes(seed):
    _, article = seed
    assert _paragraphs(article, "heading") == SEED_HEADINGS
    quotes = _paragraphs(article, "pull_quote")
    assert len(quotes) >= 5
    assert any(q.endswith("Ned Price US State Department official") for q in quotes)
    assert any("Maria Zakharova official representative" in q for q in quotes)


def test_seed_real_sentences_survive(seed):
    text, article = seed
    kept = " ".join(article.text.split())
    for sentence in ("The last time they spoke by phone was February 15.",
                     "Price noted that Moscow confirmed receipt of a request from colleagues.",
                     "The State Department invited Moscow to discuss three topics.",
                     "Blinken does not plan to meet with the Russian foreign minister",
                     "The head of state also noted that Russia cannot feel safe"):
        assert sentence in kept
    # Every paragraph of the seed without an artefact is kept whole.
    for para in text.split("\n\n")[2:]:
        if not re.search(r"See also|fifteenFebruary|MinistryOfficial|official$|Minister$", para):
            assert " ".join(para.split()) in kept
