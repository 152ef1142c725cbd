"""Rendering of the first answers: quick facts, facts, areas, and an inflated amount."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ._errors import plural
from ._model import NATION, Area, Fact, Statistic
from ._render import WIDTH, clip, dollars, table, value, wrap

if TYPE_CHECKING:
    from ._catalog import Catalog
    from ._quick import QuickFacts

__all__ = ["areas_table", "facts_table", "inflation", "quick_facts"]


def _cited(period: object, source: str, *notes: str) -> str:
    stated = "period not stated" if period is None else str(period)
    return f"({', '.join([stated, f'source {source}', *notes])})"


def _figure(stat: Statistic | None, where: Area, suffix: str = "") -> str:
    if stat is None:
        return "not in the data"
    notes = ["national"] if stat.area != where.id else []
    text = value(stat) + suffix
    if stat.descriptor:
        text += f", {stat.descriptor}"
    return f"{text} {_cited(stat.period, stat.source, *notes)}"


def _fact(fact: Fact | None) -> str:
    return "not in the data" if fact is None else f"{fact.text} {_cited(fact.period, fact.source)}"


def quick_facts(facts: QuickFacts) -> str:
    """Render an occupation's `QuickFacts`, one labelled line each with its period and source.

    Pay and jobs are the area's; for an area other than the nation, a note
    says that projections and education are national.
    """
    where = facts.area
    heading = "quick facts: the nation" if where.id == NATION else f"quick facts: {where.name}"
    if where.id != NATION:
        heading += f" ({where.kind}, area {where.id})"
    fields = [
        ("median pay", _figure(facts.median_annual_pay, where, " a year")),
        ("median pay", _figure(facts.median_hourly_pay, where, " an hour")),
        ("jobs", _figure(facts.employment, where)),
        ("projected change", _figure(facts.projected_change_percent, where)),
        ("projected jobs", _figure(facts.projected_change, where)),
        ("entry-level education", _fact(facts.entry_level_education)),
        ("work experience", _fact(facts.work_experience)),
        ("on-the-job training", _fact(facts.on_the_job_training)),
        ("credentials", ", ".join(c.abbreviation for c in facts.credentials) or "none"),
    ]
    if where.id != NATION:
        fields.append(("note", "projections and education are national: no area has its own"))
    lines = [clip(heading, WIDTH)]
    for label, text in fields:
        lines += wrap(label, text)
    return "\n".join(lines)


def facts_table(cat: Catalog, facts: Sequence[Fact]) -> str:
    """Render *facts*: a row each (period, source, topic, occupation), its text wrapped below."""
    if not facts:
        return "no facts match"
    rows = [[str(f.period or "-"), f.source, str(f.topic), f.occupation] for f in facts]
    headers = ["PERIOD", "SOURCE", "TOPIC", "OCCUPATION"]
    header, rule, *body = table(headers, rows, flexible=[3, 1]).splitlines()
    lines = [header, rule]
    for fact, line in zip(facts, body, strict=True):
        lines.append(line)
        lines += textwrap.wrap(
            fact.text, width=WIDTH, initial_indent="    ", subsequent_indent="    "
        )
    lines.append(f"{plural(len(facts), 'fact')} (data {cat.data_version})")
    return "\n".join(lines)


def areas_table(cat: Catalog, areas: Sequence[Area]) -> str:
    """Render *areas* as a table (id, kind, name, states)."""
    if not areas:
        return "no areas match"
    rows = [[a.id, str(a.kind), a.name, " ".join(a.states) or "-"] for a in areas]
    count = f"{plural(len(areas), 'area')} (data {cat.data_version})"
    return f"{table(['ID', 'KIND', 'NAME', 'STATES'], rows, flexible=[2, 3])}\n{count}"


def inflation(
    amount: Decimal,
    result: Decimal,
    *,
    years: tuple[int, int],
    cpi: tuple[Decimal, Decimal],
    source: str,
) -> str:
    """Render an amount of year *start* as dollars of year *end*, and the CPI-U values used."""
    start, end = years
    return (
        f"{dollars(amount)} in {start} dollars = {dollars(result)} in {end} dollars\n"
        f"CPI-U annual average {start}: {cpi[0]}, {end}: {cpi[1]} (source {source})"
    )
