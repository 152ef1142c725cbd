"""The exceptions the library raises; every one derives from `MedcoderError`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import ParamSpec, TypeVar

import attrs

__all__ = [
    "ArgumentCpiError",
    "ArgumentError",
    "ArgumentIncomparableError",
    "ArgumentNotFound",
    "ArgumentPeriodError",
    "CpiError",
    "DataError",
    "DependencyError",
    "ExportError",
    "FieldError",
    "IncomparableError",
    "MedcoderError",
    "NotFound",
    "PeriodError",
    "Problem",
    "checked_call",
    "clip",
    "plural",
    "shown",
]


def shown(value: object) -> str:
    """Return ``repr(value)`` for a message, clipped, or a stand-in when it has no text.

    A repr longer than `LONGEST` characters is cut there and ends in
    ``...``: a 33 kB query is not echoed back whole. An int of more digits
    than `sys.get_int_max_str_digits` (or a container holding one) refuses
    ``repr`` with a bare `ValueError`, and a deeply nested list exhausts the
    stack; an error message about bad input must not fail on the input
    itself.
    """
    entity_id = getattr(value, "id", None)
    if attrs.has(type(value)) and isinstance(entity_id, str):
        return f"<{type(value).__name__} {clip(repr(entity_id))}>"  # not its whole repr
    return clip(_repr(value))


LONGEST = 80
"""The most characters of user input an error message repeats (the ``...`` after them aside)."""

ELLIPSIS = "..."
"""What ends a text `clip` cut short."""


def clip(text: str, width: int = LONGEST + len(ELLIPSIS)) -> str:
    """Return *text*, or its first characters and ``...`` in at most *width* characters.

    The one way the library shortens text: user input in a message (by
    default, at most `LONGEST` characters of it and the ellipsis) and a
    cell of a command-line table (its column's width).

    >>> clip("medical records", 10)
    'medical...'
    """
    if len(text) <= width:
        return text
    return text[: max(width - len(ELLIPSIS), 0)] + ELLIPSIS


def plural(count: int, noun: str) -> str:
    """Return ``"1 problem"``, ``"2 problems"``: *count* and the noun that agrees with it."""
    return f"{count} {noun}{'s' * (count != 1)}"


def _repr(value: object) -> str:
    try:
        return repr(value)
    except (ValueError, RecursionError):
        return f"<{type(value).__name__} too large to show>"


class MedcoderError(Exception):
    """Base class of every error raised by medcoder-careers.

    Catch this to handle any bad input or damaged data in one place.
    """


class NotFound(MedcoderError, KeyError):  # noqa: N818 - the contract names it
    """A lookup key matched no entity, or matched more than one.

    Attributes:
        key: The key as the caller gave it.
        kind: What was looked up (``"occupation"``, ``"credential"``, ...).
        suggestions: The closest known names, best first (empty when none
            is close); for an ambiguous key, the ids it matched.
        matches: The ids of every entity the key matched when it matched
            more than one (empty for a plain miss).
    """

    def __init__(
        self,
        key: object,
        kind: str,
        suggestions: Iterable[str] = (),
        matches: Iterable[str] = (),
    ) -> None:
        self.key = key
        self.kind = kind
        self.matches: tuple[str, ...] = tuple(matches)
        self.suggestions: tuple[str, ...] = tuple(suggestions) or self.matches
        super().__init__(self._message())

    def _message(self) -> str:
        if self.matches:
            return (
                f"{shown(self.key)} matches {plural(len(self.matches), f'{self.kind} record')}: "
                f"{', '.join(self.matches)}; use one of these ids"
            )
        message = f"no {self.kind} matches {shown(self.key)}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(map(repr, self.suggestions)) + "?"
        return message

    def __str__(self) -> str:
        """Return the message itself (`KeyError` would quote it)."""
        return self._message()

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with every attribute (exceptions otherwise lose them)."""
        return (type(self), (self.key, self.kind, self.suggestions, self.matches))


class FieldError(MedcoderError, ValueError):
    """A record built by hand breaks a rule of one of its fields.

    The loader reports the same rules as `DataError` problems with their
    file and path; this is what constructing the record directly raises.

    Attributes:
        field: The name of the field at fault, e.g. ``"percentile"``.

    .. versionadded:: 2026.2.0
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the field and the reason."""
        return (type(self), (self.field, self.reason))


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found in a data directory.

    Attributes:
        file: The data file's name, e.g. ``"statistics.json"``.
        path: Where in the file, e.g. ``"statistics[12].unit"`` (empty when
            the problem concerns the whole file).
        message: What is wrong.
    """

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        """Render as ``file: path: message``."""
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"


class DataError(MedcoderError, ValueError):
    """A data directory failed validation; every problem found is listed.

    Attributes:
        problems: Each problem with its file and path, in file order.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{plural(len(self.problems), 'problem')} in the data:\n{lines}")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the problems."""
        return (type(self), (self.problems,))


class IncomparableError(MedcoderError, ValueError):
    """Two statistics cannot be compared (different measure, unit or qualifier)."""


class PeriodError(MedcoderError, ValueError):
    """A text is not a valid period (``"2004"``, ``"2008-05"`` or ``"2008/2018"``)."""


class ExportError(MedcoderError, OSError):
    """An export could not be written (a file exists, or the disk refused)."""


class DependencyError(MedcoderError, ImportError):
    """An optional dependency is not installed, e.g. pandas for `to_frame`.

    The message names the extra to install (``medcoder-careers[pandas]``).
    """


class CpiError(MedcoderError, ValueError):
    """An amount cannot be adjusted for inflation with the CPI-U data at hand.

    Raised when a period falls outside the years the CPI-U annual averages
    cover (or is an interval, which has no one price level), or when the
    amount is not a finite number.

    Attributes:
        year: The year that has no CPI-U annual average, else None.
    """

    def __init__(self, message: str, year: int | None = None) -> None:
        self.year = year
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the year."""
        return (type(self), (str(self), self.year))


class ArgumentError(MedcoderError, ValueError):
    """An argument is outside what a function accepts.

    For example a search ``limit`` that is not a whole number, or a
    `Series` built with two points for one period.
    """


# A wrong argument is an ArgumentError everywhere. Where a function raised a
# more specific error for it before, the error is both, so that code catching
# the earlier class keeps working.


class ArgumentCpiError(ArgumentError, CpiError):
    """A wrong amount or catalog for `inflate` or `compare` (an ArgumentError and a CpiError)."""


class ArgumentPeriodError(ArgumentError, PeriodError):
    """A period argument of the wrong type or form (an ArgumentError and a PeriodError)."""


class ArgumentIncomparableError(ArgumentError, IncomparableError):
    """A `compare` argument that is not a usable statistic, or a non-bool ``real``."""


class ArgumentNotFound(ArgumentError, NotFound):  # noqa: N818 - NotFound's name, as an argument
    """An argument outside a fixed set of choices, e.g. an export ``format``.

    Its ``kind`` is the argument's name and its ``suggestions`` the choices.
    """

    def _message(self) -> str:
        choices = ", ".join(map(repr, self.suggestions))
        return f"{self.kind} must be one of {choices}, got {shown(self.key)}"


_P = ParamSpec("_P")
_R = TypeVar("_R")


def checked_call(noun: str = "argument") -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """Make a call that does not fit the decorated function an `ArgumentError`, not a TypeError.

    Python refuses an unknown keyword or one argument too many with its own
    `TypeError` before the function runs; the decorated function raises
    `ArgumentError` instead, naming the unknown keyword (a *noun* such as
    ``"filter"``) and the closest known ones. The signature (for the docs and
    type checkers) is the function's own, and a call that fits costs one
    more frame. A `TypeError` from within the function is not touched.
    """

    def decorate(function: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(function)
        def call(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            try:
                return function(*args, **kwargs)
            except TypeError:
                problem = _misfit(function, args, kwargs, noun)
                if problem is None:  # the call fits: the TypeError came from inside
                    raise
                raise ArgumentError(problem) from None

        return call

    return decorate


def _misfit(
    function: Callable[..., object],
    args: tuple[object, ...],
    kwargs: Mapping[str, object],
    noun: str,
) -> str | None:
    """Return why calling *function* with *args* and *kwargs* does not fit, or None if it does."""
    import difflib  # noqa: PLC0415 - only a bad call needs these; keep import fast
    import inspect  # noqa: PLC0415

    signature = inspect.signature(function)
    try:
        signature.bind(*args, **kwargs)
    except TypeError as exc:
        reason = str(exc)
    else:
        return None
    parameters = signature.parameters
    names = [
        name
        for name, parameter in parameters.items()
        if name != "self"
        and parameter.kind not in {parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD}
    ]
    label = f"{function.__name__}()"
    if not names:
        given = len(args) + len(kwargs) - ("self" in parameters)
        return f"{label} takes no arguments, got {plural(given, 'argument')}"
    unknown = [key for key in kwargs if key not in parameters]
    if unknown:
        close = difflib.get_close_matches(unknown[0], names, n=3, cutoff=0.6)
        hint = (
            f"did you mean {', '.join(map(repr, close))}?"
            if close
            else f"the {noun}s are: {', '.join(names)}"
        )
        return f"{label} has no {noun} {shown(unknown[0])}; {hint}"
    return f"{label}: {reason}"
