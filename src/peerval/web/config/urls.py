"""Top-level URLs: public survey pages, sign-in, and the signed-in app."""

from django.urls import include, path

urlpatterns = [
    path("s/", include("peerval.web.surveys.urls_public")),
    path("accounts/", include("peerval.web.accounts.urls")),
    path("", include("peerval.web.results.urls")),
    path("", include("peerval.web.qualitative.urls")),
    path("", include("peerval.web.surveys.urls")),
]

handler400 = "peerval.web.config.errors.bad_request"
handler403 = "peerval.web.config.errors.permission_denied"
handler404 = "peerval.web.config.errors.not_found"
handler500 = "peerval.web.config.errors.server_error"
