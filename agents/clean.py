"""news.raw -> news.clean: decode, clean, send, or dead-letter."""
from __future__ import annotations

import asyncio
import time

from agents.app import app, send_all, settings, topics
from agents.tables import recent_articles as recent
from pipeline import metrics
from pipeline.stages import clean_stage


@app.agent(topics["raw"])
async def clean(stream):
    async for key, value in stream.items():
        metrics.messages_in.labels("clean").inc()
        recent.sync()  # on the loop: load once, then other workers' fingerprints
        began = time.perf_counter()
        # Off the event loop, so heartbeats and sends keep flowing meanwhile.
        outputs = await asyncio.to_thread(clean_stage, key, value, recent,
                                          settings.max_message_bytes)
        metrics.observe_extraction("clean", time.perf_counter() - began, 1)
        await send_all(outputs, "clean")
        recent.sync()  # table writes: on the loop, inside the stream
