"""The core library never imports Django, Typer or the web app (DESIGN.md: one core, two faces)."""

import ast
from pathlib import Path

import peerval

SRC = Path(peerval.__file__).parent
FACES = ("cli", "web")
FORBIDDEN = ("django", "typer", "peerval.web", "peerval.cli", "rich")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def core_files() -> list[Path]:
    return [
        p
        for p in SRC.rglob("*.py")
        if p.relative_to(SRC).parts[0] not in FACES and p.name != "__main__.py"
    ]


def test_no_core_module_imports_a_face_or_its_framework():
    offenders = {
        str(path.relative_to(SRC)): sorted(
            m
            for m in imported_modules(path)
            if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)
        )
        for path in core_files()
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert offenders == {}


def test_the_check_itself_catches_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import typer\nfrom django.db import models\n")
    assert imported_modules(sample) == {"typer", "django.db"}


def test_the_core_is_actually_scanned():
    names = {p.name for p in core_files()}
    assert {"scoring.py", "schema.py", "tabular.py", "results.py"} <= names
