"""What changed between two codebook versions, so a later wave can recode with an evolved one.

Codes are matched by id: a code whose id is kept but whose name changes is *renamed*, not
removed and added.

>>> from peerval.qual.hierarchy import HierarchicalCode as C, HierarchicalCodebook as B
>>> old = B((C("a", "Time"), C("b", "Hope")))
>>> new = B((C("a", "Time with the PSW"), C("c", "Role"), C("b", "Hope", parent_id="c")))
>>> diff_codebooks(old, new).summary(new)
['added c (Role)', 'renamed a: Time -> Time with the PSW', 'moved b: (top) -> c']
"""

from __future__ import annotations

from dataclasses import dataclass

from peerval.qual.hierarchy import HierarchicalCodebook

__all__ = ["CodebookDiff", "diff_codebooks"]

_DEFINITION_FIELDS = ("description", "inclusion", "exclusion")


@dataclass(frozen=True)
class CodebookDiff:
    """The differences from an old codebook to a new one, each list in the new one's order."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str, str], ...] = ()  # (id, old name, new name)
    moved: tuple[tuple[str, str | None, str | None], ...] = ()  # (id, old parent, new parent)
    description_changed: tuple[str, ...] = ()  # description, inclusion or exclusion notes
    other_changed: tuple[str, ...] = ()  # colour or whether the code can be applied

    @property
    def is_empty(self) -> bool:
        """True when the two codebooks are the same."""
        return not any(
            (
                self.added,
                self.removed,
                self.renamed,
                self.moved,
                self.description_changed,
                self.other_changed,
            )
        )

    def summary(self, new: HierarchicalCodebook | None = None) -> list[str]:
        """One line per change, for people."""
        lines = [f"added {i}" for i in self.added]
        if new is not None:
            lines = [f"added {i} ({new.code(i).name})" for i in self.added]
        lines += [f"removed {i}" for i in self.removed]
        lines += [f"renamed {i}: {a} -> {b}" for i, a, b in self.renamed]
        lines += [f"moved {i}: {a or '(top)'} -> {b or '(top)'}" for i, a, b in self.moved]
        lines += [f"definition changed: {i}" for i in self.description_changed]
        lines += [f"colour or codable changed: {i}" for i in self.other_changed]
        return lines


def diff_codebooks(old: HierarchicalCodebook, new: HierarchicalCodebook) -> CodebookDiff:
    """The changes that turn ``old`` into ``new``."""
    old_ids = set(old.ids)
    new_ids = set(new.ids)
    renamed, moved, described, other = [], [], [], []
    for code in new:
        if code.id not in old_ids:
            continue
        before = old.code(code.id)
        if before.name != code.name:
            renamed.append((code.id, before.name, code.name))
        if before.parent_id != code.parent_id:
            moved.append((code.id, before.parent_id, code.parent_id))
        if any(getattr(before, f) != getattr(code, f) for f in _DEFINITION_FIELDS):
            described.append(code.id)
        if (before.colour, before.codable) != (code.colour, code.codable):
            other.append(code.id)
    diff = CodebookDiff(
        added=tuple(i for i in new.ids if i not in old_ids),
        removed=tuple(i for i in old.ids if i not in new_ids),
        renamed=tuple(renamed),
        moved=tuple(moved),
        description_changed=tuple(described),
        other_changed=tuple(other),
    )
    return diff
