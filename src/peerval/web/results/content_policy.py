"""Content-Security-Policy sources for the core's self-contained HTML report.

The report inlines its stylesheet and the Vega charting scripts, which the site's policy
forbids. Rather than allow every inline script, the report's response allows exactly these
by their SHA-256 hashes (CSP level 2): a script or style that differs by one byte is refused.
"""

from __future__ import annotations

import base64
import hashlib
import re

from csp.constants import NONE, UNSAFE_EVAL
from csp.decorators import csp_replace
from django.http.response import HttpResponseBase

__all__ = ["allow_inline", "inline_hashes"]

# An element without attributes ends at the first closing tag, as an HTML parser ends it.
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def _hash(content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_hashes(html: str) -> dict[str, list[str]]:
    """``{"script-src": [...], "style-src": [...]}``: the hash of each inline element.

    >>> inline_hashes("<style>p{}</style><script>go()</script>")["script-src"]
    ["'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"]
    """
    return {
        "script-src": list(dict.fromkeys(_hash(m) for m in _SCRIPT.findall(html))),
        "style-src": list(dict.fromkeys(_hash(m) for m in _STYLE.findall(html))),
    }


def allow_inline(response: HttpResponseBase, sources: dict[str, list[str]]) -> HttpResponseBase:
    """Relax the site's policy for this one response: the report's own inline scripts and
    stylesheet may run, found by hash; nothing else inline, and no script files at all.

    Why: the report is one self-contained file (so it can be saved and opened offline), with
    its stylesheet and the Vega charting library inline, which the site's policy forbids.
    Vega compiles chart expressions with ``Function``, so ``'unsafe-eval'`` is needed too
    (without it the charts fail and vanish); only the hashed scripts can run to use it.
    Vega-Embed's own small stylesheets stay blocked: the charts look the same without them.
    """
    scripts = sources.get("script-src", [])
    policy = {
        "script-src": [*scripts, UNSAFE_EVAL] if scripts else [NONE],
        "style-src": sources.get("style-src") or [NONE],
    }
    # django-csp's decorators mark the response a view returns; applied here to one response
    return csp_replace(policy)(lambda: response)()
