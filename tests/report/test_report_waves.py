from peerval.report import render_html, report_for
from peerval.results import evaluate

from ..analysis.test_waves import BRIEF, waves_of


def test_a_report_over_several_waves_shows_the_change_between_them():
    responses = waves_of(
        {"2024": [1, 2, 2, 3, 2, 1], "2025": [2, 2, 3, 3, 2, 3], "2026": [3, 3, 4, 4, 3, 2]}
    )
    results = evaluate(responses, {BRIEF.id: BRIEF}, name="Three waves")
    report = report_for(results, answers=responses.answers)
    html = render_html(report, interactive=False)
    assert "Change between waves" in html
    assert "Scale scores by wave" in html
    assert "2024: 45.8" in html  # 25 x mean(1,2,2,3,2,1) = 25 x 11/6 = 45.83
    assert "a year" in html  # the trend is per year when waves are years
