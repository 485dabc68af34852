"""``peerval redact`` redacts free text, lists places given with --place, and in review mode
shows each answer that changed with the words taken out and why."""

from typer.testing import CliRunner

from peerval.cli import app

runner = CliRunner()

ANSWERS = "my PSW Baz rang me on 07700 900123\nthe group was good\nI stayed on Larkspur\n"


def test_answers_are_printed_redacted_with_listed_places(tmp_path):
    path = tmp_path / "answers.txt"
    path.write_text(ANSWERS, encoding="utf-8")
    result = runner.invoke(app, ["redact", str(path), "--place", "Larkspur"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "my PSW [name] rang me on [phone]",
        "the group was good",
        "I stayed on [place]",
    ]


def test_review_shows_what_was_taken_out_and_why(tmp_path):
    path = tmp_path / "answers.txt"
    path.write_text(ANSWERS, encoding="utf-8")
    result = runner.invoke(app, ["redact", str(path), "--review"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "answer 1: my PSW [name] rang me on [phone]"
    assert "  - 'Baz' taken as a name: a capitalised word after a role" in lines
    assert "  - '07700 900123' taken as a phone number: a UK phone number" in lines
    assert lines[-1] == "1 of 3 answers changed."


def test_a_csv_column_is_redacted_into_a_file(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text('id,comment\n1,"Thanks to dr nwachukwu"\n2,fine\n', encoding="utf-8")
    out = tmp_path / "redacted.txt"
    result = runner.invoke(app, ["redact", str(path), "--column", "comment", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == "Thanks to [name]\nfine\n"


def test_a_csv_without_the_column_is_named(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("id,comment\n1,x\n", encoding="utf-8")
    result = runner.invoke(app, ["redact", str(path), "--column", "answer"])
    assert result.exit_code == 2
    assert f"{path}, row 1: there is no column 'answer'" in result.output
    result = runner.invoke(app, ["redact", str(path)])
    assert result.exit_code == 2 and "--column" in result.output
