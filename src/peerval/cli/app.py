"""The Typer application and the error boundary every command shares."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import typer
from rich.console import Console

from peerval.errors import ImportValidationError, PeervalError
from peerval.version import __version__

__all__ = ["app", "err", "friendly", "out"]

F = TypeVar("F", bound=Callable[..., Any])

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

app = typer.Typer(
    name="peerval",
    help=(
        "Evaluate peer support in mental health services: instruments, online and paper "
        "surveys, scoring, results and reports."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def friendly(func: F) -> F:
    """Turn library errors into one line on stderr and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ImportValidationError as exc:
            err.print(f"Error: {exc.first_line()}", markup=False)
            if len(exc.problems) > 1:
                err.print(str(exc), markup=False)
            raise typer.Exit(2) from None
        except PeervalError as exc:
            err.print(f"Error: {exc}", markup=False)
            raise typer.Exit(2) from None
        except OSError as exc:  # a file or folder the command was pointed at is unusable
            where = f"{exc.filename}: " if exc.filename else ""
            err.print(f"Error: {where}{exc.strerror or exc}", markup=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        out.print(f"peerval {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """peerval: evaluate peer support in mental health services."""
