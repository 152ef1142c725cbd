"""The ``medcoder-careers`` command line. Uses the public API only."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._catalog import Catalog, catalog
from ._errors import MedcoderError, NotFound
from ._model import Credential, Industry, Occupation, Organization, Source
from ._version import DATA_VERSION, __version__

__all__ = ["main"]

_Entity = Occupation | Credential | Organization | Source | Industry
_EXIT_BAD_INPUT = 2


def _find(cat: Catalog, key: str) -> _Entity:
    """Look *key* up in every kind; exactly one entity must match."""
    lookups = (
        cat.occupation,
        cat.credential,
        cat.organization,
        cat.source,
        cat.industry,
    )
    found: list[_Entity] = []
    suggestions: list[str] = []
    for lookup in lookups:
        try:
            found.append(lookup(key))
        except NotFound as exc:
            suggestions.extend(exc.suggestions)
            found.extend(entity for match in exc.matches for entity in (lookup(match),))
    if len(found) == 1:
        return found[0]
    if found:
        raise NotFound(key, "record", matches=[f"{type(e).__name__.lower()} {e.id}" for e in found])
    raise NotFound(key, "record", suggestions=suggestions[:5])


def _render(cat: Catalog, entity: _Entity) -> str:  # noqa: C901 - one case per kind
    lines = [f"{type(entity).__name__.lower()} {entity.id}"]
    match entity:
        case Occupation():
            lines.append(f"  title: {entity.title}")
            lines += [f"  soc: {soc}" for soc in entity.soc]
            if entity.alternate_titles:
                lines.append(f"  also: {', '.join(entity.alternate_titles)}")
            lines += [f"  specialty: {sp.name}" for sp in entity.specialties]
            lines += [f"  related: {cat.occupations[r].title}" for r in entity.related]
            lines.append(f"  statistics: {len(cat.stats(occupation=entity))}")
        case Credential():
            lines.append(f"  {entity.abbreviation}: {entity.name}")
            lines.append(f"  issuer: {cat.organizations[entity.issuer].name}")
            lines += [f"  requires ({r.kind}): {r.text}" for r in entity.requirements]
        case Organization():
            lines.append(f"  name: {entity.name}")
            if entity.abbreviation:
                lines.append(f"  abbreviation: {entity.abbreviation}")
            lines.append(f"  kind: {entity.kind}")
            if entity.address:
                lines.append(f"  address: {entity.address}")
            if entity.website:
                lines.append(f"  website: {entity.website}")
        case Source():
            lines.append(f"  title: {entity.title}")
            lines.append(f"  kind: {entity.kind}")
            if entity.edition:
                lines.append(f"  edition: {entity.edition}")
            lines.append(f"  retrieved via: {entity.retrieved_via}")
        case Industry():
            lines.append(f"  title: {entity.title}")
            lines += [f"  code: {code}" for code in entity.naics]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medcoder-careers",
        description="The medical-coding career as typed, cited data.",
        epilog="example: medcoder-careers show 'medical coder'",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"medcoder-careers {__version__} (data {DATA_VERSION})",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser(
        "show",
        help="show any record by id, code, name or abbreviation",
        epilog="example: medcoder-careers show RHIT",
    )
    show.add_argument("key", help="an id, SOC or NAICS code, title, name or abbreviation")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    try:
        cat = catalog()
        if args.command == "show":
            print(_render(cat, _find(cat, args.key)))
    except MedcoderError as exc:
        print(f"medcoder-careers: error: {exc}", file=sys.stderr)
        return _EXIT_BAD_INPUT
    return 0
