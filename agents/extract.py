"""news.clean -> news.entities, news.statements, news.events (or dead letters)."""
from __future__ import annotations

import asyncio

from agents.app import app, send_all, settings, topics
from pipeline.nlp.aliases import AliasMemory
from pipeline.stages import extract_stage, learned_entities

# Aliases learned from every article, so an id means the same entity across
# articles. Global tables: each worker holds all of it, whatever its partitions.
alias_counts = app.GlobalTable("entity_aliases", default=None, key_type=bytes,
                               partitions=settings.partitions)
entity_names = app.GlobalTable("entity_names", default=None, key_type=bytes,
                               partitions=settings.partitions)
memory = AliasMemory(seen=alias_counts, names=entity_names)


@app.agent(topics["clean"])
async def extract(stream):
    async for key, value in stream.items():
        # spaCy is CPU-bound: run it in a thread so the consumer stays alive.
        outputs = await asyncio.to_thread(extract_stage, key, value,
                                          settings.max_message_bytes, memory)
        await send_all(outputs)
        memory.learn(learned_entities(outputs))  # table writes: on the loop, in the stream
