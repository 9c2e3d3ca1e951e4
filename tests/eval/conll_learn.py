"""Entity lexicons learned from the tune part of the CoNLL-2003 TRAIN split
(never its holdout part, which scores them on unseen news, nor dev or test).

Three lists, each written with a header saying how it was made:

- ``learned_names.tsv``: names the train split labels often and nearly
  always with one type (outside sports copy, where clubs are learned apart),
  with their count and that type's share: known organisations such as news
  agencies and companies, and people and places the registry lacks.
- ``first_names.tsv``: first words that open people's names ("Giovanni").
- ``org_heads.tsv``: the last word of multi-word names ("Party", "Ministry",
  "Corp") and the word before "of" ("Bank of ...", "Ministry of ...") that
  make a name an organisation, with their count and ORG share.

Regenerate all three:
    python -m tests.eval.conll_learn
"""
from __future__ import annotations

from collections import Counter

from tests.eval import conll

LEXICONS = conll.__file__.rsplit("/tests/", 1)[0] + "/pipeline/nlp/entities/lexicons/"
#: How often and how consistently a name must be labelled to be learned.
MIN_NAME_COUNT = 3
MIN_NAME_SHARE = 0.9
#: The same for a head word, over all the names it ends or heads.
MIN_HEAD_COUNT = 5
MIN_HEAD_SHARE = 0.9
#: The same for a first name, over the people's names it opens.
MIN_FIRST_NAME_COUNT = 2
MIN_FIRST_NAME_SHARE = 0.95

NAMES_HEADER = f"""\
# Names the tune part of the CoNLL-2003 TRAIN split (never its holdout,
# dev or test) labels at least
# {MIN_NAME_COUNT} times outside sports copy, with one type in at least
# {MIN_NAME_SHARE:.0%} of all their labelled occurrences (sports copy included), and
# that the place registry does not already know.
# surface (case-folded)<TAB>CoNLL type<TAB>count<TAB>share<TAB>scan: 1 for
# several words, or one word never written in lower case there, so that an
# untagged capitalised occurrence in an article may be added as a mention.
# Regenerate: python -m tests.eval.conll_learn
"""
HEADS_HEADER = f"""\
# Words that make a name an organisation, learned from the tune part of the
# CoNLL-2003 TRAIN split (never its holdout, dev or test): the last word of
# multi-word names, and the word before "of" inside them ("ministry" in "Ministry of Defence"), kept
# when at least {MIN_HEAD_COUNT} distinct names carry it, at least {MIN_HEAD_SHARE:.0%} of them are ORG,
# and it is not itself a place the registry knows ("Dynamo Moscow").
# position (last|of)<TAB>word (case-folded)<TAB>names<TAB>ORG share
# Regenerate: python -m tests.eval.conll_learn
"""
FIRST_NAMES_HEADER = f"""\
# First names learned from the tune part of the CoNLL-2003 TRAIN split
# (never its holdout, dev or test):
# first words of multi-word names that open at least {MIN_FIRST_NAME_COUNT} distinct people's
# names, open a person's name in at least {MIN_FIRST_NAME_SHARE:.0%} of the names they open,
# and are never written in lower case there ("will", "mark" are dropped).
# word (case-folded)<TAB>names<TAB>PER share
# Regenerate: python -m tests.eval.conll_learn
"""


def _labelled(split: str):
    """(surface, CoNLL type, in sports copy) of every gold name of ``split``."""
    from pipeline.nlp.entities.sports import is_sports
    for i, doc in conll.read_part(split, conll.LEARN_PART):
        clean, _ = conll.article(doc, i)
        in_sports = is_sports(clean.text, clean.title)
        for s, a, b, kind in doc.gold():
            yield doc.sentences[s][a:b], kind, in_sports


def learn_names(split: str = "train") -> list[tuple[str, str, int, float]]:
    from pipeline.nlp.entities.registry import default_registry
    registry = default_registry()
    labels: dict[str, Counter] = {}
    outside_sports: Counter = Counter()
    for words, kind, in_sports in _labelled(split):
        surface = " ".join(words).casefold()
        labels.setdefault(surface, Counter())[kind] += 1
        outside_sports[surface] += not in_sports
    words = _lower_case_words(split)
    out = []
    for name, counts in labels.items():
        kind, n = counts.most_common(1)[0]
        share = n / sum(counts.values())
        if (outside_sports[name] >= MIN_NAME_COUNT and share >= MIN_NAME_SHARE
                and kind != "MISC" and len(name) > 2 and registry.lookup(name) is None):
            scan = int(" " in name or name not in words)
            out.append((name, kind, sum(counts.values()), share, scan))
    return sorted(out)


def _lower_case_words(split: str) -> set[str]:
    """Words ``split`` also writes in lower case: capitalised, one of them
    may just open a sentence ("Best", "Blind")."""
    return {w for _, doc in conll.read_part(split, conll.LEARN_PART) for sent in doc.sentences
            for w in sent if w.islower()}


def learn_heads(split: str = "train") -> list[tuple[str, str, int, float]]:
    """Head words by position, counted once per distinct name."""
    names: dict[str, str] = {}
    for words, kind, _ in _labelled(split):
        names.setdefault(" ".join(words), kind)
    heads: dict[tuple[str, str], Counter] = {}
    for name, kind in names.items():
        words = name.casefold().split()
        if len(words) < 2:
            continue
        keys = [("last", words[-1])]
        if "of" in words[1:-1]:
            keys.append(("of", words[words.index("of") - 1]))
        for key in keys:
            heads.setdefault(key, Counter())[kind] += 1
    from pipeline.nlp.entities.registry import default_registry
    registry = default_registry()
    out = []
    for (position, word), counts in heads.items():
        total = sum(counts.values())
        share = counts["ORG"] / total
        if (total >= MIN_HEAD_COUNT and share >= MIN_HEAD_SHARE and word.isalpha()
                and registry.lookup(word) is None):  # "Dynamo Moscow": a club, not a head
            out.append((position, word, total, share))
    return sorted(out)


def learn_first_names(split: str = "train") -> list[tuple[str, int, float]]:
    """First words of multi-word names, counted once per distinct name,
    kept when people's names carry them nearly always."""
    names: dict[str, str] = {}
    for words, kind, _ in _labelled(split):
        if len(words) > 1:
            names.setdefault(" ".join(words), kind)
    firsts: dict[str, Counter] = {}
    for name, kind in names.items():
        firsts.setdefault(name.split()[0].casefold(), Counter())[kind] += 1
    lower = _lower_case_words(split)
    out = []
    for word, counts in firsts.items():
        total = sum(counts.values())
        share = counts["PER"] / total
        if (counts["PER"] >= MIN_FIRST_NAME_COUNT and share >= MIN_FIRST_NAME_SHARE
                and word.isalpha() and word not in lower):
            out.append((word, total, share))
    return sorted(out)


def _write(path: str, header: str, rows) -> None:
    body = "\n".join("\t".join(str(round(v, 3)) if isinstance(v, float) else str(v)
                               for v in row) for row in rows)
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + body + "\n")


if __name__ == "__main__":
    _write(LEXICONS + "learned_names.tsv", NAMES_HEADER, learn_names())
    _write(LEXICONS + "org_heads.tsv", HEADS_HEADER, learn_heads())
    _write(LEXICONS + "first_names.tsv", FIRST_NAMES_HEADER, learn_first_names())
