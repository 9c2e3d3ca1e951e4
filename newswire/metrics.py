"""Prometheus metrics of every role: Faust's own sensor plus the pipeline's.

The pipeline's counters always count (a few integer additions per
message); serving them, and Faust's sensor with its per-event hooks, only
start when NEWSWIRE_METRICS_PORT is set (``serve``). Each process serves
its own ``/metrics`` through prometheus_client's HTTP server, so Faust's
web view can stay off and two workers on one host need two ports only
when they are scraped.
"""
from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily

from pipeline import codec
from pipeline.stages import Output

REGISTRY = CollectorRegistry(auto_describe=True)

messages_in = Counter("newswire_stage_messages_in", "Messages a stage took in",
                      ["stage"], registry=REGISTRY)
messages_out = Counter("newswire_stage_messages_out",
                       "Records a stage sent, acknowledged by the broker, by topic role",
                       ["stage", "topic"], registry=REGISTRY)
dead_letters = Counter("newswire_dead_letters", "Inputs a stage rejected, by reason",
                       ["stage", "reason"], registry=REGISTRY)
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
            dead_letters.labels(stage, codec.decode("dead_letter", out.value).reason).inc()


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


class ConsumerLag:
    """newswire_consumer_lag{topic,partition}: records past this worker's
    last commit (end offset - committed offset), from Faust's monitor."""

    def __init__(self, app) -> None:
        self.app = app

    def collect(self):
        lag = GaugeMetricFamily("newswire_consumer_lag",
                                "Records not yet committed by this process, per partition",
                                labels=["topic", "partition"])
        monitor = self.app.monitor
        for tp, end in list(monitor.tp_end_offsets.items()):
            committed = monitor.tp_committed_offsets.get(tp, 0)
            lag.add_metric([tp.topic, str(tp.partition)], max(end - committed, 0))
        yield lag


def serve(app, host: str, port: int) -> None:
    """Install Faust's Prometheus sensor on ``app`` and serve /metrics."""
    from faust.sensors.prometheus import FaustMetrics, PrometheusMonitor

    app.monitor = PrometheusMonitor(metrics=FaustMetrics.create(REGISTRY, "faust"))
    REGISTRY.register(ConsumerLag(app))
    start_http_server(port, addr=host, registry=REGISTRY)
