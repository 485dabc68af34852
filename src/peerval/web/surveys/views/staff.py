"""Signed-in pages (placeholder until the staff screens land)."""

from django.http import HttpResponse


def home(request):
    return HttpResponse("home")


def collection(request, pk):
    return HttpResponse("collection")
