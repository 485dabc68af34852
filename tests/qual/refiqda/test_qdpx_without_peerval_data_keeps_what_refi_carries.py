from peerval.qual.refiqda import read_qdpx, write_qdpx
from tests.qual.project.builders import rich_project


def codes(project):
    book = project.codebook
    return sorted(
        (
            c.name,
            c.description,
            c.inclusion,
            c.exclusion,
            book.code(c.parent_id).name if c.parent_id else None,
            c.colour,
            c.codable,
        )
        for c in book
    )


def codings(project):
    return sorted(
        (
            project.documents[c.document_id].name,
            c.start,
            c.end,
            c.text,
            project.codebook.code(c.code_id).name,
            c.coder,
            c.created,
            c.origin,
            c.status,
            c.model,
            c.confidence,
            c.reviewed_by,
            c.reviewed_at,
        )
        for c in project.codings() + project.suggestions("suggested")
    )


def memos(project):
    def target(memo):
        if memo.target_kind == "document":
            return project.documents[memo.target_id].name
        if memo.target_kind == "code":
            return project.codebook.code(memo.target_id).name
        return memo.target_id

    return sorted(
        (m.target_kind, target(m), m.author, m.created, m.title, m.text) for m in project.memos
    )


def test_sources_codes_codings_memos_and_cases_survive_the_xml_alone(tmp_path):
    project = rich_project("reflexive_thematic_analysis")
    path = write_qdpx(project, tmp_path / "plain.qdpx", sidecar=False)
    imported = read_qdpx(path)
    assert not imported.from_peerval_data
    again = imported.project
    assert again.name == project.name and again.mode == project.mode
    assert {d.name: (d.text, d.kind, d.origin, d.case_id) for d in again.documents.values()} == {
        d.name: (d.text, d.kind, d.origin, d.case_id) for d in project.documents.values()
    }
    assert again.cases == project.cases  # attributes and consent
    assert codes(again) == codes(project)
    assert codings(again) == codings(project)
    assert memos(again) == memos(project)
    transcript = again.documents["Interview R1"]
    assert [(t.speaker, t.start, t.end) for t in transcript.turns] == [
        (t.speaker, t.start, t.end) for t in project.documents["r1"].turns
    ]


def test_rejected_suggestions_and_the_log_are_what_the_xml_alone_loses(tmp_path):
    project = rich_project()
    again = read_qdpx(write_qdpx(project, tmp_path / "plain.qdpx", sidecar=False)).project
    assert project.suggestions("rejected") and not again.suggestions("rejected")
    assert len(again.log) != len(project.log)
