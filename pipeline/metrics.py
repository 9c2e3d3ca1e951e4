"""The pipeline's Prometheus counters, in one registry every role serves.

They always count (a few integer additions per message); serving them,
with Faust's own sensor and the consumer lag beside them, starts only when
NEWSWIRE_METRICS_PORT is set (:func:`agents.metrics.serve`).
"""
from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

from pipeline import codec
from pipeline.stages import Output

REGISTRY = CollectorRegistry(auto_describe=True)

messages_in = Counter("newswire_stage_messages_in", "Messages a stage took in",
                      ["stage"], registry=REGISTRY)
messages_out = Counter("newswire_stage_messages_out",
                       "Records a stage sent, acknowledged by the broker, by topic role",
                       ["stage", "topic"], registry=REGISTRY)
# By error type (empty, oversized, undecodable, schema, unusable, processing...), not by
# the free-text reason: a label per distinct reason would grow without bound.
dead_letters = Counter("newswire_dead_letters", "Inputs a stage rejected, by error type",
                       ["stage", "error_type"], registry=REGISTRY)
feed_polls = Counter("newswire_feed_polls", "Feed polls by outcome (ok, error)",
                     ["outcome"], registry=REGISTRY)
extraction_seconds = Histogram(
    "newswire_extraction_seconds",
    "Wall seconds of analysis per article (a batch's time shared among its articles)",
    ["stage"], registry=REGISTRY,
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30))


def count_sent(stage: str, outputs: list[Output]) -> None:
    for out in outputs:
        messages_out.labels(stage, out.topic).inc()
        if out.topic == "deadletter":
            dead_letters.labels(stage, codec.decode("dead_letter", out.value).error_type).inc()


def counting_polls(on_error, on_success) -> dict:
    """A poller's ``on_error`` and ``on_success``, each call counted as a feed poll."""
    def error(*args):
        feed_polls.labels("error").inc()
        return on_error(*args)

    def ok(*args):
        feed_polls.labels("ok").inc()
        return on_success(*args)
    return {"on_error": error, "on_success": ok}


def observe_extraction(stage: str, seconds: float, articles: int) -> None:
    for _ in range(articles):
        extraction_seconds.labels(stage).observe(seconds / max(articles, 1))
