"""An anonymous collection keeps no IP address or user agent anywhere in the database."""

from __future__ import annotations

import io

from django.core.management import call_command

from peerval.web.surveys.models import Response

from .survey_helpers import complete_survey

ADDRESS = "198.51.100.77"
AGENT = "PeervalTestBrowser/9.9 (unusual-agent-marker)"


def test_no_table_holds_the_respondents_address_or_browser(client, staff_collection):
    client.defaults.update(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    complete_survey(client, staff_collection)
    assert Response.objects.filter(status=Response.SUBMITTED).count() == 1
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    text = dump.getvalue()
    assert "unusual-agent-marker" not in text
    assert ADDRESS not in text
