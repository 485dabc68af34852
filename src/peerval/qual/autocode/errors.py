"""What automatic coding raises: each is a :class:`~peerval.errors.PeervalError` subclass.

::

    PeervalError
    ├── AutocodeError                 automatic coding cannot run as asked
    │   └── BackendUnavailable        a backend needs a package or model that is missing
    └── DataError
        └── ModelFileError            a saved model cannot be used (corrupt, other version)
"""

from __future__ import annotations

from peerval.errors import DataError, PeervalError

__all__ = ["AutocodeError", "BackendUnavailable", "ModelFileError"]


class AutocodeError(PeervalError):
    """Automatic coding cannot run as asked (an unknown backend, an invalid option)."""


class BackendUnavailable(AutocodeError):
    """A backend needs an optional package or a local model that is not installed."""


class ModelFileError(DataError):
    """A saved model file cannot be used: not a model, damaged, or made by another version."""
