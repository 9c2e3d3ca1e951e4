"""The whole pipeline on the real local broker against `newswire process` offline.

    .venv/bin/python bench/stream.py [--pages 48] [--copies 1] [--workers 1,2,4]
                                     [--partitions 4] [--repeat 3] [--churn 0]
                                     [--image IMAGE | --compose] [--no-offline]

Offline: what ``newswire process`` runs per page (``raw_from_document``,
``analyze_raw`` with shared near-duplicate and alias memories, the JSON
out), in a fresh process after the warm-up a worker does before it joins
(``pipeline.stages.warm_up``), in wall and CPU seconds.

Stream: for each worker count, a fresh app id and topic prefix (topics of
``--partitions`` partitions, the setting's default unless given) on one local
broker (started here on a free port, or ``--bootstrap``); the workers are
real ``newswire worker`` processes, started and left to settle (group
Stable) before the clock starts; then every page goes onto news.raw at
once and the clock stops at the last article's entities record. Articles
per second are over that span; CPU seconds per article are the workers'
own (from /proc), the broker's given apart. Latency raw -> outputs is,
per article, the broker timestamp of its last entities/statements/events
record minus that of its raw record (p50, p95). With two workers or more,
the busiest one's share of the workers' CPU: articles go to partitions by
the hash of their id, so the split is rarely even, and the busiest worker
sets the span.

Churn (``--churn R``): R runs of two workers under load where a third
joins and then one leaves; for each start and stop, how long the group was
not Stable, against one session timeout; and whether every article
reached its entities record. ``--workers ""`` skips the throughput runs.

Containers (``--image IMAGE``): the workers run in that image instead
(``deploy/podman-offline.sh`` builds ``localhost/newswire:dev``), through
Podman on the host's network, the broker and the offline run as before;
a worker's CPU is its container's main process's.

Compose (``--compose``): the broker and the workers are docker-compose.yml's
services, with deploy/compose.bench.yml over it (the broker also listens for
the host on 127.0.0.1:29092; the workers take their app id, topic prefix,
partitions and count from the bench), run by podman-compose through
``deploy/podman-offline.sh compose`` (its ``kafka`` mode builds the broker's
image). The worker image is built from the work tree first; the broker
comes up once (the compose healthcheck run until it passes), each run
scales the workers up, and everything goes down at the end (``down -v``).
The poller is not started. CPU is the containers' main processes', the
broker's too.

Repeats (``--repeat N``): the offline run and the worker runs, N times in
turn; the ratios are taken within each round and their medians printed
last. This machine's speed drifts by a fifth from one minute to the next,
so a single round's ratio says little. Before the first round, one worker
runs the pages once unmeasured: a broker just started spent about 40% of
its CPU compiling its own code (the JIT), which a broker that has been up
a while no longer does.

Pages: the fundus_eval news pages (HTML, so cleaning does real work), then
the seed texts, read from ../shared/data; nothing is copied anywhere.
``--copies N`` sends each page N times under other URLs (so other article
ids, hashed to other partitions): more articles per run without other
text, which evens the split between workers and lengthens the span the
ratios are taken over. Both runs mark a copy a near-duplicate and analyse
it all the same, so both do the same work.
"""
from __future__ import annotations

import argparse
import asyncio
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import orjson  # noqa: E402
from aiokafka import AIOKafkaConsumer, TopicPartition  # noqa: E402

import patches  # noqa: E402
from newswire.broker import LocalBroker, free_port_pair  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.process import raw_from_document  # noqa: E402
from tests.integration import kafka_helpers as kh  # noqa: E402
from tests.shared_data import SHARED_DATA  # noqa: E402

PUBLISHED = "2022-07-28"
OUTPUT_ROLES = ("entities", "statements", "events")
TICKS = os.sysconf("SC_CLK_TCK")


def pages(limit: int, copies: int = 1):
    """RawArticles of the news pages, then the seed texts, up to ``limit``;
    ``copies`` times over under other URLs (other article ids, the same
    work: a syndicated copy is marked a duplicate and analysed all the same),
    so a run can hold more work than the 81 pages there are."""
    paths = sorted((SHARED_DATA / "cleaning/fundus_eval/dataset/html").glob("*.html.gz"))
    docs = [(p.name[:-3], gzip.decompress(p.read_bytes())) for p in paths]
    docs += [(p.name, p.read_bytes()) for p in sorted((SHARED_DATA / "seed").glob("*.txt"))]
    return [raw_from_document(data, name=name, url=f"https://bench.example/{c}/{n}/{name}",
                              published=PUBLISHED)
            for c in range(copies) for n, (name, data) in enumerate(docs[:limit])]


def offline(raws) -> tuple[float, float]:
    """(articles per wall second, CPU seconds per article) of `newswire process`'s loop,
    in this process."""
    from pipeline.nlp.entities import AliasMemory
    from pipeline.process import analysis_json, analyze_raw
    from pipeline.stages import warm_up
    from pipeline.text.dedupe import RecentFingerprints
    warm_up()  # what a worker does before it joins: model load, lexicons, caches
    recent, memory = RecentFingerprints(), AliasMemory()
    wall, cpu = time.perf_counter(), time.process_time()
    for raw in raws:
        analysis_json(analyze_raw(raw, recent=recent, memory=memory))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(raws) / wall, cpu / len(raws)


def offline_in_new_process(pages_: int, copies: int = 1) -> tuple[float, float]:
    """:func:`offline` in a process of its own, as cold as a worker starts:
    in the process that ran it before, a second pass was 10-15% faster
    (spaCy's vocabulary and the allocator already grown), which a fresh
    worker never is."""
    out = subprocess.run([sys.executable, __file__, "--offline-child", "--pages", str(pages_),
                          "--copies", str(copies)],
                         check=True, capture_output=True, text=True).stdout
    rate, cpu = orjson.loads(out.strip().splitlines()[-1])
    return rate, cpu


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


#: ``--image``: workers run in this container image (deploy/podman-offline.sh
#: builds it), through Podman as that script runs it; None: as processes.
WORKER_IMAGE: str | None = None
_PODMAN = ["podman", "--runtime", "runc", "--cgroup-manager", "cgroupfs"]


def _container_pid(name: str, proc: subprocess.Popen | None = None) -> int:
    """The host pid of a container's main process, once it has one."""
    for _ in range(600):
        pid = subprocess.run([*_PODMAN, "inspect", "--format", "{{.State.Pid}}", name],
                             capture_output=True, text=True).stdout.strip()
        if pid.isdigit() and int(pid) > 0:
            return int(pid)
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"container {name} exited with {proc.returncode}")
        time.sleep(0.1)
    raise RuntimeError(f"container {name} did not start")


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    """A `newswire worker`, as a process or in a container; ``.cpu_pid`` is
    the pid whose CPU is the worker's (in a container, its main process as
    the host sees it, not the podman client's)."""
    if WORKER_IMAGE is None:
        proc = kh.start_role("worker", env, log)
        proc.cpu_pid = proc.pid  # type: ignore[attr-defined]
        return proc
    name = f"nw-bench-{os.getpid()}-{time.monotonic_ns()}"
    inner = {k: v for k, v in env.items() if k.startswith("NEWSWIRE_")}
    inner["NEWSWIRE_DATA_DIR"] = "/tmp/faust"  # the container's own, not the host's
    flags = [f"--env={k}={v}" for k, v in sorted(inner.items())]
    limits = ["--ulimit", "nofile=20000:20000", "--ulimit", "nproc=4096:4096"]
    with open(log, "ab") as out:
        proc = subprocess.Popen([*_PODMAN, "run", "--rm", "--name", name, "--network", "host",
                                 *limits, "--env=PYTHONUNBUFFERED=1", *flags, WORKER_IMAGE, "worker"],
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    proc.cpu_pid = _container_pid(name, proc)  # type: ignore[attr-defined]
    return proc


#: ``--compose``: docker-compose.yml with the bench's overlay, through
#: podman-compose as deploy/podman-offline.sh runs it, as this project.
COMPOSE = False
COMPOSE_PROJECT = "newswire-bench"
COMPOSE_BOOTSTRAP = "127.0.0.1:29092"  # deploy/compose.bench.yml's listener for the host
COMPOSE_LOG = Path(os.environ.get("TMPDIR", "/tmp")) / "newswire-bench-compose.log"  # kept after the run


def compose(*args: str, check: bool = True, env: dict[str, str] | None = None) -> None:
    """``podman-compose ARGS`` on docker-compose.yml and deploy/compose.bench.yml;
    ``env`` fills the overlay's variables."""
    with open(COMPOSE_LOG, "ab") as out:
        subprocess.run(["bash", str(REPO / "deploy/podman-offline.sh"), "compose", "-p", COMPOSE_PROJECT,
                        "-f", "docker-compose.yml", "-f", "deploy/compose.bench.yml", *args],
                       env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT, check=check)


class ComposeWorker:
    """A worker container of the compose project, with what the bench asks of
    a worker process: ``poll()``, ``args``, ``returncode`` and ``cpu_pid``."""

    def __init__(self, name: str) -> None:
        self.args, self.returncode = name, None  # type: str, int | None
        self.cpu_pid = _container_pid(name)

    def poll(self) -> int | None:
        running = subprocess.run([*_PODMAN, "inspect", "--format", "{{.State.Running}}", self.args],
                                 capture_output=True, text=True).stdout.strip()
        self.returncode = None if running == "true" else 1
        return self.returncode


def start_workers(env: dict[str, str], count: int, tmp: Path, tag: str) -> list:
    """``count`` workers on ``env``'s topics and group: processes, containers
    of an image, or the compose file's worker service scaled to ``count``."""
    if not COMPOSE:
        return [start_worker(env, tmp / f"{tag}-{n}.log") for n in range(count)]
    names = ("NEWSWIRE_APP_ID", "NEWSWIRE_TOPIC_PREFIX", "NEWSWIRE_PARTITIONS", "NEWSWIRE_EXTRACT_BATCH")
    compose("up", "-d", "--no-deps", "worker",
            env={"BENCH_WORKERS": str(count), **{k: env[k] for k in names if k in env}})
    return [ComposeWorker(f"{COMPOSE_PROJECT}_worker_{n}") for n in range(1, count + 1)]


def stop_workers(procs: list) -> None:
    if COMPOSE:  # the overlay's scale: podman-compose stops as many as were started
        compose("down", "worker", check=False, env={"BENCH_WORKERS": str(len(procs))})
        return
    for proc in procs:
        kh.stop(proc)


def compose_broker() -> int:
    """Build the worker image from the work tree, bring the compose broker up
    and wait for its healthcheck to pass; the broker's host pid."""
    COMPOSE_LOG.write_bytes(b"")
    print(f"podman-compose: building the worker image, starting the broker (log: {COMPOSE_LOG})", flush=True)
    compose("build", "worker")
    compose("up", "-d", "kafka")
    name = f"{COMPOSE_PROJECT}_kafka_1"
    for _ in range(60):  # podman 4.3 runs no healthchecks by itself (systemd timers): run it here
        if subprocess.run([*_PODMAN, "healthcheck", "run", name], capture_output=True).returncode == 0:
            return _container_pid(name)
        time.sleep(2)
    raise RuntimeError(f"the compose broker did not become healthy, see {COMPOSE_LOG}")


async def _watch_outputs(env, ids: set[str], timeout: float) -> tuple[dict, dict, float]:
    """Follow raw and the output topics until every id has its entities record.
    Returns ({id: raw ms}, {id: last output ms}, ms of the last entities record)."""
    settings = kh.settings_for(env)
    consumer = AIOKafkaConsumer(bootstrap_servers=env["NEWSWIRE_KAFKA_BOOTSTRAP"], group_id=None,
                                enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        names = {settings.topic(role): role for role in ("raw", *OUTPUT_ROLES)}
        await consumer._client.force_metadata_update()
        consumer.assign([TopicPartition(t, p) for t in names
                         for p in sorted(consumer.partitions_for_topic(t) or ())])
        await consumer.seek_to_beginning()
        raw_at, out_at, done_at, with_entities = {}, {}, 0, set()
        deadline, idle_after_done = time.monotonic() + timeout, 0
        while time.monotonic() < deadline and idle_after_done < 2:
            batch = await consumer.getmany(timeout_ms=500)
            if not batch and with_entities >= ids:
                idle_after_done += 1
            for tp, messages in batch.items():
                role = names[tp.topic]
                for msg in messages:
                    # raw and entities are keyed by article id: no need to
                    # parse a whole page on the bench's share of the cores
                    article = (msg.key.decode() if role in ("raw", "entities")
                               else orjson.loads(msg.value)["article_id"])
                    if role == "raw":
                        raw_at[article] = msg.timestamp
                        continue
                    out_at[article] = max(out_at.get(article, 0), msg.timestamp)
                    if role == "entities" and article not in with_entities:
                        with_entities.add(article)
                        done_at = max(done_at, msg.timestamp)
        return raw_at, out_at, done_at
    finally:
        await consumer.stop()


def _percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def stream_run(bootstrap: str, tmp: Path, raws, workers: int, broker_pid: int | None,
               batch: int, partitions: int) -> dict:
    env = kh.isolated_env(bootstrap, tmp, NEWSWIRE_PARTITIONS=str(partitions), NEWSWIRE_LOG_LEVEL="warning",
                          NEWSWIRE_EXTRACT_BATCH=str(batch))
    kh.create_topics(env)
    procs = start_workers(env, workers, tmp, f"worker{workers}")
    try:
        kh.wait_stable(env, workers, procs=tuple(procs))
        time.sleep(2)  # the last recovery's tail: the group is Stable, the workers ready
        cpu0 = [cpu_seconds(p.cpu_pid) for p in procs]
        broker0 = cpu_seconds(broker_pid) if broker_pid else 0.0
        began = time.time()
        kh.send_raw(env, raws)
        ids = {r.id for r in raws}
        raw_at, out_at, done_at = asyncio.run(_watch_outputs(env, ids, timeout=1800))
        each = [cpu_seconds(p.cpu_pid) - c for p, c in zip(procs, cpu0, strict=True)]
        cpu = sum(each)
        broker = (cpu_seconds(broker_pid) - broker0) if broker_pid else float("nan")
    finally:
        stop_workers(procs)
    missing = ids - set(out_at)
    latencies = [(out_at[i] - raw_at[i]) / 1000 for i in ids if i in out_at and i in raw_at]
    span = done_at / 1000 - began
    return {"workers": workers, "rate": (len(ids) - len(missing)) / span, "cpu": cpu / len(ids),
            "broker_cpu": broker / len(ids), "p50": _percentile(latencies, 50),
            "p95": _percentile(latencies, 95), "missing": len(missing),
            "busiest": max(each) / cpu if cpu else 0.0}


def _stall(env, members: int, procs, timeout: float = 600) -> float:
    """Seconds from the group's first not-Stable sighting to Stable with ``members``."""
    left_stable, began = None, time.monotonic()
    while time.monotonic() - began < timeout:
        state = kh.group_state(env)
        if state == ("Stable", members):
            return 0.0 if left_stable is None else time.monotonic() - left_stable
        if state[0] != "Stable" and left_stable is None:
            left_stable = time.monotonic()
        for proc in procs:
            if proc.poll() is not None:
                raise RuntimeError(f"{proc.args} exited with {proc.returncode}")
        time.sleep(0.2)
    return float("inf")


def churn_run(bootstrap: str, tmp: Path, raws, n: int, session_timeout: int,
              partitions: int) -> dict:
    env = kh.isolated_env(bootstrap, tmp, NEWSWIRE_PARTITIONS=str(partitions), NEWSWIRE_LOG_LEVEL="warning",
                          NEWSWIRE_SESSION_TIMEOUT_SECONDS=str(session_timeout))
    kh.create_topics(env)
    procs = [start_worker(env, tmp / f"churn{n}-{k}.log") for k in (1, 2)]
    try:
        kh.wait_stable(env, 2, procs=tuple(procs))
        kh.send_raw(env, raws)
        procs.append(start_worker(env, tmp / f"churn{n}-3.log"))
        join = _stall(env, 3, procs)
        leaving = threading.Thread(target=kh.stop, args=(procs.pop(0),))
        leaving.start()  # a clean stop: the group rebalances while the worker shuts down
        leave = _stall(env, 2, procs)
        leaving.join()
        ids = {r.id for r in raws}
        _, out_at, _ = asyncio.run(_watch_outputs(env, ids, timeout=900))
    finally:
        for proc in procs:
            kh.stop(proc)
    return {"join": join, "leave": leave, "missing": len(ids - set(out_at))}


def _report(r: dict, base: float | None, one: float | None) -> str:
    vs = f", {r['rate'] / base:.2f}x offline" if base else ""
    vs += f", {r['rate'] / one:.2f}x one worker" if one and r["workers"] > 1 else ""
    return (f"{r['workers']} worker(s): {r['rate']:.2f} art/s{vs}; workers {r['cpu']:.3f} CPU"
            f" s/article (broker {r['broker_cpu']:.3f}); latency p50 {r['p50']:.1f} s,"
            f" p95 {r['p95']:.1f} s; missing {r['missing']}"
            + (f"; busiest worker {r['busiest']:.0%} of the workers' CPU" if r["workers"] > 1 else ""))


def throughput_rounds(args, bootstrap: str, tmp: Path, raws, broker_pid: int | None) -> None:
    """``--repeat`` rounds of offline then each worker count; the medians of
    the ratios taken within each round."""
    ratios: dict[str, list[float]] = {}
    counts = [int(w) for w in args.workers.split(",") if w.strip()]
    if counts and broker_pid:  # a broker this run started: warm its JIT up first
        stream_run(bootstrap, tmp, raws, 1, broker_pid, args.extract_batch, args.partitions)
    for round_ in range(args.repeat if counts else 0):
        if args.repeat > 1:
            print(f"round {round_ + 1} of {args.repeat}", flush=True)
        base = one = None
        if not args.no_offline:
            base, cpu = offline_in_new_process(args.pages, args.copies)
            print(f"offline (newswire process): {base:.2f} art/s, {cpu:.3f} CPU s/article", flush=True)
        for workers in counts:
            r = stream_run(bootstrap, tmp, raws, workers, broker_pid, args.extract_batch,
                           args.partitions)
            print(_report(r, base, one), flush=True)
            one = one or (r["rate"] if workers == 1 else None)
            if base:
                ratios.setdefault(f"{workers} worker(s) / offline", []).append(r["rate"] / base)
            if one and workers > 1:
                ratios.setdefault(f"{workers} worker(s) / one worker", []).append(r["rate"] / one)
    if args.repeat > 1:
        for what, values in ratios.items():
            print(f"median of {len(values)}: {what} {statistics.median(values):.2f}x", flush=True)


def churn_runs(args, bootstrap: str, tmp: Path, raws) -> None:
    stalls = missing = 0
    for n in range(args.churn):
        r = churn_run(bootstrap, tmp, raws, n, args.session_timeout, args.partitions)
        stalled = max(r["join"], r["leave"]) > args.session_timeout
        stalls, missing = stalls + stalled, missing + r["missing"]
        print(f"churn {n + 1}: join {r['join']:.1f} s, leave {r['leave']:.1f} s not Stable"
              f"{' (STALL)' if stalled else ''}; missing {r['missing']}", flush=True)
    if args.churn:
        print(f"churn: {args.churn} runs, {stalls} stalls over {args.session_timeout} s, "
              f"{missing} articles missing", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=48)
    ap.add_argument("--copies", type=int, default=1, help="each page this many times (other URLs)")
    ap.add_argument("--workers", default="1,2,4", help='worker counts, e.g. "1,2,4"; "" for none')
    ap.add_argument("--repeat", type=int, default=3, help="rounds of offline and worker runs")
    ap.add_argument("--churn", type=int, default=0, help="runs of the join/leave test")
    ap.add_argument("--session-timeout", type=int, default=10, help="seconds, for the churn runs")
    ap.add_argument("--no-offline", action="store_true")
    ap.add_argument("--partitions", type=int, default=Settings().partitions,
                    help="partitions per topic (bounds the workers that share the work)")
    ap.add_argument("--image", default="", help="run the workers in this container image (Podman)")
    ap.add_argument("--compose", action="store_true",
                    help="broker and workers of docker-compose.yml (podman-compose; see the docstring)")
    ap.add_argument("--extract-batch", type=int, default=8, help="NEWSWIRE_EXTRACT_BATCH of the workers")
    ap.add_argument("--offline-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--bootstrap", default="", help="an existing broker; default: start one")
    args = ap.parse_args()
    global WORKER_IMAGE, COMPOSE
    WORKER_IMAGE, COMPOSE = args.image or None, args.compose
    if COMPOSE and (args.image or args.bootstrap or args.churn):
        sys.exit("--compose runs its own broker and workers: no --image, --bootstrap or --churn")
    patches.install()  # what newswire.cli.main does first
    raws = pages(args.pages, args.copies)
    if not raws:
        sys.exit(f"no pages under {SHARED_DATA}")
    if args.offline_child:
        print(orjson.dumps(offline(raws)).decode())
        return
    node = None
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"newswire-bench-{os.getpid()}"
    tmp.mkdir(parents=True, exist_ok=True)
    if args.bootstrap:
        bootstrap, broker_pid = args.bootstrap, None
    elif COMPOSE:
        bootstrap, broker_pid = COMPOSE_BOOTSTRAP, None
    else:
        node = LocalBroker(REPO / ".cache" / "kafka", free_port_pair())
        node.start()
        bootstrap, broker_pid = node.bootstrap, node.pid()
    try:
        if COMPOSE:
            broker_pid = compose_broker()
        print(f"pages: {len(raws)}; cores: {os.cpu_count()}", flush=True)
        throughput_rounds(args, bootstrap, tmp, raws, broker_pid)
        churn_runs(args, bootstrap, tmp, raws)
    finally:
        if node is not None:
            node.stop()
            shutil.rmtree(node.state_dir, ignore_errors=True)
        if COMPOSE:
            compose("down", "-v", check=False)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
