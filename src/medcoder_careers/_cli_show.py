"""The ``show`` command: any record, and for an occupation its quick facts."""

from __future__ import annotations

import argparse

from ._cli_base import UsageError, add_format, converter, data, emit, find, print_json
from ._errors import clip
from ._export import full_record
from ._model import Occupation
from ._quick import QuickFacts
from ._render import entity
from ._render_facts import quick_facts

__all__ = ["run_show", "show_arguments"]

_ITEMS = (
    "median_annual_pay",
    "median_hourly_pay",
    "employment",
    "projected_change_percent",
    "projected_change",
    "entry_level_education",
    "work_experience",
    "on_the_job_training",
)


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
            entity(cat, record) if facts is None else f"{entity(cat, record)}\n{quick_facts(facts)}"
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
