"""Reading YAML files into pydantic models, with errors that name the file, field and line.

Mappings, instruments and wording packs are small, shallow files. Before anything is built
from one, its events are read (which does not recurse) and a file is refused, naming the
line, when it nests deeper than :data:`MAX_DEPTH` (Python's YAML reader recurses once per
level and would end in ``RecursionError``), or when its aliases would expand it to more than
:data:`MAX_NODES` values (a "billion laughs" file, tiny on disk, that would take for ever
to check).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from peerval.errors import Location, PeervalError

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "field_path",
    "line_of",
    "load_model",
    "message_of",
    "read_yaml",
]

M = TypeVar("M", bound=BaseModel)

#: the deepest nesting of mappings and lists accepted
MAX_DEPTH = 64
#: the most values a file may stand for once its aliases are expanded
MAX_NODES = 1_000_000


def _check_shape(text: str, path: Path, error: type[PeervalError]) -> None:
    """Refuse YAML nested too deep, or whose aliases expand it too far, naming the line."""
    depth = 0
    expanded: dict[str, int] = {}  # anchor -> values it stands for
    open_: list[tuple[str | None, int]] = []  # (anchor, values so far) per open collection
    total = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise error(
                    f"nested more than {MAX_DEPTH} deep; the file is not read",
                    Location(file=str(path), line=line),
                )
            open_.append((event.anchor, 1))
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, size = open_.pop()
        elif isinstance(event, yaml.AliasEvent):
            anchor, size = None, expanded.get(event.anchor or "", 1)
        elif isinstance(event, yaml.ScalarEvent):
            anchor, size = event.anchor, 1
        else:
            continue
        if anchor is not None:
            expanded[anchor] = size
        if open_:
            outer, count = open_[-1]
            open_[-1] = (outer, count + size)
        else:
            total += size
        if total + sum(count for _, count in open_) > MAX_NODES:
            raise error(
                f"its aliases expand it to more than {MAX_NODES:,} values; the file is not read",
                Location(file=str(path), line=line),
            )


def read_yaml(path: Path, error: type[PeervalError]) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file, returning the data and its node tree (for line numbers)."""
    where = Location(file=str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("file not found", where) from None
    except IsADirectoryError:
        raise error("is a folder, not a file", where) from None
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 text ({exc.reason})", where) from None
    except OSError as exc:
        raise error(f"cannot read the file ({exc.strerror})", where) from None
    try:
        _check_shape(text, path, error)
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or "invalid YAML"
        raise error(f"invalid YAML: {problem}", Location(file=str(path), line=line)) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", where) from None
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


def field_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as people write it: ``items[3].type``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def message_of(error: dict[str, Any]) -> str:
    """A pydantic error message, with a hint where YAML's own reading is the cause."""
    message = str(error["msg"]).removeprefix("Value error, ")
    if isinstance(error.get("input"), bool) and error.get("type") == "string_type":
        message += " (YAML reads a bare yes/no/true/false as a boolean: put the text in quotes)"
    return message


def load_model(path: str | Path, model: type[M], error: type[PeervalError], what: str) -> M:
    """Read a YAML file as a pydantic model; any problem raises ``error`` with file and line."""
    path = Path(path)
    data, node = read_yaml(path, error)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise error(f"{what} must be a mapping of fields", Location(file=str(path)))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        location = Location(file=str(path), line=line_of(node, loc), field=field_path(loc) or None)
        raise error(message_of(first), location) from None
