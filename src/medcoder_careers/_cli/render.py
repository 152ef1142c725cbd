"""Text rendering for the command line: records, figures, first answers and 80-column tables."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final, NamedTuple

from medcoder_careers._catalog import Catalog
from medcoder_careers._compare import Comparison
from medcoder_careers._errors import ELLIPSIS, clip, plural
from medcoder_careers._model import (
    NATION,
    Area,
    Credential,
    Entity,
    Fact,
    Industry,
    Occupation,
    Organization,
    Source,
    Statistic,
)
from medcoder_careers._quick import QuickFacts
from medcoder_careers._search import SearchResult
from medcoder_careers._series import Series
from medcoder_careers._topics import Topic
from medcoder_careers._vocab import Bound, Measure, Unit

__all__ = [
    "WIDTH",
    "RealValues",
    "areas_table",
    "comparison",
    "dollars",
    "entity",
    "facts_table",
    "inflation",
    "quick_facts",
    "search_table",
    "series_table",
    "statistics_table",
    "table",
    "title",
    "value",
    "wrap",
]

WIDTH: Final = 80
"""The terminal width every table and record fits."""


class RealValues(NamedTuple):
    """A series' figures in constant dollars, one (value, high end) per point.

    Attributes:
        price_year: The year whose dollars they are in (None for no points).
        values: Each point's value and high end (None where it has none).
    """

    price_year: int | None
    values: tuple[tuple[Decimal | None, Decimal | None], ...]


_GAP: Final = "  "
_FLEXIBLE_MIN: Final = 10
_BOUND: Final = {
    Bound.EXACT: "",
    Bound.APPROXIMATE: "about ",
    Bound.MORE_THAN: "more than ",
    Bound.LESS_THAN: "less than ",
    Bound.AT_LEAST: "at least ",
}

_MEASURE_LABELS: Final = {
    Measure.EMPLOYMENT: "jobs",
    Measure.EMPLOYMENT_SHARE: "share of jobs",
    Measure.ANNUAL_WAGE: "annual wage",
    Measure.HOURLY_WAGE: "hourly wage",
    Measure.ANNUAL_SALARY: "salary",
    Measure.PROJECTED_CHANGE_PERCENT: "projected %",
    Measure.PROJECTED_CHANGE: "projected jobs",
    Measure.ACCREDITED_PROGRAMS: "programs",
    Measure.ANNUAL_MEAN_WAGE: "annual mean",
    Measure.HOURLY_MEAN_WAGE: "hourly mean",
    Measure.EMPLOYMENT_PER_1000_JOBS: "per 1,000 jobs",
    Measure.LOCATION_QUOTIENT: "location quotient",
    Measure.SHARE_OF_INDUSTRY: "% of industry",
}


def dollars(number: Decimal) -> str:
    """Dollars and cents, however large (``format`` rounds without a context's limits)."""
    sign = "-" * (number < 0)
    return f"{sign}${abs(number):,.2f}"


def _amount(number: Decimal, unit: Unit) -> str:
    match unit:
        case Unit.USD_PER_YEAR:
            return f"${number:,.0f}" if number == number.to_integral() else f"${number:,.2f}"
        case Unit.USD_PER_HOUR:
            return f"${number:,.2f}"
        case Unit.PERCENT:
            return f"{number}%"
        case _:
            return f"{number:,}"


def value(stat: Statistic) -> str:
    """Render a statistic's figure with its bound, e.g. ``about $30,610``."""
    text = _amount(stat.value, stat.unit)
    if stat.value_high is not None:
        text += f" to {_amount(stat.value_high, stat.unit)}"
    return f"{_BOUND[stat.bound]}{text}"


def _qualifier(stat: Statistic) -> str:
    parts = []
    if stat.percentile is not None:
        parts.append("median" if stat.percentile == 50 else f"p{stat.percentile}")  # noqa: PLR2004
    if stat.industry is not None:
        parts.append(f"ind. {stat.industry}")
    parts += [q for q in (stat.setting, stat.experience, stat.accreditor) if q is not None]
    return ", ".join(parts)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    flexible: Sequence[int] = (),
    width: int = WIDTH,
) -> str:
    """Lay *rows* out under *headers* in columns, at most *width* characters a line.

    When the table is too wide, the *flexible* columns (by index, in
    order) give way first, down to ten characters each; then the widest
    column loses one character at a time. Cells cut short end in ``...``.
    """
    body = [list(row) for row in rows]
    widths = [max([len(h), *(len(row[i]) for row in body)]) for i, h in enumerate(headers)]
    excess = sum(widths) + len(_GAP) * (len(widths) - 1) - width
    for index in flexible:
        cut = min(max(excess, 0), max(widths[index] - _FLEXIBLE_MIN, 0))
        widths[index] -= cut
        excess -= cut
    while excess > 0 and max(widths) > len(ELLIPSIS) + 1:
        widths[widths.index(max(widths))] -= 1
        excess -= 1
    lines = [
        _GAP.join(clip(cell, w).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [list(headers), ["-" * w for w in widths], *body]
    ]
    return "\n".join(lines)


def statistics_table(cat: Catalog, stats: Sequence[Statistic]) -> str:
    """Render *stats* as a table (period, source, measure, qualifier, value)."""
    headers = ["PERIOD", "SOURCE", "MEASURE", "QUALIFIER", "VALUE"]
    flexible = [1, 3]  # the source and the qualifier give way first
    several = len({s.occupation for s in stats}) > 1
    if several:
        headers.insert(0, "OCCUPATION")
        flexible = [0, 2, 4]
    rows = []
    for stat in stats:
        source = cat.sources[stat.source]
        row = [
            str(stat.period),
            source.edition or source.id,
            _MEASURE_LABELS[stat.measure],
            _qualifier(stat),
            value(stat),
        ]
        rows.append([stat.occupation, *row] if several else row)
    if not stats:
        return "no statistics match"
    count = f"{len(stats)} statistic{'s' * (len(stats) != 1)} (data {cat.data_version})"
    return f"{table(headers, rows, flexible=flexible)}\n{count}"


def wrap(label: str, text: object) -> list[str]:
    return textwrap.wrap(
        f"{label}: {text}",
        width=WIDTH,
        initial_indent="  ",
        subsequent_indent="      ",
        break_on_hyphens=False,
    )


def entity(cat: Catalog, record: Entity) -> str:  # noqa: C901, PLR0912 - one case per kind
    """Render any entity as a few labelled lines, wrapped to 80 columns."""
    fields: list[tuple[str, object]] = []
    match record:
        case Occupation():
            fields.append(("title", record.title))
            fields += [("soc", soc) for soc in record.soc]
            if record.alternate_titles:
                fields.append(("also", ", ".join(record.alternate_titles)))
            fields += [("specialty", sp.name) for sp in record.specialties]
            fields += [("related", cat.occupations[r].title) for r in record.related]
        case Credential():
            fields.append((record.abbreviation, record.name))
            fields.append(("issuer", _organization(cat, record.issuer)))
            fields += [(f"requires ({r.kind})", r.text) for r in record.requirements]
            if not record.requirements:
                fields.append(("requires", "no requirements in the data"))
            if record.options:
                fields.append(("options", ", ".join(record.options)))
            fields += [("for", cat.occupations[o].title) for o in record.related_occupations]
        case Organization():
            fields.append(("name", record.name))
            if record.abbreviation:
                fields.append(("abbreviation", record.abbreviation))
            fields.append(("kind", record.kind))
            if record.address:
                fields.append(("address", record.address))
            if record.website:
                fields.append(("website", record.website))
            fields += [
                (
                    "issues",
                    f"{c.abbreviation} {c.name} ({plural(len(c.requirements), 'requirement')})",
                )
                for c in cat.credentials_by(record)
            ]
        case Source():
            fields.append(("title", record.title))
            fields.append(("kind", record.kind))
            if record.edition:
                fields.append(("edition", record.edition))
            fields.append(("retrieved via", record.retrieved_via))
        case Industry():
            fields.append(("title", record.title))
            if record.level is not None:
                fields.append(("level", f"NAICS {record.level}-digit"))
            fields += [("code", code) for code in record.naics]
        case Area():
            fields.append(("name", record.name))
            fields.append(("kind", record.kind))
            if record.states:
                fields.append(("states", ", ".join(record.states)))
            for label, code in (("fips", record.fips), ("cbsa", record.cbsa)):
                if code is not None:
                    fields.append((label, code))
    lines = [f"{type(record).__name__.lower()} {record.id}"]
    for label, text in fields:
        lines += wrap(label, text)
    return "\n".join(lines)


def _organization(cat: Catalog, key: str) -> str:
    """Return an organization's name, with its abbreviation where it has one."""
    found = cat.organizations[key]
    return found.name if found.abbreviation is None else f"{found.name} ({found.abbreviation})"


def title(record: Entity | Topic) -> str:
    """Return what *record* is called: an occupation's or source's title, else its name."""
    match record:
        case Occupation() | Source() | Industry():
            return record.title
        case Credential() | Organization() | Area() | Topic():
            return record.name


def topic_command(topic: Topic) -> str:
    """Return the command that lists *topic*'s statistics or facts."""
    if topic.measure is None:
        return f"facts --topic {topic.fact_topic}"
    given = f" --percentile {topic.percentile}" if topic.percentile is not None else ""
    return f"stats --measure {topic.measure}{given}"


def search_table(results: Sequence[SearchResult], text: str) -> str:
    """Render search *results* for *text*: score, id and matched name, then kind and title.

    Each result is a row of the table (score, id, the name that matched)
    and an indented line below it with the kind and the title, so that a
    long id is never cut short.
    """
    if not results:
        return f"nothing matches {text!r}"
    rows = [[f"{r.score:.2f}", r.id, r.name] for r in results]
    header, rule, *body = table(["SCORE", "ID", "MATCHED"], rows, flexible=[2]).splitlines()
    indent = " " * (len(rule.split()[0]) + len(_GAP))
    lines = [header, rule]
    for result, line in zip(results, body, strict=True):
        what = f"{result.kind}: {title(result.entity)}"
        if isinstance(result.entity, Topic):
            what += f" ({topic_command(result.entity)})"
        lines += [line, clip(f"{indent}{what}", WIDTH)]
    count = f"{len(results)} result{'s' * (len(results) != 1)} for {text!r}, best first"
    return "\n".join([*lines, count])


def _heading(cat: Catalog, stat: Statistic, occupation: str | None = None) -> str:
    """Return "what: of whom" for a statistic, and a "vs" line for a second occupation."""
    what = _MEASURE_LABELS[stat.measure]
    qualifier = _qualifier(stat)
    if qualifier:
        what += f", {qualifier}"
    heading = clip(f"{what}: {cat.occupations[stat.occupation].title}", WIDTH)
    if occupation is not None and occupation != stat.occupation:
        heading += "\n" + clip(f"  vs {cat.occupations[occupation].title}", WIDTH)
    return heading


def _definition_break(period: object, before: str | None, after: str | None) -> str:
    return f"! definition changes at {period}: {before or 'not stated'} -> {after or 'not stated'}"


def _constant_value(stat: Statistic, low: Decimal | None, high: Decimal | None) -> str:
    """A figure in constant dollars: whole dollars a year, cents an hour."""
    places = 2 if stat.unit is Unit.USD_PER_HOUR else 0
    text = "" if low is None else f"${low:,.{places}f}"
    if high is not None:
        text += f" to ${high:,.{places}f}"
    return f"{_BOUND[stat.bound]}{text}"


def series_table(cat: Catalog, series: Series, *, real: RealValues | None = None) -> str:
    """Render *series* as a table, one row per period, a ``!`` line at each definition break.

    The columns are the period, the figure with its bound, the source it
    comes from, the occupational definition it counts and how many other
    sources state a figure for the same period; with *real*, the figure in
    constant dollars after the figure.
    """
    if not series:
        label = _MEASURE_LABELS[series.measure]
        return f"no {label} figures for {cat.occupations[series.occupation].title}"
    headers = ["PERIOD", "VALUE", "SOURCE", "DEFINITION", "OTHERS"]
    rows = [
        [
            str(point.period),
            value(point.statistic),
            point.source,
            point.statistic.definition or "-",
            str(len(point.alternatives)),
        ]
        for point in series
    ]
    if real is not None:
        headers.insert(2, f"IN {real.price_year} $")
        for row, point, (low, high) in zip(rows, series, real.values, strict=True):
            row.insert(2, _constant_value(point.statistic, low, high))
    header, rule, *body = table(headers, rows, flexible=[3 if real else 2]).splitlines()
    lines = [_heading(cat, series.latest().statistic), header, rule]
    breaks = set(series.breaks)
    previous: str | None = None
    for point, line in zip(series, body, strict=True):
        definition = point.statistic.definition
        if point.period in breaks:
            lines.append(_definition_break(point.period, previous, definition))
        lines.append(line)
        previous = definition
    count = f"{len(series)} period{'s' * (len(series) != 1)} (data {cat.data_version})"
    if any(point.alternatives for point in series):
        count += "; OTHERS: older sources stating the same period"
    lines.append(count)
    if real is not None and real.price_year is not None:
        source = cat.cpi_u[real.price_year].citation.source
        lines.append(f"IN {real.price_year} $: adjusted by CPI-U annual averages (source {source})")
    return "\n".join(lines)


def _signed(number: Decimal, unit: Unit) -> str:
    sign = "-" if number < 0 else "+" if number > 0 else ""
    if unit is Unit.PERCENT:
        return f"{sign}{abs(number)} percentage points"
    return sign + _amount(abs(number), unit)


def _percent(number: Decimal | None, places: int, missing: str) -> str:
    if number is None:
        return missing
    rounded = round(number, places)
    return f"{'+' * (rounded > 0)}{rounded}%"


def _plain(number: Decimal, places: int) -> str:
    """Round *number* to at most *places* decimals, trailing zeros dropped."""
    return f"{round(number, places).normalize():f}"


_BOUND_MEANING: Final = {
    Bound.EXACT: "exact",
    Bound.APPROXIMATE: "approximate (the true change is about this)",
    Bound.MORE_THAN: "more than (the true change is more than this)",
    Bound.LESS_THAN: "less than (the true change is less than this)",
}


def _figures(result: Comparison, suffix: str = "") -> list[tuple[str, str]]:
    unit = result.a.unit
    return [
        (f"change{suffix}", _BOUND[result.bound] + _signed(result.change, unit)),
        (
            f"percent change{suffix}",
            _percent(result.percent_change, 1, "n/a (the first figure is zero)"),
        ),
        (f"ratio{suffix}", "n/a" if result.ratio is None else _plain(result.ratio, 3)),
        (
            f"annualized{suffix}",
            _percent(result.annualized_percent, 2, "n/a (no growth rate between these)")
            + " a year" * (result.annualized_percent is not None),
        ),
    ]


def _constant(result: Comparison, side: str) -> str:
    unit = result.a.unit
    text = _amount(getattr(result, f"value_{side}"), unit)
    if result.high is not None:
        text += f" to {_amount(getattr(result.high, f'value_{side}'), unit)}"
    return text


def comparison(cat: Catalog, result: Comparison) -> str:
    """Render a `Comparison` as two figure rows and labelled results, within 80 columns.

    The rows give each statistic's period, source and figure with its
    bound (and, when ``real``, the figure in constant dollars); then the
    change, percent change, ratio, annualized rate, years and the bound of
    the result; with ``real``, the CPI-U averages used; a ``!`` line when
    the occupational definition changes.
    """
    a, b = result.a, result.b
    headers = ["", "PERIOD", "SOURCE", "VALUE"]
    rows = [
        ["from", str(a.period), a.source, value(a)],
        ["to", str(b.period), b.source, value(b)],
    ]
    if result.real:
        headers.append(f"IN {result.price_year} DOLLARS")
        rows[0].append(_constant(result, "a"))
        rows[1].append(_constant(result, "b"))
    fields = _figures(result)
    if result.high is not None:
        fields += _figures(result.high, " (high end)")
    fields += [("years", _plain(result.years, 3)), ("bound", _BOUND_MEANING[result.bound])]
    if result.cpi is not None:
        first, second = result.cpi
        prices = f"CPI-U {first.year}: {first.value}, {second.year}: {second.value}"
        fields.append(("prices", f"{prices} (source {first.citation.source})"))
    lines = [_heading(cat, a, b.occupation), table(headers, rows, flexible=[2])]
    width = max(len(label) for label, _ in fields) + len(_GAP)
    lines += [clip(f"{label.ljust(width)}{text}", WIDTH) for label, text in fields]
    if result.definition_changed:
        before, after = (d or "not stated" for d in (a.definition, b.definition))
        lines.append(f"! definition changes: {before} -> {after}")
    return "\n".join(lines)


# -- first answers: quick facts, facts, areas, an inflated amount -----------------


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
