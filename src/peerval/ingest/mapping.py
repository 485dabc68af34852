"""Column mappings: how a spreadsheet's columns and answer labels become item ids and codes.

A mapping file (YAML)::

    instrument: staff-psw-survey     # optional; must agree with the instrument imported
    preset: msforms                  # optional: start from a preset (see PRESETS)
    wave: "2026"                     # the wave every row belongs to (or wave_column)
    respondent_group: staff          # default: the instrument's group
    response_id: Response number     # the column holding response ids (default: row numbers)
    columns:                         # source column -> item id, optionally with labels
      "PSWs are valued": valued_member
      "Role": {item: profession, labels: {"Nurse (RMN)": 1, "HCA": 2}}
    attributes:                      # source column -> respondent attribute (not an item)
      Team: team
    ignore: [Start time, Completion time]
    multi_separator: ";"             # how multiple-choice answers are joined in a cell

Columns not named in ``columns`` are matched to an item when the header is the item id or
the item's text (case and spacing ignored). Every other column must be ignored explicitly.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from peerval.errors import Location, MappingError
from peerval.yamlfile import load_model

__all__ = ["PRESETS", "ColumnMap", "Mapping", "load_mapping"]

#: text that means something only when it is not blank (a column name, a wave, an id)
Name = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]


class ColumnMap(BaseModel):
    """Where one source column goes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    item: Name
    labels: dict[str, int] = Field(default_factory=dict)

    @field_validator("labels", mode="before")
    @classmethod
    def _no_true_or_false_codes(cls, value: object) -> object:
        if isinstance(value, dict):
            for label, code in value.items():
                if isinstance(code, bool):
                    raise ValueError(
                        f"label {label!r} has code {code}, not a number (YAML reads a bare "
                        "yes/no/true/false as a boolean: write the code as a number)"
                    )
        return value


class Mapping(BaseModel):
    """A validated mapping; every field is optional."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    instrument: Name | None = None
    preset: Name | None = None
    wave: Name | None = None
    wave_column: Name | None = None
    respondent_group: Literal["service_user", "staff"] | None = None
    response_id: Name | None = None
    respondent_id: Name | None = None
    columns: dict[str, ColumnMap] = Field(default_factory=dict)
    attributes: dict[str, Name] = Field(default_factory=dict)
    ignore: list[str] = Field(default_factory=list)
    multi_separator: str = Field(default=";", min_length=1)
    sheet: Name | Annotated[int, Field(ge=0)] | None = None
    file: str | None = Field(default=None, exclude=True)

    @field_validator("columns", mode="before")
    @classmethod
    def _plain_item_ids(cls, value: object) -> object:
        if isinstance(value, dict):
            return {k: ({"item": v} if isinstance(v, str) else v) for k, v in value.items()}
        return value

    @field_validator("wave", mode="before")
    @classmethod
    def _wave_as_text(cls, value: object) -> object:
        if isinstance(value, bool):  # left for the string check, which explains yes/no
            return value
        return str(value) if isinstance(value, int | float) else value

    def ignores(self, column: str) -> bool:
        """True when a column is to be skipped (shell-style patterns allowed)."""
        return any(fnmatch.fnmatchcase(column, pattern) for pattern in self.ignore)

    def using(self, preset: str | None) -> Mapping:
        """This mapping read on top of a named preset (``None`` leaves it as it is)."""
        if preset is None:
            return self
        return self.model_copy(update={"preset": preset}).with_preset()

    def with_preset(self) -> Mapping:
        """This mapping merged over its preset (the mapping's own fields win)."""
        if self.preset is None:
            return self
        base = PRESETS.get(self.preset)
        if base is None:
            raise MappingError(
                f"unknown preset {self.preset!r} (known: {', '.join(sorted(PRESETS))})",
                Location(file=self.file, field="preset"),
            )
        own = self.model_dump(exclude_unset=True)
        merged = base.model_dump(exclude_unset=True) | own
        merged["ignore"] = list(base.ignore) + list(self.ignore)
        merged["preset"] = None
        return Mapping.model_validate(merged | {"file": self.file})


#: Presets for exports from common survey tools.
PRESETS: dict[str, Mapping] = {
    # Microsoft Forms "Open in Excel": ID, times, respondent email and name, then one column
    # per question headed by its text; multiple choices joined with ";" (and one at the end).
    # Email and Name are personal data and are dropped.
    "msforms": Mapping(
        response_id="ID",
        ignore=[
            "Start time",
            "Completion time",
            "Email",
            "Name",
            "Last modified time",
            "Total points",
            "Quiz feedback",
            "Points - *",
            "Feedback - *",
        ],
        multi_separator=";",
    ),
}


def load_mapping(path: str | Path) -> Mapping:
    """Read and validate a mapping file; errors name the file, field and line."""
    mapping = load_model(path, Mapping, MappingError, "a mapping file")
    return mapping.model_copy(update={"file": str(path)}).with_preset()
