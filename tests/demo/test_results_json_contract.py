import json
import re

import pytest

from peerval.demo import generate_demo, write_demo
from peerval.disclosure import DisclosurePolicy


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    results, paths = write_demo(generate_demo(), out)
    return out, results, paths


def load(out):
    return json.loads((out / "results.json").read_text(encoding="utf-8"))


def test_demo_writes_data_files_and_results_json(written):
    out, _, paths = written
    names = {p.name for p in paths}
    assert {
        "answers.csv",
        "respondents.csv",
        "psws.csv",
        "codebook.csv",
        "codings.csv",
        "scores.csv",
        "results.json",
    } <= names
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)


def test_results_json_counts_32_service_users_and_38_staff(written):
    data = load(written[0])
    groups = {g["respondent_group"]: g["n"] for g in data["respondents"]["by_group"]}
    assert groups == {"service_user": 32, "staff": 38}
    assert data["respondents"]["total"] == 70


def test_results_json_has_the_contract_sections(written):
    data = load(written[0])
    assert {"respondents", "scales", "items", "themes", "disclosure", "evaluation"} <= set(data)
    assert data["disclosure"]["mode"] == "publish" and data["disclosure"]["threshold"] == 5
    scales = {(s["instrument"], s["scale"]): s for s in data["scales"]}
    assert scales[("inspire", "support")]["verified"] is False
    assert scales[("staff-psw-survey", "psw_value")]["verified"] is True
    for entry in data["scales"]:
        assert {"n", "n_not_scorable", "estimate", "ci_low", "ci_high"} <= set(entry)
    assert [t["theme"] for t in data["themes"]] == ["support", "empathy", "understanding", "time"]


def test_no_published_count_is_between_one_and_the_threshold(written):
    text = (written[0] / "results.json").read_text(encoding="utf-8")
    # every count of people in a category; n_not_scorable is a base (docs/adr/0004)
    counts = [int(v) for v in re.findall(r'"n(?:_answered)?": (\d+)', text)]
    assert counts, "the file should contain counts"
    assert all(c == 0 or c >= 5 for c in counts)
    data = json.loads(text)
    profession = {
        a["value"]: a for a in data["respondents"]["by_attribute"] if a["attribute"] == "profession"
    }
    # the small professions are not named at all: "Psychiatrist *" would say one took part
    assert not {"Social worker", "Psychiatrist", "Not stated"} & set(profession)
    # 2 + 1 + 1 = 4 is too few for Other, so occupational therapists (6) join them
    assert "Occupational therapist" not in profession
    assert profession["Other"]["n"] == 10 and profession["Other"]["merged"]
    assert sum(a["n"] for a in profession.values()) == 38


def test_internal_mode_shows_small_groups(written, tmp_path):
    _, results, _ = written
    results.write_json(tmp_path / "internal.json", DisclosurePolicy(mode="internal"))
    data = json.loads((tmp_path / "internal.json").read_text())
    profession = {
        a["value"]: a["n"]
        for a in data["respondents"]["by_attribute"]
        if a["attribute"] == "profession"
    }
    assert profession["Psychiatrist"] == 1
    assert "INTERNAL" in data["disclosure"]["description"]


def test_scale_statistics_are_unrounded_and_match_the_scores(written):
    _, results, _ = written
    data = load(written[0])
    entry = next(s for s in data["scales"] if s["scale"] == "psw_value")
    scores = results.scores
    values = scores[(scores["scale"] == "psw_value") & (scores["status"] == "scored")]["score"]
    assert entry["estimate"] == pytest.approx(values.mean(), rel=1e-12)
    assert entry["n"] == len(values)


def test_a_filtered_item_is_hidden_when_its_filter_question_has_hidden_cells():
    import pandas as pd

    from peerval.instruments import get_instrument
    from peerval.responses import ANSWER_COLUMNS, ResponseSet
    from peerval.results import evaluate

    inspire = get_instrument("inspire")
    answers, respondents = [], []
    for k in range(20):
        rid = f"r{k}"
        respondents.append(
            {
                "response_id": rid,
                "respondent_id": rid,
                "wave": "1",
                "respondent_group": "service_user",
                "instrument": "inspire",
                "mode": "import",
            }
        )
        # s01: 3 of 20 say "not important" (a hidden cell); s02: 10 of 20 (shown)
        for gate, important in (("s01", k >= 3), ("s02", k >= 10)):
            answers.append((rid, f"{gate}_important", 1.0 if important else 0.0))
            if important:
                answers.append((rid, f"{gate}_support", 3.0))
    frame = pd.DataFrame(
        [
            {
                "response_id": r,
                "wave": "1",
                "instrument": "inspire",
                "instrument_version": inspire.version,
                "respondent_group": "service_user",
                "item_id": i,
                "value": v,
                "text": None,
            }
            for r, i, v in answers
        ],
        columns=list(ANSWER_COLUMNS),
    )
    data = evaluate(ResponseSet(frame, pd.DataFrame(respondents)), {"inspire": inspire}).to_dict()
    items = {i["item"]: i for i in data["items"]}
    assert any(o["suppressed"] for o in items["s01_important"]["options"])
    # 17 rated s01: showing that would give away the 3 who said "not important"
    assert items["s01_support"]["suppressed"] and items["s01_support"]["n"] is None
    assert all(o["n"] is None for o in items["s01_support"]["options"])
    assert not items["s02_support"]["suppressed"] and items["s02_support"]["n"] == 10


def test_small_not_scorable_reasons_are_hidden_but_the_base_is_shown(written):
    data = load(written[0])
    support = next(s for s in data["scales"] if s["scale"] == "support")
    assert support["n_not_scorable"] == 2
    # with so few, not even the reason is named
    assert support["not_scorable_reasons"] is None


def test_reasons_are_listed_in_internal_mode(written, tmp_path):
    _, results, _ = written
    data = results.to_dict(DisclosurePolicy(mode="internal"))
    support = next(s for s in data["scales"] if s["scale"] == "support")
    (reason,) = support["not_scorable_reasons"]
    assert reason == {
        "reason_code": "no_item_important",
        "reason": "no item marked as important",
        "n": 2,
        "suppressed": False,
    }
