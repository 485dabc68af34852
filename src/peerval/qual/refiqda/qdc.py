"""A codebook alone as a REFI-QDA codebook (.qdc), the format NVivo, ATLAS.ti and MAXQDA
use to exchange code systems.

The file is one XML document in the ``urn:QDA-XML:codebook:1.0`` namespace, checked against
the official schema on the way out and on the way in. Names, hierarchy, descriptions with
inclusion and exclusion notes, colours and whether a code can be applied are kept. REFI-QDA
codes have GUIDs, not ids: peerval derives each GUID from the code's id, so reading a file
back gives the ids listed in ``known`` (for example the project's current codebook) from
their GUIDs; any other code gets an id made from its name.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from peerval.errors import Location, PeervalError
from peerval.outfiles import write_bytes
from peerval.qual.hierarchy import HierarchicalCodebook
from peerval.version import __version__

from .codes import codes_to_xml, xml_to_codes
from .schemas import CODEBOOK_NS, RefiQdaError, parse_xml, validate_codebook

__all__ = ["codebook_xml", "read_qdc", "write_qdc"]


def codebook_xml(codebook: HierarchicalCodebook) -> etree._ElementTree:
    """The ``.qdc`` tree of a codebook, checked against the schema."""
    if not len(codebook):
        raise RefiQdaError("a REFI-QDA codebook needs at least one code")
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", f"peerval {__version__}")
    codes_to_xml(etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes"), codebook, CODEBOOK_NS, {})
    tree = etree.ElementTree(root)
    validate_codebook(tree)
    return tree


def write_qdc(codebook: HierarchicalCodebook, path: str | Path) -> Path:
    """Write a ``.qdc`` file."""
    path = Path(path)
    data = etree.tostring(
        codebook_xml(codebook), xml_declaration=True, encoding="utf-8", pretty_print=True
    )
    return write_bytes(path, data)


def read_qdc(path: str | Path, *, known: Iterable[str] = ()) -> HierarchicalCodebook:
    """Read a ``.qdc`` file; ``known`` lists code ids to recognise by their GUID."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RefiQdaError("file not found", Location(file=str(path))) from None
    except IsADirectoryError:
        raise RefiQdaError("is a folder, not a file", Location(file=str(path))) from None
    except OSError as exc:
        raise RefiQdaError(
            f"cannot read the file ({exc.strerror})", Location(file=str(path))
        ) from None
    tree = parse_xml(data, str(path))
    validate_codebook(tree, str(path))
    codes = tree.getroot().find(f"{{{CODEBOOK_NS}}}Codes")
    try:
        codebook, _ = xml_to_codes(codes, CODEBOOK_NS, known)
    except PeervalError as exc:
        raise RefiQdaError(exc.message, Location(file=str(path))) from None
    return codebook
