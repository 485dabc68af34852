from dataclasses import replace

from .builders import small_project

DOC = "su/SU001-SU/what_helps"


def test_a_coding_whose_text_changed_under_it_is_reported_as_drifted():
    project = small_project()
    kept = project.apply_code(DOC, 0, 3, "trust", coder="ana")
    moved = project.apply_code(DOC, 10, 20, "practical_help", coder="ana")
    assert project.drifted() == []
    document = project.documents[DOC]
    project.documents[DOC] = replace(document, text=document.text[:8] + "XXXX" + document.text[12:])
    assert [c.id for c in project.drifted()] == [moved.id]
    assert kept.text == "She"
