"""Read instrument YAML into :class:`Instrument`, with errors that name file, field and line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from peerval.errors import InstrumentError, Location, PeervalError

from .schema import Instrument

__all__ = ["load_instrument", "load_model", "parse_instrument", "read_yaml"]

M = TypeVar("M", bound=BaseModel)

_MESSAGE_PATH = re.compile(r"^(items|scales)\[(\d+)\]")


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file, returning the data and its node tree (for line numbers)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InstrumentError("file not found", Location(file=str(path))) from None
    except UnicodeDecodeError as exc:
        raise InstrumentError(f"not UTF-8 text ({exc.reason})", Location(file=str(path))) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or "invalid YAML"
        raise InstrumentError(
            f"invalid YAML: {problem}", Location(file=str(path), line=line)
        ) from None
    except yaml.YAMLError as exc:
        raise InstrumentError(f"invalid YAML: {exc}", Location(file=str(path))) from None
    return data, node


def line_of(node: yaml.Node | None, path: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the deepest node reachable along a field path."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            match = node.value[key] if 0 <= key < len(node.value) else None
        else:
            match = None
        if match is None:
            break
        node = match
        line = node.start_mark.line + 1
    return line


def _field_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


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
        message = error["msg"].removeprefix("Value error, ")
        if not loc:  # a cross-field rule: its message starts with the path it is about
            found = _MESSAGE_PATH.match(message)
            if found:
                loc = (found.group(1), int(found.group(2)))
        count = exc.error_count()
        if count > 1:
            message += f" (and {count - 1} more problem{'s' if count > 2 else ''})"
        location = Location(file=file, line=line_of(node, loc), field=_field_path(loc) or None)
        raise InstrumentError(message, location) from None


def load_instrument(path: str | Path) -> Instrument:
    """Load and validate one instrument file."""
    path = Path(path)
    data, node = read_yaml(path)
    return parse_instrument(data, file=str(path), node=node)


def load_model(path: str | Path, model: type[M], error: type[PeervalError], what: str) -> M:
    """Read a YAML file as a pydantic model; any problem raises ``error`` with file and line."""
    path = Path(path)
    try:
        data, node = read_yaml(path)
    except InstrumentError as exc:
        raise error(exc.message, exc.location) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise error(f"{what} must be a mapping of fields", Location(file=str(path)))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        location = Location(file=str(path), line=line_of(node, loc), field=_field_path(loc) or None)
        raise error(first["msg"], location) from None
