"""Whatever the counts, the protected live counts show no group under the threshold and
no total that gives a hidden count away: within a respondent group's care groups, across
the respondent groups, and between a collection's online and paper counts. The lead's
(internal) counts are the exact ones."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from peerval.disclosure import DisclosurePolicy
from peerval.web.surveys.selectors import CareGroupRow, CareGroupTable, Counts, protect_wave

GROUPS = [("service_user", "Service users"), ("staff", "Staff")]
counts = st.integers(min_value=0, max_value=40)


@st.composite
def waves(draw):
    """A wave's raw counts: care groups by respondent group, and online/paper/drafts."""
    size = draw(st.integers(min_value=1, max_value=6))
    cells = {code: draw(st.lists(counts, min_size=size, max_size=size)) for code, _ in GROUPS}
    rows = [
        CareGroupRow(
            f"Care group {i}",
            {code: cells[code][i] for code, _ in GROUPS},
            sum(cells[code][i] for code, _ in GROUPS),
        )
        for i in range(size)
    ]
    totals = {code: sum(cells[code]) for code, _ in GROUPS}
    table = CareGroupTable(list(GROUPS), rows, totals, sum(totals.values()))
    collections = {}
    for code, _ in GROUPS:
        paper = draw(st.integers(min_value=0, max_value=totals[code]))
        collections[code] = Counts(
            submitted=totals[code],
            drafts=draw(counts),
            online=totals[code] - paper,
            paper=paper,
        )
    return table, collections


def _assert_breakdown_safe(cells, shown, total, shown_total, minimum, what):
    """Shown cells are the real ones; a shown total lets no hidden cell be worked out."""
    for n, seen in zip(cells, shown, strict=True):
        assert seen is None or seen == n, what
        assert seen is None or seen == 0 or seen >= minimum, what
    if shown_total is None:
        return
    assert shown_total == total, what
    hidden = [n for n, seen in zip(cells, shown, strict=True) if seen is None]
    if hidden:
        assert len(hidden) >= 2, f"{what}: one hidden cell is the total less the others"
        assert sum(hidden) >= minimum, f"{what}: the hidden cells add up to a small group"


@settings(max_examples=300, deadline=None)
@given(waves(), st.integers(min_value=5, max_value=12))
def test_no_protected_count_is_small_or_recoverable(wave, threshold):
    table, collections = wave
    policy = DisclosurePolicy(threshold=threshold)
    shown, shown_collections = protect_wave(table, collections, policy)
    codes = [code for code, _ in GROUPS]

    assert not shown.exact
    assert all(row.total is None for row in shown.rows)  # no total across respondent groups
    _assert_breakdown_safe(
        [table.totals[c] for c in codes],
        [shown.totals[c] for c in codes],
        table.total,
        shown.total,
        threshold,
        "respondent groups",
    )
    for code in codes:
        cells = [row.counts[code] for row in table.rows]
        seen = [row.counts[code] for row in shown.rows]
        if shown.totals[code] is None:
            assert seen == [None] * len(cells), f"{code}: cells shown under a hidden total"
        _assert_breakdown_safe(cells, seen, table.totals[code], shown.totals[code], threshold, code)

        raw, protected = collections[code], shown_collections[code]
        assert protected.submitted == shown.totals[code]  # the two tables agree
        _assert_breakdown_safe(
            [raw.online, raw.paper],
            [protected.online, protected.paper],
            raw.submitted,
            protected.submitted,
            threshold,
            f"{code} online and paper",
        )
        assert protected.drafts in (None, 0) or protected.drafts >= threshold


@settings(max_examples=50, deadline=None)
@given(waves())
def test_the_internal_mode_shows_the_exact_counts(wave):
    table, collections = wave
    shown, shown_collections = protect_wave(table, collections, DisclosurePolicy(mode="internal"))
    assert shown == CareGroupTable(table.groups, table.rows, table.totals, table.total, exact=True)
    assert shown_collections == collections
