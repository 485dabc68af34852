import pytest

from peerval.disclosure import (
    DEFAULT_THRESHOLD,
    HIGHEST_THRESHOLD,
    LOWEST_THRESHOLD,
    DisclosurePolicy,
)
from peerval.errors import PeervalError


def test_small_cells_are_hidden_and_secondary_suppression_protects_them():
    # 16+12+6+2+1+1 = 38 staff. 2, 1 and 1 are under 5 and together make 4, which could be
    # recovered from the total, so the next smallest cell (6) is hidden as well.
    shown = DisclosurePolicy().protect_counts([16, 12, 6, 2, 1, 1])
    assert shown == [16, 12, None, None, None, None]


def test_a_single_small_cell_never_stands_alone_hidden():
    # one hidden cell could be recovered by subtraction: a second one must go
    assert DisclosurePolicy().protect_counts([20, 9, 3]) == [20, None, None]


def test_zero_is_shown_and_nothing_is_hidden_when_all_cells_are_large():
    assert DisclosurePolicy().protect_counts([0, 5, 12]) == [0, 5, 12]


def test_hidden_cells_always_sum_to_at_least_the_threshold():
    policy = DisclosurePolicy(threshold=10)
    counts = [30, 11, 4, 3, 25]
    shown = policy.protect_counts(counts)
    hidden = [c for c, s in zip(counts, shown, strict=True) if s is None]
    assert len(hidden) >= 2 and sum(hidden) >= 10


def test_nhs_rule_hides_one_to_seven_and_rounds_the_rest_to_fives():
    policy = DisclosurePolicy(rule="nhs_1_7")
    assert policy.protect_counts([23, 7, 9, 0]) == [25, None, None, 0]
    assert policy.minimum == 8


def test_internal_mode_shows_everything_and_says_so():
    policy = DisclosurePolicy(mode="internal")
    assert policy.protect_counts([16, 1]) == [16, 1]
    assert "INTERNAL" in policy.describe()


def test_bad_settings_are_refused_with_a_clear_message():
    with pytest.raises(PeervalError, match="threshold must be 5 to 100"):
        DisclosurePolicy(threshold=0)
    with pytest.raises(PeervalError, match="unknown disclosure mode"):
        DisclosurePolicy(mode="public")  # type: ignore[arg-type]


@pytest.mark.parametrize("threshold", [1, 3, 4, 101])
def test_a_published_threshold_outside_the_allowed_range_is_refused(threshold):
    with pytest.raises(PeervalError, match=f"not {threshold} .smaller groups are shown only"):
        DisclosurePolicy(threshold=threshold)


def test_the_default_threshold_is_the_lowest_allowed():
    assert DisclosurePolicy().threshold == DEFAULT_THRESHOLD == LOWEST_THRESHOLD == 5
    assert DisclosurePolicy(threshold=HIGHEST_THRESHOLD).minimum == HIGHEST_THRESHOLD
