"""Machine suggestions for a project: a model trained on the project's own coding suggests
codes for the answers nobody has coded yet; people accept or reject each one beside the
text.

The model is peerval's default automatic coder (scikit-learn only, trained in seconds on
a laptop, nothing sent anywhere): each code a person has applied to at least
:data:`MIN_EXAMPLES` answers, and not applied to at least as many coded answers, is learnt
from the coded answers; each suggestion is a whole answer with the model's confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerval.errors import DataError

from ..models import Project
from . import store

__all__ = ["MIN_EXAMPLES", "NotEnoughCoding", "Readiness", "readiness", "suggest_codes"]

#: answers with a code, and coded answers without it, needed before it is learnt
MIN_EXAMPLES = 3


class NotEnoughCoding(DataError):
    """Too little coding to learn from."""


@dataclass(frozen=True)
class Readiness:
    """What a model would learn from now."""

    coded_documents: int
    learnable: tuple[str, ...]  # code ids with enough examples either way
    uncoded_documents: int


def readiness(project: Project) -> Readiness:
    training = store.training_codings(project)
    coded = set(training["document_id"])
    learnable = tuple(
        code
        for code, n in training["code_id"].value_counts().sort_index().items()
        if n >= MIN_EXAMPLES and len(coded) - n >= MIN_EXAMPLES
    )
    return Readiness(len(coded), learnable, project.documents.count() - len(coded))


def suggest_codes(project: Project) -> int:
    """Train on the project's coded answers and suggest codes for the uncoded ones; how many
    suggestions were added. NotEnoughCoding when no code has enough examples; the core
    refuses (PeervalError) in a project whose suggestions are off."""
    ready = readiness(project)
    if not ready.learnable:
        raise NotEnoughCoding(
            f"code at least {MIN_EXAMPLES} answers with a code, and {MIN_EXAMPLES} coded "
            "answers without it, before asking for suggestions"
        )
    model_name, found = store.model_suggestions(project, ready.learnable)
    if not found:
        return 0
    return store.add_suggestions(project, found, model=model_name)
