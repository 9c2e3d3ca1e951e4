"""Benchmark: one FeedPoller over N feeds served from 127.0.0.1, against a bare httpx loop.

A local aiohttp server (in separate processes, so it does not share the
poller's core) serves ``/f/<n>``: 200 with 20 entries and an ETag, or 304
when the request carries that ETag. Three phases, each run by the poller
and by a bare loop of the same httpx client over the same URLs with the
same conditional headers and concurrency:

  200    every feed answers 200 (20 entries, all new: parse, dedupe, emit)
  304    every feed answers 304
  mixed  half 304, half 200 with nothing new

Reported per phase: polls per second (wall), CPU seconds per poll of this
process (the server runs elsewhere), and poller / bare ratios. The poller
emits into a counter (no Kafka) and keeps state in memory, so this is the
cost of polling itself. Everything talks to 127.0.0.1 only, and the whole
run is bounded by --max-seconds.

    .venv/bin/python bench/feeds_poll.py --feeds 10000
"""
from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import socket
import sys
import time

import httpx

from pipeline.feeds import schedule
from pipeline.feeds.poller import FeedPoller, PollerOptions

ETAG = '"v1"'


def feed_body(n: int) -> bytes:
    items = "".join(
        f"<item><title>Feed {n} story {i}: ministers meet to discuss the corridor</title>"
        f"<link>https://news.example.com/{n}/story-{i}?utm_source=rss</link>"
        f"<guid isPermaLink='false'>feed{n}-story{i}</guid>"
        f"<pubDate>Tue, 14 May 2024 1{i % 10}:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;The foreign minister of feed {n} met his counterpart on "
        f"Tuesday to discuss item {i}, officials said.&lt;/p&gt;</description></item>"
        for i in range(20))
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Bench feed {n}</title><link>https://news.example.com/{n}</link>"
            f"{items}</channel></rss>").encode()


def serve(sock: socket.socket) -> None:
    from aiohttp import web

    async def handler(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == ETAG:
            return web.Response(status=304, headers={"ETag": ETAG})
        n = int(request.match_info["n"])
        return web.Response(body=feed_body(n), headers={"ETag": ETAG},
                            content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/f/{n}", handler)
    web.run_app(app, sock=sock, print=None, access_log=None, handle_signals=True)


def start_servers(count: int) -> tuple[str, list[multiprocessing.Process]]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1024)
    procs = [multiprocessing.Process(target=serve, args=(sock,), daemon=True) for _ in range(count)]
    for proc in procs:
        proc.start()
    return f"http://127.0.0.1:{sock.getsockname()[1]}", procs


async def wait_ready(base: str) -> None:
    async with httpx.AsyncClient(trust_env=False) as client:
        for _ in range(100):
            try:
                await client.get(f"{base}/f/0")
                return
            except httpx.HTTPError:
                await asyncio.sleep(0.1)
    raise RuntimeError("bench server did not start")


def measure(label: str, polls: int, wall: float, cpu: float) -> dict:
    rate, cpu_per = polls / wall, cpu / max(polls, 1)
    print(f"  {label:6} {polls:6d} polls in {wall:6.2f}s = {rate:7.0f}/s, "
          f"{cpu_per * 1e6:6.0f} us CPU/poll ({polls / max(cpu, 1e-9):6.0f} polls per CPU-second)")
    return {"rate": rate, "cpu": cpu_per}


async def run_poller(poller: FeedPoller, client: httpx.AsyncClient, label: str) -> dict:
    wall, cpu = time.perf_counter(), time.process_time()
    count = await poller.poll_due(client)
    return measure(label, count, time.perf_counter() - wall, time.process_time() - cpu)


async def run_bare(client: httpx.AsyncClient, urls: list[str], conditional: set[str],
                   concurrency: int, label: str) -> dict:
    """The same GETs with nothing around them: the floor any poller pays."""
    slots = asyncio.Semaphore(concurrency)

    async def get(url: str) -> None:
        headers = {"If-None-Match": ETAG} if url in conditional else {}
        async with slots:
            response = await client.get(url, headers=headers)
            response.content  # noqa: B018 - read the body, as the poller does
    wall, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(get(u) for u in urls))
    return measure(label, len(urls), time.perf_counter() - wall, time.process_time() - cpu)


def make_due(poller: FeedPoller, urls, clear_etag: bool = False) -> None:
    for url in urls:
        state = poller.states[url]
        poller.states[url] = schedule.FeedState(**{**state.__dict__, "next_poll": None,
                                                   "etag": None if clear_etag else state.etag})


async def bench(base: str, feeds: int, concurrency: int) -> None:
    urls = [f"{base}/f/{n}" for n in range(feeds)]
    emitted = 0

    async def emit(article) -> None:
        nonlocal emitted
        emitted += 1
    options = PollerOptions(fetch_full_text=False, concurrency=concurrency, per_host=concurrency)
    poller = FeedPoller(urls, emit, options=options)
    results = {}
    async with poller.client() as client, httpx.AsyncClient(
            trust_env=False, limits=httpx.Limits(max_connections=concurrency,
                                                 max_keepalive_connections=concurrency)) as bare:
        client._trust_env = False
        half = set(urls[::2])
        print(f"{feeds} feeds on {base}, concurrency {concurrency}")
        for phase, conditional in (("200", set()), ("304", set(urls)), ("mixed", half)):
            if phase == "304":
                make_due(poller, urls)
            elif phase == "mixed":
                make_due(poller, urls)
                make_due(poller, [u for u in urls if u not in half], clear_etag=True)
            results[phase] = (await run_poller(poller, client, phase),
                              await run_bare(bare, urls, conditional, concurrency, "bare"))
    assert emitted == feeds * 20, f"emitted {emitted}, expected {feeds * 20}"
    print("\nphase   poller/s   bare/s  ratio   poller CPU us/poll  bare CPU us/poll")
    for phase, (p, b) in results.items():
        print(f"{phase:6} {p['rate']:9.0f} {b['rate']:8.0f} {p['rate'] / b['rate']:6.2f} "
              f"{p['cpu'] * 1e6:18.0f} {b['cpu'] * 1e6:17.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--servers", type=int, default=3, help="server processes")
    parser.add_argument("--max-seconds", type=float, default=600)
    args = parser.parse_args()
    base, procs = start_servers(args.servers)
    try:
        asyncio.run(wait_ready(base))
        asyncio.run(asyncio.wait_for(bench(base, args.feeds, args.concurrency), args.max_seconds))
    except asyncio.TimeoutError:
        print(f"stopped after --max-seconds {args.max_seconds}", file=sys.stderr)
        return 1
    finally:
        for proc in procs:
            proc.terminate()
            proc.join(5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
