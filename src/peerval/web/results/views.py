"""The report and data exports of a wave. Thin: access checks here, work in services."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from peerval.web.accounts.roles import allows

from . import presenters, services
from .content_policy import allow_inline
from .quote_check import quote_check
from .selectors import wave_for

__all__ = [
    "export_answers",
    "export_codebook",
    "export_wide",
    "quotes",
    "report",
    "report_docx",
    "report_html",
    "report_pdf",
]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_GET
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The wave's results page: who responded, the disclosure policy, downloads."""
    wave = wave_for(request, pk, "report")
    policy = services.disclosure_policy(wave.evaluation)
    role = request.evaluation_role
    page = presenters.report_page(
        wave,
        policy,
        can_export=allows(role, "export"),
        can_check_quotes=allows(role, "manage"),
    )
    return render(
        request,
        "results/report.jinja",
        {"page": page, "title": f"Results for wave {wave.label}", "wave": wave},
    )


@require_GET
@never_cache
def quotes(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead's check of the report's quotes: each as published, and what was taken out.

    It shows words that are never published, so only the lead may open it, each opening is
    audited, and browsers are told not to keep a copy.
    """
    wave = wave_for(request, pk, "manage")
    check = quote_check(wave)
    services.record_quote_check(
        wave, request.user, quotes=check.quote_count, redactions=check.redaction_count
    )
    return render(
        request,
        "results/quote_check.jinja",
        {
            "check": check,
            "title": f"Check the quotes in the report for wave {wave.label}",
            "wave": wave,
        },
    )


def _no_report(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "error.jinja",
        {
            "title": "There is no report yet",
            "message": "No responses have been submitted in this wave, so there is nothing "
            "to report. The report is made as soon as the first response arrives.",
        },
        status=404,
    )


@require_GET
def report_html(request: HttpRequest, pk: int) -> HttpResponse:
    """The core's self-contained HTML report, shown in the browser."""
    wave = wave_for(request, pk, "report")
    files = services.report_files(wave)
    if files is None:
        return _no_report(request)
    services.record_report_download(wave, "html", request.user)
    response = FileResponse(files.html.open("rb"), content_type="text/html; charset=utf-8")
    return allow_inline(response, files.inline_sources())


def _download(request: HttpRequest, pk: int, rendering: str, content_type: str):
    wave = wave_for(request, pk, "report")
    files = services.report_files(wave)
    if files is None:
        return _no_report(request)
    services.record_report_download(wave, rendering, request.user)
    path = files.pdf if rendering == "pdf" else files.docx
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"{files.stem}-report.{rendering}",
        content_type=content_type,
    )


@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "pdf", "application/pdf")


@require_GET
def report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "docx", DOCX)


def _export(request: HttpRequest, pk: int, kind: services.ExportKind) -> HttpResponse:
    wave = wave_for(request, pk, "export")
    made = services.export(wave, kind, request.user)
    response = HttpResponse(made.content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    return response


@require_GET
def export_answers(request: HttpRequest, pk: int) -> HttpResponse:
    return _export(request, pk, "answers")


@require_GET
def export_wide(request: HttpRequest, pk: int) -> HttpResponse:
    return _export(request, pk, "wide")


@require_GET
def export_codebook(request: HttpRequest, pk: int) -> HttpResponse:
    return _export(request, pk, "codebook")
