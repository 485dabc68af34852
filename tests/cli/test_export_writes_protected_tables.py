"""``peerval export`` writes the protected tables an analyst shares (docs/adr/0006)."""

import csv
import io

from typer.testing import CliRunner

from peerval.cli import app

runner = CliRunner()


def _staff_file(path):
    # profession codes: 1 qualified nurse x8, 3 occupational therapist x6, 5 psychiatrist x1,
    # and one person who was asked and did not say
    professions = ["1"] * 8 + ["3"] * 6 + ["5", ""]
    rows = ["response_id,profession,care_group,valued_member,helps_recovery,what_works"]
    for i, profession in enumerate(professions):
        text = "They have time for people." if i else "Ask Sarah Jones on 07700 900123."
        rows.append(f"s{i},{profession},{1 + i % 2},{4 + i % 2},4,{text}")
    rows.append('s99,1,1,4,4,=HYPERLINK("http://example.invalid")')
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def _read(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_export_merges_rare_values_redacts_text_and_keeps_not_stated_apart(tmp_path):
    staff = tmp_path / "staff.csv"
    _staff_file(staff)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["export", "-r", str(staff), "-i", "staff-psw-survey", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["answers.csv", "codebook.csv", "responses.csv"]

    wide = {row["response_id"]: row for row in _read(out / "responses.csv")}
    assert len(wide) == 17
    professions = [row["profession"] for row in wide.values()]
    assert "Psychiatrist" not in professions  # one person: never named
    # the psychiatrist alone is too few to read Other, so the value is blank
    assert professions.count("") == 1
    assert professions.count("Not stated") == 1  # asked and not answered
    assert professions.count("Qualified nurse") == 9
    assert "Sarah" not in wide["s0"]["what_works"] and "07700" not in wide["s0"]["what_works"]
    assert wide["s99"]["what_works"].startswith("'=")

    long = _read(out / "answers.csv")
    assert not any("Sarah" in row["text"] for row in long)
    codebook = _read(out / "codebook.csv")
    assert {"valued_member", "what_works"} <= {row["item_id"] for row in codebook}
    assert "Disclosure control" in result.output


def test_export_refuses_a_threshold_under_five(tmp_path):
    staff = tmp_path / "staff.csv"
    _staff_file(staff)
    result = runner.invoke(
        app,
        ["export", "-r", str(staff), "-i", "staff-psw-survey", "-o", str(tmp_path / "o"),
         "--threshold", "3"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "threshold must be 5 to 100" in result.output
    assert not (tmp_path / "o").exists()


def test_export_redacts_the_places_given_and_the_care_groups(tmp_path):
    staff = tmp_path / "staff.csv"
    rows = ["response_id,profession,care_group,valued_member,helps_recovery,what_works"]
    for i in range(6):
        rows.append(f"s{i},1,4,4,4,On Larkspur the older adults team PSW was great.")
    staff.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["export", "-r", str(staff), "-i", "staff-psw-survey", "-o", str(out)]
        + ["--place", "Larkspur"],
    )
    assert result.exit_code == 0, result.output
    texts = [row["what_works"] for row in _read(out / "responses.csv")]
    assert texts == ["On [place] the [place] team PSW was great."] * 6
