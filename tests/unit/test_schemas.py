"""The JSON Schema files are the contract; the Python types must match them."""
from __future__ import annotations

import orjson
import pytest
from jsonschema import Draft202012Validator

from pipeline import records
from pipeline.schema_gen import schema_for, schema_path


@pytest.mark.parametrize("name,cls", sorted(records.RECORD_TYPES.items()))
def test_schema_file_matches_python_type(name, cls):
    path = schema_path(name, cls)
    on_disk = orjson.loads(path.read_bytes())
    assert on_disk == schema_for(name, cls), (
        f"{path.name} and pipeline.records.{cls.__name__} drifted apart: a field change "
        "needs a schema change (new major version unless it is an added optional field); "
        "regenerate with `python -m pipeline.schema_gen` after deciding")


@pytest.mark.parametrize("name,cls", sorted(records.RECORD_TYPES.items()))
def test_schema_files_are_valid_2020_12(name, cls):
    Draft202012Validator.check_schema(orjson.loads(schema_path(name, cls).read_bytes()))


def test_every_record_type_has_a_versioned_schema_name():
    for name, cls in records.RECORD_TYPES.items():
        assert cls.schema == f"newswire.{name}/1"
