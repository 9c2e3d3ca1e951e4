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

from agents.app import app, as_part_of, process_batch, settings, topics
from agents.tables import alias_memory as memory
from pipeline.stages import extract_batch_stage, learned_entities


@app.agent(topics["clean"])
async def extract(stream):
    async for events in stream.take_events(settings.extract_batch, settings.extract_batch_ms / 1000):
        # spaCy is CPU-bound: process_batch runs it in a thread so the consumer stays alive.
        results = await process_batch("extract", events, extract_batch_stage,
                                      settings.max_message_bytes, memory)
        # Table writes: on the loop, in order, each as part of its article's
        # event (its partition).
        for event, outputs in zip(events, results, strict=True):
            with as_part_of(stream, event):
                memory.learn(learned_entities(outputs))
