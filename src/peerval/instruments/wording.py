"""Licensed wording packs: item text for instruments whose wording is copyright.

peerval ships the structure and scoring of licensed instruments (INSPIRE, Brief INSPIRE)
but never their wording. A licensed user installs a pack, a small YAML file::

    instrument: inspire            # the instrument id
    versions: ["1.0"]              # optional: the versions it fits (default: any)
    licensee: Example NHS Trust    # optional, shown beside the instrument
    items:                         # text for every item, keyed by item id
      s01_important: "..."
    option_sets:                   # optional: labels for the answer options, by code
      rating04: {0: "...", 4: "..."}

Without a pack, analysis and import work (they need only codes); forms that show
item text refuse to publish the instrument and say why.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from peerval.errors import Location, WordingPackError
from peerval.yamlfile import load_model

from .schema import Instrument, Option

__all__ = ["WordingPack", "apply_pack", "find_pack", "install_pack", "load_pack", "publish_problem"]


class WordingPack(BaseModel):
    """A validated wording pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    instrument: str
    versions: list[str] | None = None
    licensee: str | None = None
    items: dict[str, str] = Field(min_length=1)
    option_sets: dict[str, dict[int, str]] = Field(default_factory=dict)

    def fits(self, instrument: Instrument) -> bool:
        """True when the pack is for this instrument and version."""
        return self.instrument == instrument.id and (
            self.versions is None or instrument.version in self.versions
        )


def load_pack(path: str | Path) -> WordingPack:
    """Read and validate a wording pack file (structure only)."""
    return load_model(path, WordingPack, WordingPackError, "a wording pack")


def check_pack(pack: WordingPack, instrument: Instrument, file: str | None = None) -> None:
    """Raise unless the pack gives text for exactly the instrument's items."""
    where = Location(file=file)
    if not instrument.needs_wording_pack:
        raise WordingPackError(
            f"instrument {instrument.id!r} ships its own wording and takes no pack", where
        )
    if not pack.fits(instrument):
        raise WordingPackError(
            f"the pack is for {pack.instrument!r} versions {pack.versions}, "
            f"not {instrument.id!r} version {instrument.version!r}",
            where,
        )
    ids = {item.id for item in instrument.items}
    unknown = sorted(set(pack.items) - ids)
    if unknown:
        raise WordingPackError(f"unknown item ids: {', '.join(unknown)}", where)
    missing = [item.id for item in instrument.items if not pack.items.get(item.id, "").strip()]
    if missing:
        raise WordingPackError(f"no text for items: {', '.join(missing)}", where)
    for set_id, labels in pack.option_sets.items():
        if set_id not in instrument.option_sets:
            raise WordingPackError(f"unknown option set {set_id!r}", where)
        codes = {o.code for o in instrument.option_sets[set_id]}
        extra = sorted(set(labels) - codes)
        if extra:
            raise WordingPackError(f"option set {set_id!r} has no codes {extra}", where)


def apply_pack(instrument: Instrument, pack: WordingPack) -> Instrument:
    """A copy of the instrument with the pack's wording in place."""
    items = [item.model_copy(update={"text": pack.items.get(item.id)}) for item in instrument.items]
    option_sets: dict[str, list[Option]] = {}
    for set_id, options in instrument.option_sets.items():
        labels = pack.option_sets.get(set_id, {})
        option_sets[set_id] = [
            o.model_copy(update={"label": labels[o.code]}) if o.code in labels else o
            for o in options
        ]
    return instrument.model_copy(update={"items": items, "option_sets": option_sets})


def pack_path(wording_dir: Path, instrument_id: str) -> Path:
    return wording_dir / f"{instrument_id}.yaml"


def find_pack(wording_dir: Path, instrument: Instrument) -> WordingPack | None:
    """The installed pack for this instrument, if one is installed and fits its version."""
    path = pack_path(wording_dir, instrument.id)
    if not path.is_file():
        return None
    pack = load_pack(path)
    return pack if pack.fits(instrument) else None


def install_pack(path: str | Path, instrument: Instrument, wording_dir: Path) -> Path:
    """Check a pack against its instrument and copy it into the wording folder."""
    pack = load_pack(path)
    check_pack(pack, instrument, file=str(path))
    wording_dir.mkdir(parents=True, exist_ok=True)
    target = pack_path(wording_dir, instrument.id)
    # copied beside the target, then renamed over it: a server reading the folder meanwhile
    # sees the old pack or the new one, never half of one
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        shutil.copyfile(path, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def publish_problem(instrument: Instrument) -> str | None:
    """Why the instrument cannot be shown to respondents, or ``None`` if it can."""
    if instrument.has_wording:
        return None
    return (
        f"{instrument.title} is a licensed instrument and its wording is not installed. "
        f"Install your licensed wording pack with "
        f"'peerval instruments install-wording FILE' to publish it."
    )
