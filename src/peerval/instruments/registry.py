"""Find instruments: the built-in ones, the user's folder, and folders named in the environment.

Search order (a later folder's instrument replaces an earlier one with the same id and
version, so a user can patch a built-in one):

1. ``peerval/instruments/builtin/*.yaml`` shipped with the package;
2. ``$PEERVAL_HOME/instruments/*.yaml`` (the user's data folder);
3. each folder in ``$PEERVAL_INSTRUMENT_PATH`` (separated like ``PATH``).

Licensed wording packs installed in ``$PEERVAL_HOME/wording/`` are applied on lookup.
An invalid file in a user folder is skipped (``broken()`` lists why) so that one bad file
does not stop everything else; an invalid built-in file is an error.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from peerval.errors import InstrumentError, InstrumentNotFound

from . import wording
from .loader import load_instrument
from .paths import data_home
from .schema import Instrument

__all__ = ["BUILTIN_DIR", "Registry", "default_registry", "get_instrument"]

BUILTIN_DIR = Path(__file__).with_name("builtin")


@dataclass
class Registry:
    """Instruments by id, loaded from folders on first use."""

    folders: list[Path]
    wording_dir: Path | None = None
    _by_id: dict[str, dict[str, tuple[Instrument, Path]]] | None = field(default=None, repr=False)
    _broken: list[InstrumentError] = field(default_factory=list, repr=False)

    def _load(self) -> dict[str, dict[str, tuple[Instrument, Path]]]:
        if self._by_id is None:
            found: dict[str, dict[str, tuple[Instrument, Path]]] = {}
            broken: list[InstrumentError] = []
            for folder in self.folders:
                if not folder.is_dir():
                    continue
                for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
                    try:
                        instrument = load_instrument(path)
                    except InstrumentError as exc:
                        if folder == BUILTIN_DIR:
                            raise  # a broken built-in is a bug, never skipped
                        broken.append(exc)
                        continue
                    found.setdefault(instrument.id, {})[instrument.version] = (instrument, path)
            self._by_id = found
            self._broken = broken
        return self._by_id

    def broken(self) -> list[InstrumentError]:
        """Problems with instrument files that were skipped (user folders only)."""
        self._load()
        return list(self._broken)

    def ids(self) -> list[str]:
        """Registered instrument ids, sorted."""
        return sorted(self._load())

    def versions(self, instrument_id: str) -> list[str]:
        """The versions registered for an id, oldest first ("1.9" before "1.10")."""
        return sorted(self._load().get(instrument_id, {}), key=version_key)

    def path(self, instrument_id: str, version: str | None = None) -> Path:
        """The file an instrument was loaded from."""
        return self._entry(instrument_id, version)[1]

    def get(self, instrument_id: str, version: str | None = None) -> Instrument:
        """The instrument (latest version unless named), with wording applied if installed."""
        instrument = self._entry(instrument_id, version)[0]
        if instrument.needs_wording_pack and self.wording_dir is not None:
            pack = wording.find_pack(self.wording_dir, instrument)
            if pack is not None:
                instrument = wording.apply_pack(instrument, pack)
        return instrument

    def install_wording(self, pack_file: str | Path) -> tuple[Instrument, Path]:
        """Check a licensed wording pack against its instrument and install it for this user."""
        pack = wording.load_pack(pack_file)
        instrument = self.get(pack.instrument)
        target_dir = self.wording_dir or data_home() / "wording"
        return instrument, wording.install_pack(pack_file, instrument, target_dir)

    def all(self) -> list[Instrument]:
        """The latest version of every registered instrument."""
        return [self.get(i) for i in self.ids()]

    def _entry(self, instrument_id: str, version: str | None) -> tuple[Instrument, Path]:
        versions = self._load().get(instrument_id)
        if not versions:
            known = ", ".join(self.ids()) or "none"
            skipped = ""
            if self._broken:
                skipped = (
                    f"; {len(self._broken)} file(s) skipped as invalid, first: {self._broken[0]}"
                )
            raise InstrumentNotFound(f"no instrument {instrument_id!r} (known: {known}){skipped}")
        if version is None:
            version = max(versions, key=version_key)
        if version not in versions:
            raise InstrumentNotFound(
                f"instrument {instrument_id!r} has no version {version!r} "
                f"(known: {', '.join(self.versions(instrument_id))})"
            )
        return versions[version]


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Order versions by their numeric parts: 1.9 < 1.10 < 2026.1; text parts after numbers."""
    parts = re.findall(r"\d+|[^\d.\-_]+", version)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def default_registry() -> Registry:
    """The registry for this user: built-ins, the data folder and ``$PEERVAL_INSTRUMENT_PATH``."""
    home = data_home()
    folders = [BUILTIN_DIR, home / "instruments"]
    extra = os.environ.get("PEERVAL_INSTRUMENT_PATH", "")
    folders += [Path(p) for p in extra.split(os.pathsep) if p]
    return Registry(folders=folders, wording_dir=home / "wording")


def get_instrument(instrument_id: str, version: str | None = None) -> Instrument:
    """Look an instrument up in the default registry."""
    return default_registry().get(instrument_id, version)
