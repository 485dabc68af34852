import numpy as np
import pandas as pd
import pytest
from scipy import stats

from peerval.analysis.waves import order_waves
from peerval.instruments import get_instrument
from peerval.responses import ANSWER_COLUMNS, ResponseSet
from peerval.results import evaluate

BRIEF = get_instrument("brief-inspire")


def waves_of(per_wave: dict[str, list[int]]) -> ResponseSet:
    """Brief INSPIRE responses where every item of a response has the same rating r, so its
    score is 5 x 5 x r = 25r."""
    answers, respondents = [], []
    for wave, ratings in per_wave.items():
        for k, rating in enumerate(ratings):
            rid = f"{wave}-{k}"
            respondents.append(
                {
                    "response_id": rid,
                    "respondent_id": rid,
                    "wave": wave,
                    "respondent_group": "service_user",
                    "instrument": BRIEF.id,
                    "mode": "import",
                }
            )
            answers += [
                {
                    "response_id": rid,
                    "wave": wave,
                    "instrument": BRIEF.id,
                    "instrument_version": BRIEF.version,
                    "respondent_group": "service_user",
                    "item_id": f"b{i}",
                    "value": float(rating),
                    "text": None,
                }
                for i in range(1, 6)
            ]
    return ResponseSet(
        pd.DataFrame(answers, columns=list(ANSWER_COLUMNS)), pd.DataFrame(respondents)
    )


def test_waves_are_ordered_by_their_numbers():
    assert order_waves(["2025", "2024", "2026"]) == ["2024", "2025", "2026"]
    assert order_waves(["wave 10", "wave 2"]) == ["wave 2", "wave 10"]


def test_latest_wave_is_described_and_changes_compare_all_waves():
    ratings = {"2024": [1, 2, 2, 3, 2, 1], "2025": [2, 2, 3, 3, 2, 3], "2026": [3, 3, 4, 4, 3, 2]}
    results = evaluate(waves_of(ratings), {BRIEF.id: BRIEF}, name="Waves")
    data = results.to_dict()
    assert data["evaluation"]["waves"] == ["2024", "2025", "2026"]
    assert data["evaluation"]["current_wave"] == "2026"
    # the profile and scale summary describe 2026 only
    assert data["respondents"]["by_group"][0]["n"] == 6
    (scale,) = data["scales"]
    assert scale["estimate"] == pytest.approx(25 * np.mean(ratings["2026"]))

    (change,) = data["changes"]
    scores = {w: [25.0 * r for r in v] for w, v in ratings.items()}
    assert [w["estimate"] for w in change["waves"]] == pytest.approx(
        [np.mean(scores[w]) for w in ("2024", "2025", "2026")]
    )
    # independent: SciPy's Welch test of 2026 against 2025
    welch = stats.ttest_ind(scores["2026"], scores["2025"], equal_var=False)
    assert change["difference"] == pytest.approx(np.mean(scores["2026"]) - np.mean(scores["2025"]))
    assert change["p_value"] == pytest.approx(welch.pvalue)
    # independent: SciPy's least-squares fit of score on year over every response
    years = [float(w) for w, v in scores.items() for _ in v]
    values = [s for v in scores.values() for s in v]
    fit = stats.linregress(years, values)
    assert change["trend_per"] == "year"
    assert change["trend"] == pytest.approx(fit.slope)
    assert change["trend_p_value"] == pytest.approx(fit.pvalue)


def test_a_wave_with_too_few_scores_hides_its_mean_and_the_figures_that_use_it():
    ratings = {"2025": [2, 3], "2026": [3, 3, 4, 4, 3, 2]}
    data = evaluate(waves_of(ratings), {BRIEF.id: BRIEF}).to_dict()
    (change,) = data["changes"]
    assert change["waves"][0]["estimate"] is None and change["waves"][0]["n"] is None
    assert change["difference"] is None and change["trend"] is None
    assert change["waves"][1]["n"] == 6
