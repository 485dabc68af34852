"""Draw bound fields, and other NHS.UK components, with the NHS.UK frontend macros.

:func:`field_params` is the presenter: it turns a bound field into the parameters of the
NHS.UK component that asks it. :func:`render_field` and :func:`render_form` are Jinja
globals; a page template calls ``render_form(form)`` and nothing else.
:func:`draw` is the Jinja global for any other component a page repeats (the header and
footer, the rows of a summary list): same macros, same HTML, drawn once per parameters.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from threading import Lock
from typing import Any

from django.forms import BoundField
from markupsafe import Markup

__all__ = [
    "draw",
    "error_list",
    "field_params",
    "render_field",
    "render_form",
    "summary_rows",
]


def _error(bound: BoundField) -> dict[str, str] | None:
    return {"text": " ".join(str(e) for e in bound.errors)} if bound.errors else None


def _selected(bound: BoundField) -> set[str]:
    value = bound.value()
    if value is None or value == "":
        return set()
    if isinstance(value, (list, tuple)):
        return {str(v) for v in value}
    return {str(value)}


def field_params(bound: BoundField, conditionals: dict[int, str] | None = None) -> dict[str, Any]:
    """Parameters for the field's component (see ``nhsuk_forms/field.jinja``)."""
    field = bound.field
    component = field.component  # type: ignore[attr-defined]
    name = bound.html_name
    hint = {"text": field.help_text} if field.help_text else None
    error = _error(bound)
    label = str(field.label)
    if component in ("radios", "checkboxes"):
        selected = _selected(bound)
        items = []
        for code, text in field.choices:
            entry: dict[str, Any] = {
                "value": str(code),
                "text": text,
                "checked": str(code) in selected,
            }
            if conditionals and code in conditionals:
                entry["conditional"] = {"html": Markup(conditionals[code])}
            items.append(entry)
        return {
            "component": component,
            "params": {
                "idPrefix": name,
                "name": name,
                "fieldset": {"legend": {"text": label, "size": "s"}},
                "hint": hint,
                "errorMessage": error,
                "items": items,
            },
        }
    if component in ("textarea", "input"):
        value = bound.value()
        params = {
            "id": name,
            "name": name,
            "label": {"text": label, "size": "s"},
            "hint": hint,
            "errorMessage": error,
            "value": "" if value is None else str(value),
        }
        if component == "textarea":
            params["rows"] = 5
        else:
            params.update(inputmode="decimal", spellcheck=False, classes="nhsuk-input--width-5")
        return {"component": component, "params": params}
    if component == "date":
        value = bound.value()
        if not isinstance(value, (list, tuple)):
            value = field.widget.decompress(value)
        parts = [("Day", 2), ("Month", 2), ("Year", 4)]
        return {
            "component": component,
            "params": {
                "id": name,
                "fieldset": {"legend": {"text": label, "size": "s"}},
                "hint": hint or {"text": "For example, 27 3 2026"},
                "errorMessage": error,
                "items": [
                    {
                        "id": f"{name}-{part.lower()}",
                        "name": f"{name}_{n}",
                        "label": part,
                        "value": "" if value[n] in (None, "") else str(value[n]),
                        "classes": f"nhsuk-input--width-{width}"
                        + (" nhsuk-input--error" if error else ""),
                        "inputmode": "numeric",
                    }
                    for n, (part, width) in enumerate(parts)
                ],
            },
        }
    raise ValueError(f"no NHS.UK component {component!r}")  # pragma: no cover


def _template(name: str = "nhsuk_forms/field.jinja"):
    from django.template import engines

    return engines["jinja2"].env.get_template(name)


class _Drawn:
    """Recently drawn components, keyed by their parameters.

    A component's HTML depends only on its parameters (a question, its options, the chosen
    answer and any error; a header's service name and links), and the NHS.UK macros are the
    slowest part of drawing a page, so the same component drawn for the next respondent is
    taken from here. Nothing secret or per-request (CSRF tokens, nonces) is ever drawn
    through it. Bounded, least recently used out first.
    """

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.entries: OrderedDict[str, str] = OrderedDict()
        self.lock = Lock()

    def get(self, key: str) -> str | None:
        with self.lock:
            html = self.entries.get(key)
            if html is not None:
                self.entries.move_to_end(key)
            return html

    def put(self, key: str, html: str) -> None:
        with self.lock:
            self.entries[key] = html
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_rendered = _Drawn()


def _macro_name(component: str) -> str:
    """``summary-list/row`` -> ``summaryListRow``, the NHS.UK macro's own name."""
    words = component.replace("/", "-").split("-")
    return words[0] + "".join(w.capitalize() for w in words[1:])


def draw(component: str, params: dict[str, Any], parent: dict[str, Any] | None = None) -> Markup:
    """An NHS.UK component (``"header"``, ``"summary-list/row"``...) drawn by its own macro
    with these parameters, reusing the HTML when the same parameters were drawn before."""
    key = json.dumps([component, params, parent], sort_keys=True, default=str)
    html = _rendered.get(key)
    if html is None:
        html = _template("nhsuk_forms/component.jinja").render(
            component=component, macro=_macro_name(component), params=params, parent=parent or {}
        )
        _rendered.put(key, html)
    return Markup(html)


def summary_rows(rows: list[dict[str, Any]]) -> Markup:
    """The rows of a summary list (give them to ``summaryList`` as its ``html``)."""
    has_actions = any(row.get("actions") for row in rows)
    parent = {"params": {}, "hasActions": has_actions}
    return Markup("\n".join(str(draw("summary-list/row", row, parent)) for row in rows))


def render_field(bound: BoundField, conditionals: dict[int, str] | None = None) -> Markup:
    """One field as HTML."""
    presented = field_params(bound, conditionals)
    key = json.dumps(presented, sort_keys=True, default=str)
    html = _rendered.get(key)
    if html is None:
        html = _template().render(**presented)
        _rendered.put(key, html)
    return Markup(html)


def render_form(form) -> Markup:
    """Every field of an item form, with items that depend on an answer on the same page
    revealed inside that answer (the NHS.UK conditional reveal)."""
    on_page = {item.id for item in form.items}
    dependants: dict[str, dict[int, list[str]]] = {}
    for item in form.items:
        if item.show_if is not None and item.show_if.item in on_page:
            for code in item.show_if.in_:
                dependants.setdefault(item.show_if.item, {}).setdefault(code, []).append(item.id)
    nested = {i for codes in dependants.values() for ids in codes.values() for i in ids}
    html = []
    for item in form.items:
        if item.id in nested:
            continue
        conditionals = None
        if item.id in dependants:
            conditionals = {
                code: "".join(str(render_field(form[i])) for i in ids)
                for code, ids in dependants[item.id].items()
            }
        html.append(str(render_field(form[item.id], conditionals)))
    return Markup("\n".join(html))


def error_list(form) -> list[dict[str, str]]:
    """The error summary's entries, each linking to its field."""
    entries = []
    for name, errors in form.errors.items():
        if name == "__all__":
            entries += [{"text": str(e), "href": "#maincontent"} for e in errors]
            continue
        component = getattr(form.fields[name], "component", "input")
        target = f"{form.add_prefix(name)}-day" if component == "date" else form.add_prefix(name)
        entries += [{"text": str(e), "href": f"#{target}"} for e in errors]
    return entries
