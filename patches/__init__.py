"""Every change newswire makes to third-party code, in one place.

Nothing here acts on import: :func:`install` applies them all, once, at
start-up (``newswire.cli.main`` for every command and role, the test
suite's conftest, each benchmark's main). Each patch is idempotent and has
a test that compares it with the code it replaces.

faust_recovery
    Faust's recovery and rebalance seeks that lost messages when a worker
    restarted with tables or kept partitions with no commit.
feedparser_speedups
    Faster feedparser internals with identical output (the poller's CPU).
feedparser_guids
    RSS guids and Atom ids kept as written, never resolved as links: a
    change of result, so :func:`pipeline.feeds.parse.parse_feed` refuses to
    run without it.

Start-up code (newswire) imports this package; nothing below it does.
The patches may use pipeline's pure helpers; ``parse_feed`` recognises the
guid patch by the ``keeps_ids_as_written`` mark on feedparser's parser
classes, not by importing it.
"""
from __future__ import annotations

from patches import feedparser_guids, feedparser_speedups


def install() -> None:
    """Apply every patch (idempotent)."""
    from patches import faust_recovery  # imported here: Faust takes a while to import
    faust_recovery.install()
    feedparser_speedups.install()
    feedparser_guids.install()


def installed() -> bool:
    from patches import faust_recovery
    return faust_recovery.installed() and feedparser_speedups.installed() and feedparser_guids.installed()
