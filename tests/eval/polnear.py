"""PolNeAR (political news attribution relations) as an evaluation set.

Reads the BRAT standoff files of ``../shared/data/statements/polnear`` at
test time (the data is never copied into the repository), runs our entity
and statement extractors on each document, and scores the statements
against the gold attributions. Definitions, so the figures mean one thing:

- *word*: a ``\\w+`` run of the document text; a word is inside a span when
  its first character is. Quote marks and "that" therefore cost at most a
  word, never a whole match.
- *content P/R/F1*: predicted statements matched one to one to gold
  contents (``Content`` plus ``Content2``) whose word sets have Jaccard
  >= 0.5, greedily from the best pair down. Records with one speaker span
  and cue on both sides of that span ("A," she said, "B.") are one
  predicted content (:func:`attributions`).
- *word overlap F1*: the words inside any predicted statement against the
  words inside any gold content, micro-averaged over the corpus.
- *direct recall*: recall on gold contents that start with a quote mark;
  *other recall* on the rest.
- *speaker accuracy*: over matched pairs whose gold has a ``Source``, the
  share where the predicted ``speaker_span`` overlaps the gold source by a
  character, or the head (last word) of the predicted speaker's name is a
  word of the gold source text ("The Post" vs "New York Post"). A pair with
  no predicted speaker counts as wrong.
- *speech recall*: content recall on gold attributions whose cue is speech,
  i.e. contains a lemma of :data:`SPEECH_LEMMAS` (fixed here, apart from
  our extractor's lexicon, so growing the lexicon cannot move the subset),
  or is "according to". PolNeAR also marks beliefs and intentions.

Every figure is given for the *tune* and *holdout* parts of the split
(:mod:`tests.eval.splits`, keyed by the article's file name) and for all of
it. Rules are tuned on tune articles only; holdout articles are only ever
scored in aggregate. (Rules before statements/5 were tuned on all of dev,
so the holdout figure is an unseen estimate only for changes since then.)

Report: ``.venv/bin/python -m tests.eval.polnear [dev|train] [LIMIT]``
"""
from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field

from tests.eval.polnear_speakers import add, count_speaker, hand_referent, referents
from tests.eval.scoring import f1, ratio
from tests.eval.splits import PARTS, part_of
from tests.shared_data import SHARED_DATA

POLNEAR = SHARED_DATA / "statements" / "polnear" / "data"
MATCH_JACCARD = 0.5
QUOTE_OPENERS = "\"“‘'«„"
SPEECH_LEMMAS = frozenset("""
say tell add note stress announce insist claim warn explain state declare
specify emphasize emphasise argue assert acknowledge admit confirm deny report
write reply respond answer comment suggest reveal recall remark observe tweet
contend maintain allege complain concede caution mention clarify repeat
reiterate testify promise vow pledge urge ask told said quip joke boast brag
predict describe call accuse criticize criticise praise charge dismiss
""".split())
_WORD = re.compile(r"\w+")


@dataclass
class Gold:
    content: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Document:
    name: str
    text: str
    gold: list[Gold]


def _ranges(field_: str) -> list[tuple[int, int]]:
    """"12 20;25 30" (a discontinuous BRAT span) -> [(12, 20), (25, 30)]."""
    return [tuple(int(x) for x in part.split()) for part in field_.split(";")]


def parse_ann(text: str) -> list[Gold]:
    """Attributions of one .ann file; an E line may name a later T line."""
    spans, events = {}, []
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, where = cols[1].partition(" ")
            spans[cols[0]] = (label, _ranges(where))
        elif line.startswith("E") and len(cols) >= 2:
            events.append(dict(arg.split(":", 1) for arg in cols[1].split()))
    gold = []
    for args in events:
        def get(role: str, args: dict = args) -> list:
            return spans[args[role]][1] if role in args and args[role] in spans else []
        content = get("Content") + get("Content2")
        if content:
            gold.append(Gold(content, get("Cue"), get("Source")))
    return gold


def load_split(split: str, limit: int | None = None) -> list[Document]:
    """Documents of a split, each with the first annotator's file (sorted
    by name) where several annotated it."""
    text_dir, ann_dir = POLNEAR / split / "text", POLNEAR / split / "attributions"
    docs = []
    for path in sorted(text_dir.glob("*.txt"))[:limit]:
        anns = sorted(ann_dir.glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        docs.append(Document(path.stem, text, parse_ann(anns[0].read_text(encoding="utf-8"))))
    return docs


def to_clean(doc: Document):
    """A CleanArticle whose text *is* the document text, so every offset we
    predict is already an offset into the gold's text. Non-blank lines are
    paragraphs; the first line is the headline."""
    from pipeline.records import CleanArticle, Paragraph

    paras = []
    for m in re.finditer(r"[^\n]+", doc.text):
        lo, hi = m.start(), m.end()
        while lo < hi and doc.text[lo].isspace():
            lo += 1
        while hi > lo and doc.text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            paras.append(Paragraph(lo, hi, "heading" if not paras else "body"))
    return CleanArticle(id=doc.name, url=f"polnear:{doc.name}", source=None, title="",
                        published_at=None, language="en", text=doc.text, paragraphs=paras,
                        removed=[], fingerprint="0", duplicate_of=None)


def predict(doc: Document):
    """(spaCy Doc, our statements) for one document: parse, entities, statements."""
    from pipeline.nlp.entities.extract import extract_entities
    from pipeline.nlp.parsing.model import parse
    from pipeline.nlp.statements.extract import extract_statements

    clean = to_clean(doc)
    parsed = parse(clean)
    return parsed, extract_statements(parsed, clean, extract_entities(parsed, clean))


@dataclass
class Tally:
    """Counts summed over documents; :meth:`figures` turns them into scores."""
    pred: int = 0
    gold: int = 0
    matched: int = 0
    words_pred: int = 0
    words_gold: int = 0
    words_both: int = 0
    by_group: dict = field(default_factory=dict)  # group -> [matched, total]
    speaker_ok: int = 0
    parts_pred: int = 0  # records before grouping, for the ungrouped F1
    parts_matched: int = 0
    speaker_total: int = 0
    # group -> [right, total]: "named", "resolved", "strict" speakers
    speakers: dict = field(default_factory=dict)

    def count(self, group: str, hit: bool) -> None:
        add(self.by_group, group, hit)

    def figures(self) -> dict[str, float]:
        p, r = ratio(self.matched, self.pred), ratio(self.matched, self.gold)
        wp, wr = ratio(self.words_both, self.words_pred), ratio(self.words_both, self.words_gold)
        out = {"content_p": p, "content_r": r, "content_f1": f1(p, r),
               "word_p": wp, "word_r": wr, "word_f1": f1(wp, wr),
               "speaker_acc": ratio(self.speaker_ok, self.speaker_total)}
        pp, pr = ratio(self.parts_matched, self.parts_pred), ratio(self.parts_matched, self.gold)
        out["records_f1"] = f1(pp, pr)  # one record, one content: no grouping
        for group, (hit, total) in sorted(self.by_group.items()):
            out[f"{group}_recall"] = ratio(hit, total)
        for group, (hit, total) in sorted(self.speakers.items()):
            out[f"{group}_speaker_acc"] = ratio(hit, total)
            out[f"{group}_speakers"] = total
        return out


class Words:
    """Word positions of a text, to turn character spans into word sets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [m.start() for m in _WORD.finditer(text)]

    def of(self, ranges) -> frozenset[int]:
        import bisect
        out: set[int] = set()
        for lo, hi in ranges:
            out.update(range(bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)))
        return frozenset(out)


def match(preds: list[frozenset], golds: list[frozenset]) -> dict[int, int]:
    """Gold index -> predicted index, one to one, best Jaccard first."""
    pairs = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            both = len(g & p)
            if both and both / len(g | p) >= MATCH_JACCARD:
                pairs.append((both / len(g | p), i, j))
    out, used = {}, set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def is_speech(parsed, text: str, cue: list[tuple[int, int]]) -> bool:
    """A cue is speech when one of its words lemmatises into SPEECH_LEMMAS."""
    words = []
    for lo, hi in cue:
        span = parsed.char_span(lo, hi, alignment_mode="expand")
        words += [t.lemma_.lower() for t in span] if span is not None else []
        words += text[lo:hi].lower().split()
    return "according" in words or any(w in SPEECH_LEMMAS for w in words)


def attributions(statements) -> list[list]:
    """Statements grouped by attribution. Our records are contiguous, so a
    quote split by its attribution ("A," she said. "B.") is two records with
    one speaker span and cue; PolNeAR makes it one content in two parts.
    Records join only around their attribution (the speaker span lies
    between them): a later quote that goes on from the same speaker span
    (":mod:`quote_lines`.carried") is a content of its own."""
    groups: list[list] = []
    latest: dict = {}  # (speaker span, cue) -> its latest group
    for s in sorted(statements, key=lambda s: s.span.start):
        key = (s.speaker_span.start, s.speaker_span.end, s.cue) if s.speaker_span else None
        group = latest.get(key) if key else None
        if group and group[-1].span.end <= s.speaker_span.start and s.span.start >= s.speaker_span.end:
            group.append(s)
            continue
        groups.append([s])
        if key:
            latest[key] = groups[-1]
    return groups


def score_document(doc: Document, parsed, statements, tally: Tally) -> None:
    words = Words(doc.text)
    golds = [words.of(g.content) for g in doc.gold]
    groups = attributions(statements)
    preds = [words.of([(s.span.start, s.span.end) for s in group]) for group in groups]
    statements = [group[0] for group in groups]
    pairs = match(preds, golds)
    tally.parts_pred += sum(len(g) for g in groups)
    tally.parts_matched += len(match([words.of([(s.span.start, s.span.end)])
                                      for g in groups for s in g], golds))
    tally.pred += sum(1 for p in preds if p)
    tally.gold += sum(1 for g in golds if g)
    tally.matched += len(pairs)
    refs = referents(parsed, doc.text, [g.source for g in doc.gold])
    all_pred, all_gold = frozenset().union(*preds), frozenset().union(*golds)
    tally.words_pred += len(all_pred)
    tally.words_gold += len(all_gold)
    tally.words_both += len(all_pred & all_gold)
    for i, g in enumerate(doc.gold):
        if not golds[i]:
            continue
        lo = min(a for a, _ in g.content)
        direct = doc.text[lo:lo + 2].lstrip()[:1] in tuple(QUOTE_OPENERS)
        tally.count("direct" if direct else "other", i in pairs)
        if is_speech(parsed, doc.text, g.cue):
            tally.count("speech", i in pairs)
        if i in pairs and g.source:
            count_speaker(tally, statements[pairs[i]], parsed, doc.text, g.source, refs[i],
                          hand_referent(doc.name, g.source))


def evaluate(split: str = "dev", limit: int | None = None,
             only: str | None = None) -> tuple[dict[str, dict], float]:
    """Figures per part ("tune", "holdout", "all") of a split, and the
    seconds it took; each article is parsed once and counted in its part.
    ``only`` ("tune" or "holdout") parses that part alone."""
    tallies, started = {part: Tally() for part in (*PARTS, "all")}, time.perf_counter()
    for doc in load_split(split, limit):
        if only is not None and part_of(doc.name) != only:
            continue
        parsed, statements = predict(doc)
        for part in (part_of(doc.name), "all"):
            score_document(doc, parsed, statements, tallies[part])
    out = {}
    for part, tally in tallies.items():
        out[part] = tally.figures()
        out[part]["gold"], out[part]["predicted"] = tally.gold, tally.pred
    return out, time.perf_counter() - started


def report(by_part: dict[str, dict]) -> str:
    """One row per metric, one column per part."""
    parts = list(by_part)
    rows = [f"{'':20}" + "".join(f"{p:>9}" for p in parts)]
    for metric in by_part[parts[0]]:
        cells = (by_part[p].get(metric, 0.0) for p in parts)
        rows.append(f"{metric:20}" + "".join(
            f"{v:9.3f}" if isinstance(v, float) else f"{v:9}" for v in cells))
    return "\n".join(rows)


if __name__ == "__main__":
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    scores, seconds = evaluate(split, limit)
    print(report(scores))
    print(f"{'seconds':20} {seconds:8.1f}")
