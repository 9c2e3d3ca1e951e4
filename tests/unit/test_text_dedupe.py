"""SimHash fingerprints and the bounded recent-fingerprint set."""
from __future__ import annotations

import re

import orjson

from pipeline.text.dedupe import RecentFingerprints, fingerprint, hamming

ARTICLE = " ".join(
    f"Sentence {i} of the wire report says the harbour authority closed pier {i % 7} "
    f"after storms damaged {i * 3} columns, and ferry crossings moved to the old quay."
    for i in range(40))


def test_fingerprint_shape_and_determinism():
    fp = fingerprint(ARTICLE)
    assert re.fullmatch(r"[0-9a-f]{16}", fp)
    assert fingerprint(ARTICLE) == fp
    assert fingerprint("") == "0" * 16
    assert re.fullmatch(r"[0-9a-f]{16}", fingerprint("Two words"))


def test_small_edits_stay_close_and_other_texts_are_far():
    fp = fingerprint(ARTICLE)
    assert hamming(fp, fingerprint(ARTICLE + " Reuters.")) <= 3
    assert hamming(fp, fingerprint(ARTICLE.upper())) == 0  # case-insensitive
    other = fingerprint("A completely different story about a football final in Madrid, "
                        "where the home side won on penalties after extra time.")
    assert hamming(fp, other) > 10


def test_hamming():
    assert hamming("0000000000000000", "000000000000000f") == 4
    assert hamming("ffffffffffffffff", "0000000000000000") == 64


def test_find_near_add_and_exclude():
    recent = RecentFingerprints(capacity=10)
    fp = fingerprint(ARTICLE)
    assert recent.find_near(fp) is None
    recent.add("a1", fp)
    recent.add("b2", "0123456789abcdef")
    assert recent.find_near(fingerprint(ARTICLE + " Reuters.")) == "a1"
    assert recent.find_near(fp, exclude="a1") is None
    assert recent.find_near("0123456789abcdee") == "b2"


def test_near_match_found_beyond_band_index_and_ties_prefer_oldest():
    recent = RecentFingerprints()
    recent.add("old", "00000000000000ff")
    recent.add("new", "00000000000000ff")
    assert recent.find_near("000000000000000f", max_distance=4) == "old"
    assert recent.find_near("000000000000000f", max_distance=3) is None


def test_capacity_evicts_oldest_and_readding_refreshes():
    recent = RecentFingerprints(capacity=2)
    recent.add("a", "1111111111111111")
    recent.add("b", "2222222222222222")
    recent.add("a", "1111111111111111")  # refresh: now b is the oldest
    recent.add("c", "4444444444444444")
    assert "b" not in recent and "a" in recent and "c" in recent and len(recent) == 2
    assert recent.find_near("2222222222222222") is None


def test_to_from_dict_round_trip_through_json():
    recent = RecentFingerprints(capacity=3)
    for i, fp in enumerate(["1111111111111111", "2222222222222222", "3333333333333333"]):
        recent.add(f"id{i}", fp)
    data = orjson.loads(orjson.dumps(recent.to_dict()))
    copy = RecentFingerprints.from_dict(data)
    assert copy.to_dict() == recent.to_dict()
    assert copy.find_near("2222222222222223") == "id1"


def test_store_keeps_the_set_across_restarts_and_evictions_reach_it():
    from pipeline.text.dedupe import RecentFingerprints, fingerprint
    store: dict = {}
    texts = {f"a{n}": f"story number {n} about the harbour strike in Rotterdam and its end"
             for n in range(3)}
    recent = RecentFingerprints(capacity=2, store=store)
    for article_id, text in texts.items():
        recent.add(article_id, fingerprint(text))
    assert store == {}, "nothing is written before sync"
    assert recent.sync() == 3
    assert set(store) == {b"a1", b"a2"}, "the evicted oldest entry is deleted"

    restarted = RecentFingerprints(capacity=2, store=store)
    assert restarted.find_near(fingerprint(texts["a2"])) == "a2"
    assert restarted.find_near(fingerprint(texts["a0"]), max_distance=0) is None
    restarted.add("a3", fingerprint("a different story on the grain deal signed in Istanbul"))
    restarted.sync()
    assert set(store) == {b"a2", b"a3"}, "the oldest surviving entry goes first"


def test_other_writers_rows_join_the_index_at_sync_and_their_deletions_leave_it():
    from pipeline.text.dedupe import RecentFingerprints, fingerprint
    store: dict = {}
    text = "dock workers in Rotterdam ended a four-day strike after the port raised wages"
    recent = RecentFingerprints(capacity=2, store=store)
    recent.sync()
    recent.mirror(b"elsewhere", [fingerprint(text), 7])
    assert recent.find_near(fingerprint(text)) is None, "mirrored rows wait for sync"
    assert recent.sync() == 0, "a mirrored row is not written back"
    assert recent.find_near(fingerprint(text)) == "elsewhere"
    recent.mirror("elsewhere", None)
    recent.sync()
    assert recent.find_near(fingerprint(text)) is None
    assert len(recent) == 0


def test_mirrored_rows_count_against_the_capacity():
    from pipeline.text.dedupe import RecentFingerprints, fingerprint
    store: dict = {}
    recent = RecentFingerprints(capacity=2, store=store)
    recent.add("mine", fingerprint("the first story about wheat exports from the Black Sea ports"))
    recent.sync()
    for n in range(2):
        recent.mirror(f"other{n}".encode(), [fingerprint(f"other story {n} on a quite different subject"), 10 + n])
    recent.sync()
    assert len(recent) == 2 and "mine" not in recent
    assert b"mine" not in store, "the eviction reaches the shared store"
