import pytest
from scipy import stats

from peerval.analysis.compare import compare_parallel_items
from peerval.demo import generate_demo


def test_staff_and_service_users_are_compared_on_items_that_share_an_id():
    demo = generate_demo()
    table = compare_parallel_items(demo.responses.answers, demo.instruments).set_index("item_id")
    assert set(table.index) == {"helps_recovery", "want_more_time"}
    answers = demo.responses.answers
    for item in table.index:
        row = table.loc[item]
        assert (row["group_x"], row["group_y"]) == ("staff", "service_user")
        # independent: SciPy on the same answers, "don't know" (9) left out
        x = answers[
            (answers["instrument"] == "staff-psw-survey")
            & (answers["item_id"] == item)
            & (answers["value"] != 9)
        ]["value"]
        y = answers[
            (answers["instrument"] == "service-user-psw-survey")
            & (answers["item_id"] == item)
            & (answers["value"] != 9)
        ]["value"]
        expected = stats.mannwhitneyu(x, y)
        assert row["statistic"] == expected.statistic
        assert row["p_value"] == pytest.approx(expected.pvalue)
        assert row["effect_size"] == pytest.approx(2 * expected.statistic / (len(x) * len(y)) - 1)
    assert (table["p_holm"] >= table["p_value"]).all()


def test_instruments_for_the_same_group_are_not_paired():
    demo = generate_demo()
    only_service_users = {k: v for k, v in demo.instruments.items() if k != "staff-psw-survey"}
    assert compare_parallel_items(demo.responses.answers, only_service_users).empty
