"""Signed-in pages for evaluation leads and their teams.

Each page checks the signed-in user's role on the evaluation (see accounts/roles.py);
the permission it needs is noted beside it.
"""

from django.urls import path

from .views import collections, evaluations, members

urlpatterns = [
    # any signed-in user
    path("", evaluations.home, name="home"),
    path("evaluations/new/", evaluations.evaluation_new, name="evaluation_new"),
    # view
    path("evaluations/<int:pk>/", evaluations.evaluation, name="evaluation"),
    # manage
    path(
        "evaluations/<int:pk>/settings/",
        evaluations.evaluation_settings,
        name="evaluation_settings",
    ),
    path("evaluations/<int:pk>/care-groups/", evaluations.care_groups, name="care_groups"),
    path(
        "evaluations/<int:pk>/care-groups/<int:code>/remove/",
        evaluations.care_group_remove,
        name="care_group_remove",
    ),
    path("evaluations/<int:pk>/audit/", evaluations.audit_log, name="audit_log"),
    path("evaluations/<int:pk>/delete/", evaluations.evaluation_delete, name="evaluation_delete"),
    # members
    path("evaluations/<int:pk>/members/", members.members, name="members"),
    path(
        "evaluations/<int:pk>/members/<int:member>/",
        members.member_change,
        name="member_change",
    ),
    path(
        "evaluations/<int:pk>/members/<int:member>/remove/",
        members.member_remove,
        name="member_remove",
    ),
    # manage
    path("evaluations/<int:pk>/waves/new/", collections.wave_new, name="wave_new"),
    path("waves/<int:pk>/collections/new/", collections.collection_new, name="collection_new"),
    # view
    path("collections/<int:pk>/", collections.collection, name="collection"),
    path("collections/<int:pk>/qr.svg", collections.collection_qr, name="collection_qr"),
    # manage (POST only, then the page above)
    path("collections/<int:pk>/open/", collections.collection_open, name="collection_open"),
    path("collections/<int:pk>/close/", collections.collection_close, name="collection_close"),
    path("collections/<int:pk>/invitations/", collections.invitations, name="invitations"),
    # manage
    path(
        "collections/<int:pk>/invitations/new/",
        collections.invitation_codes,
        name="invitation_codes",
    ),
]
