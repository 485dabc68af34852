"""A change the core refuses (an excerpt beyond the text, an unknown code) raises a
PeervalError and writes nothing."""

from __future__ import annotations

import pytest

from peerval.errors import PeervalError
from peerval.web.qualitative.models import Project, ProjectEvent
from peerval.web.qualitative.services import coding, store


def test_an_excerpt_beyond_the_end_is_refused_and_nothing_is_logged(project, codes, coder):
    document = project.documents.order_by("position").first()
    before = ProjectEvent.objects.filter(project=project).count()
    with pytest.raises(PeervalError, match="outside document"):
        coding.apply_code(project, document, 0, len(document.text) + 5, codes["heard"], coder)
    assert ProjectEvent.objects.filter(project=project).count() == before
    assert Project.objects.get(pk=project.pk).last_seq == before


def test_an_unknown_code_is_refused(project, codes, coder):
    document = project.documents.order_by("position").first()
    with pytest.raises(PeervalError, match="unknown code"):
        coding.apply_code(project, document, 0, 3, "no_such_code", coder)
    assert store.snapshot(Project.objects.get(pk=project.pk)).codings == ()
