import math

import pandas as pd
import pytest

from peerval.analysis.likert import fft_summary, likert_bands, likert_summaries
from peerval.disclosure import DisclosurePolicy
from peerval.disclosure.tables import protect_fft, protect_likert
from peerval.instruments import get_instrument


def long(instrument, item_id, values, group="staff"):
    return pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(len(values))],
            "wave": "1",
            "instrument": instrument.id,
            "instrument_version": instrument.version,
            "respondent_group": group,
            "item_id": item_id,
            "value": values,
            "text": None,
        }
    )


def test_agree_bands_of_a_five_point_scale_leave_dont_know_out():
    staff = get_instrument("staff-psw-survey")
    assert likert_bands(staff, staff.item("valued_member")) == ([1, 2], [3], [4, 5])
    brief = get_instrument("brief-inspire")  # 0-4: 0,1 low; 2 middle; 3,4 high
    assert likert_bands(brief, brief.item("b1")) == ([0, 1], [2], [3, 4])


def test_percent_agree_median_and_iqr_by_hand():
    staff = get_instrument("staff-psw-survey")
    # 10 answers and two "don't know" (9), which are left out:
    # codes 1,2,3,3,4,4,4,5,5,5 -> agree 6 of 10 = 60%; median 4; q1 3, q3 4.75 (linear)
    values = [1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 9, 9]
    row = likert_summaries(long(staff, "valued_member", values), staff).iloc[0]
    assert (row["n"], row["n_disagree"], row["n_neutral"], row["n_agree"]) == (10, 2, 2, 6)
    assert row["pct_agree"] == 60.0
    assert (row["median"], row["q1"], row["q3"]) == (4.0, 3.0, 4.75)
    # Wilson 95% interval for 6/10, worked by hand:
    # z=1.959964; centre (0.6 + z^2/20)/(1 + z^2/10); half-width z*sqrt(0.024 + z^2/400)/(1+z^2/10)
    z = 1.959963984540054
    denom = 1 + z * z / 10
    centre = (0.6 + z * z / 20) / denom
    half = z * math.sqrt(0.6 * 0.4 / 10 + z * z / 400) / denom
    assert row["ci_low"] == pytest.approx(100 * (centre - half))
    assert row["ci_high"] == pytest.approx(100 * (centre + half))


def test_small_disagree_and_neutral_are_merged_rather_than_hiding_the_item():
    staff = get_instrument("staff-psw-survey")
    values = [1, 3, 3] + [4] * 10 + [5] * 10  # disagree 1, neutral 2, agree 20
    table = likert_summaries(long(staff, "valued_member", values), staff)
    (row,) = protect_likert(table, DisclosurePolicy())
    # 3 together are still too few, and 20 of 23 would give them away: all hidden
    assert not row["merged"] and row["suppressed"]
    assert row["pct_agree"] is None and row["n_agree"] is None
    values = [1, 2, 3, 3, 3] + [4] * 10  # disagree 2, neutral 3, agree 10
    (row,) = protect_likert(
        likert_summaries(long(staff, "valued_member", values), staff), DisclosurePolicy()
    )
    assert row["merged"] and row["n_not_agree"] == 5 and row["n_agree"] == 10
    assert row["n_disagree"] is None and row["n_neutral"] is None
    assert row["pct_agree"] == pytest.approx(100 * 10 / 15)


def test_fft_percent_positive_and_negative_exclude_dont_know():
    fft = get_instrument("fft")
    # 1,1,1,2,2,3,4,5,6,6 -> valid 8 (6 = don't know); positive 5/8, negative 2/8
    values = [1, 1, 1, 2, 2, 3, 4, 5, 6, 6]
    table = fft_summary(long(fft, "fft_rating", values, "service_user"), fft)
    by = table.set_index("measure")
    assert by.loc["positive", "estimate"] == 62.5
    assert by.loc["negative", "estimate"] == 25.0
    assert (by["n"] == 8).all()
    (published,) = protect_fft(table, DisclosurePolicy(mode="internal"))
    assert published["positive"]["n"] == 5 and published["negative"]["n"] == 2
    (published,) = protect_fft(table, DisclosurePolicy())
    assert published["n"] == 8
    assert published["negative"]["estimate"] is None  # 2 people: hidden
