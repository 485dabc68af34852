"""Row-level exports of responses, protected for sharing (docs/adr/0006).

The web app's downloads and ``peerval export`` both write these tables, so a file shared
from either has had the same protection.

Row-level data cannot be protected by hiding cells, so it is protected row by row:

* a respondent attribute value (profession, care group...) held by fewer people than the
  disclosure minimum within a respondent group reads ``Other (fewer than N)``; when the
  people merged into Other are themselves fewer than N, the value is left blank;
* free-text answers pass the core's :class:`~peerval.qual.redact.Redactor`;
* responses are named by their public id only and dated to the day.

The functions here take the core's tables (a :class:`~peerval.ResponseSet` and instruments);
the web app feeds them from its database, the command line from files.

>>> other_label(5)
'Other (fewer than 5)'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from peerval import outfiles
from peerval.disclosure import DisclosurePolicy
from peerval.instruments.schema import Instrument, Item
from peerval.outfiles import spreadsheet_safe
from peerval.qual.redact import Redactor
from peerval.responses import RESPONDENT_COLUMNS, ResponseSet

__all__ = [
    "CODEBOOK_COLUMNS",
    "LONG_COLUMNS",
    "WIDE_BASE_COLUMNS",
    "ExportContext",
    "codebook_table",
    "column_names",
    "csv_bytes",
    "long_table",
    "merged_values",
    "other_label",
    "protected_answers",
    "protected_attributes",
    "spreadsheet_safe",
    "wide_table",
]

#: the long export: one row per answer (one per chosen option of a multiple-choice item)
LONG_COLUMNS = (
    "response_id",
    "wave",
    "submitted_on",
    "respondent_group",
    "mode",
    "instrument",
    "instrument_version",
    "item_id",
    "value",
    "text",
)
#: the wide export's first columns, before the attributes and the items
WIDE_BASE_COLUMNS = ("response_id", "wave", "submitted_on", "respondent_group", "mode")
CODEBOOK_COLUMNS = (
    "instrument",
    "instrument_version",
    "item_id",
    "column",
    "type",
    "text",
    "attribute",
    "reverse",
    "scales",
    "option_code",
    "option_label",
    "missing",
    "export_note",
)


def other_label(minimum: int) -> str:
    """What a merged attribute value reads as in an export."""
    return f"Other (fewer than {minimum})"


@dataclass(frozen=True)
class ExportContext:
    """What every export of a wave needs besides the responses."""

    #: the wave's instruments in the order they are asked (an instrument once)
    instruments: list[Instrument]
    policy: DisclosurePolicy
    #: public response id -> the day it was submitted
    submitted_on: Mapping[str, date] = field(default_factory=dict)
    #: the attribute value of people who did not answer the question
    unstated: str = "Not stated"
    redactor: Redactor = field(default_factory=Redactor)

    def day(self, response_id: str) -> str:
        day = self.submitted_on.get(response_id)
        return day.isoformat() if day else ""


# ------------------------------------------------------------------------------- attributes
def _attribute_names(respondents: pd.DataFrame) -> list[str]:
    return [c for c in respondents.columns if c not in RESPONDENT_COLUMNS]


def merged_values(
    respondents: pd.DataFrame, context: ExportContext
) -> dict[tuple[str, str], dict[str, str]]:
    """``{(respondent group, attribute): {rare value: what it becomes}}``.

    Counted over distinct people in each group. Not answering is not a characteristic of a
    person (as for bases in docs/adr/0004), so the unstated value is never merged.
    """
    policy = context.policy
    people = respondents.drop_duplicates(["respondent_group", "respondent_id"])
    out: dict[tuple[str, str], dict[str, str]] = {}
    for attribute in _attribute_names(people):
        stated = people[people[attribute].notna() & (people[attribute] != context.unstated)]
        for group, sub in stated.groupby("respondent_group", sort=True):
            counts = sub[attribute].astype(str).value_counts()
            rare = [value for value, n in counts.items() if policy.hides(int(n))]
            if not rare:
                continue
            merged = int(counts[rare].sum())
            becomes = "" if policy.hides(merged) else other_label(policy.minimum)
            out[(str(group), attribute)] = dict.fromkeys(rare, becomes)
    return out


def protected_attributes(responses: ResponseSet, context: ExportContext) -> pd.DataFrame:
    """One row per response: ``response_id`` and every attribute, rare values merged."""
    respondents = responses.respondents.drop_duplicates("response_id")
    names = _attribute_names(respondents)
    table = respondents[["response_id", "respondent_group", *names]].astype(object).copy()
    for (group, attribute), rare in merged_values(respondents, context).items():
        rows = table["respondent_group"] == group
        table.loc[rows, attribute] = table.loc[rows, attribute].astype(str).replace(rare)
    return table.drop(columns="respondent_group").reset_index(drop=True)


# ------------------------------------------------------------------------------- cells
def _number(value: Any) -> str:
    """An option code or number as a CSV writes it (``4``, ``2.5``); blank when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _label(instrument: Instrument, item: Item, code: str) -> str:
    """An attribute answer's label, as the respondents table holds it."""
    for option in instrument.options_for(item):
        if str(option.code) == code:
            return option.label
    return code


def protected_answers(responses: ResponseSet, context: ExportContext) -> pd.DataFrame:
    """The answers table with ``value`` and ``text`` as protected strings.

    An attribute answer whose value is merged loses its code and carries what the value
    became (``Other (fewer than N)`` or blank) as its text; free text is redacted.
    """
    merged = merged_values(responses.respondents, context)
    answers = responses.answers
    items = {(i.id, item.id): (i, item) for i in context.instruments for item in i.items}
    values = [_number(v) for v in answers["value"]]
    texts = [_text(t) for t in answers["text"]]
    rows = zip(answers["instrument"], answers["item_id"], answers["respondent_group"], strict=True)
    for i, (instrument_id, item_id, group) in enumerate(rows):
        instrument, item = items[(instrument_id, item_id)]
        if item.type == "free_text" and texts[i]:
            texts[i] = context.redactor.redact(texts[i]).text
        elif item.attribute and values[i]:
            label = _label(instrument, item, values[i])
            becomes = merged.get((group, item.attribute), {}).get(label)
            if becomes is not None:
                values[i], texts[i] = "", becomes
    return answers.assign(value=values, text=texts)


# ------------------------------------------------------------------------------- tables
def long_table(responses: ResponseSet, context: ExportContext) -> pd.DataFrame:
    """One row per answer, in the order responses were submitted and items are asked."""
    answers = protected_answers(responses, context)
    people = responses.respondents.drop_duplicates("response_id").set_index("response_id")
    answers["mode"] = answers["response_id"].map(people["mode"]).fillna("")
    answers["submitted_on"] = [context.day(r) for r in answers["response_id"]]
    return answers[list(LONG_COLUMNS)].reset_index(drop=True)


def column_names(instruments: Iterable[Instrument], taken: Iterable[str] = ()) -> dict:
    """``{(instrument id, item id): column}`` for the wide export.

    An item's column is its id, or ``instrument.item_id`` where two instruments share the
    id or it clashes with another column (``taken``). An attribute item has no column of
    its own: it is exported by label in its attribute's column.
    """
    instruments = list(instruments)
    seen: dict[str, int] = {}
    for instrument in instruments:
        for item in instrument.items:
            seen[item.id] = seen.get(item.id, 0) + 1
    reserved = set(taken)
    names: dict[tuple[str, str], str] = {}
    for instrument in instruments:
        for item in instrument.items:
            if item.attribute:
                name = item.attribute
            elif seen[item.id] > 1 or item.id in reserved:
                name = f"{instrument.id}.{item.id}"
            else:
                name = item.id
            names[(instrument.id, item.id)] = name
    return names


def wide_table(responses: ResponseSet, context: ExportContext) -> pd.DataFrame:
    """One row per response: base columns, attributes (merged), then one column per item.

    An attribute is "Not stated" (``context.unstated``) only for a person who was asked and
    did not answer; it is blank where the person's questionnaires never asked it (a service
    user's profession), so the two are never confused.

    Coded items hold option codes; a multiple-choice item holds its chosen codes joined by
    ``;``; free text is redacted; dates are ISO 8601.
    """
    attributes = protected_attributes(responses, context)
    for name in _attribute_items(context.instruments):
        if name not in attributes:
            attributes[name] = ""  # nobody's questionnaire asked it
    attribute_names = [c for c in attributes.columns if c != "response_id"]
    names = column_names(context.instruments, taken=(*WIDE_BASE_COLUMNS, *attribute_names))
    item_columns = list(
        dict.fromkeys(
            names[(i.id, item.id)] for i in context.instruments for item in i.items
            if not item.attribute
        )
    )  # fmt: skip

    people = responses.respondents.drop_duplicates("response_id")
    table = people[["response_id", "wave", "respondent_group", "mode"]].astype(object).copy()
    table["submitted_on"] = [context.day(r) for r in table["response_id"]]
    table = table[list(WIDE_BASE_COLUMNS)].merge(attributes, on="response_id", how="left")

    answers = protected_answers(responses, context)
    answers["column"] = [names[k] for k in zip(answers["instrument"], answers["item_id"],
                                                strict=True)]  # fmt: skip
    answers = answers[answers["column"].isin(item_columns)]
    grid = pd.DataFrame(index=pd.Index([], name="response_id"), columns=item_columns)
    if len(answers):
        cells = [v or t for v, t in zip(answers["value"], answers["text"], strict=True)]
        joined = answers.assign(cell=cells).groupby(["response_id", "column"], sort=False)
        grid = joined["cell"].agg(";".join).unstack("column").reindex(columns=item_columns)
    table = table.merge(grid, left_on="response_id", right_index=True, how="left")
    return table.astype(object).fillna("").reset_index(drop=True)


def _attribute_items(instruments: Iterable[Instrument]) -> list[str]:
    names = [item.attribute for i in instruments for item in i.items if item.attribute]
    return list(dict.fromkeys(names))


def codebook_table(instruments: Iterable[Instrument], minimum: int) -> pd.DataFrame:
    """One row per item and option (one row for an item without options).

    ``column`` is the item's column in the wide export.
    """
    instruments = list(instruments)
    names = column_names(instruments, taken=(*WIDE_BASE_COLUMNS, *_attribute_items(instruments)))
    rows = []
    for instrument in instruments:
        scales: dict[str, list[str]] = {}
        for scale in instrument.scales:
            for member in scale.items:
                scales.setdefault(member.item, []).append(scale.id)
        for item in instrument.items:
            base = {
                "instrument": instrument.id,
                "instrument_version": instrument.version,
                "item_id": item.id,
                "column": names[(instrument.id, item.id)],
                "type": item.type,
                "text": item.text or "",
                "attribute": item.attribute or "",
                "reverse": "yes" if item.reverse else "",
                "scales": ";".join(scales.get(item.id, [])),
                "export_note": _note(item, minimum),
            }
            options = instrument.options_for(item) if item.options else []
            if not options:
                rows.append(base | {"option_code": "", "option_label": "", "missing": ""})
            for option in options:
                rows.append(
                    base
                    | {
                        "option_code": str(option.code),
                        "option_label": option.label,
                        "missing": "yes" if option.missing else "",
                    }
                )
    return pd.DataFrame(rows, columns=list(CODEBOOK_COLUMNS))


def _note(item: Item, minimum: int) -> str:
    """How the item appears in the exports, where that is not plain."""
    if item.attribute:
        return (
            "wide export: the label, in the attribute's column (blank where the questionnaire "
            "did not ask it); long export: the code. A value held by fewer than "
            f"{minimum} people reads {other_label(minimum)} (or is blank)"
        )
    if item.type == "multi_choice":
        return "wide export: the chosen codes separated by ;. Long export: one row per code"
    if item.type == "free_text":
        return "names, phone numbers and other personal details replaced by placeholders"
    if item.type == "date":
        return "ISO 8601 date (YYYY-MM-DD)"
    return ""


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as CSV: UTF-8 with a byte order mark (so Excel reads accents correctly),
    every cell text, formula-like text made safe to open in a spreadsheet by the one rule
    every peerval CSV follows (:func:`peerval.outfiles.spreadsheet_safe`).

    >>> csv_bytes(pd.DataFrame({"text": ["=HYPERLINK(1)", "-2", "fine"]}))
    b"\\xef\\xbb\\xbftext\\r\\n'=HYPERLINK(1)\\r\\n-2\\r\\nfine\\r\\n"
    """
    return outfiles.csv_bytes(table.astype(str), for_excel=True)
