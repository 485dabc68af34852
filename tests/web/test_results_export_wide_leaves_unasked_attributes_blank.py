"""An attribute a questionnaire never asked is blank in the wide export, not "Not stated".

A service user is never asked their profession; reading them as "Not stated" hid the one
staff member who really did not say among all the service users.
"""

from __future__ import annotations

import csv
import io

from peerval.web.surveys.models import Collection
from peerval.web.surveys.services.questionnaire import load_instrument

from .results_helpers import STAFF, fill_staff, staff_answers, submit

SERVICE_USER = "service-user-psw-survey"


def test_service_users_have_no_profession_and_unstated_staff_say_not_stated(
    client, lead, staff_collection
):
    fill_staff(staff_collection, count=12)
    unstated = staff_answers(3)
    del unstated["profession"]
    submit(staff_collection, {STAFF: unstated})
    survey = load_instrument(SERVICE_USER)
    users = Collection.objects.create(
        wave=staff_collection.wave,
        respondent_group="service_user",
        instruments=[{"id": survey.id, "version": survey.version}],
        status=Collection.OPEN,
    )
    for n in range(6):
        submit(users, {SERVICE_USER: {"care_group": 1, "listens": 4, "feel_supported": 4 + n % 2}})
    client.force_login(lead)

    response = client.get(f"/waves/{staff_collection.wave.pk}/export/wide.csv")

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_group = {"staff": [], "service_user": []}
    for row in rows:
        by_group[row["respondent_group"]].append(row["profession"])
    assert by_group["service_user"] == [""] * 6
    assert by_group["staff"].count("Not stated") == 1
    assert len(by_group["staff"]) == 13
