"""Which feeds to poll: the configured list, or the bundled default OPML."""
from __future__ import annotations

from pathlib import Path

from pipeline.feeds.opml import read_feed_list

DEFAULT_FEEDS = Path(__file__).resolve().parent / "default_feeds.opml"


def load_feed_urls(source: str = "") -> list[str]:
    """Feed URLs from an OPML file, a URL list or a folder of saved feeds."""
    return [spec.url for spec in read_feed_list(source or DEFAULT_FEEDS)]
