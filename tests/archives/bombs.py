"""Building hostile ZIP archives in tests: members that expand enormously, or that lie."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

MIB = 2**20


def write_zip(
    path: Path,
    members: dict[str, bytes],
    *,
    declared: dict[str, int] | None = None,
    level: int = 1,
) -> Path:
    """Write a deflated zip; ``declared`` overrides the expanded size it records per member."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    if declared:
        declare_sizes(path, declared)
    return path


def declare_sizes(path: Path, sizes: dict[str, int], crcs: dict[str, int] | None = None) -> None:
    """Rewrite the expanded sizes (and CRCs) a zip records, in both of its headers."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, at + 28)
        name = bytes(data[at + 46 : at + 46 + name_length]).decode("utf-8")
        local = struct.unpack_from("<I", data, at + 42)[0]
        if name in sizes:
            struct.pack_into("<I", data, at + 24, sizes[name])
            struct.pack_into("<I", data, local + 22, sizes[name])
        if crcs and name in crcs:
            struct.pack_into("<I", data, at + 16, crcs[name])
            struct.pack_into("<I", data, local + 14, crcs[name])
        at = data.find(b"PK\x01\x02", at + 46 + name_length + extra_length + comment_length)
    path.write_bytes(bytes(data))


def replace_members(source: Path, out: Path, replace: dict[str, bytes]) -> Path:
    """Copy a zip, replacing or adding members (deflated quickly)."""
    with (
        zipfile.ZipFile(source) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new,
    ):
        for name in old.namelist():
            new.writestr(name, replace.get(name, old.read(name)))
        for name, data in replace.items():
            if name not in old.namelist():
                new.writestr(name, data)
    return out
