"""news.clean -> news.entities, news.statements, news.events (or dead letters).

Articles come in batches (``stream.take_events``) so spaCy parses several
in one pass and their outputs go to the broker in one round of sends.
take_events acks a batch's events when the loop comes back for the next
batch, that is after ``send_all`` saw every output acknowledged: at least
once holds. If the agent is stopped inside a batch, its events are held
back (one more reference each), so the ack take_events makes on its way
out never lets their offsets be committed.
"""
from __future__ import annotations

import asyncio
import time

from agents.app import app, send_all, settings, topics
from agents.tables import alias_memory as memory
from pipeline import metrics
from pipeline.stages import extract_batch_stage, learned_entities


@app.agent(topics["clean"])
async def extract(stream):
    async for events in stream.take_events(settings.extract_batch, settings.extract_batch_ms / 1000):
        try:
            metrics.messages_in.labels("extract").inc(len(events))
            began = time.perf_counter()
            # spaCy is CPU-bound: run it in a thread so the consumer stays alive.
            results = await asyncio.to_thread(extract_batch_stage, [(e.key, e.value) for e in events],
                                              settings.max_message_bytes, memory)
            metrics.observe_extraction("extract", time.perf_counter() - began, len(events))
            await send_all([out for outputs in results for out in outputs], "extract")
        except BaseException:
            for event in events:
                event.message.incref()  # never acked: whoever owns the partition next reads it
            raise
        # Table writes: on the loop, in order, each as part of its article's
        # event (its partition); then the event take_events' buffer may be
        # waiting to add is put back, with no await in between.
        previous = stream.current_event
        for event, outputs in zip(events, results, strict=True):
            stream._set_current_event(event)
            memory.learn(learned_entities(outputs))
        stream._set_current_event(previous)
