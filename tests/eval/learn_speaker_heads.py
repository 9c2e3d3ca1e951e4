"""Learn which kind of entity a description names, from PolNeAR train.

"The ministry said", "the newspaper reported", "the senator added": the
head noun of a definite description says whether it stands for a person,
an organisation or a state. For every gold Source of train that is a
definite description with a referent (:mod:`tests.eval.polnear_speakers`),
count the spaCy entity label of the referent's head; a head seen at least
:data:`MIN_SEEN` times keeps every label with at least :data:`MIN_SHARE`
of its referents. Train only: dev is for measuring.

Writes ``pipeline/nlp/entities/lexicons/speaker_heads.tsv``:
``.venv/bin/python -m tests.eval.learn_speaker_heads [LIMIT]``
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict

from pipeline.nlp.lexicon import LEXICON_ROOT
from tests.eval.polnear import load_split, to_clean
from tests.eval.polnear_speakers import SourceInfo, referent_sources

MIN_SEEN = 2
MIN_SHARE = 0.3
#: The kinds of entity a speaker can be.
KINDS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}
HEADER = """\
# Head nouns of definite descriptions that name a speaker ("the ministry
# said") and the entity types they stand for, learned from PolNeAR train by
# tests/eval/learn_speaker_heads.py (regenerate with it, do not edit by
# hand): the label of the referent each such gold Source has, kept per head
# seen at least {seen} times for each label of at least {share:.0%} of them.
# head	types	times seen
"""


def learn(limit: int | None = None) -> dict[str, Counter]:
    """head noun -> Counter of the entity labels of its referents."""
    from pipeline.nlp.parsing.model import parse

    seen: dict[str, Counter] = defaultdict(Counter)
    for doc in load_split("train", limit):
        parsed = parse(to_clean(doc))
        sources = [g.source for g in doc.gold]
        for source, referent in zip(sources, referent_sources(parsed, doc.text, sources), strict=True):
            if referent is None or referent.kind not in KINDS:
                continue
            info = SourceInfo(parsed, doc.text, source)
            if not info.pronoun and info.head:
                seen[info.head][KINDS[referent.kind]] += 1
    return seen


def rows(seen: dict[str, Counter]) -> list[str]:
    out = []
    for head, labels in sorted(seen.items()):
        total = sum(labels.values())
        kept = [k for k, n in labels.most_common() if n / total >= MIN_SHARE]
        if total >= MIN_SEEN and kept:
            out.append(f"{head}\t{','.join(kept)}\t{total}")
    return out


if __name__ == "__main__":
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    lines = rows(learn(limit))
    path = LEXICON_ROOT / "entities/lexicons/speaker_heads.tsv"
    path.write_text(HEADER.format(seen=MIN_SEEN, share=MIN_SHARE) + "\n".join(lines) + "\n",
                    encoding="utf-8")
    print(f"wrote {path} ({len(lines)} heads)")
