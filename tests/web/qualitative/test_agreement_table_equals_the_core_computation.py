"""The agreement page shows the core's code_agreement over the blind sample: the same
numbers (rounded for display), "not defined" with the reason where a statistic is NaN,
and every disagreement linked to its document."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from django.urls import reverse

from peerval.qual.agreement import code_agreement
from peerval.web.qualitative import selectors
from peerval.web.qualitative.models import Project
from peerval.web.qualitative.services import coding, samples, store


@pytest.fixture
def double_coded(project, codes, lead, coder):
    sample = samples.draw(project, lead, size=4, seed=7)
    d1, d2, d3, d4 = (project.documents.get(document_id=d) for d in sample.document_ids)
    for user, documents in ((lead, (d1, d2)), (coder, (d1, d3))):
        for document in documents:
            coding.apply_code(project, document, 0, 3, codes["heard"], user)
    for user in (lead, coder):
        for document in (d1, d2, d3, d4):
            coding.apply_code(project, document, 0, 3, codes["time"], user)
    return sample, (d1, d2, d3, d4)


def test_the_table_holds_the_cores_numbers(project, codes, double_coded):
    sample, documents = double_coded
    frame = pd.DataFrame(
        [
            {"unit": d.document_id, "coder": who, "code": code}
            for who, code, ds in (
                ("alice", codes["heard"], documents[:2]),
                ("bob", codes["heard"], (documents[0], documents[2])),
                ("alice", codes["time"], documents),
                ("bob", codes["time"], documents),
            )
            for d in ds
        ]
    )
    expected = code_agreement(
        frame,
        units=list(sample.document_ids),
        coders=["alice", "bob"],
        codes=[codes["heard"], codes["time"]],
    )
    view = selectors.agreement_for(store.snapshot(Project.objects.get(pk=project.pk)), sample)
    pd.testing.assert_frame_equal(view.result.by_code, expected.by_code)
    pd.testing.assert_frame_equal(view.result.overall, expected.overall)
    assert len(view.result.disagreements) == len(expected.disagreements) == 2


def test_the_page_shows_them_rounded_with_reasons_for_nan(
    client, project, codes, lead, double_coded
):
    sample, documents = double_coded
    snapshot = store.snapshot(Project.objects.get(pk=project.pk))
    result = selectors.agreement_for(snapshot, sample).result
    heard = result.by_code.set_index("code").loc[codes["heard"]]
    time = result.by_code.set_index("code").loc[codes["time"]]
    assert math.isnan(time["cohen_kappa"]) and "no_variation" in time["note"]

    client.force_login(lead)
    page = client.get(reverse("qualitative:agreement", args=[project.pk])).text
    assert f"{heard['percent_agreement']:.1f}%" in page
    assert f"{heard['cohen_kappa']:.2f}".replace("-", "\u2212") in page
    assert f"{heard['krippendorff_alpha']:.2f}".replace("-", "\u2212") in page
    assert "not defined: every coder made the same decision on every document" in page
    assert "Between alice, bob." in page
    for document in documents[1:3]:
        assert reverse("qualitative:document", args=[project.pk, document.pk]) in page
    assert "Documents where coders differ on a code" in page


def test_without_a_second_coder_the_page_says_why(client, project, codes, lead):
    samples.draw(project, lead, size=2, seed=1)
    client.force_login(lead)
    page = client.get(reverse("qualitative:agreement", args=[project.pk])).text
    assert "Agreement needs two or more people to have coded the sample." in page
