"""The Faust patches (patches/faust_recovery.py): no record reaches a
stream between resuming its partitions and seeking them, and kept
partitions with no commit are read from their beginning."""
from __future__ import annotations

import asyncio

from faust.tables.recovery import Recovery

from patches import faust_recovery as faust_fixes


class _Consumer:
    def __init__(self) -> None:
        self.flow_active = True

    def stop_flow(self) -> None:
        self.flow_active = False


class _App:
    def __init__(self) -> None:
        self.consumer = _Consumer()


class _Recovery:
    def __init__(self) -> None:
        self.app = _App()


def test_the_flow_is_stopped_before_faust_resumes_and_seeks(monkeypatch):
    seen = []

    async def original(self, generation_id=0):
        seen.append((self.app.consumer.flow_active, generation_id))

    monkeypatch.setattr(faust_fixes, "_on_recovery_completed", original)
    monkeypatch.setattr(Recovery, "on_recovery_completed", Recovery.on_recovery_completed)
    faust_fixes.install()
    asyncio.run(Recovery.on_recovery_completed(_Recovery(), 3))
    assert seen == [(False, 3)]


def test_start_up_installs_both_fixes():
    from faust.transport.consumer import Consumer

    import patches
    patches.install()  # what newswire.cli.main (and the test conftest) does first
    assert Recovery.on_recovery_completed is faust_fixes._seek_before_fetching
    assert Consumer.perform_seek is faust_fixes._seek_uncommitted_to_beginning
    assert faust_fixes.installed()


def test_kept_partitions_with_no_commit_are_the_ones_sought_to_the_beginning():
    from faust.types import TP
    assigned = {TP("news.clean", 0), TP("news.clean", 1), TP("news.raw", 0),
                TP("app-entity_names-changelog", 0)}
    committed = {TP("news.clean", 0): 17, TP("news.clean", 1): 0}
    fresh = faust_fixes.uncommitted_stream_partitions(assigned, committed,
                                                      {"app-entity_names-changelog"})
    assert fresh == {TP("news.clean", 1), TP("news.raw", 0)}


def test_the_worker_lists_every_changelog_to_create_before_joining():
    import agents.tables  # noqa: F401  (declares the global tables)
    from agents.app import app
    from newswire.worker import changelog_topics
    names = {name for name, _ in changelog_topics(app)}
    assert {f"{app.conf.id}-entity_aliases-changelog", f"{app.conf.id}-recent_fingerprints-changelog"} <= names
