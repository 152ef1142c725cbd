"""How figures and records read: a figure's words (amount, unit, bound), and HTML for notebooks.

`figure_text` is the one way a figure is written, on the command line and
in a notebook: ``about 172,500``, ``$51,140``, ``at least $239,200``.
`html_table` and `record_html` give the self-contained, escaped HTML that
Jupyter shows for a record (`_repr_html_`); nothing else is needed to see it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final, Protocol

import attrs
from attrs import AttrsInstance

from ._vocab import Bound, Coverage, Unit

__all__ = [
    "BOUND_WORDS",
    "COVERAGE_WORDS",
    "Figure",
    "amount",
    "cited_html",
    "escaped",
    "figure_text",
    "html_table",
    "record_html",
]

BOUND_WORDS: Final = {
    Bound.EXACT: "",
    Bound.APPROXIMATE: "about ",
    Bound.MORE_THAN: "more than ",
    Bound.LESS_THAN: "less than ",
    Bound.AT_LEAST: "at least ",
}
"""The words before a figure that say how its source bounds it."""


COVERAGE_WORDS: Final = {
    Coverage.WAGE_AND_SALARY: "wage and salary jobs",
    Coverage.ALL_JOBS: "all jobs, self-employed included",
}
"""How a count of jobs says which jobs it counts."""


class Figure(Protocol):
    """What a figure's words are made of (a `Statistic` has it all)."""

    @property
    def value(self) -> Decimal: ...  # pragma: no cover - a protocol

    @property
    def value_high(self) -> Decimal | None: ...  # pragma: no cover - a protocol

    @property
    def unit(self) -> Unit: ...  # pragma: no cover - a protocol

    @property
    def bound(self) -> Bound: ...  # pragma: no cover - a protocol


class _Cited(Protocol):
    @property
    def source(self) -> str: ...  # pragma: no cover - a protocol

    @property
    def quote(self) -> str: ...  # pragma: no cover - a protocol

    @property
    def locator(self) -> str | None: ...  # pragma: no cover - a protocol


def amount(number: Decimal, unit: Unit) -> str:
    """Write *number* in *unit*: ``$51,140``, ``$24.59``, ``7.1%``, ``194,720``.

    >>> amount(Decimal("51140"), Unit.USD_PER_YEAR), amount(Decimal("7.1"), Unit.PERCENT)
    ('$51,140', '7.1%')
    """
    match unit:
        case Unit.USD_PER_YEAR:
            return f"${number:,.0f}" if number == number.to_integral() else f"${number:,.2f}"
        case Unit.USD_PER_HOUR:
            return f"${number:,.2f}"
        case Unit.PERCENT:
            return f"{number}%"
        case _:
            return f"{number:,}"


def figure_text(stat: Figure) -> str:
    """Write a figure with its bound and range, e.g. ``about $30,610``."""
    text = amount(stat.value, stat.unit)
    if stat.value_high is not None:
        text += f" to {amount(stat.value_high, stat.unit)}"
    return f"{BOUND_WORDS[stat.bound]}{text}"


def escaped(text: object) -> str:
    """Return *text* as HTML text: its ``<``, ``>``, ``&`` and quotes escaped."""
    return html.escape(str(text), quote=True)


def html_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    caption: str | None = None,
    foot: str | None = None,
) -> str:
    """Return an HTML table of *rows* under *headers*; cells are HTML already (see `cited_html`)."""
    parts = ["<table>"]
    if caption:
        parts.append(f"<caption>{escaped(caption)}</caption>")
    parts.append("<tr>" + "".join(f"<th>{escaped(h)}</th>" for h in headers) + "</tr>")
    parts += ["<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows]
    parts.append("</table>")
    if foot:
        parts.append(f"<p><small>{escaped(foot)}</small></p>")
    return "".join(parts)


def _where(citation: _Cited) -> str:
    found = f"{citation.source}: {citation.quote}"
    return f"{found} [{citation.locator}]" if citation.locator else found


def cited_html(text: str, citation: _Cited | None) -> str:
    """Return *text*, escaped, with its source and quote (and locator) in small type below."""
    if citation is None:
        return escaped(text)
    return f"{escaped(text)}<br><small>{escaped(_where(citation))}</small>"


def _plain(value: object) -> str:
    """A field's value in a few words: a sequence as its items, a record by its id or name."""
    if isinstance(value, tuple):
        return "; ".join(_plain(item) for item in value) if value else ""
    if attrs.has(type(value)):
        for name in ("id", "name", "abbreviation", "code", "text", "example", "quote"):
            if hasattr(value, name):
                return str(getattr(value, name))
    return "" if value is None else str(value)


def record_html(record: AttrsInstance) -> str:
    """Return any attrs record as an HTML table of its fields, its citations last."""
    rows = []
    cited: list[_Cited] = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name == "citations":
            cited += value
            continue
        if field.name == "citation" and value is not None:
            cited.append(value)
            continue
        text = _plain(value)
        if text:
            rows.append([escaped(field.name), escaped(text)])
    rows += [["cited", escaped(_where(c))] for c in cited]
    return html_table(["field", "value"], rows, caption=type(record).__name__)
