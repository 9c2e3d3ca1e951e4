"""news.raw -> news.clean: decode, clean, send, or dead-letter."""
from __future__ import annotations

import asyncio

from agents.app import app, send_all, settings, topics
from pipeline.stages import clean_stage
from pipeline.text.dedupe import RecentFingerprints

# Fingerprints of the articles this worker cleaned recently (bounded), for
# near-duplicates. Per process for now, like the alias memory (agents/extract.py).
recent = RecentFingerprints()


@app.agent(topics["raw"])
async def clean(stream):
    async for key, value in stream.items():
        # Off the event loop, so heartbeats and sends keep flowing meanwhile.
        outputs = await asyncio.to_thread(clean_stage, key, value, recent,
                                          settings.max_message_bytes)
        await send_all(outputs)
