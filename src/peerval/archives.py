"""Opening ZIP-based files (.xlsx, .docx, .qdpx, autocode models) without trusting them.

A ZIP archive says, in its central directory, how large each member is once expanded. A
hostile one (a "zip bomb") declares, or really holds, members that expand to gigabytes from
a file of kilobytes. Before anything reads an archive, :func:`check_archive` compares what
the archive declares with :class:`ArchiveLimits` and refuses it, naming the file and the
member, when

* it has more members than ``max_members``;
* one member would expand to more than ``max_member_bytes``;
* all members together would expand to more than ``max_total_bytes``;
* a member larger than ``ratio_from_bytes`` is compressed more than ``max_ratio`` to one
  (small members are not held to the ratio: short XML parts compress extremely well).

The declared sizes bound what is really read: Python's :mod:`zipfile` stops expanding a member
at its declared size (and then reports a bad CRC if the member holds more), and
:meth:`SafeArchive.read` reads through a cap of its own as well.

Every limit has a default that fits a real Trust's files, and can be changed for one call by
passing :class:`ArchiveLimits`, or for every call by an environment variable read when the
archive is opened (see :data:`ENVIRONMENT`). A bad value in one of them is an
:class:`ArchiveSettingError` naming the variable.

>>> ArchiveLimits().max_total_bytes // 2**20
512
>>> ArchiveLimits.from_environment({"PEERVAL_ARCHIVE_MAX_RATIO": "50"}).max_ratio
50.0
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType

from peerval.errors import DataError, Location, PeervalError

__all__ = [
    "ENVIRONMENT",
    "ArchiveLimits",
    "ArchiveSettingError",
    "SafeArchive",
    "check_archive",
    "open_archive",
]

_MIB = 2**20


class ArchiveSettingError(PeervalError):
    """An environment variable that sets an archive limit holds an unusable value."""


@dataclass(frozen=True)
class ArchiveLimits:
    """How much a ZIP-based file may hold before it is refused unread."""

    #: all members together, expanded
    max_total_bytes: int = 512 * _MIB
    #: any one member, expanded
    max_member_bytes: int = 256 * _MIB
    #: expanded size over compressed size, for members larger than ``ratio_from_bytes``
    max_ratio: float = 200.0
    #: members up to this size (expanded) are not held to ``max_ratio``
    ratio_from_bytes: int = 10 * _MIB
    #: entries in the archive's directory
    max_members: int = 10_000

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ArchiveLimits:
        """The defaults, with any set in the environment (``os.environ`` unless given)."""
        environ = os.environ if environ is None else environ
        changes: dict[str, int | float] = {}
        for variable, name in ENVIRONMENT.items():
            text = environ.get(variable)
            if text is None or not text.strip():
                continue
            changes[name] = _setting(variable, text, float if name == "max_ratio" else int)
        return replace(cls(), **changes)  # type: ignore[arg-type]


#: the environment variable for each limit
ENVIRONMENT: dict[str, str] = {
    "PEERVAL_ARCHIVE_MAX_BYTES": "max_total_bytes",
    "PEERVAL_ARCHIVE_MAX_MEMBER_BYTES": "max_member_bytes",
    "PEERVAL_ARCHIVE_MAX_RATIO": "max_ratio",
    "PEERVAL_ARCHIVE_RATIO_FROM_BYTES": "ratio_from_bytes",
    "PEERVAL_ARCHIVE_MAX_MEMBERS": "max_members",
}


def _setting(variable: str, text: str, kind: type[int] | type[float]) -> int | float:
    try:
        value = kind(text.strip().replace("_", ""))
    except ValueError:
        value = None
    if value is None or not value > 0 or value == float("inf"):
        noun = "whole number" if kind is int else "number"
        raise ArchiveSettingError(
            f"environment variable {variable}={text!r} is not a usable limit: "
            f"give a positive {noun}" + (" of bytes" if variable.endswith("BYTES") else "")
        )
    return value


def _size(count: int) -> str:
    if count >= _MIB:
        return f"{count / _MIB:,.1f} MiB"
    return f"{count:,} bytes"


def _variable(name: str) -> str:
    return next(v for v, n in ENVIRONMENT.items() if n == name)


def _check(
    archive: zipfile.ZipFile, limits: ArchiveLimits, file: str, error: type[DataError]
) -> None:
    where = Location(file=file)
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise error(
            f"the archive has {len(members):,} members, more than the limit of "
            f"{limits.max_members:,} ({_variable('max_members')}); it is not read",
            where,
        )
    total = 0
    for info in members:
        name = info.filename
        if info.file_size > limits.max_member_bytes:
            raise error(
                f"member {name!r} would expand to {_size(info.file_size)}, more than the limit "
                f"of {_size(limits.max_member_bytes)} ({_variable('max_member_bytes')}); "
                "the file is not read",
                where,
            )
        if info.file_size > limits.ratio_from_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise error(
                    f"member {name!r} would expand {ratio:,.0f} times (from "
                    f"{_size(info.compress_size)} to {_size(info.file_size)}), more than the "
                    f"limit of {limits.max_ratio:g} ({_variable('max_ratio')}); "
                    "the file looks like a zip bomb and is not read",
                    where,
                )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise error(
                f"the archive would expand to more than {_size(limits.max_total_bytes)} "
                f"({_variable('max_total_bytes')}), passing the limit at member {name!r}; "
                "the file is not read",
                where,
            )


class SafeArchive:
    """An archive that has passed the limits; members are read whole, through a cap."""

    def __init__(
        self, archive: zipfile.ZipFile, limits: ArchiveLimits, file: str, error: type[DataError]
    ) -> None:
        self.zip = archive
        self.limits = limits
        self.file = file
        self.error = error

    def namelist(self) -> list[str]:
        """The members' names, in the archive's order."""
        return self.zip.namelist()

    def read(self, name: str) -> bytes:
        """One member's bytes; ``KeyError`` when there is no such member.

        A member that cannot be expanded (damaged, encrypted, holding more than it declares)
        raises the archive's error naming the file and the member.
        """
        info = self.zip.getinfo(name)
        cap = min(info.file_size, self.limits.max_member_bytes)
        try:
            with self.zip.open(info) as stream:
                data = stream.read(cap + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            RuntimeError,  # an encrypted member
            NotImplementedError,  # a compression method Python cannot expand
        ) as exc:
            raise self.error(
                f"member {name!r} cannot be read ({exc})", Location(file=self.file)
            ) from None
        if len(data) > cap:
            raise self.error(
                f"member {name!r} holds more than the {_size(cap)} it declares; "
                "the file is not read",
                Location(file=self.file),
            )
        return data

    def close(self) -> None:
        """Close the underlying file."""
        self.zip.close()

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_archive(
    path: str | Path,
    *,
    limits: ArchiveLimits | None = None,
    error: type[DataError] = DataError,
    what: str = "zip",
) -> SafeArchive:
    """Open a ZIP-based file for reading, refusing it with ``error`` if it passes a limit.

    ``limits`` defaults to :meth:`ArchiveLimits.from_environment`; ``what`` names the kind
    of file in the message given when it is not a ZIP archive at all.
    """
    file = str(path)
    limits = ArchiveLimits.from_environment() if limits is None else limits
    try:
        archive = zipfile.ZipFile(path)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        OverflowError,
        NotImplementedError,  # a damaged directory asking for a ZIP version Python lacks
    ) as exc:
        raise error(f"not a {what} file: {exc}", Location(file=file)) from None
    except IsADirectoryError:
        raise error("is a folder, not a file", Location(file=file)) from None
    except FileNotFoundError:
        raise error("file not found", Location(file=file)) from None
    except OSError as exc:
        raise error(f"cannot read the file ({exc.strerror})", Location(file=file)) from None
    try:
        _check(archive, limits, file, error)
    except BaseException:
        archive.close()
        raise
    return SafeArchive(archive, limits, file, error)


def check_archive(
    path: str | Path,
    *,
    limits: ArchiveLimits | None = None,
    error: type[DataError] = DataError,
    what: str = "zip",
) -> None:
    """Check a ZIP-based file against the limits before another library opens it."""
    open_archive(path, limits=limits, error=error, what=what).close()
