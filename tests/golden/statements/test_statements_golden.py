"""Golden files: one small article per statement construction.

Each ``<name>.txt`` is an article whose paragraphs are separated by a blank
line; a paragraph starting with ``> `` is a pull quote (the clean stage's
``pull_quote`` kind; the marker is not part of the text). ``<name>.json``
holds the statements expected from it (kind, text, cue, speaker id and name,
the words at the speaker span). The test fails when they drift.

Regenerate after an intended change, then review the diff:
``.venv/bin/python tests/golden/statements/test_statements_golden.py --regenerate``
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PULL = "> "


def article(path: Path):
    from pipeline.records import CleanArticle, Paragraph

    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    paras, texts, offset = [], [], 0
    for block in blocks:
        kind = "pull_quote" if block.startswith(PULL) else "body"
        text = block[len(PULL):] if kind == "pull_quote" else block
        paras.append(Paragraph(offset, offset + len(text), kind))
        texts.append(text)
        offset += len(text) + 2
    return CleanArticle(id=path.stem, url=f"https://golden.example/{path.stem}", source=None,
                        title=texts[0], published_at="2024-01-15T00:00:00Z", language="en",
                        text="\n\n".join(texts), paragraphs=paras, removed=[],
                        fingerprint="0", duplicate_of=None)


def statements_of(path: Path) -> list[dict]:
    from pipeline.nlp.analyze import analyze

    clean = article(path)
    _, statements, _ = analyze(clean)
    return [{
        "kind": s.kind, "text": s.text, "cue": s.cue,
        "speaker_id": s.speaker.entity_id if s.speaker else None,
        "speaker_name": s.speaker.name if s.speaker else None,
        "speaker_words": clean.text[s.speaker_span.start:s.speaker_span.end]
        if s.speaker_span else None,
    } for s in statements]


CASES = sorted(HERE.glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden(path: Path):
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert statements_of(path) == expected


def regenerate() -> None:
    for path in CASES:
        out = json.dumps(statements_of(path), indent=2, ensure_ascii=False) + "\n"
        path.with_suffix(".json").write_text(out, encoding="utf-8")
        print(f"wrote {path.with_suffix('.json').name}")


if __name__ == "__main__" and "--regenerate" in sys.argv:
    regenerate()
