"""The wave's report in three renderings: HTML in the browser, PDF and Word downloads.

Building a report with its charts and PDF takes seconds, so one report is built for this
module (in a transaction rolled back afterwards) and every test reads the responses.
"""

from __future__ import annotations

import base64
import hashlib
import io
from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.test import Client
from docx import Document
from pypdf import PdfReader

from peerval.web.accounts.models import Membership
from peerval.web.audit.models import AuditEvent
from peerval.web.surveys.models import Collection, Evaluation, Wave

from .results_helpers import STAFF, body, fill_staff

NAME = "Riverside peer support evaluation"
# the database is set up only for modules that ask for it
pytestmark = pytest.mark.django_db


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def served(django_db_setup, django_db_blocker):
    """The three renderings as a lead received them, and the audit events they left."""
    from django.contrib.auth import get_user_model

    out: dict = {}
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                lead = get_user_model().objects.create_user("report-lead", password="x" * 16)
                evaluation = Evaluation.objects.create(name=NAME, created_by=lead)
                Membership.objects.create(user=lead, evaluation=evaluation, role="lead")
                wave = Wave.objects.create(evaluation=evaluation, label="2026")
                collection = Collection.objects.create(
                    wave=wave,
                    respondent_group="staff",
                    instruments=[{"id": STAFF, "version": "2026.1"}],
                    status=Collection.OPEN,
                )
                fill_staff(collection)
                client = Client()
                client.force_login(lead)
                for rendering in ("html", "pdf", "docx"):
                    response = client.get(f"/waves/{wave.pk}/report.{rendering}")
                    out[rendering] = (response, body(response))
                out["audit"] = list(
                    AuditEvent.objects.filter(evaluation=evaluation).values(
                        "action", "username", "detail"
                    )
                )
                raise _Rollback
        except _Rollback:
            pass
    return out


class _InlineScripts(HTMLParser):
    """Collects the text of every inline <script> and <style> element."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self.found and not attrs:
            self._open = tag
            self.found[tag].append("")

    def handle_endtag(self, tag):
        self._open = None

    def handle_data(self, data):
        if self._open:
            self.found[self._open][-1] += data


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_html_report_is_shown_inline_and_names_the_evaluation(served):
    response, content = served["html"]
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "attachment" not in response.get("Content-Disposition", "")
    assert NAME in content.decode("utf-8")


def test_html_report_policy_allows_only_its_own_inline_scripts_and_style(served):
    response, content = served["html"]
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    parser = _InlineScripts()
    parser.feed(content.decode("utf-8"))
    scripts = directives["script-src"].split()
    assert sorted(scripts) == sorted(
        [_sha256(s) for s in parser.found["script"]] + ["'unsafe-eval'"]
    )
    assert directives["style-src"].split() == [_sha256(s) for s in parser.found["style"]]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert directives["frame-ancestors"] == "'none'"  # the rest of the site's policy stands


def test_pdf_is_a_download_that_opens_and_names_the_evaluation(served):
    response, content = served["pdf"]
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="riverside-peer-support-evaluation-2026-report.pdf"'
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert NAME in " ".join(text.split())


def test_word_report_is_a_download_that_opens_and_names_the_evaluation(served):
    response, content = served["docx"]
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('-report.docx"')
    paragraphs = [p.text for p in Document(io.BytesIO(content)).paragraphs]
    assert any(NAME in text for text in paragraphs)


def test_each_rendering_is_audited_as_a_report(served):
    events = served["audit"]
    assert sorted(e["detail"]["rendering"] for e in events) == ["docx", "html", "pdf"]
    assert {e["action"] for e in events} == {"report"}
    assert {e["username"] for e in events} == {"report-lead"}
