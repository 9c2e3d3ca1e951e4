"""Learn the gender that given names carry, from PolNeAR train.

"She said" should not go to Elizabeth Warren's colleague because the
pronouns near her name in one article happened to be "his". Over many
articles a given name's people are referred to by "he" or "she"
consistently: for every PERSON with a name of two words or more in each
train article, the gender that article's own evidence shows
(:func:`pipeline.nlp.entities.gender.genders`) is a vote for the first word of the
name. A name voted in at least :data:`MIN_ARTICLES` articles with at least
:data:`MIN_AGREEMENT` of the votes for one gender is kept. Train only.

Writes ``pipeline/nlp/entities/lexicons/given_names.tsv``:
``.venv/bin/python -m tests.eval.learn_given_names [LIMIT]``
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict

from pipeline.nlp.lexicon import LEXICON_ROOT
from tests.eval.polnear import load_split, to_clean

MIN_ARTICLES = 3
MIN_AGREEMENT = 0.8
HEADER = """\
# Given names and the gender their bearers are referred to with, learned
# from PolNeAR train by tests/eval/learn_given_names.py (regenerate with it,
# do not edit by hand): one vote per article and person named with two words
# or more, from that article's own evidence; kept when voted in at least
# {articles} articles, {agreement:.0%} of them for one gender.
# name	gender	articles
"""


def learn(limit: int | None = None) -> dict[str, Counter]:
    """given name -> Counter of "m" / "f" votes, one per article and person."""
    from pipeline.nlp.entities.extract import extract_entities
    from pipeline.nlp.entities.gender import genders
    from pipeline.nlp.entities.resolve import EntityIndex
    from pipeline.nlp.parsing.model import parse

    votes: dict[str, Counter] = defaultdict(Counter)
    for doc in load_split("train", limit):
        clean = to_clean(doc)
        parsed = parse(clean)
        entities = extract_entities(parsed, clean)
        found = genders(doc.text, EntityIndex(entities).spans)
        for entity in entities:
            words = entity.name.split()
            if entity.type == "PERSON" and len(words) > 1 and entity.id in found:
                votes[words[0].lower()][found[entity.id]] += 1
    return votes


def rows(votes: dict[str, Counter]) -> list[str]:
    out = []
    for name, tally in sorted(votes.items()):
        gender, top = tally.most_common(1)[0]
        total = sum(tally.values())
        if total >= MIN_ARTICLES and top / total >= MIN_AGREEMENT and name.isalpha():
            out.append(f"{name}\t{gender}\t{total}")
    return out


if __name__ == "__main__":
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    lines = rows(learn(limit))
    path = LEXICON_ROOT / "entities/lexicons/given_names.tsv"
    path.write_text(HEADER.format(articles=MIN_ARTICLES, agreement=MIN_AGREEMENT)
                    + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(lines)} names)")
