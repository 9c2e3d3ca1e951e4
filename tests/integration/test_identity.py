"""An entity keeps its id across articles: the worker learns aliases in a Faust table,
which outlives the worker."""
from __future__ import annotations

import pytest

from pipeline.process import raw_from_document
from tests.integration import kafka_helpers as kh

pytestmark = pytest.mark.integration

FIRST = ("Talks in Vienna\n\nForeign Minister Ilse Varga met her Czech counterpart in Vienna "
         "on Monday. Varga said the talks on energy had gone well.")
LATER = "Minister returns\n\nVarga returned to Graz on Friday after the summit in Brussels."


def _ids(record: dict) -> dict[str, str]:
    return {e["name"]: e["id"] for e in record["entities"]}


def test_surname_in_a_later_article_resolves_to_the_full_name(kafka_broker, tmp_path):
    env = kh.isolated_env(kafka_broker.bootstrap, tmp_path)
    kh.create_topics(env)
    first = raw_from_document(FIRST.encode(), url="https://example.org/varga/1")
    later = raw_from_document(LATER.encode(), url="https://example.org/varga/2")
    # The second worker process knows Varga only from the table's changelog.
    records = kh.each_by_a_new_worker(env, tmp_path, [first, later], "entities")
    by_article = {r["article_id"]: r for r in records}
    assert _ids(by_article[first.id])["Ilse Varga"] == "person:ilse-varga"
    assert "person:ilse-varga" in _ids(by_article[later.id]).values()
