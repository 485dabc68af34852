"""Completing a questionnaire through the Django test client, as a respondent would."""

from __future__ import annotations

import re
import uuid

from peerval.web.surveys.services.questionnaire import questionnaire_for

KEY = re.compile(r'name="idempotency_key" value="([0-9a-f-]+)"')


def key_from(html: str) -> str:
    found = KEY.search(html)
    assert found, "page has no idempotency key"
    return found.group(1)


def typical_answers(page) -> dict[str, str]:
    """An answer for every item on a page: the first non-missing option, a number, text."""
    data: dict[str, str] = {}
    for item in page.items:
        if item.type in ("likert", "single_choice", "yes_no", "multi_choice"):
            options = [o for o in page.instrument.options_for(item) if not o.missing]
            data[item.id] = str(options[-1].code)
        elif item.type == "number":
            data[item.id] = str(int(item.min or 0))
        elif item.type == "free_text":
            data[item.id] = "The peer support worker listened and helped me plan my week."
        elif item.type == "date":
            data[f"{item.id}_0"], data[f"{item.id}_1"], data[f"{item.id}_2"] = "1", "2", "1990"
    return data


def complete_survey(client, collection, answers_for=typical_answers) -> str:
    """Consent, answer every page, check, send; return the thank-you page's HTML."""
    base = f"/s/{collection.token}/"
    page = client.get(base)
    assert page.status_code == 200, page.status_code
    response = client.post(base, {"consent": "on", "idempotency_key": key_from(page.text)})
    assert response.status_code == 302, response.status_code
    q = questionnaire_for(collection.instrument_refs())
    for number, questions in enumerate(q.pages):
        url = f"{base}q/{number}/"
        page = client.get(url)
        if page.status_code == 302:  # every item hidden by an earlier answer
            continue
        assert page.status_code == 200, (url, page.status_code)
        data = answers_for(questions) | {"idempotency_key": key_from(page.text)}
        response = client.post(url, data)
        assert response.status_code == 302, (url, response.status_code, response.text[:2000])
    check = client.get(f"{base}check/")
    assert check.status_code == 200
    sent = client.post(f"{base}check/", {"idempotency_key": key_from(check.text)}, follow=True)
    assert sent.status_code == 200
    return sent.text


def fresh_key() -> str:
    return str(uuid.uuid4())
