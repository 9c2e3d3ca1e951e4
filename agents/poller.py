"""Feed poller role: poll the feeds of this process's partitions into news.raw."""
from __future__ import annotations

import logging

from agents.app import app, progress, send_all, settings
from agents.feeds import feed_table, feeds_topic
from newswire.feedlist import load_feeds
from pipeline import codec
from pipeline.feeds.commands import add_commands
from pipeline.feeds.poller import FeedPoller, PollerOptions
from pipeline.stages import Output

log = logging.getLogger(__name__)


async def publish(article) -> None:
    await send_all([Output("raw", article.id.encode(), codec.encode(article))])


def report_error(url: str, error: str) -> None:
    if progress.feed_failed(url, error):  # each feed's error is shown once
        log.warning("feed %s: %s (will retry with backoff)", url, error)


@app.task
async def announce_configured_feeds() -> None:
    """Put the configured feed list on news.feeds (idempotent: keyed by URL)."""
    for key, value in add_commands(load_feeds(settings.feeds)):
        await feeds_topic.send(key=key, value=value)


@app.task
async def poll_feeds() -> None:
    options = PollerOptions(fetch_full_text=settings.fetch_full_text,
                            allow_private=settings.allow_private_addresses)
    poller = FeedPoller([], publish, options=options,
                        on_error=report_error, on_success=progress.feed_recovered)
    await poller.run(feed_list=lambda: list(feed_table.keys()))
