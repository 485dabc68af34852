"""Response files a newcomer may give ``peerval score`` that cannot be read as text: each is
one line on stderr naming the file (and the row and column where known), exit code 2, and
no codec message or traceback."""

import pytest
from typer.testing import CliRunner

from peerval.cli import app

runner = CliRunner()
HEADER = "response_id,care_group,valued_member,helps_recovery\n"
NOT_WINDOWS_1252 = ["row 2", "column 'care_group'", "UTF-8", "Windows-1252", '"CSV UTF-8"']

CASES = {
    # 0x8D (Ť in Windows-1250) is undefined in Windows-1252
    "central_european": ((HEADER + "r1,Ťava,4,4\n").encode("cp1250"), NOT_WINDOWS_1252),
    # Shift-JIS punctuation uses 0x81, undefined in Windows-1252
    "japanese": ((HEADER + "r1,はい、そうです。,4,4\n").encode("shift_jis"), NOT_WINDOWS_1252),
    "utf16_without_bom": (
        (HEADER + "r1,1,4,4\n").encode("utf-16-le"),
        ["UTF-16 text without a byte-order mark", '"CSV UTF-8"'],
    ),
    "empty": (b"", ["the file is empty (no header row)"]),
}


@pytest.mark.parametrize("case", CASES)
def test_an_unreadable_file_is_one_line_naming_the_file_with_exit_code_2(tmp_path, case):
    data, expected = CASES[case]
    path = tmp_path / "responses.csv"
    path.write_bytes(data)
    result = runner.invoke(
        app,
        ["score", "-i", "staff-psw-survey", "-r", str(path), "-o", str(tmp_path / "s.csv")],
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {path}")
    for part in expected:
        assert part in line
    assert "codec" not in line and "Traceback" not in result.output
