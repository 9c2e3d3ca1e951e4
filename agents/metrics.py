"""Serving /metrics from a Faust app: the pipeline's counters
(:mod:`pipeline.metrics`), Faust's own sensor and the consumer lag.

Each process serves its own ``/metrics`` through prometheus_client's HTTP
server, so Faust's web view can stay off and two workers on one host need
two ports only when they are scraped.
"""
from __future__ import annotations

from prometheus_client import start_http_server
from prometheus_client.core import GaugeMetricFamily

from pipeline.metrics import REGISTRY


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
