"""The ``medcoder-careers`` command line: the public API, rendered by `_render`.

Each command is one entry of `_COMMANDS`: a function that declares its
arguments and one that runs it. Adding a command is writing those two
functions and adding one entry; `_add_stat_filters` gives a command the
``stats`` filters, `_add_qualifiers` the qualifiers that pick one slice of a
measure (``series``, ``compare``), and `_add_format` the ``--format`` option.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple, NoReturn, TextIO, cast

from ._catalog import Catalog, catalog, load
from ._compare import Comparison, compare
from ._errors import DataError, MedcoderError, NotFound, PeriodError, clip, plural
from ._export import FORMATS, csv_text, export, full_record
from ._filters import FILTERS, QUALIFIERS
from ._model import Statistic
from ._releases import RELEASES
from ._render import (
    Entity,
    comparison,
    entity,
    search_table,
    series_table,
    statistics_table,
    title,
)
from ._search import KINDS
from ._series import Series
from ._version import DATA_VERSION, __version__
from ._vocab import Unit

if TYPE_CHECKING:
    import cattrs

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
        """Print one line (a value's own line breaks folded, a long one clipped) and exit 2."""
        line = " ".join(map(clip, message.split()))
        self.exit(_EXIT_BAD_INPUT, f"{self.prog}: error: {line} (see {self.prog} --help)\n")


# -- shared -------------------------------------------------------------


def _data(args: argparse.Namespace) -> Catalog:
    """Return the catalog the command reads: ``--data DIR``, else the packaged one."""
    if args.data is None:
        return catalog()
    # os.path.isdir: False, not OSError, for a name too long
    if not os.path.isdir(args.data):  # noqa: PTH112 - see above
        msg = f"--data {clip(args.data)}: not a directory"
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


_STAT_FILTERS: Final = {f.name: f.help for f in FILTERS}
"""Every `stats` filter with its help text: the one table of `_filters`."""


def _add_stat_filters(parser: argparse.ArgumentParser) -> None:
    for name, text in _STAT_FILTERS.items():
        parser.add_argument(f"--{name}", metavar=name.upper(), help=text)


def _stat_filters(args: argparse.Namespace) -> dict[str, str]:
    return {name: getattr(args, name) for name in _STAT_FILTERS if getattr(args, name) is not None}


_QUALIFIERS: Final = {name: _STAT_FILTERS[name] for name in QUALIFIERS if name != "definition"}
"""The qualifiers that pick one slice of a measure; one not given means "none"."""
_SLICE: Final = {"area": f"{_STAT_FILTERS['area']}; default: the nation", **_QUALIFIERS}


def _add_qualifiers(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """Add the options that pick one slice of a measure: an area, and qualifiers."""
    for name, text in _SLICE.items():
        parser.add_argument(f"--{name}", metavar=name.upper(), help=text)


def _qualifiers(args: argparse.Namespace) -> dict[str, str]:
    return {name: getattr(args, name) for name in _SLICE if getattr(args, name) is not None}


def _add_format(parser: argparse.ArgumentParser, choices: Sequence[str]) -> None:
    parser.add_argument("--format", choices=choices, default="table", help="default: table")


def _converter() -> cattrs.Converter:
    from ._load import make_converter  # noqa: PLC0415 - cattrs loads only when needed

    return make_converter()


def _number(number: Decimal | None) -> str | None:
    """Write a Decimal as plain text for JSON (``"50"``, never ``"5E+1"``)."""
    return None if number is None else f"{number:f}"


def _print_json(document: object) -> None:
    print(json.dumps(document, indent=2, ensure_ascii=False))


def _print_csv(header: Sequence[str], rows: Iterable[Mapping[str, object]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    sys.stdout.write(buffer.getvalue())


# -- commands -----------------------------------------------------------


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", help="an id, SOC or NAICS code, title, name or abbreviation")


def _show(args: argparse.Namespace) -> int:
    cat = _data(args)
    print(entity(cat, _find(cat, args.key)))
    return 0


def _stats_arguments(parser: argparse.ArgumentParser) -> None:
    _add_stat_filters(parser)
    _add_format(parser, ("table", "json", "csv"))


def _stats(args: argparse.Namespace) -> int:
    cat = _data(args)
    stats = cat.stats(**_stat_filters(args))
    if args.format == "table":
        print(statistics_table(cat, stats))
        return 0
    converter = _converter()
    if args.format == "json":
        print(json.dumps([full_record(converter, s) for s in stats], indent=2))
    else:
        sys.stdout.write(csv_text(converter, Statistic, stats))
    return 0


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", metavar="TEXT", help="what to look for; partial names and typos are fine"
    )
    parser.add_argument("--kind", help=f"search one kind only: {', '.join(KINDS)}")
    parser.add_argument(
        "--limit", type=int, default=10, metavar="N", help="the most results (default: 10)"
    )
    _add_format(parser, ("table", "json", "csv"))


_SEARCH_COLUMNS: Final = ("score", "kind", "id", "name", "title")


def _search(args: argparse.Namespace) -> int:
    cat = _data(args)
    results = cat.search(args.text, kind=args.kind, limit=args.limit)
    if args.format == "table":
        print(search_table(results, clip(args.text)))
        return 0
    records = [
        {"score": r.score, "kind": r.kind, "id": r.id, "name": r.name, "title": title(r.entity)}
        for r in results
    ]
    if args.format == "json":
        _print_json(records)
    else:
        _print_csv(_SEARCH_COLUMNS, records)
    return 0


def _series_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("occupation", metavar="OCCUPATION", help=_STAT_FILTERS["occupation"])
    parser.add_argument("measure", metavar="MEASURE", help=_STAT_FILTERS["measure"])
    qualifiers = parser.add_argument_group(
        "qualifiers (one not given: the figures without it; wages: the median)"
    )
    _add_qualifiers(qualifiers)
    qualifiers.add_argument(
        "--definition",
        help="only figures counting these SOC codes, e.g. 29-2071 or 29-2072+29-9021",
    )
    _add_format(parser, ("table", "json", "csv"))


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


def _series_rows(series: Series) -> list[dict[str, object]]:
    breaks = set(series.breaks)
    return [
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


def _series(args: argparse.Namespace) -> int:
    cat = _data(args)
    qualifiers = _qualifiers(args)
    if args.definition is not None:
        qualifiers["definition"] = args.definition
    series = cat.series(args.occupation, args.measure, **qualifiers)
    if args.format == "table":
        print(series_table(cat, series))
    elif args.format == "json":
        converter = _converter()
        _print_json(
            {
                "occupation": series.occupation,
                "measure": series.measure.value,
                "breaks": [str(period) for period in series.breaks],
                "points": [
                    {
                        "period": str(point.period),
                        "statistic": full_record(converter, point.statistic),
                        "alternatives": [full_record(converter, s) for s in point.alternatives],
                    }
                    for point in series
                ],
            }
        )
    else:
        _print_csv(_SERIES_COLUMNS, _series_rows(series))
    return 0


_SIDES: Final = ("from", "to")
_SIDE_FILTERS: Final = {
    "edition": "handbook edition, e.g. 2006-07",
    "source": "source id, e.g. article-medical-information-coder",
    "period": "reference period, e.g. 2004 or 2018-05",
}
_DOLLARS: Final = frozenset({Unit.USD_PER_YEAR, Unit.USD_PER_HOUR})


def _compare_arguments(parser: argparse.ArgumentParser) -> None:
    shared = parser.add_argument_group(
        "both statistics (a qualifier not given selects the figures without it)"
    )
    for name in ("occupation", "measure"):
        shared.add_argument(f"--{name}", metavar=name.upper(), help=_STAT_FILTERS[name])
    _add_qualifiers(shared)
    for side in _SIDES:
        group = parser.add_argument_group(f"the '{side}' statistic")
        for name, text in _SIDE_FILTERS.items():
            group.add_argument(f"--{side}-{name}", metavar=name.upper(), help=text)
    parser.add_argument(
        "--real",
        action="store_true",
        help="dollar figures in constant dollars of the later period (CPI-U annual averages)",
    )
    _add_format(parser, ("table", "json"))


def _given(args: argparse.Namespace, side: str) -> dict[str, str]:
    """Return the filters of one side: the shared ones, then the side's own."""
    names = ("occupation", "measure", *_SLICE)
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
        raise _UsageError(msg) from None
    unset = [name for name in _QUALIFIERS if name not in given]
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
    raise _UsageError(msg)


def _figures(result: Comparison) -> dict[str, object]:
    return {
        "value_a": _number(result.value_a),
        "value_b": _number(result.value_b),
        "change": _number(result.change),
        "percent_change": _number(result.percent_change),
        "ratio": _number(result.ratio),
        "years": _number(result.years),
        "annualized_percent": _number(result.annualized_percent),
        "bound": result.bound.value,
    }


def _compare(args: argparse.Namespace) -> int:
    cat = _data(args)
    a, b = (_pick(cat, args, side) for side in _SIDES)
    if args.real and a.unit == b.unit and a.unit not in _DOLLARS:
        msg = f"--real adjusts dollar figures only; these are in {a.unit}"
        raise _UsageError(msg)
    result = compare(a, b, real=args.real, catalog=cat)
    if args.format == "table":
        print(comparison(cat, result))
        return 0
    converter = _converter()
    _print_json(
        {
            "a": full_record(converter, a),
            "b": full_record(converter, b),
            "real": result.real,
            **_figures(result),
            "definition_changed": result.definition_changed,
            "price_year": result.price_year,
            "cpi": None
            if result.cpi is None
            else [
                {"year": row.year, "value": _number(row.value), "source": row.citation.source}
                for row in result.cpi
            ],
            "high": None if result.high is None else _figures(result.high),
        }
    )
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
    files = plural(len(written), "file")
    print(f"wrote {files} ({args.format}) to {output} (data {cat.data_version})")
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
        print(f"{where}: NOT valid ({plural(len(exc.problems), 'problem')})")
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
    "search": _Command(
        "find records by any name, code or abbreviation; typos are fine",
        f"{_PROG} search 'medcal codr'\n  {_PROG} search registrar --kind credential --limit 3",
        _search_arguments,
        _search,
    ),
    "series": _Command(
        "one measure of an occupation over time, one row per period",
        f"{_PROG} series 'medical coder' annual_wage\n"
        f"  {_PROG} series 29-2071 annual_wage --percentile 90 --format csv",
        _series_arguments,
        _series,
    ),
    "compare": _Command(
        "compare two statistics: change, percent, ratio, annual rate",
        f"{_PROG} compare --measure annual_wage --percentile 50 \\\n"
        f"      --from-edition 2006-07 --to-source article-medical-information-coder --real",
        _compare_arguments,
        _compare,
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
            f"the data is not valid ({plural(len(exc.problems), 'problem')}; first: {first}); "
            f"run '{_PROG} verify' with the same --data for all"
        )
    return " ".join(str(exc).split())


class _Output(io.TextIOBase):
    r"""stdout or stderr for one run: what it cannot encode is escaped, a reader gone ignored.

    Text the stream's encoding cannot hold (``é`` on an ASCII terminal, a
    lone surrogate from a file name in argv) is written with
    ``backslashreplace`` (``\xe9``, ``\udcff``) instead of raising. When
    the reader leaves (``| head -1``), the rest of the output is dropped and
    the command runs on to its own exit status, as POSIX tools do.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self.reader_gone = False

    @property
    def encoding(self) -> str:  # type: ignore[override]  # typeshed: a plain attribute
        """The wrapped stream's encoding."""
        return getattr(self._stream, "encoding", None) or "utf-8"

    def writable(self) -> bool:
        """Always: this is an output stream."""
        return True

    def isatty(self) -> bool:
        """Whether the wrapped stream is a terminal."""
        return self._stream.isatty()

    def write(self, text: str) -> int:
        """Write *text*, escaped where the encoding cannot hold it; nothing once the reader left."""
        if not self.reader_gone:
            try:
                try:
                    self._stream.write(text)
                except UnicodeEncodeError:
                    escaped = text.encode(self.encoding, "backslashreplace")
                    self._stream.write(escaped.decode(self.encoding))
            except BrokenPipeError:
                self._reader_left()
        return len(text)

    def flush(self) -> None:
        """Flush the wrapped stream, unless its reader left."""
        if not self.reader_gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._reader_left()

    def close(self) -> None:
        """Leave the wrapped stream open: it is the interpreter's, not this run's."""

    def _reader_left(self) -> None:
        self.reader_gone = True
        # The stream's buffer may still hold bytes no one will read; point its
        # descriptor at the null device so that flushing them at exit does not
        # fail again ("Exception ignored ... BrokenPipeError").
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, self._stream.fileno())
            finally:
                os.close(devnull)
        except (OSError, ValueError):  # no descriptor (a StringIO): nothing to flush at exit
            pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    Exit status: 0 on success, 1 when ``verify`` finds the data changed or
    invalid, 2 on bad input (with one line on stderr), 130 when interrupted.
    Output never fails: text the terminal's encoding cannot hold is written
    escaped, and a reader that leaves early (``| head -1``) ends the output
    quietly without changing the status.
    """
    saved = sys.stdout, sys.stderr
    if sys.stdout is not None:  # None under pythonw
        sys.stdout = cast("TextIO", _Output(sys.stdout))
    if sys.stderr is not None:
        sys.stderr = cast("TextIO", _Output(sys.stderr))
    try:
        return _run(argv)
    finally:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()  # now, so that a reader gone is noticed here, not at exit
        sys.stdout, sys.stderr = saved


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command].run(args)
    except MedcoderError as exc:
        print(f"{_PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return _EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return _EXIT_INTERRUPTED
