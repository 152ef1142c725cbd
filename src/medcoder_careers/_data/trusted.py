"""Read a packaged data file without cattrs: the one bypass of the converter, and why.

The packaged files were read through the strict converter (`_codec`) when
they were built, and are again in the test suite (`load` of the packaged
directory). Reading them once more that way at run time costs importing
cattrs and its per-value bookkeeping of problem paths: most of the time of
a program's first query. So `catalog()` builds the records directly from
the JSON, field by field, still through the model's own validators; should
anything not fit, it falls back to the strict reader, which names the
problem with its file and path (`DataError`).
"""

from __future__ import annotations

import enum
import json
import types
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

import attrs

from medcoder_careers._period import Period

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["read_trusted"]

_Build = Callable[[Any], Any]


def _same(value: object) -> object:
    return value


def _builder(hint: Any) -> _Build:  # noqa: ANN401, PLR0911 - a type; one return per kind
    """Return the function that turns the JSON value of type *hint* into its object."""
    if hint is str or hint is int:
        return _same
    if hint is Decimal:
        return Decimal
    if hint is Period:
        return Period.parse
    origin = get_origin(hint)
    if origin is tuple:
        item = _builder(get_args(hint)[0])
        return lambda values: tuple(map(item, values))
    if origin is Union or origin is types.UnionType:
        (inner,) = (arg for arg in get_args(hint) if arg is not type(None))
        build = _builder(inner)
        return lambda value: None if value is None else build(value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if isinstance(hint, type) and attrs.has(hint):
        return _record_builder(hint)
    msg = f"no direct reader for {hint!r}"
    raise TypeError(msg)


@cache
def _record_builder(cls: type) -> _Build:
    fields = {field.name: _builder(field.type) for field in attrs.fields(cls)}

    def build(value: dict[str, Any]) -> object:
        return cls(**{name: fields[name](item) for name, item in value.items()})

    return build


def read_trusted(root: Traversable, name: str, cls: type) -> list[Any]:
    """Return the records of the packaged ``<name>.json``, built directly.

    Raises:
        Exception: anything at all when the file does not fit; the caller
            falls back to the strict reader.
    """
    document = json.loads((root / f"{name}.json").read_bytes())
    build = _record_builder(cls)
    return [build(item) for item in document[name]]
