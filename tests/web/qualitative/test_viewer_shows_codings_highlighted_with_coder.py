"""The document page highlights every coded stretch with <mark> and lists each coding
beside the text with its code, coder and a remove button."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.qualitative.services import coding


def test_codings_are_marked_and_listed(client, project, codes, lead, coder):
    document = project.documents.order_by("position").first()
    coding.apply_code(project, document, 0, 11, codes["heard"], coder)
    coding.apply_code(project, document, 4, 11, codes["time"], lead)
    client.force_login(coder)
    page = client.get(reverse("qualitative:document", args=[project.pk, document.pk]))
    assert '<mark class="peerval-mark">She </mark>' in page.text
    assert '<mark class="peerval-mark peerval-mark--layered">listens</mark>' in page.text
    assert "Support › Feeling heard" in page.text and "by bob" in page.text
    assert "More time wanted" in page.text and "by alice" in page.text
    # Bob may remove his own coding only
    assert page.text.count("Remove<span") == 1
