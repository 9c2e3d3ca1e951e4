"""`newswire process`: offline analysis of .txt, .html, RawArticle JSON, folders and stdin."""
from __future__ import annotations

import io
import sys

import orjson
import pytest

from newswire.cli import main
from pipeline import codec
from pipeline.process import raw_from_document
from tests.conftest import SEED

TEXT = ("Ministers meet in Vienna\n\n"
        "Austrian Foreign Minister Alexander Schallenberg met his Czech counterpart Jan Lipavsky "
        "in Vienna on Friday, the ministry said.\n\n"
        "\u201cWe agreed to work together on energy,\u201d Schallenberg told reporters.")
HTML = ("<html><head><title>Court jails activist</title></head><body><nav>Home | World</nav>"
        "<article><h1>Court jails activist</h1><p>A court in Minsk sentenced the activist Ales "
        "Bialiatski to ten years in prison on Friday, his lawyer said.</p><p>The European Union "
        "condemned the verdict and called on Belarus to release him.</p></article>"
        "<footer>All rights reserved.</footer></body></html>")


def _records(out: str) -> list[dict]:
    lines = [line for line in out.splitlines() if line.strip()]
    results = [orjson.loads(line) for line in lines]
    for result in results:
        codec.validate("clean_article", result["article"])
        codec.validate("article_entities", result["entities"])
        for statement in result["statements"]:
            codec.validate("statement", statement)
        for event in result["events"]:
            codec.validate("event", event)
    return results


@pytest.fixture
def documents(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.html").write_text(HTML)
    raw = raw_from_document(TEXT.encode(), url="https://example.org/vienna", published="2024-05-03")
    (tmp_path / "c.json").write_bytes(orjson.dumps(raw))
    return tmp_path


def test_text_file_first_line_is_the_title(documents, capsys):
    assert main(["process", str(documents / "a.txt"), "--published", "2024-05-03"]) == 0
    [result] = _records(capsys.readouterr().out)
    assert result["article"]["title"] == "Ministers meet in Vienna"
    assert result["article"]["published_at"] == "2024-05-03T00:00:00Z"
    assert "Ministers meet in Vienna" not in result["article"]["text"]
    assert any(s["speaker"] and "Schallenberg" in s["speaker"]["name"] for s in result["statements"])


def test_html_page_keeps_the_article_only(documents, capsys):
    assert main(["process", str(documents / "b.html")]) == 0
    [result] = _records(capsys.readouterr().out)
    assert "Bialiatski" in result["article"]["text"]
    assert "All rights reserved" not in result["article"]["text"]


def test_raw_article_json_keeps_its_id(documents, capsys):
    assert main(["process", str(documents / "c.json")]) == 0
    [result] = _records(capsys.readouterr().out)
    assert result["article"]["id"] == raw_from_document(
        TEXT.encode(), url="https://example.org/vienna").id


def test_folder_gives_one_object_per_line_and_same_ids_twice(documents, capsys):
    assert main(["process", str(documents)]) == 0
    first = _records(capsys.readouterr().out)
    assert main(["process", str(documents / "a.txt"), str(documents / "b.html"),
                 str(documents / "c.json")]) == 0
    second = _records(capsys.readouterr().out)
    assert len(first) == 3 and [r["article"]["id"] for r in first] == [r["article"]["id"] for r in second]


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    assert main(["process", "-", "--url", "https://example.org/x?utm_source=a"]) == 0
    [result] = _records(capsys.readouterr().out)
    assert result["article"]["url"] == "https://example.org/x"


def test_unusable_input_is_reported_and_others_go_on(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text(TEXT)
    assert main(["process", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert len(_records(captured.out)) == 1 and "empty.txt: skipped" in captured.err


def test_missing_file_is_a_clear_error(capsys):
    assert main(["process", "/no/such/file.txt"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_seed_article(capsys):
    if not SEED.exists():
        pytest.skip("seed article not available")
    assert main(["process", str(SEED), "--published", "2022-07-28", "--format", "json"]) == 0
    [result] = _records(capsys.readouterr().out)
    assert result["article"]["published_at"] == "2022-07-28T00:00:00Z"
    assert result["entities"]["entities"] and result["statements"] and result["events"]


ONE_LINE = ("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi "
            "in Moscow on Tuesday, the ministry said.")


@pytest.mark.parametrize("text", [ONE_LINE, ONE_LINE + "\n", "\n\n  " + ONE_LINE + "  \n\n"])
def test_a_single_line_is_the_body_not_the_title(text):
    raw = raw_from_document(text.encode(), name="report.txt")
    assert (raw.title, raw.content) == ("", ONE_LINE)


def test_single_line_file_is_analysed(tmp_path, capsys):
    (tmp_path / "one.txt").write_text(ONE_LINE + "\n")
    assert main(["process", str(tmp_path / "one.txt"), "--published", "2024-05-07"]) == 0
    [result] = _records(capsys.readouterr().out)
    assert result["article"]["text"] == ONE_LINE
    names = {e["name"] for e in result["entities"]["entities"]}
    assert {"Sergei Lavrov", "Wang Yi"} <= names
    assert any(e["type"] == "CONSULT" for e in result["events"])


def test_single_line_on_stdin_is_analysed(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ONE_LINE.encode())))
    assert main(["process", "-"]) == 0
    [result] = _records(capsys.readouterr().out)
    assert result["article"]["text"] == ONE_LINE and result["events"]
