"""Twenty people sending the staff survey at once through the real pages: every answer is
kept once, and a repeated POST (a double click, a retry) stores nothing twice and does not
lose the respondent's place.

The clients talk HTTP to pytest-django's live server (a threaded server on loopback), each
with its own cookie jar, reading the CSRF token and the idempotency key from every form as
a browser would. A quarter of them send the consent page, the first question page and the
final "Send answers" twice at the same moment (a double click); another quarter send them
again after the first answer came back (a retry).

On PostgreSQL, or SQLite with a test database file, every request thread of the server has
its own database connection, as in production. With SQLite's in-memory test database (the
default when no test database file is named) Django hands all of the live server's
threads one shared connection, which cannot carry two transactions at once; there the
server answers one request at a time while the clients still interleave, race their
double clicks and retry.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from peerval.web.surveys.models import IdempotencyRecord, Response
from peerval.web.surveys.services.questionnaire import questionnaire_for

from .survey_helpers import key_from

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

CLIENTS = 20
SURVEYS_EACH = 10
SURVEYS = CLIENTS * SURVEYS_EACH
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _csrf(html: str) -> str:
    found = CSRF.search(html)
    assert found, "page has no CSRF token"
    return found.group(1)


def _answers(page, client: int, survey: int) -> dict[str, object]:
    """Answers that differ between people, so a mixed-up or lost answer shows."""
    given: dict[str, object] = {}
    for position, item in enumerate(page.items):
        if item.type in ("likert", "single_choice", "yes_no"):
            options = [o for o in page.instrument.options_for(item) if not o.missing]
            given[item.id] = options[(client + survey + position) % len(options)].code
        elif item.type == "free_text":
            given[item.id] = f"Person {client}-{survey} wrote this about {item.id}."
        else:  # the staff survey has no other item types
            raise AssertionError(f"no answer written for {item.type} items")
    return given


class Respondent:
    """One person on one device: a cookie jar and a connection to the live server."""

    def __init__(self, base_url: str, token: str, number: int) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=60)
        self.base = f"/s/{token}/"
        self.number = number

    def form(self, url: str) -> dict[str, str]:
        page = self.http.get(url)
        assert page.status_code == 200, (url, page.status_code)
        return {"csrfmiddlewaretoken": _csrf(page.text), "idempotency_key": key_from(page.text)}

    def post(self, url: str, data: dict, expect: str) -> httpx.Response:
        sent = self.http.post(url, data=data)
        assert sent.status_code == 302, (url, sent.status_code, sent.text[:500])
        assert sent.headers["location"].endswith(expect), (url, sent.headers["location"])
        return sent

    def send(self, url: str, data: dict, expect: str, repeat: str | None) -> None:
        """POST a form once, or as a double click or a retry would."""
        if repeat == "double click":
            self._send_twice_at_once(url, data, expect)
            return
        self.post(url, data, expect)
        if repeat == "retry":
            self.post(url, data, expect)

    def complete(self, questionnaire, survey: int, repeat: str | None) -> dict:
        """Consent, every page, check, send; returns the answers given. Repeats, when
        asked, happen on the consent page, the first question page and the final send."""
        self.send(self.base, self.form(self.base) | {"consent": "on"}, "q/0/", repeat)
        given: dict[str, object] = {}
        for page in questionnaire.pages:
            url = f"{self.base}q/{page.number}/"
            answers = _answers(page, self.number, survey)
            given |= answers
            last = page.number + 1 == len(questionnaire.pages)
            expect = "check/" if last else f"q/{page.number + 1}/"
            self.send(url, self.form(url) | answers, expect, repeat if page.number == 0 else None)
        check = f"{self.base}check/"
        self.send(check, self.form(check), "done/", repeat)
        thanks = self.http.get(f"{self.base}done/")
        assert thanks.status_code == 200
        assert "Thank you, your answers have been sent" in thanks.text
        return given

    def _send_twice_at_once(self, url: str, data: dict, expect: str) -> None:
        """The same POST on two connections, released together, like a double click: both
        carry this browser's cookies, and cookies set by either answer are kept in the
        order the answers arrive, as in a browser's one cookie jar."""
        twin = httpx.Client(base_url=str(self.http.base_url), cookies=self.http.cookies, timeout=60)
        start = threading.Barrier(2)
        arrived: list[httpx.Response] = []

        def send(client: httpx.Client) -> None:
            start.wait()
            arrived.append(client.post(url, data=data))

        with twin, ThreadPoolExecutor(2) as pool:
            for future in [pool.submit(send, self.http), pool.submit(send, twin)]:
                future.result()
        for sent in arrived:
            assert sent.status_code == 302, (url, sent.status_code, sent.text[:500])
            assert sent.headers["location"].endswith(expect), (url, sent.headers["location"])
            self.http.cookies.extract_cookies(sent)

    def close(self) -> None:
        self.http.close()


def _run_client(base_url: str, collection, number: int) -> list[tuple[str, dict]]:
    questionnaire = questionnaire_for(collection.instrument_refs())
    repeat = {1: "retry", 2: "double click"}.get(number % 4)
    respondent = Respondent(base_url, collection.token, number)
    done = []
    try:
        for survey in range(SURVEYS_EACH):
            given = respondent.complete(questionnaire, survey, repeat)
            done.append((f"Person {number}-{survey} wrote this about what_works.", given))
    finally:
        respondent.close()
    return done


@pytest.fixture
def server(live_server):
    """The live server, made to answer one request at a time if its threads share one
    in-memory SQLite connection."""
    httpd = live_server.thread.httpd
    if not live_server.thread.connections_override:
        yield live_server
        return
    app = httpd.get_app()
    lock = threading.Lock()

    def one_at_a_time(environ, start_response):
        with lock:  # the body is read and the response closed inside, as both may query
            result = app(environ, start_response)
            try:
                return [b"".join(result)]
            finally:
                if hasattr(result, "close"):
                    result.close()

    httpd.set_app(one_at_a_time)
    try:
        yield live_server
    finally:
        httpd.set_app(app)


def test_200_concurrent_surveys_are_each_stored_once_with_all_answers(server, staff_collection):
    with ThreadPoolExecutor(CLIENTS) as pool:
        futures = [
            pool.submit(_run_client, server.url, staff_collection, number)
            for number in range(CLIENTS)
        ]
        completed = [entry for future in futures for entry in future.result()]
    assert len(completed) == SURVEYS

    submitted = Response.objects.filter(collection=staff_collection, status=Response.SUBMITTED)
    assert submitted.count() == SURVEYS
    assert not Response.objects.filter(status=Response.DRAFT).exists()
    stored = {
        response.answers["staff-psw-survey"]["what_works"]: response for response in submitted
    }
    assert len(stored) == SURVEYS, "two responses carry the same answers"
    for marker, given in completed:
        response = stored[marker]
        assert response.answers == {"staff-psw-survey": given}, marker
        assert response.care_group == given["care_group"]
        assert response.submitted_at is not None
    sends = IdempotencyRecord.objects.filter(scope="survey-submit").count()
    assert sends == SURVEYS
