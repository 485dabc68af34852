"""The surveys app's tables."""

from .evaluation import CareGroup, Collection, Evaluation, Invitation, Wave
from .response import IdempotencyRecord, Response

__all__ = [
    "CareGroup",
    "Collection",
    "Evaluation",
    "IdempotencyRecord",
    "Invitation",
    "Response",
    "Wave",
]
