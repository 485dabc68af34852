import pandas as pd
import pytest

from peerval.errors import ScoringError
from peerval.instruments import get_instrument
from peerval.responses import ANSWER_COLUMNS, ResponseSet
from peerval.scoring import score, score_responses, scores_to_wide


def brief_set(rows):
    """rows: (response_id, {item: value}) in the order the file had them."""
    brief = get_instrument("brief-inspire")
    answers = [
        {
            "response_id": rid,
            "wave": "1",
            "instrument": brief.id,
            "instrument_version": brief.version,
            "respondent_group": "service_user",
            "item_id": item,
            "value": float(value),
            "text": None,
        }
        for rid, values in rows
        for item, value in values.items()
    ]
    respondents = pd.DataFrame(
        {
            "response_id": [rid for rid, _ in rows],
            "respondent_id": [rid for rid, _ in rows],
            "wave": "1",
            "respondent_group": "service_user",
            "instrument": brief.id,
            "mode": "import",
        }
    )
    return brief, ResponseSet(pd.DataFrame(answers, columns=list(ANSWER_COLUMNS)), respondents)


def test_scores_come_back_in_the_order_of_the_responses_not_sorted_as_text():
    full = {f"b{i}": 4 for i in range(1, 6)}
    brief, responses = brief_set([("row-10", full), ("row-2", full), ("row-9", full)])
    wide = scores_to_wide(score_responses(responses, brief))
    assert wide["response_id"].tolist() == ["row-10", "row-2", "row-9"]


def test_a_response_with_no_answers_is_reported_not_dropped():
    full = {f"b{i}": 2 for i in range(1, 6)}
    brief, responses = brief_set([("a", full), ("blank", {}), ("c", full)])
    result = score_responses(responses, brief).set_index("response_id")
    # a: 2 x 5 = 10, x 5 = 50
    assert result.loc["a", "score"] == 50.0
    assert result.loc["blank", "status"] == "not_scorable"
    assert result.loc["blank", "reason"] == "no items answered"


def test_an_instrument_without_scales_cannot_be_scored():
    fft = get_instrument("fft")
    with pytest.raises(ScoringError, match="fft has no scales"):
        score(pd.DataFrame(columns=["response_id", "item_id", "value"]), fft)
