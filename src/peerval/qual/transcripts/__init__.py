"""Interview transcripts: plain text, Word, WebVTT and SubRip files as project documents.

>>> sorted(READERS)
['.docx', '.srt', '.txt', '.vtt']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from peerval.errors import Location
from peerval.qual.documents import Case, Document
from peerval.qual.project import Project

from .plain import read_txt, turns_in_text
from .subrip import read_srt
from .turns import RawTurn, TranscriptError, merge_turns, transcript_document
from .webvtt_file import read_vtt
from .word import read_docx

__all__ = [
    "READERS",
    "RawTurn",
    "TranscriptError",
    "add_transcripts",
    "merge_turns",
    "read_docx",
    "read_srt",
    "read_transcript",
    "read_txt",
    "read_vtt",
    "transcript_document",
    "turns_in_text",
]

READERS: dict[str, Callable[..., Document]] = {
    ".txt": read_txt,
    ".docx": read_docx,
    ".vtt": read_vtt,
    ".srt": read_srt,
}


def read_transcript(
    path: str | Path,
    *,
    document_id: str | None = None,
    name: str | None = None,
    case_id: str | None = None,
) -> Document:
    """Read a transcript, choosing the reader by the file's extension."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise TranscriptError(
            f"cannot read {path.suffix or 'files without an extension'} as a transcript "
            f"(use {', '.join(sorted(READERS))})",
            Location(file=str(path)),
        )
    return reader(path, document_id=document_id, name=name, case_id=case_id)


def add_transcripts(
    project: Project, paths: Iterable[str | Path], *, case_ids: Iterable[str | None] = ()
) -> list[Document]:
    """Read transcripts and add them to a project, all or none.

    Each transcript's document id is its file name without extension; its case is the
    matching entry of ``case_ids`` (or the document id), created if the project lacks it.
    """
    paths = [Path(p) for p in paths]
    cases = list(case_ids) + [None] * len(paths)
    documents = []
    for path, case_id in zip(paths, cases, strict=False):
        document = read_transcript(path, case_id=case_id or path.stem)
        if document.id in project.documents or document.id in {d.id for d in documents}:
            raise TranscriptError(
                f"the project already has a document {document.id!r}", Location(file=str(path))
            )
        documents.append(document)
    for document in documents:
        if document.case_id and document.case_id not in project.cases:
            project.add_case(Case(document.case_id))
        project.add_document(document)
    return documents
