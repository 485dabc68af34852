"""What theme discovery raises: both are :class:`~peerval.errors.PeervalError` subclasses."""

from __future__ import annotations

from peerval.errors import DataError, PeervalError

__all__ = ["DiscoveryError", "NotEnoughTextError"]


class DiscoveryError(PeervalError):
    """Theme discovery cannot run as asked (an invalid option, ids that do not fit, no model)."""


class NotEnoughTextError(DataError):
    """Too little substantive text is left to look for themes in.

    ``n_comments`` were given, ``n_substantive`` of them said something (``n_distinct``
    different texts once repeats are merged), and discovery needs ``minimum`` distinct ones.
    """

    def __init__(
        self,
        *,
        n_comments: int,
        n_substantive: int,
        n_distinct: int,
        minimum: int,
        detail: str = "",
    ) -> None:
        self.n_comments = n_comments
        self.n_substantive = n_substantive
        self.n_distinct = n_distinct
        self.minimum = minimum
        dropped = n_comments - n_substantive
        message = (
            f"too little text to look for themes: {n_substantive} of {n_comments} comments "
            f"remained after dropping {dropped} non-answer{'s' if dropped != 1 else ''} "
            f"({n_distinct} different once repeats were merged); at least {minimum} different "
            "substantive comments are needed"
        )
        if detail:
            message += f" ({detail})"
        super().__init__(message)
