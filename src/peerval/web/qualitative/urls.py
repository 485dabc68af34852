"""The qualitative screens (all signed in; the permission each needs is noted beside it)."""

from django.urls import path

from .views import agreement, codebook, coding, documents, projects, suggestions, themes

app_name = "qualitative"

P = "qualitative/<int:project>/"
D = P + "documents/<int:document>/"

urlpatterns = [
    # view
    path("evaluations/<int:pk>/qualitative/", projects.projects, name="projects"),
    # codebook
    path("evaluations/<int:pk>/qualitative/new/", projects.project_new, name="project_new"),
    path(P + "delete/", projects.project_delete, name="project_delete"),
    path(P + "export.qdpx", projects.project_export, name="project_export"),
    path(P + "suggestions/", suggestions.suggest, name="suggest"),
    # view (GET); code (POST: apply a code)
    path(P, documents.documents, name="documents"),
    path(P + "grid/", documents.grid, name="grid"),
    path(D, documents.document, name="document"),
    # code
    path(D + "undo/", coding.undo, name="undo"),
    path(D + "memos/new/", coding.memo_new, name="memo_new"),
    path(D + "codings/<str:coding_id>/remove/", coding.coding_remove, name="coding_remove"),
    path(D + "suggestions/<str:coding_id>/", coding.suggestion_review, name="suggestion_review"),
    # view
    path(P + "codebook/", codebook.codebook, name="codebook"),
    path(P + "themes/", themes.themes, name="themes"),
    # codebook
    path(P + "codebook/new/", codebook.code_new, name="code_new"),
    path(P + "codebook/codes/<str:code>/", codebook.code_edit, name="code_edit"),
    path(P + "codebook/codes/<str:code>/remove/", codebook.code_remove, name="code_remove"),
    path(P + "themes/new/", themes.theme_new, name="theme_new"),
    path(P + "themes/<int:theme>/", themes.theme_edit, name="theme_edit"),
    path(P + "themes/<int:theme>/remove/", themes.theme_remove, name="theme_remove"),
    path(P + "agreement/", agreement.agreement, name="agreement"),
    path(P + "agreement/sample/", agreement.sample_new, name="sample_new"),
    path(P + "agreement/end-blind-coding/", agreement.sample_reveal, name="sample_reveal"),
]
