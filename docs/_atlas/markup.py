"""The few pieces of raw HTML the atlas pages are made of: tables, links, headings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .fmt import esc

__all__ = ["Cell", "Page", "table"]


class Cell(NamedTuple):
    """One table cell: its text and what a sortable table, a tooltip or a link make of it.

    Attributes:
        text: What the cell shows.
        sort: The value a sortable table orders it by (numbers as text); None: the text.
        title: A tooltip (the BLS series id of an OEWS value).
        href: Where the text links to, relative to the page.
        numeric: Whether to right-align it.
        raw: Whether the text is HTML already (links), to insert unescaped.
    """

    text: str
    sort: str | None = None
    title: str | None = None
    href: str | None = None
    numeric: bool = False
    raw: bool = False

    def html(self, tag: str = "td") -> str:
        """Return the cell as HTML."""
        attributes = ""
        if self.sort is not None:
            attributes += f' data-sort="{esc(self.sort)}"'
        if self.title is not None:
            attributes += f' title="{esc(self.title)}"'
        if self.numeric:
            attributes += ' class="atlas-num"'
        body = self.text if self.raw else esc(self.text)
        if self.href is not None:
            body = f'<a href="{esc(self.href)}">{body}</a>'
        return f"<{tag}{attributes}>{body}</{tag}>"


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    sortable: bool = False,
    numeric: Sequence[int] = (),
    caption: str | None = None,
) -> str:
    """Return an HTML table; a sortable one orders by a column when its header is clicked.

    Args:
        headers: The column headers.
        rows: The rows, one `Cell` per column.
        sortable: Whether the page's sorter (``_static/atlas-sort.js``) applies.
        numeric: Which columns hold numbers (sorted as numbers, right-aligned).
        caption: The table's caption.
    """
    classes = "docutils atlas-table" + " atlas-sortable" * sortable
    number = ' data-type="number"'
    head = "".join(f"<th{number * (i in numeric)}>{esc(h)}</th>" for i, h in enumerate(headers))
    lines = [f'<table class="{classes}">']
    if caption is not None:
        lines.append(f"<caption>{esc(caption)}</caption>")
    lines += [f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    lines += ["<tr>" + "".join(cell.html() for cell in row) + "</tr>" for row in rows]
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


class Page:
    """A MyST page under construction: markdown lines and raw HTML blocks."""

    def __init__(self, title: str) -> None:
        """Start a page whose first heading is *title*."""
        self.lines: list[str] = [f"# {title}", ""]

    def add(self, *lines: str) -> None:
        """Add markdown lines, then a blank line."""
        self.lines += [*lines, ""]

    def html(self, block: str) -> None:
        """Add a raw HTML block (no blank lines inside, so MyST keeps it whole)."""
        self.lines += [line for line in block.splitlines() if line.strip()]
        self.lines.append("")

    def text(self) -> str:
        """Return the page's text."""
        return "\n".join(self.lines).rstrip() + "\n"
