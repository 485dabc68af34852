"""Submitted responses made directly in the database, for the results tests (fast: no pages).

The answers are varied so that reports have something to show: twelve staff with a spread
of agreement, professions of different sizes (one psychiatrist, a value held by fewer people
than the disclosure threshold) and a written answer with a synthetic name and phone number.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from peerval.web.surveys.models import Collection, Response

STAFF = "staff-psw-survey"
#: a written answer carrying made-up personal details that the exports must redact
PERSONAL_TEXT = "My PSW Sarah Whitfield rang me on 07700 900123 and it really helped."
#: profession codes of the twelve staff: 6 nurses, 5 unqualified staff, 1 psychiatrist
PROFESSIONS = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 5]
LIKERT_ITEMS = [
    "valued_member",
    "distinct_contribution",
    "understand_role",
    "adds_workload",
    "helps_recovery",
    "improves_engagement",
    "builds_hope",
    "want_more_psws",
    "want_more_time",
]


def staff_answers(n: int, shift: int = 0, may_quote: int | None = None) -> dict[str, Any]:
    """The ``n``-th staff member's answers (``shift`` moves agreement up or down;
    ``may_quote`` is the yes/no code of the consent to quote, not answered when None)."""
    answers: dict[str, Any] = {
        "profession": PROFESSIONS[n % len(PROFESSIONS)],
        "care_group": 1 if n < 7 else 2,
        "time_alongside": 3 + n % 2,
    }
    for k, item in enumerate(LIKERT_ITEMS):
        answers[item] = max(1, min(5, 2 + (n + k) % 4 + shift))
    if n % 5 == 4:
        answers["understand_role"] = 9  # don't know
    answers["what_works"] = PERSONAL_TEXT if n == 0 else f"Listening without judging ({n})."
    if n % 2:
        answers["could_improve"] = "More hours for the peer support team."
    if may_quote is not None:
        answers["may_quote"] = may_quote
    return answers


def submit(
    collection: Collection, answers: dict[str, dict[str, Any]], at: datetime | None = None
) -> Response:
    """One submitted response with ``{instrument_id: {item_id: value}}`` answers."""
    first = next(iter(answers.values()), {})
    return Response.objects.create(
        collection=collection,
        status=Response.SUBMITTED,
        consented=True,
        answers=answers,
        care_group=first.get("care_group"),
        submitted_at=at or timezone.now(),
    )


def fill_staff(
    collection: Collection, count: int = 12, shift: int = 0, may_quote: int | None = None
) -> list[Response]:
    """``count`` varied staff responses, submitted a minute apart."""
    start = timezone.now() - timedelta(hours=1)
    return [
        submit(
            collection, {STAFF: staff_answers(n, shift, may_quote)}, start + timedelta(minutes=n)
        )
        for n in range(count)
    ]


def answer_count(responses: list[Response]) -> int:
    """Answers as the long table counts them: one per chosen option of a multiple choice."""
    total = 0
    for response in responses:
        for given in response.answers.values():
            for value in given.values():
                total += len(value) if isinstance(value, list) else 1
    return total


def body(response) -> bytes:
    """A file response's content, read to the end, which also closes its file.

    (Reading it closes it the way the test client expects; calling ``close()`` directly
    would also close the database connection inside the test's transaction.)
    """
    return b"".join(response.streaming_content)
