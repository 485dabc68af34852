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
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from peerval.errors import Location, PeervalError
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
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".autocode-", dir=path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
            for name, data in members.items():
                archive.writestr(name, data)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


def read_manifest(path: str | Path) -> dict[str, Any]:
    """The manifest of a model file, checked to be of this format (version not checked)."""
    path = Path(path)
    with _open(path) as archive:
        return _manifest(archive, path)


def load_model(path: str | Path) -> AutocodeModel:
    """Read a model saved by :func:`save_model` with this version of peerval."""
    path = Path(path)
    with _open(path) as archive:
        manifest = _manifest(archive, path)
        made_by = manifest.get("peerval_version")
        if made_by != __version__:
            raise ModelFileError(
                f"this model was made by peerval {made_by} and cannot be used by peerval "
                f"{__version__}; train it again with this version (peerval autocode train)",
                Location(file=str(path)),
            )
        members = {name: _member(archive, path, name, digest)
                   for name, digest in manifest.get("members", {}).items()}  # fmt: skip
    try:
        model = _build(manifest, members)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise _damaged(path, f"its contents do not fit together ({exc})") from None
    except PeervalError as exc:  # from a block or the training data
        raise _damaged(path, exc.message) from None
    if model.data_hash != manifest.get("data_hash"):
        raise _damaged(path, "its training data do not match the recorded data hash")
    return model


def _build(manifest: dict[str, Any], members: dict[str, bytes]) -> AutocodeModel:
    body = json.loads(members["model.json"].decode("utf-8"))
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


def _open(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise ModelFileError("no model file here", Location(file=str(path)))
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ModelFileError(
            "not a peerval autocode model (not a zip archive, or a damaged one)",
            Location(file=str(path)),
        ) from None


def _manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read("manifest.json").decode("utf-8"))
    except KeyError:
        raise ModelFileError(
            "not a peerval autocode model (no manifest.json)", Location(file=str(path))
        ) from None
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _damaged(path, f"its manifest cannot be read ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ModelFileError("not a peerval autocode model", Location(file=str(path)))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ModelFileError(
            f"model file format {manifest.get('format_version')} is not the format this "
            f"peerval reads ({FORMAT_VERSION}); train it again with this version",
            Location(file=str(path)),
        )
    return manifest


def _member(archive: zipfile.ZipFile, path: Path, name: str, digest: str) -> bytes:
    try:
        data = archive.read(name)
    except KeyError:
        raise _damaged(path, f"{name} is missing") from None
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise _damaged(path, f"{name} cannot be read ({exc})") from None
    if hashlib.sha256(data).hexdigest() != digest:
        raise _damaged(path, f"{name} does not match its SHA-256")
    return data


def _damaged(path: Path, why: str) -> ModelFileError:
    return ModelFileError(f"the model file is damaged: {why}", Location(file=str(path)))


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()
