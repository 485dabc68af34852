"""Checking REFI-QDA XML against the official schemas shipped in ``schema/``.

Errors name the file, the element's path and its line, and say what is wrong.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from peerval.errors import DataError, Location

__all__ = [
    "CODEBOOK_NS",
    "PROJECT_NS",
    "SCHEMA_DIR",
    "RefiQdaError",
    "parse_xml",
    "validate_codebook",
    "validate_project",
]

SCHEMA_DIR = Path(__file__).parent / "schema"
PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"


class RefiQdaError(DataError):
    """A REFI-QDA file (.qdpx or .qdc) cannot be read, or does not follow the standard."""


@cache
def _schema(name: str):  # type: ignore[no-untyped-def]
    import xmlschema  # loads slowly; only when a file is checked

    return xmlschema.XMLSchema(str(SCHEMA_DIR / name))


def parse_xml(data: bytes, file: str) -> etree._ElementTree:
    """Parse XML without fetching anything or expanding entities."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        raise RefiQdaError(
            f"not well-formed XML: {exc.msg}", Location(file=file, line=line)
        ) from None
    except ValueError as exc:  # e.g. an empty document given as text with an encoding
        raise RefiQdaError(f"not well-formed XML: {exc}", Location(file=file)) from None


def _validate(tree: etree._ElementTree, schema_name: str, namespace: str, file: str) -> None:
    root = tree.getroot()
    if etree.QName(root).namespace != namespace:
        raise RefiQdaError(
            f"root element <{etree.QName(root).localname}> is not in namespace {namespace}",
            Location(file=file, line=root.sourceline),
        )
    for error in _schema(schema_name).iter_errors(tree):
        element = getattr(error, "elem", None)
        line = (
            element.sourceline if element is not None and hasattr(element, "sourceline") else None
        )
        where = error.path or "/"
        raise RefiQdaError(
            f"element {where} does not follow the REFI-QDA schema: {error.reason}",
            Location(file=file, line=line),
        )


def validate_project(tree: etree._ElementTree, file: str = "project.qde") -> None:
    """Raise :class:`RefiQdaError` unless ``tree`` is a valid REFI-QDA project."""
    _validate(tree, "Project.xsd", PROJECT_NS, file)


def validate_codebook(tree: etree._ElementTree, file: str = "codebook.qdc") -> None:
    """Raise :class:`RefiQdaError` unless ``tree`` is a valid REFI-QDA codebook."""
    _validate(tree, "Codebook.xsd", CODEBOOK_NS, file)
