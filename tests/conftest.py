"""Shared fixtures: paths to ../shared/data and the real local Kafka broker."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import patches
from tests.shared_data import REPO, SHARED_DATA

# What newswire.cli.main does first: the third-party patches, once.
patches.install()

SEED = SHARED_DATA / "seed" / "000_be4580497953cbc3.txt"



@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"labelled data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def kafka_broker():
    """A fresh single-node KRaft broker for the whole test session.

    Jars are shared with `newswire run` (.cache/kafka/libs). The port is a
    free one unless NEWSWIRE_TEST_BROKER_PORT names it, so two test sessions
    on one machine never share (or stop) each other's broker; the node's data
    folder is wiped before and after.
    """
    from newswire.broker import LocalBroker, free_port_pair

    port = int(os.environ.get("NEWSWIRE_TEST_BROKER_PORT") or free_port_pair())
    node = LocalBroker(REPO / ".cache" / "kafka", port)
    node.stop()
    shutil.rmtree(node.state_dir, ignore_errors=True)
    node.start()
    yield node
    node.stop()
    shutil.rmtree(node.state_dir, ignore_errors=True)
