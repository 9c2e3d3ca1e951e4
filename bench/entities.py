"""Benchmark of the entity stage: speed against a bare ``nlp.pipe`` and
memory per worker.

    .venv/bin/python bench/entities.py [--articles 200] [--memory-articles 2000] [--join 1]

Speed: articles per second of the entity stage (parse per paragraph,
entities, times) against ``nlp.pipe`` of the *stock* model (``spacy.load``,
without our faster attribute_ruler matcher) over the same clean texts, in
the same process, each timed after a warm-up; the goal is a ratio of at
least 0.85. Memory: a fresh subprocess runs the stage over
``--memory-articles`` articles (cycling the corpus) and reports resident
memory at checkpoints, so growth shows as a slope; the goal is a peak under
600 MB, flat after warm-up.

Texts: the CoNLL-2003 dev documents when ../shared has them (real newswire,
one sentence per paragraph), else the seed articles.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.records import CleanArticle, Paragraph  # noqa: E402
from tests.shared_data import SHARED_DATA  # noqa: E402

SEED_DIR = SHARED_DATA / "seed"


def corpus() -> list[CleanArticle]:
    """Clean articles to run over, from CoNLL dev or else the seed files."""
    from tests.eval import conll
    if (conll.DATA / "conllpp_dev.txt").exists():
        return [conll.article(d, i)[0] for i, d in enumerate(conll.read("dev"))]
    out = []
    for path in sorted(SEED_DIR.glob("*.txt")):
        text, paras, pos = path.read_text(encoding="utf-8").strip(), [], 0
        for piece in text.split("\n\n"):
            paras.append(Paragraph(pos, pos + len(piece), "body"))
            pos += len(piece) + 2
        out.append(CleanArticle(id=path.stem, url=str(path), source=None, title="",
                                published_at="2022-07-28T00:00:00Z", language="en",
                                text=text, paragraphs=paras, removed=[], fingerprint="0",
                                duplicate_of=None))
    return out


def joined(articles: list[CleanArticle], k: int) -> list[CleanArticle]:
    """Every run of ``k`` articles as one long article (paragraph offsets
    shifted), to check that memory stays bounded on long inputs."""
    if k <= 1:
        return articles
    out = []
    for i in range(0, len(articles) - k + 1, k):
        parts, paras, pos = articles[i:i + k], [], 0
        for a in parts:
            paras += [Paragraph(p.start + pos, p.end + pos, p.kind) for p in a.paragraphs]
            pos += len(a.text) + 2
        out.append(CleanArticle(
            id=f"long-{i}", url="", source=None, title="", published_at=parts[0].published_at,
            language="en", text="\n\n".join(a.text for a in parts), paragraphs=paras,
            removed=[], fingerprint="0", duplicate_of=None))
    return out


def entity_stage(clean: CleanArticle, memory=None) -> int:
    """The entity stage as the worker runs it; with ``memory`` (an
    AliasMemory) it also reads and learns aliases, as the extract agent does."""
    from pipeline.nlp import dates, entities
    from pipeline.nlp.parsing import parse
    doc = parse(clean)
    found = entities.extract_entities(doc, clean, memory=memory)
    if memory is not None:
        memory.learn(found)
    return len(found) + len(dates.extract_times(doc, clean.published_at))


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def speed(articles: list[CleanArticle]) -> dict:
    import spacy

    from pipeline.nlp.entities import default_registry
    from pipeline.nlp.parsing import BATCH_SIZE, MODEL_NAME, get_nlp
    get_nlp()
    nlp = spacy.load(MODEL_NAME)  # the bare baseline: stock, nothing of ours
    default_registry()
    texts = [a.text for a in articles]
    warm = articles[:5]
    list(nlp.pipe([a.text for a in warm]))
    for a in warm:
        entity_stage(a)
    bare = _timed(lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE)))
    ours = _timed(lambda: [entity_stage(a) for a in articles])
    return {"articles": len(articles), "bare_per_s": len(articles) / bare,
            "stage_per_s": len(articles) / ours, "ratio": bare / ours}


def _rss_mb() -> tuple[float, float]:
    """Current and peak resident memory of this process, in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def memory_child(n: int, k: int = 1) -> None:
    """Run in the subprocess: the stage over n articles, learning aliases
    as a worker does, RSS checkpoints."""
    from pipeline.nlp.entities import AliasMemory

    articles = joined(corpus(), k)
    memory = AliasMemory()
    checkpoints = []
    for i in range(n):
        entity_stage(articles[i % len(articles)], memory)
        if (i + 1) % max(1, n // 10) == 0:
            checkpoints.append((i + 1, *_rss_mb()))
    print(json.dumps({"checkpoints": checkpoints, "peak_mb": _rss_mb()[1]}))


def memory(n: int, k: int = 1) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(n), "--join", str(k)],
                         check=True,
                         capture_output=True, text=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--memory-articles", type=int, default=2000)
    ap.add_argument("--join", type=int, default=1,
                    help="memory run over long articles, each this many joined")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        memory_child(args.child, args.join)
        return
    articles = corpus()[:args.articles]
    s = speed(articles)
    print(f"speed over {s['articles']} articles: bare nlp.pipe {s['bare_per_s']:.1f}/s, "
          f"entity stage {s['stage_per_s']:.1f}/s, ratio {s['ratio']:.2f} (goal >= 0.85)")
    m = memory(args.memory_articles, args.join)
    rows = ", ".join(f"{n}: {rss:.0f}" for n, rss, _ in m["checkpoints"])
    size = f", each {args.join} joined" if args.join > 1 else ""
    print(f"memory over {args.memory_articles} articles{size} (RSS MB at checkpoints) {rows}; "
          f"peak {m['peak_mb']:.0f} MB (goal < 600)")


if __name__ == "__main__":
    main()
