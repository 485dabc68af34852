"""Saving and loading a model: one zip file of JSON and NumPy arrays, never pickle.

::

    model.peerval-autocode  (a zip archive)
    ├── manifest.json     format, peerval version, backend, codebook, thresholds,
    │                     training data hash, creation time, SHA-256 of every other member
    ├── model.json        feature settings and vocabularies, training texts
    └── arrays/*.npy      weights, intercepts, calibration, thresholds, labels, idf, embeddings

Loading checks, in order: that the file is a zip archive with a manifest of this format;
that it was made by this version of peerval; that every member matches its SHA-256; and that
the training texts and labels match the recorded data hash. Any failure is a
:class:`~peerval.qual.autocode.errors.ModelFileError` naming the file. Arrays are read with
``allow_pickle=False``, so opening a model file cannot run code. See docs/adr/0009.

The archive is checked against :class:`~peerval.archives.ArchiveLimits` before any member is
read; the JSON members are refused when nested too deep, and every manifest field is checked
to have the type it should, so a hostile or hand-edited file gives a ``ModelFileError``
naming the field.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from peerval.archives import ArchiveLimits, SafeArchive, open_archive
from peerval.errors import Location, PeervalError
from peerval.jsonfile import read_json
from peerval.version import __version__

from .coded import CodedTexts
from .errors import ModelFileError
from .features import EmbeddingBlock, Features, TfidfBlock
from .model import AutocodeModel

__all__ = ["FORMAT", "FORMAT_VERSION", "load_model", "read_manifest", "save_model"]

#: what a manifest's "format" says
FORMAT = "peerval-autocode-model"
#: the layout of the archive; a change that old code cannot read increments it
FORMAT_VERSION = 1
_ARRAYS = ("weights", "intercepts", "slope", "offset", "thresholds", "labels")


def save_model(model: AutocodeModel, path: str | Path) -> Path:
    """Write ``model`` to ``path`` (replacing it only once the new file is complete)."""
    path = Path(path)
    members: dict[str, bytes] = {}
    blocks = []
    for i, block in enumerate(model.features.blocks):
        config, arrays = block.state()
        blocks.append({**config, "arrays": {k: f"arrays/block{i}_{k}.npy" for k in arrays}})
        for key, array in arrays.items():
            members[f"arrays/block{i}_{key}.npy"] = _npy(array)
    arrays = {name: getattr(model, name) for name in _ARRAYS if name != "labels"}
    arrays["labels"] = model.training.labels
    if model.training_vectors is not None:
        arrays["training_vectors"] = model.training_vectors
    for name, array in arrays.items():
        members[f"arrays/{name}.npy"] = _npy(array)
    body = {"blocks": blocks, "texts": list(model.training.texts), "settings": model.settings}
    members["model.json"] = json.dumps(body, ensure_ascii=False).encode("utf-8")
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        **model.describe(),
        "members": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
    }
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".autocode-", dir=path.parent)
        os.close(handle)
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
            for name, data in members.items():
                archive.writestr(name, data)
        os.replace(temporary, path)
    except OSError as exc:
        raise ModelFileError(
            f"cannot write the model file ({exc.strerror or exc}); nothing was changed",
            Location(file=str(path)),
        ) from None
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
    return path


def read_manifest(path: str | Path, *, limits: ArchiveLimits | None = None) -> dict[str, Any]:
    """The manifest of a model file, checked to be of this format (version not checked)."""
    path = Path(path)
    with _open(path, limits) as archive:
        return _manifest(archive, path)


def load_model(path: str | Path, *, limits: ArchiveLimits | None = None) -> AutocodeModel:
    """Read a model saved by :func:`save_model` with this version of peerval.

    ``limits`` bound what the archive may hold (by default those of the environment).
    """
    path = Path(path)
    with _open(path, limits) as archive:
        manifest = _manifest(archive, path)
        made_by = manifest.get("peerval_version")
        if made_by != __version__:
            raise ModelFileError(
                f"this model was made by peerval {made_by} and cannot be used by peerval "
                f"{__version__}; train it again with this version (peerval autocode train)",
                Location(file=str(path)),
            )
        members = {name: _member(archive, path, name, digest)
                   for name, digest in manifest["members"].items()}  # fmt: skip
    if "model.json" not in members:
        raise _damaged(path, "its manifest does not list model.json")
    body = read_json(members["model.json"], file=f"{path} (model.json)", error=ModelFileError)
    _check_fields(body, _BODY, f"{path} (model.json)")
    for number, block in enumerate(body["blocks"]):
        _check_fields(block, _BLOCK, f"{path} (model.json)", f"blocks[{number}].")
    try:
        model = _build(manifest, body, members)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise _damaged(path, f"its contents do not fit together ({exc})") from None
    except PeervalError as exc:  # from a block or the training data
        raise _damaged(path, exc.message) from None
    if model.data_hash != manifest.get("data_hash"):
        raise _damaged(path, "its training data do not match the recorded data hash")
    return model


def _build(
    manifest: dict[str, Any], body: dict[str, Any], members: dict[str, bytes]
) -> AutocodeModel:
    arrays = {
        name[len("arrays/") : -len(".npy")]: np.load(io.BytesIO(data), allow_pickle=False)
        for name, data in members.items()
        if name.startswith("arrays/")
    }
    blocks: list[TfidfBlock | EmbeddingBlock] = []
    for config in body["blocks"]:
        own = {key: arrays[member[len("arrays/") : -len(".npy")]]
               for key, member in config["arrays"].items()}  # fmt: skip
        kind = {"tfidf": TfidfBlock, "embedding": EmbeddingBlock}[config["kind"]]
        blocks.append(kind.from_state(config, own))
    codes = tuple(manifest["codes"])
    training = CodedTexts(tuple(body["texts"]), codes, arrays["labels"])
    model = AutocodeModel(
        codes=codes,
        backend=str(manifest["backend"]),
        features=Features(tuple(blocks)),
        weights=arrays["weights"],
        intercepts=arrays["intercepts"],
        slope=arrays["slope"],
        offset=arrays["offset"],
        thresholds=arrays["thresholds"],
        training=training,
        created_at=str(manifest["created_at"]),
        peerval_version=str(manifest["peerval_version"]),
        settings=dict(body.get("settings", {})),
        training_vectors=arrays.get("training_vectors"),
    )
    k = len(codes)
    width = sum(len(b.terms) if isinstance(b, TfidfBlock) else b.dimensions for b in blocks)
    if model.weights.shape != (width, k):
        raise ValueError(f"weights have shape {model.weights.shape}, expected {(width, k)}")
    for name in ("intercepts", "slope", "offset", "thresholds"):
        if getattr(model, name).shape != (k,):
            raise ValueError(f"{name} do not have one value per code")
    if [float(t) for t in model.thresholds] != list(manifest["thresholds"]):
        raise ValueError("the thresholds differ from those in the manifest")
    return model


def _open(path: Path, limits: ArchiveLimits | None) -> SafeArchive:
    if not path.is_file():
        raise ModelFileError("no model file here", Location(file=str(path)))
    return open_archive(
        path,
        limits=limits,
        error=ModelFileError,
        what="peerval autocode model (zip)",
    )


def _is_text(value: object) -> bool:
    return isinstance(value, str)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _list_of(check: Callable[[object], bool]) -> Callable[[object], bool]:
    return lambda value: isinstance(value, list) and all(check(v) for v in value)


def _dict_of_text(value: object) -> bool:
    return isinstance(value, dict) and all(_is_text(v) for v in value.values())


# field -> (check, what it must be); every field is required
_MANIFEST: dict[str, tuple[Callable[[object], bool], str]] = {
    "peerval_version": (_is_text, "text"),
    "members": (_dict_of_text, "a mapping of member names to SHA-256 digests"),
    "codes": (_list_of(_is_text), "a list of code ids"),
    "thresholds": (_list_of(_is_number), "a list of numbers"),
    "backend": (_is_text, "text"),
    "created_at": (_is_text, "text"),
    "data_hash": (_is_text, "text"),
    "settings": (lambda v: isinstance(v, dict), "a mapping"),
}
_BODY: dict[str, tuple[Callable[[object], bool], str]] = {
    "blocks": (_list_of(lambda v: isinstance(v, dict)), "a list of mappings"),
    "texts": (_list_of(_is_text), "a list of texts"),
    "settings": (lambda v: isinstance(v, dict), "a mapping"),
}
_BLOCK: dict[str, tuple[Callable[[object], bool], str]] = {
    "kind": (lambda v: v in ("tfidf", "embedding"), "tfidf or embedding"),
    "arrays": (_dict_of_text, "a mapping of names to array members"),
}


def _check_fields(
    data: object,
    fields: dict[str, tuple[Callable[[object], bool], str]],
    file: str,
    prefix: str = "",
) -> None:
    """Raise naming the field when ``data`` lacks one of ``fields`` or has one of a wrong type."""
    if not isinstance(data, dict):
        raise ModelFileError(
            f"the model file is damaged: {prefix.rstrip('.') or 'it'} is not a mapping of fields",
            Location(file=file),
        )
    for name, (check, expected) in fields.items():
        where = Location(file=file, field=prefix + name)
        if name not in data:
            raise ModelFileError("the model file is damaged: this field is missing", where)
        if not check(data[name]):
            found = type(data[name]).__name__
            raise ModelFileError(
                f"the model file is damaged: this field must be {expected} (found {found})",
                where,
            )


def _manifest(archive: SafeArchive, path: Path) -> dict[str, Any]:
    try:
        raw = archive.read("manifest.json")
    except KeyError:
        raise ModelFileError(
            "not a peerval autocode model (no manifest.json)", Location(file=str(path))
        ) from None
    manifest = read_json(raw, file=f"{path} (manifest.json)", error=ModelFileError)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ModelFileError("not a peerval autocode model", Location(file=str(path)))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ModelFileError(
            f"model file format {manifest.get('format_version')} is not the format this "
            f"peerval reads ({FORMAT_VERSION}); train it again with this version",
            Location(file=str(path)),
        )
    _check_fields(manifest, _MANIFEST, f"{path} (manifest.json)")
    return manifest


def _member(archive: SafeArchive, path: Path, name: str, digest: str) -> bytes:
    try:
        data = archive.read(name)
    except KeyError:
        raise _damaged(path, f"{name} is missing") from None
    if hashlib.sha256(data).hexdigest() != digest:
        raise _damaged(path, f"{name} does not match its SHA-256")
    return data


def _damaged(path: Path, why: str) -> ModelFileError:
    return ModelFileError(f"the model file is damaged: {why}", Location(file=str(path)))


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()
