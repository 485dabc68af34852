"""The report builder takes published results only: never the unprotected results."""

import dataclasses
import json

import pytest

from peerval.demo import generate_demo
from peerval.disclosure import DisclosurePolicy
from peerval.published import PublishedResults
from peerval.report import build_report
from peerval.results import evaluate


@pytest.fixture(scope="module")
def results():
    demo = generate_demo()
    return evaluate(demo.responses, demo.instruments, name="Demo")


def test_unprotected_results_are_refused(results):
    with pytest.raises(TypeError, match="call results.publish"):
        build_report(results)  # type: ignore[arg-type]


def test_published_results_are_read_only(results):
    published = results.publish()
    assert isinstance(published, PublishedResults)
    with pytest.raises(TypeError):
        published["scales"][0]["n"] = 1  # type: ignore[index]
    with pytest.raises(AttributeError):
        published["scales"].append({})  # a tuple
    with pytest.raises(dataclasses.FrozenInstanceError):
        published.policy = DisclosurePolicy(mode="internal")  # type: ignore[misc]
    assert not any(hasattr(published, name) for name in ("people", "scores", "answers"))


def test_results_json_is_the_published_results(results, tmp_path):
    path = results.write_json(tmp_path / "results.json")
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == results.publish().to_dict()
    profession = [
        a for a in written["respondents"]["by_attribute"] if a["attribute"] == "profession"
    ]
    assert all(a["n"] is None or a["n"] >= 5 for a in profession)


def test_a_report_from_published_results_names_the_evaluation(results):
    report = build_report(results.publish())
    assert report.title == "Demo" and not report.internal
    internal = build_report(results.publish(DisclosurePolicy(mode="internal")))
    assert internal.internal
