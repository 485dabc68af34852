"""The report's theme prevalence is counted by the same function as the web app's themes
(theme_counts): people per question and group, checked here by hand."""

import pandas as pd

from peerval.qual.codebook import Code, Codebook, Theme
from peerval.qual.themes import survey_prevalence

BOOK = Codebook(
    "test",
    "1",
    (
        Theme("time", "Time", "", (Code("more_time", "More time", ""),)),
        Theme("care", "Care", "", (Code("kind", "Kind", ""), Code("listens", "Listens", ""))),
    ),
)


def test_people_with_a_theme_and_people_answering_per_question_and_group():
    answers = pd.DataFrame(
        {
            "instrument": "s",
            "response_id": ["r1", "r2", "r3", "r4", "r1"],
            "item_id": ["q", "q", "q", "q", "other"],
            "text": ["Kind and listens", "More time please", "n/a", "Fine", "Kind"],
        }
    )
    respondents = pd.DataFrame(
        {
            "instrument": "s",
            "response_id": ["r1", "r2", "r3", "r4"],
            "respondent_id": ["p1", "p2", "p3", "p4"],
            "respondent_group": ["staff", "staff", "staff", "service_user"],
        }
    )
    codings = pd.DataFrame(
        {
            "instrument": "s",
            "response_id": ["r1", "r1", "r2", "r3", "r1"],
            "item_id": ["q", "q", "q", "q", "other"],
            "code_id": ["kind", "listens", "more_time", "kind", "kind"],
        }
    )
    table = survey_prevalence(answers, codings, BOOK, respondents)
    cell = table.set_index(["theme_id", "item_id", "respondent_group"])
    # staff answering q substantively: p1, p2 (p3 wrote "n/a", and its code does not count)
    assert cell.loc[("care", "q", "staff"), ["n", "n_answered"]].tolist() == [1, 2]
    assert cell.loc[("time", "q", "staff"), ["n", "n_answered"]].tolist() == [1, 2]
    assert cell.loc[("care", "q", "service_user"), ["n", "n_answered"]].tolist() == [0, 1]
    assert cell.loc[("care", "other", "staff"), ["n", "n_answered"]].tolist() == [1, 1]
    assert list(dict.fromkeys(table["theme_id"])) == ["time", "care"]  # the codebook's order
