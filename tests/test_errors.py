"""The exceptions: what each message says, what each keeps, and that pickling keeps it.

The wording of messages met through the API (plurals, long input clipped)
is in test_bad_input.py; here each error class is built directly, so that
its message can be compared whole.
"""

from __future__ import annotations

import pickle
import types
from collections.abc import Callable
from typing import TypeVar

import attrs
import pytest

import medcoder_careers as mc
from medcoder_careers._errors import ArgumentNotFound, checked_call, clip, shown

PROBLEMS = (
    mc.Problem(file="statistics.json", path="statistics[12].unit", message="not a unit"),
    mc.Problem(file="manifest.json", path="", message="missing"),
)

_E = TypeVar("_E", bound=Exception)


def round_trip(error: _E) -> _E:
    """Return *error* pickled and read back."""
    again: _E = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    return again


class TestNotFound:
    """NotFound says what was looked up, the ids it matched or the names it was close to."""

    def test_ambiguous(self) -> None:
        """A key matching several ids lists them all and asks for one."""
        error = mc.NotFound("coder", "credential", matches=["ccs", "cpc"])
        assert str(error) == "'coder' matches 2 credential records: ccs, cpc; use one of these ids"
        assert error.suggestions == error.matches == ("ccs", "cpc")

    def test_suggestions(self) -> None:
        """A plain miss names the key and the close names, each quoted, in order."""
        error = mc.NotFound("rhiit", "credential", suggestions=["rhit", "rhia"])
        assert str(error) == "no credential matches 'rhiit'; did you mean 'rhit', 'rhia'?"
        assert error.matches == ()

    def test_no_suggestion(self) -> None:
        """A miss with nothing close says only that nothing matched."""
        assert str(mc.NotFound(42, "area")) == "no area matches 42"

    def test_args_hold_the_message(self) -> None:
        """The exception's args are its message, so its repr shows it (not KeyError's quoting)."""
        error = mc.NotFound("rhiit", "credential", suggestions=["rhit"])
        assert error.args == (str(error),)
        assert repr(error) == f"NotFound({str(error)!r})"

    def test_argument_not_found(self) -> None:
        """An argument outside its choices names the argument, every choice and the value."""
        error = ArgumentNotFound("xml", "format", suggestions=["json", "csv"])
        assert str(error) == "format must be one of 'json', 'csv', got 'xml'"
        assert isinstance(error, mc.ArgumentError)

    @pytest.mark.parametrize(
        "error",
        [
            mc.NotFound("coder", "credential", matches=["ccs", "cpc"]),
            mc.NotFound("rhiit", "credential", suggestions=["rhit"]),
            ArgumentNotFound("xml", "format", suggestions=["json", "csv"]),
        ],
    )
    def test_pickle(self, error: mc.NotFound) -> None:
        """Pickling keeps the class, the message and every attribute."""
        again = round_trip(error)
        assert type(again) is type(error)
        assert str(again) == str(error)
        assert (again.key, again.kind, again.suggestions, again.matches) == (
            error.key,
            error.kind,
            error.suggestions,
            error.matches,
        )


class TestDataError:
    """DataError lists every problem, one a line, each as file, path and message."""

    def test_problem_text(self) -> None:
        """A problem reads "file: path: message", or "file: message" for the whole file."""
        assert [str(problem) for problem in PROBLEMS] == [
            "statistics.json: statistics[12].unit: not a unit",
            "manifest.json: missing",
        ]

    def test_message(self) -> None:
        """The message counts the problems, then gives each on its own indented line."""
        error = mc.DataError(PROBLEMS)
        assert str(error) == (
            "2 problems in the data:\n"
            "  statistics.json: statistics[12].unit: not a unit\n"
            "  manifest.json: missing"
        )
        assert error.problems == PROBLEMS

    def test_pickle(self) -> None:
        """Pickling keeps the class, the message and the problems."""
        error = mc.DataError(PROBLEMS)
        again = round_trip(error)
        assert type(again) is mc.DataError
        assert (str(again), again.problems) == (str(error), PROBLEMS)


class TestFieldAndCpiErrors:
    """FieldError names its field; CpiError the year it lacks; both survive pickling."""

    def test_field_error(self) -> None:
        """The message is "field: reason", and both parts are kept."""
        error = mc.FieldError("percentile", "must be one of 10, 25, 50, 75, 90")
        assert str(error) == "percentile: must be one of 10, 25, 50, 75, 90"
        assert (error.field, error.reason) == ("percentile", "must be one of 10, 25, 50, 75, 90")
        again = round_trip(error)
        assert type(again) is mc.FieldError
        assert (str(again), again.field, again.reason) == (str(error), error.field, error.reason)

    def test_cpi_error(self) -> None:
        """A CpiError keeps the year it names (None when it names none)."""
        error = mc.CpiError("no CPI-U annual average for 2003", year=2003)
        assert (str(error), error.year) == ("no CPI-U annual average for 2003", 2003)
        assert mc.CpiError("not a finite amount").year is None
        again = round_trip(error)
        assert (type(again), str(again), again.year) == (mc.CpiError, str(error), 2003)


@attrs.frozen
class _Named:
    id: str


class TestShown:
    """A value in a message: a record by its class and id, anything else by its repr, clipped."""

    def test_record_by_id(self, cat: mc.Catalog) -> None:
        """A record is shown by its class and id, not its whole repr."""
        assert shown(cat.credential("rhit")) == "<Credential 'rhit'>"

    def test_long_id_clipped(self) -> None:
        """A record's long id is clipped like any other input."""
        assert shown(_Named("x" * 200)) == "<_Named '" + "x" * 79 + "...>"

    def test_not_a_record(self) -> None:
        """A value with an id that is no attrs record, or a record without an id, shows its repr."""
        assert shown(types.SimpleNamespace(id="rhit")) == "namespace(id='rhit')"
        assert shown(mc.Period.parse("2004")) == "Period('2004')"
        assert shown(_Named(5)) == "_Named(id=5)"  # type: ignore[arg-type]  # an id that is no text

    def test_too_large(self) -> None:
        """A value whose repr fails (too many digits, too deep) is named by its type."""
        assert shown(10**5000) == "<int too large to show>"
        deep: list[object] = []
        for _ in range(100_000):
            deep = [deep]
        assert shown(deep) == "<list too large to show>"


class TestClip:
    """Text is cut to at most its width, the cut marked by an ellipsis."""

    def test_fits(self) -> None:
        """Text as long as the width, or shorter, is kept whole."""
        assert clip("medical", 7) == "medical"
        assert clip("medical", 8) == "medical"

    def test_cut(self) -> None:
        """Longer text keeps its start and ends in "...", within the width."""
        assert clip("medical records", 10) == "medical..."
        assert clip("medical records", 4) == "m..."
        assert clip("medical records", 3) == "..."

    def test_default_width(self) -> None:
        """By default 80 characters of input are kept, then the ellipsis."""
        assert clip("x" * 83) == "x" * 83
        assert clip("x" * 84) == "x" * 80 + "..."


def _one(value: object, *rest: object) -> object:
    """A function of one argument (and any more by position)."""
    return value, rest


def _close(abcd1: int = 0, abcd2: int = 0, abcd3: int = 0, abcd4: int = 0) -> int:
    """A function of four arguments named alike."""
    return abcd1 + abcd2 + abcd3 + abcd4


def _none() -> None:
    """A function of no argument."""


class _Methods:
    """Methods: ``self`` is no argument a caller gives."""

    def one(self, value: object) -> object:
        """A method of one argument."""
        return value

    def none(self) -> None:
        """A method of no argument."""


class TestCheckedCall:
    """A call that does not fit is an ArgumentError whose message says how, built here whole.

    Each test decorates its functions when it runs (not at import), so that
    the decorator's own code runs under the test.
    """

    def _message(self, function: Callable[..., object], *args: object, **kwargs: object) -> str:
        """Return the message of the ArgumentError that calling *function* raises (no TypeError)."""
        with pytest.raises(mc.ArgumentError) as info:
            function(*args, **kwargs)
        assert not isinstance(info.value, TypeError)
        return str(info.value)

    def test_fits(self) -> None:
        """A call that fits returns what the function returns."""
        assert checked_call()(_one)(1, 2) == (1, (2,))
        assert checked_call()(_Methods.one)(_Methods(), value=3) == 3

    def test_unknown_lists_the_arguments(self) -> None:
        """An unknown keyword close to none is named with every argument (not ``*rest``)."""
        assert self._message(checked_call()(_one), bogus=1) == (
            "_one() has no argument 'bogus'; the arguments are: value"
        )

    def test_first_unknown_named(self) -> None:
        """Of two unknown keywords the first is named, and its own hint given."""
        one = checked_call()(_one)
        assert self._message(one, 1, bogus=1, valu=2) == (
            "_one() has no argument 'bogus'; the arguments are: value"
        )
        assert self._message(one, 1, valu=2, bogus=1) == (
            "_one() has no argument 'valu'; did you mean 'value'?"
        )

    def test_close_names(self) -> None:
        """A misspelled keyword is named with the three closest names (ties: the last first)."""
        close = checked_call("filter")(_close)
        assert self._message(close, abcd=1) == (
            "_close() has no filter 'abcd'; did you mean 'abcd4', 'abcd3', 'abcd2'?"
        )
        assert self._message(close, xyz=1) == (
            "_close() has no filter 'xyz'; the filters are: abcd1, abcd2, abcd3, abcd4"
        )

    def test_self_is_no_argument(self) -> None:
        """A method lists its arguments without ``self``, and counts none for it."""
        methods = _Methods()
        assert self._message(checked_call()(_Methods.one), methods, bogus=1) == (
            "one() has no argument 'bogus'; the arguments are: value"
        )
        assert self._message(checked_call()(_Methods.none), methods, 1) == (
            "none() takes no arguments, got 1 argument"
        )

    def test_takes_none(self) -> None:
        """A function of no argument counts what it was given, by position and by keyword."""
        assert self._message(checked_call()(_none), 1, x=2, y=3) == (
            "_none() takes no arguments, got 3 arguments"
        )

    def test_other_misfits_give_the_reason(self) -> None:
        """An argument missing or given twice is Python's own reason, after the name."""
        one = checked_call()(_one)
        assert self._message(checked_call()(_Methods.one), _Methods(), 1, 2) == (
            "one(): too many positional arguments"
        )
        assert self._message(one) == "_one(): missing a required argument: 'value'"
        assert self._message(one, 1, value=2) == "_one(): multiple values for argument 'value'"

    def test_type_error_within_untouched(self) -> None:
        """A TypeError the function raises itself, the call fitting, passes unchanged."""

        @checked_call()
        def broken(value: object) -> object:
            """Fail within."""
            return len(value)  # type: ignore[arg-type]

        with pytest.raises(TypeError, match="has no len") as info:
            broken(3)
        assert not isinstance(info.value, mc.ArgumentError)
