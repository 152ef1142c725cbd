"""What every command of the command line shares: errors, the catalog read, output helpers.

The commands live in the modules of their family (`records`, `figures`,
`files`); `app` holds their table. They all read this module.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from medcoder_careers._catalog import Catalog, catalog, load
from medcoder_careers._errors import MedcoderError, NotFound, clip
from medcoder_careers._filters import FILTERS, QUALIFIERS
from medcoder_careers._model import Entity

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "PROG",
    "QUALIFIER_HELP",
    "SLICE",
    "STAT_FILTERS",
    "TABLE_FORMATS",
    "UsageError",
    "add_format",
    "add_qualifiers",
    "converter",
    "data",
    "emit",
    "find",
    "number",
    "print_csv",
    "print_json",
    "qualifiers",
]

PROG: Final = "medcoder-careers"
TABLE_FORMATS: Final = ("table", "json", "csv")
"""The formats of every listing command."""


class UsageError(MedcoderError):
    """Bad command-line input that no library call reports (e.g. a missing directory)."""


def data(args: argparse.Namespace) -> Catalog:
    """Return the catalog the command reads: ``--data DIR``, else the packaged one."""
    if args.data is None:
        return catalog()
    # os.path.isdir: False, not OSError, for a name too long
    if not os.path.isdir(args.data):  # noqa: PTH112 - see above
        msg = f"--data {clip(args.data)}: not a directory"
        raise UsageError(msg)
    return load(args.data)


def find(cat: Catalog, key: str) -> Entity:
    """Look *key* up in every kind; exactly one entity must match."""
    lookups = (
        cat.occupation,
        cat.credential,
        cat.organization,
        cat.source,
        cat.industry,
        cat.area,
    )
    found: list[Entity] = []
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
        # "catalog": the message reads "matches 2 catalog records: area ..., credential ..."
        raise NotFound(
            key, "catalog", matches=[f"{type(e).__name__.lower()} {e.id}" for e in found]
        )
    raise NotFound(key, "record", suggestions=suggestions[:5])


STAT_FILTERS: Final = {f.name: f.help for f in FILTERS}
"""Every `stats` filter with its help text: the one table of `_filters`."""

QUALIFIER_HELP: Final = {name: STAT_FILTERS[name] for name in QUALIFIERS if name != "definition"}
"""The qualifiers that pick one slice of a measure; one not given means "none"."""
SLICE: Final = {"area": f"{STAT_FILTERS['area']}; default: the nation", **QUALIFIER_HELP}


def add_qualifiers(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """Add the options that pick one slice of a measure: an area, and qualifiers."""
    for name, text in SLICE.items():
        parser.add_argument(f"--{name}", metavar=name.upper(), help=text)


def qualifiers(args: argparse.Namespace) -> dict[str, str]:
    """Return the slice options given."""
    return {name: getattr(args, name) for name in SLICE if getattr(args, name) is not None}


def add_format(parser: argparse.ArgumentParser, choices: Sequence[str] = TABLE_FORMATS) -> None:
    """Add ``--format`` with *choices*, the first the default."""
    parser.add_argument(
        "--format", choices=choices, default=choices[0], help=f"default: {choices[0]}"
    )


def converter() -> cattrs.Converter:
    """Return the codec's converter (cattrs loads only now)."""
    from medcoder_careers._data.codec import make_converter  # noqa: PLC0415 - cattrs loads only when needed

    return make_converter()


def number(value: Decimal | None) -> str | None:
    """Write a Decimal as plain text for JSON (``"50"``, never ``"5E+1"``)."""
    return None if value is None else f"{value:f}"


def emit(text: str) -> None:
    """Write *text* and a line break to stdout (the commands' one way to print)."""
    sys.stdout.write(f"{text}\n")


def print_json(document: object) -> None:
    """Print *document* as indented JSON."""
    emit(json.dumps(document, indent=2, ensure_ascii=False))


def print_csv(header: Sequence[str], rows: Iterable[Mapping[str, object]]) -> None:
    """Print *rows* as CSV under *header*."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    sys.stdout.write(buffer.getvalue())
