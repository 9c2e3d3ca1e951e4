"""Which feeds to poll, and how: the configured list and the poller's settings."""
from __future__ import annotations

from pathlib import Path

from pipeline.config import Settings
from pipeline.feeds.opml import FeedSpec, read_feed_list
from pipeline.feeds.poller import PollerOptions
from pipeline.feeds.schedule import Bounds

DEFAULT_FEEDS = Path(__file__).resolve().parent / "default_feeds.opml"


def load_feeds(source: str = "") -> list[FeedSpec]:
    """Feeds from an OPML file, a URL list or a folder of saved feeds."""
    return read_feed_list(source or DEFAULT_FEEDS)


def poller_options(settings: Settings) -> PollerOptions:
    return PollerOptions(
        fetch_full_text=settings.fetch_full_text,
        allow_private=settings.allow_private_addresses,
        concurrency=settings.poll_concurrency,
        per_host=settings.poll_per_host,
        bounds=Bounds(float(settings.poll_min_seconds), float(settings.poll_max_seconds)),
    )
