"""Read instrument YAML into :class:`Instrument`, with errors that name file, field and line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from peerval.errors import InstrumentError, Location
from peerval.yamlfile import field_path, line_of, message_of, read_yaml

from .schema import Instrument

__all__ = ["load_instrument", "parse_instrument"]

_MESSAGE_PATH = re.compile(r"^(items|scales)\[(\d+)\]")


def parse_instrument(
    data: Any, *, file: str | None = None, node: yaml.Node | None = None
) -> Instrument:
    """Validate already-parsed data as an instrument; the first error names field and line."""
    if not isinstance(data, dict):
        raise InstrumentError("an instrument file must be a mapping of fields", Location(file=file))
    try:
        return Instrument.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(
            p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        # pydantic adds the union branch tried ("list[Option]", "str") to the path: drop it
        loc = tuple(
            p for p in loc if not (isinstance(p, str) and ("[" in p or p in ("str", "int")))
        )
        message = message_of(error)
        if not loc:  # a cross-field rule: its message starts with the path it is about
            found = _MESSAGE_PATH.match(message)
            if found:
                loc = (found.group(1), int(found.group(2)))
        count = exc.error_count()
        if count > 1:
            message += f" (and {count - 1} more problem{'s' if count > 2 else ''})"
        location = Location(file=file, line=line_of(node, loc), field=field_path(loc) or None)
        raise InstrumentError(message, location) from None


def load_instrument(path: str | Path) -> Instrument:
    """Load and validate one instrument file."""
    path = Path(path)
    data, node = read_yaml(path, InstrumentError)
    return parse_instrument(data, file=str(path), node=node)
