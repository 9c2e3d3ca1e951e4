"""news.clean -> news.entities, news.statements, news.events (or dead letters)."""
from __future__ import annotations

import asyncio

from agents.app import app, send_all, settings, topics
from agents.tables import alias_memory as memory
from pipeline.stages import extract_stage, learned_entities


@app.agent(topics["clean"])
async def extract(stream):
    async for key, value in stream.items():
        # spaCy is CPU-bound: run it in a thread so the consumer stays alive.
        outputs = await asyncio.to_thread(extract_stage, key, value,
                                          settings.max_message_bytes, memory)
        await send_all(outputs)
        memory.learn(learned_entities(outputs))  # table writes: on the loop, in the stream
