"""Ratings by domain: each person's domain mean on 0-100, then the mean over people with a
t interval, checked by hand-written arithmetic and by scipy's t.interval."""

import statistics

import pandas as pd
import pytest
from scipy import stats

from peerval.analysis.domains import domain_summaries
from peerval.instruments import get_instrument

INSPIRE = get_instrument("inspire")


def _answers(ratings: dict[str, dict[str, int]]) -> pd.DataFrame:
    rows = [
        {
            "response_id": person,
            "instrument": "inspire",
            "respondent_group": "service_user",
            "item_id": item,
            "value": float(value),
            "text": None,
        }
        for person, given in ratings.items()
        for item, value in given.items()
    ]
    return pd.DataFrame(rows)


def test_connectedness_is_the_mean_of_each_persons_mean_rating():
    # s01-s04 are Connectedness; ratings 0-4 become 0-100 (x 25)
    ratings = {
        "a": {"s01_support": 4, "s02_support": 2},  # (100 + 50) / 2 = 75
        "b": {"s03_support": 1},  # 25
        "c": {"s01_support": 3, "s02_support": 3, "s04_support": 0},  # (75 + 75 + 0) / 3 = 50
        "d": {"s05_support": 4},  # Hope only: not in Connectedness
    }
    table = domain_summaries(_answers(ratings), INSPIRE)
    row = table.set_index("domain").loc["Connectedness"]
    people = [75.0, 25.0, 50.0]
    assert row["n"] == 3 and row["n_items"] == 4
    assert row["estimate"] == pytest.approx(statistics.mean(people))
    assert row["sd"] == pytest.approx(statistics.stdev(people))
    low, high = stats.t.interval(
        0.95, len(people) - 1, loc=statistics.mean(people), scale=stats.sem(people)
    )
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    hope = table.set_index("domain").loc["Hope"]
    assert hope["n"] == 1 and hope["estimate"] == 100.0


def test_domains_keep_the_instruments_order_and_skip_items_without_a_domain():
    ratings = {"a": {"s17_support": 2, "s01_support": 2, "r01": 4}}
    table = domain_summaries(_answers(ratings), INSPIRE)
    domains = [i.domain for i in INSPIRE.items if i.domain]
    assert list(table["domain"]) == sorted(set(table["domain"]), key=domains.index)
    assert len(table) == 2  # r01 (relationship) has no domain


def test_an_instrument_without_domains_gives_an_empty_table():
    staff = get_instrument("staff-psw-survey")
    table = domain_summaries(_answers({"a": {"s01_support": 2}}), staff)
    assert table.empty and "estimate" in table.columns
