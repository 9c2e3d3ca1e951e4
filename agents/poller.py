"""Feed poller role: poll the feeds of this process's partitions into news.raw."""
from __future__ import annotations

import logging

from agents.app import app, progress, send_all, settings
from agents.feeds import feed_state, feed_table, feeds_topic
from pipeline import codec
from pipeline.feeds.commands import add_commands, moved_commands, owned_feeds
from pipeline.feeds.feedlist import load_feeds, poller_options
from pipeline.feeds.poller import FeedPoller
from pipeline.feeds.store import MappingStore
from pipeline.metrics import counting_polls
from pipeline.stages import Output

log = logging.getLogger(__name__)


async def publish(article) -> None:
    await send_all([Output("raw", article.id.encode(), codec.encode(article))], "poll")


def report_error(url: str, error: str) -> None:
    if progress.feed_failed(url, error):  # each feed's error is shown once
        log.warning("feed %s: %s (will retry with backoff)", url, error)


def report_move(old_url: str, state) -> None:
    title = (feed_table.get(old_url) or {}).get("title")
    for key, value in moved_commands(old_url, state, title):
        feeds_topic.send_soon(key=key, value=value)


def my_feeds():
    """This process's share of the feeds; None (pause) while partitions move."""
    if app.rebalancing:
        return None
    mine = {tp.partition for tp in app.assignor.assigned_actives()
            if tp.topic == feeds_topic.get_topic_name()}
    return owned_feeds(feed_table.items(), mine)


@app.task
async def announce_configured_feeds() -> None:
    """Put the configured feed list on news.feeds (idempotent: keyed by URL)."""
    for key, value in add_commands(load_feeds(settings.feeds)):
        await feeds_topic.send(key=key, value=value)


async def changelog_ready() -> None:
    """feed_state picks a partition per key from the producer's metadata,
    which knows a topic only once asked: ask before the first state write."""
    # Faust types its producer by an interface that lacks the aiokafka transport's method.
    await app.producer._ensure_producer().partitions_for(feed_state.changelog_topic.get_topic_name())  # type: ignore[attr-defined]


@app.task
async def poll_feeds() -> None:
    await changelog_ready()
    poller = FeedPoller([], publish, options=poller_options(settings), store=MappingStore(feed_state),
                        on_moved=report_move, **counting_polls(report_error, progress.feed_recovered))
    await poller.run(feed_list=my_feeds)
