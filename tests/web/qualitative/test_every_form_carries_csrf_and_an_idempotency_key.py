"""Every form that posts on the qualitative pages carries the CSRF token and a fresh
idempotency key, as the survey forms do."""

from __future__ import annotations

import re

from django.urls import reverse

from peerval.web.qualitative.services import coding, samples, themes


def test_each_posting_form_has_both_fields(client, project, codes, lead):
    document = project.documents.order_by("position").first()
    made = coding.apply_code(project, document, 0, 3, codes["heard"], lead)
    theme = themes.save_theme(
        project, lead, name="Support", description="", parent=None, code_ids=[]
    )
    client.force_login(lead)
    pages = [
        reverse("qualitative:project_new", args=[project.evaluation_id]),
        reverse("qualitative:project_delete", args=[project.pk]),
        reverse("qualitative:document", args=[project.pk, document.pk]),
        reverse("qualitative:undo", args=[project.pk, document.pk]),
        reverse("qualitative:memo_new", args=[project.pk, document.pk]),
        reverse("qualitative:coding_remove", args=[project.pk, document.pk, made]),
        reverse("qualitative:code_new", args=[project.pk]),
        reverse("qualitative:code_edit", args=[project.pk, codes["time"]]),
        reverse("qualitative:code_remove", args=[project.pk, codes["time"]]),
        reverse("qualitative:sample_new", args=[project.pk]),
        reverse("qualitative:sample_reveal", args=[project.pk]),
        reverse("qualitative:theme_new", args=[project.pk]),
        reverse("qualitative:theme_edit", args=[project.pk, theme.pk]),
        reverse("qualitative:theme_remove", args=[project.pk, theme.pk]),
    ]
    samples.draw(project, lead, size=1, seed=1)
    for url in pages:
        html = client.get(url).text
        forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", html, flags=re.S)
        assert forms, f"{url} has no form"
        for form in forms:
            assert 'name="csrfmiddlewaretoken"' in form, url
            assert re.search(r'name="idempotency_key" value="[0-9a-f-]{36}"', form), url
