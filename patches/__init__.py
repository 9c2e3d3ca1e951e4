"""Every change newswire makes to third-party code, in one place.

Nothing here acts on import: :func:`install` applies them all, once, at
start-up (``newswire.cli.main`` for every command and role, the test
suite's conftest, each benchmark's main). Each patch is idempotent and has
a test that compares it with the code it replaces.

feedparser_speedups
    Faster feedparser internals with identical output (the poller's CPU).
feedparser_guids
    RSS guids and Atom ids kept as written, never resolved as links: a
    change of result, so :func:`pipeline.feeds.parse.parse_feed` refuses to
    run without it.

This package imports only the libraries it patches; ``pipeline`` may ask
whether a patch is installed, nothing of ours is imported here.
"""
from __future__ import annotations

from patches import feedparser_guids, feedparser_speedups


def install() -> None:
    """Apply every patch (idempotent)."""
    feedparser_speedups.install()
    feedparser_guids.install()


def installed() -> bool:
    return feedparser_speedups.installed() and feedparser_guids.installed()
