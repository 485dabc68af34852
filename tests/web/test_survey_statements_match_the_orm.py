"""The survey's hand-written statements give exactly what the ORM gives, on each database."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone

from peerval.web.surveys.models import Collection, Response
from peerval.web.surveys.services.statements import Insert, JoinedRead, Update


def _values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_a_joined_read_equals_select_related(staff_collection):
    draft = Response.objects.create(
        collection=staff_collection,
        consented=True,
        answers={"staff-psw-survey": {"valued_member": 4, "what_works": "Listening — café"}},
        care_group=3,
    )
    read = JoinedRead(
        Response, ["collection", "wave", "evaluation"], [(1, "token"), (0, "public_id")]
    )
    found = read.get([staff_collection.token, str(draft.public_id)])
    expected = Response.objects.select_related("collection__wave__evaluation").get(pk=draft.pk)
    assert _values(found) == _values(expected)
    assert isinstance(found.public_id, uuid.UUID)
    assert found.answers["staff-psw-survey"]["valued_member"] == 4
    assert _values(found.collection) == _values(expected.collection)
    assert _values(found.collection.wave) == _values(expected.collection.wave)
    assert _values(found.collection.wave.evaluation) == _values(expected.collection.wave.evaluation)
    assert found.collection.instrument_refs() == staff_collection.instrument_refs()
    assert found._state.db == "default" and not found._state.adding


def test_a_joined_read_finds_nothing_and_locks_inside_a_transaction(staff_collection):
    read = JoinedRead(Collection, ["wave", "evaluation"], [(0, "token")])
    assert read.get(["no-such-token"]) is None
    with transaction.atomic():
        locked = read.get([staff_collection.token], lock=True)
    assert locked.pk == staff_collection.pk
    assert locked.wave.evaluation.pk == staff_collection.wave.evaluation.pk


def test_an_update_writes_what_save_would(staff_collection):
    draft = Response.objects.create(collection=staff_collection, consented=True)
    when = timezone.now()
    answers = {"staff-psw-survey": {"adds_workload": 2, "choices": [1, 3]}}
    changed = Update(Response, ["answers", "updated_at", "care_group"]).run(
        draft.pk, [answers, when, 5]
    )
    assert changed == 1
    stored = Response.objects.get(pk=draft.pk)
    assert stored.answers == answers
    assert stored.care_group == 5
    assert stored.updated_at == when
    assert Update(Response, ["care_group"]).run(draft.pk + 1000, [1]) == 0


def test_an_update_with_an_insert_writes_both_or_neither(staff_collection):
    import pytest
    from django.db import IntegrityError

    from peerval.web.surveys.models import IdempotencyRecord

    draft = Response.objects.create(collection=staff_collection, consented=True)
    update = Update(Response, ["answers"])
    record = Insert(IdempotencyRecord, ["key", "scope", "location", "created_at"])
    key = uuid.uuid4()
    first = {"staff-psw-survey": {"valued_member": 1}}
    with transaction.atomic():
        changed = update.run(draft.pk, [first], along=(record, [key, "t", "/a/", timezone.now()]))
    assert changed == 1
    assert Response.objects.get(pk=draft.pk).answers == first
    assert IdempotencyRecord.objects.get(key=key).location == "/a/"
    with pytest.raises(IntegrityError), transaction.atomic():  # the same key again
        update.run(draft.pk, [{"other": {}}], along=(record, [key, "t", "/b/", timezone.now()]))
    assert Response.objects.get(pk=draft.pk).answers == first
    assert IdempotencyRecord.objects.get(key=key).location == "/a/"


def test_on_postgresql_the_statements_are_prepared_once_per_connection(staff_collection):
    # elsewhere there is nothing to prepare: the same statements run as Django's own
    from django.db import connection

    read = JoinedRead(Collection, ["wave", "evaluation"], [(0, "token")])
    for _ in range(3):
        assert read.get([staff_collection.token]).pk == staff_collection.pk
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%FROM%" + Collection._meta.db_table + "% t0 INNER JOIN%"],
        )
        assert cursor.fetchone()[0] == 1


def test_with_preparing_turned_off_the_statements_still_run_unprepared(staff_collection):
    # PEERVAL_DATABASE_PREPARE=false gives the connection Django's prepare_threshold=None
    from django.db import connection

    def prepared() -> int:
        if connection.vendor != "postgresql":
            return 0
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_prepared_statements")
            return cursor.fetchone()[0]

    read = JoinedRead(Collection, ["wave"], [(0, "token")])
    connection.ensure_connection()
    raw = connection.connection
    before, already = getattr(raw, "prepare_threshold", None), prepared()
    if connection.vendor == "postgresql":
        raw.prepare_threshold = None
    try:
        for _ in range(3):
            assert read.get([staff_collection.token]).wave.pk == staff_collection.wave.pk
    finally:
        if connection.vendor == "postgresql":
            raw.prepare_threshold = before
    assert prepared() == already
