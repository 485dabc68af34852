"""Counts with nouns that agree with them, for the command line's messages.

>>> counted(1, "response"), counted(2, "response"), counted(0, "code")
('1 response', '2 responses', '0 codes')
>>> counted(1, "person", "people"), counted(3, "person", "people")
('1 person', '3 people')
"""

from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, the noun plural (``plural``, or ``noun`` + "s") unless one."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
