"""Error pages in the NHS.UK style (rendered with Jinja2, like every other page)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

__all__ = ["bad_request", "csrf_failure", "not_found", "permission_denied", "server_error"]


def _page(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    return render(request, "error.jinja", {"title": title, "message": message}, status=status)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _page(
        request,
        403,
        "Your session has expired",
        "The form you sent has expired or was sent from another site. Go back, reload the "
        "page and try again. Answers you saved before are kept.",
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 400, "There is a problem with the request", "Go back and try again.")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(
        request,
        403,
        "You cannot do this",
        "Your role on this evaluation does not allow this. Ask the evaluation lead.",
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(
        request,
        404,
        "Page not found",
        "If you typed the web address, check it is correct. If you followed a survey link, "
        "the survey may have closed.",
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return _page(
        request,
        500,
        "Sorry, there is a problem with the service",
        "Try again later. Answers you saved before are kept.",
    )
