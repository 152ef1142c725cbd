"""The ``series`` and ``compare`` commands: one measure over time, and two figures compared."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from ._catalog import Catalog
from ._cli_base import (
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
from ._compare import Comparison, compare, inflate
from ._errors import PeriodError, clip, plural
from ._export import full_record
from ._model import Statistic
from ._period import Period
from ._render import RealValues, comparison, series_table
from ._series import Series
from ._vocab import Unit, units_for

__all__ = ["compare_arguments", "run_compare", "run_series", "series_arguments"]

_DOLLARS: Final = frozenset({Unit.USD_PER_YEAR, Unit.USD_PER_HOUR})
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
    if not units <= _DOLLARS:
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
    """Return the options that tell statistics differing in *fields* apart."""
    options = {
        "occupation": "--occupation",
        "measure": "--measure",
        "period": f"--{side}-period",
        "source": f"--{side}-source (or --{side}-edition)",
    }
    return [options[field] for field in fields if field in options]


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
    if args.real and a.unit == b.unit and a.unit not in _DOLLARS:
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
