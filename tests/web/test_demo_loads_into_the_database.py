"""`peerval demo` puts a populated evaluation in the database and a lead who can sign in."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from peerval.demo import generate_demo
from peerval.web.surveys.models import Collection, Evaluation, Response
from peerval.web.surveys.services.demo import load_demo


@pytest.mark.django_db
def test_demo_evaluation_has_every_person_and_a_working_sign_in():
    demo = generate_demo(2026)
    signed = load_demo(demo)
    evaluation = Evaluation.objects.get()
    submitted = Response.objects.filter(status=Response.SUBMITTED)
    assert submitted.filter(collection__respondent_group="service_user").count() == 32
    assert submitted.filter(collection__respondent_group="staff").count() == 38
    one = submitted.filter(collection__respondent_group="service_user").first()
    assert set(one.answers) == {"service-user-psw-survey", "inspire", "fft"}
    staff = Collection.objects.get(respondent_group="staff")
    assert staff.status == Collection.OPEN
    client = Client()
    page = client.post(
        "/accounts/login/", {"username": signed.username, "password": signed.password}
    )
    assert page.status_code == 302
    assert client.get("/").status_code == 200
    assert re.fullmatch(r"/s/[\w-]+/", signed.survey_path)
    assert evaluation.name == demo.name


@pytest.mark.django_db
def test_loading_the_demo_again_replaces_it_and_changes_the_password():
    demo = generate_demo(2026)
    first = load_demo(demo)
    second = load_demo(demo)
    assert Evaluation.objects.count() == 1
    assert Response.objects.count() == 70
    assert first.password != second.password
