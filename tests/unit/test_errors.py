"""The error tree of pipeline/errors.py and what each kind becomes at the edges."""
from __future__ import annotations

import ast
import logging
from pathlib import Path

import orjson
import pytest

from newswire import commands
from newswire.cli import main
from pipeline import errors, stages
from pipeline.errors import (
    BrokerError,
    CommandError,
    FeedListError,
    NewswireError,
    OperatorError,
    RejectedInput,
    UnusableContent,
)

REPO = Path(__file__).resolve().parents[2]
CODE = [p for top in ("pipeline", "agents", "newswire") for p in (REPO / top).rglob("*.py")]
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}


def test_every_kind_hangs_from_one_root():
    for kind in (RejectedInput, UnusableContent, OperatorError, CommandError, BrokerError,
                 FeedListError):
        assert issubclass(kind, NewswireError)
    assert not issubclass(RejectedInput, OperatorError)
    assert not issubclass(OperatorError, RejectedInput)


def _is_exception_class(node: ast.ClassDef) -> bool:
    names = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
    return any(n.endswith(("Error", "Exception")) or n in {"RejectedInput", "NewswireError"}
               for n in names)


def test_exceptions_are_declared_in_the_tree_module_only():
    elsewhere = [f"{p.relative_to(REPO)}:{node.name}" for p in CODE if p.name != "errors.py"
                 for node in ast.walk(ast.parse(p.read_text())) if isinstance(node, ast.ClassDef)
                 and _is_exception_class(node)]
    assert elsewhere == []


def _silent(handler: ast.ExceptHandler) -> bool:
    """A catch-all handler that neither re-raises, logs, nor carries the
    exception on (uses the name it was bound to)."""
    body = ast.Module(body=handler.body, type_ignores=[])
    for node in ast.walk(body):
        if isinstance(node, ast.Raise):
            return False
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in LOG_METHODS:
            return False
        if handler.name and isinstance(node, ast.Name) and node.id == handler.name:
            return False
    return True


def test_no_catch_all_swallows_an_error_without_saying_why():
    silent = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ExceptHandler) and (
                    node.type is None or getattr(node.type, "id", None) in {"Exception", "BaseException"}
            ) and _silent(node):
                silent.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert silent == []


def test_operator_errors_exit_2_with_the_message(monkeypatch, capsys):
    def broken(args, settings):
        raise BrokerError("port 9092 is taken by another process")
    monkeypatch.setattr(commands, "cmd_broker", broken)
    assert main(["broker", "status"]) == errors.OPERATOR_EXIT == 2
    assert "newswire broker: port 9092 is taken" in capsys.readouterr().err


def test_a_bug_in_a_stage_is_logged_and_dead_lettered(caplog):
    def bug():
        raise KeyError("oops")
    with caplog.at_level(logging.ERROR, logger="pipeline.stages"):
        out = stages._guarded("clean", b"k", b"{}", bug)
    assert [o.topic for o in out] == ["deadletter"]
    letter = orjson.loads(out[0].value)
    assert letter["error_type"] == "processing" and "KeyError" in letter["reason"]
    assert "unexpected failure" in caplog.text and "KeyError" in caplog.text


def test_rejected_input_is_dead_lettered_with_its_reason_and_not_logged_as_a_bug(caplog):
    def bad():
        raise UnusableContent("content is empty")
    with caplog.at_level(logging.ERROR, logger="pipeline.stages"):
        out = stages._guarded("clean", None, b"", bad)
    letter = orjson.loads(out[0].value)
    assert (letter["error_type"], letter["reason"]) == ("unusable", "content is empty")
    assert caplog.text == ""


def test_a_bad_feed_list_file_is_an_operator_error(tmp_path):
    from pipeline.feeds.opml import read_feed_list
    bad = tmp_path / "feeds.opml"
    bad.write_text("<html><body>not a feed list</body></html>")
    with pytest.raises(FeedListError, match="neither OPML nor a feed"):
        read_feed_list(bad)
