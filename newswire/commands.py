"""What each `newswire` subcommand does; argument parsing lives in cli.py."""
from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson

from newswire import broker as local
from pipeline.config import Settings
from pipeline.errors import CommandError

DOCUMENT_SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}


def local_broker(settings: Settings) -> local.LocalBroker:
    return local.LocalBroker(settings.broker_home, settings.broker_port)


def ensure_broker(settings: Settings) -> local.LocalBroker | None:
    """Start the local broker when no cluster is configured; None otherwise."""
    if not settings.uses_local_broker:
        return None
    node = local_broker(settings)
    seconds = node.start()  # a BrokerError is the operator's: the cli reports it
    print(f"kafka {node.version()} on {node.bootstrap} ready"
          + (f" in {seconds:.1f}s" if seconds else " (already running)"), file=sys.stderr)
    return node


def _prepare_topics(settings: Settings) -> None:
    from newswire.kafkaio import ensure_topics
    created = asyncio.run(ensure_topics(settings))
    if created:
        print(f"created topics: {', '.join(created)}", file=sys.stderr)


def cmd_run(args, settings: Settings) -> int:
    from newswire import worker
    node = ensure_broker(settings)
    _prepare_topics(settings)
    try:
        worker.start(["poll", "work", "progress"], loglevel=settings.log_level)
    finally:
        if node is not None:
            node.stop()
            print("local broker stopped", file=sys.stderr)
    return 0


def cmd_poll(args, settings: Settings) -> int:
    from newswire import worker
    _prepare_topics(settings)
    worker.start(["poll"], loglevel=settings.log_level)
    return 0


def cmd_worker(args, settings: Settings) -> int:
    from newswire import worker
    _prepare_topics(settings)
    worker.start(["work"], loglevel=settings.log_level)
    return 0


def cmd_broker(args, settings: Settings) -> int:
    node = local_broker(settings)
    if args.action == "start":
        ensure_broker(settings)
        _prepare_topics(settings)
    elif args.action == "stop":
        print("stopped" if node.stop() else "not running")
    else:
        print(f"kafka {node.version()}: {node.status()}")
        return 0 if node.pid() is not None else 3
    return 0


def iter_documents(inputs: list[str]) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) for every input file, expanding folders in name order."""
    for item in inputs:
        if item == "-":
            yield "-", sys.stdin.buffer.read()
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES:
                    yield str(child), child.read_bytes()
        elif path.is_file():
            yield str(path), path.read_bytes()
        else:
            raise CommandError(f"no such file or folder: {item}")


def cmd_process(args, settings: Settings) -> int:
    from pipeline.codec import RejectedInput
    from pipeline.nlp.entities import AliasMemory
    from pipeline.process import analysis_json, analyze_raw, raw_from_document
    from pipeline.text.dedupe import RecentFingerprints

    if args.url and (len(args.inputs) > 1 or Path(args.inputs[0]).is_dir()):
        raise CommandError("--url names one article: give one input with it")
    # Shared across the inputs: near-duplicates and learned aliases span articles.
    recent, memory, failures = RecentFingerprints(), AliasMemory(), 0
    for name, data in iter_documents(args.inputs):
        try:
            raw = raw_from_document(data, name=name, url=args.url, published=args.published)
            result = analyze_raw(raw, recent=recent, memory=memory)
        except RejectedInput as exc:  # UnusableContent is one too
            failures += 1
            print(f"{name}: skipped: {exc}", file=sys.stderr)
            continue
        sys.stdout.buffer.write(analysis_json(result, pretty=args.format == "pretty") + b"\n")
        sys.stdout.flush()
    return 1 if failures else 0


def _replay_messages(source: str, settings: Settings, published: str | None):
    from newswire.kafkaio import read_topic
    from pipeline import codec
    from pipeline.process import raw_from_document
    from pipeline.stages import replay_route

    if Path(source).exists():
        for name, data in iter_documents([source]):
            if name.endswith(".jsonl"):
                raws = [codec.decode("raw_article", line) for line in data.splitlines() if line.strip()]
            else:
                raws = [raw_from_document(data, name=name, published=published)]
            for raw in raws:
                yield settings.topic("raw"), raw.id.encode(), orjson.dumps(raw)
        return

    async def collect():
        return [m async for m in read_topic(settings.bootstrap, source)]
    roles = {settings.topic(r): r for r in ("raw", "clean", "deadletter")}
    if source not in roles:
        raise CommandError(f"{source} is neither a file nor a replayable topic ({', '.join(roles)})")
    for key, value in asyncio.run(collect()):
        route = replay_route(roles[source], key, value)
        if route is not None:
            role, out_key, out_value = route
            yield settings.topic(role), out_key, out_value


def cmd_replay(args, settings: Settings) -> int:
    from newswire.kafkaio import produce
    ensure_broker(settings)  # the local one, if that is what is configured
    messages = list(_replay_messages(args.source, settings, args.published))
    sent = asyncio.run(produce(settings.bootstrap, messages))
    print(f"replayed {sent} messages", file=sys.stderr)
    return 0


def cmd_feeds(args, settings: Settings) -> int:
    from newswire import feeds_cli
    if args.feeds_action != "parse":  # parse is offline: no broker, no topics
        ensure_broker(settings)
        _prepare_topics(settings)
    return feeds_cli.run(args, settings)


def cmd_tail(args, settings: Settings) -> int:
    from newswire.kafkaio import tail
    ensure_broker(settings)  # after `run` stopped it, its topics are still on disk
    with contextlib.suppress(BrokenPipeError):  # `newswire tail | head`: the reader had enough
        asyncio.run(tail(settings.bootstrap, args.topic, follow=args.follow,
                         pretty=args.pretty, limit=args.max))
    return 0
