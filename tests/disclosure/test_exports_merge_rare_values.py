"""Rare attribute values are merged into "Other (fewer than N)", or left blank when the
merged group is itself too small; counted per respondent group over people."""

from __future__ import annotations

import pandas as pd

from peerval.disclosure import DisclosurePolicy
from peerval.disclosure.rows import ExportContext, merged_values


def _people(values: list[str], group: str = "staff") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": [f"{group}-{n}" for n in range(len(values))],
            "respondent_id": [f"{group}-{n}" for n in range(len(values))],
            "wave": "2026",
            "respondent_group": group,
            "instrument": "x",
            "mode": "online",
            "profession": values,
        }
    )


def _merged(people: pd.DataFrame, policy: DisclosurePolicy | None = None) -> dict:
    return merged_values(people, ExportContext(instruments=[], policy=policy or DisclosurePolicy()))


def test_small_values_that_add_up_to_the_threshold_read_other():
    people = _people(["Nurse"] * 6 + ["OT"] * 3 + ["Social worker"] * 2)
    assert _merged(people) == {
        ("staff", "profession"): {
            "OT": "Other (fewer than 5)",
            "Social worker": "Other (fewer than 5)",
        }
    }


def test_a_merged_group_still_under_the_threshold_is_blank():
    people = _people(["Nurse"] * 6 + ["Psychiatrist"] + ["OT"] * 3)
    assert _merged(people) == {("staff", "profession"): {"Psychiatrist": "", "OT": ""}}


def test_not_stated_is_never_merged():
    people = _people(["Nurse"] * 6 + ["Not stated"])
    assert _merged(people) == {}


def test_values_are_counted_within_each_respondent_group():
    people = pd.concat(
        [_people(["Nurse"] * 6), _people(["Nurse"] * 2 + ["OT"] * 6, "service_user")]
    )
    assert _merged(people) == {("service_user", "profession"): {"Nurse": ""}}


def test_nhs_rule_merges_values_held_by_fewer_than_eight():
    people = _people(["Nurse"] * 8 + ["OT"] * 7 + ["Social worker"] * 5)
    assert _merged(people, DisclosurePolicy(rule="nhs_1_7")) == {
        ("staff", "profession"): {
            "OT": "Other (fewer than 8)",
            "Social worker": "Other (fewer than 8)",
        }
    }
