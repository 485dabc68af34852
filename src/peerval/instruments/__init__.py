"""Instruments as data: the schema, the registry and licensed wording packs."""

from .loader import load_instrument, parse_instrument
from .registry import BUILTIN_DIR, Registry, default_registry, get_instrument
from .schema import CODED_TYPES, ITEM_TYPES, Instrument, Item, Licence, Option, Scale, ScaleItem
from .wording import WordingPack, apply_pack, install_pack, load_pack, publish_problem

__all__ = [
    "BUILTIN_DIR",
    "CODED_TYPES",
    "ITEM_TYPES",
    "Instrument",
    "Item",
    "Licence",
    "Option",
    "Registry",
    "Scale",
    "ScaleItem",
    "WordingPack",
    "apply_pack",
    "default_registry",
    "get_instrument",
    "install_pack",
    "load_instrument",
    "load_pack",
    "parse_instrument",
    "publish_problem",
]
