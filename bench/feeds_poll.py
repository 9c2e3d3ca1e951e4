"""Benchmark: one FeedPoller over N feeds served from 127.0.0.1, against a bare aiohttp loop.

A local aiohttp server, in a separate process pinned to the other core(s)
so it does not steal the poller's, serves ``/f/<n>``. What it answers
depends on a shared generation ``g`` and a switch for conditional GET:
feed n at generation g lists stories g .. g+19 (newest first) with ETag
``"g<g>"``, and answers 304 to that ETag while the switch is on. The
poller process is pinned to one core (``os.sched_setaffinity``), so its
figures are "one core". Phases, each run by the poller and then by a bare
loop of the same aiohttp client over the same URLs with the same
conditional headers and concurrency:

  200-new   g=0, fresh state: 20 new entries per feed (full parse, emit 20)
  200-same  validators ignored, same bytes as last poll (body-hash skip)
  200-one   g=1, validators ignored: 1 new entry of 20 (19 seen: keyed, not built)
  304       g=1, validators honoured: every feed answers 304
  mixed     g=2, half the feeds still hold "g2" (304), half "g1" (200, 1 new)

Reported per phase: polls per second (wall), CPU microseconds per poll of
this process (the server runs elsewhere) and its inverse, polls per
CPU-second (what one core sustains), and poller / bare ratios. The
poller emits into a counter (no Kafka) and keeps state in memory, so this is
the cost of polling itself. Everything talks to 127.0.0.1 only, and the
whole run is bounded by --max-seconds.

    .venv/bin/python -m bench.feeds_poll --feeds 10000
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import multiprocessing
import os
import socket
import sys
import time

import aiohttp

import patches
from pipeline.feeds.fetch import make_client
from pipeline.feeds.poller import FeedPoller, PollerOptions

ENTRIES = 20


def feed_body(n: int, gen: int) -> bytes:
    items = "".join(
        f"<item><title>Feed {n} story {i}: ministers meet to discuss the corridor</title>"
        f"<link>https://news.example.com/{n}/story-{i}?utm_source=rss</link>"
        f"<guid isPermaLink='false'>feed{n}-story{i}</guid>"
        f"<pubDate>Tue, 14 May 2024 1{i % 10}:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;The foreign minister of feed {n} met his counterpart on "
        f"Tuesday to discuss item {i}, officials said.&lt;/p&gt;</description></item>"
        for i in range(gen + ENTRIES - 1, gen - 1, -1))
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Bench feed {n}</title><link>https://news.example.com/{n}</link>"
            f"{items}</channel></rss>").encode()


def serve(sock: socket.socket, gen, conditional) -> None:
    from aiohttp import web

    async def handler(request: web.Request) -> web.Response:
        etag = f'"g{gen.value}"'
        if conditional.value and request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        body = feed_body(int(request.match_info["n"]), gen.value)
        return web.Response(body=body, headers={"ETag": etag}, content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/f/{n}", handler)
    web.run_app(app, sock=sock, print=None, access_log=None, handle_signals=True)


def start_servers(count: int, gen, conditional, cores: set[int]) -> tuple[str, list]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(4096)
    procs = [multiprocessing.Process(target=serve, args=(sock, gen, conditional), daemon=True)
             for _ in range(count)]
    for proc in procs:
        proc.start()
        if cores:
            os.sched_setaffinity(proc.pid, cores)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", procs


async def wait_ready(base: str) -> None:
    async with aiohttp.ClientSession() as client:
        for _ in range(100):
            try:
                async with client.get(f"{base}/f/0") as response:
                    await response.read()
                return
            except aiohttp.ClientError:
                await asyncio.sleep(0.1)
    raise RuntimeError("bench server did not start")


def measure(label: str, polls: int, wall: float, cpu: float) -> dict:
    rate, cpu_per = polls / wall, cpu / max(polls, 1)
    print(f"  {label:8} {polls:6d} polls in {wall:6.2f}s = {rate:7.0f}/s, "
          f"{cpu_per * 1e6:6.0f} us CPU/poll", flush=True)
    return {"rate": rate, "cpu": cpu_per}


async def run_poller(poller: FeedPoller, client: aiohttp.ClientSession, label: str) -> dict:
    wall, cpu = time.perf_counter(), time.process_time()
    count = await poller.poll_due(client)
    return measure(label, count, time.perf_counter() - wall, time.process_time() - cpu)


async def run_bare(client: aiohttp.ClientSession, etags: dict[str, str | None],
                   concurrency: int) -> dict:
    """The same GETs with nothing around them: the floor any poller pays."""
    slots = asyncio.Semaphore(concurrency)

    async def get(url: str, etag: str | None) -> None:
        headers = {"If-None-Match": etag} if etag else {}
        async with slots, client.get(url, headers=headers, allow_redirects=False) as response:
            await response.read()  # the poller reads the body too
    wall, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(get(url, etag) for url, etag in etags.items()))
    return measure("bare", len(etags), time.perf_counter() - wall, time.process_time() - cpu)


def make_due(poller: FeedPoller, etags: dict[str, str | None] | None = None) -> dict:
    """Every feed due now, with the given ETags; returns what each will send."""
    for url, state in poller.states.items():
        etag = etags.get(url, state.etag) if etags is not None else state.etag
        poller.states[url] = dataclasses.replace(state, next_poll=None, etag=etag)
    return {url: state.etag for url, state in poller.states.items()}


# (phase, generation, validators honoured, new entries expected per 200 feed)
PHASES = [("200-new", 0, False, ENTRIES), ("200-same", 0, False, 0), ("200-one", 1, False, 1),
          ("304", 1, True, 0), ("mixed", 2, True, 1)]


async def bench(base: str, feeds: int, concurrency: int, gen, conditional) -> dict:
    urls = [f"{base}/f/{n}" for n in range(feeds)]
    emitted = 0

    async def emit(article) -> None:
        nonlocal emitted
        emitted += 1
    options = PollerOptions(fetch_full_text=False, concurrency=concurrency, per_host=concurrency,
                            trust_env=False)
    poller = FeedPoller(urls, emit, options=options)
    results = {}
    async with poller.client() as client, make_client(limit=concurrency, trust_env=False) as bare:
        print(f"{feeds} feeds on {base}, concurrency {concurrency}")
        for phase, generation, honoured, new in PHASES:
            gen.value, conditional.value = generation, int(honoured)
            etags = {"304": {u: '"g1"' for u in urls},  # preloaded, whatever came before
                     "mixed": {u: '"g2"' if i % 2 else '"g1"' for i, u in enumerate(urls)}}
            sent = make_due(poller, etags.get(phase))
            before = emitted
            results[phase] = (await run_poller(poller, client, phase),
                              await run_bare(bare, sent, concurrency))
            expect = new * ((feeds + 1) // 2 if phase == "mixed" else feeds)
            assert emitted - before == expect, f"{phase}: emitted {emitted - before}, not {expect}"
    return results


def report(results: dict) -> None:
    # Polls per CPU-second is the one-core capacity; wall rates also move with
    # whatever else the machine runs (the server, other jobs).
    print("\n| phase | poller /s (wall) | poller CPU us/poll | poller polls/CPU-s "
          "| bare aiohttp /s (wall) | bare CPU us/poll | ratio wall | ratio CPU |")
    print("|---|---|---|---|---|---|---|---|")
    for phase, (p, b) in results.items():
        print(f"| {phase} | {p['rate']:,.0f} | {p['cpu'] * 1e6:,.0f} | {1 / p['cpu']:,.0f} "
              f"| {b['rate']:,.0f} | {b['cpu'] * 1e6:,.0f} | {p['rate'] / b['rate']:.2f} "
              f"| {b['cpu'] / p['cpu']:.2f} |")


def pin(poller_core: int | None) -> set[int]:
    """Pin this process to one core; return the cores left for the server."""
    cores = os.sched_getaffinity(0)
    if poller_core is None or len(cores) < 2:
        return set()
    os.sched_setaffinity(0, {poller_core})
    return cores - {poller_core}


def main() -> int:
    patches.install()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--servers", type=int, default=1, help="server processes")
    parser.add_argument("--core", type=int, default=0,
                        help="core to pin the poller to (-1: no pinning)")
    parser.add_argument("--max-seconds", type=float, default=900)
    args = parser.parse_args()
    gen, conditional = multiprocessing.Value("i", 0), multiprocessing.Value("i", 0)
    server_cores = pin(None if args.core < 0 else args.core)
    print(f"poller pinned to {sorted(os.sched_getaffinity(0))}, "
          f"server to {sorted(server_cores) or 'any'}")
    base, procs = start_servers(args.servers, gen, conditional, server_cores)
    try:
        asyncio.run(wait_ready(base))
        report(asyncio.run(asyncio.wait_for(
            bench(base, args.feeds, args.concurrency, gen, conditional), args.max_seconds)))
    except TimeoutError:
        print(f"stopped after --max-seconds {args.max_seconds}", file=sys.stderr)
        return 1
    finally:
        for proc in procs:
            proc.terminate()
            proc.join(5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
