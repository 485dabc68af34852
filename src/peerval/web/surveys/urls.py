"""Signed-in URLs of the surveys app: evaluations, waves, collections, paper entry."""

from django.urls import include, path

from .views import paper

app_name = "surveys"

urlpatterns = [
    path("collections/<int:pk>/paper/", paper.start, name="paper_start"),
    path(
        "collections/<int:pk>/paper/<uuid:public_id>/q/<int:number>/", paper.page, name="paper_page"
    ),
    path("collections/<int:pk>/paper/<uuid:public_id>/check/", paper.check, name="paper_check"),
    path("collections/<int:pk>/paper/<uuid:public_id>/done/", paper.done, name="paper_done"),
    path("", include("peerval.web.surveys.urls_staff")),
]
