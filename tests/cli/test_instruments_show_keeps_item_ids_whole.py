"""``peerval instruments show`` never cuts an item id, however narrow the terminal."""

import re

import pytest
from typer.testing import CliRunner

from peerval.cli import app
from peerval.instruments import get_instrument

runner = CliRunner()


@pytest.mark.parametrize("columns", ["80", "40"])
@pytest.mark.parametrize("instrument_id", ["staff-psw-survey", "inspire"])
def test_every_item_id_appears_whole(instrument_id, columns):
    instrument = get_instrument(instrument_id)
    assert max(len(item.id) for item in instrument.items) > 12
    result = runner.invoke(app, ["instruments", "show", instrument_id], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert "…" not in result.stdout
    for item in instrument.items:
        assert re.search(rf"(?<!\w){re.escape(item.id)}(?!\w)", result.stdout), item.id
    # the item a question depends on is named whole too
    for item in instrument.items:
        if item.show_if:
            assert f"if {item.show_if.item} in" in result.stdout
