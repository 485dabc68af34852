"""The codebook editor: add a code under a parent, rename, edit its notes and move it; each
change is logged by the core and written to the audit log."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.audit.models import AuditEvent
from peerval.web.qualitative.models import Project, ProjectEvent
from peerval.web.qualitative.services import store

from ..survey_helpers import key_from


def _post(client, url, data):
    return client.post(url, data | {"idempotency_key": key_from(client.get(url).text)})


def _code(project, code_id):
    return store.snapshot(Project.objects.get(pk=project.pk)).code(code_id)


def test_a_code_is_added_under_its_parent(client, project, codes, analyst):
    client.force_login(analyst)
    url = reverse("qualitative:code_new", args=[project.pk])
    data = {
        "name": "Hope",
        "description": "Seeing recovery is possible",
        "inclusion": "Mentions of hope or a future",
        "exclusion": "",
        "parent": codes["support"],
        "codable": "yes",
    }
    response = _post(client, url, data)
    assert response["Location"] == reverse("qualitative:codebook", args=[project.pk])
    added = _code(project, "hope")
    assert added.path == ("Support", "Hope") and added.inclusion == "Mentions of hope or a future"
    page = client.get(reverse("qualitative:codebook", args=[project.pk]))
    assert "Hope" in page.text and "Use when: Mentions of hope or a future" in page.text
    assert AuditEvent.objects.filter(
        action="settings", summary__contains="code added: Hope"
    ).exists()


def test_renaming_and_moving_a_code_keeps_its_id(client, project, codes, lead):
    client.force_login(lead)
    url = reverse("qualitative:code_edit", args=[project.pk, codes["time"]])
    data = {
        "name": "Wanting more PSW time",
        "description": "Asks for more PSW time",
        "inclusion": "",
        "exclusion": "Staffing in general",
        "parent": codes["support"],
        "codable": "yes",
    }
    _post(client, url, data)
    changed = _code(project, codes["time"])
    assert changed.name == "Wanting more PSW time" and changed.parent_id == codes["support"]
    assert changed.exclusion == "Staffing in general"
    kinds = list(ProjectEvent.objects.filter(project=project).values_list("kind", flat=True))
    assert kinds[-3:] == ["code_renamed", "code_moved", "code_edited"]


def test_moving_a_code_under_itself_is_not_offered(client, project, codes, lead):
    client.force_login(lead)
    url = reverse("qualitative:code_edit", args=[project.pk, codes["support"]])
    page = client.get(url)
    assert f'value="{codes["heard"]}"' not in page.text
    response = _post(
        client,
        url,
        {"name": "Support", "parent": codes["heard"], "codable": "no"},
    )
    assert response.status_code == 422
    assert "Select where the code goes" in response.text


def test_a_blank_name_is_an_error(client, project, codes, lead):
    client.force_login(lead)
    url = reverse("qualitative:code_new", args=[project.pk])
    response = _post(client, url, {"name": "  ", "parent": "__top__", "codable": "yes"})
    assert response.status_code == 422 and "Enter a name for the code" in response.text


def test_the_codebook_shows_codes_nested_under_their_parents(client, project, codes, coder):
    client.force_login(coder)
    page = client.get(reverse("qualitative:codebook", args=[project.pk])).text
    outer = page.index("<strong>Support</strong>")
    inner = page.index('<ul class="peerval-code-tree">', outer)
    assert outer < inner < page.index("<strong>Feeling heard</strong>")
    assert reverse("qualitative:code_new", args=[project.pk]) not in page  # coders do not edit
