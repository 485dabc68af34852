"""Word (.docx) transcripts, read with docx2python.

Two layouts are recognised. The plain one is the same as a text transcript
(``Interviewer: ...`` paragraphs). The layout of Microsoft Teams' downloaded Word
transcript puts each speaker's name and the time on a line of their own, with what they said
in the paragraphs below::

    Ana Silva   0:03
    Thanks for joining me today.

Paragraphs are numbered from 1 in error messages, as "line" numbers. The archive is checked
against :class:`~peerval.archives.ArchiveLimits` before docx2python opens it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from peerval.archives import ArchiveLimits, check_archive
from peerval.errors import Location
from peerval.qual.documents import Document

from .plain import parse_lines, seconds
from .turns import RawTurn, TranscriptError, merge_turns, transcript_document

__all__ = ["TEAMS_HEADER", "read_docx"]

TEAMS_HEADER = re.compile(
    r"^(?P<speaker>[^\W\d_][^\n:]{0,60}?)[ \t]+(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)[ \t]*$"
)


def _paragraphs(path: Path, limits: ArchiveLimits | None = None) -> list[str]:
    from docx2python import docx2python  # loads slowly; only when a .docx is read

    check_archive(path, limits=limits, error=TranscriptError, what="Word (.docx)")
    try:
        with docx2python(path) as content:
            body = content.body
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TranscriptError(f"not a Word (.docx) file: {exc}", Location(file=str(path))) from None
    except Exception as exc:  # docx2python raises assorted errors on damaged files
        if isinstance(exc, TranscriptError):
            raise
        raise TranscriptError(
            f"not a readable Word (.docx) file ({type(exc).__name__})", Location(file=str(path))
        ) from None
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.extend(node.split("\n"))
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(body)
    return [p.replace("\t", " ").strip() for p in found]


def _teams_turns(paragraphs: list[str]) -> tuple[str, list[RawTurn]] | None:
    """The turns of a Teams transcript, or None if the paragraphs are not laid out so."""
    headers = [i for i, p in enumerate(paragraphs) if TEAMS_HEADER.match(p)]
    if not headers:
        return None
    preamble = "\n".join(p for p in paragraphs[: headers[0]] if p)
    turns = []
    for number, index in enumerate(headers):
        match = TEAMS_HEADER.match(paragraphs[index])
        if match is None:  # pragma: no cover - every index in headers matched
            continue
        end = headers[number + 1] if number + 1 < len(headers) else len(paragraphs)
        words = " ".join(p for p in paragraphs[index + 1 : end] if p)
        turns.append(RawTurn(match["speaker"], words, seconds(match["time"])))
    return preamble, merge_turns(turns)


def read_docx(
    path: str | Path,
    *,
    document_id: str | None = None,
    name: str | None = None,
    case_id: str | None = None,
    limits: ArchiveLimits | None = None,
) -> Document:
    """Read a Word transcript in the plain or the Teams layout.

    ``limits`` bound what the archive may hold (by default those of the environment).
    """
    path = Path(path)
    paragraphs = _paragraphs(path, limits)
    teams = _teams_turns(paragraphs)
    if teams is None:  # each Word paragraph is a paragraph of the transcript
        teams = parse_lines([line for p in paragraphs for line in (p, "")], str(path))
    preamble, turns = teams
    return transcript_document(
        turns,
        document_id=document_id or path.stem,
        name=name or path.name,
        file=str(path),
        case_id=case_id,
        preamble=preamble,
    )
