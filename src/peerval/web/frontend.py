"""Prepare the NHS.UK frontend files that the web app serves.

``npm ci`` in ``frontend/`` installs the ``nhsuk-frontend`` package; this module copies the
compiled CSS, JavaScript and images out of it into ``frontend/build/nhsuk`` and makes two
changes to the CSS so that the app fetches nothing from elsewhere:

- image URLs that start at the site root (``/assets/...``) become relative, so they resolve
  under ``/static/nhsuk/`` and take part in cache-busting;
- the ``@font-face`` rules that load the Frutiger font from assets.nhs.uk are removed; the
  NHS.UK font stack falls back to Arial, as it does whenever the font cannot load.

Run it with ``python -m peerval.web.frontend`` (``make frontend`` does both steps).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

__all__ = ["build_frontend"]

REPO_DIR = Path(__file__).resolve().parents[3]
PACKAGE_DIR = REPO_DIR / "frontend" / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"
BUILD_DIR = REPO_DIR / "frontend" / "build" / "nhsuk"

_FONT_FACE = re.compile(r"@font-face\{[^}]*assets\.nhs\.uk[^}]*\}")
_ROOT_ASSET = re.compile(r"url\((['\"]?)/assets/")


def build_frontend(package_dir: Path = PACKAGE_DIR, build_dir: Path = BUILD_DIR) -> Path:
    """Copy ``nhsuk-frontend.min.css``/``.min.js`` and ``assets/`` into ``build_dir``."""
    css = package_dir / "nhsuk-frontend.min.css"
    if not css.exists():
        raise FileNotFoundError(
            f"{css} not found: run `npm ci` in {package_dir.parents[3]} first (make frontend)"
        )
    if build_dir.exists():
        shutil.rmtree(build_dir)
    build_dir.mkdir(parents=True)
    text = css.read_text(encoding="utf-8")
    text = _FONT_FACE.sub("", text)
    text = _ROOT_ASSET.sub(r"url(\1assets/", text)
    text = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", text)
    (build_dir / "nhsuk-frontend.min.css").write_text(text, encoding="utf-8")
    js = (package_dir / "nhsuk-frontend.min.js").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S+", "", js)
    (build_dir / "nhsuk-frontend.min.js").write_text(js, encoding="utf-8")
    shutil.copytree(package_dir / "assets", build_dir / "assets")
    return build_dir


if __name__ == "__main__":  # pragma: no cover - exercised by make frontend
    try:
        print(f"NHS.UK frontend ready in {build_frontend()}")
    except FileNotFoundError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(2)
