"""The "sources and periods" block under every figure and table of the atlas."""

from __future__ import annotations

from collections.abc import Iterable

import medcoder_careers as mc

from .fmt import esc, period_text

__all__ = ["Cited", "cited", "details"]

Cited = tuple[str, mc.Citation, mc.Period | None]
"""A label for a figure ("Akron, OH: jobs"), where it was read, and its reference period."""


def cited(label: str, record: mc.Statistic | mc.Fact | mc.Task | mc.Technology) -> Cited:
    """Label a statistic, fact, task or technology example for `details`.

    A task or technology example has no reference period of its own: its
    source, the O*NET release, is what dates it.
    """
    period = record.period if isinstance(record, mc.Statistic | mc.Fact) else None
    return (label, record.citation, period)


def _source_line(source: mc.Source) -> str:
    parts = [f"<b>{esc(source.title)}</b> (<code>{esc(source.id)}</code>"]
    if source.edition is not None:
        parts.append(f", {esc(source.edition)} Edition")
    if source.release is not None:
        parts.append(f", release {esc(source.release)}")
    parts.append(")")
    if source.address is not None:
        parts.append(f', file <a href="{esc(source.address)}">{esc(source.address)}</a>')
        if source.sha256 is not None:
            parts.append(f" (sha256 <code>{esc(source.sha256[:16])}</code>…)")
    return "".join(parts)


def _reference(citation: mc.Citation) -> str:
    if citation.locator is not None:
        return (
            f"series <code>{esc(citation.locator)}</code>, printed "
            f"“{esc(citation.quote)}” ({esc(citation.source)})"
        )
    return f"“{esc(citation.quote)}” ({esc(citation.source)})"


def details(cat: mc.Catalog, items: Iterable[Cited], *, note: str = "") -> str:
    """Return a ``<details>`` block naming the sources and periods of *cited*, with each citation.

    Each figure is listed with its label and either the verbatim quote
    that states it or, for a value read from an OEWS table, the BLS
    series id of its cell and the value as printed.

    Args:
        cat: The catalog the records come from (for the source titles).
        items: The figures, in the order shown (see `cited`).
        note: A sentence to add before the list (what the figure leaves out).
    """
    items = list(items)
    sources = sorted({citation.source for _, citation, _ in items})
    periods = sorted({period for _, _, period in items if period is not None})
    undated = any(period is None for _, _, period in items)
    period_words = [period_text(p) for p in periods] + ["not stated"] * undated
    lines = [
        '<details class="atlas-sources">',
        f"<summary>Sources and periods ({len(items)} figure{'s' * (len(items) != 1)})</summary>",
        "<p>Sources: " + "; ".join(_source_line(cat.sources[s]) for s in sources) + ".</p>",
        f"<p>Reference periods: {esc(', '.join(period_words) or 'none')}.</p>",
    ]
    if note:
        lines.append(f"<p>{esc(note)}</p>")
    lines.append("<ul>")
    lines += [f"<li>{esc(label)}: {_reference(citation)}</li>" for label, citation, _ in items]
    lines += ["</ul>", "</details>"]
    return "\n".join(lines)
