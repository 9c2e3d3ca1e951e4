"""Settings from environment variables, all under one prefix: NEWSWIRE_.

Nothing here reads the environment at import time except ``load()``, so tests
can build Settings directly.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

PREFIX = "NEWSWIRE_"
REPO_ROOT = Path(__file__).resolve().parent.parent

#: Topic roles and their default suffixes; ``topic_prefix`` goes in front.
TOPIC_ROLES = ("raw", "clean", "entities", "statements", "events", "deadletter")


@dataclass(frozen=True)
class Settings:
    kafka_bootstrap: str = ""          # empty: start and use the local broker
    broker_port: int = 9092            # local broker; its controller uses port + 1
    broker_home: Path = REPO_ROOT / ".cache" / "kafka"
    topic_prefix: str = "news"
    partitions: int = 4
    raw_retention_hours: int = 24 * 14  # long enough to replay two weeks
    retention_hours: int = 24 * 3
    app_id: str = "newswire"
    # A worker that dies is noticed after this long; its partitions then move on.
    session_timeout_seconds: int = 45
    web_enabled: bool = False          # Faust's web view; one port per process
    web_port: int = 6066
    data_dir: Path = REPO_ROOT / ".cache" / "faust"
    feeds: str = ""                    # OPML, URL list or folder; empty: defaults
    fetch_full_text: bool = True
    # Bounds of each feed's adaptive poll interval, in seconds (tests poll fast).
    poll_min_seconds: int = 120
    poll_max_seconds: int = 6 * 3600
    poll_concurrency: int = 64         # feed and page requests in flight per poller
    poll_per_host: int = 4             # of which at most this many to one host
    allow_private_addresses: bool = False
    max_message_bytes: int = 4 * 1024 * 1024
    # The extract agent parses up to this many articles in one model pass,
    # waiting at most this long for a batch to fill.
    extract_batch: int = 8
    extract_batch_ms: int = 200
    # The clean agent cleans up to this many raw articles per hop to its
    # thread and waits once for all their outputs' acknowledgements.
    clean_batch: int = 16
    clean_batch_ms: int = 100
    metrics_port: int = 0              # Prometheus /metrics of this process; 0: off
    metrics_host: str = "127.0.0.1"    # 0.0.0.0 in a container, so the scraper reaches it
    log_level: str = "warning"

    @property
    def bootstrap(self) -> str:
        return self.kafka_bootstrap or f"127.0.0.1:{self.broker_port}"

    @property
    def uses_local_broker(self) -> bool:
        return not self.kafka_bootstrap

    def faust_app_id(self, roles: Iterable[str]) -> str:
        """The Faust app id, which is also the consumer group, of a process
        running ``roles``. Pollers alone are a group of their own
        (``<app_id>-poll``): in the workers' group, every poller start or
        stop would rebalance the workers, and every worker churn the pollers.
        A process with both roles (``newswire run``) keeps ``app_id``."""
        return f"{self.app_id}-poll" if set(roles) == {"poll"} else self.app_id

    @property
    def feeds_topic(self) -> str:
        """The compacted topic holding the live feed list (keyed by feed URL)."""
        return f"{self.topic_prefix}.feeds"

    @property
    def feed_state_topic(self) -> str:
        """Changelog of the per-feed state table (Faust names it after app id and table)."""
        return f"{self.app_id}-feed_state-changelog"

    def topic(self, role: str) -> str:
        if role not in TOPIC_ROLES:
            raise KeyError(f"unknown topic role {role!r}")
        return f"{self.topic_prefix}.{role}"


def _parse(kind: type, raw: str) -> object:
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if kind is int:
        return int(raw)
    if kind is Path:
        return Path(raw).expanduser()
    return raw


def load(environ: dict[str, str] | None = None, **overrides: object) -> Settings:
    """Settings from NEWSWIRE_* variables, then explicit overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for f in fields(Settings):
        raw = env.get(PREFIX + f.name.upper())
        if raw is not None and raw != "":
            kind = {"bool": bool, "int": int, "Path": Path}.get(str(f.type), str)
            values[f.name] = _parse(kind, raw)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)
