"""`newswire feeds ...`: the live feed list on news.feeds, its state, offline parsing.

The feed list is the compacted feeds topic and the per-feed state is the
changelog of the pollers' ``feed_state`` table, so these commands read and
write Kafka directly and work whether or not pollers are running.
"""
from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from pipeline.config import Settings
from pipeline.errors import CommandError, RejectedInput
from pipeline.feeds.commands import FeedCommand, add_commands, decode_command, encode_command
from pipeline.feeds.opml import FeedSpec, read_feed_list, write_opml

ACTIONS = ("list", "add", "remove", "import", "export", "status", "parse")


def add_parser(sub) -> None:
    """The `feeds` subcommand and its actions, for cli.build_parser."""
    p = sub.add_parser("feeds", help="list, add, remove, import, export the live feed list; status; parse",
                       description="The feed list lives on the compacted news.feeds topic: pollers "
                                   "pick up changes while they run. `status` shows each feed's "
                                   "polling state, last error and next poll time. `parse FILE` "
                                   "prints the RawArticles the poller would emit for a saved feed "
                                   "file, with no network and no Kafka.")
    actions = p.add_subparsers(dest="feeds_action", required=True, metavar="ACTION")
    a = actions.add_parser("list", help="the feeds on the list, with titles")
    a.add_argument("--format", choices=["text", "json"], default="text")
    a = actions.add_parser("add", help="add a feed (re-enables a disabled or gone one)")
    a.add_argument("url")
    a.add_argument("--title")
    a = actions.add_parser("remove", help="remove a feed; pollers stop polling it")
    a.add_argument("url")
    a = actions.add_parser("import", help="add every feed of an OPML file, URL list or folder")
    a.add_argument("file")
    a = actions.add_parser("export", help="write the feed list as OPML")
    a.add_argument("file", nargs="?", default="-", help="output file (default: stdout)")
    a = actions.add_parser("status", help="each feed's state, errors, last and next poll")
    a.add_argument("--format", choices=["text", "json"], default="text")
    a = actions.add_parser("parse", help="print the RawArticles a saved feed file yields (offline)")
    a.add_argument("file")
    a.add_argument("--url", help="the feed's URL, which relative links resolve against "
                                 "(default: the feed's own self or alternate link)")
    a.add_argument("--format", choices=["json", "pretty"], default="json")


def run(args, settings: Settings) -> int:
    action = args.feeds_action
    if action == "parse":
        return cmd_parse(args)
    if action in ("add", "remove", "import"):
        return _write(args, settings)
    feeds = current_feeds(settings)
    if action == "list":
        return _print_list(feeds, args.format)
    if action == "export":
        text = write_opml([FeedSpec(url, title) for url, title in feeds.items()])
        if args.file == "-":
            sys.stdout.write(text)
        else:
            Path(args.file).write_text(text, encoding="utf-8")
            print(f"exported {len(feeds)} feeds to {args.file}", file=sys.stderr)
        return 0
    return _print_status(feeds, read_states(settings), args.format)


def _write(args, settings: Settings) -> int:
    from newswire.kafkaio import produce
    if args.feeds_action == "import":
        try:
            messages = add_commands(read_feed_list(args.file))
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from None
    else:
        _check_url(args.url)
        command = FeedCommand(args.feeds_action, args.url, getattr(args, "title", None))
        messages = [encode_command(command)]
    sent = asyncio.run(produce(settings.bootstrap, [(settings.feeds_topic, k, v) for k, v in messages]))
    verb = {"import": "imported", "add": "added", "remove": "removed"}[args.feeds_action]
    print(f"{verb} {sent} feed{'s' if sent != 1 else ''}", file=sys.stderr)
    return 0


def _check_url(url: str) -> None:
    if not url.startswith(("http://", "https://", "file:")):
        raise CommandError(f"not a feed URL: {url!r} (http, https or file)")


def _read(settings: Settings, topic: str) -> dict[bytes, bytes | None]:
    """Latest value per key of a compacted topic (None: deleted)."""
    from newswire.kafkaio import read_topic

    async def collect():
        return {k: v async for k, v in read_topic(settings.bootstrap, topic, idle_seconds=1.0)
                if k is not None}
    return asyncio.run(collect())


def current_feeds(settings: Settings) -> dict[str, str | None]:
    """URL -> title of every feed on the list now, in URL order."""
    feeds: dict[str, str | None] = {}
    for value in _read(settings, settings.feeds_topic).values():
        try:
            command = decode_command(value)
        except RejectedInput:  # a bad command is the pollers' dead letter, not ours
            continue
        if command.action == "add":
            feeds[command.url] = command.title
        else:
            feeds.pop(command.url, None)
    return dict(sorted(feeds.items()))


def read_states(settings: Settings) -> dict[str, dict[str, Any]]:
    states = {}
    for key, value in _read(settings, settings.feed_state_topic).items():
        try:
            states[key.decode("utf-8")] = orjson.loads(value) if value else None
        except (UnicodeDecodeError, orjson.JSONDecodeError):
            continue
    return {url: state for url, state in states.items() if isinstance(state, dict)}


def _print_list(feeds: dict[str, str | None], fmt: str) -> int:
    if fmt == "json":
        print(orjson.dumps([{"url": u, "title": t} for u, t in feeds.items()]).decode())
    for url, title in feeds.items() if fmt == "text" else ():
        print(f"{url}\t{title or ''}")
    return 0


def feed_status(url: str, state: dict[str, Any] | None) -> dict[str, Any]:
    """One feed's row of `feeds status`."""
    state = state or {}
    if state.get("moved_to"):
        status = "moved"
    elif state.get("gone"):
        status = "gone"
    elif state.get("disabled"):
        status = "disabled"
    elif state.get("error_count"):
        status = "failing"
    else:
        status = "ok" if state.get("last_poll") else "new"
    return {"url": url, "status": status, "errors": state.get("error_count", 0),
            "last_poll": _stamp(state.get("last_poll")), "next_poll": _stamp(state.get("next_poll")),
            "interval_seconds": state.get("interval"),
            "last_error": state.get("disabled") or state.get("last_error")}


def _print_status(feeds: dict[str, str | None], states: dict[str, dict], fmt: str) -> int:
    rows = [feed_status(url, states.get(url)) for url in feeds]
    if fmt == "json":
        print(orjson.dumps(rows).decode())
        return 0
    print(f"{'status':9} {'errors':>6}  {'last poll':20} {'next poll':20} url / last error")
    for row in rows:
        print(f"{row['status']:9} {row['errors']:>6}  {row['last_poll'] or '-':20} "
              f"{row['next_poll'] or '-':20} {row['url']}")
        if row["last_error"]:
            print(f"{'':60}   {row['last_error']}")
    return 0


def _stamp(epoch: Any) -> str | None:
    if not isinstance(epoch, (int, float)):
        return None
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def cmd_parse(args) -> int:
    from pipeline import codec
    from pipeline.feeds.poller import articles_from_document
    from pipeline.feeds.schedule import FeedState

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"{args.file}: {exc.strerror or exc}") from None
    # Without --url the feed is known by its file:// URL, but that path is
    # never a base for its links (parse_feed uses the feed's own addresses).
    feed_url = args.url or path.resolve().as_uri()
    parsed, fresh, _ = articles_from_document(data, feed_url=feed_url, headers=None,
                                              fetched_at=codec.now_rfc3339(),
                                              state=FeedState(url=feed_url))
    option = orjson.OPT_INDENT_2 if args.format == "pretty" else 0
    sys.stdout.buffer.write(orjson.dumps([codec.to_dict(a) for a in fresh], option=option) + b"\n")
    problem = parsed.error or parsed.warning
    if problem:
        print(f"{args.file}: {'error' if parsed.error else 'warning'}: {problem}", file=sys.stderr)
    return 1 if parsed.error else 0
