"""The command line's messages say "1 response" and "2 responses", never "1 responses"."""

from typer.testing import CliRunner

from peerval.cli import app

runner = CliRunner()


def test_scoring_one_response_says_one_response_on_one_scale(tmp_path):
    data = tmp_path / "brief.csv"
    data.write_text("response_id,b1,b2,b3,b4,b5\nA,4,4,4,4,4\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["score", "-i", "brief-inspire", "-r", str(data), "-o", str(tmp_path / "s.csv")]
        + ["--group", "service_user"],
    )
    assert result.exit_code == 0, result.output
    assert "Scored 1 response on 1 scale ->" in result.stdout


def test_importing_one_transcript_says_one_document(tmp_path):
    text = tmp_path / "p1.txt"
    text.write_text("Interviewer: How was it?\n", encoding="utf-8")
    project = tmp_path / "project.json"
    result = runner.invoke(app, ["qual", "import-transcript", str(text), "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert "Added p1: 1 speaker turn, case p1" in result.stdout
    assert f"Project {project}: 1 document\n" in result.stdout


def test_validating_an_instrument_with_one_scale_says_one_scale():
    from peerval.instruments import BUILTIN_DIR, load_instrument

    path = BUILTIN_DIR / "brief-inspire.yaml"
    assert len(load_instrument(path).scales) == 1
    result = runner.invoke(app, ["instruments", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "5 items, 1 scale, hash" in result.stdout
