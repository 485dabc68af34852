"""The evaluation's own place names, for the redactor to list: wards, teams, sites, care groups.

Quotes that name the respondent's ward or team can identify them, however small the group,
so every report and export redacts the names the evaluation itself knows about: the labels
of the answers that place a respondent (care group, ward, team, site, service), the values
of such attributes in the respondents table, and any names the evaluation lead adds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from peerval.instruments.schema import Instrument

__all__ = ["PLACE_ATTRIBUTES", "evaluation_places"]

#: respondent attributes whose values name where someone is cared for or works
PLACE_ATTRIBUTES = ("care_group", "ward", "team", "site", "service", "unit", "location")

# Answer labels that are not names of anywhere ("Other", "Not stated").
_NOT_PLACES = frozenset(
    {"other", "not stated", "prefer not to say", "don't know", "not known", "none", "n/a",
     "not applicable", "unknown", "not sure"}
)  # fmt: skip


def _is_place_name(label: str) -> bool:
    text = label.strip()
    return bool(text) and text.casefold().replace("’", "'") not in _NOT_PLACES and len(text) > 2


def evaluation_places(
    instruments: Mapping[str, Instrument] | Iterable[Instrument] = (),
    people: pd.DataFrame | None = None,
    extra: Iterable[str] = (),
) -> list[str]:
    """Every place name the evaluation knows, sorted and without repeats.

    ``instruments`` give the labels of the options of items that record a place attribute
    (missing-value options and labels such as "Other" are left out); ``people`` gives the
    text values of place attributes (codes, numbers, are left out); ``extra`` adds names
    the evaluation lead listed (wards, teams, sites).
    """
    if isinstance(instruments, Mapping):
        instruments = instruments.values()
    names: set[str] = set()
    for instrument in instruments:
        for item in instrument.items:
            if item.attribute not in PLACE_ATTRIBUTES or item.options is None:
                continue
            names.update(
                option.label
                for option in instrument.options_for(item)
                if not option.missing and _is_place_name(option.label)
            )
    if people is not None:
        for column in PLACE_ATTRIBUTES:
            if column in people.columns:
                names.update(
                    value.strip()
                    for value in people[column].dropna().unique()
                    if isinstance(value, str) and _is_place_name(value) and not value.isdigit()
                )
    names.update(name.strip() for name in extra if isinstance(name, str) and name.strip())
    return sorted(names)
