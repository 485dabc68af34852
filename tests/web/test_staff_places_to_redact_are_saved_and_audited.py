"""The lead lists the evaluation's wards, teams and sites in its settings, one on each line;
too many names, or one too long, are refused with the error summary and 422; each change is
audited with the names before and after."""

from __future__ import annotations

import re

from peerval.web.audit.models import AuditEvent
from peerval.web.surveys.services.evaluations import PLACE_LENGTH, PLACE_LIMIT

from .survey_helpers import fresh_key

HINT = (
    "One on each line: the wards, teams and sites of this evaluation. "
    "Quotes in the report show [place] instead."
)


def _summary(html: str) -> list[tuple[str, str]]:
    """The error summary's links: (target, message)."""
    found = re.search(r'class="nhsuk-error-summary".*?</div>\s*</div>', html, re.S)
    assert found, "no error summary"
    links = re.findall(r'<a href="(#[^"]+)"[^>]*>\s*(.*?)\s*</a>', found.group(0), re.S)
    return [(target, message) for target, message in links]


def _url(evaluation):
    return f"/evaluations/{evaluation.pk}/settings/"


def _settings(places: str) -> dict[str, str]:
    return {
        "name": "Peer support evaluation 2026",
        "organisation": "Example NHS Trust",
        "disclosure_rule": "threshold",
        "disclosure_threshold": "5",
        "redact_places": places,
        "idempotency_key": fresh_key(),
    }


def test_the_settings_form_asks_for_places_one_on_each_line(client, lead, evaluation):
    client.force_login(lead)
    html = client.get(_url(evaluation)).text
    assert re.search(r'<textarea[^>]*name="redact_places"', html)
    assert HINT in html


def test_saved_places_are_stripped_with_blank_lines_and_repeats_left_out(client, lead, evaluation):
    client.force_login(lead)
    response = client.post(
        _url(evaluation), _settings("  Larkspur Ward \r\n\r\nFenwick  team\r\nlarkspur ward\r\n")
    )
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.redact_places == "Larkspur Ward\nFenwick team"
    assert evaluation.places() == ["Larkspur Ward", "Fenwick team"]


def test_the_evaluation_page_lists_the_places(client, lead, evaluation):
    evaluation.redact_places = "Larkspur Ward\nFenwick team"
    evaluation.save()
    client.force_login(lead)
    html = client.get(f"/evaluations/{evaluation.pk}/").text
    assert "Places taken out of quotes" in html
    assert "Larkspur Ward, Fenwick team" in html


def test_a_new_evaluation_keeps_its_places(client, lead):
    client.force_login(lead)
    response = client.post(
        "/evaluations/new/",
        _settings("Larkspur Ward\nKestrel community team") | {"name": "Places evaluation"},
    )
    assert response.status_code == 302
    from peerval.web.surveys.models import Evaluation

    created = Evaluation.objects.get(name="Places evaluation")
    assert created.places() == ["Larkspur Ward", "Kestrel community team"]
    event = AuditEvent.objects.get(action="create", evaluation=created)
    assert event.detail["redact_places"] == ["Larkspur Ward", "Kestrel community team"]


def test_more_than_the_limit_of_places_is_refused_with_422(client, lead, evaluation):
    client.force_login(lead)
    names = "\n".join(f"Ward {n}" for n in range(PLACE_LIMIT + 1))
    response = client.post(_url(evaluation), _settings(names))
    assert response.status_code == 422
    assert "There is a problem" in response.text
    message = f"Enter {PLACE_LIMIT} places or fewer. You entered {PLACE_LIMIT + 1}"
    assert _summary(response.text) == [("#redact_places", message)]
    assert re.search(r'<textarea[^>]*id="redact_places"', response.text)
    evaluation.refresh_from_db()
    assert evaluation.redact_places == ""


def test_exactly_the_limit_of_places_is_saved(client, lead, evaluation):
    client.force_login(lead)
    names = "\n".join(f"Ward {n}" for n in range(PLACE_LIMIT))
    assert client.post(_url(evaluation), _settings(names)).status_code == 302
    evaluation.refresh_from_db()
    assert len(evaluation.places()) == PLACE_LIMIT


def test_a_place_name_too_long_is_refused_naming_its_line(client, lead, evaluation):
    client.force_login(lead)
    too_long = "L" * (PLACE_LENGTH + 1)
    response = client.post(_url(evaluation), _settings(f"Larkspur Ward\n\n{too_long}"))
    assert response.status_code == 422
    message = (
        f"Each place must be {PLACE_LENGTH} characters or fewer. Shorten line 3, "
        "or split it into separate lines"
    )
    assert _summary(response.text) == [("#redact_places", message)]
    evaluation.refresh_from_db()
    assert evaluation.redact_places == ""


def test_a_change_to_the_places_is_audited_with_the_names(client, lead, evaluation):
    evaluation.redact_places = "Larkspur Ward"
    evaluation.save()
    client.force_login(lead)
    client.post(_url(evaluation), _settings("Larkspur Ward\nFenwick team"))
    (event,) = AuditEvent.objects.filter(action="settings")
    assert (event.user, event.evaluation) == (lead, evaluation)
    assert event.summary == "Changed places to redact"
    assert event.detail["changes"] == {
        "redact_places": {"old": ["Larkspur Ward"], "new": ["Larkspur Ward", "Fenwick team"]}
    }


def test_the_form_starts_with_the_places_and_saving_them_again_changes_nothing(
    client, lead, evaluation
):
    evaluation.redact_places = "Larkspur Ward\nFenwick team"
    evaluation.save()
    client.force_login(lead)
    form = client.get(_url(evaluation)).text
    assert re.search(
        r'<textarea[^>]*name="redact_places"[^>]*>\s*Larkspur Ward\nFenwick team<', form
    )

    client.post(_url(evaluation), _settings(" Larkspur Ward\n\nFenwick team \n"))

    assert not AuditEvent.objects.filter(action="settings").exists()


def test_a_coder_cannot_change_the_places(client, coder, evaluation):
    client.force_login(coder)
    response = client.post(_url(evaluation), _settings("Larkspur Ward"))
    assert response.status_code == 403
    evaluation.refresh_from_db()
    assert evaluation.redact_places == ""
