"""One Django field per instrument item type."""

from __future__ import annotations

import copy
import datetime as dt

from django import forms

from peerval.instruments.schema import Instrument, Item

__all__ = ["DateItemField", "field_for"]

#: which NHS.UK component draws each item type
COMPONENTS = {
    "likert": "radios",
    "single_choice": "radios",
    "yes_no": "radios",
    "multi_choice": "checkboxes",
    "number": "input",
    "free_text": "textarea",
    "date": "date",
}

FREE_TEXT_LIMIT = 5000


class DateWidget(forms.MultiWidget):
    """Day, month and year boxes (the NHS.UK date input pattern)."""

    def __init__(self) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value):
        if isinstance(value, str) and value:
            value = dt.date.fromisoformat(value)
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateItemField(forms.MultiValueField):
    """A real date from day, month and year, with NHS.UK error wording."""

    widget = DateWidget

    def __init__(self, **kwargs) -> None:
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(v or "").strip() for v in data_list)
        if not (day and month and year):
            raise forms.ValidationError(
                "Enter a date with a day, month and year", code="incomplete"
            )
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError("Enter a real date", code="invalid") from None


def _choices(instrument: Instrument, item: Item) -> list[tuple[int, str]]:
    return [(option.code, option.label) for option in instrument.options_for(item)]


#: fields built before, by the identity of their instrument and item (both immutable)
_BUILT: dict[tuple[int, int], tuple[Instrument, Item, forms.Field]] = {}
_BUILT_LIMIT = 4096


def field_for(instrument: Instrument, item: Item) -> forms.Field:
    """The Django field that asks ``item``; ``field.item`` and ``field.component`` are set.

    Building a choice field normalises its choices, which costs more than the rest of a
    survey page's form; instruments are immutable, so each field is built once per process
    and every form gets its own shallow copy. A form may change a copy's own attributes
    (``required``), but not what it shares with the others (widget, choices, messages).
    """
    key = (id(instrument), id(item))
    found = _BUILT.get(key)
    if found is None or found[0] is not instrument or found[1] is not item:
        if len(_BUILT) >= _BUILT_LIMIT:
            _BUILT.clear()
        found = _BUILT[key] = (instrument, item, _build(instrument, item))
    return copy.copy(found[2])


def _build(instrument: Instrument, item: Item) -> forms.Field:
    label = item.text or item.id
    required = item.required
    kind = item.type
    if kind in ("likert", "single_choice", "yes_no"):
        field: forms.Field = forms.TypedChoiceField(
            choices=_choices(instrument, item),
            coerce=int,
            required=required,
            widget=forms.RadioSelect,
            error_messages={"required": f"Select an answer: {label}"},
        )
    elif kind == "multi_choice":
        field = forms.TypedMultipleChoiceField(
            choices=_choices(instrument, item),
            coerce=int,
            required=required,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": f"Select at least one answer: {label}"},
        )
    elif kind == "number":
        low, high = item.min, item.max
        whole = all(v is None or float(v).is_integer() for v in (low, high))
        field_class = forms.IntegerField if whole else forms.FloatField
        between = ""
        if low is not None and high is not None:
            between = f" between {low:g} and {high:g}"
        field = field_class(
            required=required,
            min_value=low,
            max_value=high,
            error_messages={
                "required": f"Enter a number: {label}",
                "invalid": f"Enter a number{between}: {label}",
                "min_value": f"Enter a number{between}: {label}",
                "max_value": f"Enter a number{between}: {label}",
            },
        )
    elif kind == "free_text":
        field = forms.CharField(
            required=required,
            max_length=FREE_TEXT_LIMIT,
            widget=forms.Textarea,
            strip=True,
            error_messages={
                "required": f"Enter an answer: {label}",
                "max_length": f"Answer must be {FREE_TEXT_LIMIT:,} characters or fewer",
            },
        )
    elif kind == "date":
        field = DateItemField(
            required=required, error_messages={"required": f"Enter a date: {label}"}
        )
    else:  # pragma: no cover - the schema admits no other type
        raise ValueError(f"no field for item type {kind!r}")
    field.label = label
    field.help_text = item.help or ""
    field.item = item  # type: ignore[attr-defined]
    field.component = COMPONENTS[kind]  # type: ignore[attr-defined]
    return field
