"""Reading a REFI-QDA project (.qdpx) from NVivo, ATLAS.ti, MAXQDA or peerval.

The file is checked before anything is built: a zip, holding ``project.qde``, valid against
the official schema, every plain-text source present, every selection inside its source,
every reference pointing at something that exists. Problems raise
:class:`~peerval.qual.refiqda.schemas.RefiQdaError` naming the file and the element.

Text sources become documents, codes keep their hierarchy and descriptions, codings keep
their offsets, coder and time, cases keep their variables, notes become memos. Selections
made by a ``peerval suggestions (<model>)`` user come back as machine suggestions. Sources
that are not text (PDF, pictures, audio, video) are listed in :attr:`QdpxImport.skipped`.

A file that peerval wrote carries ``peerval.json``; when the XML and sources are still
exactly what peerval would write for that project, the project is taken from it whole
(event log, phases, rejected suggestions, speaker times included). Otherwise the file was
changed elsewhere, and the project is built from the XML alone.

The archive is checked against :class:`~peerval.archives.ArchiveLimits` before any member is
read, and ``peerval.json`` is refused when nested deeper than any project needs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from peerval.archives import ArchiveLimits, open_archive
from peerval.errors import Location, PeervalError
from peerval.jsonfile import MAX_DEPTH, nesting_problem
from peerval.qual.codings import CodingError, parse_time
from peerval.qual.documents import Case, Document, FreeTextOrigin
from peerval.qual.hierarchy import HierarchicalCode
from peerval.qual.modes import MODES
from peerval.qual.project import Project
from peerval.qual.projectfile import project_from_dict
from peerval.qual.survey import answer_document_id

from .codes import xml_to_codes
from .schemas import PROJECT_NS, RefiQdaError, parse_xml, validate_project
from .writer import SIDECAR, project_xml, source_guid

__all__ = ["QdpxImport", "read_qdpx"]

_MACHINE_USER = re.compile(r"^peerval suggestions \((?P<model>.+)\)$")
_CONFIDENCE = re.compile(r"confidence (?P<value>[0-9.eE+-]+)")
_ACCEPTED = re.compile(r"accepted by (?P<who>.+) at (?P<when>\S+)$")
_THEME_NOTE = re.compile(r"^Memo on theme (?P<theme>.+)$")
_MODE = re.compile(r"mode: (?P<mode>[a-z ]+)")
_OTHER_SOURCES = ("PictureSource", "PDFSource", "AudioSource", "VideoSource")


def _q(tag: str) -> str:
    return f"{{{PROJECT_NS}}}{tag}"


@dataclass
class QdpxImport:
    """What reading a ``.qdpx`` gave: the project, how, and what was left out."""

    project: Project
    from_peerval_data: bool
    skipped: list[str] = field(default_factory=list)


def _number(text: str) -> float | None:
    try:
        return float(text.rstrip("."))
    except ValueError:
        return None


def _guid(value: str | None) -> str:
    return (value or "").strip("{}").lower()


def _when(text: str | None, default: datetime) -> datetime:
    if not text:
        return default
    try:
        return parse_time(text)
    except CodingError:
        try:
            return datetime.fromisoformat(text).replace(tzinfo=UTC)
        except ValueError:
            return default


class _Archive:
    """The zip's members, read with errors that name the file."""

    def __init__(self, path: Path, limits: ArchiveLimits | None = None) -> None:
        self.name = str(path)
        self.zip = open_archive(path, limits=limits, error=RefiQdaError, what=".qdpx (zip)")
        self.members = {n.replace("\\", "/"): n for n in self.zip.namelist()}

    def read(self, member: str, element: str) -> bytes:
        real = self.members.get(member) or self.members.get(member.lstrip("/"))
        if real is None:
            lowered = {k.lower(): v for k, v in self.members.items()}
            real = lowered.get(member.lower())
        if real is None:
            raise RefiQdaError(f"{element}: {member} is not in the file", Location(file=self.name))
        return self.zip.read(real)

    def qde_name(self) -> str:
        if "project.qde" in self.members:
            return "project.qde"
        candidates = [n for n in self.members if n.lower().endswith(".qde") and "/" not in n]
        if not candidates:
            raise RefiQdaError("the file holds no project.qde", Location(file=self.name))
        return candidates[0]


def _text_of(archive: _Archive, element: etree._Element, label: str) -> str:
    inline = element.find(_q("PlainTextContent"))
    if inline is not None:
        return inline.text or ""
    path = element.get("plainTextPath")
    if not path:
        raise RefiQdaError(
            f"{label} has no text", Location(file=archive.name, line=element.sourceline)
        )
    if not path.startswith("internal://"):
        raise RefiQdaError(
            f"{label}: text {path!r} is outside the file; only embedded sources can be read",
            Location(file=archive.name, line=element.sourceline),
        )
    data = archive.read("Sources/" + path[len("internal://") :], label)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RefiQdaError(f"{label}: text is not UTF-8", Location(file=archive.name)) from None


def read_qdpx(
    path: str | Path,
    *,
    mode: str | None = None,
    actor: str = "import",
    limits: ArchiveLimits | None = None,
) -> QdpxImport:
    """Read a ``.qdpx`` file. ``mode`` is used when the file does not say (default: content
    analysis); ``actor`` is who the import is logged as; ``limits`` bound what the archive
    may hold (by default those of the environment)."""
    path = Path(path)
    archive = _Archive(path, limits)
    try:
        return _read(archive, path, mode, actor)
    finally:
        archive.zip.close()


def _read(archive: _Archive, path: Path, mode: str | None, actor: str) -> QdpxImport:
    qde = archive.qde_name()
    where = f"{path} ({qde})"
    tree = parse_xml(archive.read(qde, "project"), where)
    validate_project(tree, where)
    texts = {}
    for source in tree.getroot().iter(_q("TextSource")):
        if (
            source.getparent() is not None
            and etree.QName(source.getparent()).localname == "Sources"
        ):
            label = f"TextSource {source.get('name')!r} ({source.get('guid')})"
            texts[_guid(source.get("guid"))] = _text_of(archive, source, label)
    whole = _from_sidecar(archive, tree, texts)
    if whole is not None:
        return QdpxImport(whole, True)
    try:
        return _from_xml(archive, tree, texts, mode, actor, where)
    except RefiQdaError:
        raise
    except PeervalError as exc:
        raise RefiQdaError(exc.message, Location(file=where)) from None


def _from_sidecar(
    archive: _Archive, tree: etree._ElementTree, texts: dict[str, str]
) -> Project | None:
    """The project in ``peerval.json``, if the XML and texts are exactly what it gives."""
    if SIDECAR not in archive.members:
        return None
    raw = archive.read(SIDECAR, "peerval data")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    deep = nesting_problem(text)
    if deep is not None:  # hostile, not merely changed elsewhere: refused
        raise RefiQdaError(
            f"nested more than {MAX_DEPTH} deep; the file is not read",
            Location(file=f"{archive.name} ({SIDECAR})", line=deep),
        )
    try:
        project = project_from_dict(json.loads(text))
        expected = project_xml(project)
    except (PeervalError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return None
    if etree.tostring(expected, method="c14n") != _canonical(tree):
        return None
    for document in project.documents.values():
        if texts.get(source_guid(project, document.id)) != document.text:
            return None
    return project


def _canonical(tree: etree._ElementTree) -> bytes:
    """The tree without formatting whitespace, canonicalised."""
    copy = etree.fromstring(etree.tostring(tree), etree.XMLParser(remove_blank_text=True))
    return etree.tostring(copy, method="c14n")


def _from_xml(
    archive: _Archive,
    tree: etree._ElementTree,
    texts: dict[str, str],
    mode: str | None,
    actor: str,
    where: str,
) -> QdpxImport:
    root = tree.getroot()
    created = _when(root.get("creationDateTime"), datetime.now(UTC))
    described = _MODE.search(root.findtext(_q("Description")) or "")
    if mode is None and described:
        mode = described.group("mode").strip().replace(" ", "_")
    mode = mode if mode in MODES else "content_analysis"
    project = Project.create(
        root.get("name") or path_stem(archive.name), mode, actor=actor, at=created
    )
    skipped = [
        f"{tag} {e.get('name')!r}: only text sources are imported"
        for tag in _OTHER_SOURCES
        for e in root.iter(_q(tag))
    ]
    users = {
        _guid(u.get("guid")): u.get("name") or u.get("id") or "unknown"
        for u in root.iter(_q("User"))
    }
    variables = {
        _guid(v.get("guid")): v.get("name") or "variable" for v in root.iter(_q("Variable"))
    }

    codes_element = root.find(f"{_q('CodeBook')}/{_q('Codes')}")
    code_ids: dict[str, str] = {}
    if codes_element is not None:
        codebook, code_ids = xml_to_codes(codes_element, PROJECT_NS)
        coded = {_guid(r.get("targetGUID")) for r in root.iter(_q("CodeRef"))}
        coded_ids = {code_ids[g] for g in coded if g in code_ids}
        for _, code in codebook.depth_first():
            fields = code.to_dict()
            fields["codable"] = code.codable or code.id in coded_ids
            project.create_code(HierarchicalCode(**fields), actor=actor, at=created)

    case_of: dict[str, str] = {}
    for element in root.iter(_q("Case")):
        name = element.get("name") or element.get("guid") or "case"
        values = _values(element, variables)
        may_quote = values.pop("may_quote", "true") not in ("false", "0")
        project.add_case(Case(name, values, may_quote))
        for ref in element.findall(_q("SourceRef")):
            case_of[_guid(ref.get("targetGUID"))] = name

    document_of: dict[str, str] = {}
    sources = root.find(_q("Sources"))
    for source in sources.findall(_q("TextSource")) if sources is not None else []:
        guid = _guid(source.get("guid"))
        document = _document(source, texts[guid], case_of.get(guid), variables, project)
        project.add_document(document)
        document_of[guid] = document.id
    for source in sources.findall(_q("TextSource")) if sources is not None else []:
        _codings(source, project, document_of, code_ids, users, created, actor, archive.name)

    _memos(archive, root, project, code_ids, document_of, users, created, skipped)
    return QdpxImport(project, False, skipped)


def path_stem(name: str) -> str:
    """A file name without folders or extension."""
    return Path(name).stem


def _values(element: etree._Element, variables: dict[str, str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for holder in element.findall(_q("VariableValue")):
        ref = holder.find(_q("VariableRef"))
        name = variables.get(_guid(ref.get("targetGUID") if ref is not None else None), "variable")
        value = next((c.text for c in holder if c is not ref), None)
        if value is not None:
            values[name] = value.strip()
    return values


def _document(
    source: etree._Element,
    text: str,
    case_id: str | None,
    variables: dict[str, str],
    project: Project,
) -> Document:
    from peerval.qual.transcripts.plain import turns_in_text

    values = _values(source, variables)
    kind = values.get("document_kind", "free_text")
    kind = kind if kind in ("free_text", "transcript") else "free_text"
    origin = None
    if kind == "free_text" and {"instrument", "item_id", "response_id"} <= set(values):
        origin = FreeTextOrigin(values["instrument"], values["item_id"], values["response_id"])
    name = source.get("name") or source.get("guid") or "source"
    base = (
        answer_document_id(origin.instrument, origin.response_id, origin.item_id)
        if origin
        else name
    )
    document_id, number = base, 1
    while document_id in project.documents:
        number += 1
        document_id = f"{base} ({number})"
    turns = turns_in_text(text) if kind == "transcript" else ()
    return Document(document_id, name, text, kind, case_id, origin, turns)


def _codings(
    source: etree._Element,
    project: Project,
    document_of: dict[str, str],
    code_ids: dict[str, str],
    users: dict[str, str],
    created: datetime,
    actor: str,
    file: str,
) -> None:
    document_id = document_of[_guid(source.get("guid"))]
    length = len(project.documents[document_id].text)
    for selection in source.findall(_q("PlainTextSelection")):
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        label = f"PlainTextSelection {selection.get('guid')} in TextSource {source.get('name')!r}"
        if not 0 <= start < end <= length:
            raise RefiQdaError(
                f"{label}: characters {start}-{end} lie outside the source (length {length})",
                Location(file=file, line=selection.sourceline),
            )
        for coding in selection.findall(_q("Coding")):
            code_guid = _guid(coding.find(_q("CodeRef")).get("targetGUID"))
            if code_guid not in code_ids:
                raise RefiQdaError(
                    f"{label}: coding refers to code {code_guid}, which is not in the codebook",
                    Location(file=file, line=coding.sourceline),
                )
            user_guid = coding.get("creatingUser") or selection.get("creatingUser")
            user = users.get(_guid(user_guid), "unknown")
            at = _when(coding.get("creationDateTime") or selection.get("creationDateTime"), created)
            machine = _MACHINE_USER.match(user)
            if machine is None:
                project.apply_code(document_id, start, end, code_ids[code_guid], coder=user, at=at)
                continue
            note = selection.findtext(_q("Description")) or ""
            confidence = _CONFIDENCE.search(note)
            if not project.suggestions_enabled:
                project.switch_suggestions(True, actor=actor, at=created)
            suggestion = project.suggest(
                document_id,
                start,
                end,
                code_ids[code_guid],
                model=machine.group("model"),
                confidence=_number(confidence.group("value")) if confidence else None,
                at=at,
            )
            accepted = _ACCEPTED.search(note)
            if accepted:
                project.accept(
                    suggestion.id, actor=accepted.group("who"), at=_when(accepted.group("when"), at)
                )


def _memos(
    archive: _Archive,
    root: etree._Element,
    project: Project,
    code_ids: dict[str, str],
    document_of: dict[str, str],
    users: dict[str, str],
    created: datetime,
    skipped: list[str],
) -> None:
    targets: dict[str, tuple[str, str | None]] = {}
    for element in root.iter(_q("NoteRef")):
        owner = element.getparent()
        kind = etree.QName(owner).localname
        guid = _guid(owner.get("guid"))
        while kind in ("PlainTextSelection", "Coding") and owner is not None:
            owner = owner.getparent()
            kind, guid = etree.QName(owner).localname, _guid(owner.get("guid"))
        if kind == "Code" and guid in code_ids:
            target = ("code", code_ids[guid])
        elif kind == "TextSource" and guid in document_of:
            target = ("document", document_of[guid])
        else:
            target = ("project", None)
        targets.setdefault(_guid(element.get("targetGUID")), target)
    notes = root.find(_q("Notes"))
    for note in notes.findall(_q("Note")) if notes is not None else []:
        guid = _guid(note.get("guid"))
        label = f"Note {note.get('name')!r} ({note.get('guid')})"
        text = (
            _text_of(archive, note, label)
            if note.get("plainTextPath") or note.find(_q("PlainTextContent")) is not None
            else ""
        )
        if not text.strip():
            skipped.append(f"{label}: empty note")
            continue
        kind, target_id = targets.get(guid, ("project", None))
        theme = _THEME_NOTE.match(note.findtext(_q("Description")) or "")
        if kind == "project" and theme:
            kind, target_id = "theme", theme.group("theme")
        author = users.get(_guid(note.get("creatingUser")), "unknown")
        title = note.get("name") or ""
        if title == f"Memo by {author}":
            title = ""
        project.add_memo(
            kind,
            target_id,
            text,
            author=author,
            title=title,
            at=_when(note.get("creationDateTime"), created),
        )
