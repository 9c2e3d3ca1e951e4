"""news.raw -> news.clean: decode, clean, send, or dead-letter.

Raw articles come in batches (``stream.take_events``): one hop to a thread
cleans them all, and one wait sees every output acknowledged, so no
article waits for the previous one's round trip. At least once holds as in
``agents/extract.py``: a batch's events are acked only when the loop comes
back for the next batch, after ``send_all`` returned.
"""
from __future__ import annotations

import asyncio
import time

from agents.app import app, send_all, settings, topics
from agents.tables import recent_articles as recent
from pipeline import metrics
from pipeline.stages import clean_batch_stage


@app.agent(topics["raw"])
async def clean(stream):
    async for events in stream.take_events(settings.clean_batch, settings.clean_batch_ms / 1000):
        try:
            metrics.messages_in.labels("clean").inc(len(events))
            recent.sync()  # on the loop: load once, then other workers' fingerprints
            began = time.perf_counter()
            # Off the event loop, so heartbeats and sends keep flowing meanwhile.
            results = await asyncio.to_thread(clean_batch_stage, [(e.key, e.value) for e in events],
                                              recent, settings.max_message_bytes)
            metrics.observe_extraction("clean", time.perf_counter() - began, len(events))
            await send_all([out for outputs in results for out in outputs], "clean")
        except BaseException:
            for event in events:
                event.message.incref()  # never acked: whoever owns the partition next reads it
            raise
        # Table writes: on the loop, inside the stream, as part of the
        # batch's last event; the event take_events may be holding is put
        # back right after, with no await in between.
        previous = stream.current_event
        stream._set_current_event(events[-1])
        recent.sync()
        stream._set_current_event(previous)
