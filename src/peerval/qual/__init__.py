"""Qualitative analysis: codebooks, codings and themes."""

from .codebook import Code, Codebook, Theme

__all__ = ["Code", "Codebook", "Theme"]
