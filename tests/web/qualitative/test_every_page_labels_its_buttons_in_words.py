"""Every qualitative page, and the code and theme forms shown again with an error, labels
its buttons in words: no ``<Macro 'button'>`` where a template variable was shadowed by the
``button`` macro, no ``None`` and no empty button."""

from __future__ import annotations

import html

from django.urls import reverse

from peerval.web.qualitative.services import coding, samples, themes

from ..button_labels import assert_labels_read_well, button_labels
from ..survey_helpers import key_from
from .helpers import suggest


def _pages(project, codes, lead) -> list[str]:
    document = project.documents.order_by("position").first()
    made = coding.apply_code(project, document, 0, 3, codes["heard"], lead)
    suggestion = suggest(project, document, codes["time"])
    theme = themes.save_theme(
        project, lead, name="Support", description="", parent=None, code_ids=[]
    )
    samples.draw(project, lead, size=1, seed=1)
    p = project.pk
    return [
        reverse("qualitative:projects", args=[project.evaluation_id]),
        reverse("qualitative:project_new", args=[project.evaluation_id]),
        reverse("qualitative:project_delete", args=[p]),
        reverse("qualitative:documents", args=[p]),
        reverse("qualitative:grid", args=[p]),
        reverse("qualitative:document", args=[p, document.pk]),
        reverse("qualitative:undo", args=[p, document.pk]),
        reverse("qualitative:memo_new", args=[p, document.pk]),
        reverse("qualitative:coding_remove", args=[p, document.pk, made]),
        reverse("qualitative:suggestion_review", args=[p, document.pk, suggestion]),
        reverse("qualitative:suggest", args=[p]),
        reverse("qualitative:codebook", args=[p]),
        reverse("qualitative:code_new", args=[p]),
        reverse("qualitative:code_edit", args=[p, codes["time"]]),
        reverse("qualitative:code_remove", args=[p, codes["time"]]),
        reverse("qualitative:themes", args=[p]),
        reverse("qualitative:theme_new", args=[p]),
        reverse("qualitative:theme_edit", args=[p, theme.pk]),
        reverse("qualitative:theme_remove", args=[p, theme.pk]),
        reverse("qualitative:agreement", args=[p]),
        reverse("qualitative:sample_new", args=[p]),
        reverse("qualitative:sample_reveal", args=[p]),
    ]


def _assert_no_macro(url: str, page: str) -> None:
    assert "<Macro" not in html.unescape(page), f"{url} shows a template macro"


def test_no_page_shows_a_macro_or_a_badly_labelled_button(client, project, codes, lead):
    urls = _pages(project, codes, lead)
    client.force_login(lead)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_no_macro(url, response.text)
        labels = button_labels(response.text)
        assert labels, f"{url} has no button"
        assert_labels_read_well(labels, url)


def test_the_code_and_theme_forms_submit_buttons_say_what_they_do(client, project, codes, lead):
    theme = themes.save_theme(
        project, lead, name="Support", description="", parent=None, code_ids=[]
    )
    client.force_login(lead)
    p = project.pk
    expected = {
        reverse("qualitative:code_new", args=[p]): "Add code",
        reverse("qualitative:code_edit", args=[p, codes["time"]]): "Save changes",
        reverse("qualitative:theme_new", args=[p]): "Add theme",
        reverse("qualitative:theme_edit", args=[p, theme.pk]): "Save changes",
    }
    for url, label in expected.items():
        assert label in button_labels(client.get(url).text), url


def test_the_code_and_theme_forms_shown_again_with_an_error_keep_their_labels(
    client, project, codes, lead
):
    client.force_login(lead)
    p = project.pk
    forms = {
        reverse("qualitative:code_new", args=[p]): (
            {"name": "", "parent": codes["support"], "codable": "yes"},
            "Add code",
        ),
        reverse("qualitative:theme_new", args=[p]): ({"name": "", "parent": ""}, "Add theme"),
    }
    for url, (data, label) in forms.items():
        key = key_from(client.get(url).text)
        response = client.post(url, data | {"idempotency_key": key})
        assert response.status_code == 422, url
        _assert_no_macro(url, response.text)
        assert label in button_labels(response.text), url
        assert_labels_read_well(button_labels(response.text), url)
