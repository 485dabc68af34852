"""What is stored is enough: replaying the rows in a fresh process gives the same codebook,
codings and memos as the process that made them."""

from __future__ import annotations

from peerval.web.qualitative.models import Project
from peerval.web.qualitative.services import coding, store
from peerval.web.qualitative.services.cache import ProjectCache


def test_a_fresh_replay_equals_the_cached_analysis(project, codes, lead, coder, monkeypatch):
    document = project.documents.order_by("position").first()
    coding.apply_code(project, document, 0, 8, codes["heard"], coder)
    coding.add_memo(project, document, lead, text="Listening comes up again and again.")
    removed = coding.apply_code(project, document, 9, 20, codes["time"], lead)
    coding.remove_coding(project, removed, lead)
    cached = store.snapshot(Project.objects.get(pk=project.pk))
    monkeypatch.setattr(store, "_cache", ProjectCache())
    replayed = store.snapshot(Project.objects.get(pk=project.pk))
    assert replayed == cached
    assert [c.text for c in replayed.codings] == [document.text[0:8]]
    assert [m.text for m in replayed.memos] == ["Listening comes up again and again."]


def test_undo_reverses_the_persons_own_latest_action(project, codes, lead, coder):
    document = project.documents.order_by("position").first()
    coding.apply_code(project, document, 0, 8, codes["heard"], coder)
    coding.apply_code(project, document, 9, 20, codes["time"], lead)
    undone = coding.undo(project, coder)
    assert undone.kind == "coding_applied"
    codings = store.snapshot(Project.objects.get(pk=project.pk)).codings
    assert [c.coder for c in codings] == ["alice"]
