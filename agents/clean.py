"""news.raw -> news.clean: decode, clean, send, or dead-letter.

Raw articles come in batches (``stream.take_events``): one hop to a thread
cleans them all, and one wait sees every output acknowledged, so no
article waits for the previous one's round trip. At least once holds as in
``agents/extract.py``: a batch's events are acked only when the loop comes
back for the next batch, after ``send_all`` returned.
"""
from __future__ import annotations

from agents.app import app, as_part_of, process_batch, settings, topics
from agents.tables import recent_articles as recent
from pipeline.stages import clean_batch_stage


@app.agent(topics["raw"])
async def clean(stream):
    async for events in stream.take_events(settings.clean_batch, settings.clean_batch_ms / 1000):
        # before: load the table once, then apply other workers' fingerprints
        await process_batch("clean", events, clean_batch_stage, recent, settings.max_message_bytes,
                            before=recent.sync)
        with as_part_of(stream, events[-1]):  # table writes: on the loop, in the stream
            recent.sync()
