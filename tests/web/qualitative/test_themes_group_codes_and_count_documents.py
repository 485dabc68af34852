"""The theme board: themes group codes (a code in one theme at most, as the core's theme
map requires), count the documents carrying them or their sub-themes, and show passages."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.audit.models import AuditEvent
from peerval.web.qualitative.models import Theme
from peerval.web.qualitative.services import coding

from ..survey_helpers import key_from


def _post(client, url, data):
    return client.post(url, data | {"idempotency_key": key_from(client.get(url).text)})


def test_a_theme_counts_documents_of_its_codes_and_sub_themes(client, project, codes, lead, coder):
    first, second, third = project.documents.order_by("position")[:3]
    coding.apply_code(project, first, 0, 3, codes["heard"], coder)
    coding.apply_code(project, second, 0, 2, codes["time"], coder)
    coding.apply_code(project, third, 0, 2, codes["time"], coder)
    client.force_login(lead)
    new = reverse("qualitative:theme_new", args=[project.pk])
    _post(client, new, {"name": "Relationship", "parent": "__top__", "codes": [codes["heard"]]})
    parent = Theme.objects.get(name="Relationship")
    response = _post(
        client, new, {"name": "Time", "parent": str(parent.pk), "codes": [codes["time"]]}
    )
    assert response["Location"] == reverse("qualitative:themes", args=[project.pk])
    board = client.get(response["Location"]).text
    assert "3 of 11 documents" in board  # Relationship: its own code and Time's
    assert "2 of 11 documents" in board
    assert "&ldquo;She&rdquo;" in board
    assert AuditEvent.objects.filter(summary__contains="theme added: Time").exists()


def test_a_code_in_two_themes_is_refused_with_the_cores_reason(client, project, codes, lead):
    client.force_login(lead)
    new = reverse("qualitative:theme_new", args=[project.pk])
    _post(client, new, {"name": "Relationship", "parent": "__top__", "codes": [codes["heard"]]})
    response = _post(
        client, new, {"name": "Listening", "parent": "__top__", "codes": [codes["heard"]]}
    )
    assert response.status_code == 422
    assert "a code belongs to one theme" in response.text
    assert Theme.objects.count() == 1


def test_a_theme_with_sub_themes_is_not_removed(client, project, codes, lead):
    client.force_login(lead)
    new = reverse("qualitative:theme_new", args=[project.pk])
    _post(client, new, {"name": "Relationship", "parent": "__top__"})
    parent = Theme.objects.get()
    _post(client, new, {"name": "Trust", "parent": str(parent.pk)})
    remove = reverse("qualitative:theme_remove", args=[project.pk, parent.pk])
    response = _post(client, remove, {})
    assert response.status_code == 422 and "has themes under it" in response.text
    child = Theme.objects.get(name="Trust")
    _post(client, reverse("qualitative:theme_remove", args=[project.pk, child.pk]), {})
    assert list(Theme.objects.values_list("name", flat=True)) == ["Relationship"]


def test_renaming_a_theme_keeps_its_sub_themes(client, project, codes, lead):
    client.force_login(lead)
    new = reverse("qualitative:theme_new", args=[project.pk])
    _post(client, new, {"name": "Relationship", "parent": "__top__"})
    parent = Theme.objects.get()
    _post(client, new, {"name": "Trust", "parent": str(parent.pk)})
    edit = reverse("qualitative:theme_edit", args=[project.pk, parent.pk])
    response = _post(client, edit, {"name": "Relationships", "parent": "__top__"})
    assert response.status_code == 302
    assert Theme.objects.get(name="Trust").parent.name == "Relationships"
