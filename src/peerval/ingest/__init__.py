"""Bring responses collected elsewhere into peerval: CSV and XLSX with a column mapping."""

from .mapping import PRESETS, ColumnMap, Mapping, load_mapping
from .tabular import import_table, read_table

__all__ = ["PRESETS", "ColumnMap", "Mapping", "import_table", "load_mapping", "read_table"]
