import zipfile

from peerval.qual.refiqda import read_qdpx

QDE = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Ward study" origin="Another tool 12"
         creationDateTime="2025-11-03T14:00:00">
  <Users><User guid="{AAAAAAAA-0000-0000-0000-000000000001}" name="Rosa"/></Users>
  <CodeBook><Codes>
    <Code guid="{BBBBBBBB-0000-0000-0000-000000000001}" name="Belonging" isCodable="false">
      <Code guid="{BBBBBBBB-0000-0000-0000-000000000002}" name="Being welcomed" isCodable="true"
            color="#3366CC"><Description>Feeling welcome on the ward.</Description></Code>
    </Code>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="{CCCCCCCC-0000-0000-0000-000000000001}" name="Role" typeOfVariable="Text"/>
  </Variables>
  <Cases><Case guid="{DDDDDDDD-0000-0000-0000-000000000001}" name="Participant 4">
    <VariableValue><VariableRef targetGUID="{CCCCCCCC-0000-0000-0000-000000000001}"/>
      <TextValue>Nurse</TextValue></VariableValue>
    <SourceRef targetGUID="{EEEEEEEE-0000-0000-0000-000000000001}"/>
  </Case></Cases>
  <Sources>
    <TextSource guid="{EEEEEEEE-0000-0000-0000-000000000001}" name="P4 interview"
                plainTextPath="internal://p4.txt">
      <PlainTextSelection guid="{FFFFFFFF-0000-0000-0000-000000000001}" startPosition="7"
                          endPosition="24" creatingUser="{AAAAAAAA-0000-0000-0000-000000000001}">
        <Coding guid="{FFFFFFFF-0000-0000-0000-000000000002}"
                creatingUser="{AAAAAAAA-0000-0000-0000-000000000001}"
                creationDateTime="2025-11-04T10:15:00Z">
          <CodeRef targetGUID="{BBBBBBBB-0000-0000-0000-000000000002}"/>
        </Coding>
      </PlainTextSelection>
      <NoteRef targetGUID="{99999999-0000-0000-0000-000000000001}"/>
    </TextSource>
    <PDFSource guid="{EEEEEEEE-0000-0000-0000-000000000002}" name="Ward leaflet"
               path="internal://leaflet.pdf"/>
  </Sources>
  <Notes>
    <Note guid="{99999999-0000-0000-0000-000000000001}" name="First read"
          creatingUser="{AAAAAAAA-0000-0000-0000-000000000001}">
      <PlainTextContent>Warm account.</PlainTextContent>
    </Note>
  </Notes>
</Project>
"""


def test_a_project_from_another_tool_imports_with_braced_guids_and_windows_lines(tmp_path):
    path = tmp_path / "other.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", QDE)
        archive.writestr("Sources/p4.txt", "P4:\r\n  I felt welcomed here.\r\n".encode("utf-8-sig"))
        archive.writestr("Sources/leaflet.pdf", b"%PDF-1.4")
    imported = read_qdpx(path, mode="reflexive_thematic_analysis")
    project = imported.project
    assert not imported.from_peerval_data
    assert imported.skipped == ["PDFSource 'Ward leaflet': only text sources are imported"]
    assert project.mode == "reflexive_thematic_analysis"
    (document,) = project.documents.values()
    assert document.case_id == "Participant 4" and document.text.startswith("P4:\r\n")
    assert project.cases["Participant 4"].attributes == {"Role": "Nurse"}
    (coding,) = project.codings()
    assert coding.text == "I felt welcomed h" and coding.coder == "Rosa"
    code = project.codebook.code(coding.code_id)
    assert (code.name, code.colour, code.description) == (
        "Being welcomed",
        "#3366CC",
        "Feeling welcome on the ward.",
    )
    assert project.codebook.code(code.parent_id).name == "Belonging"
    (memo,) = project.memos
    assert (memo.target_kind, memo.target_id, memo.author, memo.text) == (
        "document",
        document.id,
        "Rosa",
        "Warm account.",
    )
