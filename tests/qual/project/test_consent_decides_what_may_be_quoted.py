from .builders import small_project


def test_documents_of_a_case_that_declined_may_not_be_quoted():
    project = small_project()
    assert project.may_quote("su/SU001-SU/what_helps") is True
    assert project.may_quote("r1") is False  # R1 did not agree to be quoted
