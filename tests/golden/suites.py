"""What each golden suite feeds its stage and records of the result.

Every suite reads ``<case>.input.txt`` (or ``.input.html``) and records a
JSON-ready summary of the fields a reader checks; ``tests/golden/regenerate.py``
writes it to ``<case>.expected.json`` and ``tests/unit/test_golden.py``
compares. Inputs are written for these tests in the style of scraped news.

- cleaning: the raw article a poller would build (text cases carry their
  title on line one), through the clean stage: kept paragraphs and removals.
- entities: the same raw article through the clean stage and then the
  analysis, as a worker sees it: each entity's id, type, name, title,
  aliases and mention texts, and each time expression's value.
- statements: an already clean article, paragraphs split on blank lines, the
  first one the title; a paragraph starting with ``> `` is a pull quote (the
  marker is not part of the text). Records kind, text, cue, speaker.
- events: an already clean article, paragraphs split on blank lines. Records
  type, mode, polarity, tense, participants by name, trigger, date, place,
  and whether the event sits in a statement.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.records import CleanArticle, Event, Paragraph, RawArticle

PULL = "> "


def raw_article(input_path: Path) -> RawArticle:
    text = input_path.read_text("utf-8")
    is_html = input_path.suffix == ".html"
    title = "" if is_html else text.split("\n", 1)[0].strip()
    name = case_name(input_path)
    return RawArticle(
        id=f"golden-{name}", feed_url=None, source=None, url=f"https://example.org/{name}",
        guid=None, title=title, summary=None, content=text,
        content_type="text/html" if is_html else "text/plain", language="en",
        published_at="2024-03-05T09:00:00Z", fetched_at="2024-03-05T09:05:00Z")


def clean_article_from_blocks(input_path: Path, published: str, titled: bool) -> CleanArticle:
    """A clean article straight from blank-line separated blocks (``> `` marks a pull quote)."""
    blocks = [b.strip() for b in input_path.read_text("utf-8").split("\n\n") if b.strip()]
    paras, texts, offset = [], [], 0
    for block in blocks:
        kind = "pull_quote" if block.startswith(PULL) else "body"
        text = block[len(PULL):] if kind == "pull_quote" else block
        paras.append(Paragraph(offset, offset + len(text), kind))
        texts.append(text)
        offset += len(text) + 2
    name = case_name(input_path)
    return CleanArticle(id=name, url=f"https://golden.example/{name}", source=None,
                        title=texts[0] if titled else "", published_at=published, language="en",
                        text="\n\n".join(texts), paragraphs=paras, removed=[],
                        fingerprint="0", duplicate_of=None)


def case_name(input_path: Path) -> str:
    return input_path.name.split(".input.")[0]


def cleaning_output(input_path: Path) -> dict:
    from pipeline.text.clean import clean_article

    article = clean_article(raw_article(input_path))
    return {
        "paragraphs": [[p.kind, article.text[p.start:p.end]] for p in article.paragraphs],
        "removed": [[r.kind, r.text] for r in article.removed],
    }


def entities_output(input_path: Path) -> dict:
    from pipeline.nlp.analyze import analyze
    from pipeline.text.clean import clean_article

    clean = clean_article(raw_article(input_path))
    found, _, _ = analyze(clean)
    return {
        "entities": [{"id": e.id, "type": e.type, "name": e.name, "title": e.title,
                      "aliases": e.aliases, "mentions": [m.text for m in e.mentions]}
                     for e in found.entities],
        "times": [[t.text, t.value, t.precision] for t in found.times],
    }


def statements_output(input_path: Path) -> list[dict]:
    from pipeline.nlp.analyze import analyze

    clean = clean_article_from_blocks(input_path, "2024-01-15T00:00:00Z", titled=True)
    _, statements, _ = analyze(clean)
    return [{
        "kind": s.kind, "text": s.text, "cue": s.cue,
        "speaker_id": s.speaker.entity_id if s.speaker else None,
        "speaker_name": s.speaker.name if s.speaker else None,
        "speaker_words": clean.text[s.speaker_span.start:s.speaker_span.end]
        if s.speaker_span else None,
    } for s in statements]


def _event_summary(event: Event) -> dict:
    return {
        "type": event.type, "mode": event.mode, "negated": event.negated,
        "tense": event.tense, "trigger": event.trigger,
        "actors": [[r.entity_id, r.name] for r in event.actors],
        "recipients": [[r.entity_id, r.name] for r in event.recipients],
        "date": [event.date.value, event.date.basis] if event.date else None,
        "location": event.location.name if event.location else None,
        "in_statement": event.statement_id is not None,
    }


def events_output(input_path: Path) -> list[dict]:
    from pipeline.nlp.analyze import analyze

    clean = clean_article_from_blocks(input_path, "2022-03-10T09:00:00Z", titled=False)
    _, _, events = analyze(clean)
    return [_event_summary(e) for e in events]


SUITES = {"cleaning": cleaning_output, "entities": entities_output,
          "statements": statements_output, "events": events_output}
