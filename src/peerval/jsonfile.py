"""Reading JSON that came from a file, with errors that name the file and line.

Python's JSON parser recurses once per level of nesting, so a document nested thousands
deep ends in ``RecursionError``. :func:`read_json` measures the nesting first, in one pass
that does not recurse, and refuses anything deeper than :data:`MAX_DEPTH`, a depth that no
file peerval reads comes near.

>>> read_json(b'{"a": [1, {"b": 2}]}', file="x.json", error=DataError)
{'a': [1, {'b': 2}]}
>>> read_json("[" * 100 + "]" * 100, file="x.json", error=DataError)
Traceback (most recent call last):
...
peerval.errors.DataError: x.json, line 1: nested more than 64 deep; the file is not read
"""

from __future__ import annotations

import json
import re
from typing import Any

from peerval.errors import DataError, Location, PeervalError

__all__ = ["MAX_DEPTH", "nesting_problem", "read_json"]

#: the deepest nesting of arrays and objects accepted
MAX_DEPTH = 64

# a whole string (escapes included, never backtracking), an unclosed quote, or a bracket
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*+"|"|[\[\]{}]', re.DOTALL)


def nesting_problem(text: str, max_depth: int = MAX_DEPTH) -> int | None:
    """The 1-based line where ``text`` first nests deeper than ``max_depth``, or None."""
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                return text.count("\n", 0, match.start()) + 1
        elif token in "]}":
            depth -= 1
        elif token == '"':  # never closed: the rest is not JSON, and the parser stops here
            break
    return None


def read_json(
    data: bytes | str,
    *,
    file: str,
    error: type[PeervalError] = DataError,
    max_depth: int = MAX_DEPTH,
) -> Any:
    """Parse JSON text (bytes are read as UTF-8); any problem raises ``error`` naming ``file``."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise error(f"not UTF-8 text ({exc.reason})", Location(file=file)) from None
    else:
        text = data
    line = nesting_problem(text, max_depth)
    if line is not None:
        raise error(
            f"nested more than {max_depth} deep; the file is not read",
            Location(file=file, line=line),
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"invalid JSON: {exc.msg}", Location(file=file, line=exc.lineno)) from None
    except (ValueError, RecursionError) as exc:  # e.g. a number too long to convert
        raise error(f"invalid JSON: {exc}", Location(file=file)) from None
