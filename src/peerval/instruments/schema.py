"""The instrument model: what an instrument YAML file may say, checked by pydantic.

An instrument is data, never code. Forms, validation, scoring, exports and
codebooks are all generated from one :class:`Instrument`. A file looks like::

    id: fft
    version: "2026.1"
    title: NHS Friends and Family Test
    respondent_group: any
    licence: {name: Open Government Licence v3.0, wording: included}
    option_sets:
      fft6:
        - {code: 1, label: Very good}
    items:
      - {id: fft_rating, type: single_choice, options: fft6, required: true, text: ...}
    scales: []

See ``docs/instruments.md`` for every field.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    field_validator,
    model_validator,
)

from peerval.errors import InstrumentError

__all__ = [
    "CODED_TYPES",
    "ITEM_TYPES",
    "Instrument",
    "Item",
    "Licence",
    "Option",
    "Scale",
    "ScaleItem",
    "ShowIf",
]

ItemType = Literal[
    "likert", "single_choice", "multi_choice", "yes_no", "number", "free_text", "date"
]
ITEM_TYPES: tuple[str, ...] = (
    "likert",
    "single_choice",
    "multi_choice",
    "yes_no",
    "number",
    "free_text",
    "date",
)
#: item types whose answers are numeric option codes
CODED_TYPES = frozenset({"likert", "single_choice", "multi_choice", "yes_no"})
#: the options a yes/no item has unless it declares its own
YES_NO_OPTIONS = ({"code": 1, "label": "Yes"}, {"code": 0, "label": "No"})

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
RespondentGroup = Literal["service_user", "staff", "any"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Option(_Strict):
    """One answer option: a numeric code stored in the data and the label shown."""

    code: StrictInt
    label: str = Field(min_length=1)
    #: answers with this code count as missing for scoring ("Don't know", "Not applicable")
    missing: bool = False


class ShowIf(_Strict):
    """Show an item only when another item's answer is one of some codes."""

    item: Identifier
    in_: list[int] = Field(alias="in", min_length=1)


class Licence(_Strict):
    """Who may use the instrument, and whether its wording ships with peerval."""

    name: str
    url: str | None = None
    #: ``included``: item text is in the file; ``pack``: the wording is copyright and
    #: comes from a licensed wording pack installed by the user.
    wording: Literal["included", "pack"] = "included"


class Item(_Strict):
    """One question. The type decides how it is asked, stored, validated and scored."""

    id: Identifier
    type: ItemType
    text: str | None = None
    help: str | None = None
    section: str | None = None
    #: a list of options, or the name of one of the instrument's ``option_sets``
    options: list[Option] | str | None = None
    required: bool = False
    reverse: bool = False
    show_if: ShowIf | None = None
    #: the answer describes the respondent (profession, care group) and is kept as an attribute
    attribute: Identifier | None = None
    #: a grouping used in analysis, such as a CHIME domain
    domain: str | None = None
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _check_type_fields(self) -> Item:
        if self.type in ("likert", "single_choice", "multi_choice") and self.options is None:
            raise ValueError(f"a {self.type} item needs options")
        if self.type in ("number", "free_text", "date") and self.options is not None:
            raise ValueError(f"a {self.type} item cannot have options")
        if self.reverse and self.type not in ("likert", "single_choice", "number"):
            raise ValueError(f"a {self.type} item cannot be reverse-keyed")
        if (self.min is not None or self.max is not None) and self.type != "number":
            raise ValueError("min and max apply to number items only")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is greater than max")
        return self


class ScaleItem(_Strict):
    """An item in a scale; with a gate, it counts only when the gate item has a gate code."""

    item: Identifier
    gate: Identifier | None = None


class Scale(_Strict):
    """A scoring rule: ``score = (aggregate of answered items + offset) * multiplier``.

    ``method`` is ``mean`` or ``sum``. A ``sum`` scale with fewer than all items answered
    (but at least ``min_answered``) is prorated: mean x number of items.
    """

    id: Identifier
    title: str
    description: str | None = None
    items: list[ScaleItem] = Field(min_length=1)
    method: Literal["mean", "sum"] = "mean"
    offset: float = 0.0
    multiplier: float = 1.0
    #: fewest items (among those gated in) that must be answered; default: all of them
    min_answered: int | None = Field(default=None, ge=1)
    #: gate answers that let an item count (default: 1, "yes")
    gate_codes: list[int] = Field(default_factory=lambda: [1], min_length=1)
    #: the rule has been checked against the instrument's official scoring instructions
    verified: bool = False
    source: str | None = None

    @field_validator("items", mode="before")
    @classmethod
    def _items_may_be_plain_ids(cls, value: object) -> object:
        if isinstance(value, list):
            return [{"item": v} if isinstance(v, str) else v for v in value]
        return value


class Instrument(_Strict):
    """A versioned, validated instrument definition."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)]
    version: str = Field(min_length=1)
    title: str = Field(min_length=1)
    description: str | None = None
    respondent_group: RespondentGroup
    licence: Licence
    citation: str | None = None
    option_sets: dict[Identifier, list[Option]] = Field(default_factory=dict)
    items: list[Item] = Field(min_length=1)
    scales: list[Scale] = Field(default_factory=list)

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, value: object) -> object:
        if isinstance(value, float):
            raise ValueError(
                f'write the version in quotes (version: "{value}"): YAML reads an unquoted '
                "number, and drops trailing zeros such as the one in 1.10"
            )
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _check_references(self) -> Instrument:
        ids = [item.id for item in self.items]
        seen: set[str] = set()
        for index, item_id in enumerate(ids):
            if item_id in seen:
                raise ValueError(f"items[{index}]: duplicate item id {item_id!r}")
            seen.add(item_id)
        by_id = {item.id: item for item in self.items}
        for index, item in enumerate(self.items):
            where = f"items[{index}] ({item.id})"
            if isinstance(item.options, str) and item.options not in self.option_sets:
                raise ValueError(f"{where}: unknown option set {item.options!r}")
            options = self.options_for(item)
            codes = [o.code for o in options]
            if len(set(codes)) != len(codes):
                raise ValueError(f"{where}: option codes are not unique")
            if self.licence.wording == "pack" and item.text:
                raise ValueError(
                    f"{where}: the licence says the wording comes from a wording pack, "
                    "so the item must not carry text"
                )
            if self.licence.wording == "included" and not item.text:
                raise ValueError(f"{where}: item has no text")
            if item.show_if is not None:
                target = by_id.get(item.show_if.item)
                if target is None or ids.index(target.id) >= index:
                    raise ValueError(
                        f"{where}: show_if refers to {item.show_if.item!r}, "
                        "which is not an earlier item"
                    )
                if target.type in CODED_TYPES:
                    known = {o.code for o in self.options_for(target)}
                    unknown = sorted(set(item.show_if.in_) - known)
                    if unknown:
                        raise ValueError(
                            f"{where}: show_if codes {unknown} are not answers to {target.id!r}"
                        )
        for index, scale in enumerate(self.scales):
            where = f"scales[{index}] ({scale.id})"
            for entry in scale.items:
                item = by_id.get(entry.item)
                if item is None:
                    raise ValueError(f"{where}: unknown item {entry.item!r}")
                if item.type not in ("likert", "single_choice", "number", "yes_no"):
                    raise ValueError(f"{where}: a {item.type} item cannot be scored")
                if item.type == "number" and (item.min is None or item.max is None):
                    raise ValueError(f"{where}: scored number item {item.id!r} needs min and max")
                if item.type != "number" and self.value_range(item) is None:
                    raise ValueError(f"{where}: item {item.id!r} has no scorable options")
                if entry.gate is not None:
                    gate = by_id.get(entry.gate)
                    if gate is None:
                        raise ValueError(f"{where}: unknown gate item {entry.gate!r}")
                    if gate.type not in ("yes_no", "single_choice", "likert"):
                        raise ValueError(
                            f"{where}: gate {gate.id!r} must be a yes/no or choice item"
                        )
            if scale.min_answered is not None and scale.min_answered > len(scale.items):
                raise ValueError(f"{where}: min_answered is more than the number of items")
            if len({e.item for e in scale.items}) != len(scale.items):
                raise ValueError(f"{where}: an item is listed twice")
        scale_ids = [s.id for s in self.scales]
        if len(set(scale_ids)) != len(scale_ids):
            raise ValueError("scales: duplicate scale id")
        return self

    # ----------------------------------------------------------------- lookups
    def item(self, item_id: str) -> Item:
        """The item with this id (``KeyError`` if there is none)."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def options_for(self, item: Item) -> list[Option]:
        """The item's options, resolving a named option set; yes/no items get Yes=1, No=0."""
        if isinstance(item.options, str):
            return list(self.option_sets[item.options])
        if item.options is not None:
            return list(item.options)
        if item.type == "yes_no":
            return [Option(**o) for o in YES_NO_OPTIONS]
        return []

    def value_range(self, item: Item) -> tuple[float, float] | None:
        """Lowest and highest scorable value of an item (missing-codes excluded)."""
        if item.type == "number":
            if item.min is None or item.max is None:
                return None
            return (item.min, item.max)
        codes = [o.code for o in self.options_for(item) if not o.missing]
        return (min(codes), max(codes)) if codes else None

    def scale(self, scale_id: str) -> Scale:
        """The scale with this id (``KeyError`` if there is none)."""
        for scale in self.scales:
            if scale.id == scale_id:
                return scale
        raise KeyError(scale_id)

    def score_range(self, scale: Scale) -> tuple[float, float]:
        """The lowest and highest score the scale can give."""
        lows, highs = [], []
        for entry in scale.items:
            bounds = self.value_range(self.item(entry.item))
            if bounds is None:  # excluded by validation; kept for direct construction
                raise InstrumentError(f"scale {scale.id}: item {entry.item} has no value range")
            lows.append(bounds[0])
            highs.append(bounds[1])
        if scale.method == "mean":
            agg_low, agg_high = min(lows), max(highs)
        else:
            n = len(scale.items)
            agg_low, agg_high = min(lows) * n, max(highs) * n
        ends = sorted(
            (
                (agg_low + scale.offset) * scale.multiplier,
                (agg_high + scale.offset) * scale.multiplier,
            )
        )
        return (ends[0], ends[1])

    @property
    def needs_wording_pack(self) -> bool:
        """True when the item wording is licensed and must come from a wording pack."""
        return self.licence.wording == "pack"

    @property
    def has_wording(self) -> bool:
        """True when every item has text to show a respondent."""
        return all(item.text for item in self.items)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the definition (without any installed wording): the version's identity."""
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        if self.needs_wording_pack:  # wording (item text and option labels) comes from a pack
            for item in data["items"]:
                item.pop("text", None)
                item.pop("help", None)
                for option in item.get("options") or []:
                    if isinstance(option, dict):
                        option.pop("label", None)
            for options in data["option_sets"].values():
                for option in options:
                    option.pop("label", None)
        canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
