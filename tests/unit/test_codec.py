"""Decoding rejects bad input with a reason; encoding round-trips records."""
from __future__ import annotations

import base64

import orjson
import pytest

from pipeline import codec, ids
from pipeline.records import CleanArticle, Paragraph, RawArticle


def _raw(**overrides) -> RawArticle:
    fields = dict(id=ids.article_id("https://example.org/a"), feed_url=None, source="Example",
                  url="https://example.org/a", guid=None, title="T", summary=None,
                  content="Body.", content_type="text/plain", language="en",
                  published_at=None, fetched_at="2024-01-01T00:00:00Z")
    fields.update(overrides)
    return RawArticle(**fields)


def test_round_trip():
    raw = _raw()
    assert codec.decode("raw_article", codec.encode(raw)) == raw


def test_nested_records_round_trip_resolving_each_type_s_hints_once(monkeypatch):
    """A worker decodes every article: the fields' type hints are resolved
    once per record type, not once per paragraph (bench/codec.py)."""
    resolved = []
    real = codec.get_type_hints
    monkeypatch.setattr(codec, "get_type_hints", lambda cls: resolved.append(cls) or real(cls))
    monkeypatch.setattr(codec, "_FIELDS", {})
    article = CleanArticle(id="a1", url="https://example.org/a", source=None, title="T",
                           published_at=None, language="en", text="One. Two.",
                           paragraphs=[Paragraph(0, 4, "body"), Paragraph(5, 9, "body")],
                           removed=[], fingerprint="0", duplicate_of=None)
    for _ in range(3):
        assert codec.decode("clean_article", codec.encode(article)) == article
    assert sorted(cls.__name__ for cls in resolved) == ["CleanArticle", "Paragraph"]


@pytest.mark.parametrize("payload,error_type", [
    (b"\xff\xfe not json", "undecodable"),
    (b"[1, 2]", "schema"),
    (orjson.dumps({"id": "x"}), "schema"),
    (None, "empty"),
])
def test_rejects_with_reason(payload, error_type):
    with pytest.raises(codec.RejectedInput) as caught:
        codec.decode("raw_article", payload)
    assert caught.value.error_type == error_type and caught.value.reason


def test_wrong_enum_is_rejected_with_the_field_named():
    data = codec.to_dict(_raw())
    data["content_type"] = "application/pdf"
    with pytest.raises(codec.RejectedInput, match="content_type"):
        codec.decode("raw_article", orjson.dumps(data))


def test_oversized_message_is_rejected_before_parsing():
    with pytest.raises(codec.RejectedInput) as caught:
        codec.decode("raw_article", b"{" + b" " * 100, limit=50)
    assert caught.value.error_type == "oversized"


def test_dead_letter_keeps_original_bytes():
    letter = codec.dead_letter("clean", b"key", b"\x00\x01", codec.RejectedInput("bad", "schema"))
    codec.validate("dead_letter", codec.to_dict(letter))
    assert base64.b64decode(letter.payload) == b"\x00\x01"
    assert (letter.stage, letter.reason, letter.key) == ("clean", "bad", "key")


def test_ids_are_deterministic_and_distinct():
    a = ids.span_id("abc", 1, 5, "REQUEST")
    assert a == ids.span_id("abc", 1, 5, "REQUEST")
    assert a != ids.span_id("abc", 1, 5, "CONSULT") and a.startswith("abc-")
    assert len(ids.article_id("https://example.org/x")) == 16
