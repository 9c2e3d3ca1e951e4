"""A real single-node Apache Kafka broker (KRaft) for development and tests.

The runtime is assembled from Maven Central with ``deploy/kafka/pom.xml`` into
``<home>/libs`` on first use, the storage is formatted once, and the broker
runs as a detached Java process whose pid is kept in ``<home>/broker-<port>.pid``.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import REPO_ROOT
from pipeline.errors import BrokerError

DEPLOY_DIR = REPO_ROOT / "deploy" / "kafka"
JAVA_HEAP = os.environ.get("NEWSWIRE_BROKER_HEAP", "-Xmx768m -Xms256m")


def free_port_pair() -> int:
    """A loopback port whose successor is free too: a LocalBroker on it puts
    its controller on the next port (``controller_port``)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port < 65535:
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                    return port
                except OSError:
                    continue
    raise BrokerError("no free pair of loopback ports for a local broker")


@dataclass(frozen=True)
class LocalBroker:
    home: Path
    port: int = 9092

    def __post_init__(self) -> None:
        # Maven resolves relative output folders against the POM's folder.
        object.__setattr__(self, "home", Path(self.home).resolve())

    @property
    def controller_port(self) -> int:
        return self.port + 1

    @property
    def libs(self) -> Path:
        return self.home / "libs"

    @property
    def state_dir(self) -> Path:
        return self.home / f"node-{self.port}"

    @property
    def pid_file(self) -> Path:
        return self.state_dir / "broker.pid"

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    # -- assembling -------------------------------------------------------
    def assemble(self) -> None:
        """Fetch Kafka and its runtime dependencies with Maven, once."""
        marker = self.libs / ".complete"
        if marker.exists():
            return
        if shutil.which("mvn") is None or shutil.which("java") is None:
            raise BrokerError("Java 17+ and Maven are needed to assemble the local broker")
        self.libs.mkdir(parents=True, exist_ok=True)
        cmd = ["mvn", "-q", "-B", "-f", str(DEPLOY_DIR / "pom.xml"),
               "dependency:copy-dependencies", "-DincludeScope=runtime",
               f"-DoutputDirectory={self.libs}"]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            output = f"{done.stdout[-3000:]}{done.stderr[-3000:]}"
            raise BrokerError(f"maven failed ({done.returncode}):\n{output}")
        marker.write_text("ok\n")

    def _java(self, main: str, *args: str) -> list[str]:
        return ["java", *JAVA_HEAP.split(),
                f"-Dlog4j2.configurationFile={DEPLOY_DIR / 'log4j2.xml'}",
                f"-Dkafka.logs.dir={self.state_dir / 'logs'}",
                "-cp", f"{self.libs}/*", main, *args]

    def _configure(self) -> Path:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        template = (DEPLOY_DIR / "server.properties.in").read_text()
        props = self.state_dir / "server.properties"
        props.write_text(template.format(port=self.port, controller_port=self.controller_port,
                                         log_dir=self.state_dir / "data"))
        return props

    def _format(self, props: Path) -> None:
        if (self.state_dir / "data" / "meta.properties").exists():
            return
        cluster_id = uuid.uuid4().hex[:22]
        done = subprocess.run(self._java("kafka.tools.StorageTool", "format", "-t", cluster_id,
                                         "-c", str(props), "--ignore-formatted"),
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise BrokerError(f"formatting KRaft storage failed:\n{done.stdout}{done.stderr}")

    # -- lifecycle --------------------------------------------------------
    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return pid

    def accepting(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def start(self, timeout: float = 90.0) -> float:
        """Start the broker if needed; return seconds until it accepted connections."""
        began = time.monotonic()
        if self.pid() is not None and self.accepting():
            return 0.0
        if self.accepting():
            raise BrokerError(f"port {self.port} is taken by another process")
        self.assemble()
        props = self._configure()
        self._format(props)
        # The broker inherits the log file; this process need not keep it open.
        with open(self.state_dir / "stdout.log", "ab") as log:
            proc = subprocess.Popen(self._java("kafka.Kafka", str(props)), stdout=log,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
        self.pid_file.write_text(f"{proc.pid}\n")
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if proc.poll() is not None:
                raise BrokerError(f"broker exited with {proc.returncode}; see {self.state_dir}/stdout.log")
            if self.accepting():
                return time.monotonic() - began
            time.sleep(0.2)
        self.stop()
        raise BrokerError(f"broker did not accept connections within {timeout:.0f}s")

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the broker cleanly (SIGTERM, then SIGKILL); True if one was running."""
        pid = self.pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pid() is not None:
            _reap(pid)
            time.sleep(0.2)
        if self.pid() is not None:
            os.kill(pid, signal.SIGKILL)
            _reap(pid)
        self.pid_file.unlink(missing_ok=True)
        return True

    def status(self) -> str:
        pid = self.pid()
        if pid is None:
            return f"stopped (port {self.port})"
        state = "accepting connections" if self.accepting() else "starting"
        return f"running, pid {pid}, {self.bootstrap}, {state}"

    def version(self) -> str:
        jars = sorted(self.libs.glob("kafka_2.13-*.jar"))
        return jars[0].stem.split("-", 1)[1] if jars else "not assembled"


def _reap(pid: int) -> None:
    """Collect a child we started ourselves so it does not linger as a zombie."""
    with contextlib.suppress(ChildProcessError):  # not our child: nothing to collect
        os.waitpid(pid, os.WNOHANG)
