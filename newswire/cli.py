"""The `newswire` command line: one entry point for every role and tool."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import patches
from pipeline import config

DESCRIPTION = """newswire: news feeds to a live Kafka stream of clean articles,
entities, statements (who said what) and PLOVER events (who did what to whom).

Settings come from NEWSWIRE_* environment variables (see README); with no
NEWSWIRE_KAFKA_BOOTSTRAP the local broker under .cache/kafka is used."""


def _add_feeds_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--feeds", metavar="PATH",
                        help="OPML file, text file of feed URLs, or folder of saved feed files "
                             "(default: the bundled list of public news feeds)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newswire", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="the main job: local broker, pollers and workers, live progress",
                       description="Start the local Kafka broker (unless NEWSWIRE_KAFKA_BOOTSTRAP is "
                                   "set), create the topics, then poll feeds and process articles in "
                                   "one process, printing progress every two seconds. Ctrl-C stops it.")
    _add_feeds_option(p)
    p = sub.add_parser("poll", help="poll feeds and publish raw articles to news.raw",
                       description="Run only the feed poller role (scale it separately from workers).")
    _add_feeds_option(p)
    sub.add_parser("worker", help="clean and extract: news.raw -> news.clean -> entities, statements, events",
                   description="Run only the processing agents. Start more workers (same "
                               "NEWSWIRE_APP_ID) to share the partitions.")

    p = sub.add_parser("process", help="analyse articles offline (no Kafka) and print JSON",
                       description="Run the whole analysis on articles: .txt (first line is the title, "
                                   "unless it is the only line), .html, or RawArticle .json files, "
                                   "a folder of them, or - for stdin. Prints {article, entities, "
                                   "statements, events} per article, one per line.")
    p.add_argument("inputs", nargs="*", default=["-"], metavar="FILE|DIR|-")
    p.add_argument("--url", help="the article's URL (sets its id); one input only")
    p.add_argument("--published", metavar="DATE", help="publication date, e.g. 2022-07-28")
    p.add_argument("--format", choices=["json", "pretty"], default="json",
                   help="json: one compact object per line (default); pretty: indented")

    p = sub.add_parser("tail", help="print the messages of a topic as JSON lines",
                       description="Read TOPIC (e.g. news.events) from the beginning and print each value.")
    p.add_argument("topic")
    p.add_argument("-f", "--follow", action="store_true", help="keep waiting for new messages")
    p.add_argument("-n", "--max", type=int, default=None, help="stop after this many messages")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")

    p = sub.add_parser("replay", help="re-publish articles from files, or re-process a topic",
                       description="FILE|DIR: send the articles (RawArticle JSON or JSON lines, .txt, "
                                   ".html) to news.raw. TOPIC: news.deadletter re-sends each dead "
                                   "letter's original bytes to its stage's input topic; news.raw "
                                   "re-sends every raw article so the workers process it again.")
    p.add_argument("source", metavar="FILE|DIR|TOPIC")
    p.add_argument("--published", metavar="DATE", help="publication date for .txt/.html inputs")

    from newswire import feeds_cli
    feeds_cli.add_parser(sub)

    p = sub.add_parser("broker", help="start, stop or inspect the local single-node Kafka broker",
                       description="The broker is assembled from Maven Central on first use "
                                   "(needs Java 17+ and Maven) and runs in KRaft mode on 127.0.0.1.")
    p.add_argument("action", choices=["start", "stop", "status"])
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    patches.install()
    if getattr(args, "feeds", None):
        os.environ["NEWSWIRE_FEEDS"] = str(Path(args.feeds).resolve())
    from newswire import commands
    from pipeline.errors import OPERATOR_EXIT, OperatorError
    handler = getattr(commands, f"cmd_{args.command}")
    try:
        return handler(args, config.load()) or 0
    except KeyboardInterrupt:
        return 130
    except OperatorError as exc:  # see pipeline/errors.py for what the other kinds become
        print(f"newswire {args.command}: {exc}", file=sys.stderr)
        return OPERATOR_EXIT


if __name__ == "__main__":
    sys.exit(main())
