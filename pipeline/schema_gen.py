"""Derive JSON Schema (draft 2020-12) documents from the record dataclasses.

The files in ``schemas/`` are the published contract; this generator exists
so that a test can prove the Python types and those files say the same thing,
and so that ``python -m pipeline.schema_gen`` can rewrite them after a
deliberate, versioned change.
"""
from __future__ import annotations

import dataclasses
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

import orjson

from pipeline import records

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in get_args(hint) if a is not type(None)]
        inner = _type_schema(members[0], defs) if len(members) == 1 else {
            "anyOf": [_type_schema(m, defs) for m in members]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is Literal:
        values = list(get_args(hint))
        return {"const": values[0]} if len(values) == 1 else {"enum": values}
    if origin is list:
        return {"type": "array", "items": _type_schema(get_args(hint)[0], defs)}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # reserve the name before recursing
            defs[hint.__name__] = _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    raise TypeError(f"no JSON Schema mapping for {hint!r}")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    props, required = {}, []
    for f in dataclasses.fields(cls):
        props[f.name] = _type_schema(hints[f.name], defs)
        no_default = (f.default is dataclasses.MISSING
                      and f.default_factory is dataclasses.MISSING)
        if no_default or f.name == "schema":
            required.append(f.name)
    return {"type": "object", "properties": props, "required": required,
            "additionalProperties": True}


def schema_for(name: str, cls: type) -> dict[str, Any]:
    """The JSON Schema document for one top-level record type."""
    defs: dict[str, Any] = {}
    body = _object_schema(cls, defs)
    major = get_args(get_type_hints(cls)["schema"])[0].rsplit("/", 1)[1]
    doc: dict[str, Any] = {"$schema": DRAFT, "$id": f"https://newswire.dev/schemas/{name}.v{major}.json",
           "title": cls.__name__, "description": (cls.__doc__ or "").strip().splitlines()[0]}
    doc.update(body)
    if defs:
        doc["$defs"] = dict(sorted(defs.items()))
    return doc


def schema_path(name: str, cls: type) -> Path:
    major = get_args(get_type_hints(cls)["schema"])[0].rsplit("/", 1)[1]
    return SCHEMA_DIR / f"{name}.v{major}.json"


def main() -> int:
    for name, cls in records.RECORD_TYPES.items():
        path = schema_path(name, cls)
        path.write_bytes(orjson.dumps(schema_for(name, cls), option=orjson.OPT_INDENT_2) + b"\n")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
