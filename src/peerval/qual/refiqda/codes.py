"""Codes in REFI-QDA XML, shared by projects (.qdpx) and codebooks (.qdc).

REFI-QDA codes have a GUID, a name, a colour, whether they can be applied (``isCodable``),
a description, and child codes. peerval's extra fields travel in that description, where
NVivo, ATLAS.ti and MAXQDA users can read them: the inclusion and exclusion notes follow the
description in paragraphs that start ``Include:`` and ``Exclude:``.

A code's GUID is derived from its peerval id (the same id gives the same GUID in every
file), so ids that the reader knows (the project's own codes) come back from their GUIDs; any
other code gets an id made from its name.

>>> join_description("Help with forms.", "Benefits, housing", "")
'Help with forms.\\n\\nInclude: Benefits, housing'
>>> split_description('Help with forms.\\n\\nInclude: Benefits, housing')
('Help with forms.', 'Benefits, housing', '')
>>> slug("Hope & recovery!")
'hope_recovery'
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable

from lxml import etree

from peerval.qual.hierarchy import HierarchicalCode, HierarchicalCodebook

__all__ = [
    "CODE_NAMESPACE",
    "code_guid",
    "code_id_for",
    "codes_to_xml",
    "join_description",
    "slug",
    "split_description",
    "xml_to_codes",
]

#: the namespace of code GUIDs (fixed, so a code keeps its GUID across projects and waves)
CODE_NAMESPACE = uuid.UUID("0c7a9d1e-5b3f-5e42-9a61-7d2f8c4b1e30")
_INCLUDE = "\n\nInclude: "
_EXCLUDE = "\n\nExclude: "


def code_guid(code_id: str) -> str:
    """The REFI-QDA GUID of a peerval code id."""
    return str(uuid.uuid5(CODE_NAMESPACE, f"code:{code_id}"))


def slug(name: str) -> str:
    """A lower-case identifier made from a name."""
    text = re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")
    return text or "code"


def code_id_for(guid: str, name: str, known: Iterable[str], taken: set[str]) -> str:
    """The peerval id for a code read from a file: a known id whose GUID matches, else the
    name as an identifier, made unique against ``taken``."""
    guid = guid.strip("{}").lower()
    candidates = [*known, slug(name)]
    for candidate in candidates:
        if code_guid(candidate) == guid and candidate not in taken:
            return candidate
    base, number, code_id = slug(name), 1, slug(name)
    while code_id in taken:
        number += 1
        code_id = f"{base}_{number}"
    return code_id


def join_description(description: str, inclusion: str, exclusion: str) -> str:
    """One description text carrying the inclusion and exclusion notes."""
    text = description
    if inclusion:
        text += _INCLUDE + inclusion
    if exclusion:
        text += _EXCLUDE + exclusion
    return text.lstrip("\n") if not description else text


def split_description(text: str) -> tuple[str, str, str]:
    """The description, inclusion notes and exclusion notes from one description text."""
    text = "\n\n" + text
    exclusion = inclusion = ""
    if _EXCLUDE in text:
        text, exclusion = text.rsplit(_EXCLUDE, 1)
    if _INCLUDE in text:
        text, inclusion = text.rsplit(_INCLUDE, 1)
    return text[2:], inclusion, exclusion


def codes_to_xml(
    parent: etree._Element,
    codebook: HierarchicalCodebook,
    namespace: str,
    notes: dict[str, list[str]],
) -> None:
    """Add ``<Code>`` elements (nested as the tree is) under ``parent``; ``notes`` maps a
    code id to the GUIDs of its notes (projects only)."""

    def add(under: etree._Element, code: HierarchicalCode) -> None:
        element = etree.SubElement(under, f"{{{namespace}}}Code")
        element.set("guid", code_guid(code.id))
        element.set("name", code.name)
        element.set("isCodable", "true" if code.codable else "false")
        if code.colour:
            element.set("color", code.colour)
        description = join_description(code.description, code.inclusion, code.exclusion)
        if description:
            etree.SubElement(element, f"{{{namespace}}}Description").text = description
        for note_guid in notes.get(code.id, []):
            etree.SubElement(element, f"{{{namespace}}}NoteRef").set("targetGUID", note_guid)
        for child in codebook.children(code.id):
            add(element, child)

    for root in codebook.roots():
        add(parent, root)


def xml_to_codes(
    codes_element: etree._Element, namespace: str, known: Iterable[str] = ()
) -> tuple[HierarchicalCodebook, dict[str, str]]:
    """The codebook under a ``<Codes>`` element and a map from each code's GUID to its id."""
    known = list(known)
    found: list[HierarchicalCode] = []
    ids: dict[str, str] = {}

    def read(element: etree._Element, parent_id: str | None) -> None:
        guid = element.get("guid", "")
        name = element.get("name", "")
        code_id = code_id_for(guid, name, known, set(ids.values()))
        ids[guid.strip("{}").lower()] = code_id
        description = element.findtext(f"{{{namespace}}}Description") or ""
        text, inclusion, exclusion = split_description(description)
        found.append(
            HierarchicalCode(
                code_id,
                name,
                text,
                inclusion,
                exclusion,
                parent_id,
                element.get("color"),
                element.get("isCodable") in ("true", "1"),
            )
        )
        for child in element.findall(f"{{{namespace}}}Code"):
            read(child, code_id)

    for element in codes_element.findall(f"{{{namespace}}}Code"):
        read(element, None)
    return HierarchicalCodebook(tuple(found)), ids
