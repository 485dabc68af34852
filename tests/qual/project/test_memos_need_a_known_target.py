import pytest

from peerval.errors import DataError

from .builders import at, small_project


def test_memos_on_each_kind_of_target_keep_author_time_and_text():
    project = small_project()
    project.add_memo("code", "trust", "Trust builds slowly.", author="ana", at=at(5))
    project.add_memo("theme", "belonging", "A theme in the making.", author="ben", at=at(6))
    memos = {(m.target_kind, m.target_id): m for m in project.memos}
    assert memos[("code", "trust")].author == "ana"
    assert memos[("code", "trust")].created == at(5)
    assert memos[("theme", "belonging")].text == "A theme in the making."


def test_a_memo_on_an_unknown_code_or_document_is_refused():
    project = small_project()
    with pytest.raises(DataError, match="unknown code"):
        project.add_memo("code", "nope", "text", author="ana")
    with pytest.raises(DataError, match="unknown document"):
        project.add_memo("document", "nope", "text", author="ana")
    with pytest.raises(DataError, match="is empty"):
        project.add_memo("project", None, "  ", author="ana")
