"""A reflexive thematic analysis project computes no agreement between coders and says why."""

from __future__ import annotations

from django.urls import reverse

from .helpers import make_project


def test_the_agreement_page_explains_it_does_not_apply(client, evaluation, wave, answered, lead):
    project = make_project(evaluation, wave, lead, mode="reflexive_thematic_analysis")
    client.force_login(lead)
    page = client.get(reverse("qualitative:agreement", args=[project.pk]))
    assert page.status_code == 200
    assert "Agreement between coders is not part of reflexive thematic analysis" in page.text
    assert "Draw documents for double coding" not in page.text
