"""Bad input to the public API: a clear `MedcoderError` naming what is wrong, never a bare one.

Covers numbers from other libraries (numpy), damaged or hostile data
directories (deep nesting, FIFOs, devices, huge files), wrong arguments,
ordering entities with optional fields, and the wording of messages
(period hints, plurals, long input clipped).
"""

from __future__ import annotations

import contextlib
import enum
import itertools
import json
import numbers
import os
import re
import shutil
import subprocess
import sys
import tempfile
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any, Union, cast, get_args, get_origin, get_type_hints

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._data import reads as _reads
from medcoder_careers._inflation import CONTEXT
from medcoder_careers._vocab import units_for

SETTINGS = settings(max_examples=40, deadline=None)
"""Bounded: each property here stays within a few seconds."""

LONG = "x" * 33_000
"""A 33 kB key: messages show a clipped start of it, never all of it."""


# -- messages: counts agree with their nouns, long input is clipped ----------------


def _clipped(message: str) -> None:
    """Check that *message* shows at most about 80 characters of `LONG`."""
    assert "x" * 81 not in message, len(message)
    assert "x" * 40 + "..." in message


class TestMessages:
    """Counts agree with their nouns; long user input is clipped."""

    def test_one_match(self) -> None:
        """NotFound naming one match says "1 ... record", not "records"."""
        error = mc.NotFound("k", "occupation", matches=["a"])
        assert "1 occupation record:" in str(error)
        assert "2 occupation records:" in str(mc.NotFound("k", "occupation", matches=["a", "b"]))

    def test_one_problem(self) -> None:
        """DataError with one problem says "1 problem"."""
        error = mc.DataError([mc.Problem(file="f.json", path="", message="bad")])
        assert str(error).startswith("1 problem in")

    def test_not_found_clipped(self, cat: mc.Catalog) -> None:
        """A 33 kB key is shown clipped in NotFound's message."""
        with pytest.raises(mc.NotFound) as info:
            cat.occupation(LONG)
        _clipped(str(info.value))
        assert info.value.key == LONG  # the attribute keeps it whole

    @SETTINGS
    @given(st.text(min_size=100, max_size=2_000))
    def test_any_long_key(self, key: str) -> None:
        """Any long key is shown by at most its first 80 characters."""
        with pytest.raises(mc.NotFound) as info:
            mc.catalog().credential(key)
        assert repr(key)[:81] not in str(info.value)


# -- inflate() takes any real number -----------------------------------------------


@numbers.Real.register
class _Metres:
    """A real number of another library, printed with its unit: its text is no number."""

    def __init__(self, value: float) -> None:
        self.value = value

    def __float__(self) -> float:
        return self.value

    def __str__(self) -> str:
        return f"{self.value} m"


def _metres(value: float) -> numbers.Real:
    """`_Metres` as the Real it is registered as (type checkers ignore `register`)."""
    return cast("numbers.Real", _Metres(value))


class TestInflateNumbers:
    """`inflate` reads any `numbers.Real` amount as the value its user wrote."""

    def test_real_printed_as_no_number(self) -> None:
        """A real whose text is no number is read through float(): its shortest digits."""
        assert mc.inflate(_metres(2.5), 2018, 2018) == Decimal("2.5")
        assert mc.inflate(_metres(0.1), 2018, 2018) == Decimal("0.1")

    def test_numpy_float(self) -> None:
        """A numpy float64 is read through its shortest text, not refused."""
        np = pytest.importorskip("numpy")
        assert mc.inflate(np.float64(100.5), 2018, 2018) == Decimal("100.5")
        assert mc.inflate(np.float64(0.1), 2018, 2018) == Decimal("0.1")

    def test_numpy_float32(self) -> None:
        """A float32 is read as numpy prints it (0.1, not 0.100000001490116)."""
        np = pytest.importorskip("numpy")
        assert mc.inflate(np.float32(0.1), 2018, 2018) == Decimal("0.1")
        assert mc.inflate(np.float16(2.5), 2018, 2018) == Decimal("2.5")

    def test_numpy_integers(self) -> None:
        """numpy integers are whole numbers like any int."""
        np = pytest.importorskip("numpy")
        assert mc.inflate(np.int64(100), 2018, 2018) == Decimal(100)
        assert mc.inflate(np.uint8(7), 2018, 2018) == Decimal(7)
        assert mc.inflate(np.int32(100), 2004, 2018) == mc.inflate(100, 2004, 2018)

    def test_fraction(self) -> None:
        """A Fraction is divided out exactly, then rounded to PRECISION digits."""
        assert mc.inflate(Fraction(1, 4), 2018, 2018) == Decimal("0.25")
        third = mc.inflate(Fraction(1, 3), 2018, 2018)
        assert third == Decimal("0." + "3" * mc.PRECISION)

    @pytest.mark.parametrize(
        ("amount", "expected"),
        [(0.1, "0.1"), (1e20, "1E+20"), (-2.5, "-2.5"), (30610.0, "30610.0")],
    )
    def test_float_shortest_text(self, amount: float, expected: str) -> None:
        """A Python float reads as its repr: the digits the user typed."""
        assert mc.inflate(amount, 2018, 2018) == Decimal(expected)

    @pytest.mark.parametrize(
        "amount",
        [
            float("nan"),
            float("inf"),
            -float("inf"),
            Decimal("NaN"),
            Decimal("sNaN"),
            Decimal("-Infinity"),
            "NaN",
            "abc",
            "",
            None,
            True,
            [100],
            object(),
            complex(1, 0),
            b"100",
        ],
    )
    def test_refused(self, amount: object) -> None:
        """NaN, infinities and non-numbers raise ArgumentError naming the amount."""
        with pytest.raises(mc.ArgumentError, match="amount") as info:
            mc.inflate(amount, 2004, 2018)  # type: ignore[arg-type]
        assert isinstance(info.value, mc.CpiError)  # what it raised before: still caught

    def test_numpy_refused(self) -> None:
        """numpy NaN, infinity and booleans raise ArgumentError too."""
        np = pytest.importorskip("numpy")
        for amount in (np.nan, np.float32("inf"), np.float64("-inf"), np.True_):
            with pytest.raises(mc.ArgumentError, match="amount"):
                mc.inflate(amount, 2004, 2018)

    @SETTINGS
    @given(st.floats(allow_nan=False, allow_infinity=False))
    def test_any_float(self, amount: float) -> None:
        """Every finite float within the bounds reads as its repr; any other is refused."""
        expected = Decimal(repr(amount))
        if _in_bounds(expected):
            assert mc.inflate(amount, 2018, 2018) == expected
        else:
            with pytest.raises(mc.ArgumentError, match=OUT_OF_BOUNDS):
                mc.inflate(amount, 2018, 2018)

    @SETTINGS
    @given(st.floats(width=32, allow_nan=False, allow_infinity=False))
    def test_any_float32(self, amount: float) -> None:
        """Every finite float32 within the bounds reads as numpy's own shortest text for it."""
        np = pytest.importorskip("numpy")
        value = np.float32(amount)
        expected = Decimal(str(value))
        if _in_bounds(expected):
            assert mc.inflate(value, 2018, 2018) == expected
        else:
            with pytest.raises(mc.ArgumentError, match=OUT_OF_BOUNDS):
                mc.inflate(value, 2018, 2018)

    @SETTINGS
    @given(st.integers() | st.fractions())
    def test_any_rational(self, amount: int | Fraction) -> None:
        """Ints and fractions within the bounds always give a Decimal; others are refused."""
        read = CONTEXT.divide(Decimal(amount.numerator), Decimal(amount.denominator))
        if _in_bounds(read):  # as read: a fraction rounded to PRECISION digits
            assert isinstance(mc.inflate(amount, 2004, 2018), Decimal)
        else:
            with pytest.raises(mc.ArgumentError, match=OUT_OF_BOUNDS):
                mc.inflate(amount, 2004, 2018)


OUT_OF_BOUNDS = "amount must be less than 1E"


def _in_bounds(amount: Decimal) -> bool:
    """Whether `inflate` takes *amount* (as its docstring states the bounds)."""
    return amount.is_zero() or Decimal("1E-28") <= abs(amount) < Decimal("1E+28")


class TestInflateBounds:
    """`inflate` refuses an amount whose first digit lies more than 28 places from the point."""

    @pytest.mark.parametrize(
        "amount",
        [
            "1e9999999",
            "1e999999",
            Decimal("-1E+28"),
            10**28,
            -(10**400),
            1e300,
            Decimal("1E+999999999999999999"),
            "1e-999999",
            Decimal("1E-29"),
            5e-324,
            Fraction(1, 10**29),
            Decimal("0E-29"),
            Decimal("0E+28"),
        ],
    )
    def test_refused(self, amount: object) -> None:
        """An amount out of bounds is an ArgumentError (and CpiError), not a figure of a MB."""
        with pytest.raises(mc.ArgumentError, match=OUT_OF_BOUNDS) as info:
            mc.inflate(amount, 2004, 2018)  # type: ignore[arg-type]
        assert isinstance(info.value, mc.CpiError)
        assert len(str(info.value)) < 200

    def test_refused_names_the_amount(self) -> None:
        """The message ends with the amount given, as its repr."""
        with pytest.raises(mc.ArgumentError) as info:
            mc.inflate(Decimal("1E+28"), 2004, 2018)
        assert str(info.value) == (
            "amount must be less than 1E+28 in size, with its first digit at most "
            "28 places after the point, got Decimal('1E+28')"
        )

    @pytest.mark.parametrize(
        "amount",
        [
            Decimal(9999999999999999999999999999),
            Decimal("-9.999E+27"),
            Decimal("1E-28"),
            Decimal("-1.5E-28"),
            Decimal("0E-28"),
            Decimal("0E+27"),
            Decimal(0),
            10**28 - 1,
        ],
    )
    def test_at_the_bounds(self, amount: Decimal | int) -> None:
        """An amount just within the bounds is adjusted as any other."""
        assert mc.inflate(amount, 2018, 2018) == amount
        assert isinstance(mc.inflate(amount, 2004, 2018), Decimal)


# -- compare and inflate: a wrong argument is an ArgumentError naming it -----------


def _a_statistic() -> mc.Statistic:
    return mc.catalog().stats(measure="annual_wage", percentile=50)[0]


def _outcome(call: Callable[[], object]) -> object:
    """Return what *call* returns, or the MedcoderError it raises (anything else escapes)."""
    try:
        return call()
    except mc.MedcoderError as exc:
        return exc


_ANY_VALUE: st.SearchStrategy[object] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=5),
    st.binary(max_size=3),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.just(object()),
)


class TestCompareArguments:
    """A wrong argument to compare or inflate is an ArgumentError naming it."""

    @pytest.mark.parametrize("real", [False, True])
    def test_compare_catalog(self, real: bool) -> None:
        """A catalog that is not a Catalog is refused, with real or without."""
        stat = _a_statistic()
        with pytest.raises(mc.ArgumentError, match="catalog") as info:
            mc.compare(stat, stat, real=real, catalog={})  # type: ignore[arg-type]
        assert isinstance(info.value, mc.CpiError)

    @pytest.mark.parametrize("side", ["a", "b"])
    def test_compare_statistics(self, side: str) -> None:
        """A side that is not a Statistic is named (still an IncomparableError)."""
        stat = _a_statistic()
        pair: dict[str, object] = {"a": stat, "b": stat, side: 1}
        with pytest.raises(mc.ArgumentError, match=rf"Statistic objects; {side} is a int") as info:
            mc.compare(pair["a"], pair["b"])  # type: ignore[arg-type]
        assert isinstance(info.value, mc.IncomparableError)

    @pytest.mark.parametrize("real", ["no", 1, None])
    def test_compare_real(self, real: object) -> None:
        """real must be a bool: "no" would otherwise adjust for inflation."""
        stat = _a_statistic()
        with pytest.raises(mc.ArgumentError, match="real"):
            mc.compare(stat, stat, real=real)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("kwargs", "name"),
        [
            ({"from_period": 3.5}, "from_period"),
            ({"from_period": None}, "from_period"),
            ({"from_period": "2008-13"}, "from_period"),
            ({"from_period": 99}, "from_period"),
            ({"to_period": [2018]}, "to_period"),
            ({"to_period": "May 2018"}, "to_period"),
        ],
    )
    def test_inflate_periods(self, kwargs: dict[str, object], name: str) -> None:
        """A period that is not one names its argument (still a PeriodError)."""
        arguments: dict[str, object] = {"from_period": 2004, "to_period": 2018, **kwargs}
        with pytest.raises(mc.ArgumentError, match=name) as info:
            mc.inflate(100, **arguments)  # type: ignore[arg-type]
        assert isinstance(info.value, mc.PeriodError)

    def test_inflate_catalog(self) -> None:
        """inflate's catalog must be a Catalog."""
        with pytest.raises(mc.ArgumentError, match="catalog"):
            mc.inflate(100, 2004, catalog=[])  # type: ignore[arg-type]

    def test_inflate_clipped(self) -> None:
        """A 33 kB amount is shown clipped."""
        with pytest.raises(mc.ArgumentError) as info:
            mc.inflate(LONG, 2004)
        _clipped(str(info.value))


class TestFuzzCompare:
    """Any value for any argument of compare or inflate: a result or a named ArgumentError."""

    @SETTINGS
    @given(name=st.sampled_from(["a", "b", "real", "catalog"]), value=_ANY_VALUE)
    def test_compare(self, name: str, value: object) -> None:
        """compare names the wrong argument."""
        stat = _a_statistic()
        arguments: dict[str, Any] = {"a": stat, "b": stat, name: value}
        result: object = _outcome(lambda: mc.compare(**arguments))
        if isinstance(result, mc.MedcoderError):
            assert isinstance(result, mc.ArgumentError)
            assert f"{name} " in str(result) or f"{name}." in str(result)

    @SETTINGS
    @given(
        name=st.sampled_from(["amount", "from_period", "to_period", "catalog"]),
        value=_ANY_VALUE,
    )
    def test_inflate(self, name: str, value: object) -> None:
        """inflate gives a Decimal or names the wrong argument."""
        arguments: dict[str, Any] = {"amount": 100, "from_period": 2004, name: value}
        result: object = _outcome(lambda: mc.inflate(**arguments))
        if isinstance(result, mc.ArgumentError):
            assert name in str(result)
        elif isinstance(result, mc.CpiError):  # a well-formed year with no CPI-U average
            assert result.year is not None
        else:
            assert isinstance(result, Decimal)


# -- export and to_frame: a wrong argument is an ArgumentError naming it -----------


class TestExportArguments:
    """A wrong argument to export or to_frame is an ArgumentError naming it."""

    def test_export_empty_directory(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """export("") is refused; it does not write into the current directory."""
        monkeypatch.chdir(tmp_path)
        with pytest.raises(mc.ArgumentError, match="directory"):
            mc.export("")
        assert not any(tmp_path.iterdir())

    def test_export_format(self, tmp_path: Path) -> None:
        """An unknown format names the argument and the formats (still a NotFound)."""
        with pytest.raises(mc.ArgumentError, match="format") as info:
            mc.export(tmp_path, format="xml")  # type: ignore[arg-type]
        assert isinstance(info.value, mc.NotFound)
        assert info.value.suggestions == ("json", "csv")
        assert "'json'" in str(info.value)
        assert not any(tmp_path.iterdir())

    @pytest.mark.parametrize("overwrite", ["no", 1, None])
    def test_export_overwrite(self, tmp_path: Path, overwrite: object) -> None:
        """overwrite must be a bool: "no" would otherwise replace files."""
        with pytest.raises(mc.ArgumentError, match="overwrite"):
            mc.export(tmp_path, overwrite=overwrite)  # type: ignore[arg-type]
        assert not any(tmp_path.iterdir())

    @pytest.mark.parametrize("statistics", [5, "abc", [None], object()])
    def test_to_frame(self, statistics: object) -> None:
        """to_frame of anything but statistics raises ArgumentError naming the argument."""
        with pytest.raises(mc.ArgumentError, match="statistics"):
            mc.to_frame(statistics)  # type: ignore[arg-type]

    def test_errors_pickle(self) -> None:
        """The errors keep their type and message through pickle."""
        import pickle  # noqa: PLC0415 - only this test pickles

        raised: list[mc.MedcoderError] = []
        calls: list[Callable[[], object]] = [
            lambda: mc.inflate(float("nan"), 2004),
            lambda: mc.inflate(1, 3.5),  # type: ignore[arg-type]
            lambda: mc.export("x", format="xml"),  # type: ignore[arg-type]
            lambda: mc.compare(1, 2),  # type: ignore[arg-type]
        ]
        for call in calls:
            with pytest.raises(mc.ArgumentError) as info:
                call()
            raised.append(info.value)
        for error in raised:
            again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
            assert (type(again), str(again)) == (type(error), str(error))


class TestFuzzExport:
    """Any value for any argument of export or to_frame: a result or an ArgumentError."""

    @SETTINGS
    @given(name=st.sampled_from(["directory", "format", "catalog", "overwrite"]), value=_ANY_VALUE)
    def test_export(self, name: str, value: object) -> None:
        """export refuses a wrong argument before writing anything."""
        with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):  # str paths land here
            target = Path(tmp) / "out"
            arguments: dict[str, Any] = {"directory": target, name: value}
            try:
                mc.export(**arguments)
            except mc.ArgumentError:
                assert not target.exists()
            except mc.ExportError:  # a str directory the system refuses
                assert name == "directory"

    @SETTINGS
    @given(
        # None selects by filters, and no statistics make an empty frame: both valid.
        value=_ANY_VALUE.filter(
            lambda v: v is not None and not (isinstance(v, list | tuple | set) and not v)
        )
        | st.lists(_ANY_VALUE, min_size=1, max_size=2)
    )
    def test_to_frame(self, value: object) -> None:
        """to_frame refuses anything but statistics (or None: select by filters)."""
        with pytest.raises((mc.ArgumentError, mc.DependencyError)):
            mc.to_frame(value)  # type: ignore[arg-type]


# -- periods: type errors, the interval hint, long text ----------------------------


class TestPeriodArguments:
    """Period's constructors name a wrong argument and clip long text."""

    @pytest.mark.parametrize("text", [2008, None, b"2008"])
    def test_period_parse_type(self, text: object) -> None:
        """Period.parse of a non-string is an ArgumentError (still a PeriodError)."""
        with pytest.raises(mc.ArgumentError, match="text") as info:
            mc.Period.parse(text)  # type: ignore[arg-type]
        assert isinstance(info.value, mc.PeriodError)

    @pytest.mark.parametrize("year", ["2004", 2004.0, True])
    def test_period_year_type(self, year: object) -> None:
        """Period.year of a non-int is an ArgumentError (still a PeriodError)."""
        with pytest.raises(mc.ArgumentError, match="year") as info:
            mc.Period.year(year)  # type: ignore[arg-type]
        assert isinstance(info.value, mc.PeriodError)

    def test_period_clipped(self) -> None:
        """A 33 kB period text is shown clipped."""
        with pytest.raises(mc.PeriodError) as info:
            mc.Period.parse(LONG)
        _clipped(str(info.value))


class TestPeriodHint:
    """A month past 12 suggests an interval only when it is the handbook's "2008-18"."""

    @pytest.mark.parametrize("text", ["2018-13", "2050-49", "9999-13", "9990-13", "1000-99"])
    def test_no_absurd_interval(self, text: str) -> None:
        """No interval of nearly a century, nor past year 9999, is suggested."""
        with pytest.raises(mc.PeriodError) as info:
            mc.Period.parse(text)
        message = str(info.value)
        assert "interval '" not in message
        assert "between 1 and 12" in message

    @pytest.mark.parametrize(
        ("text", "interval"), [("2008-18", "2008/2018"), ("2096-13", "2096/2113")]
    )
    def test_handbook_span(self, text: str, interval: str) -> None:
        """The handbook's abbreviation still gets its interval."""
        with pytest.raises(mc.PeriodError, match=f"write the interval '{interval}'"):
            mc.Period.parse(text)

    @SETTINGS
    @given(st.integers(1000, 9999), st.integers(13, 99))
    def test_suggestion_is_valid(self, year: int, month: int) -> None:
        """Any suggested interval parses and spans at most 20 years."""
        with pytest.raises(mc.PeriodError) as info:
            mc.Period.parse(f"{year}-{month}")
        message = str(info.value)
        if match := re.search(r"write the interval '(\d{4}/\d{4})'", message):
            suggested = mc.Period.parse(match[1])
            assert suggested.start_year == year
            assert 0 < suggested.end_year - year <= 20
            assert suggested.end_year % 100 == month


# -- data files: regular files only, of bounded size and depth ---------------------


@contextmanager
def _copy() -> Iterator[Path]:
    """A writable copy of the packaged data directory."""
    with (
        as_file(files("medcoder_careers") / "data") as packaged,
        tempfile.TemporaryDirectory() as tmp,
    ):
        target = Path(tmp) / "data"
        shutil.copytree(packaged, target)
        yield target


def _data_files(directory: Path) -> list[str]:
    """The manifest and the JSON files it lists, manifest first (the table is no JSON)."""
    listed = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))["files"]
    return ["manifest.json", *sorted(name for name in listed if name.endswith(".json"))]


def _nest(directory: Path, name: str, index: int, field: str, text: str) -> None:
    """Set *field* of record *index* of the file *name* to the JSON *text*."""
    document = json.loads((directory / name).read_text(encoding="utf-8"))
    document[name.removesuffix(".json")][index][field] = "PLACEHOLDER"
    raw = json.dumps(document).replace('"PLACEHOLDER"', text, 1)
    (directory / name).write_text(raw, encoding="utf-8")


def _problems(directory: Path) -> tuple[mc.Problem, ...]:
    """Load *directory*; return the DataError's problems (a DataError must be raised)."""
    with pytest.raises(mc.DataError) as info:
        mc.load(directory)
    assert info.value.problems
    return info.value.problems


# Runs in a child process with a memory cap and a timeout, so that a loader
# that hangs on a FIFO or reads /dev/zero forever fails the test, not the run.
_CHILD = """
import json, os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2**31, 2**31))
import medcoder_careers as mc
mode, directory, name, target = sys.argv[1:]
path = os.path.join(directory, name)
if mode == "verify":
    cat = mc.load(directory)
os.remove(path)
if target == "fifo":
    os.mkfifo(path)
else:
    os.symlink(target, path)
if mode == "verify":
    report = cat.verify()
    print(json.dumps({"missing": list(report.missing), "changed": list(report.changed)}))
else:
    try:
        mc.load(directory)
    except mc.DataError as exc:
        print(json.dumps([[p.file, p.message] for p in exc.problems]))
"""

_POSIX_ONLY = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero: POSIX")


def _child(mode: str, directory: Path, name: str, target: str) -> object:
    result = subprocess.run(  # noqa: S603 - this interpreter, the script above
        [sys.executable, "-c", _CHILD, mode, str(directory), name, target],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not result.stderr
    outcome: object = json.loads(result.stdout)
    return outcome


class TestDataFiles:
    """A data directory's files are read only when regular, small and shallow enough."""

    @pytest.mark.parametrize("depth", [1_500, 100_000])
    def test_deep_nesting_whole_file(self, depth: int) -> None:
        """A file nested deeper than the parser allows is a problem of that file."""
        with _copy() as directory:
            names = ["manifest.json", "statistics.json"]  # statistics: read with any manifest
            for name in names:
                (directory / name).write_text("[" * depth + "]" * depth, encoding="utf-8")
            problems = _problems(directory)
            assert {p.file for p in problems if "nested too deeply" in p.message} == set(names)

    def test_deep_nesting_in_a_record(self) -> None:
        """Deep nesting inside one record's field is reported against its file."""
        with _copy() as directory:
            name = _data_files(directory)[1]
            _nest(directory, name, 0, "x", "[" * 50_000 + "]" * 50_000)
            problems = _problems(directory)
            assert any(p.file == name for p in problems)

    @SETTINGS
    @given(depth=st.integers(1, 3_000), shape=st.sampled_from(["[]", '{"a":}']), data=st.data())
    def test_any_depth(self, depth: int, shape: str, data: st.DataObject) -> None:
        """Any nesting depth in any field loads or gives a DataError, nothing else."""
        with _copy() as directory:
            name = data.draw(st.sampled_from(_data_files(directory)[1:]))
            document = json.loads((directory / name).read_text(encoding="utf-8"))
            records = document[name.removesuffix(".json")]
            index = data.draw(st.integers(0, len(records) - 1))
            field = data.draw(st.sampled_from(sorted(records[index])))
            opening, closing = shape[:-1], shape[-1]
            _nest(directory, name, index, field, opening * depth + closing * depth)
            result: object = _outcome(lambda: mc.load(directory))
            if isinstance(result, mc.MedcoderError):
                assert isinstance(result, mc.DataError)
                assert result.problems
                assert str(result)

    def test_too_large(self) -> None:
        """A file over the size limit is refused without being read."""
        with _copy() as directory:
            name = _data_files(directory)[1]
            with (directory / name).open("r+b") as handle:
                handle.truncate(_reads.MAX_FILE_BYTES + 1)  # sparse: no disk used
            problems = _problems(directory)
            assert [p.file for p in problems if "larger than" in p.message] == [name]

    def test_a_directory(self) -> None:
        """A directory where a file should be is one problem naming it."""
        with _copy() as directory:
            name = _data_files(directory)[1]
            (directory / name).unlink()
            (directory / name).mkdir()
            problems = _problems(directory)
            assert any(p.file == name and "not a regular file" in p.message for p in problems)

    @_POSIX_ONLY
    @pytest.mark.parametrize("which", [0, 1])
    @pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
    def test_fifo_or_device(self, which: int, target: str) -> None:
        """A FIFO, or a link to /dev/zero, is refused at once: load() does not hang."""
        with _copy() as directory:
            name = _data_files(directory)[which]
            problems = _child("load", directory, name, target)
            assert isinstance(problems, list)
            assert [file for file, message in problems if "not a regular file" in message] == [name]

    @_POSIX_ONLY
    @pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
    def test_verify_does_not_hang(self, target: str) -> None:
        """verify() reports a file turned into a FIFO or device as missing."""
        with _copy() as directory:
            name = _data_files(directory)[1]
            report = _child("verify", directory, name, target)
            assert report == {"missing": [name], "changed": []}

    def test_packaged_data_still_loads(self) -> None:
        """The reader still reads the packaged data (a Traversable) and a copy of it."""
        with _copy() as directory:
            assert mc.load(directory) == mc.catalog()
            assert mc.load(directory).verify().ok

    def test_report_counts_files(self) -> None:
        """A report over one file says "1 file"."""
        from medcoder_careers._data.manifest import VerifyReport  # noqa: PLC0415

        report = VerifyReport(data_version="2026.1", digest="0" * 64, checked=("a.json",))
        assert "1 file intact" in str(report)


# -- sorting entities with optional fields -----------------------------------------


_TEXT = st.sampled_from(["", "a", "b"])  # few values: ties make later fields count
_PERIODS = st.sampled_from([mc.Period.parse(t) for t in ("2008", "2008-05", "2008/2018")])
_DECIMALS = st.sampled_from([Decimal(0), Decimal("1.5"), Decimal(30610)])
_AREAS = st.sampled_from(["0000000", "0600000"])
_SPECIAL: dict[str, st.SearchStrategy[Any]] = {
    "Area.id": _AREAS,
    "Statistic.area": _AREAS,
    "Statistic.percentile": st.none() | st.sampled_from([10, 50]),
    "Industry.level": st.none() | st.sampled_from([2, 6]),
    "Occupation.job_zone": st.none() | st.sampled_from([1, 3, 5]),
}


def _for_type(hint: Any) -> st.SearchStrategy[Any]:  # noqa: PLR0911 - one return per type
    origin, arguments = get_origin(hint), get_args(hint)
    if origin in {Union, types.UnionType}:
        return st.one_of([_for_type(argument) for argument in arguments])
    if hint is type(None):
        return st.none()
    if origin is tuple:
        return st.lists(_for_type(arguments[0]), max_size=2).map(tuple)
    if hint is str:
        return _TEXT
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.sampled_from([10, 50, 2010])
    if hint is Decimal:
        return _DECIMALS
    if hint is mc.Period:
        return _PERIODS
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return st.sampled_from(list(hint)[:3])
    if isinstance(hint, type) and attrs.has(hint):
        return entities(hint)
    raise NotImplementedError(hint)


def _fields(cls: type[Any]) -> dict[str, st.SearchStrategy[Any]]:
    hints = get_type_hints(cls)
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(cls):
        special = _SPECIAL.get(f"{cls.__name__}.{field.name}")
        fields[field.name] = _for_type(hints[field.name]) if special is None else special
    return fields


@st.composite
def _statistics(draw: st.DrawFn) -> mc.Statistic:
    values = {name: draw(strategy) for name, strategy in _fields(mc.Statistic).items()}
    values["unit"] = draw(st.sampled_from(sorted(units_for(values["measure"]))))
    if values["value_high"] is not None:
        values["value_high"] = values["value"] + values["value_high"]
    return mc.Statistic(**values)


def entities(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Any well-typed instance of the model class *cls*, drawn from few values."""
    if cls is mc.Statistic:
        return _statistics()
    return st.builds(cls, **_fields(cls))


MODEL = (
    mc.Area,
    mc.Citation,
    mc.CpiAnnualAverage,
    mc.Credential,
    mc.Fact,
    mc.Industry,
    mc.NaicsCode,
    mc.Occupation,
    mc.Organization,
    mc.PostalAddress,
    mc.Requirement,
    mc.SocCode,
    mc.Source,
    mc.Specialty,
    mc.Statistic,
)


def _requirement(organization: str | None) -> mc.Requirement:
    return mc.Requirement(
        kind=mc.RequirementKind.EXAM,
        text="Pass the exam",
        organization=organization,
        citation=mc.Citation(source="s", quote="q"),
    )


class TestOrdering:
    """Entities of one class always sort, an absent optional field first."""

    def test_requirement_none_first(self) -> None:
        """A Requirement with no organization sorts before one with a name."""
        named, unnamed = _requirement("ahima"), _requirement(None)
        assert sorted([named, unnamed]) == [unnamed, named]
        assert sorted([unnamed, named]) == [unnamed, named]

    def test_citation_locator_none_first(self) -> None:
        """A citation without a locator sorts before one with a locator."""
        bare = mc.Citation(source="s", quote="q")
        located = mc.Citation(source="s", quote="q", locator="oe.area:0600000")
        assert sorted([located, bare]) == [bare, located]

    def test_fact_period_none_first(self) -> None:
        """A fact with no period sorts before a dated one."""
        citation = mc.Citation(source="s", quote="q")
        facts = [
            mc.Fact(
                period=period,
                source="s",
                occupation="o",
                topic=mc.FactTopic.ENTRY_LEVEL_EDUCATION,
                text="t",
                citation=citation,
            )
            for period in (mc.Period.year(2008), None)
        ]
        assert [f.period for f in sorted(facts)] == [None, mc.Period.year(2008)]

    @SETTINGS
    @given(st.sampled_from(MODEL).flatmap(lambda cls: st.lists(entities(cls), max_size=6)))
    def test_any_list_sorts(self, items: list[Any]) -> None:
        """sorted() of any list of one class never raises, and gives a total order."""
        ordered = sorted(items)
        assert all(not later < earlier for earlier, later in itertools.pairwise(ordered))
        descending = sorted(items, reverse=True)
        assert all(not earlier < later for earlier, later in itertools.pairwise(descending))
