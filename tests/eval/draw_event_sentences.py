"""Draw news sentences for coding events by hand, from articles no event rule has seen.

conll_events' holdout part has been read once per extractor change, to
accept or drop it, so its figure is no longer that of news nothing was
chosen on, and the CoNLL-2003 documents that are not sports copy are all
used by one event set or another. This draws a fresh set from the 80
articles of fundus_eval (``../shared/data/cleaning``: 16 English
publishers, crawled 2024), whose hand-extracted bodies only the cleaning
gate reads: at random with a fixed seed, at most :data:`PER_ARTICLE`
sentences per article that is not sports copy, among sentences of 12 to 45
tokens, not in an optional paragraph (credits, disclaimers), that name two
entities or more (spaCy's model alone, not the pipeline), one of them a
person, an organisation or a place.

A sentence's id is ``fundus:<file>:<paragraph>:<start>-<end>`` (character
offsets in the ground-truth paragraph). Writes ``id<TAB>text`` lines for the
annotators, outside the repository (the texts are the publishers')::

    .venv/bin/python -m tests.eval.draw_event_sentences 300 /tmp/fresh/sentences.tsv
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from pipeline.nlp.entities import is_sports
from pipeline.nlp.parsing.model import get_nlp
from tests.shared_data import SHARED_DATA

GROUND_TRUTH = SHARED_DATA / "cleaning" / "fundus_eval" / "dataset" / "ground_truth.json"
SEED = 20261207
MIN_TOKENS, MAX_TOKENS = 12, 45
PER_ARTICLE = 4
_PARTIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_CORE = frozenset({"PERSON", "ORG", "GPE", "LOC"})


def bodies() -> dict[str, list[str]]:
    """Article name (file name without ``.html.gz``) -> its paragraphs."""
    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    return {name.removesuffix(".html.gz"): entry["body"] for name, entry in sorted(truth.items())}


def sentence_text(sid: str, articles: dict[str, list[str]] | None = None) -> str:
    """The text of a sentence by its id."""
    _, name, paragraph, span = sid.split(":")
    start, end = (int(x) for x in span.split("-"))
    return (articles or bodies())[name][int(paragraph)][start:end]


def candidates(name: str, paragraphs: list[str]) -> list[tuple[str, str]]:
    nlp = get_nlp()
    out = []
    for p, text in enumerate(paragraphs):
        if text.startswith("[") and text.endswith("]"):
            continue  # optional: credits, disclaimers, key-point boxes
        for sent in nlp(text).sents:
            words = [t for t in sent if not t.is_punct and not t.is_space]
            kinds = [e.label_ for e in sent.ents if e.label_ in _PARTIES]
            if MIN_TOKENS <= len(words) <= MAX_TOKENS and len(kinds) >= 2 and _CORE & set(kinds):
                start, end = sent.start_char, sent.end_char
                out.append((f"fundus:{name}:{p}:{start}-{end}", text[start:end].strip()))
    return out


def draw(n: int) -> list[tuple[str, str]]:
    rng = random.Random(SEED)
    pool = []
    for name, paragraphs in bodies().items():
        if is_sports("\n".join(paragraphs), paragraphs[0] if paragraphs else ""):
            continue
        eligible = candidates(name, paragraphs)
        pool.extend(rng.sample(eligible, min(PER_ARTICLE, len(eligible))))
    return sorted(rng.sample(pool, min(n, len(pool))))


def main() -> None:
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    out.parent.mkdir(parents=True, exist_ok=True)
    drawn = draw(n)
    out.write_text("".join(f"{sid}\t{text}\n" for sid, text in drawn), encoding="utf-8")
    print(f"wrote {len(drawn)} sentences to {out}")


if __name__ == "__main__":
    main()
