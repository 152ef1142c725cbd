"""The commands about records: ``show``, ``tasks``, ``search``, ``facts`` and ``areas``."""

from __future__ import annotations

import argparse
import sys
from typing import Final

import attrs

from medcoder_careers._errors import clip
from medcoder_careers._export import csv_text, full_record
from medcoder_careers._model import Fact, Occupation
from medcoder_careers._quick import QuickFacts
from medcoder_careers._search import SEARCH_KINDS
from medcoder_careers._vocab import AreaKind, FactTopic

from .common import (
    STAT_FILTERS,
    UsageError,
    add_format,
    converter,
    data,
    emit,
    find,
    print_csv,
    print_json,
)
from .render import (
    areas_table,
    entity,
    facts_table,
    ordered_tasks,
    quick_facts,
    search_table,
    task_kind,
    tasks_table,
    title,
)

__all__ = [
    "areas_arguments",
    "facts_arguments",
    "run_areas",
    "run_facts",
    "run_search",
    "run_show",
    "run_tasks",
    "search_arguments",
    "show_arguments",
    "tasks_arguments",
]

_ITEMS: Final = tuple(
    field.name
    for field in attrs.fields(QuickFacts)
    if field.name not in {"occupation", "area", "credentials"}
)
"""Every figure and fact of `QuickFacts`, in its order: each goes into ``show --format json``."""


def show_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``show``."""
    parser.add_argument("key", help="an id, SOC or NAICS code, title, name, abbreviation or area")
    parser.add_argument(
        "--area",
        metavar="AREA",
        help="an occupation's pay and jobs in this area: a state (CA, California, 06), "
        "a CBSA code or metro name; default: the nation",
    )
    add_format(parser, ("table", "json"))


def _facts_json(facts: QuickFacts) -> dict[str, object]:
    codec = converter()
    document: dict[str, object] = {"area": full_record(codec, facts.area)}
    for name in _ITEMS:
        item = getattr(facts, name)
        document[name] = None if item is None else full_record(codec, item)
    document["outlook"] = facts.outlook
    document["employment_coverage"] = facts.employment_coverage
    document["projection_base_coverage"] = facts.projection_base_coverage
    document["current_definition"] = facts.current_definition
    document["credentials"] = [c.abbreviation for c in facts.credentials]
    return document


def run_show(args: argparse.Namespace) -> int:
    """Run ``show``."""
    cat = data(args)
    record = find(cat, args.key)
    facts = None
    if isinstance(record, Occupation):
        facts = cat.quick_facts(record, area="US" if args.area is None else args.area)
    elif args.area is not None:
        kind = type(record).__name__.lower()
        msg = (
            f"--area {clip(args.area)}: only an occupation has figures by area; {kind} {record.id}"
        )
        raise UsageError(msg)
    if args.format == "table":
        emit(
            entity(cat, record)
            if facts is None
            else f"{entity(cat, record)}\n{quick_facts(cat, facts)}"
        )
        return 0
    document: dict[str, object] = {
        "kind": type(record).__name__.lower(),
        "record": full_record(converter(), record),
    }
    if facts is not None:
        document["quick_facts"] = _facts_json(facts)
    print_json(document)
    return 0


def tasks_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``tasks``."""
    parser.add_argument("occupation", metavar="OCCUPATION", help=STAT_FILTERS["occupation"])
    add_format(parser, ("table", "json"))


def run_tasks(args: argparse.Namespace) -> int:
    """Run ``tasks``: what the job is, as O*NET states it."""
    occupation = data(args).occupation(args.occupation)
    if args.format == "table":
        emit(tasks_table(occupation))
        return 0
    codec = converter()
    print_json(
        {
            "occupation": occupation.id,
            "title": occupation.title,
            "job_zone": occupation.job_zone,
            "tasks": [
                {**full_record(codec, task), "rated": task_kind(task)}
                for task in ordered_tasks(occupation)
            ],
            "technology": [full_record(codec, tech) for tech in occupation.technology],
        }
    )
    return 0


def search_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``search``."""
    parser.add_argument(
        "text", metavar="TEXT", help="what to look for; partial names and typos are fine"
    )
    parser.add_argument("--kind", help=f"search one kind only: {', '.join(SEARCH_KINDS)}")
    parser.add_argument(
        "--limit", type=int, default=10, metavar="N", help="the most results (default: 10)"
    )
    add_format(parser)


_SEARCH_COLUMNS: Final = ("score", "kind", "id", "name", "title")


def run_search(args: argparse.Namespace) -> int:
    """Run ``search``."""
    cat = data(args)
    results = cat.search(args.text, kind=args.kind, limit=args.limit)
    if args.format == "table":
        emit(search_table(results, clip(args.text)))
        return 0
    records = [
        {"score": r.score, "kind": r.kind, "id": r.id, "name": r.name, "title": title(r.entity)}
        for r in results
    ]
    if args.format == "json":
        print_json(records)
    else:
        print_csv(_SEARCH_COLUMNS, records)
    return 0


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
