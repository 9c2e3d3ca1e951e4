"""Which earlier entity a pronoun or description speaker stands for, by learned weights.

Each candidate (an entity of a kind the phrase allows, mentioned before it
outside quotations) is described by a few facts about where and how the
article mentioned it: how many sentences back, how many other candidates
came since, whether it was a speaker or a subject, how often it was named,
whether it has a title. A linear score over those
facts picks the antecedent. The weights are learned from PolNeAR train by
``tests/eval/learn_speaker_ranker.py`` (a conditional logit over each
anaphor's candidates), so the trade-offs (a speaker two sentences back
against a subject in this one) come from news, not from the development
sentences.

Every fact is also crossed with the kind of phrase ("pron" or "desc"): a
pronoun and a description weigh recency differently.

Nobody is a choice too (:func:`nobody_features`): "it said" is as often a
report or a poll as an organisation the article named, and a statement
should not pin it on the last organisation mentioned. Its score competes
with the candidates'; where it wins, the speaker stays as written.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.nlp.lexicon import load_lines

WEIGHTS_FILE = "entities/lexicons/speaker_ranker.tsv"


@dataclass(frozen=True)
class History:
    """What the article said of one candidate before the anaphor."""
    sentences_back: int          # to its latest mention
    rank: int                    # candidates mentioned since its latest mention
    mentions: int
    subject_back: int | None     # sentences to its latest mention as a subject
    reported_back: int | None    # ... as the subject of a reporting verb
    speaker_back: int | None     # sentences to where it last spoke
    speaker_rank: int | None     # other speakers since it last spoke
    has_title: bool
    etype: str
    first_sentence: int          # sentence of its first mention


def _bucket(value: int | None, edges: tuple[int, ...]) -> str:
    if value is None:
        return "none"
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def features(kind: str, h: History) -> list[str]:
    """The names of the facts true of one candidate; ``kind`` is "pron" or "desc"."""
    base = [
        f"back={_bucket(h.sentences_back, (0, 1, 2, 3, 5, 8))}",
        f"rank={_bucket(h.rank, (0, 1, 2, 4))}",
        f"mentions={_bucket(h.mentions, (1, 2, 4, 8))}",
        f"subject_back={_bucket(h.subject_back, (0, 1, 2, 4))}",
        f"speaker_back={_bucket(h.speaker_back, (0, 1, 2, 4, 8))}",
        f"speaker_rank={_bucket(h.speaker_rank, (0, 1, 2))}",
        f"reported_back={_bucket(h.reported_back, (0, 1, 2, 4, 8))}",
        f"type={h.etype.lower()}",
        f"first={_bucket(h.first_sentence, (0, 2, 5))}",
    ]
    if h.speaker_rank == 0:  # the latest speaker: how long ago it spoke matters most
        base.append(f"last_speaker_back={_bucket(h.speaker_back, (0, 1, 2, 4))}")
    if h.has_title:
        base.append("has_title")
    return base + [f"{kind}:{name}" for name in base]


def nobody_features(word: str, kind: str, candidates: int) -> list[str]:
    """The facts of the choice "none of the candidates" for an anaphor
    (``word``: the pronoun as written, or the description's head noun)."""
    which = word.lower() if kind == "pron" else "desc"
    return ["nobody", f"nobody:{which}",
            f"nobody:{which}:candidates={_bucket(candidates, (1, 2, 4))}"]


class Ranker:
    """A linear score over :func:`features`, from the learned weights."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    @classmethod
    def learned(cls) -> Ranker:
        return cls({row[0]: float(row[1]) for row in load_lines(WEIGHTS_FILE)})

    def score(self, names: Iterable[str]) -> float:
        return math.fsum(self.weights.get(name, 0.0) for name in names)
