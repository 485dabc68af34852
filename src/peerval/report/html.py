"""Render a report as one self-contained, accessible HTML file (and the print HTML for PDF)."""

from __future__ import annotations

import base64
import json
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from peerval.outfiles import OutputError, write_text

from . import charts
from .model import Callout, Figure, Heading, Items, Paragraph, Quotes, Report, Table

__all__ = ["chart_images", "render_html", "write_html"]


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


def chart_images(report: Report) -> dict[int, str]:
    """A data URL of each chart's SVG, keyed by ``id(figure)``: drawn once, used by all."""
    images = {}
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Figure) and block.spec:
                svg = charts.to_svg(block.spec)
                images[id(block)] = "data:image/svg+xml;base64," + base64.b64encode(
                    svg.encode("utf-8")
                ).decode("ascii")
    return images


@lru_cache(maxsize=1)
def _bundle() -> str:
    """The charting library (Vega, Vega-Lite, Vega-Embed) from the installed vl-convert.

    Building it takes seconds, so it is kept in the user's cache folder, one file per
    vl-convert version; a missing or unwritable cache only costs time.
    """
    import vl_convert as vlc
    from platformdirs import user_cache_dir

    version = "-".join(vlc.get_vegalite_versions()[-1:]) + "-" + vlc.get_vega_embed_version()
    cache = Path(user_cache_dir("peerval")) / f"vega-bundle-{version}.js"
    try:
        return cache.read_text(encoding="utf-8")
    except OSError:
        pass
    bundle = vlc.javascript_bundle()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_text(cache, bundle)  # whole: a half-written bundle would be read next time
    except (OSError, OutputError):
        pass
    return bundle


def render_html(
    report: Report, *, interactive: bool = True, images: dict[int, str] | None = None
) -> str:
    """The report as HTML. ``interactive`` adds the charting library so charts can be explored;
    the PDF uses ``interactive=False``. ``images`` maps ``id(figure)`` to a data URL (made here
    when not given)."""
    images = images if images is not None else chart_images(report)
    specs = {
        str(id(block)): json.dumps(block.spec)
        for section in report.sections
        for block in section.blocks
        if isinstance(block, Figure) and block.spec
    }
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        css=_css(),
        images=images,
        specs=specs,
        interactive=interactive and bool(specs),
        bundle=_bundle() if interactive and specs else "",
        id=id,
    )


def write_html(report: Report, path: str | Path, images: dict[int, str] | None = None) -> Path:
    """Write the interactive HTML report, replacing ``path`` only once it is complete."""
    return write_text(path, render_html(report, images=images))
