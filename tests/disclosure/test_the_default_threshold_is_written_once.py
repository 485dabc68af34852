"""The default disclosure threshold is written once, in peerval.disclosure.policy; the command
line, the web app's form, model and services, and the reports all read it from there."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "peerval"

#: a threshold given a number: "threshold = 5", "disclosure_threshold: int = 5"
NAMED = re.compile(r"threshold\w*\s*(?::\s*\w+\s*)?=\s*[0-9]+\b", re.IGNORECASE)
#: a number as a limit or default beside the word threshold: min_value=3, Option(5, ...
NEARBY = re.compile(r"\b(?:min_value|max_value|default)\s*=\s*[0-9]+\b|Option\(\s*[0-9]+\b")


def test_only_the_policy_module_writes_a_threshold_as_a_number():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:  # a migration records the default as it was
            continue
        if "autocode" in path.parts:  # a classifier's decision threshold, not disclosure
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            near = " ".join(lines[max(0, i - 3) : i + 1]).lower()
            if NAMED.search(line) or (NEARBY.search(line) and "threshold" in near):
                found.append(f"{path.relative_to(SRC)}: {line.strip()}")
    assert found == [
        "disclosure/policy.py: DEFAULT_THRESHOLD = 5",
        "disclosure/policy.py: HIGHEST_THRESHOLD = 100",
    ]
