"""The Faust agents, driven through Faust's own test_context (no broker)."""
from __future__ import annotations

import asyncio
from contextlib import ExitStack
from unittest.mock import AsyncMock, patch

import orjson

from agents.app import topics
from pipeline import codec
from pipeline.process import raw_from_document

ARTICLE = (b"Envoy visits Cairo\n\nThe French Foreign Minister Catherine Colonna met Egyptian "
           b"President Abdel Fattah el-Sisi in Cairo on Monday.\n\n"
           b"\xe2\x80\x9cWe discussed the situation in Gaza,\xe2\x80\x9d Colonna said.")


def _drive(agent, messages, expect: int):
    """Put (key, value) messages through an agent; return {role: [(key, value)]}.

    ``put`` returns once the agent has taken a message, not once it sent its
    outputs (the work runs in a thread), so wait for ``expect`` outputs.
    """
    sent: dict[str, list] = {role: [] for role in topics}

    async def go():
        with ExitStack() as stack:
            for role, topic in topics.items():
                async def fake_send(*, key=None, value=None, _role=role, **_):
                    sent[_role].append((key, value))
                    delivered = asyncio.get_running_loop().create_future()
                    delivered.set_result(None)  # like Faust: a future of the broker's ack
                    return delivered
                stack.enter_context(patch.object(topic, "send", AsyncMock(side_effect=fake_send)))
            async with agent.test_context() as context:
                for key, value in messages:
                    await context.put(value, key=key)
                for _ in range(600):
                    if sum(map(len, sent.values())) >= expect:
                        break
                    await asyncio.sleep(0.05)
    asyncio.run(go())
    return sent


def test_clean_agent_sends_clean_article_and_dead_letters():
    from agents.clean import clean
    raw = raw_from_document(ARTICLE, url="https://example.org/cairo", published="2023-10-09")
    sent = _drive(clean, [(b"bad", b"not json"), (raw.id.encode(), orjson.dumps(raw))], expect=2)
    assert len(sent["clean"]) == 1
    key, value = sent["clean"][0]
    article = orjson.loads(value)
    codec.validate("clean_article", article)
    assert key == raw.id.encode() and article["id"] == raw.id
    [(dl_key, dl_value)] = sent["deadletter"]
    letter = orjson.loads(dl_value)
    codec.validate("dead_letter", letter)
    assert dl_key == b"bad" and letter["stage"] == "clean" and letter["error_type"] == "undecodable"


def test_extract_agent_emits_entities_statements_events():
    from agents.extract import extract
    from pipeline.text.clean import clean_article
    raw = raw_from_document(ARTICLE, url="https://example.org/cairo", published="2023-10-09")
    article = clean_article(raw)
    sent = _drive(extract, [(article.id.encode(), codec.encode(article))], expect=3)
    [(_, entities)] = sent["entities"]
    codec.validate("article_entities", orjson.loads(entities))
    assert sent["statements"], "the quote is a statement"
    for role, name in (("statements", "statement"), ("events", "event")):
        for key, value in sent[role]:
            record = orjson.loads(value)
            codec.validate(name, record)
            assert key == record["id"].encode()
    assert sent["deadletter"] == []


def test_extract_agent_acks_a_batch_only_once_the_broker_has_its_outputs():
    """Two articles and a bad message go through one batch; none of the three
    is acked while any of its outputs is still unacknowledged by the broker."""
    from agents.extract import extract
    from pipeline.text.clean import clean_article
    articles = [clean_article(raw_from_document(ARTICLE, url=f"https://example.org/cairo/{n}",
                                                published="2023-10-09")) for n in range(2)]
    messages = [(a.id.encode(), codec.encode(a)) for a in articles] + [(b"bad", b"not json")]
    sent: dict[str, list] = {role: [] for role in topics}
    unacked_at_send: list[bool] = []
    events = []

    async def go():
        broker_acks: list[asyncio.Future] = []
        with ExitStack() as stack:
            for role, topic in topics.items():
                async def fake_send(*, key=None, value=None, _role=role, **_):
                    sent[_role].append((key, value))
                    unacked_at_send.append(not any(e.message.acked for e in events))
                    broker_acks.append(asyncio.get_running_loop().create_future())
                    return broker_acks[-1]
                stack.enter_context(patch.object(topic, "send", AsyncMock(side_effect=fake_send)))
            async with extract.test_context() as context:
                for key, value in messages:
                    events.append(await context.put(value, key=key, wait=False))
                for _ in range(600):  # the batch is parsed and its sends are queued
                    if sent["deadletter"] and len(sent["entities"]) == 2:
                        break
                    await asyncio.sleep(0.05)
                await asyncio.sleep(0.3)
                before = [e.message.acked for e in events]
                for ack in broker_acks:
                    ack.set_result(None)
                for _ in range(100):
                    if all(e.message.acked for e in events):
                        break
                    await asyncio.sleep(0.05)
                await asyncio.sleep(0.3)  # the loop learns the batch's entities after the acks
                assert context._crash_reason is None, context._crash_reason
                return before, [e.message.acked for e in events]
    before, after = asyncio.run(go())
    assert len(sent["entities"]) == 2 and len(sent["deadletter"]) == 1
    assert all(unacked_at_send) and before == [False, False, False]
    assert after == [True, True, True]
