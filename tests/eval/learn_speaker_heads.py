"""Learn which kind of entity a description names, from PolNeAR train.

"The ministry said", "the newspaper reported", "the senator added": the
head noun of a definite description says whether it stands for a person,
an organisation or a state, or for nobody the article names ("the
statement", "the poll", "the lawsuit": things, which a statement must not
pin on whoever was mentioned last). For every gold Source of train's tune
part that is a definite description annotated by hand
(tests/eval/data/polnear_referents.tsv), count the spaCy entity label of
its referent (the label of an entity of the article with the referent's
last name), or "nobody" where the article names none. A head seen at least
:data:`MIN_SEEN` times is kept as ``NONE`` when fewer than
:data:`MIN_NAMED` of its referents are named, else with every label of at
least :data:`MIN_SHARE` of its named referents. Train tune only: dev and
train holdout are for measuring.

Writes ``pipeline/nlp/entities/lexicons/speaker_heads.tsv``:
``.venv/bin/python -m tests.eval.learn_speaker_heads [LIMIT]``
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict

from pipeline.nlp.lexicon import LEXICON_ROOT
from tests.eval.polnear import load_split, to_clean
from tests.eval.polnear_speakers import SourceInfo, hand_referent, same_referent
from tests.eval.splits import part_of

MIN_SEEN = 2
MIN_SHARE = 0.3
MIN_NAMED = 0.4
#: A head is NONE only on this much evidence: a few anonymous officials do
#: not make every official anonymous.
MIN_SEEN_NONE = 4
NOBODY = "NONE"
#: The kinds of entity a speaker can be.
KINDS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_WORD = re.compile(r"\w+")
HEADER = """\
# Head nouns of definite descriptions that name a speaker ("the ministry
# said") and the entity types they stand for, or NONE for heads that stand
# for nobody the article names ("the statement"), learned from the hand
# referents of PolNeAR train tune by tests/eval/learn_speaker_heads.py
# (regenerate with it, do not edit by hand): per head seen at least {seen}
# times, NONE when under {named:.0%} of its referents are named (on at least
# {seen_none} seen), else each
# label of at least {share:.0%} of the named ones.
# head	types	times seen
"""


def referent_kind(entities, names: tuple[str, ...]) -> str | None:
    """The type our extractor gave the referent: of the first of the
    article's entities that is one of ``names`` (:func:`same_referent`),
    else of the first whose last word is a word of one ("Clinton" for
    "Clinton campaign"), else None."""
    for match in (same_referent, _shares_a_word):
        for entity in entities:
            if entity.type in KINDS and any(match(entity.name, name) for name in names):
                return entity.type
    return None


def _shares_a_word(name: str, referent: str) -> bool:
    words = _WORD.findall(name.lower())
    return bool(words) and words[-1] in _WORD.findall(referent.lower())


def learn(limit: int | None = None) -> dict[str, Counter]:
    """head noun -> Counter of the entity labels of its referents (NONE: nobody)."""
    from pipeline.nlp.entities.extract import extract_entities
    from pipeline.nlp.parsing.model import parse

    seen: dict[str, Counter] = defaultdict(Counter)
    for doc in load_split("train", limit):
        if part_of(doc.name) != "tune":
            continue
        clean = to_clean(doc)
        parsed = parse(clean)
        entities = extract_entities(parsed, clean)
        for gold in doc.gold:
            hand = hand_referent(doc.name, gold.source)
            if hand is None or not hand.sure:
                continue
            info = SourceInfo(parsed, doc.text, gold.source)
            if info.pronoun or not info.head:
                continue
            kind = referent_kind(entities, hand.names) if hand.names else NOBODY
            if kind is not None:
                seen[info.head][kind] += 1
    return seen


def rows(seen: dict[str, Counter]) -> list[str]:
    out = []
    for head, labels in sorted(seen.items()):
        total = sum(labels.values())
        named = total - labels[NOBODY]
        if total < MIN_SEEN:
            continue
        if named < MIN_NAMED * total:
            if total >= MIN_SEEN_NONE:
                out.append(f"{head}\t{NOBODY}\t{total}")
            continue
        kept = [k for k, n in labels.most_common() if k != NOBODY and n / named >= MIN_SHARE]
        out.append(f"{head}\t{','.join(kept)}\t{total}")
    return out


if __name__ == "__main__":
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    lines = rows(learn(limit))
    path = LEXICON_ROOT / "entities/lexicons/speaker_heads.tsv"
    path.write_text(HEADER.format(seen=MIN_SEEN, share=MIN_SHARE, named=MIN_NAMED, seen_none=MIN_SEEN_NONE)
                    + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(lines)} heads)")
