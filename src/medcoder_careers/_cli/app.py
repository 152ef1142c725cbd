"""The ``medcoder-careers`` command line: `main`, the parser and the table of commands.

Each command is one entry of `COMMANDS`: a function that declares its
arguments and one that runs it, in the module of its family (`records`:
show, search, facts, areas; `figures`: stats, series, compare, inflate;
`files`: export, verify). Adding a command is writing those two functions
and adding one entry here; `common.add_qualifiers` gives a command the
qualifiers that pick one slice of a measure, `common.add_format` the
``--format`` option. Everything a command prints is rendered by `render`.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple, NoReturn, TextIO, cast

from medcoder_careers._errors import DataError, MedcoderError, clip, plural
from medcoder_careers._version import DATA_VERSION, __version__

from .common import PROG
from .figures import (
    compare_arguments,
    inflate_arguments,
    run_compare,
    run_inflate,
    run_series,
    run_stats,
    series_arguments,
    stats_arguments,
)
from .files import export_arguments, run_export, run_verify
from .records import (
    areas_arguments,
    facts_arguments,
    run_areas,
    run_facts,
    run_search,
    run_show,
    run_tasks,
    search_arguments,
    show_arguments,
    tasks_arguments,
)

__all__ = ["COMMANDS", "Command", "main"]

_PROG: Final = PROG
_EXIT_BAD_INPUT: Final = 2
_EXIT_INTERRUPTED: Final = 130


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr."""

    def error(self, message: str) -> NoReturn:
        """Print one line (a value's own line breaks folded, a long one clipped) and exit 2."""
        line = " ".join(map(clip, message.split()))
        self.exit(_EXIT_BAD_INPUT, f"{self.prog}: error: {line} (see {self.prog} --help)\n")


class Command(NamedTuple):
    """One subcommand: its help, an example, its arguments and its action."""

    help: str
    example: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: Final = {
    "show": Command(
        "show any record by id, code, name or abbreviation; an occupation's quick facts",
        f"{_PROG} show RHIT\n  {_PROG} show 'medical coder' --area CA\n"
        f"  {_PROG} show ahima --format json",
        show_arguments,
        run_show,
    ),
    "tasks": Command(
        "what an occupation's workers do and the technology they use (O*NET)",
        f"{_PROG} tasks 'medical coder'\n  {_PROG} tasks 29-9021 --format json",
        tasks_arguments,
        run_tasks,
    ),
    "stats": Command(
        "list statistics, filtered, as a table, JSON or CSV",
        f"{_PROG} stats --occupation 29-2072 --measure annual_wage --percentile median --area CA\n"
        f"  {_PROG} stats --edition 2010-11 --format csv > wages.csv",
        stats_arguments,
        run_stats,
    ),
    "facts": Command(
        "list facts (education, training, outlook...), filtered",
        f"{_PROG} facts --topic entry_level_education\n"
        f"  {_PROG} facts --edition 2010-11 --format csv > facts.csv",
        facts_arguments,
        run_facts,
    ),
    "search": Command(
        "find records by any name, code or abbreviation; typos are fine",
        f"{_PROG} search 'medcal codr'\n  {_PROG} search registrar --kind credential --limit 3",
        search_arguments,
        run_search,
    ),
    "series": Command(
        "one measure of an occupation over time, one row per period",
        f"{_PROG} series 'medical coder' annual_wage --real\n"
        f"  {_PROG} series 29-2071 annual_wage --percentile 90 --format csv",
        series_arguments,
        run_series,
    ),
    "compare": Command(
        "compare two statistics: change, percent, ratio, annual rate",
        f"{_PROG} compare --measure annual_wage --percentile 50 \\\n"
        f"      --from-edition 2006-07 --to-source article-medical-information-coder --real",
        compare_arguments,
        run_compare,
    ),
    "inflate": Command(
        "express dollars of one year in dollars of another (CPI-U annual averages)",
        f"{_PROG} inflate 30610 2008 2025\n  {_PROG} inflate 15.55 2004 --format json",
        inflate_arguments,
        run_inflate,
    ),
    "areas": Command(
        "list the areas with figures: the nation, states, metro and nonmetro areas",
        f"{_PROG} areas --kind state\n  {_PROG} areas --state CA --format csv",
        areas_arguments,
        run_areas,
    ),
    "export": Command(
        "write all data as a loadable JSON directory or as CSV files",
        f"{_PROG} export --format csv --output medcoder-csv",
        export_arguments,
        run_export,
    ),
    "verify": Command(
        "re-hash the data files against their manifest",
        f"{_PROG} verify\n  {_PROG} verify --data ./my-copy",
        lambda _: None,
        run_verify,
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
    for name, command in COMMANDS.items():
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
        return COMMANDS[args.command].run(args)
    except MedcoderError as exc:
        print(f"{_PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return _EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return _EXIT_INTERRUPTED
