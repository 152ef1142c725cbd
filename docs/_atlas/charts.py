"""The atlas's two kinds of chart, drawn with matplotlib as reproducible SVG.

The same data gives the same bytes: a fixed backend, font, SVG id and hash
salt, no date in the metadata, and text kept as text (``svg.fonttype``
``none``) in the bundled DejaVu Sans.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Final, NamedTuple

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

__all__ = ["Bar", "PayPoint", "bar_chart", "pay_chart"]

_NOMINAL: Final = "#1f5fa8"
_REAL: Final = "#c0504d"
_HIGH: Final = "#2e7d4f"
_LOW: Final = "#b8741a"


class PayPoint(NamedTuple):
    """One point of a pay chart.

    Attributes:
        year: Where the period sits on the time axis (its midpoint, in years).
        nominal: The figure in the dollars of its own period.
        real: The figure in constant dollars of the newest year.
        label: The source's short name ("OOH 2010-11 ed.", "oews-2025-05").
        edition: Whether the source is a handbook edition.
        segment: Which run of one occupational definition the point is in.
    """

    year: float
    nominal: float
    real: float
    label: str
    edition: bool
    segment: int


class Bar(NamedTuple):
    """One bar of a ranking chart: a name, its value, the value as printed, which group."""

    name: str
    value: float
    text: str
    high: bool


def _styled() -> AbstractContextManager[None]:
    """Fix everything that would make two drawings of the same data differ, and the look."""
    return plt.rc_context(
        {
            "svg.hashsalt": "medcoder-careers-atlas",
            "svg.id": "atlas-chart",
            "svg.fonttype": "none",
            "font.family": "DejaVu Sans",
            "font.size": 9.0,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 10.0,
        }
    )


def _dollars(value: float, _: object) -> str:
    return f"${value:,.0f}"


def _save(figure: Figure, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(figure)


def pay_chart(
    path: Path,
    *,
    title: str,
    points: Sequence[PayPoint],
    breaks: Sequence[tuple[float, str]],
    price_year: int,
) -> None:
    """Draw median pay over time as SVG: nominal and constant dollars, one line per definition.

    Points of one occupational definition are joined; a definition break
    is a gap with a dotted vertical rule and its label, never a joining
    line. Handbook-edition points are diamonds; every point is labelled
    with its source.

    Args:
        path: The SVG file to write.
        title: The chart's title (it names the periods).
        points: The points, in period order.
        breaks: Where a definition changes (time axis position, label).
        price_year: The year whose dollars the constant line is in.
    """
    with _styled():
        figure, axes = plt.subplots(figsize=(7.5, 4.2))
        for segment in sorted({p.segment for p in points}):
            run = [p for p in points if p.segment == segment]
            labelled = segment == points[0].segment
            xs = [p.year for p in run]
            axes.plot(
                xs,
                [p.nominal for p in run],
                color=_NOMINAL,
                marker="o",
                linewidth=1.8,
                label="nominal (dollars of each period)" if labelled else None,
            )
            axes.plot(
                xs,
                [p.real for p in run],
                color=_REAL,
                marker="s",
                markersize=4,
                linestyle="--",
                linewidth=1.4,
                label=f"constant {price_year} dollars (CPI-U)" if labelled else None,
            )
        editions = [p for p in points if p.edition]
        if editions:
            axes.scatter(
                [p.year for p in editions],
                [p.nominal for p in editions],
                marker="D",
                s=60,
                facecolors="none",
                edgecolors="black",
                linewidths=1.2,
                zorder=5,
                label="Occupational Outlook Handbook edition",
            )
        for point in points:  # the source of each point: editions above, others below
            axes.annotate(
                point.label,
                (point.year, point.nominal),
                xytext=(2, 9) if point.edition else (4, -10),
                textcoords="offset points",
                rotation=35 if point.edition else -35,
                fontsize=7,
                ha="left",
                va="bottom" if point.edition else "top",
                color="black" if point.edition else "#555555",
                fontweight="bold" if point.edition else "normal",
            )
        first, last = points[0], points[-1]
        for value, color in ((first.nominal, _NOMINAL), (first.real, _REAL)):
            axes.annotate(
                _dollars(value, None),
                (first.year, value),
                xytext=(-7, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=7.5,
                color=color,
            )
        ends = [(last.nominal, _NOMINAL)]
        if abs(last.real - last.nominal) > 1:
            ends.append((last.real, _REAL))
        for value, color in ends:
            axes.annotate(
                _dollars(value, None),
                (last.year, value),
                xytext=(7, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=7.5,
                color=color,
            )
        for year, label in breaks:
            axes.axvline(year, color="#777777", linestyle=":", linewidth=1.2)
            axes.annotate(
                label,
                (year, 0.98),
                xycoords=("data", "axes fraction"),
                rotation=90,
                fontsize=6.5,
                color="#444444",
                xytext=(3, 0),
                textcoords="offset points",
                ha="left",
                va="top",
            )
        low = min(min(p.nominal, p.real) for p in points)
        high = max(max(p.nominal, p.real) for p in points)
        margin = max((high - low) * 0.3, high * 0.1)
        axes.set_ylim(max(low - margin, 0), high + margin)
        axes.set_xlim(min(p.year for p in points) - 3.5, max(p.year for p in points) + 3.5)
        axes.yaxis.set_major_formatter(FuncFormatter(_dollars))
        axes.set_xlabel("Reference period (year)")
        axes.set_ylabel("Median annual wage (US dollars a year)")
        axes.set_title(title)
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        axes.legend(loc="upper left", fontsize=7.5, frameon=False)
        _save(figure, path)


def bar_chart(path: Path, *, title: str, xlabel: str, bars: Sequence[Bar]) -> None:
    """Draw a horizontal bar chart as SVG, highest at the top, each bar labelled with its value.

    Args:
        path: The SVG file to write.
        title: The chart's title (it names the period).
        xlabel: The value axis's label, with its unit.
        bars: The bars, top first.
    """
    with _styled():
        figure, axes = plt.subplots(figsize=(7.5, 0.24 * len(bars) + 1.3))
        positions = list(range(len(bars)))[::-1]
        axes.barh(
            positions,
            [b.value for b in bars],
            color=[_HIGH if b.high else _LOW for b in bars],
            height=0.7,
        )
        axes.set_yticks(positions, [b.name for b in bars])
        for position, bar in zip(positions, bars, strict=True):
            axes.annotate(
                bar.text,
                (bar.value, position),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7.5,
            )
        axes.set_xlim(0, max(b.value for b in bars) * 1.15)
        axes.xaxis.set_major_formatter(FuncFormatter(_dollars))
        axes.set_xlabel(xlabel)
        axes.set_title(title)
        axes.grid(axis="x", color="#dddddd", linewidth=0.6)
        axes.set_axisbelow(True)
        _save(figure, path)
