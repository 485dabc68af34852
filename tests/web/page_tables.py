"""Reading a staff page as a person reads it: each table by its caption, each summary list
as key and value, with text a screen reader alone hears left out of the tables."""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["summary_values", "tables"]


class _Tables(HTMLParser):
    """Every table as ``{caption: [[cell text, ...], ...]}`` (header row included)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption = ""
        self._rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._in_caption = False
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows, self._caption = [], ""
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr":
            self._rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "span" and ("aria-hidden", "true") in attrs:
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self.tables[self._caption.strip()] = self._rows
        elif tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "span" and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if self._in_caption:
            self._caption += data
        elif self._cell is not None and not self._hidden:
            self._cell.append(data)


def tables(html: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


class _Summary(HTMLParser):
    """Every summary list row as ``{key: value}``."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._part: str | None = None
        self._text: list[str] = []
        self._key = ""

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if "nhsuk-summary-list__key" in classes or "nhsuk-summary-list__value" in classes:
            self._part = "key" if tag == "dt" else "value"
            self._text = []

    def handle_endtag(self, tag):
        if tag in ("dt", "dd") and self._part is not None:
            text = " ".join("".join(self._text).split())
            if self._part == "key":
                self._key = text
            else:
                self.values[self._key] = text
            self._part = None

    def handle_data(self, data):
        if self._part is not None:
            self._text.append(data)


def summary_values(html: str) -> dict[str, str]:
    parser = _Summary()
    parser.feed(html)
    return parser.values
