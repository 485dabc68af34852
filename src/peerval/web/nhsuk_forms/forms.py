"""A form for one page of a questionnaire, built from its items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms

from peerval.instruments.schema import Instrument, Item

from .fields import field_for

__all__ = ["ItemForm", "build_form", "to_stored", "visible"]


def visible(item: Item, answers: dict[str, Any]) -> bool:
    """Whether ``item`` is asked, given the answers so far (its ``show_if`` condition)."""
    if item.show_if is None:
        return True
    return answers.get(item.show_if.item) in item.show_if.in_


def to_stored(value: Any) -> Any:
    """A cleaned form value as it is kept in a response's JSON answers."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value in ("", [], None):
        return None
    return value


class ItemForm(forms.Form):
    """Fields for some items of one instrument; ``answers()`` gives what to store."""

    instrument: Instrument
    items: list[Item]

    def __init__(
        self, instrument: Instrument, items: Sequence[Item], *args, earlier=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.items = list(items)
        self.earlier = dict(earlier or {})
        for item in self.items:
            self.fields[item.id] = field_for(instrument, item)
        if self.is_bound:
            # an item hidden by an answer on this page is not required
            for item in self.items:
                if item.show_if is not None and not self._shown(item):
                    self.fields[item.id].required = False

    def _shown(self, item: Item) -> bool:
        if item.show_if is None:
            return True
        gate = item.show_if.item
        if gate in self.fields and self.is_bound:
            raw = self.data.get(self.add_prefix(gate))
            try:
                value = int(raw) if raw not in (None, "") else None
            except (TypeError, ValueError):
                value = None
            return value in item.show_if.in_
        return visible(item, self.earlier)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for item in self.items:
            if not self._shown(item):
                cleaned[item.id] = None
                self.errors.pop(item.id, None)
        return cleaned

    def answers(self) -> dict[str, Any]:
        """``{item_id: stored value or None}`` for every item on the page."""
        return {item.id: to_stored(self.cleaned_data.get(item.id)) for item in self.items}


def build_form(
    instrument: Instrument,
    items: Sequence[Item],
    data: Any = None,
    stored: dict[str, Any] | None = None,
) -> ItemForm:
    """A bound form (``data`` from a POST) or one filled with ``stored`` answers."""
    stored = dict(stored or {})
    initial = {}
    for item in items:
        value = stored.get(item.id)
        if value is not None:
            initial[item.id] = value
    return ItemForm(instrument, items, data=data, initial=initial, earlier=stored)
