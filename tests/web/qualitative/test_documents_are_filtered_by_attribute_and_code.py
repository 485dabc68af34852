"""The document list filters by a respondent attribute and by a code (including the codes
under it), and says how many documents match."""

from __future__ import annotations

import re

from django.urls import reverse

from peerval.web.qualitative.services import coding


def _shown(page) -> list[int]:
    return [int(n) for n in re.findall(r">Document (\d+)</a>", page.text)]


def test_filtering_by_care_group_keeps_only_those_respondents(client, project, coder):
    client.force_login(coder)
    url = reverse("qualitative:documents", args=[project.pk])
    page = client.get(url, {"attribute": "care_group=Rehabilitation and recovery"})
    expected = sorted(
        d.position
        for d in project.documents.select_related("case")
        if d.case.attributes["care_group"] == "Rehabilitation and recovery"
    )
    assert _shown(page) == expected == [9, 10, 11]
    assert f"Documents matching the filters: 3 of {project.documents.count()}" in page.text


def test_filtering_by_a_heading_finds_documents_coded_under_it(client, project, codes, coder):
    second, fourth = project.documents.filter(position__in=[2, 4]).order_by("position")
    coding.apply_code(project, second, 0, 5, codes["heard"], coder)
    coding.apply_code(project, fourth, 0, 5, codes["practical"], coder)
    client.force_login(coder)
    url = reverse("qualitative:documents", args=[project.pk])
    assert _shown(client.get(url, {"code": codes["support"]})) == [2, 4]
    assert _shown(client.get(url, {"code": codes["practical"]})) == [4]
    assert _shown(client.get(url, {"code": codes["time"]})) == []


def test_an_unknown_filter_value_is_ignored(client, project, coder):
    client.force_login(coder)
    url = reverse("qualitative:documents", args=[project.pk])
    page = client.get(url, {"attribute": "care_group=Nowhere", "code": "nothing"})
    assert len(_shown(page)) == project.documents.count()
