"""CoNLL-2003 (conllpp) reader and entity-level scoring for the NER gate.

The data stays in ``../shared/data/ner/conllpp`` and is read at test time;
nothing from it is copied into the repository.

Both taggers see the same text: each CoNLL sentence becomes one paragraph of
its document, tokens joined by single spaces, paragraphs by a blank line (the
shape of ``CleanArticle.text``). Predicted character spans map back to gold
tokens; a span whose edges fall inside a token cannot match and counts as a
false positive, as conlleval would count a mis-tokenised entity.

Dev documents are cut into a tune and a holdout part by
:mod:`tests.eval.splits` on :func:`doc_key`; :func:`report` scores both
and all, per type. Train is cut the same way: lexicons are learned from
its tune part only (:mod:`tests.eval.conll_learn`, :func:`learn_clubs`),
so its holdout part is news no rule and no lexicon has seen (the rules were
tuned on dev).

    python -m tests.eval.conll                 # the table for dev
    python -m tests.eval.conll train holdout   # documents no lexicon learned from
"""
from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass

from pipeline.records import CleanArticle, Paragraph
from tests.eval import splits
from tests.shared_data import SHARED_DATA

DATA = SHARED_DATA / "ner" / "conllpp" / "data"

#: Contract types onto CoNLL's four; types not listed (DATE, MONEY...) drop.
TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
            "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "LAW": "MISC",
            "WORK_OF_ART": "MISC", "LANGUAGE": "MISC"}
CORE = ("PER", "ORG", "LOC")
ALL = ("PER", "ORG", "LOC", "MISC")

Span = tuple[int, int, int, str]  # sentence index, first token, end token, type


@dataclass
class Document:
    """One -DOCSTART- document: its sentences' tokens and gold IOB2 tags."""
    sentences: list[list[str]]
    tags: list[list[str]]

    def gold(self) -> set[Span]:
        out = set()
        for s, tags in enumerate(self.tags):
            start, kind = None, None
            for i, tag in enumerate([*tags, "O"]):
                if start is not None and not tag.startswith("I-"):
                    out.add((s, start, i, kind))
                    start = None
                if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                    start, kind = i, tag[2:]
        return out


def read(split: str) -> list[Document]:
    """Documents of ``conllpp_<split>.txt`` (train, dev or test)."""
    docs: list[Document] = []
    sent: list[tuple[str, str]] = []

    def close_sentence() -> None:
        if sent and docs:
            docs[-1].sentences.append([w for w, _ in sent])
            docs[-1].tags.append([t for _, t in sent])
        sent.clear()

    for line in (DATA / f"conllpp_{split}.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            close_sentence()
        elif parts[0] == "-DOCSTART-":
            close_sentence()
            docs.append(Document([], []))
        else:
            sent.append((parts[0], parts[-1]))
    close_sentence()
    return [d for d in docs if d.sentences]


def sentence_text(tokens: list[str]) -> str:
    """A tokenised sentence as it was written: no space before punctuation
    or a clitic, none inside brackets or a pair of straight quotes."""
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return re.sub(r'" (.*?) "', r'"\1"', text)


def sentence_texts(split: str) -> dict[str, str]:
    """Every sentence of a split as written, by its id ``<split>:<doc_key>:<index>``
    (the ids the coded event files use)."""
    return {f"{split}:{doc_key(doc)}:{i}": sentence_text(tokens)
            for doc in read(split) for i, tokens in enumerate(doc.sentences)}


def read_part(split: str, part: str | None) -> list[tuple[int, Document]]:
    """(index in the split, document) of one part of a split (None: all of
    it); the index keeps each document's article id whatever is left out."""
    return [(i, d) for i, d in enumerate(read(split))
            if part is None or splits.part_of(doc_key(d)) == part]


def article(doc: Document, index: int) -> tuple[CleanArticle, list[list[int]]]:
    """The document as a CleanArticle, plus each sentence's token offsets."""
    pieces, paras, offsets, pos = [], [], [], 0
    for words in doc.sentences:
        starts, text = [], " ".join(words)
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        paras.append(Paragraph(starts[0], starts[0] + len(text), "body"))
        offsets.append(starts)
        pieces.append(text)
        pos += 1  # the blank line is two characters; a token already took one
    text = "\n\n".join(pieces)
    clean = CleanArticle(id=f"conll-{index}", url=f"conll:{index}", source="conll",
                         title=pieces[0], published_at=None, language="en", text=text,
                         paragraphs=paras, removed=[], fingerprint="0", duplicate_of=None)
    return clean, offsets


def to_tokens(spans, doc: Document, offsets: list[list[int]]) -> set[Span]:
    """Character spans (start, end, contract type) as gold-token spans.

    Spans that do not start and end on token edges keep a sentinel so they
    still count as predictions (false positives)."""
    edges = {}
    for s, (words, starts) in enumerate(zip(doc.sentences, offsets, strict=True)):
        for i, (w, b) in enumerate(zip(words, starts, strict=True)):
            edges[("start", b)] = (s, i)
            edges[("end", b + len(w))] = (s, i + 1)
    out = set()
    for start, end, label in spans:
        kind = TYPE_MAP.get(label)
        if kind is None:
            continue
        a, b = edges.get(("start", start)), edges.get(("end", end))
        if a is None or b is None or a[0] != b[0]:
            out.add((-1, start, end, kind))
        else:
            out.add((a[0], a[1], b[1], kind))
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Span], pred: set[Span]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def doc_key(doc: Document) -> str:
    """The document's stable key for the tune/holdout cut: a hash of its
    first sentence, so the cut survives reordering of the file."""
    first = " ".join(doc.sentences[0]).encode("utf-8")
    return "conll:" + hashlib.sha256(first).hexdigest()[:16]


def _scored(docs: list[tuple[int, Document]], predict) -> list[tuple[set[Span], set[Span]]]:
    """(gold, predicted) token spans of every (index, document)."""
    out = []
    for i, doc in docs:
        clean, offsets = article(doc, i)
        out.append((doc.gold(), to_tokens(predict(clean), doc, offsets)))
    return out


def _total(pairs, types) -> Score:
    total = Score()
    for gold, pred in pairs:
        total.add({s for s in gold if s[3] in types}, {s for s in pred if s[3] in types})
    return total


def score(docs: list[Document], predict, types=ALL) -> Score:
    """Micro P/R/F1 over ``types`` of ``predict(clean) -> [(start, end, label)]``."""
    return _total(_scored(list(enumerate(docs)), predict), types)


def raw_per_sentence(nlp):
    """The bare model, run on each sentence (paragraph) alone."""
    def predict(clean: CleanArticle):
        out = []
        for p in clean.paragraphs:
            out += [(p.start + e.start_char, p.start + e.end_char, e.label_)
                    for e in nlp(clean.text[p.start:p.end]).ents]
        return out
    return predict


def raw_per_document(nlp):
    """The bare model, run on the whole document text at once (more context,
    but spans may cross the blank lines between sentences)."""
    def predict(clean: CleanArticle):
        return [(e.start_char, e.end_char, e.label_) for e in nlp(clean.text).ents]
    return predict


def ours():
    """The pipeline's entity extractor: every mention of every entity."""
    from pipeline.nlp.entities.extract import extract_entities
    from pipeline.nlp.parsing.model import parse

    def predict(clean: CleanArticle):
        return [(m.start, m.end, e.type) for e in extract_entities(parse(clean), clean)
                for m in e.mentions]
    return predict


#: The type groups every table reports: all four, the core three, each alone.
GROUPS = {"all": ALL, "PER/ORG/LOC": CORE, **{t: (t,) for t in ALL}}


def report(split: str = "dev", nlp=None,
           only: str | None = None) -> dict[str, dict[str, dict[str, Score]]]:
    """Scores as ``[part][tagger][group]``, parts "tune", "holdout" and
    "all" (the cut of :mod:`tests.eval.splits` by :func:`doc_key`), or
    ``only`` that part.
    Each tagger runs once over every document; the parts only regroup them."""
    from pipeline.nlp.parsing.model import get_nlp
    docs = read_part(split, only)
    nlp = nlp or get_nlp()
    taggers = {"raw/sentence": raw_per_sentence(nlp), "raw/document": raw_per_document(nlp),
               "ours": ours()}
    parts = [splits.part_of(doc_key(d)) for _, d in docs]
    names = (only,) if only else (*splits.PARTS, "all")
    out: dict[str, dict[str, dict[str, Score]]] = {p: {} for p in names}
    for name, predict in taggers.items():
        pairs = _scored(docs, predict)
        for part in out:
            chosen = [pair for pair, p in zip(pairs, parts, strict=True) if part in ("all", p)]
            out[part][name] = {g: _total(chosen, types) for g, types in GROUPS.items()}
    return out


def format_table(results: dict[str, dict[str, dict[str, Score]]]) -> str:
    lines = [f"{'part':<8} {'tagger':<14} {'types':<12} {'P':>6} {'R':>6} {'F1':>6}"]
    for part, by_tagger in results.items():
        for name, by_types in by_tagger.items():
            for types, s in by_types.items():
                lines.append(f"{part:<8} {name:<14} {types:<12} {100 * s.p:6.2f} "
                             f"{100 * s.r:6.2f} {100 * s.f1:6.2f}")
    return "\n".join(lines)


#: What lexicons are learned from: the tune part of train, so its holdout
#: part scores them (and every rule, which dev tuned) on unseen documents.
LEARN_PART = "tune"

CLUBS_HEADER = """\
# Sports clubs and sides: names the tune part of the CoNLL-2003 TRAIN split
# (never its holdout part, dev or test) annotates as ORG inside sports copy,
# in at least half of all their labelled occurrences, and that are not
# countries (national sides are places there). Used by
# pipeline/nlp/entities/sports.py only inside sports copy.
# Regenerate: python -m tests.eval.conll clubs > pipeline/nlp/entities/lexicons/sports_clubs.txt
"""


def learn_clubs(split: str = "train", min_count: int = 2) -> list[str]:
    """Surface forms that the tune part of ``split`` labels ORG in sports documents."""
    from collections import Counter

    from pipeline.nlp.entities.registry import default_registry
    from pipeline.nlp.entities.sports import is_sports
    labels: dict[str, Counter] = {}
    sporty: Counter = Counter()
    for i, doc in read_part(split, LEARN_PART):
        clean, _ = article(doc, i)
        in_sports = is_sports(clean.text, clean.title)
        for s, a, b, kind in doc.gold():
            surface = " ".join(doc.sentences[s][a:b]).casefold()
            labels.setdefault(surface, Counter())[kind] += 1
            sporty[surface] += in_sports and kind == "ORG"
    registry = default_registry()
    return sorted(name for name, c in labels.items()
                  if sporty[name] >= min_count and c["ORG"] * 2 >= sum(c.values())
                  and len(name) > 2 and not _is_country(registry, name))


def _is_country(registry, name: str) -> bool:
    known = registry.lookup(name)
    return known is not None and known.kind in ("country", "demonym")


if __name__ == "__main__":
    if sys.argv[1:2] == ["clubs"]:
        print(CLUBS_HEADER + "\n".join(learn_clubs()))
    else:  # python -m tests.eval.conll [dev|train] [tune|holdout]
        print(format_table(report(sys.argv[1] if len(sys.argv) > 1 else "dev",
                                  only=sys.argv[2] if len(sys.argv) > 2 else None)))
