"""Deriving a project's analysis (codebook, codings, memos, phases) from its event log.

:class:`AnalysisState` is what the log adds up to. :func:`apply_event` applies one event
and is the only place the meaning of each event kind is defined; a log that does not
replay (a coding of a code that was never created, say) raises a
:class:`~peerval.qual.codings.CodingError` naming the event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from peerval.qual.codings import Coding, CodingError, Memo
from peerval.qual.events import Event
from peerval.qual.hierarchy import (
    CodebookError,
    CodebookVersion,
    HierarchicalCode,
    HierarchicalCodebook,
)
from peerval.qual.modes import PhaseEntry

__all__ = ["AnalysisState", "apply_event", "replay"]


@dataclass
class AnalysisState:
    """Everything the event log adds up to at one point."""

    codebook: HierarchicalCodebook = field(default_factory=HierarchicalCodebook)
    codings: dict[str, Coding] = field(default_factory=dict)
    memos: dict[str, Memo] = field(default_factory=dict)
    phases: list[PhaseEntry] = field(default_factory=list)
    suggestions_enabled: bool = False
    versions: list[CodebookVersion] = field(default_factory=list)

    def coding(self, coding_id: str) -> Coding:
        """The coding or suggestion with this id."""
        try:
            return self.codings[coding_id]
        except KeyError:
            raise CodingError(f"no coding {coding_id!r}") from None


def _code_created(state: AnalysisState, event: Event) -> None:
    code = HierarchicalCode.from_dict(event.data["code"])
    if code.id in state.codebook:
        raise CodingError(f"code {code.id!r} exists already")
    state.codebook = state.codebook.with_code(code)


def _code_renamed(state: AnalysisState, event: Event) -> None:
    state.codebook = state.codebook.changed(event.data["code_id"], name=event.data["name"])


def _code_moved(state: AnalysisState, event: Event) -> None:
    state.codebook = state.codebook.changed(
        event.data["code_id"], parent_id=event.data["parent_id"]
    )


def _code_edited(state: AnalysisState, event: Event) -> None:
    state.codebook = state.codebook.changed(event.data["code_id"], **event.data["changes"])


def _code_removed(state: AnalysisState, event: Event) -> None:
    code_id = event.data["code"]["id"]
    in_use = [c for c in state.codings.values() if c.code_id == code_id]
    if in_use:
        raise CodingError(f"code {code_id!r} is used by {len(in_use)} coding(s); remove them first")
    state.codebook = state.codebook.without(code_id)


def _coding_applied(state: AnalysisState, event: Event) -> None:
    coding = Coding.from_dict(event.data["coding"])
    if coding.id in state.codings:
        raise CodingError(f"coding {coding.id} exists already")
    state.codings[coding.id] = coding


def _coding_removed(state: AnalysisState, event: Event) -> None:
    coding = state.coding(event.data["coding"]["id"])
    if not coding.is_human:
        raise CodingError(f"{coding.id} is a machine suggestion: reject it instead")
    del state.codings[coding.id]


def _suggestion_review(status: str) -> Callable[[AnalysisState, Event], None]:
    def apply(state: AnalysisState, event: Event) -> None:
        coding = state.coding(event.data["coding_id"])
        if coding.is_human:
            raise CodingError(f"{coding.id} is a person's coding, not a suggestion")
        if status == "suggested":
            state.codings[coding.id] = coding.reviewed("suggested", None, None)
        else:
            state.codings[coding.id] = coding.reviewed(status, event.actor, event.at)

    return apply


def _memo_added(state: AnalysisState, event: Event) -> None:
    memo = Memo.from_dict(event.data["memo"])
    if memo.id in state.memos:
        raise CodingError(f"memo {memo.id} exists already")
    state.memos[memo.id] = memo


def _memo_removed(state: AnalysisState, event: Event) -> None:
    memo_id = event.data["memo"]["id"]
    if memo_id not in state.memos:
        raise CodingError(f"no memo {memo_id!r}")
    del state.memos[memo_id]


def _phase_entered(state: AnalysisState, event: Event) -> None:
    state.phases.append(PhaseEntry(event.data["phase"], event.at, event.actor))


def _suggestions_switched(state: AnalysisState, event: Event) -> None:
    state.suggestions_enabled = bool(event.data["enabled"])


def _version_saved(state: AnalysisState, event: Event) -> None:
    label = event.data["label"]
    if any(v.label == label for v in state.versions):
        raise CodingError(f"a codebook version is already called {label!r}")
    state.versions.append(CodebookVersion(label, event.at, state.codebook))


_HANDLERS: dict[str, Callable[[AnalysisState, Event], None]] = {
    "code_created": _code_created,
    "code_renamed": _code_renamed,
    "code_moved": _code_moved,
    "code_edited": _code_edited,
    "code_removed": _code_removed,
    "coding_applied": _coding_applied,
    "coding_removed": _coding_removed,
    "suggestion_added": _coding_applied,
    "suggestion_accepted": _suggestion_review("accepted"),
    "suggestion_rejected": _suggestion_review("rejected"),
    "suggestion_reopened": _suggestion_review("suggested"),
    "memo_added": _memo_added,
    "memo_removed": _memo_removed,
    "phase_entered": _phase_entered,
    "suggestions_switched": _suggestions_switched,
    "codebook_version_saved": _version_saved,
}


def apply_event(state: AnalysisState, event: Event) -> None:
    """Apply one event to ``state`` in place."""
    try:
        _HANDLERS[event.kind](state, event)
    except (CodingError, CodebookError) as exc:
        raise CodingError(f"event {event.seq} ({event.kind}): {exc.message}") from None
    except (KeyError, TypeError, ValueError) as exc:
        raise CodingError(f"event {event.seq} ({event.kind}) is malformed: {exc}") from None


def replay(events: Iterable[Event], initial: AnalysisState | None = None) -> AnalysisState:
    """The state the events add up to."""
    state = initial or AnalysisState()
    for event in events:
        apply_event(state, event)
    return state
