"""Sessions: staff in the database, respondents in a signed cookie of their own.

A respondent's session holds little (which draft this browser is filling in, and that it
has just been sent), so it travels in a cookie signed with the secret key, scoped to the
survey pages (``/s/``) under its own name. Answering a page then costs no session query,
and a staff member who opens a survey link in the browser they are signed in with keeps
their own session, which lives in the database as before and can be ended at sign-out.
The cookie carries the draft's random public id, exactly as the session did; nothing in it
identifies the respondent.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.sessions.backends.signed_cookies import SessionStore as CookieStore
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

__all__ = ["RESPONDENT_COOKIE", "SURVEY_PATH", "PeervalSessionMiddleware", "reloaded"]

#: where the public survey pages live (see config/urls.py) and their session cookie's name
SURVEY_PATH = "/s/"
RESPONDENT_COOKIE = "peerval_survey"


def _respondent(request: HttpRequest) -> bool:
    return request.path_info.startswith(SURVEY_PATH)


def reloaded(request: HttpRequest):
    """The request's session as it was when the request came in (its changes dropped)."""
    return type(request.session)(request.session.session_key)


class PeervalSessionMiddleware(SessionMiddleware):
    """Django's session middleware, with a signed-cookie session on the survey pages."""

    def process_request(self, request: HttpRequest) -> None:
        if _respondent(request):
            request.session = CookieStore(request.COOKIES.get(RESPONDENT_COOKIE))
        else:
            super().process_request(request)

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not _respondent(request) or not isinstance(
            getattr(request, "session", None), CookieStore
        ):
            return super().process_response(request, response)
        session = request.session
        if RESPONDENT_COOKIE in request.COOKIES and session.is_empty():
            response.delete_cookie(
                RESPONDENT_COOKIE, path=SURVEY_PATH, samesite=settings.SESSION_COOKIE_SAMESITE
            )
            patch_vary_headers(response, ("Cookie",))
            return response
        if session.modified and not session.is_empty() and response.status_code < 500:
            max_age = session.get_expiry_age()
            session.save()
            response.set_cookie(
                RESPONDENT_COOKIE,
                session.session_key,
                max_age=max_age,
                expires=http_date(time.time() + max_age),
                path=SURVEY_PATH,
                secure=settings.SESSION_COOKIE_SECURE or None,
                httponly=True,
                samesite=settings.SESSION_COOKIE_SAMESITE,
            )
        if session.accessed or session.modified:
            patch_vary_headers(response, ("Cookie",))
        return response
