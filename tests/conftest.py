"""Shared fixtures: paths to ../shared/data and the real local Kafka broker."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("NEWSWIRE_SHARED_DATA", REPO.parent / "shared" / "data"))
SEED = SHARED_DATA / "seed" / "000_be4580497953cbc3.txt"
TEST_BROKER_PORT = int(os.environ.get("NEWSWIRE_TEST_BROKER_PORT", "19192"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"labelled data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def kafka_broker():
    """A fresh single-node KRaft broker for the whole test session.

    Jars are shared with `newswire run` (.cache/kafka/libs); the node's data
    folder is wiped first so every session starts from an empty cluster.
    """
    from newswire.broker import LocalBroker

    node = LocalBroker(REPO / ".cache" / "kafka", TEST_BROKER_PORT)
    node.stop()
    shutil.rmtree(node.state_dir, ignore_errors=True)
    node.start()
    yield node
    node.stop()
