"""The grid view: a row per respondent, a column per question, each cell the answer
linked to its document; a respondent who left a question blank shows "No answer"."""

from __future__ import annotations

import re

from django.urls import reverse

from .helpers import STAFF_ANSWERS


def test_each_respondent_is_a_row_and_each_question_a_column(client, project, coder):
    client.force_login(coder)
    page = client.get(reverse("qualitative:grid", args=[project.pk])).text
    assert f"Free-text answers of {len(STAFF_ANSWERS)} respondents" in page
    head = page[page.index("<thead") : page.index("</thead>")]
    assert "What works well about having Peer Support Workers in your team?" in head
    assert "What could be better about peer support in your team?" in head
    assert len(re.findall(r">Document \d+</a>", page)) == project.documents.count()
    assert page.count("No answer") == 1  # the fifth respondent left the second question blank


def test_the_filters_apply_to_the_grid(client, project, coder):
    client.force_login(coder)
    page = client.get(
        reverse("qualitative:grid", args=[project.pk]), {"attribute": "profession=Social worker"}
    ).text
    assert re.search(r"Free-text answers of 1 respondent\s*</caption>", page)
