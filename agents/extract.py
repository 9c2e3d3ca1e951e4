"""news.clean -> news.entities, news.statements, news.events (or dead letters)."""
from __future__ import annotations

import asyncio

from agents.app import app, send_all, settings, topics
from pipeline.stages import extract_stage


@app.agent(topics["clean"])
async def extract(stream):
    async for key, value in stream.items():
        # spaCy is CPU-bound: run it in a thread so the consumer stays alive.
        outputs = await asyncio.to_thread(extract_stage, key, value,
                                          settings.max_message_bytes)
        await send_all(outputs)
