"""Fuzzing the command line: any argv gives an exit status and at most one line of error.

The argv is built from the real subcommands (`_cli.COMMANDS`, so a command
added later is fuzzed too), their real option names and random values. The
property: `main` returns 0, 1 or 2, or argparse exits with 0 (``--help``,
``--version``) or 2 (a usage error); a failure writes exactly one line to
stderr; no other exception escapes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from medcoder_careers._cli import app as _cli

from .strategies import ODD_TEXTS, texts

COMMANDS: Final = tuple(_cli.COMMANDS)
WRITES: Final = frozenset({"export"})
"""Commands that write files: their output always goes under the test's tmp dir."""
GLOBAL_OPTIONS: Final = ("--data", "--version", "--help", "-h")
REAL_VALUES: Final = (
    *ODD_TEXTS,
    "medical coder",
    "29-2072",
    "rhit",
    "AHIMA",
    "ooh-2010-11",
    "annual_wage",
    "employment",
    "hospitals",
    "1 to 4 years",
    "table",
    "json",
    "csv",
    "-1",
    "--",
    "-",
    "CA",
    "California",
    "akron oh",
    "state",
    "metropolitan",
    "entry_level_education",
    "ooh-latest",
    "100",
    "1e400",
    "2004",
    "2008-05",
    "2004/2008",
    "1990",
)


class Option:
    """One option of a subcommand: its names, whether it takes a value, its choices."""

    def __init__(self, action: argparse.Action) -> None:
        """Describe *action* as the fuzzer needs it."""
        self.names = tuple(action.option_strings)
        self.takes_value = action.nargs != 0
        self.choices = tuple(str(c) for c in action.choices or ())
        self.dest = action.dest


def _options(name: str) -> tuple[tuple[Option, ...], int]:
    """Return the options of command *name* and its number of positional arguments."""
    parser = argparse.ArgumentParser()
    _cli.COMMANDS[name].arguments(parser)
    actions = [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]
    options = tuple(Option(a) for a in actions if a.option_strings)
    positionals = sum(1 for a in actions if not a.option_strings)
    return options, positionals


SPEC: Final = {name: _options(name) for name in COMMANDS}
values = st.one_of(texts, st.sampled_from(REAL_VALUES), st.integers().map(str))


FAST: Final = ("show", "facts", "inflate", "areas", "series", "search", "compare")
"""Commands that answer in milliseconds whatever the options: fuzzed each on its own too."""
STRAY_EXAMPLES: Final = 25
"""Examples per command for the stray-value test: the property is argparse's, quick to show."""
COMMAND_EXAMPLES: Final = 40
"""Examples per command for the per-command test, on top of the any-argv test's."""


@st.composite
def argvs(draw: st.DrawFn, out_dir: Path, command: str | None = None) -> list[str]:
    """An argv: maybe global options, a real (or random) command, its options, random values."""
    argv: list[str] = []
    if draw(st.integers(0, 9)) == 0:
        option = draw(st.sampled_from(GLOBAL_OPTIONS))
        argv += [option, draw(values)] if option == "--data" else [option]
    if command is None:
        command = draw(st.sampled_from(COMMANDS) | texts) if draw(st.booleans()) else None
    command = command if command is not None else draw(st.sampled_from(COMMANDS))
    argv.append(command)
    options, positionals = SPEC.get(command, ((), 0))
    for _ in range(draw(st.integers(0, 4))):
        if not options:
            break
        chosen = draw(st.sampled_from(options))
        argv.append(draw(st.sampled_from(chosen.names)))
        if chosen.takes_value and draw(st.integers(0, 9)):  # sometimes the value is missing
            choices = st.sampled_from(chosen.choices) if chosen.choices else st.nothing()
            argv.append(draw(choices | values))
    # a positional is sometimes left out: inflate's TO is optional, a missing one is an error
    missing = 1 if positionals and draw(st.integers(0, 9)) == 0 else 0
    argv += [draw(values) for _ in range(positionals - missing)]
    if draw(st.integers(0, 4)) == 0:  # a stray word, option or flag
        argv.insert(draw(st.integers(0, len(argv))), draw(values | st.sampled_from(["-x", "--"])))
    if command in WRITES:
        # Wherever the fuzzer put --output (or none), the last one is under out_dir.
        name = "d" + draw(texts).replace("/", "_")
        argv += ["--output", str(out_dir / name)]
        event("wrote under tmp")
    return argv


@contextlib.contextmanager
def _captured() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def run(argv: list[str]) -> tuple[int, str, str]:
    """Run `main(argv)` in-process; return (status, stdout, stderr); argparse exits caught."""
    with _captured() as (out, err):
        code: object
        try:
            code = _cli.main(argv)
        except SystemExit as exc:  # argparse: --help / --version (0), a usage error (2)
            code = exc.code
            assert code in {0, 2}, code
    assert isinstance(code, int), code
    return code, out.getvalue(), err.getvalue()


def check(argv: list[str]) -> None:
    """Run *argv*: exit 0, 1 or 2; on failure exactly one line on stderr; never a traceback."""
    status, _, err = run(argv)
    event(f"exit {status}")
    assert status in {0, 1, 2}
    if status == 2:
        assert err.count("\n") == 1, err
        assert err.endswith("\n")
        assert err.startswith(f"{_cli._PROG}")
    elif status == 1:  # verify found the data changed: the report is on stdout
        assert err.count("\n") <= 1, err
    else:
        assert not err, err
    assert "Traceback" not in err


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The directory every writing command writes under."""
    return tmp_path_factory.mktemp("cli-fuzz")


class TestFuzzCli:
    """Any argv gives exit status 0, 1 or 2, one line of error on failure, no traceback."""

    @given(data=st.data())
    def test_any_argv(self, out_dir: Path, data: st.DataObject) -> None:
        """main(argv) exits 0, 1 or 2; on failure stderr is exactly one line."""
        check(data.draw(argvs(out_dir), label="argv"))

    @pytest.mark.parametrize("command", FAST)
    @settings(max_examples=COMMAND_EXAMPLES)
    @given(data=st.data())
    def test_each_command(self, out_dir: Path, command: str, data: st.DataObject) -> None:
        """Each fast command, with its own options and values, exits 0, 1 or 2 with one line."""
        check(data.draw(argvs(out_dir, command), label="argv"))

    def test_spec_has_new_commands(self) -> None:
        """The fuzzer reads the real parser: the 2026.2 commands and flags are in its argv."""
        for command, flags in {
            "show": {"--area", "--format"},
            "facts": {"--occupation", "--topic", "--source", "--edition", "--format"},
            "inflate": {"--format"},
            "areas": {"--kind", "--state", "--format"},
            "series": {"--real", "--area", "--format"},
        }.items():
            options, _ = SPEC[command]
            assert flags <= {name for option in options for name in option.names}, command
        assert SPEC["inflate"][1] == 3  # AMOUNT FROM [TO]

    @pytest.mark.parametrize("command", COMMANDS)
    @settings(max_examples=STRAY_EXAMPLES)
    @given(value=values)
    @example(value="a\nb")
    def test_stray_value(self, out_dir: Path, command: str, value: str) -> None:
        """A stray argument of any text after a command is one line of usage error."""
        argv = [command, *["x"] * SPEC[command][1], "--no-such-option", value]
        if command in WRITES:
            argv += ["--output", str(out_dir / "stray")]
        status, out, err = run(argv)
        assert status == 2
        assert not out
        assert err.count("\n") == 1, err

    @pytest.mark.parametrize("data_dir", ["a" * 5000, "a\x00b", "", "/dev/null"])
    def test_bad_data_dir(self, data_dir: str) -> None:
        """--data naming no directory (too long, a NUL, a file) exits 2 with one line."""
        status, _, err = run(["--data", data_dir, "stats"])
        assert status == 2
        assert err.count("\n") == 1, err
