"""A repeated form submission (double click, retry, back button) never stores twice."""

from __future__ import annotations

import pytest

from peerval.web.surveys.models import IdempotencyRecord, Response
from peerval.web.surveys.services.questionnaire import questionnaire_for

from .survey_helpers import complete_survey, fresh_key, key_from


def test_sending_the_same_start_form_twice_makes_one_draft(client, staff_collection):
    base = f"/s/{staff_collection.token}/"
    key = key_from(client.get(base).text)
    first = client.post(base, {"consent": "on", "idempotency_key": key})
    second = client.post(base, {"consent": "on", "idempotency_key": key})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Response.objects.count() == 1


def test_sending_answers_twice_with_one_key_submits_once(client, staff_collection):
    base = f"/s/{staff_collection.token}/"
    complete_survey(client, staff_collection)
    record = IdempotencyRecord.objects.filter(scope="survey-submit").get()
    again = client.post(f"{base}check/", {"idempotency_key": str(record.key)})
    assert again.status_code == 302
    assert again["Location"] == f"{base}done/"
    assert Response.objects.filter(status=Response.SUBMITTED).count() == 1


def test_a_second_person_on_the_same_link_is_a_second_response(client, staff_collection):
    from django.test import Client

    complete_survey(client, staff_collection)
    complete_survey(Client(), staff_collection)
    assert Response.objects.filter(status=Response.SUBMITTED).count() == 2


def test_after_sending_the_link_starts_a_new_response_on_the_same_device(client, staff_collection):
    complete_survey(client, staff_collection)
    complete_survey(client, staff_collection)
    assert Response.objects.filter(status=Response.SUBMITTED).count() == 2


def _page_answers(collection, number: int, pick: int) -> dict[str, str]:
    """Every item on a page answered with its ``pick``-th non-missing option."""
    page = questionnaire_for(collection.instrument_refs()).pages[number]
    data = {}
    for item in page.items:
        options = [o for o in page.instrument.options_for(item) if not o.missing]
        data[item.id] = str(options[pick].code)
    return data


def test_a_repeated_page_key_changes_nothing_after_later_answers(client, staff_collection):
    # the answering pages do not look a key up first: a repeat runs, clashes on the key
    # when recording it, and is undone whole, so an old key cannot overwrite newer answers
    base = f"/s/{staff_collection.token}/"
    client.post(base, {"consent": "on", "idempotency_key": fresh_key()})
    url = f"{base}q/1/"
    first_key = fresh_key()
    first = client.post(url, _page_answers(staff_collection, 1, 0) | {"idempotency_key": first_key})
    newer = client.post(
        url, _page_answers(staff_collection, 1, -1) | {"idempotency_key": fresh_key()}
    )
    stored = Response.objects.get().answers
    repeat = client.post(
        url, _page_answers(staff_collection, 1, 0) | {"idempotency_key": first_key}
    )
    assert first.status_code == newer.status_code == repeat.status_code == 302
    assert repeat["Location"] == first["Location"] == f"{base}q/2/"
    assert Response.objects.get().answers == stored
    assert IdempotencyRecord.objects.filter(key=first_key).count() == 1


def test_a_view_that_breaks_a_constraint_without_a_repeated_key_is_an_error(rf, db):
    from django.db import IntegrityError

    from peerval.web.surveys.models import Evaluation
    from peerval.web.surveys.services.idempotency import idempotent

    @idempotent("test-clash", look_first=False)
    def clashing(request):
        Evaluation.objects.create(name="one", pk=1)
        Evaluation.objects.create(name="two", pk=1)  # the same primary key
        raise AssertionError("not reached")

    request = rf.post("/", {"idempotency_key": fresh_key()})
    request.session = {}
    with pytest.raises(IntegrityError):
        clashing(request)
    assert not Evaluation.objects.exists()


def test_answers_with_errors_are_shown_again_under_the_survey_title(client, staff_collection):
    # a posted page reads the draft without its wave and evaluation; a page drawn after
    # all (here: nothing answered) still names the evaluation
    base = f"/s/{staff_collection.token}/"
    client.post(base, {"consent": "on", "idempotency_key": fresh_key()})
    shown = client.post(f"{base}q/1/", {"idempotency_key": fresh_key()})
    assert shown.status_code == 422
    assert "Peer support evaluation 2026: survey for" in shown.text
    assert not IdempotencyRecord.objects.filter(scope="survey-page").exists()


def test_a_page_records_its_key_with_its_answers(client, staff_collection):
    # on PostgreSQL in the same statement as the answers, elsewhere just after them
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    base = f"/s/{staff_collection.token}/"
    client.post(base, {"consent": "on", "idempotency_key": fresh_key()})
    key = fresh_key()
    with CaptureQueriesContext(connection) as seen:
        sent = client.post(
            f"{base}q/1/", _page_answers(staff_collection, 1, 0) | {"idempotency_key": key}
        )
    assert sent.status_code == 302
    assert IdempotencyRecord.objects.get(key=key).location == sent["Location"] == f"{base}q/2/"
    table = IdempotencyRecord._meta.db_table
    writes = [q["sql"] for q in seen.captured_queries if table in q["sql"]]
    assert len(writes) == 1, writes
    together = Response._meta.db_table in writes[0]
    assert together == (connection.vendor == "postgresql")


def test_a_view_that_records_its_key_for_another_page_is_an_error(rf, db):
    from django.http import HttpResponseRedirect

    from peerval.web.surveys.models import Evaluation
    from peerval.web.surveys.services.idempotency import claim, idempotent
    from peerval.web.surveys.services.statements import Update

    evaluation = Evaluation.objects.create(name="before")

    @idempotent("test-mismatch", look_first=False)
    def mismatched(request):
        along = claim(request).along("/promised/")
        Update(Evaluation, ["name"]).run(evaluation.pk, ["after"], along=along)
        return HttpResponseRedirect("/elsewhere/")

    request = rf.post("/", {"idempotency_key": fresh_key()})
    request.session = {}
    with pytest.raises(RuntimeError, match="/promised/"):
        mismatched(request)
    assert Evaluation.objects.get().name == "before"  # undone with the key
    assert not IdempotencyRecord.objects.exists()
