"""Signed-in pages for evaluation leads and their teams."""

from django.urls import path

from .views import staff

urlpatterns = [
    path("", staff.home, name="home"),
    path("collections/<int:pk>/", staff.collection, name="collection"),
]
