"""The evaluation page links to its qualitative projects; the list shows each project."""

from __future__ import annotations

from django.urls import reverse


def test_the_evaluation_page_links_to_qualitative_coding(client, evaluation, coder):
    client.force_login(coder)
    page = client.get(reverse("surveys:evaluation", args=[evaluation.pk]))
    assert reverse("qualitative:projects", args=[evaluation.pk]) in page.text


def test_the_list_shows_each_project_with_its_documents(client, project, coder):
    client.force_login(coder)
    page = client.get(reverse("qualitative:projects", args=[project.evaluation_id]))
    assert page.status_code == 200
    assert project.name in page.text
    assert reverse("qualitative:documents", args=[project.pk]) in page.text
    assert "Content analysis" in page.text


def test_only_leads_and_analysts_see_the_button_to_create_one(client, project, coder, analyst):
    new = reverse("qualitative:project_new", args=[project.evaluation_id])
    client.force_login(coder)
    assert new not in client.get(reverse("qualitative:projects", args=[project.evaluation_id])).text
    client.force_login(analyst)
    assert new in client.get(reverse("qualitative:projects", args=[project.evaluation_id])).text
