"""The ``medcoder-careers`` command line: the public API, rendered by `_render`.

Each command is one entry of `_COMMANDS`: a function that declares its
arguments and one that runs it. Adding a command (``search``, ``series``,
``compare``) is writing those two functions and adding one entry;
`_add_stat_filters` gives a command the ``stats`` filters.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple, NoReturn

from ._catalog import Catalog, catalog, load
from ._errors import DataError, MedcoderError, NotFound
from ._export import FORMATS, csv_text, export, full_record
from ._model import Statistic
from ._releases import RELEASES
from ._render import Entity, entity, statistics_table
from ._version import DATA_VERSION, __version__
from ._vocab import Measure

__all__ = ["main"]

_PROG: Final = "medcoder-careers"
_EXIT_FAILED: Final = 1
_EXIT_BAD_INPUT: Final = 2
_EXIT_INTERRUPTED: Final = 130


class _UsageError(MedcoderError):
    """Bad command-line input that no library call reports (e.g. a missing directory)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr."""

    def error(self, message: str) -> NoReturn:
        """Print one line (a value's own line breaks folded) and exit 2."""
        line = " ".join(message.split())
        self.exit(_EXIT_BAD_INPUT, f"{self.prog}: error: {line} (see {self.prog} --help)\n")


# -- shared -------------------------------------------------------------


def _data(args: argparse.Namespace) -> Catalog:
    """Return the catalog the command reads: ``--data DIR``, else the packaged one."""
    if args.data is None:
        return catalog()
    # os.path.isdir: False, not OSError, for a name too long
    if not os.path.isdir(args.data):  # noqa: PTH112 - see above
        msg = f"--data {args.data}: not a directory"
        raise _UsageError(msg)
    return load(args.data)


def _find(cat: Catalog, key: str) -> Entity:
    """Look *key* up in every kind; exactly one entity must match."""
    lookups = (
        cat.occupation,
        cat.credential,
        cat.organization,
        cat.source,
        cat.industry,
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
        raise NotFound(key, "record", matches=[f"{type(e).__name__.lower()} {e.id}" for e in found])
    raise NotFound(key, "record", suggestions=suggestions[:5])


_STAT_FILTERS: Final = {
    "occupation": "id, SOC code, title or alternate title, e.g. 'medical coder'",
    "measure": f"one of: {', '.join(Measure)}",
    "source": "source id, e.g. ooh-2010-11",
    "edition": "handbook edition, e.g. 2010-11",
    "period": "reference period, e.g. 2008-05, 2004 or 2008/2018",
    "percentile": "10, 25, 50 (or median), 75 or 90",
    "industry": "NAICS code or title, e.g. 6221",
    "setting": "work setting, e.g. hospitals",
    "experience": "experience band, e.g. '1 to 4 years'",
}


def _add_stat_filters(parser: argparse.ArgumentParser) -> None:
    for name, text in _STAT_FILTERS.items():
        parser.add_argument(f"--{name}", metavar=name.upper(), help=text)


def _stat_filters(args: argparse.Namespace) -> dict[str, str]:
    return {name: getattr(args, name) for name in _STAT_FILTERS if getattr(args, name) is not None}


# -- commands -----------------------------------------------------------


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", help="an id, SOC or NAICS code, title, name or abbreviation")


def _show(args: argparse.Namespace) -> int:
    cat = _data(args)
    print(entity(cat, _find(cat, args.key)))
    return 0


def _stats_arguments(parser: argparse.ArgumentParser) -> None:
    _add_stat_filters(parser)
    parser.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="default: table"
    )


def _stats(args: argparse.Namespace) -> int:
    cat = _data(args)
    stats = cat.stats(**_stat_filters(args))
    if args.format == "table":
        print(statistics_table(cat, stats))
        return 0
    from ._load import make_converter  # noqa: PLC0415 - cattrs loads only when needed

    converter = make_converter()
    if args.format == "json":
        print(json.dumps([full_record(converter, s) for s in stats], indent=2))
    else:
        sys.stdout.write(csv_text(converter, Statistic, stats))
    return 0


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="json", help="default: json")
    parser.add_argument(
        "--output",
        metavar="DIR",
        help="directory to write (default: ./medcoder-careers-DATA_VERSION-FORMAT)",
    )
    parser.add_argument("--force", action="store_true", help="replace files that exist")


def _export(args: argparse.Namespace) -> int:
    cat = _data(args)
    output = args.output or f"{_PROG}-{cat.data_version}-{args.format}"
    written = export(output, format=args.format, catalog=cat, overwrite=args.force)
    print(f"wrote {len(written)} {args.format} files to {output} (data {cat.data_version})")
    return 0


def _release_line(version: str, digest: str) -> str:
    recorded = RELEASES.get(version)
    if recorded is None:
        return f"release {version}: no digest recorded in {_PROG} {__version__}"
    if recorded != digest:
        return f"release {version}: differs from the recorded digest (modified or re-exported)"
    return f"release {version}: matches the recorded digest"


def _verify(args: argparse.Namespace) -> int:
    where = args.data or "the packaged data"
    try:
        cat = _data(args)
    except DataError as exc:
        print(f"{where}: NOT valid ({len(exc.problems)} problems)")
        print("\n".join(f"  {problem}" for problem in exc.problems))
        return _EXIT_FAILED
    report = cat.verify()
    print(report)
    if not report.ok:
        return _EXIT_FAILED
    print(f"digest {report.digest}")
    print(_release_line(report.data_version, report.digest))
    return 0


class _Command(NamedTuple):
    """One subcommand: its help, an example, its arguments and its action."""

    help: str
    example: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


_COMMANDS: Final = {
    "show": _Command(
        "show any record by id, code, name or abbreviation",
        f"{_PROG} show RHIT\n  {_PROG} show 'medical coder'",
        _show_arguments,
        _show,
    ),
    "stats": _Command(
        "list statistics, filtered, as a table, JSON or CSV",
        f"{_PROG} stats --measure annual_wage --percentile median\n"
        f"  {_PROG} stats --edition 2010-11 --format csv > wages.csv",
        _stats_arguments,
        _stats,
    ),
    "export": _Command(
        "write all data as a loadable JSON directory or as CSV files",
        f"{_PROG} export --format csv --output medcoder-csv",
        _export_arguments,
        _export,
    ),
    "verify": _Command(
        "re-hash the data files against their manifest",
        f"{_PROG} verify\n  {_PROG} verify --data ./my-copy",
        lambda _: None,
        _verify,
    ),
}


def _parser() -> argparse.ArgumentParser:
    data_help = "read the data directory DIR (e.g. an export) instead of the packaged data"
    parser = _Parser(
        prog=_PROG,
        description="The medical-coding career as typed, cited data.",
        epilog=f"example:\n  {_PROG} show 'medical coder'\n  {_PROG} stats --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{_PROG} {__version__} (data {DATA_VERSION})",
    )
    parser.add_argument("--data", metavar="DIR", help=data_help)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in _COMMANDS.items():
        sub = commands.add_parser(
            name,
            help=command.help,
            description=command.help,
            epilog=f"example:\n  {command.example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS, help=data_help)
        command.arguments(sub)
    return parser


def _one_line(exc: MedcoderError) -> str:
    if isinstance(exc, DataError):
        first = exc.problems[0] if exc.problems else "unknown problem"
        return (
            f"the data is not valid ({len(exc.problems)} problems; first: {first}); "
            f"run '{_PROG} verify' with the same --data for all"
        )
    return " ".join(str(exc).split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    Exit status: 0 on success, 1 when ``verify`` finds the data changed or
    invalid, 2 on bad input (with one line on stderr), 130 when interrupted.
    """
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command].run(args)
    except MedcoderError as exc:
        print(f"{_PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return _EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader (e.g. `| head`) left: stop quietly, as POSIX tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return _EXIT_FAILED
    except KeyboardInterrupt:
        return _EXIT_INTERRUPTED
