"""Hypothesis strategies that damage a valid file: truncation, flipped bits, spliced bytes."""

from __future__ import annotations

from hypothesis import strategies as st


@st.composite
def damaged(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` truncated, with bits flipped, or with random bytes spliced in."""
    data = bytearray(original)
    how = draw(st.sampled_from(["truncate", "flip", "splice", "all"]))
    if how in ("flip", "all"):
        for at in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=12)):
            data[at] ^= 1 << draw(st.integers(0, 7))
    if how in ("splice", "all"):
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(min_size=1, max_size=64))
    if how in ("truncate", "all"):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)
