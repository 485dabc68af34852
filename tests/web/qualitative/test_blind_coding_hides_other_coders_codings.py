"""In a blind double-coding sample each person sees only their own codings and memos on
the sample's documents (in the document page and the list's filters); elsewhere, and once
blind coding ends, everyone sees everything."""

from __future__ import annotations

from django.urls import reverse

from peerval.web.qualitative.models import Sample
from peerval.web.qualitative.services import coding, samples


def test_a_coder_sees_only_their_own_codings_on_a_sampled_document(
    client, project, codes, lead, coder
):
    sample = samples.draw(project, lead, size=2, seed=3)
    inside = project.documents.get(document_id=sample.document_ids[0])
    outside = project.documents.exclude(document_id__in=sample.document_ids).first()
    for document in (inside, outside):
        coding.apply_code(project, document, 0, 3, codes["heard"], lead)
        coding.apply_code(project, document, 4, 8, codes["time"], coder)
    coding.add_memo(project, inside, lead, text="Alice's private thought")

    client.force_login(coder)
    blind = client.get(reverse("qualitative:document", args=[project.pk, inside.pk])).text
    assert "Blind double coding." in blind
    assert "by bob" in blind and "by alice" not in blind
    assert "Alice&#39;s private thought" not in blind
    assert blind.count('<mark class="peerval-mark">') == 1

    open_page = client.get(reverse("qualitative:document", args=[project.pk, outside.pk])).text
    assert "by bob" in open_page and "by alice" in open_page

    listed = client.get(
        reverse("qualitative:documents", args=[project.pk]), {"code": codes["heard"]}
    )
    assert f">Document {inside.position}</a>" not in listed.text
    assert f">Document {outside.position}</a>" in listed.text


def test_ending_blind_coding_shows_everyone_everything(client, project, codes, lead, coder):
    sample = samples.draw(project, lead, size=1, seed=3)
    inside = project.documents.get(document_id=sample.document_ids[0])
    coding.apply_code(project, inside, 0, 3, codes["heard"], lead)
    samples.reveal(Sample.objects.get(pk=sample.pk), lead)
    client.force_login(coder)
    page = client.get(reverse("qualitative:document", args=[project.pk, inside.pk])).text
    assert "by alice" in page and "Blind double coding." not in page
