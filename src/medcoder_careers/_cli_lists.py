"""The ``facts``, ``areas`` and ``inflate`` commands."""

from __future__ import annotations

import argparse
import sys
from typing import Final

from ._cli_base import UsageError, add_format, converter, data, emit, number, print_csv, print_json
from ._compare import inflate
from ._errors import clip
from ._export import csv_text, full_record
from ._model import Fact
from ._period import Period
from ._render_facts import areas_table, facts_table, inflation
from ._vocab import AreaKind, FactTopic

__all__ = [
    "areas_arguments",
    "facts_arguments",
    "inflate_arguments",
    "run_areas",
    "run_facts",
    "run_inflate",
]


def facts_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``facts``."""
    parser.add_argument("--occupation", help="id, SOC code, title or alternate title")
    parser.add_argument("--topic", help=f"one of: {', '.join(FactTopic)}")
    parser.add_argument("--source", help="source id, e.g. ooh-latest")
    parser.add_argument("--edition", help="handbook edition, e.g. 2010-11")
    add_format(parser)


def run_facts(args: argparse.Namespace) -> int:
    """Run ``facts``."""
    cat = data(args)
    facts = cat.find_facts(
        occupation=args.occupation, topic=args.topic, source=args.source, edition=args.edition
    )
    if args.format == "table":
        emit(facts_table(cat, facts))
    elif args.format == "json":
        codec = converter()
        print_json([full_record(codec, f) for f in facts])
    else:
        sys.stdout.write(csv_text(converter(), Fact, facts))
    return 0


_AREA_COLUMNS: Final = ("id", "kind", "name", "states", "fips", "cbsa")


def areas_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``areas``."""
    parser.add_argument(
        "--kind",
        choices=tuple(AreaKind),
        metavar="KIND",
        help=f"only areas of this kind: {', '.join(AreaKind)}",
    )
    parser.add_argument(
        "--state", help="only areas in this state: postal code (CA), FIPS code (06) or name"
    )
    add_format(parser)


def run_areas(args: argparse.Namespace) -> int:
    """Run ``areas``."""
    cat = data(args)
    areas = list(cat.areas.values())
    if args.kind is not None:
        areas = [a for a in areas if a.kind == args.kind]
    if args.state is not None:
        state = cat.area(args.state)
        if state.kind is not AreaKind.STATE:
            msg = f"--state {clip(args.state)}: {state.name} is a {state.kind} area, not a state"
            raise UsageError(msg)
        areas = [a for a in areas if set(state.states) & set(a.states)]
    if args.format == "table":
        emit(areas_table(cat, areas))
        return 0
    records = [
        {
            "id": a.id,
            "kind": a.kind.value,
            "name": a.name,
            "states": list(a.states),
            "fips": a.fips,
            "cbsa": a.cbsa,
        }
        for a in areas
    ]
    if args.format == "json":
        print_json(records)
    else:
        print_csv(
            _AREA_COLUMNS,
            [r | {"states": " ".join(a.states)} for r, a in zip(records, areas, strict=True)],
        )
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
