"""The commands about figures: ``stats``, ``series``, ``compare`` and ``inflate``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from medcoder_careers._catalog import Catalog, compare, inflate
from medcoder_careers._compare import Comparison
from medcoder_careers._errors import PeriodError, clip, plural
from medcoder_careers._export import csv_text, full_record
from medcoder_careers._model import Statistic
from medcoder_careers._period import Period
from medcoder_careers._series import Series
from medcoder_careers._vocab import DOLLAR_UNITS, units_for

from .common import (
    QUALIFIER_HELP,
    SLICE,
    STAT_FILTERS,
    UsageError,
    add_format,
    add_qualifiers,
    converter,
    data,
    emit,
    number,
    print_csv,
    print_json,
    qualifiers,
)
from .render import (
    RealValues,
    comparison,
    inflation,
    series_table,
    statistics_table,
    unpublished_lines,
)

__all__ = [
    "compare_arguments",
    "inflate_arguments",
    "run_compare",
    "run_inflate",
    "run_series",
    "run_stats",
    "series_arguments",
    "stats_arguments",
]

_REAL_HELP: Final = "dollar figures in constant dollars of the {} (CPI-U annual averages)"


def series_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``series``."""
    parser.add_argument("occupation", metavar="OCCUPATION", help=STAT_FILTERS["occupation"])
    parser.add_argument("measure", metavar="MEASURE", help=STAT_FILTERS["measure"])
    group = parser.add_argument_group(
        "qualifiers (one not given: the figures without it; wages: the median)"
    )
    add_qualifiers(group)
    group.add_argument(
        "--definition",
        help="only figures counting these SOC codes, e.g. 29-2071 or 29-2072+29-9021",
    )
    parser.add_argument("--real", action="store_true", help=_REAL_HELP.format("latest period"))
    add_format(parser)


_SERIES_COLUMNS: Final = (
    "period",
    "value",
    "value_high",
    "unit",
    "bound",
    "source",
    "definition",
    "alternatives",
    "definition_changes",
)
_REAL_COLUMNS: Final = ("real_value", "real_value_high", "price_year")


def _real(cat: Catalog, series: Series) -> RealValues:
    """Return each point's figure in constant dollars of the series' latest period."""
    units = units_for(series.measure)
    if not units <= DOLLAR_UNITS:
        unit = ", ".join(sorted(units))
        msg = f"--real adjusts dollar figures only; {series.measure} is in {unit}"
        raise UsageError(msg)
    if not series:
        return RealValues(price_year=None, values=())
    target = series.latest().period

    def constant(amount: Decimal | None, period: Period) -> Decimal | None:
        return None if amount is None else inflate(amount, period, target, catalog=cat)

    values = tuple(
        (constant(p.statistic.value, p.period), constant(p.statistic.value_high, p.period))
        for p in series
    )
    return RealValues(price_year=target.start_year, values=values)


def _series_rows(series: Series, real: RealValues | None) -> list[dict[str, object]]:
    breaks = set(series.breaks)
    rows: list[dict[str, object]] = [
        {
            "period": str(point.period),
            "value": point.statistic.value,
            "value_high": point.statistic.value_high,
            "unit": point.unit.value,
            "bound": point.bound.value,
            "source": point.source,
            "definition": point.statistic.definition,
            "alternatives": len(point.alternatives),
            "definition_changes": point.period in breaks,
        }
        for point in series
    ]
    if real is not None:
        for row, (low, high) in zip(rows, real.values, strict=True):
            row.update(real_value=low, real_value_high=high, price_year=real.price_year)
    return rows


def _series_json(series: Series, real: RealValues | None) -> dict[str, object]:
    codec = converter()
    points: list[dict[str, object]] = [
        {
            "period": str(point.period),
            "statistic": full_record(codec, point.statistic),
            "alternatives": [full_record(codec, s) for s in point.alternatives],
        }
        for point in series
    ]
    document: dict[str, object] = {
        "occupation": series.occupation,
        "measure": series.measure.value,
        "breaks": [str(period) for period in series.breaks],
        "points": points,
    }
    if real is not None:
        document["price_year"] = real.price_year
        for point, (low, high) in zip(points, real.values, strict=True):
            point.update(real_value=number(low), real_value_high=number(high))
    return document


def run_series(args: argparse.Namespace) -> int:
    """Run ``series``."""
    cat = data(args)
    given = qualifiers(args)
    if args.definition is not None:
        given["definition"] = args.definition
    series = cat.series(args.occupation, args.measure, **given)
    real = _real(cat, series) if args.real else None
    if args.format == "table":
        emit(series_table(cat, series, real=real))
    elif args.format == "json":
        print_json(_series_json(series, real))
    else:
        columns = (*_SERIES_COLUMNS, *_REAL_COLUMNS) if real else _SERIES_COLUMNS
        print_csv(columns, _series_rows(series, real))
    return 0


_SIDES: Final = ("from", "to")
_SIDE_FILTERS: Final = {
    "edition": "handbook edition, e.g. 2006-07",
    "source": "source id, e.g. article-medical-information-coder",
    "period": "reference period, e.g. 2004 or 2018-05",
    "definition": "SOC codes counted, e.g. 29-2072 or 29-2098",
}


def compare_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``compare``."""
    shared = parser.add_argument_group(
        "both statistics (a qualifier not given selects the figures without it)"
    )
    for name in ("occupation", "measure"):
        shared.add_argument(f"--{name}", metavar=name.upper(), help=STAT_FILTERS[name])
    add_qualifiers(shared)
    for side in _SIDES:
        group = parser.add_argument_group(f"the '{side}' statistic")
        for name, text in _SIDE_FILTERS.items():
            group.add_argument(f"--{side}-{name}", metavar=name.upper(), help=text)
    parser.add_argument("--real", action="store_true", help=_REAL_HELP.format("later period"))
    add_format(parser, ("table", "json"))


def _given(args: argparse.Namespace, side: str) -> dict[str, str]:
    """Return the filters of one side: the shared ones, then the side's own."""
    names = ("occupation", "measure", *SLICE)
    given = {name: getattr(args, name) for name in names if getattr(args, name) is not None}
    given.setdefault("area", "US")  # a comparison is of one area: the nation unless named
    for name in _SIDE_FILTERS:
        own = getattr(args, f"{side}_{name}")
        if own is not None:
            given[name] = own
    return given


def _options(side: str, fields: Iterable[str]) -> list[str]:
    """Return the options that tell statistics differing in *fields* apart.

    The definition's option comes only when nothing else tells them apart:
    figures of other occupations or periods differ in their codes too, and
    are better picked by those.
    """
    options = {
        "occupation": "--occupation",
        "measure": "--measure",
        "period": f"--{side}-period",
        "source": f"--{side}-source (or --{side}-edition)",
    }
    fields = list(fields)
    named = [options[field] for field in fields if field in options]
    if named or "definition" not in fields:
        return named
    return [f"--{side}-definition"]


def _pick(cat: Catalog, args: argparse.Namespace, side: str) -> Statistic:
    """Return the one statistic the filters of *side* select, or explain what to add."""
    given = _given(args, side)
    try:
        found = cat.stats(**given)
    except PeriodError as exc:  # only a side has a period
        msg = f"--{side}-period {clip(given['period'])}: {exc}"
        raise UsageError(msg) from None
    unset = [name for name in QUALIFIER_HELP if name not in given]
    plain = [s for s in found if all(getattr(s, name) is None for name in unset)]
    if len(plain) == 1:
        return plain[0]
    where = f"the '{side}' statistic"
    if plain:
        fields = ("occupation", "measure", "period", "source", "definition")
        differ = [f for f in fields if len({getattr(s, f) for s in plain}) > 1]
        values = sorted({str(getattr(s, differ[0])) for s in plain}) if differ else []
        add = " or ".join(_options(side, differ)) or "more filters"
        first = f" ({differ[0]}: {', '.join(values)})" if differ else ""
        msg = (
            f"{where}: {plural(len(plain), 'statistic')} match, differing in "
            f"{', '.join(differ) or 'what no option selects'}{first}; add {add}"
        )
    elif found:
        missing = [name for name in unset if any(getattr(s, name) is not None for s in found)]
        values = sorted({str(getattr(s, missing[0])) for s in found})
        msg = (
            f"{where}: {plural(len(found), 'statistic')} match, all with "
            f"{' and '.join(missing)} set; "
            f"add --{missing[0]} (one of: {', '.join(values)})"
        )
    else:
        filters = " ".join(
            f"--{name if name not in _SIDE_FILTERS else f'{side}-{name}'} {clip(value)}"
            for name, value in given.items()
        )
        msg = f"{where}: no statistic matches {filters or 'no filters'}"
    raise UsageError(msg)


def _figures(result: Comparison) -> dict[str, object]:
    return {
        "value_a": number(result.value_a),
        "value_b": number(result.value_b),
        "change": number(result.change),
        "percent_change": number(result.percent_change),
        "ratio": number(result.ratio),
        "years": number(result.years),
        "annualized_percent": number(result.annualized_percent),
        "bound": result.bound.value,
    }


def run_compare(args: argparse.Namespace) -> int:
    """Run ``compare``."""
    cat = data(args)
    a, b = (_pick(cat, args, side) for side in _SIDES)
    if args.real and a.unit == b.unit and a.unit not in DOLLAR_UNITS:
        msg = f"--real adjusts dollar figures only; these are in {a.unit}"
        raise UsageError(msg)
    result = compare(a, b, real=args.real, catalog=cat)
    if args.format == "table":
        emit(comparison(cat, result))
        return 0
    codec = converter()
    print_json(
        {
            "a": full_record(codec, a),
            "b": full_record(codec, b),
            "real": result.real,
            **_figures(result),
            "definition_changed": result.definition_changed,
            "price_year": result.price_year,
            "cpi": None
            if result.cpi is None
            else [
                {"year": row.year, "value": number(row.value), "source": row.citation.source}
                for row in result.cpi
            ],
            "high": None if result.high is None else _figures(result.high),
        }
    )
    return 0


def _add_stat_filters(parser: argparse.ArgumentParser) -> None:
    for name, text in STAT_FILTERS.items():
        parser.add_argument(f"--{name}", metavar=name.upper(), help=text)


def _stat_filters(args: argparse.Namespace) -> dict[str, str]:
    return {name: getattr(args, name) for name in STAT_FILTERS if getattr(args, name) is not None}


def stats_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``stats``: every filter of `Catalog.stats`, and ``--format``."""
    _add_stat_filters(parser)
    add_format(parser)


def run_stats(args: argparse.Namespace) -> int:
    """Run ``stats``."""
    cat = data(args)
    filters = _stat_filters(args)
    stats = cat.stats(**filters)
    if not stats:  # say why on stderr, one line per reason; stdout keeps the format
        for line in unpublished_lines(cat.unpublished(**filters)):
            sys.stderr.write(f"{line}\n")
    if args.format == "table":
        emit(statistics_table(cat, stats))
        return 0
    codec = converter()
    if args.format == "json":
        print_json([full_record(codec, s) for s in stats])
    else:
        sys.stdout.write(csv_text(codec, Statistic, stats))
    return 0


def inflate_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``inflate``."""
    parser.add_argument("amount", metavar="AMOUNT", help="dollars, e.g. 30610 or 15.55")
    parser.add_argument("start", metavar="FROM", help="the year (or month) of AMOUNT, e.g. 2004")
    parser.add_argument(
        "end",
        metavar="TO",
        nargs="?",
        help="the year (or month) to express it in; default: the latest CPI-U year",
    )
    add_format(parser, ("table", "json"))


def run_inflate(args: argparse.Namespace) -> int:
    """Run ``inflate``."""
    cat = data(args)
    result = inflate(args.amount, args.start, args.end, catalog=cat)
    start = Period.parse(args.start).start_year
    end = max(cat.cpi_u) if args.end is None else Period.parse(args.end).start_year
    first, second = cat.cpi_u[start], cat.cpi_u[end]
    amount = inflate(args.amount, start, start, catalog=cat)  # the amount as a Decimal
    if args.format == "table":
        cpi = (first.value, second.value)
        emit(inflation(amount, result, years=(start, end), cpi=cpi, source=first.citation.source))
        return 0
    print_json(
        {
            "amount": number(amount),
            "from": start,
            "to": end,
            "value": number(result),
            "cpi": [
                {"year": row.year, "value": number(row.value), "source": row.citation.source}
                for row in (first, second)
            ],
        }
    )
    return 0
