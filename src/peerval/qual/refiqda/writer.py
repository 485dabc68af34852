"""Writing a project as a REFI-QDA project (.qdpx) that NVivo, ATLAS.ti and MAXQDA can open.

The ``.qdpx`` is a zip holding ``project.qde`` (REFI-QDA XML, checked against the official
schema before anything is written) and ``Sources/<guid>.txt``, one UTF-8 plain-text file per
document. Codings are ``PlainTextSelection`` elements by character offsets. People's codings
are under their coder's ``User``; machine suggestions are under a separate ``User`` named
``peerval suggestions (<model>)``, with the confidence and review in the selection's
description; rejected suggestions are not exported. Cases carry their attributes (and
whether they may be quoted) as variables; memos are notes.

peerval's own project file rides along as ``peerval.json``, so that peerval can read back
what REFI-QDA has no place for (the event log, phases, inclusion notes' history, rejected
suggestions, timestamps of speaker turns); other tools ignore it, and peerval uses it only
while the XML is exactly what peerval wrote (:mod:`peerval.qual.refiqda.reader`).
"""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path

from lxml import etree

from peerval.outfiles import replacing
from peerval.qual.codings import Coding, Memo, format_time
from peerval.qual.project import Project
from peerval.qual.projectfile import project_to_dict
from peerval.version import __version__

from .codes import code_guid, codes_to_xml
from .schemas import PROJECT_NS, validate_project

__all__ = [
    "SIDECAR",
    "machine_user_name",
    "project_xml",
    "qde_bytes",
    "source_guid",
    "suggestion_description",
    "write_qdpx",
]

SIDECAR = "peerval.json"
_MODE_TEXT = {
    "content_analysis": "content analysis",
    "reflexive_thematic_analysis": "reflexive thematic analysis",
}


def _q(tag: str) -> str:
    return f"{{{PROJECT_NS}}}{tag}"


def _guid(project: Project, what: str) -> str:
    return str(uuid.uuid5(project.namespace, what))


def source_guid(project: Project, document_id: str) -> str:
    """The GUID of a document's source in the ``.qdpx``."""
    return _guid(project, f"document:{document_id}")


def machine_user_name(model: str) -> str:
    """The REFI-QDA user under which a model's suggestions appear."""
    return f"peerval suggestions ({model})"


def suggestion_description(coding: Coding) -> str:
    """What a suggestion's selection says about it, for people and for peerval."""
    parts = [f"Suggested by {coding.model}"]
    if coding.confidence is not None:
        parts[0] += f" (confidence {coding.confidence!r})"
    if coding.status == "accepted":
        parts.append(f"accepted by {coding.reviewed_by} at {_time(coding)}")
    else:
        parts.append("not yet reviewed")
    return "; ".join(parts)


def _time(coding: Coding) -> str:
    return format_time(coding.reviewed_at) if coding.reviewed_at else "unknown time"


def _exported(project: Project) -> list[Coding]:
    """People's codings, accepted suggestions and suggestions not yet reviewed."""
    return project.codings() + project.suggestions("suggested")


def _users(project: Project) -> dict[str, str]:
    """Every user name that appears, with its GUID."""
    names: list[str] = []
    for coding in _exported(project):
        names.append(coding.coder if coding.is_human else machine_user_name(coding.model or ""))
    names += [m.author for m in project.memos]
    return {name: _guid(project, f"user:{name}") for name in dict.fromkeys(names)}


def _variable_values(
    parent: etree._Element, values: dict[str, str | bool], variables: dict[str, tuple[str, str]]
) -> None:
    for name, value in values.items():
        guid, kind = variables[name]
        holder = etree.SubElement(parent, _q("VariableValue"))
        etree.SubElement(holder, _q("VariableRef")).set("targetGUID", guid)
        if kind == "Boolean":
            etree.SubElement(holder, _q("BooleanValue")).text = "true" if value else "false"
        else:
            etree.SubElement(holder, _q("TextValue")).text = str(value)


def _source_values(project: Project, document_id: str) -> dict[str, str | bool]:
    document = project.documents[document_id]
    values: dict[str, str | bool] = {"document_kind": document.kind}
    if document.origin is not None:
        values.update(
            instrument=document.origin.instrument,
            item_id=document.origin.item_id,
            response_id=document.origin.response_id,
        )
    return values


def _memo_note(project: Project, memo: Memo, users: dict[str, str]) -> etree._Element:
    note = etree.Element(_q("Note"))
    note.set("guid", memo.id)
    note.set("name", memo.title or f"Memo by {memo.author}")
    note.set("creatingUser", users[memo.author])
    note.set("creationDateTime", format_time(memo.created))
    if memo.target_kind == "theme":
        etree.SubElement(note, _q("Description")).text = f"Memo on theme {memo.target_id}"
    etree.SubElement(note, _q("PlainTextContent")).text = memo.text
    return note


def project_xml(project: Project) -> etree._ElementTree:
    """The ``project.qde`` tree of a project (not yet checked against the schema)."""
    users = _users(project)
    root = etree.Element(_q("Project"), nsmap={None: PROJECT_NS})
    root.set("name", project.name)
    root.set("origin", f"peerval {__version__}")
    root.set("creationDateTime", format_time(project.created))
    if users:
        holder = etree.SubElement(root, _q("Users"))
        for name, guid in users.items():
            user = etree.SubElement(holder, _q("User"))
            user.set("guid", guid)
            user.set("name", name)

    notes: dict[tuple[str, str | None], list[str]] = {}
    for memo in project.memos:
        key = (memo.target_kind, memo.target_id)
        if memo.target_kind == "theme":
            key = ("project", None)
        notes.setdefault(key, []).append(memo.id)
    if len(project.codebook):
        holder = etree.SubElement(etree.SubElement(root, _q("CodeBook")), _q("Codes"))
        code_notes = {t: g for (k, t), g in notes.items() if k == "code" and t is not None}
        codes_to_xml(holder, project.codebook, PROJECT_NS, code_notes)

    variables: dict[str, tuple[str, str]] = {}
    for case in project.cases.values():
        for name in case.attributes:
            variables.setdefault(name, (_guid(project, f"variable:{name}"), "Text"))
    if project.cases:
        variables.setdefault("may_quote", (_guid(project, "variable:may_quote"), "Boolean"))
    for document_id in project.documents:
        for name in _source_values(project, document_id):
            variables.setdefault(name, (_guid(project, f"variable:{name}"), "Text"))
    if variables:
        holder = etree.SubElement(root, _q("Variables"))
        for name, (guid, kind) in variables.items():
            variable = etree.SubElement(holder, _q("Variable"))
            variable.set("guid", guid)
            variable.set("name", name)
            variable.set("typeOfVariable", kind)

    if project.cases:
        holder = etree.SubElement(root, _q("Cases"))
        for case in project.cases.values():
            element = etree.SubElement(holder, _q("Case"))
            element.set("guid", _guid(project, f"case:{case.id}"))
            element.set("name", case.id)
            _variable_values(element, {**case.attributes, "may_quote": case.may_quote}, variables)
            for document in project.documents.values():
                if document.case_id == case.id:
                    ref = etree.SubElement(element, _q("SourceRef"))
                    ref.set("targetGUID", _guid(project, f"document:{document.id}"))

    by_document: dict[str, list[Coding]] = {}
    for coding in _exported(project):
        by_document.setdefault(coding.document_id, []).append(coding)
    if project.documents:
        holder = etree.SubElement(root, _q("Sources"))
        for document in project.documents.values():
            guid = _guid(project, f"document:{document.id}")
            source = etree.SubElement(holder, _q("TextSource"))
            source.set("guid", guid)
            source.set("name", document.name)
            source.set("plainTextPath", f"internal://{guid}.txt")
            for coding in by_document.get(document.id, []):
                _selection(source, project, coding, users)
            for note_guid in notes.get(("document", document.id), []):
                etree.SubElement(source, _q("NoteRef")).set("targetGUID", note_guid)
            _variable_values(source, _source_values(project, document.id), variables)

    if project.memos:
        holder = etree.SubElement(root, _q("Notes"))
        for memo in project.memos:
            holder.append(_memo_note(project, memo, users))
    description = f"peerval project; mode: {_MODE_TEXT[project.mode]}"
    etree.SubElement(root, _q("Description")).text = description
    for note_guid in notes.get(("project", None), []):
        etree.SubElement(root, _q("NoteRef")).set("targetGUID", note_guid)
    return etree.ElementTree(root)


def _selection(
    source: etree._Element, project: Project, coding: Coding, users: dict[str, str]
) -> None:
    user = users[coding.coder if coding.is_human else machine_user_name(coding.model or "")]
    selection = etree.SubElement(source, _q("PlainTextSelection"))
    selection.set("guid", _guid(project, f"selection:{coding.id}"))
    selection.set("startPosition", str(coding.start))
    selection.set("endPosition", str(coding.end))
    selection.set("creatingUser", user)
    selection.set("creationDateTime", format_time(coding.created))
    if not coding.is_human:
        etree.SubElement(selection, _q("Description")).text = suggestion_description(coding)
    element = etree.SubElement(selection, _q("Coding"))
    element.set("guid", coding.id)
    element.set("creatingUser", user)
    element.set("creationDateTime", format_time(coding.created))
    etree.SubElement(element, _q("CodeRef")).set("targetGUID", code_guid(coding.code_id))


def qde_bytes(project: Project) -> bytes:
    """The ``project.qde`` file's bytes, checked against the REFI-QDA schema."""
    tree = project_xml(project)
    validate_project(tree)
    return etree.tostring(tree, xml_declaration=True, encoding="utf-8", pretty_print=True)


def write_qdpx(project: Project, path: str | Path, *, sidecar: bool = True) -> Path:
    """Write the project as a ``.qdpx`` file; return its path.

    ``sidecar=False`` leaves out ``peerval.json`` (the file then holds only what
    REFI-QDA can express). The archive replaces ``path`` only once it is complete; a
    failure part-way leaves the previous file as it was and nothing beside it.
    """
    path = Path(path)
    qde = qde_bytes(project)
    with (
        replacing(path) as handle,
        zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr("project.qde", qde)
        for document in project.documents.values():
            guid = source_guid(project, document.id)
            archive.writestr(f"Sources/{guid}.txt", document.text.encode("utf-8"))
        if sidecar:
            data = json.dumps(project_to_dict(project), ensure_ascii=False, indent=1)
            archive.writestr(SIDECAR, data.encode("utf-8"))
    return path
