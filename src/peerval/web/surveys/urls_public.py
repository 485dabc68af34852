"""Public survey URLs: /s/<token>/..."""

from django.urls import path

from .views import public

app_name = "survey"

urlpatterns = [
    path("<str:token>/", public.start, name="start"),
    path("<str:token>/q/<int:number>/", public.page, name="page"),
    path("<str:token>/check/", public.check, name="check"),
    path("<str:token>/done/", public.done, name="done"),
    path("<str:token>/resume/", public.resume, name="resume"),
]
