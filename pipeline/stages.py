"""Each stage as a pure function from one input message to output messages.

A stage never raises on input: a message it cannot use comes back as one
dead-letter output with the reason, so the agent that called it only sends
what it is given. Outputs name a topic *role* (see pipeline.config), not a
topic, so the same code serves any topic prefix.
"""
from __future__ import annotations

import base64
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

from pipeline import codec
from pipeline.records import ArticleEntities, CleanArticle, Entity, RawArticle
from pipeline.text.clean import clean_article
from pipeline.text.dedupe import RecentFingerprints

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Output:
    topic: str           # topic role: clean, entities, statements, events, deadletter
    key: bytes | None
    value: bytes
    #: the record ``value`` encodes, kept for this process's own use (never
    #: sent): learning from an article needs its entities, not their bytes
    record: Any = field(default=None, compare=False, repr=False)


def _guarded(stage: str, key: bytes | None, value: bytes | None,
             work: Callable[[], list[Output]]) -> list[Output]:
    try:
        return work()
    except codec.RejectedInput as exc:  # includes UnusableContent
        error: Exception = exc
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the stream
        log.exception("%s stage: unexpected failure, message dead-lettered", stage)
        error = exc
    letter = codec.dead_letter(stage, key, value, error)
    return [Output("deadletter", key, codec.encode(letter))]


def clean_stage(key: bytes | None, value: bytes | None,
                recent: RecentFingerprints | None = None,
                limit: int = codec.MAX_MESSAGE_BYTES) -> list[Output]:
    """news.raw message -> news.clean message (or a dead letter)."""
    def work() -> list[Output]:
        raw: RawArticle = codec.decode("raw_article", value, limit)
        article = clean_article(raw, recent=recent)
        return [Output("clean", article.id.encode(), codec.encode(article))]
    return _guarded("clean", key, value, work)


def clean_batch_stage(messages: list[tuple[bytes | None, bytes | None]],
                      recent: RecentFingerprints | None = None,
                      limit: int = codec.MAX_MESSAGE_BYTES) -> list[list[Output]]:
    """:func:`clean_stage` of each news.raw message, in order, so a copy
    later in the batch is found against an original earlier in it."""
    return [clean_stage(key, value, recent, limit) for key, value in messages]


def extract_stage(key: bytes | None, value: bytes | None,
                  limit: int = codec.MAX_MESSAGE_BYTES, memory: Any = None) -> list[Output]:
    """news.clean message -> entities, statements and events (or a dead letter).

    ``memory`` is an AliasMemory read for cross-article identities; learning
    from the result is the caller's step (see :func:`learned_entities`).
    """
    from pipeline.nlp.analyze import analyze  # loads spaCy: only where needed

    def work() -> list[Output]:
        article: CleanArticle = codec.decode("clean_article", value, limit)
        return _analysis_outputs(article, analyze(article, memory))
    return _guarded("extract", key, value, work)


def _analysis_outputs(article: CleanArticle, result: tuple) -> list[Output]:
    entities, statements, events = result
    outputs = [Output("entities", article.id.encode(), codec.encode(entities), entities)]
    outputs += [Output("statements", s.id.encode(), codec.encode(s)) for s in statements]
    outputs += [Output("events", e.id.encode(), codec.encode(e)) for e in events]
    return outputs


def learned_entities(outputs: list[Output]) -> list[Entity]:
    """The entities an extract stage emitted, to teach an alias memory."""
    found: list[Entity] = []
    for out in outputs:
        if out.topic == "entities":
            record = out.record
            if record is None:  # made by this process: no schema check needed
                record = codec.from_dict(ArticleEntities, orjson.loads(out.value))
            found.extend(record.entities)
    return found


#: Which topic role feeds each stage, so a dead letter can go back to it.
STAGE_INPUT = {"clean": "raw", "extract": "clean"}


def replay_route(role: str, key: bytes | None,
                 value: bytes | None) -> tuple[str, bytes | None, bytes] | None:
    """Where a message read back from a topic goes to be processed again.

    Raw and clean messages go back onto their own topic; a dead letter's
    original bytes go to the input topic of the stage that rejected them.
    Returns None for a message that cannot be replayed (it says nothing).
    """
    if value is None:
        return None
    if role in STAGE_INPUT.values():
        return role, key, value
    try:
        letter = codec.decode("dead_letter", value)
    except codec.RejectedInput:
        return None
    target = STAGE_INPUT.get(letter.stage)
    if target is None:
        return None
    original_key = letter.key.encode() if letter.key is not None else None
    return target, original_key, base64.b64decode(letter.payload)


def summarize(outputs: list[Output]) -> dict[str, Any]:
    """How many outputs went to each role, for progress counters."""
    counts: dict[str, int] = {}
    for out in outputs:
        counts[out.topic] = counts.get(out.topic, 0) + 1
    return counts


def extract_batch_stage(messages: list[tuple[bytes | None, bytes | None]],
                        limit: int = codec.MAX_MESSAGE_BYTES,
                        memory: Any = None) -> list[list[Output]]:
    """:func:`extract_stage` of each news.clean message, in one model pass.

    Returns each message's outputs, in order. Articles of one batch do not
    learn from each other (the caller learns after the batch, as it would
    after each message); a batch that fails as a whole (a bug on one
    article) is done again one message at a time, so only that message
    becomes a dead letter.
    """
    from pipeline.nlp.analyze import analyze_many  # loads spaCy: only where needed

    decoded: dict[int, CleanArticle] = {}
    results: list[list[Output]] = []
    for n, (key, value) in enumerate(messages):
        def work(value: bytes | None = value, n: int = n) -> list[Output]:
            decoded[n] = codec.decode("clean_article", value, limit)
            return []
        results.append(_guarded("extract", key, value, work))
    try:
        analysed = analyze_many([decoded[n] for n in sorted(decoded)], memory)
    except Exception:  # noqa: BLE001 - retried one by one below, each guarded
        log.exception("extract stage: a batch of %d failed, doing it one message at a time",
                      len(messages))
        return [extract_stage(key, value, limit, memory) for key, value in messages]
    for n, result in zip(sorted(decoded), analysed, strict=True):
        key, value = messages[n]
        results[n] = _guarded("extract", key, value, functools.partial(
            _analysis_outputs, decoded[n], result))
    return results


#: A short page, written here, that takes every lazy path of both stages:
#: HTML extraction, language identification, the entity registry, a quote
#: with a named speaker, a pronoun speaker for the antecedent ranker, and
#: an event.
_WARM_UP_PAGE = b"""<html><head><title>Ministers meet in Paris</title></head><body><article>
<h1>Ministers meet in Paris</h1>
<p>PARIS (Reuters) - French Foreign Minister Jean Dupont met the German ambassador in Paris
on Monday to discuss the trade agreement signed by both countries last year.</p>
<p>"We agreed to keep talking," Dupont told reporters after the meeting. He said that the
two governments would meet again in Berlin next month.</p>
<p>Germany accused the European Commission of delaying the payments, a spokesman said.</p>
</article></body></html>"""


def warm_up() -> list[str]:
    """Run both stages once on a built-in page, so a worker loads models,
    lexicons and lazily built registries before it takes partitions, not
    on its first articles. Returns the topic roles of the outputs."""
    from pipeline.process import raw_from_document
    raw = raw_from_document(_WARM_UP_PAGE, name="warm-up.html", url="https://warm-up.invalid/",
                            published="2022-07-28")
    cleaned = clean_stage(raw.id.encode(), codec.encode(raw), RecentFingerprints())
    outputs = [out for batch in extract_batch_stage([(o.key, o.value) for o in cleaned])
               for out in batch]
    return [out.topic for out in cleaned + outputs]
