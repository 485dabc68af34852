"""Reading the parts of a .qdpx in tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

NS = {"q": "urn:QDA-XML:project:1.0"}


def qde(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def rewrite(path: Path, out: Path, replace: dict[str, bytes | None]) -> Path:
    """Copy a zip, replacing members (None drops one)."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if name in replace:
                if replace[name] is not None:
                    target.writestr(name, replace[name])
            else:
                target.writestr(name, source.read(name))
        for name, data in replace.items():
            if name not in source.namelist() and data is not None:
                target.writestr(name, data)
    return out
