"""Find instruments: the built-in ones, the user's folder, and folders named in the environment.

Search order (a later folder's instrument replaces an earlier one with the same id and
version, so a user can patch a built-in one):

1. ``peerval/instruments/builtin/*.yaml`` shipped with the package;
2. ``$PEERVAL_HOME/instruments/*.yaml`` (the user's data folder);
3. each folder in ``$PEERVAL_INSTRUMENT_PATH`` (separated like ``PATH``).

Licensed wording packs installed in ``$PEERVAL_HOME/wording/`` are applied on lookup.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from peerval.errors import InstrumentNotFound

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

    def _load(self) -> dict[str, dict[str, tuple[Instrument, Path]]]:
        if self._by_id is None:
            found: dict[str, dict[str, tuple[Instrument, Path]]] = {}
            for folder in self.folders:
                if not folder.is_dir():
                    continue
                for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
                    instrument = load_instrument(path)
                    found.setdefault(instrument.id, {})[instrument.version] = (instrument, path)
            self._by_id = found
        return self._by_id

    def ids(self) -> list[str]:
        """Registered instrument ids, sorted."""
        return sorted(self._load())

    def versions(self, instrument_id: str) -> list[str]:
        """The versions registered for an id, oldest first (by string order)."""
        return sorted(self._load().get(instrument_id, {}))

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

    def all(self) -> list[Instrument]:
        """The latest version of every registered instrument."""
        return [self.get(i) for i in self.ids()]

    def _entry(self, instrument_id: str, version: str | None) -> tuple[Instrument, Path]:
        versions = self._load().get(instrument_id)
        if not versions:
            known = ", ".join(self.ids()) or "none"
            raise InstrumentNotFound(f"no instrument {instrument_id!r} (known: {known})")
        if version is None:
            version = sorted(versions)[-1]
        if version not in versions:
            raise InstrumentNotFound(
                f"instrument {instrument_id!r} has no version {version!r} "
                f"(known: {', '.join(sorted(versions))})"
            )
        return versions[version]


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
