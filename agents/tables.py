"""The workers' global tables.

Faust's assignor hands a global table's changelog to every member of the
consumer group, and a member that never declared the table crashes on that
assignment: every worker imports this. Pollers are a group of their own
(Settings.faust_app_id) and do not.
"""
from __future__ import annotations

from agents.app import app, settings
from pipeline.nlp.entities import AliasMemory
from pipeline.text.dedupe import RecentFingerprints

# Aliases learned from every article, so an id means the same entity across
# articles; global, so each worker holds all of it, whatever its partitions.
# AliasMemory reads the tables directly, so other workers' lessons count as
# soon as Faust applies them.
alias_counts = app.GlobalTable("entity_aliases", default=None, key_type=bytes,
                               partitions=settings.partitions)
entity_names = app.GlobalTable("entity_names", default=None, key_type=bytes,
                               partitions=settings.partitions)
alias_memory = AliasMemory(seen=alias_counts, names=entity_names)


async def _mirror_fingerprint(event) -> None:
    # Rows other workers wrote (and, on a restart, every recovered row):
    # queued, and joined to the in-memory band index between messages.
    recent_articles.mirror(event.key, event.value)


# Fingerprints of recent articles for near-duplicate detection, bounded (the
# oldest are deleted), global so a copy that lands on another worker's
# partition is still recognised.
fingerprints = app.GlobalTable("recent_fingerprints", default=None, key_type=bytes,
                               partitions=settings.partitions,
                               on_changelog_event=_mirror_fingerprint)
recent_articles = RecentFingerprints(store=fingerprints)
