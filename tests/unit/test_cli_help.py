"""Every command explains itself."""
import pytest

from newswire.cli import build_parser, main

COMMANDS = ["run", "poll", "worker", "process", "tail", "replay", "broker"]


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert len(capsys.readouterr().out) > 100


def test_top_level_help_lists_every_command():
    text = build_parser().format_help()
    assert all(command in text for command in COMMANDS)
