"""The ``medcoder-careers`` command line: the public API, rendered by `_render`.

Each command is one entry of `_COMMANDS`: a function that declares its
arguments and one that runs it. Adding a command is writing those two
functions (here or in a ``_cli_*`` module of its group: `_cli_show`,
`_cli_measures`, `_cli_lists`) and adding one entry; `_add_stat_filters`
gives a command the ``stats`` filters, `_cli_base.add_qualifiers` the
qualifiers that pick one slice of a measure (``series``, ``compare``), and
`_cli_base.add_format` the ``--format`` option.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple, NoReturn, TextIO, cast

from ._cli_base import (
    PROG,
    STAT_FILTERS,
    add_format,
    converter,
    data,
    print_csv,
    print_json,
)
from ._cli_lists import (
    areas_arguments,
    facts_arguments,
    inflate_arguments,
    run_areas,
    run_facts,
    run_inflate,
)
from ._cli_measures import compare_arguments, run_compare, run_series, series_arguments
from ._cli_show import run_show, show_arguments
from ._errors import DataError, MedcoderError, clip, plural
from ._export import FORMATS, csv_text, export, full_record
from ._model import Statistic
from ._releases import RELEASES
from ._render import search_table, statistics_table, title
from ._search import SEARCH_KINDS
from ._version import DATA_VERSION, __version__

__all__ = ["main"]

_PROG: Final = PROG
_EXIT_FAILED: Final = 1
_EXIT_BAD_INPUT: Final = 2
_EXIT_INTERRUPTED: Final = 130


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr."""

    def error(self, message: str) -> NoReturn:
        """Print one line (a value's own line breaks folded, a long one clipped) and exit 2."""
        line = " ".join(map(clip, message.split()))
        self.exit(_EXIT_BAD_INPUT, f"{self.prog}: error: {line} (see {self.prog} --help)\n")


# -- commands -----------------------------------------------------------


def _add_stat_filters(parser: argparse.ArgumentParser) -> None:
    for name, text in STAT_FILTERS.items():
        parser.add_argument(f"--{name}", metavar=name.upper(), help=text)


def _stat_filters(args: argparse.Namespace) -> dict[str, str]:
    return {name: getattr(args, name) for name in STAT_FILTERS if getattr(args, name) is not None}


def _stats_arguments(parser: argparse.ArgumentParser) -> None:
    _add_stat_filters(parser)
    add_format(parser)


def _stats(args: argparse.Namespace) -> int:
    cat = data(args)
    stats = cat.stats(**_stat_filters(args))
    if args.format == "table":
        print(statistics_table(cat, stats))
        return 0
    codec = converter()
    if args.format == "json":
        print(json.dumps([full_record(codec, s) for s in stats], indent=2))
    else:
        sys.stdout.write(csv_text(codec, Statistic, stats))
    return 0


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", metavar="TEXT", help="what to look for; partial names and typos are fine"
    )
    parser.add_argument("--kind", help=f"search one kind only: {', '.join(SEARCH_KINDS)}")
    parser.add_argument(
        "--limit", type=int, default=10, metavar="N", help="the most results (default: 10)"
    )
    add_format(parser)


_SEARCH_COLUMNS: Final = ("score", "kind", "id", "name", "title")


def _search(args: argparse.Namespace) -> int:
    cat = data(args)
    results = cat.search(args.text, kind=args.kind, limit=args.limit)
    if args.format == "table":
        print(search_table(results, clip(args.text)))
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


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="json", help="default: json")
    parser.add_argument(
        "--output",
        metavar="DIR",
        help="directory to write (default: ./medcoder-careers-DATA_VERSION-FORMAT)",
    )
    parser.add_argument("--force", action="store_true", help="replace files that exist")


def _export(args: argparse.Namespace) -> int:
    cat = data(args)
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
        cat = data(args)
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
        "show any record by id, code, name or abbreviation; an occupation's quick facts",
        f"{_PROG} show RHIT\n  {_PROG} show 'medical coder' --area CA\n"
        f"  {_PROG} show ahima --format json",
        show_arguments,
        run_show,
    ),
    "stats": _Command(
        "list statistics, filtered, as a table, JSON or CSV",
        f"{_PROG} stats --measure annual_wage --percentile median\n"
        f"  {_PROG} stats --edition 2010-11 --format csv > wages.csv",
        _stats_arguments,
        _stats,
    ),
    "facts": _Command(
        "list facts (education, training, outlook...), filtered",
        f"{_PROG} facts --topic entry_level_education\n"
        f"  {_PROG} facts --edition 2010-11 --format csv > facts.csv",
        facts_arguments,
        run_facts,
    ),
    "search": _Command(
        "find records by any name, code or abbreviation; typos are fine",
        f"{_PROG} search 'medcal codr'\n  {_PROG} search registrar --kind credential --limit 3",
        _search_arguments,
        _search,
    ),
    "series": _Command(
        "one measure of an occupation over time, one row per period",
        f"{_PROG} series 'medical coder' annual_wage --real\n"
        f"  {_PROG} series 29-2071 annual_wage --percentile 90 --format csv",
        series_arguments,
        run_series,
    ),
    "compare": _Command(
        "compare two statistics: change, percent, ratio, annual rate",
        f"{_PROG} compare --measure annual_wage --percentile 50 \\\n"
        f"      --from-edition 2006-07 --to-source article-medical-information-coder --real",
        compare_arguments,
        run_compare,
    ),
    "inflate": _Command(
        "express dollars of one year in dollars of another (CPI-U annual averages)",
        f"{_PROG} inflate 30610 2008 2025\n  {_PROG} inflate 15.55 2004 --format json",
        inflate_arguments,
        run_inflate,
    ),
    "areas": _Command(
        "list the areas with figures: the nation, states, metro and nonmetro areas",
        f"{_PROG} areas --kind state\n  {_PROG} areas --state CA --format csv",
        areas_arguments,
        run_areas,
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
