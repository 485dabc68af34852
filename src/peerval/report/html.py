"""Render a report as one self-contained, accessible HTML file (and the print HTML for PDF)."""

from __future__ import annotations

import base64
import json
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from . import charts
from .model import Callout, Figure, Heading, Items, Paragraph, Quotes, Report, Table

__all__ = ["render_html", "write_html"]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("peerval.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests.update(
        {
            "paragraph": lambda b: isinstance(b, Paragraph),
            "heading": lambda b: isinstance(b, Heading),
            "items": lambda b: isinstance(b, Items),
            "callout": lambda b: isinstance(b, Callout),
            "table": lambda b: isinstance(b, Table),
            "figure": lambda b: isinstance(b, Figure),
            "quotes": lambda b: isinstance(b, Quotes),
        }
    )
    return env


def _css() -> str:
    return (Path(__file__).with_name("templates") / "report.css").read_text(encoding="utf-8")


def render_html(
    report: Report,
    *,
    interactive: bool = True,
    images: dict[int, str] | None = None,
) -> str:
    """The report as HTML. ``interactive`` adds the charting library so charts can be explored;
    the PDF uses ``interactive=False``. ``images`` maps ``id(figure)`` to a data URL (made here
    when not given)."""
    images = dict(images or {})
    specs: dict[str, str] = {}
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Figure) and block.spec:
                if id(block) not in images:
                    svg = charts.to_svg(block.spec)
                    images[id(block)] = "data:image/svg+xml;base64," + base64.b64encode(
                        svg.encode("utf-8")
                    ).decode("ascii")
                specs[str(id(block))] = json.dumps(block.spec)
    bundle = ""
    if interactive and specs:
        import vl_convert as vlc

        bundle = vlc.javascript_bundle()
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        css=_css(),
        images=images,
        specs=specs,
        interactive=interactive and bool(specs),
        bundle=bundle,
        id=id,
    )


def write_html(report: Report, path: str | Path) -> Path:
    """Write the interactive HTML report."""
    path = Path(path)
    path.write_text(render_html(report), encoding="utf-8")
    return path
