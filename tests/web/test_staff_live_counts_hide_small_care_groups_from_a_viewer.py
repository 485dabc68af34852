"""The evaluation page's live counts by care group are protected for everyone but the lead:
a viewer (and a coder) never sees a care group under the disclosure threshold, nor a total
that would give a hidden count away by subtraction. The lead, who runs the collection,
sees exact counts with a note that they are not protected."""

from __future__ import annotations

import pytest
from django.utils import timezone

from peerval.disclosure import DEFAULT_THRESHOLD
from peerval.web.accounts.models import Membership
from peerval.web.surveys.models import CareGroup, Collection, Response

from .page_tables import summary_values, tables

HIDDEN = "hidden"
CARE_GROUPS = {1: "Older adults", 2: "Adult acute", 3: "Rehabilitation and recovery"}


@pytest.fixture
def viewer(make_user, evaluation):
    user = make_user("erin")
    Membership.objects.create(user=user, evaluation=evaluation, role="viewer")
    return user


@pytest.fixture
def service_user_collection(wave):
    from peerval.web.surveys.services.questionnaire import load_instrument

    survey = load_instrument("service-user-psw-survey")
    return Collection.objects.create(
        wave=wave,
        respondent_group="service_user",
        instruments=[{"id": survey.id, "version": survey.version}],
        status=Collection.OPEN,
    )


def _submit(collection, care_group: int | None, n: int) -> None:
    Response.objects.bulk_create(
        Response(
            collection=collection,
            consented=True,
            status=Response.SUBMITTED,
            submitted_at=timezone.now(),
            care_group=care_group,
        )
        for _ in range(n)
    )


@pytest.fixture
def answered(evaluation, staff_collection, service_user_collection):
    """Staff: Older adults 1, Adult acute 12, Rehabilitation 9 (22); service users:
    Adult acute 20, Rehabilitation 6 (26)."""
    for code, label in CARE_GROUPS.items():
        CareGroup.objects.create(evaluation=evaluation, code=code, label=label)
    _submit(staff_collection, 1, 1)
    _submit(staff_collection, 2, 12)
    _submit(staff_collection, 3, 9)
    _submit(service_user_collection, 2, 20)
    _submit(service_user_collection, 3, 6)


def _care_group_table(client, evaluation) -> list[list[str]]:
    html = client.get(f"/evaluations/{evaluation.pk}/").text
    return tables(html)["Submitted responses by care group, wave 2026"]


def _number(text: str) -> int | None:
    return None if text == HIDDEN else int(text)


def assert_nothing_small_or_recoverable(rows: list[list[str]], threshold: int) -> None:
    """No shown count from 1 to threshold-1; in each column whose total is shown, either no
    cell is hidden or at least two are and they add up to at least the threshold (so no
    hidden cell can be worked out from the total); and if a column's total is hidden, so is
    every cell in that column."""
    header, *body, totals = rows
    assert totals[0] == "All care groups"
    for row in rows[1:]:
        for text in row[1:]:
            n = _number(text)
            assert n is None or n == 0 or n >= threshold, f"{row[0]} shows {n}"
    for column in range(1, len(header)):
        cells = [_number(row[column]) for row in body]
        total = _number(totals[column])
        hidden = [n for n in cells if n is None]
        if total is None:
            assert len(hidden) == len(cells), f"{header[column]}: cells shown, total hidden"
            continue
        shown = sum(n for n in cells if n is not None)
        if hidden:
            assert len(hidden) >= 2, f"{header[column]}: one hidden cell is total less the rest"
            assert total - shown >= threshold, f"{header[column]}: hidden cells add up to little"
        else:
            assert shown == total


def test_a_viewer_sees_no_care_group_under_the_threshold(client, viewer, evaluation, answered):
    client.force_login(viewer)
    rows = _care_group_table(client, evaluation)
    assert rows[0] == ["Care group", "Service users", "Staff"]  # no total across groups
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label["Older adults"] == ["0", HIDDEN]
    # the next smallest staff count is hidden too, so 22 - 12 does not give Older adults
    assert by_label["Rehabilitation and recovery"] == ["6", HIDDEN]
    assert by_label["Adult acute"] == ["20", "12"]
    assert by_label["All care groups"] == ["26", "22"]
    assert_nothing_small_or_recoverable(rows, DEFAULT_THRESHOLD)


def test_a_coder_sees_the_same_protected_counts(client, coder, viewer, evaluation, answered):
    client.force_login(viewer)
    seen_by_viewer = _care_group_table(client, evaluation)
    client.force_login(coder)
    seen_by_coder = _care_group_table(client, evaluation)
    assert seen_by_coder == seen_by_viewer
    assert {row[0]: row[1:] for row in seen_by_coder}["Older adults"] == ["0", HIDDEN]


def test_the_page_says_how_the_counts_are_protected(client, viewer, evaluation, answered):
    client.force_login(viewer)
    html = client.get(f"/evaluations/{evaluation.pk}/").text
    assert "These live counts hide small groups as the report does" in html
    assert "Counts from 1 to 4 are hidden" in html
    assert "Exact counts, not protected" not in html


def test_the_lead_sees_exact_counts_marked_as_not_protected(client, lead, evaluation, answered):
    client.force_login(lead)
    html = client.get(f"/evaluations/{evaluation.pk}/").text
    rows = tables(html)["Submitted responses by care group, wave 2026"]
    assert rows[0] == ["Care group", "Service users", "Staff", "Total"]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label["Older adults"] == ["0", "1", "1"]
    assert by_label["All care groups"] == ["26", "22", "48"]
    assert "Exact counts, not protected" in html
    assert "Do not publish or share them outside the evaluation team" in html


def test_a_small_respondent_group_hides_its_column_and_the_other_groups_total(
    client, viewer, evaluation, staff_collection, service_user_collection, answered
):
    Response.objects.filter(collection=service_user_collection).delete()
    _submit(service_user_collection, 2, 3)  # three service users in all
    client.force_login(viewer)
    html = client.get(f"/evaluations/{evaluation.pk}/").text
    rows = tables(html)["Submitted responses by care group, wave 2026"]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    # 3 service users is too few to show, and 25 in all less the staff's 22 would give it
    assert by_label["All care groups"] == [HIDDEN, HIDDEN]
    assert all(cells == [HIDDEN, HIDDEN] for cells in by_label.values())
    assert_nothing_small_or_recoverable(rows, DEFAULT_THRESHOLD)
    collections = tables(html)["Collections in wave 2026"]
    assert [row[3] for row in collections[1:]] == [HIDDEN, HIDDEN]  # Submitted
    # the home page's total of 25 gives neither group away
    home = tables(client.get("/").text)["Evaluations you are a member of"]
    assert home[1][-1] == "25"

    su_page = client.get(f"/collections/{service_user_collection.pk}/").text
    assert summary_values(su_page)["Submitted"] == HIDDEN


def test_the_home_page_hides_a_wave_total_under_the_threshold(
    client, viewer, lead, evaluation, staff_collection
):
    _submit(staff_collection, None, 2)
    client.force_login(viewer)
    assert tables(client.get("/").text)["Evaluations you are a member of"][1][-1] == HIDDEN
    client.force_login(lead)
    assert tables(client.get("/").text)["Evaluations you are a member of"][1][-1] == "2"


def test_the_collection_page_hides_small_counts_and_used_codes_from_a_viewer(
    client, viewer, lead, staff_collection
):
    staff_collection.invitation_only = True
    staff_collection.save()
    _submit(staff_collection, 1, 2)
    client.force_login(viewer)
    html = client.get(f"/collections/{staff_collection.pk}/").text
    values = summary_values(html)
    assert values["Submitted"] == HIDDEN
    assert values["Submitted online"] == HIDDEN
    assert "Codes used" not in values  # used codes less drafts would give the submitted
    client.force_login(lead)
    values = summary_values(client.get(f"/collections/{staff_collection.pk}/").text)
    assert values["Submitted"] == "2" and values["Codes used"] == "0"
