"""Two coders applying codes to one project at the same moment: every coding is kept, and
the log numbers its events 1, 2, 3... without a gap or a repeat.

Each coder works in a thread with its own database connection. On PostgreSQL the second
coder's transaction waits for the project row's lock; on a SQLite file the second waits for
the write lock. SQLite's in-memory test database (shared cache) does not wait: it answers
"database table is locked" at once, so there, and only there, a coding is tried again.
"""

from __future__ import annotations

import threading

import pytest
from django.db import OperationalError, connection

from peerval.web.qualitative.models import Project, ProjectEvent
from peerval.web.qualitative.services import coding, store
from peerval.web.qualitative.services.cache import ProjectCache

PER_CODER = 8


def _in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def _again_while_locked(work):
    """Run ``work``; on SQLite's in-memory database, again while the table is locked."""
    while True:
        try:
            return work()
        except OperationalError as exc:
            if not (_in_memory_sqlite() and "locked" in str(exc)):
                raise


def _apply(row, document, start, code_id, user) -> None:
    _again_while_locked(lambda: coding.apply_code(row, document, start, start + 3, code_id, user))


@pytest.mark.django_db(transaction=True)
def test_concurrent_codings_by_two_coders_are_all_kept(project, codes, lead, coder):
    document = project.documents.order_by("position").first()
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def code_as(user):
        try:
            start.wait()
            row = _again_while_locked(lambda: Project.objects.get(pk=project.pk))
            for n in range(PER_CODER):
                _apply(row, document, n, codes["heard"], user)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=code_as, args=(u,)) for u in (lead, coder)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures

    row = Project.objects.get(pk=project.pk)
    codings = store.snapshot(row).codings
    assert sorted(c.coder for c in codings) == ["alice"] * PER_CODER + ["bob"] * PER_CODER
    seqs = list(ProjectEvent.objects.filter(project=row).values_list("seq", flat=True))
    assert seqs == list(range(1, row.last_seq + 1))


def test_a_change_made_by_another_process_is_seen_before_appending(
    project, codes, lead, coder, monkeypatch
):
    document = project.documents.order_by("position").first()
    store.snapshot(Project.objects.get(pk=project.pk))  # this process now holds the log
    # another server process (its own cache) appends a coding
    monkeypatch.setattr(store, "_cache", ProjectCache())
    coding.apply_code(Project.objects.get(pk=project.pk), document, 0, 3, codes["heard"], coder)
    monkeypatch.undo()
    # back in this process, whose cached log is one event behind
    coding.apply_code(Project.objects.get(pk=project.pk), document, 4, 8, codes["heard"], lead)
    codings = store.snapshot(Project.objects.get(pk=project.pk)).codings
    assert {c.coder for c in codings} == {"alice", "bob"}
