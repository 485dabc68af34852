"""Commands for the web app: ``serve``, ``createuser`` and ``manage`` (Django's commands)."""

from __future__ import annotations

import getpass
import sys

import typer

from peerval.errors import PeervalError

from .app import app, err, friendly, out

__all__ = ["prepare_database", "setup_django"]


class WebSetupError(PeervalError):
    """The web app cannot start (frontend files missing, bad settings, database unreachable)."""


def setup_django() -> None:
    """Configure Django, turning bad settings into one clear error."""
    from django.core.exceptions import ImproperlyConfigured

    from peerval.web import setup

    try:
        setup()
    except ImproperlyConfigured as exc:
        raise WebSetupError(f"web settings: {exc}") from None


def prepare_database(verbosity: int = 0) -> None:
    """Create or update the database tables."""
    from django.core.management import call_command
    from django.db.utils import OperationalError

    try:
        call_command("migrate", interactive=False, verbosity=verbosity)
    except OperationalError as exc:
        raise WebSetupError(f"database: {exc}") from None


def _check_frontend() -> None:
    from django.core import checks

    problems = [m for m in checks.run_checks() if m.level >= checks.ERROR]
    if problems:
        first = problems[0]
        raise WebSetupError(f"{first.msg} ({first.hint})" if first.hint else first.msg)


@app.command("serve")
@friendly
def serve(
    port: int = typer.Option(8000, metavar="N", help="Port to listen on."),
    host: str = typer.Option(
        "127.0.0.1", metavar="ADDRESS", help="Address to listen on (default: this computer only)."
    ),
) -> None:
    """Run the web app on this computer (for a shared server, see docs/web.md)."""
    setup_django()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    _check_frontend()
    prepare_database()
    call_command("collectstatic", interactive=False, verbosity=0)
    where = settings.DATABASES["default"]
    name = where["NAME"] if where["ENGINE"].endswith("sqlite3") else where.get("HOST", "server")
    out.print(f"peerval web app on http://{host}:{port}/  (database: {name})", markup=False)
    if not get_user_model().objects.exists():
        out.print(
            "No users yet: run `peerval demo` for a demo sign-in, or "
            "`peerval createuser NAME` to create one.",
            markup=False,
        )
    out.print("Press Ctrl+C to stop.", markup=False)
    call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)


@app.command("createuser")
@friendly
def createuser(
    username: str = typer.Argument(..., metavar="USERNAME", help="The new user's sign-in name."),
    superuser: bool = typer.Option(
        False, "--superuser", help="May see and manage every evaluation."
    ),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input (for scripts)."
    ),
) -> None:
    """Create a user who can sign in to the web app (and create evaluations)."""
    setup_django()
    prepare_database()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from peerval.web.audit.services import record

    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise WebSetupError(f"a user called {username!r} already exists")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Password again: ") != password:
            raise WebSetupError("the two passwords differ")
    candidate = User(username=username)
    try:
        validate_password(password, candidate)
    except ValidationError as exc:
        raise WebSetupError("password: " + " ".join(exc.messages)) from None
    if superuser:
        user = User.objects.create_superuser(username=username, password=password)
    else:
        user = User.objects.create_user(username=username, password=password)
    record("user", f"Created user {username}", username=username, superuser=superuser)
    out.print(f"Created user {user.get_username()}. Sign in at /accounts/login/.", markup=False)


@app.command(
    "manage",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@friendly
def manage(ctx: typer.Context) -> None:
    """Run a Django management command on the web app's database (e.g. migrate, check --deploy)."""
    setup_django()
    from django.core.management import execute_from_command_line

    if not ctx.args:
        err.print("Give a command, e.g. `peerval manage check --deploy`.")
        raise typer.Exit(2)
    execute_from_command_line(["peerval manage", *ctx.args])
