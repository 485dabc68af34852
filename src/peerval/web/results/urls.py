"""URLs of a wave's report and data exports."""

from django.urls import path

from . import views

app_name = "results"

urlpatterns = [
    path("waves/<int:pk>/report/", views.report, name="report"),
    path("waves/<int:pk>/report.html", views.report_html, name="report_html"),
    path("waves/<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("waves/<int:pk>/report.docx", views.report_docx, name="report_docx"),
    path("waves/<int:pk>/report/quotes/", views.quotes, name="quotes"),
    path("waves/<int:pk>/export/answers.csv", views.export_answers, name="export_answers"),
    path("waves/<int:pk>/export/wide.csv", views.export_wide, name="export_wide"),
    path("waves/<int:pk>/export/codebook.csv", views.export_codebook, name="export_codebook"),
]
