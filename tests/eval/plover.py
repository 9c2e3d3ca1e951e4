"""PLOVER gold-standard sentences (plover_gsr) and the event scores on them.

The data stays in ``../shared/data/events/plover_gsr`` and is read at test
time; nothing from it is copied into the repository.

The GSR is coded in PLOVER 0.5b1. Its old type names map to current PLOVER
as CAMEO2PLOVER-2021.txt (shipped beside the data) places them:
DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT, and INVESTIGATE ->
ACCUSE (CAMEO 09x "Investigate" is ``ACCUSE, investigate`` in that table,
i.e. ACCUSE with mode ``investigate``).

Scores, each sentence being one article of one paragraph:

- type accuracy: the gold type is among the sentence's predicted types;
- type precision: distinct (sentence, predicted type) pairs equal to the gold
  type, over all such pairs (a second, true but uncoded event counts wrong);
- actor / recipient P, R, F1: predicted participant names of the events of
  the gold type against the gold ``actorText``s, matched by overlap of
  content words (a sentence whose gold type was missed loses its gold
  participants as misses);
- strict triple recall: share of sentences with both a gold source and a
  gold target where one predicted event of the gold type has an actor and a
  recipient that each match some gold one;
- baseline: a bare verb lexicon (every VERB token whose lemma is a trigger
  lemma, no parse, no participants), type accuracy and precision only.

The sentences are cut by id into a *tune* part and a *holdout* part
(:mod:`tests.eval.splits`). Rules are tuned on the tune part only; the
holdout is only ever scored as a whole, and its figures are the "unseen"
estimate. ``-v`` (one explanation per sentence) is therefore refused for
anything but ``--part tune``.

Each figure is reported with its 95% bootstrap interval over the scored
sentences (:func:`intervals`): on a hundred sentences a figure is only
known to about +-0.1, so a difference between the parts, or against a
goal, inside that is not shown to be real.

Report: ``.venv/bin/python -m tests.eval.plover [--part tune|holdout] [-v]``
(without ``--part``: tune, holdout and all)
"""
from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path

from pipeline.nlp.analyze import analyze
from pipeline.nlp.events.extract import triggers
from pipeline.nlp.parsing.model import get_nlp
from pipeline.records import CleanArticle, Entity, EntityRef, Event, Paragraph
from tests.eval.scoring import f1, ratio
from tests.eval.splits import PARTS, part_arguments, select
from tests.shared_data import SHARED_DATA

DATA = SHARED_DATA / "events" / "plover_gsr" / "PLOVER_GSR_dev.json"

#: PLOVER 0.5b1 names -> current PLOVER (see the module docstring).
OLD_TO_NEW = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
              "INVESTIGATE": "ACCUSE"}
_STOP = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "its", "his", "her",
                   "their", "to", "from", "with", "by", "'s", "s", "at", "as", "..."})
_WORD = re.compile(r"[\w-]+")


@dataclass
class Sentence:
    id: str
    text: str
    type: str
    sources: list[str]
    targets: list[str]
    date: str | None


def _names(value) -> list[str]:
    """actorText of a source/target field: a list, "" or (in one record) a
    stray string, which codes no actor."""
    if not isinstance(value, list):
        return []
    return [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText")]


def load(path: Path = DATA) -> list[Sentence]:
    """The coded sentences, with their type mapped to current PLOVER."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [Sentence(r["id"], r["text"], OLD_TO_NEW.get(r["event"], r["event"]),
                     _names(r.get("source")), _names(r.get("target")), r.get("date"))
            for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def load_part(part: str | None, path: Path = DATA) -> list[Sentence]:
    """The sentences of one part (``None``: all), cut by sentence id."""
    return select(load(path), lambda s: s.id, part)


def article(s: Sentence) -> CleanArticle:
    """The sentence as a one-paragraph article. The GSR's date (a 2000-01-01
    placeholder) is its only publication date, so relative dates resolve
    against it."""
    text = s.text.strip()
    return CleanArticle(
        id=s.id, url=f"urn:plover-gsr:{s.id}", source=None, title="",
        published_at=f"{s.date}T00:00:00Z" if s.date else None, language="en",
        text=text, paragraphs=[Paragraph(0, len(text), "body")], removed=[],
        fingerprint="0", duplicate_of=None)


def content_words(name: str) -> set[str]:
    return {w for w in _WORD.findall(name.lower()) if w not in _STOP}


def overlaps(a: str, b: str) -> bool:
    return bool(content_words(a) & content_words(b))


@dataclass
class PRF:
    """Micro counts: predictions matched, predictions, gold matched, gold."""
    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    def add(self, predicted: list[str], gold: list[str]) -> None:
        self.pred += len(predicted)
        self.gold += len(gold)
        self.tp_pred += sum(any(overlaps(p, g) for g in gold) for p in predicted)
        self.tp_gold += sum(any(overlaps(p, g) for p in predicted) for g in gold)

    def __add__(self, other: PRF) -> PRF:
        return PRF(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def precision(self) -> float:
        return ratio(self.tp_pred, self.pred)

    @property
    def recall(self) -> float:
        return ratio(self.tp_gold, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


@dataclass
class Scores:
    n: int = 0
    type_hits: int = 0
    type_pairs: int = 0
    type_pairs_right: int = 0
    actors: PRF = field(default_factory=PRF)
    recipients: PRF = field(default_factory=PRF)
    triple_hits: int = 0
    triple_n: int = 0
    base_hits: int = 0
    base_pairs: int = 0
    base_pairs_right: int = 0
    misses: Counter = field(default_factory=Counter)
    #: each scored sentence's own counts, for the figures' intervals
    sentences: list[Scores] = field(default_factory=list)

    def __add__(self, other: Scores) -> Scores:
        """The counts of two disjoint parts together."""
        return Scores(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def absorb(self, one: Scores) -> None:
        """Add one sentence's counts."""
        for f in fields(self):
            if f.name != "sentences":
                setattr(self, f.name, getattr(self, f.name) + getattr(one, f.name))
        self.sentences.append(one)

    def figures(self) -> dict[str, float]:
        return {
            "type_accuracy": ratio(self.type_hits, self.n),
            "type_precision": ratio(self.type_pairs_right, self.type_pairs),
            "actor_f1": self.actors.f1, "recipient_f1": self.recipients.f1,
            "triple_recall": ratio(self.triple_hits, self.triple_n),
            "baseline_type_accuracy": ratio(self.base_hits, self.n),
            "baseline_type_precision": ratio(self.base_pairs_right, self.base_pairs),
        }


def surface_forms(entities: list[Entity]) -> dict[str, str]:
    """Entity id -> its name and every form the article writes it in, as one
    string to match gold words against: a record carries the canonical
    name ("United Kingdom"), the gold the sentence's words ("Britain")."""
    return {e.id: " / ".join([e.name, *(m.text for m in e.mentions)]) for e in entities}


def _label(ref: EntityRef, forms: dict[str, str]) -> str:
    return forms.get(ref.entity_id, ref.name) if ref.entity_id else ref.name


def _triple(events: list[Event], s: Sentence, forms: dict[str, str]) -> bool:
    return any(any(overlaps(_label(a, forms), g) for a in e.actors for g in s.sources)
               and any(overlaps(_label(r, forms), g) for r in e.recipients for g in s.targets)
               for e in events)


def baseline_types(text: str) -> set[str]:
    """The bare verb lexicon: types of every VERB whose lemma is a trigger."""
    table = triggers()
    return {t.type for tok in get_nlp()(text) if tok.pos_ == "VERB"
            for t in table.get(tok.lemma_.lower(), ())}


def score_sentence(total: Scores, s: Sentence, events: list[Event],
                   entities: list[Entity] | None = None) -> None:
    """Add one sentence's figures; ``entities`` (the article's) let a
    participant match the gold by any form the sentence writes it in."""
    forms = surface_forms(entities or [])
    types = {e.type for e in events}
    one = Scores()  # this sentence's counts
    one.n += 1
    one.type_hits += s.type in types
    one.type_pairs += len(types)
    one.type_pairs_right += s.type in types
    if s.type not in types:
        one.misses[s.type] += 1
    aligned = [e for e in events if e.type == s.type]
    one.actors.add(sorted({_label(a, forms) for e in aligned for a in e.actors}), s.sources)
    one.recipients.add(sorted({_label(r, forms) for e in aligned for r in e.recipients}),
                       s.targets)
    if s.sources and s.targets:
        one.triple_n += 1
        one.triple_hits += _triple(aligned, s, forms)
    base = baseline_types(s.text)
    one.base_hits += s.type in base
    one.base_pairs += len(base)
    one.base_pairs_right += s.type in base
    total.absorb(one)


def evaluate(sentences: list[Sentence], verbose: bool = False) -> Scores:
    scores = Scores()
    for s in sentences:
        entities, _, events = analyze(article(s))
        score_sentence(scores, s, events, entities.entities)
        if verbose:
            print(_explain(s, events))
    return scores


def _explain(s: Sentence, events: list[Event]) -> str:
    got = "; ".join(f"{e.type}:{e.trigger} {[a.name for a in e.actors]}->"
                    f"{[r.name for r in e.recipients]}" for e in events)
    ok = "OK " if s.type in {e.type for e in events} else "-- "
    return f"{ok}{s.type} {s.sources}->{s.targets} | {s.text[:110]}\n      {got}"


#: Resamplings for the intervals; fixed seed, so a report is repeatable.
BOOTSTRAP_ROUNDS = 2000


def intervals(scores: Scores, rounds: int = BOOTSTRAP_ROUNDS) -> dict[str, tuple[float, float]]:
    """Each figure's 95% bootstrap interval over the scored sentences: where
    the same extractor's figure would likely fall on another set of as many
    sentences like these (a hundred sentences leave about +-0.1)."""
    rng = random.Random(0)
    one = scores.sentences
    samples = [sum((rng.choice(one) for _ in one), Scores()).figures() for _ in range(rounds)]
    out = {}
    for name in scores.figures():
        values = sorted(sample[name] for sample in samples)
        out[name] = (values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1])
    return out


def report(scores: Scores, part: str = "all") -> str:
    lines = [f"plover_gsr [{part}]: {scores.n} sentences, "
             f"{scores.triple_n} with source and target"]
    spans = intervals(scores)
    lines += [f"  {k:24s} {v:.3f}  [{spans[k][0]:.3f}, {spans[k][1]:.3f}]"
              for k, v in scores.figures().items()]
    lines.append(f"  actors     P {scores.actors.precision:.3f} R {scores.actors.recall:.3f}")
    lines.append(f"  recipients P {scores.recipients.precision:.3f} "
                 f"R {scores.recipients.recall:.3f}")
    if part == "tune":  # which holdout sentences fail is not to be looked at
        lines.append(f"  missed types: {dict(scores.misses.most_common())}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    args = part_arguments("python -m tests.eval.plover", "each and all", argv)
    if args.part:
        print(report(evaluate(load_part(args.part), verbose=args.v), args.part))
        return
    by_part = {part: evaluate(load_part(part)) for part in PARTS}
    for part, scores in by_part.items():
        print(report(scores, part))
    print(report(by_part["tune"] + by_part["holdout"], "all"))


if __name__ == "__main__":
    main()
