"""No view hands a template a variable named after a macro the templates import.

Jinja2 gives a template's own imports precedence over the context, and ``base.jinja``'s
imports (``button``, ``backLink``, ``errorSummary``) reach every page's blocks; a view
passing ``button="Add code"`` therefore drew ``<Macro 'button'>`` as the button's label.
This reads the templates' imports and the context names the views pass, so the clash is
caught for every page, including the ones no other test renders.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import peerval.web

WEB = Path(peerval.web.__file__).parent
TEMPLATES = WEB / "templates"

#: functions whose keyword arguments (and dict arguments) become a template's context
_RENDERERS = {"page", "project_page", "render", "render_to_string", "_context", "update"}
_FROM_IMPORT = re.compile(r"\{%-?\s*from\s+\S+\s+import\s+(.+?)\s*-?%\}")
_MODULE_IMPORT = re.compile(r"\{%-?\s*import\s+\S+(?:\s*~\s*\S+)*\s+as\s+(\w+)\s*-?%\}")


def _imported_names() -> dict[str, str]:
    """Each name a template imports, with the first template that imports it."""
    names: dict[str, str] = {}
    for template in sorted(TEMPLATES.rglob("*.jinja")):
        source = template.read_text(encoding="utf-8")
        where = str(template.relative_to(TEMPLATES))
        for group in _FROM_IMPORT.findall(source):
            for part in group.split(","):
                bound = part.split(" as ")[-1].strip()
                if bound:
                    names.setdefault(bound, where)
        for bound in _MODULE_IMPORT.findall(source):
            names.setdefault(bound, where)
    return names


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _context_names() -> list[tuple[str, str]]:
    """(name, file:line) for every context variable a view passes to a template."""
    found = []
    for module in sorted(WEB.rglob("*.py")):
        if "migrations" in module.parts:
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _callee(node) not in _RENDERERS:
                continue
            where = f"{module.relative_to(WEB)}:{node.lineno}"
            for keyword in node.keywords:
                if keyword.arg:
                    found.append((keyword.arg, where))
            for argument in node.args:
                if isinstance(argument, ast.Dict):
                    for key in argument.keys:
                        if isinstance(key, ast.Constant) and isinstance(key.value, str):
                            found.append((key.value, where))
    return found


def test_the_templates_import_the_nhs_macros_this_test_guards():
    names = _imported_names()
    assert {"button", "backLink", "errorSummary", "table", "key_field"} <= set(names)


def test_no_view_passes_a_variable_named_after_an_imported_macro():
    macros = _imported_names()
    clashes = [
        f"{where} passes {name!r}, the macro imported by {macros[name]}"
        for name, where in _context_names()
        if name in macros
    ]
    assert not clashes, "\n".join(clashes)
