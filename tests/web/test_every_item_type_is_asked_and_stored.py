"""Forms are generated from the instrument: every item type is asked, validated and stored,
and conditions hide questions on the same page and on later pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peerval.web.surveys.models import Collection, Response

from .survey_helpers import key_from

FIXTURE = Path(__file__).parent / "fixtures" / "every-item-type.yaml"


@pytest.fixture
def collection(wave, isolated_home):
    folder = isolated_home / "instruments"
    folder.mkdir(exist_ok=True)
    shutil.copy(FIXTURE, folder / FIXTURE.name)
    return Collection.objects.create(
        wave=wave,
        respondent_group="service_user",
        instruments=[{"id": "every-item-type", "version": "1"}],
        status=Collection.OPEN,
    )


def _start(client, collection) -> str:
    base = f"/s/{collection.token}/"
    page = client.get(base)
    client.post(base, {"consent": "on", "idempotency_key": key_from(page.text)})
    return base


def _post(client, url, data):
    page = client.get(url)
    return client.post(url, data | {"idempotency_key": key_from(page.text)})


def test_each_item_type_renders_its_nhs_component(client, collection):
    base = _start(client, collection)
    first = client.get(f"{base}q/0/").text
    assert 'class="nhsuk-radios' in first
    assert 'class="nhsuk-radios__conditional' in first  # how_helpful revealed by "Yes"
    assert 'inputmode="decimal"' in first
    second = client.get(f"{base}q/1/").text
    assert 'class="nhsuk-checkboxes' in second
    assert 'class="nhsuk-date-input' in second
    assert 'name="first_met_0"' in second


def test_invalid_answers_get_422_with_an_error_summary_linking_to_the_field(client, collection):
    base = _start(client, collection)
    response = _post(client, f"{base}q/0/", {"seen_psw": "1", "visits": "51"})
    assert response.status_code == 422
    html = response.text
    assert "There is a problem" in html
    assert 'href="#how_helpful"' in html  # required once "Yes" reveals it
    assert 'href="#visits"' in html
    assert "between 0 and 50" in html
    response = _post(
        client, f"{base}q/1/", {"first_met_0": "31", "first_met_1": "2", "first_met_2": "2026"}
    )
    assert response.status_code == 422
    assert "Enter a real date" in response.text
    assert 'href="#first_met-day"' in response.text


def test_answers_of_every_type_are_stored_and_hidden_pages_skipped(client, collection):
    base = _start(client, collection)
    assert (
        _post(
            client, f"{base}q/0/", {"seen_psw": "1", "how_helpful": "3", "visits": "4"}
        ).status_code
        == 302
    )
    data = {"activities": ["1", "3"], "first_met_0": "2", "first_met_1": "3", "first_met_2": "2025"}
    sent = _post(client, f"{base}q/1/", data)
    assert sent["Location"] == f"{base}q/2/"
    skipped = client.get(f"{base}q/2/")  # "Not met" is hidden for someone who met a PSW
    assert skipped.status_code == 302 and skipped["Location"] == f"{base}q/3/"
    assert _post(client, f"{base}q/3/", {"comments": "  Thank you.  "}).status_code == 302
    check = client.get(f"{base}check/")
    assert "Went for a walk" not in check.text and "Talked, Planned my week" in check.text
    client.post(f"{base}check/", {"idempotency_key": key_from(check.text)})
    stored = Response.objects.get().answers["every-item-type"]
    assert stored == {
        "seen_psw": 1,
        "how_helpful": 3,
        "visits": 4,
        "activities": [1, 3],
        "first_met": "2025-03-02",
        "comments": "Thank you.",
    }


def test_changing_a_gate_answer_drops_the_answer_it_no_longer_asks(client, collection):
    base = _start(client, collection)
    _post(client, f"{base}q/0/", {"seen_psw": "1", "how_helpful": "3"})
    _post(client, f"{base}q/0/", {"seen_psw": "0", "how_helpful": "3"})
    stored = Response.objects.get().answers["every-item-type"]
    assert stored == {"seen_psw": 0}


def test_an_open_collection_whose_instrument_cannot_be_shown_says_why(client, wave):
    inspire = Collection.objects.create(
        wave=wave,
        respondent_group="service_user",
        instruments=[{"id": "inspire", "version": "1.0"}],
        status=Collection.OPEN,
    )
    page = client.get(f"/s/{inspire.token}/")
    assert page.status_code == 503
    assert "licensed instrument and its wording is not installed" in page.text
