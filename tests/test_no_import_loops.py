"""Modules import in one direction: no module imports, even inside a function, a module
that imports it back (imports only for type checking do not count)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path, modules: set[str]) -> set[str]:
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (child.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                found.add(base)
                found.update(f"{base}.{a.name}" for a in child.names)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in found if m in modules and m != name}


def _graph() -> dict[str, set[str]]:
    paths = [p for p in (SRC / "peerval").rglob("*.py") if "migrations" not in p.parts]
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _imports(p, modules) for p in paths}


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        module = todo.pop()
        if module == goal:
            return True
        if module in seen:
            continue
        seen.add(module)
        # a package's __init__ is run by importing any of its modules: not followed here
        todo.extend(graph.get(module, ()))
    return False


def test_these_modules_do_not_import_each_other_back():
    graph = _graph()
    for one, other in (
        ("peerval.qual.autocode.model", "peerval.qual.autocode.modelfile"),
        ("peerval.qual.codebook", "peerval.qual.hierarchy"),
        ("peerval.results", "peerval"),
    ):
        assert not (other in graph[one] and one in graph[other]), (one, other)
        assert other not in graph[one] or not _reaches(graph, other, one), (one, other)


def test_no_two_core_modules_import_each_other():
    graph = _graph()
    pairs = sorted(
        (a, b)
        for a, deps in graph.items()
        for b in deps
        if a < b and a in graph.get(b, ()) and not a.startswith("peerval.web")
        # a package's __init__ re-exports its modules: that is the one allowed pair
        and not b.startswith(a + ".") and not a.startswith(b + ".")
        and a != "peerval" and b != "peerval"
    )  # fmt: skip
    assert pairs == []
