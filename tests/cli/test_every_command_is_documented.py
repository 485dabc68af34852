"""A command cannot ship without help text and a section in docs/cli.md naming its options."""

from pathlib import Path

import typer.main

from peerval.cli import app

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def commands(group, prefix: str = "peerval"):
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if hasattr(command, "commands"):  # a group of commands
            yield from commands(command, path)
        else:
            yield path, command


def test_every_command_has_help_and_a_docs_section_listing_its_options():
    text = DOCS.read_text(encoding="utf-8")
    found = list(commands(typer.main.get_command(app)))
    assert len(found) >= 6
    for path, command in found:
        assert command.help and command.help.strip(), f"{path} has no help text"
        assert f"## `{path}" in text, f"{path} has no section in docs/cli.md"
        section = text.split(f"## `{path}", 1)[1].split("\n## ", 1)[0]
        for param in command.params:
            is_option = param.param_type_name == "option"
            if is_option and "--help" not in param.opts:
                assert any(o in section for o in param.opts if o.startswith("--")), (
                    f"{path}: option {param.opts} is not in its docs section"
                )
