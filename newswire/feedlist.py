"""Which feeds to poll: the configured list, or the bundled default OPML."""
from __future__ import annotations

from pathlib import Path

from pipeline.feeds.opml import FeedSpec, read_feed_list

DEFAULT_FEEDS = Path(__file__).resolve().parent / "default_feeds.opml"


def load_feeds(source: str = "") -> list[FeedSpec]:
    """Feeds from an OPML file, a URL list or a folder of saved feeds."""
    return read_feed_list(source or DEFAULT_FEEDS)
