"""Text rendering for the command line: records, figures, first answers and 80-column tables."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Final, NamedTuple

from medcoder_careers._catalog import Catalog
from medcoder_careers._compare import Comparison
from medcoder_careers._display import BOUND_WORDS, COVERAGE_WORDS, amount, figure_text
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
    Task,
    Unpublished,
)
from medcoder_careers._quick import QuickFacts
from medcoder_careers._search import SearchResult
from medcoder_careers._series import Series
from medcoder_careers._topics import Topic
from medcoder_careers._vocab import Bound, Coverage, Measure, TaskKind, Unit, UnpublishedReason

__all__ = [
    "COVERAGE_WORDS",
    "WIDTH",
    "RealValues",
    "areas_table",
    "comparison",
    "dollars",
    "entity",
    "facts_table",
    "inflation",
    "ordered_tasks",
    "quick_facts",
    "search_table",
    "series_table",
    "source_label",
    "statistics_table",
    "table",
    "task_kind",
    "tasks_table",
    "title",
    "unpublished_lines",
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
    Measure.PROJECTED_EMPLOYMENT: "projected employment",
    Measure.ANNUAL_OPENINGS: "openings a year",
}


def dollars(number: Decimal) -> str:
    """Dollars and cents, however large (``format`` rounds without a context's limits)."""
    sign = "-" * (number < 0)
    return f"{sign}${abs(number):,.2f}"


def value(stat: Statistic) -> str:
    """Render a statistic's figure with its bound, e.g. ``about $30,610``."""
    return figure_text(stat)


def _qualifier(stat: Statistic, *, industry: bool = True) -> str:
    """The qualifiers of a figure in a few words (its industry too, unless a column has it)."""
    parts = []
    if stat.percentile is not None:
        parts.append("median" if stat.percentile == 50 else f"p{stat.percentile}")  # noqa: PLR2004
    if industry and stat.industry is not None:
        parts.append(f"ind. {stat.industry}")
    parts += [q for q in (stat.setting, stat.experience, stat.accreditor) if q is not None]
    return ", ".join(parts)


def source_label(source: Source) -> str:
    """Name a source as a reader takes it: a handbook edition as such ("OOH 2006-07 ed.")."""
    return source.id if source.edition is None else f"OOH {source.edition} ed."


_AREA_NAME_MAX: Final = 18
"""An area's name longer than this is shown by its code in a table."""
_LONG: Final = 40
"""A result of more rows than this says how to narrow it."""
_NARROWING: Final = (
    ("area", "--area"),
    ("period", "--period"),
    ("occupation", "--occupation"),
    ("measure", "--measure"),
    ("industry", "--industry"),
    ("source", "--source"),
)
_SHORT: Final = {Coverage.WAGE_AND_SALARY: "wage/sal", Coverage.ALL_JOBS: "all"}
_FLEXIBLE: Final = ("QUALIFIER", "AREA", "MEASURE", "SOURCE")
_NEVER_CUT: Final = ("PERIOD", "INDUSTRY", "SOC", "VALUE")


def _area_label(area: Area) -> str:
    return area.name if len(area.name) <= _AREA_NAME_MAX else area.id


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    flexible: Sequence[int] = (),
    fixed: Sequence[int] = (),
    width: int = WIDTH,
) -> str:
    """Lay *rows* out under *headers* in columns, at most *width* characters a line.

    When the table is too wide, the *flexible* columns (by index, in
    order) give way first, down to ten characters each; then the widest
    column but the *fixed* ones (a figure is never cut) loses one character
    at a time. Cells cut short end in ``...``; a line break in a cell is
    shown as a space.
    """
    # A cell is one line: a line break in the data (a name may hold one) would split its row.
    body = [[" ".join(cell.splitlines()) for cell in row] for row in rows]
    widths = [max([len(h), *(len(row[i]) for row in body)]) for i, h in enumerate(headers)]
    excess = sum(widths) + len(_GAP) * (len(widths) - 1) - width
    for index in flexible:
        cut = min(max(excess, 0), max(widths[index] - _FLEXIBLE_MIN, 0))
        widths[index] -= cut
        excess -= cut
    cuttable = [i for i in range(len(widths)) if i not in fixed]
    while excess > 0 and cuttable:
        widest = max(cuttable, key=widths.__getitem__)
        if widths[widest] <= len(ELLIPSIS) + 1:
            break
        widths[widest] -= 1
        excess -= 1
    lines = [
        _GAP.join(clip(cell, w).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [list(headers), ["-" * w for w in widths], *body]
    ]
    return "\n".join(lines)


def statistics_table(cat: Catalog, stats: Sequence[Statistic]) -> str:
    """Render *stats* as a table per occupation whose columns tell every two rows apart.

    Each occupation's figures are a table under its title. Always the area
    (its name, or its code when the name is long), the SOC codes a figure
    counts (its definition) and the value, never cut; the period, source (a
    handbook as its edition, "OOH 2006-07 ed."), measure, qualifiers,
    industry and jobs counted (coverage) too, whenever they vary. What every
    row of a table shares is said once, above it. At the end: the count, the
    jobs counted when one coverage holds for all (else, when any figure
    counts jobs, what each abbreviation of the JOBS column stands for), and,
    for a long result, the options that would narrow it.
    """
    if not stats:
        return "no statistics match"
    by_occupation: dict[str, list[Statistic]] = {}
    for stat in stats:
        by_occupation.setdefault(stat.occupation, []).append(stat)
    lines: list[str] = []
    for occupation, rows in by_occupation.items():
        lines += _occupation_table(cat, cat.occupations[occupation].title, rows)
    lines.append(f"{plural(len(stats), 'statistic')} (data {cat.data_version})")
    lines.append("SOC: the codes a figure counts")
    coverages = {s.coverage for s in stats}
    if len(coverages) == 1 and (coverage := next(iter(coverages))) is not None:
        lines.append(f"jobs counted: {COVERAGE_WORDS[coverage]}")
    elif counted := sorted(c for c in coverages if c is not None):
        lines.append("JOBS: " + "; ".join(f"{_SHORT[c]} = {COVERAGE_WORDS[c]}" for c in counted))
    if len(stats) > _LONG:
        varying = [opt for name, opt in _NARROWING if len({getattr(s, name) for s in stats}) > 1]
        if varying:
            lines.append(f"narrow it with {' or '.join(varying[:2])}")
    return "\n".join(lines)


def _occupation_table(cat: Catalog, title_: str, stats: Sequence[Statistic]) -> list[str]:
    """The lines of one occupation's table: what its rows share, then the columns that vary."""
    columns: list[tuple[str, Callable[[Statistic], str], bool]] = [
        ("PERIOD", lambda s: str(s.period), False),
        ("SOURCE", lambda s: source_label(cat.sources[s.source]), False),
        ("AREA", lambda s: _area_label(cat.areas[s.area]), True),
        ("MEASURE", lambda s: _MEASURE_LABELS[s.measure], False),
        ("QUALIFIER", lambda s: _qualifier(s, industry=False), False),
        ("INDUSTRY", lambda s: s.industry or "all", False),
        ("SOC", lambda s: s.definition or "-", True),
        ("JOBS", lambda s: "-" if s.coverage is None else _SHORT[s.coverage], False),
        ("VALUE", value, True),
    ]
    shown_columns = []
    heading = [title_]
    for name, cell, always in columns:
        values = {cell(stat) for stat in stats}
        if always or len(values) > 1:
            shown_columns.append((name, cell))
        elif name in _HEADING and (text := _HEADING[name](stats[0], values.pop())):
            heading.append(text)
    headers = [name for name, _ in shown_columns]
    rows = [[cell(stat) for _, cell in shown_columns] for stat in stats]
    flexible = [headers.index(h) for h in _FLEXIBLE if h in headers]
    lines = textwrap.wrap(", ".join(heading), width=WIDTH, subsequent_indent="  ")
    fixed = [headers.index(h) for h in _NEVER_CUT if h in headers]
    lines.append(table(headers, rows, flexible=flexible, fixed=fixed))
    return lines


_HEADING: Final[Mapping[str, Callable[[Statistic, str], str]]] = {
    "PERIOD": lambda _, period: period,
    "SOURCE": lambda _, source: source,
    "MEASURE": lambda _, measure: measure,
    "QUALIFIER": lambda _, qualifier: qualifier,
    "INDUSTRY": lambda stat, industry: "" if stat.industry is None else f"industry {industry}",
}
"""How a value every row shares is said above the table (nothing for "all industries")."""


def unpublished_lines(records: Sequence[Unpublished]) -> list[str]:
    """Say why figures are missing: one line per reason, with the footnote's own words."""
    counts: dict[tuple[UnpublishedReason, str | None, str | None], int] = {}
    for record in records:
        key = (record.reason, record.footnote_code, record.footnote)
        counts[key] = counts.get(key, 0) + 1
    lines = []
    for (reason, code, footnote), count in sorted(counts.items(), key=lambda item: str(item[0])):
        figures = plural(count, "figure")
        if reason is UnpublishedReason.NO_ESTIMATE:
            lines.append(f"no estimate: the release has none for the occupation there ({figures})")
            continue
        label = "withheld by BLS" if reason is UnpublishedReason.WITHHELD else "not published"
        mark = f"footnote {code}" if code and code.isdigit() else f"marker {code}"
        lines.append(f"{label}: {footnote} ({mark}; {figures})")
    return lines


def wrap(label: str, text: object) -> list[str]:
    return textwrap.wrap(
        f"{label}: {text}",
        width=WIDTH,
        initial_indent="  ",
        subsequent_indent="      ",
        break_on_hyphens=False,
    )


def _occupation_fields(cat: Catalog, record: Occupation) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [("title", record.title)]
    fields += [("soc", soc) for soc in record.soc]
    if record.alternate_titles:
        fields.append(("also", ", ".join(record.alternate_titles)))
    fields += [("specialty", sp.name) for sp in record.specialties]
    fields += [("related", cat.occupations[r].title) for r in record.related]
    return fields + _job(record)


def _credential_fields(cat: Catalog, record: Credential) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [(record.abbreviation, record.name)]
    fields.append(("issuer", _organization(cat, record.issuer)))
    for r in record.requirements:
        route = "" if r.route is None else f", route {r.route}"
        fields.append((f"requires ({r.kind}{route})", r.text))
    if not record.requirements:
        fields.append(("requires", "no requirements in the data"))
    if record.options:
        fields.append(("options", ", ".join(record.options)))
    return fields + [("for", cat.occupations[o].title) for o in record.related_occupations]


def _words(value: str) -> str:
    """A vocabulary value as words: ``professional_association`` is "professional association"."""
    return value.replace("_", " ")


def _organization_fields(cat: Catalog, record: Organization) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [("name", record.name)]
    if record.abbreviation:
        fields.append(("abbreviation", record.abbreviation))
    fields.append(("kind", _words(record.kind)))
    if record.address:
        fields.append(("address", record.address))
    if record.website:
        fields.append(("website", record.website))
    return fields + [
        ("issues", f"{c.abbreviation} {c.name} ({plural(len(c.requirements), 'requirement')})")
        for c in cat.credentials_by(record)
    ]


def _source_fields(record: Source) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [("title", record.title), ("kind", _words(record.kind))]
    if record.edition:
        fields.append(("edition", record.edition))
    return [*fields, ("retrieved via", record.retrieved_via)]


def _industry_fields(record: Industry) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [("title", record.title)]
    if record.level is not None:
        fields.append(("level", f"NAICS {record.level}-digit"))
    return fields + [("code", code) for code in record.naics]


def _area_fields(record: Area) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [("name", record.name), ("kind", record.kind)]
    if record.states:
        fields.append(("states", ", ".join(record.states)))
    return fields + [
        (label, code) for label, code in (("fips", record.fips), ("cbsa", record.cbsa)) if code
    ]


def entity(cat: Catalog, record: Entity) -> str:
    """Render any entity as a few labelled lines, wrapped to 80 columns."""
    match record:
        case Occupation():
            fields = _occupation_fields(cat, record)
        case Credential():
            fields = _credential_fields(cat, record)
        case Organization():
            fields = _organization_fields(cat, record)
        case Source():
            fields = _source_fields(record)
        case Industry():
            fields = _industry_fields(record)
        case Area():
            fields = _area_fields(record)
    lines = [f"{type(record).__name__.lower()} {record.id}"]
    for label, text in fields:
        lines += wrap(label, text)
    return "\n".join(lines)


_FIRST_TASKS: Final = 5
_TASK_ORDER: Final = {TaskKind.CORE: 0, TaskKind.SUPPLEMENTAL: 1, None: 2}


def ordered_tasks(occupation: Occupation) -> list[Task]:
    """Return the occupation's tasks in O*NET's order, core first where O*NET rates them."""
    return sorted(occupation.tasks, key=lambda task: _TASK_ORDER[task.kind])


def task_kind(task: Task) -> str:
    """Return how O*NET rates *task*: ``core``, ``supplemental`` or ``unrated``."""
    return "unrated" if task.kind is None else str(task.kind)


def _job(occupation: Occupation) -> list[tuple[str, object]]:
    """What the job is: the job zone and the first tasks (the ``tasks`` command lists all)."""
    fields: list[tuple[str, object]] = []
    if occupation.job_zone is not None:
        fields.append(("job zone", f"{occupation.job_zone} of 5 (O*NET)"))
    tasks = ordered_tasks(occupation)
    fields += [(f"task ({task_kind(t)})", t.text) for t in tasks[:_FIRST_TASKS]]
    if len(tasks) > _FIRST_TASKS or occupation.technology:
        fields.append(
            (
                "more",
                (
                    f"{plural(len(tasks), 'task')} and {len(occupation.technology)} technology "
                    f"examples: medcoder-careers tasks {occupation.id}"
                ),
            )
        )
    return fields


def tasks_table(occupation: Occupation) -> str:
    """Render what the job is: its tasks (core first) and its technology (hot, in demand)."""
    lines = [clip(f"tasks: {occupation.title}", WIDTH)]
    if occupation.job_zone is not None:
        lines.append(f"job zone: {occupation.job_zone} of 5 (O*NET)")
    for task in ordered_tasks(occupation):
        lines += textwrap.wrap(
            f"{task.id} ({task_kind(task)}) {task.text}",
            width=WIDTH,
            initial_indent="  ",
            subsequent_indent="      ",
        )
    if not occupation.tasks:
        lines.append("  no tasks in the data")
    lines.append(clip(f"technology: {occupation.title}", WIDTH))
    # Grouped under their kind and wrapped, so that no name is ever cut short.
    groups: dict[str, list[str]] = {}
    for tech in occupation.technology:
        marks = ("H" if tech.hot else "") + ("D" if tech.in_demand else "")
        groups.setdefault(tech.commodity_title, []).append(
            f"{tech.example} ({marks})" if marks else tech.example
        )
    for kind in sorted(groups, key=str.casefold):
        lines += wrap(kind, "; ".join(groups[kind]))
    if not groups:
        lines.append("  no technology in the data")
    lines += textwrap.wrap(
        f"{plural(len(occupation.tasks), 'task')}, "
        f"{plural(len(occupation.technology), 'technology example')}; H: hot technology, "
        "D: in demand (source onet-29.3: O*NET 29.3 by USDOL/ETA, CC BY 4.0)",
        width=WIDTH,
    )
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
    return f"{BOUND_WORDS[stat.bound]}{text}"


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
        count += "; OTHERS: other sources for the same period, outranked"
    lines.append(count)
    if real is not None and real.price_year is not None:
        source = cat.cpi_u[real.price_year].citation.source
        lines.append(f"IN {real.price_year} $: adjusted by CPI-U annual averages (source {source})")
    return "\n".join(lines)


def _signed(number: Decimal, unit: Unit) -> str:
    sign = "-" if number < 0 else "+" if number > 0 else ""
    if unit is Unit.PERCENT:
        return f"{sign}{abs(number)} percentage points"
    return sign + amount(abs(number), unit)


def _percent(number: Decimal | None, places: int, missing: str) -> str:
    if number is None:
        return missing
    # format() rounds with no context's limits: round() would raise past 28 digits
    rounded = f"{number:.{places}f}"
    return f"{'+' * (Decimal(rounded) > 0)}{rounded}%"


def _plain(number: Decimal, places: int) -> str:
    """Round *number* to at most *places* decimals, trailing zeros dropped, however large."""
    rounded = f"{number:.{places}f}"
    return rounded.rstrip("0").rstrip(".") if "." in rounded else rounded


_BOUND_MEANING: Final = {
    Bound.EXACT: "exact",
    Bound.APPROXIMATE: "approximate (the true change is about this)",
    Bound.MORE_THAN: "more than (the true change is more than this)",
    Bound.LESS_THAN: "less than (the true change is less than this)",
}


def _figures(result: Comparison, suffix: str = "") -> list[tuple[str, str]]:
    unit = result.a.unit
    return [
        (f"change{suffix}", BOUND_WORDS[result.bound] + _signed(result.change, unit)),
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
    text = amount(getattr(result, f"value_{side}"), unit)
    if result.high is not None:
        text += f" to {amount(getattr(result.high, f'value_{side}'), unit)}"
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


def _figure(stat: Statistic | None, facts: QuickFacts, suffix: str = "") -> str:
    """A quick-facts figure: its value, what it counts, and where it comes from.

    The notes in brackets give its period and source; the SOC codes it counts
    where they are not the occupation's current code; "national" where the
    area asked for is another.
    """
    if stat is None:
        return "not in the data"
    notes = []
    if stat.definition is not None and stat.definition != facts.current_definition:
        notes.append(f"SOC {stat.definition}")
    if stat.area != facts.area.id:
        notes.append("national")
    text = value(stat) + suffix
    if stat.coverage is not None:
        text += f" {COVERAGE_WORDS[stat.coverage]}"
    if stat.descriptor:
        text += f", {stat.descriptor}"
    return f"{text} {_cited(stat.period, stat.source, *notes)}"


def _fact(fact: Fact | None) -> str:
    return "not in the data" if fact is None else f"{fact.text} {_cited(fact.period, fact.source)}"


def _missing(cat: Catalog, facts: QuickFacts, measure: Measure, percentile: int | None) -> str:
    """Why a figure of the area is missing: withheld, no estimate, or simply not in the data.

    The newest release's record gives the reason. Where that release counts
    the occupation under two SOC codes, the record of the occupation's
    current code wins; a record of another code names it, as a figure does.
    """
    found = cat.unpublished(
        occupation=facts.occupation,
        measure=measure,
        area=facts.area,
        percentile=percentile,
        industry=None,
    )
    if not found:
        return "not in the data"
    current = facts.current_definition
    newest = max(
        found, key=lambda record: (record.period, record.source, record.definition == current)
    )
    notes = []
    if newest.definition is not None and newest.definition != current:
        notes.append(f"SOC {newest.definition}")
    cited = _cited(newest.period, newest.source, *notes)
    if newest.reason is UnpublishedReason.NO_ESTIMATE:
        return f"no estimate: the release has none for this area {cited}"
    label = "withheld by BLS" if newest.reason is UnpublishedReason.WITHHELD else "not published"
    return f"{label}: {newest.footnote} {cited}"


def quick_facts(cat: Catalog, facts: QuickFacts) -> str:
    """Render an occupation's `QuickFacts`, one labelled line each with its period and source.

    Pay and jobs are the area's; for an area other than the nation, a note
    says that projections and education are national. Each count of jobs
    says which jobs it counts, and the projection comes with the employment
    it starts from, so that its percent reads against its own base. A
    figure of the area that is missing says why: withheld by BLS (in the
    footnote's words), no estimate for the area, or not in the data.
    """
    where = facts.area
    heading = "quick facts: the nation" if where.id == NATION else f"quick facts: {where.name}"
    if where.id != NATION:
        heading += f" ({where.kind}, area {where.id})"
    # A missing figure has no unit to tell the two median pay lines apart, so
    # its line names the pay period before the reason.
    pay_and_jobs = [
        ("median_annual_pay", Measure.ANNUAL_WAGE, 50, " a year", "yearly: "),
        ("median_hourly_pay", Measure.HOURLY_WAGE, 50, " an hour", "hourly: "),
        ("employment", Measure.EMPLOYMENT, None, "", ""),
    ]
    area_figures = [
        _figure(getattr(facts, name), facts, suffix)
        if getattr(facts, name) is not None
        else which + _missing(cat, facts, measure, percentile)
        for name, measure, percentile, suffix, which in pay_and_jobs
    ]
    fields = [
        ("median pay", area_figures[0]),
        ("median pay", area_figures[1]),
        ("jobs", area_figures[2]),
        ("projected from", _figure(facts.projection_base, facts)),
        ("projected change", _figure(facts.projected_change_percent, facts)),
        ("projected jobs", _figure(facts.projected_change, facts)),
        ("openings", _figure(facts.annual_openings, facts, " a year")),
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
