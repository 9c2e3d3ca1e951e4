"""Learn more attribution cue frames from PolNeAR train.

PolNeAR marks positions as well as speech ("Graham has been critical of
X", "Clinton cited her years as ..."), so a verb may carry a content in a
frame of :mod:`pipeline.nlp.statements.cues` ("clause", "infinitive", "object",
"predicate") that the hand-made and earlier learned rows of
``attribution_cues.tsv`` do not give it. For every verb of train with a
subject for which no row above the learned block gives a content, each
frame the verb lacks is tried alone; a (lemma, frame) seen at least
:data:`MIN_SEEN` times whose span matches a gold content (Jaccard >= 0.5)
at least :data:`MIN_PRECISION` of the time becomes a row. A cue adds to
content F1 when its precision is above about half the F1 (0.70 on dev
tune when this was learned); 0.45 is the earlier learned block's bar.
Train only: dev is for measuring.

Rewrites the block after :data:`MARKER` in
``pipeline/nlp/statements/lexicons/attribution_cues.tsv``:
``.venv/bin/python -m tests.eval.learn_cue_frames [LIMIT]`` (about 5 min).
"""
from __future__ import annotations

import sys
from collections import defaultdict

from pipeline.nlp.lexicon import LEXICON_ROOT
from pipeline.nlp.statements import cues
from tests.eval.polnear import MATCH_JACCARD, Words, load_split, to_clean

MIN_SEEN = 6
MIN_PRECISION = 0.45
FRAMES = ("clause", "infinitive", "object", "predicate")
#: Idioms and light verbs the earlier hand review dropped ("lay out",
#: "mount", "roll out"); a frame of theirs is not a position held.
LEFT_OUT = frozenset({"lay", "mount", "roll", "put", "keep", "end"})
MARKER = "# Learned from PolNeAR train (all 800 annotated articles) by statements/6:"
PATH = LEXICON_ROOT / "statements/lexicons/attribution_cues.tsv"


def _base_frames(text: str) -> dict[str, frozenset[str]]:
    """lemma -> frames of the rows above the learned block."""
    out: dict[str, frozenset[str]] = {}
    for line in text.split(MARKER)[0].splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, frames = line.split("\t")[:2]
            out[lemma] = out.get(lemma, frozenset()) | frozenset(frames.split(","))
    return out


def _frame_span(tok, lemma: str, frame: str):
    """The content span of ``tok`` in ``frame`` alone."""
    saved = cues.frames_of
    cues.frames_of = lambda _lemma: frozenset({frame})
    try:
        return cues.content_of(tok, lemma)
    finally:
        cues.frames_of = saved


def count(limit: int | None = None) -> dict[tuple[str, str], list[int]]:
    """(lemma, frame) -> [seen, matched] over train, where no base row takes the verb."""
    from pipeline.nlp.parsing import parse
    stats: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for doc in load_split("train", limit):
        parsed = parse(to_clean(doc))
        words = Words(doc.text)
        golds = [words.of(g.content) for g in doc.gold]
        for tok in parsed:
            if tok.pos_ != "VERB" or tok.dep_ == "acl" or cues.subject_of(tok) is None:
                continue
            cue = cues.cue_of(tok)
            if cue is not None and cues.content_of(tok, cue) is not None:
                continue
            lemma = cues.lemma_of(tok)
            for frame in FRAMES:
                if frame in cues.frames_of(lemma):
                    continue
                span = _frame_span(tok, lemma, frame)
                if span is None or not (got := words.of([span])):
                    continue
                hit = any(len(got & g) / len(got | g) >= MATCH_JACCARD for g in golds)
                stats[(lemma, frame)][0] += 1
                stats[(lemma, frame)][1] += hit
    return stats


def learned_rows(stats) -> list[str]:
    rows = [(matched / seen, lemma, frame) for (lemma, frame), (seen, matched) in stats.items()
            if seen >= MIN_SEEN and lemma.isalpha() and lemma not in LEFT_OUT
            and matched / seen >= MIN_PRECISION]
    return [f"{lemma}\t{frame}\t{p:.2f}" for p, lemma, frame in
            sorted(rows, key=lambda r: (-r[0], r[1], r[2]))]


BLOCK = f"""{MARKER}
# every (lemma, frame) the lexicon above did not take, counted only where
# no frame above gave a content for that verb (what the row adds), seen at
# least {MIN_SEEN} times with a subject and matching a gold content at Jaccard >= 0.5
# at least {MIN_PRECISION:.0%} of the time (third column); idioms of the earlier hand
# review (lay out, mount, roll out, put, keep, end) left out.
# Regenerate: .venv/bin/python -m tests.eval.learn_cue_frames
"""


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    text = PATH.read_text(encoding="utf-8")
    base = text.split(MARKER)[0].rstrip("\n") + "\n\n"
    saved = cues.FRAMES
    cues.FRAMES = _base_frames(text)  # frames_of reads the module's table
    try:
        rows = learned_rows(count(limit))
    finally:
        cues.FRAMES = saved
    PATH.write_text(base + BLOCK + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows written to {PATH}")


if __name__ == "__main__":
    main()
