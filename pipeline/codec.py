"""Wire codec: records to orjson bytes and back, with schema validation.

Decoding never trusts its input: anything that is not UTF-8 JSON of the
right shape raises :class:`RejectedInput` with a reason a person can act on,
which the agents turn into a dead letter.
"""
from __future__ import annotations

import base64
import dataclasses
import functools
import types
import typing
from datetime import UTC, datetime
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

import jsonschema
import orjson

from pipeline import records
from pipeline.errors import RejectedInput
from pipeline.schema_gen import schema_path

T = TypeVar("T")

#: Largest message a stage accepts; bigger ones are dead-lettered, not parsed.
MAX_MESSAGE_BYTES = 4 * 1024 * 1024


def encode(record: Any) -> bytes:
    """orjson bytes of a record (dataclasses serialise natively)."""
    return orjson.dumps(record)


def to_dict(record: Any) -> dict[str, Any]:
    return orjson.loads(orjson.dumps(record))


@functools.cache
def validator(name: str) -> jsonschema.protocols.Validator:
    cls = records.RECORD_TYPES[name]
    schema = orjson.loads(schema_path(name, cls).read_bytes())
    return jsonschema.Draft202012Validator(schema)


def validate(name: str, data: dict[str, Any]) -> None:
    """Raise RejectedInput naming the first schema violation, if any."""
    error = jsonschema.exceptions.best_match(validator(name).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise RejectedInput(f"schema {name}: at {where}: {error.message}", "schema")


def decode(name: str, payload: bytes | None, limit: int = MAX_MESSAGE_BYTES) -> Any:
    """Bytes from Kafka to a validated record of the named type."""
    if payload is None:
        raise RejectedInput("empty message (null value)", "empty")
    if len(payload) > limit:
        raise RejectedInput(f"message of {len(payload)} bytes exceeds the {limit} byte limit",
                            "oversized")
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise RejectedInput(f"not UTF-8 JSON: {exc}", "undecodable") from None
    if not isinstance(data, dict):
        raise RejectedInput(f"expected a JSON object, got {type(data).__name__}", "schema")
    validate(name, data)
    return from_dict(records.RECORD_TYPES[name], data)


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build a dataclass from already-validated JSON data, recursively."""
    kwargs = {name: _convert(hint, data[name]) for name, hint in _fields(cls) if name in data}
    return cls(**kwargs)


_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, type hint) of a record's fields, resolved once per type:
    resolving them on every call took half the time of decoding an article
    (a call per paragraph, per mention)."""
    if cls not in _FIELDS:
        hints = get_type_hints(cls)
        _FIELDS[cls] = tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))
    return _FIELDS[cls]


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        return [_convert(get_args(hint)[0], v) for v in value]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value


def now_rfc3339() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def dead_letter(stage: str, key: bytes | None, payload: bytes | None,
                error: RejectedInput | Exception) -> records.DeadLetter:
    """A DeadLetter that keeps the original bytes and says why they failed."""
    if isinstance(error, RejectedInput):
        reason, error_type = error.reason, error.error_type
    else:
        reason, error_type = f"{type(error).__name__}: {error}", "processing"
    return records.DeadLetter(
        stage=stage, reason=reason[:2000], error_type=error_type,
        key=key.decode("utf-8", "replace") if key is not None else None,
        payload=base64.b64encode(payload or b"").decode("ascii"),
        received_at=now_rfc3339(),
    )
