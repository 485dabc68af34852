"""The version of peerval, in a module of its own so that any module can name it without
importing the package's public API (and with it most of peerval)."""

__version__ = "0.1.0"
