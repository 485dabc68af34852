"""No published output reveals a group smaller than the threshold, directly or by subtraction.

Random small populations of staff and service users are imported from files, as a Trust's
would be, and every published output is read back: results.json, the report as HTML, Word
and PDF, and the two row-level exports. For each breakdown the true counts are known from
the generated data, so the checks need nothing from the code under test:

* a value held by fewer people than the minimum is named in no output (beyond the
  codebook, which lists every option whether anyone chose it or not);
* every count shown in results.json is 0 or at least the minimum, and within a breakdown
  the people not accounted for by the shown cells (the total less what is shown) are 0 or
  at least the minimum, so no hidden cell can be worked out by subtraction;
* no report says "n = k" or "(n k" for a k under the minimum.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from peerval.disclosure import DisclosurePolicy, rows
from peerval.evaluation import import_files
from peerval.report import render_html, report_for, write_docx, write_pdf
from peerval.results import evaluate

from ..report.text import docx_text, html_text, pdf_pages

POLICY = DisclosurePolicy()
MINIMUM = POLICY.minimum
PROFESSIONS = {
    1: "Qualified nurse",
    2: "Unqualified nursing staff",
    3: "Occupational therapist",
    4: "Social worker",
    5: "Psychiatrist",
    6: "Psychologist",
}
CARE_GROUPS = {
    1: "Acute and inpatient",
    2: "Community mental health",
    3: "Rehabilitation and recovery",
    4: "Older adults",
    5: "Crisis and home treatment",
    6: "Forensic and secure",
}

staff_member = st.tuples(
    st.sampled_from([1, 1, 1, 2, 2, 3, 4, 5, 6]),  # profession: nurses common, others rare
    st.sampled_from([1, 1, 2, 2, 3, 4, 5, 6]),  # care group
    st.integers(1, 5),  # valued_member
    st.integers(1, 5),  # helps_recovery
)
service_user = st.tuples(
    st.sampled_from([1, 2, 3, 4, 5, 6]),  # care group
    st.integers(1, 5),  # listens
    st.integers(1, 5),  # feel_supported
)
population = st.fixed_dictionaries(
    {
        "staff": st.lists(staff_member, min_size=1, max_size=24),
        "service_users": st.lists(service_user, min_size=0, max_size=9),
    }
)


def _write_files(folder: Path, people: dict) -> tuple[list[Path], list[str]]:
    files, instruments = [], []
    lines = ["response_id,profession,care_group,valued_member,helps_recovery,what_works"]
    for i, (profession, care, valued, helps) in enumerate(people["staff"]):
        lines.append(f"st{i},{profession},{care},{valued},{helps},They make time for people.")
    (folder / "staff.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    files.append(folder / "staff.csv")
    instruments.append("staff-psw-survey")
    if people["service_users"]:
        lines = ["response_id,care_group,listens,feel_supported"]
        for i, (care, listens, supported) in enumerate(people["service_users"]):
            lines.append(f"su{i},{care},{listens},{supported}")
        (folder / "users.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(folder / "users.csv")
        instruments.append("service-user-psw-survey")
    return files, instruments


def _true_breakdowns(people: dict) -> dict[tuple[str, str], Counter]:
    staff, users = people["staff"], people["service_users"]
    return {
        ("staff", "profession"): Counter(PROFESSIONS[p[0]] for p in staff),
        ("staff", "care_group"): Counter(CARE_GROUPS[p[1]] for p in staff),
        ("service_user", "care_group"): Counter(CARE_GROUPS[u[0]] for u in users),
    }


def _small_values(people: dict) -> set[tuple[str, str, str]]:
    return {
        (group, attribute, value)
        for (group, attribute), counts in _true_breakdowns(people).items()
        for value, n in counts.items()
        if 0 < n < MINIMUM
    }


def _published(tmp: Path, people: dict, *, pdf: bool) -> dict[str, str]:
    files, instruments = _write_files(tmp, people)
    responses, by_id = import_files(files, instruments, [])
    results = evaluate(responses, by_id, name="Property evaluation")
    data = results.to_dict(POLICY)
    report = report_for(results, answers=responses.answers, policy=POLICY)
    write_docx(report, tmp / "report.docx")
    (tmp / "report.html").write_text(render_html(report), encoding="utf-8")
    context = rows.ExportContext(instruments=list(by_id.values()), policy=POLICY)
    texts = {
        "results.json": json.dumps(data),
        "html": html_text(tmp / "report.html"),
        "docx": docx_text(tmp / "report.docx"),
        "wide": rows.csv_bytes(rows.wide_table(responses, context)).decode("utf-8-sig"),
        "long": rows.csv_bytes(rows.long_table(responses, context)).decode("utf-8-sig"),
    }
    if pdf:
        write_pdf(report, tmp / "report.pdf")
        texts["pdf"] = re.sub(r"\s+", " ", " ".join(pdf_pages(tmp / "report.pdf")))
    return texts | {"_data": data}  # type: ignore[dict-item]


def _check_json(data: dict, people: dict) -> None:
    breakdowns = _true_breakdowns(people)
    totals = {"staff": len(people["staff"]), "service_user": len(people["service_users"])}
    # groups: shown counts are 0 or >= minimum; what is hidden adds up to 0 or >= minimum
    shown_groups = {g["respondent_group"]: g["n"] for g in data["respondents"]["by_group"]}
    shown = [shown_groups.get(g) for g in totals]
    _check_breakdown(shown, list(totals.values()), data["respondents"]["total"], "groups")
    for (group, attribute), counts in breakdowns.items():
        cells = [
            a
            for a in data["respondents"]["by_attribute"]
            if a["respondent_group"] == group and a["attribute"] == attribute
        ]
        listed = {a["value"] for a in cells}
        for value, n in counts.items():
            if n < MINIMUM:
                assert value not in listed, f"{group} {attribute}: {value} ({n}) is listed"
        shown = [a["n"] for a in cells if a["n"] is not None]
        group_shown = shown_groups.get(group)
        if group_shown is not None:
            unaccounted = group_shown - sum(shown)
            assert unaccounted == 0 or unaccounted >= MINIMUM, (group, attribute, cells)
    for item in data["items"]:
        counts = [o["n"] for o in item["options"]]
        assert all(c is None or c == 0 or c >= MINIMUM for c in counts), item
        if item["n"] is not None:
            unaccounted = item["n"] - sum(c for c in counts if c is not None)
            assert unaccounted == 0 or unaccounted >= MINIMUM, item
    text = json.dumps(data)
    for key, value in re.findall(r'"(n|n_agree|n_disagree|n_neutral|n_not_agree)": (\d+)', text):
        assert int(value) == 0 or int(value) >= MINIMUM, (key, value)


def _check_breakdown(shown: list, true: list[int], total: int | None, what: str) -> None:
    for s, t in zip(shown, true, strict=True):
        assert s is None or s == t, what
        assert s is None or s == 0 or s >= MINIMUM, what
    hidden = sum(t for s, t in zip(shown, true, strict=True) if s is None)
    if total is not None:  # a shown total less the shown cells must not give a small count
        assert hidden == 0 or hidden >= MINIMUM, what


def _check_texts(texts: dict, people: dict) -> None:
    small = _small_values(people)
    codes = {("profession", v): str(k) for k, v in PROFESSIONS.items()}
    codes |= {("care_group", v): str(k) for k, v in CARE_GROUPS.items()}
    for kind, text in texts.items():
        if kind.startswith("_"):
            continue
        if kind in ("wide", "long"):
            # row by row: a care group small among service users may be large among staff
            for row in csv.DictReader(io.StringIO(text)):
                for group, attribute, value in small:
                    if row["respondent_group"] != group:
                        continue
                    if kind == "wide":
                        assert row[attribute] != value, f"wide names {value} ({group})"
                    elif row["item_id"] == attribute:
                        assert row["value"] != codes[(attribute, value)], (
                            f"long gives the code of {value} ({group})"
                        )
                        assert row["text"] != value, f"long names {value} ({group})"
            continue
        for group, attribute, value in small:
            if attribute == "profession":  # asked of staff only: the name alone reveals
                assert value not in text, f"{kind} names {value} ({group} {attribute})"
        for k in range(1, MINIMUM):
            assert not re.search(rf"\bn = {k}\b", text), (kind, k)
            assert not re.search(rf"\(n {k}[,)]", text), (kind, k)


@settings(
    max_examples=25,
    deadline=None,
    # each example writes two reports: a failure is reported as found, without shrinking
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(people=population)
def test_results_reports_and_exports_hide_small_groups(tmp_path_factory, people):
    tmp = tmp_path_factory.mktemp("population")
    texts = _published(tmp, people, pdf=False)
    _check_json(texts["_data"], people)
    _check_texts(texts, people)


@settings(
    max_examples=3,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(people=population)
def test_the_pdf_hides_small_groups_too(tmp_path_factory, people):
    tmp = tmp_path_factory.mktemp("population")
    texts = _published(tmp, people, pdf=True)
    _check_texts({"pdf": texts["pdf"]}, people)


def test_a_known_small_population_is_caught_by_these_checks():
    # the checks themselves: one psychiatrist among nurses must count as a small value
    people = {"staff": [(1, 1, 4, 4)] * 6 + [(5, 1, 4, 4)], "service_users": []}
    assert ("staff", "profession", "Psychiatrist") in _small_values(people)
    with pytest.raises(AssertionError, match="names Psychiatrist"):
        _check_texts(
            {"wide": "response_id,respondent_group,profession\r\nst6,staff,Psychiatrist\r\n"},
            people,
        )
    with pytest.raises(AssertionError):
        _check_json(
            {
                "respondents": {
                    "total": 7,
                    "by_group": [{"respondent_group": "staff", "n": 7}],
                    "by_attribute": [
                        {"respondent_group": "staff", "attribute": "profession",
                         "value": "Qualified nurse", "n": 6},
                    ],
                },
                "items": [],
            },
            people,
        )  # fmt: skip
