"""``peerval score --out`` on a disk that fills up: one line naming the file, and the
scores written last time are still there byte for byte, with nothing beside them."""

from __future__ import annotations

from typer.testing import CliRunner

from peerval.cli import app
from tests.outfiles.disk import fill_disk

runner = CliRunner()


def test_score_on_a_full_disk_keeps_the_previous_scores(tmp_path, monkeypatch):
    data = tmp_path / "brief.csv"
    data.write_text("response_id,b1,b2,b3,b4,b5\nA,4,4,4,4,4\nB,0,1,2,3,4\n", encoding="utf-8")
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    out = out_folder / "scores.csv"
    out.write_bytes(b"response_id,brief_inspire\nA,100.0\n")
    fill_disk(monkeypatch, room=10)
    result = runner.invoke(app, ["score", "-i", "brief-inspire", "-r", str(data), "-o", str(out)])
    monkeypatch.undo()
    assert result.exit_code == 2, result.output
    assert result.output == f"Error: {out}: not written: No space left on device\n"
    assert [p.name for p in out_folder.iterdir()] == ["scores.csv"]
    assert out.read_bytes() == b"response_id,brief_inspire\nA,100.0\n"
