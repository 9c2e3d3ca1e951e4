"""The clean and extract stages over a batch give each message what it gives alone."""
from __future__ import annotations

import orjson

from pipeline import codec
from pipeline.process import raw_from_document
from pipeline.stages import (
    Output,
    clean_batch_stage,
    clean_stage,
    extract_batch_stage,
    extract_stage,
    learned_entities,
)
from pipeline.text.clean import clean_article
from pipeline.text.dedupe import RecentFingerprints

TEXTS = [
    b"Envoy visits Cairo\n\nThe French Foreign Minister Catherine Colonna met Egyptian President "
    b"Abdel Fattah el-Sisi in Cairo on Monday.\n\n\xe2\x80\x9cWe discussed Gaza,\xe2\x80\x9d Colonna said.",
    b"Protest in Lima\n\nThousands of farmers protested in Lima on Tuesday against the new water law, "
    b"police said.",
]


def _comparable(outputs):
    """Outputs as decoded records, without the dead letter's time of receipt."""
    records = [(out.topic, out.key, orjson.loads(out.value)) for out in outputs]
    for _, _, record in records:
        record.pop("received_at", None)
    return records


def test_a_batch_matches_one_message_at_a_time_and_bad_input_stays_its_own():
    articles = [clean_article(raw_from_document(t, url=f"https://example.org/{n}", published="2024-01-02"))
                for n, t in enumerate(TEXTS)]
    messages = [(articles[0].id.encode(), codec.encode(articles[0])), (b"bad", b"{not json"),
                (articles[1].id.encode(), codec.encode(articles[1]))]
    batch = extract_batch_stage(messages)
    alone = [extract_stage(key, value) for key, value in messages]
    assert [_comparable(outputs) for outputs in batch] == [_comparable(outputs) for outputs in alone]
    assert [out.topic for out in batch[1]] == ["deadletter"]
    assert batch[0][0].topic == "entities" and batch[2][0].topic == "entities"


def test_learned_entities_are_the_ones_sent_whether_or_not_the_record_is_kept():
    article = clean_article(raw_from_document(TEXTS[0], url="https://example.org/0", published="2024-01-02"))
    [outputs] = extract_batch_stage([(article.id.encode(), codec.encode(article))])
    sent = orjson.loads(outputs[0].value)["entities"]
    assert {"Catherine Colonna", "Cairo"} <= {e["name"] for e in sent}
    as_bytes_only = [Output(out.topic, out.key, out.value) for out in outputs]
    for kept in (outputs, as_bytes_only):
        assert [codec.to_dict(e) for e in learned_entities(kept)] == sent


def test_a_clean_batch_is_cleaned_in_order_so_a_copy_finds_its_original():
    raws = [raw_from_document(t, url=f"https://example.org/{n}", published="2024-01-02")
            for n, t in enumerate([TEXTS[0], TEXTS[1], TEXTS[0] + b"\n\nEditing by Tom Roe"])]
    messages = [(r.id.encode(), codec.encode(r)) for r in raws]
    messages.insert(1, (b"bad", b"{not json"))
    batch = clean_batch_stage(messages, RecentFingerprints())
    alone_recent = RecentFingerprints()
    alone = [clean_stage(key, value, alone_recent) for key, value in messages]
    assert [_comparable(outputs) for outputs in batch] == [_comparable(outputs) for outputs in alone]
    assert [[out.topic for out in outputs] for outputs in batch] == [["clean"], ["deadletter"],
                                                                     ["clean"], ["clean"]]
    copy = orjson.loads(batch[3][0].value)
    assert copy["duplicate_of"] == raws[0].id
