import numpy as np
import pandas as pd
from scipy import stats

from peerval.analysis.summaries import scale_summaries


def test_mean_sd_and_t_interval_match_an_independent_computation():
    values = [50.0, 62.5, 75.0, 75.0, 87.5, 100.0, 37.5]
    scores = pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(8)],
            "instrument": "x",
            "scale": "s",
            "score": values + [np.nan],
            "status": ["scored"] * 7 + ["not_scorable"],
            "reason_code": [""] * 7 + ["no_items_answered"],
            "reason": [""] * 7 + ["no items answered"],
        }
    )
    respondents = pd.DataFrame(
        {"instrument": "x", "response_id": scores["response_id"], "respondent_group": "staff"}
    )
    row = scale_summaries(scores, respondents).iloc[0]
    # independent: scipy's t interval on the same values
    low, high = stats.t.interval(
        0.95, len(values) - 1, loc=np.mean(values), scale=stats.sem(values)
    )
    assert row["n"] == 7 and row["n_not_scorable"] == 1
    assert row["estimate"] == np.mean(values)
    assert np.isclose(row["sd"], np.std(values, ddof=1))
    assert np.isclose(row["ci_low"], low) and np.isclose(row["ci_high"], high)
    assert row["reasons"] == {"no_items_answered": 1}
