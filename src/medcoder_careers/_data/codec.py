"""The data format's one cattrs converter: strict structuring with every problem's path.

Reflection hooks instead of cattrs' generated code (see `_attrs_hook`);
decimals travel as JSON strings, periods as their ISO text, vocabularies
by value. The strict reader reads data files with it; export and the CLI write with it.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, get_args, get_origin, get_type_hints

import attrs
import cattrs

from medcoder_careers._errors import FieldError, PeriodError
from medcoder_careers._period import Period

__all__ = ["ProblemsError", "make_converter", "shared_converter"]

_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", re.ASCII)


class _InvalidValueError(ValueError):
    """A value our own hooks reject; its message is shown as is."""


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str):
        msg = f"a decimal is written as a JSON string, got {type(value).__name__}"
        raise _InvalidValueError(msg)
    if not _DECIMAL.fullmatch(value):
        msg = f"{value!r} is not a plain decimal number such as '30610' or '15.55'"
        raise _InvalidValueError(msg)
    return Decimal(value)


def _structure_period(value: object, _: type) -> Period:
    if not isinstance(value, str):
        msg = f"a period is written as a JSON string, got {type(value).__name__}"
        raise _InvalidValueError(msg)
    try:
        return Period.parse(value)
    except PeriodError as exc:
        raise _InvalidValueError(str(exc)) from None


def _structure_text(value: object, cls: type[str]) -> str:
    """Structure a plain string, or a `StrEnum` member by its value.

    One hook serves both: cattrs dispatches every `str` subclass here.
    """
    if not isinstance(value, str):
        msg = f"expected a string, got {type(value).__name__}"
        raise _InvalidValueError(msg)
    if issubclass(cls, enum.StrEnum):
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(member.value for member in cls)
            msg = f"{value!r} is not a {cls.__name__} (one of: {allowed})"
            raise _InvalidValueError(msg) from None
    if not value.strip():
        msg = "expected a non-blank string"
        raise _InvalidValueError(msg)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        msg = f"expected true or false, got {type(value).__name__}"
        raise _InvalidValueError(msg)
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"expected an integer, got {type(value).__name__}"
        raise _InvalidValueError(msg)
    return value


class ProblemsError(Exception):
    """Problems inside one value, each with its path relative to that value."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__(problems)


def _message(exc: Exception) -> str:
    if isinstance(exc, _InvalidValueError):
        return str(exc)
    return f"invalid value ({type(exc).__name__}: {exc})"


_FAILED: Final = object()


_Hook = Callable[[Any, Any], Any]


def _structure_part(
    hook: _Hook,
    value: object,
    hint: Any,  # noqa: ANN401 - a type
    where: str,
    problems: list[tuple[str, str]],
) -> object:
    """Structure one part of a value; on failure record its problems and return _FAILED."""
    try:
        return hook(value, hint)
    except ProblemsError as inner:
        problems += [(f"{where}{path}", message) for path, message in inner.problems]
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        problems.append((where, _message(exc)))
    return _FAILED


def _attrs_hook(  # noqa: C901 - one branch per way a record can fail
    converter: cattrs.Converter, cls: type
) -> Callable[[object, type], object]:
    """Structure *cls* from a JSON object, strictly, collecting every problem.

    Reflection instead of cattrs' generated code: the data is small, and
    generating (compiling) a function per class cost more than it saved.
    """
    # The model's annotations are objects already; text ones need resolving.
    fields_ = attrs.fields(cls)
    if any(isinstance(field.type, str) for field in fields_):
        hints = get_type_hints(cls)
    else:
        hints = {field.name: field.type for field in fields_}
    fields = [
        (
            field.name,
            hints[field.name],
            converter.get_structure_hook(hints[field.name]),
            field.default is not attrs.NOTHING,
        )
        for field in fields_
    ]
    names = frozenset(name for name, _, _, _ in fields)

    def structure(value: object, _: type) -> object:
        if not isinstance(value, dict):
            raise ProblemsError([("", f"expected an object, got {type(value).__name__}")])
        problems: list[tuple[str, str]] = []
        extra = value.keys() - names
        if extra:
            problems.append(("", f"extra fields found ({', '.join(sorted(map(str, extra)))})"))
        kwargs: dict[str, object] = {}
        for name, hint, hook, has_default in fields:
            if name in value:
                kwargs[name] = _structure_part(hook, value[name], hint, f".{name}", problems)
            elif not has_default:
                problems.append((f".{name}", "required field missing"))
        if problems:
            raise ProblemsError(problems)
        try:
            return cls(**kwargs)
        except FieldError as exc:  # a model rule: report it at its field
            raise ProblemsError([(f".{exc.field}", exc.reason)]) from None
        except (ValueError, TypeError) as exc:
            raise ProblemsError([("", _message(exc))]) from None

    return structure


def _is_tuple_of(hint: object) -> bool:
    args = get_args(hint)
    return get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _tuple_hook(converter: cattrs.Converter) -> Callable[[object, Any], tuple[object, ...]]:
    def structure(value: object, hint: Any) -> tuple[object, ...]:  # noqa: ANN401 - a type
        if not isinstance(value, list):
            raise ProblemsError([("", f"expected a list, got {type(value).__name__}")])
        item_hint = get_args(hint)[0]
        hook = converter.get_structure_hook(item_hint)
        problems: list[tuple[str, str]] = []
        items = tuple(
            _structure_part(hook, item, item_hint, f"[{index}]", problems)
            for index, item in enumerate(value)
        )
        if problems:
            raise ProblemsError(problems)
        return items

    return structure


def make_converter() -> cattrs.Converter:
    """Build the one converter that reads and writes the data format.

    Strict: unknown keys, wrong JSON types, floats for decimals and
    unknown vocabulary values are all errors, each reported with its path.
    Decimals travel as strings, periods in their ISO text form; fields
    equal to their default are left out when writing.
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=False
    )
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Period, _structure_period)
    converter.register_unstructure_hook(Period, str)
    converter.register_structure_hook(str, _structure_text)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook_factory(attrs.has, lambda cls: _attrs_hook(converter, cls))
    converter.register_structure_hook_func(_is_tuple_of, _tuple_hook(converter))
    return converter


@functools.cache
def shared_converter() -> cattrs.Converter:
    """The converter every load uses: its hooks are built once."""
    return make_converter()
