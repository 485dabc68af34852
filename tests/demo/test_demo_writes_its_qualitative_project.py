import zipfile

import pytest
from lxml import etree

from peerval.demo import demo_project, generate_demo, write_demo
from peerval.qual.projectfile import load_project
from peerval.qual.refiqda import read_qdpx, validate_project


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    demo = generate_demo()
    _, paths = write_demo(demo, out, reports=False)
    return demo, out, paths


def test_the_demo_writes_a_qdpx_that_validates_and_reimports_without_loss(written):
    demo, out, paths = written
    assert out / "demo.qdpx" in paths and out / "demo-project.json" in paths
    with zipfile.ZipFile(out / "demo.qdpx") as archive:
        validate_project(etree.ElementTree(etree.fromstring(archive.read("project.qde"))))
    expected = demo_project(demo)
    imported = read_qdpx(out / "demo.qdpx")
    assert imported.from_peerval_data and imported.project == expected
    assert load_project(out / "demo-project.json") == expected


def test_the_demo_project_holds_every_coded_answer_and_both_interviews(written):
    demo, out, _ = written
    project = load_project(out / "demo-project.json")
    kinds = [d.kind for d in project.documents.values()]
    assert kinds.count("transcript") == 2
    assert kinds.count("free_text") == demo.responses.answers["text"].notna().sum()
    survey = [c for c in project.codings() if project.documents[c.document_id].kind == "free_text"]
    assert len(survey) == len(demo.codings)
    for document_id in ("interview-su07", "interview-st12"):
        coded = [
            c for c in project.codings(include_suggestions=False) if c.document_id == document_id
        ]
        assert len(coded) >= 5 and all(c.coder == "demo-researcher" for c in coded)


def test_machine_suggestions_in_the_demo_keep_their_provenance(written):
    _, out, _ = written
    project = load_project(out / "demo-project.json")
    statuses = [s.status for s in project.suggestions()]
    assert statuses.count("accepted") == 1 and statuses.count("rejected") == 1
    assert statuses.count("suggested") >= 1
    for suggestion in project.suggestions():  # the automatic coder, trained on the survey
        assert suggestion.model.startswith("peerval autocode")
        assert 0.0 < suggestion.confidence <= 1.0
        assert project.documents[suggestion.document_id].kind == "transcript"


def test_the_demo_offers_candidate_themes_found_in_its_free_text(written):
    import pandas as pd

    _, out, paths = written
    assert out / "data" / "candidate-themes.csv" in paths
    themes = pd.read_csv(out / "data" / "candidate-themes.csv")
    assert len(themes) >= 1
    assert themes["keywords"].str.len().gt(0).all()
    assert themes["stability"].between(0, 1).all()
