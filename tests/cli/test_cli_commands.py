import json
import subprocess
import sys

import pytest
import yaml
from typer.testing import CliRunner

from peerval.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


@pytest.mark.django_db
def test_demo_writes_results_with_32_service_users_and_38_staff(tmp_path):
    result = run("demo", "--out", str(tmp_path / "demo"))
    assert result.exit_code == 0, result.output
    assert "32 service users and 38 staff" in result.output
    assert "username: demo-lead" in result.output
    data = json.loads((tmp_path / "demo" / "results.json").read_text())
    assert {g["respondent_group"]: g["n"] for g in data["respondents"]["by_group"]} == {
        "service_user": 32,
        "staff": 38,
    }


def test_instruments_list_shows_every_builtin():
    result = run("instruments", "list")
    assert result.exit_code == 0
    for instrument_id in ("fft", "inspire", "brief-inspire"):
        assert instrument_id in result.output


def test_instruments_show_says_a_licensed_instrument_cannot_be_published():
    result = run("instruments", "show", "inspire")
    assert result.exit_code == 0
    assert "cannot be published" in result.output
    assert "NOT VERIFIED" in result.output


def test_instruments_validate_accepts_builtins_and_names_the_line_of_an_error(tmp_path):
    from peerval.instruments import BUILTIN_DIR

    assert run("instruments", "validate", str(BUILTIN_DIR / "fft.yaml")).exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text((BUILTIN_DIR / "fft.yaml").read_text().replace("type: free_text", "type: essay"))
    result = run("instruments", "validate", str(bad))
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "items[1].type" in result.output
    assert "line" in result.output


def test_install_wording_installs_a_pack(tmp_path, isolated_home):
    pack = tmp_path / "brief.yaml"
    pack.write_text(
        yaml.safe_dump(
            {
                "instrument": "brief-inspire",
                "items": {f"b{i}": f"Placeholder {i}" for i in range(1, 6)},
            }
        )
    )
    result = run("instruments", "install-wording", str(pack))
    assert result.exit_code == 0, result.output
    assert (isolated_home / "wording" / "brief-inspire.yaml").exists()
    assert "installed" in run("instruments", "list").output


def test_score_writes_one_row_per_response_with_reasons(tmp_path):
    data = tmp_path / "brief.csv"
    data.write_text("response_id,b1,b2,b3,b4,b5\nA,4,4,4,4,4\nB,0,1,2,3,4\nC,1,,1,1,1\n")
    out = tmp_path / "scores.csv"
    result = run(
        "score",
        "--instrument",
        "brief-inspire",
        "--responses",
        str(data),
        "--out",
        str(out),
        "--group",
        "service_user",
    )
    assert (
        result.exit_code == 2
    )  # every Brief INSPIRE item is required; b2 is blank in: row 4 is refused
    assert "row 4" in result.output and "'b2'" in result.output
    assert not out.exists()
    data.write_text("response_id,b1,b2,b3,b4,b5\nA,4,4,4,4,4\nB,0,1,2,3,4\n")
    result = run("score", "-i", "brief-inspire", "-r", str(data), "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert lines[0] == "response_id,brief_inspire,brief_inspire_reason"
    assert lines[1].startswith("A,100.0") and lines[2].startswith("B,50.0")


def test_errors_are_one_clear_line_with_exit_code_2_and_no_traceback(tmp_path):
    missing = tmp_path / "missing.csv"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "peerval",
            "score",
            "-i",
            "fft",
            "-r",
            str(missing),
            "-o",
            str(tmp_path / "o.csv"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("Error: ") and "missing.csv" in proc.stderr
    assert "file not found" in proc.stderr


def test_version_flag():
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("peerval ")


FORMS_EXPORT = (
    "ID,Start time,Completion time,Email,Name,Which care group do you mainly work in?,"
    "Peer Support Workers are valued members of our team.,"
    "Peer Support Workers help service users with their recovery.\n"
    "1,1/3/26 9:00,1/3/26 9:05,anonymous,,Acute and inpatient,Agree,Strongly agree\n"
)


def test_a_forms_export_without_the_preset_gets_a_hint_and_imports_with_it(tmp_path):
    data = tmp_path / "forms.csv"
    data.write_text(FORMS_EXPORT, encoding="utf-8")
    out = tmp_path / "scores.csv"
    args = ["score", "-i", "staff-psw-survey", "-r", str(data), "-o", str(out)]
    result = run(*args)
    assert result.exit_code == 2
    assert "looks like a Microsoft Forms export" in result.output
    result = run(*args, "--preset", "msforms")
    assert result.exit_code == 0, result.output
    assert out.read_text().splitlines()[1].startswith("1,")


def test_validate_checks_every_file_even_after_a_bad_one(tmp_path):
    from peerval.instruments import BUILTIN_DIR

    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\n")
    result = run("instruments", "validate", str(bad), str(BUILTIN_DIR / "fft.yaml"))
    assert result.exit_code == 2
    assert "bad.yaml" in result.output
    assert "fft.yaml: OK" in result.output


def test_an_unusable_output_path_is_a_clear_error_not_a_traceback(tmp_path):
    data = tmp_path / "brief.csv"
    data.write_text("response_id,b1,b2,b3,b4,b5\nA,4,4,4,4,4\n")
    result = run(
        "score",
        "-i",
        "brief-inspire",
        "-r",
        str(data),
        "-o",
        str(tmp_path),
        "--group",
        "service_user",
    )
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and "Traceback" not in result.output


def test_report_from_files_writes_results_and_three_reports(tmp_path):
    staff = tmp_path / "staff.csv"
    rows = ["response_id,profession,care_group,valued_member,helps_recovery,what_works"]
    rows += [
        f"s{i},{1 + i % 3},{1 + i % 2},{4 + i % 2},{3 + i % 3},They have time for people."
        for i in range(24)
    ]
    staff.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(
        "report",
        "-r",
        str(staff),
        "-i",
        "staff-psw-survey",
        "-o",
        str(out),
        "--name",
        "Example evaluation",
        "--wave",
        "2026",
    )
    assert result.exit_code == 0, result.output
    for name in ("results.json", "report.html", "report.pdf", "report.docx"):
        assert (out / name).stat().st_size > 1000
    data = json.loads((out / "results.json").read_text())
    assert data["evaluation"]["name"] == "Example evaluation"
    assert data["respondents"]["by_group"] == [
        {"respondent_group": "staff", "n": 24, "suppressed": False}
    ]
    html = (out / "report.html").read_text()
    assert "Example evaluation" in html and "gives no themes" in html


def test_report_refuses_mismatched_file_and_instrument_lists(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (a, b):
        path.write_text("response_id,b1,b2,b3,b4,b5\nx,1,1,1,1,1\n")
    result = run(
        "report",
        "-r",
        str(a),
        "-r",
        str(b),
        "-r",
        str(a),
        "-i",
        "fft",
        "-i",
        "fft",
        "-o",
        str(tmp_path / "o"),
    )
    assert result.exit_code == 2
    assert "one instrument for all 3 files, or one per file" in result.output


def test_report_gives_response_rates_when_the_number_invited_is_known(tmp_path):
    staff = tmp_path / "staff.csv"
    rows = ["response_id,care_group,valued_member,helps_recovery"]
    rows += [f"s{i},1,4,4" for i in range(30)]
    staff.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(
        "report",
        "-r",
        str(staff),
        "-i",
        "staff-psw-survey",
        "-o",
        str(out),
        "--invited",
        "staff=120",
    )
    assert result.exit_code == 0, result.output
    (group,) = json.loads((out / "results.json").read_text())["respondents"]["by_group"]
    assert group["invited"] == 120 and group["response_rate"] == 25.0
    assert "Response rate" in (out / "report.html").read_text()
    bad = run(
        "report",
        "-r",
        str(staff),
        "-i",
        "staff-psw-survey",
        "-o",
        str(out),
        "--invited",
        "nurses=12",
    )
    assert bad.exit_code == 2 and "GROUP=NUMBER" in bad.output
