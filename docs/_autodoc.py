"""autodoc hooks for the API page (imported by conf.py; no Sphinx import, so tests can run it)."""

from __future__ import annotations

import inspect


def drop_type_docstrings(
    _app: object, what: str, _name: str, obj: object, _options: object, lines: list[str]
) -> None:
    """Drop a constant's docstring when it is only the help of its type.

    autodoc documents a module constant with its ``#:`` comment, else with
    the value's ``__doc__``: for ``__version__`` (a str) that is "Create a
    new string object ...". Such a borrowed docstring is dropped; docs/api.rst
    describes each constant in its ``.. autodata::`` entry instead.
    """
    if what != "data" or not lines:
        return
    borrowed = inspect.getdoc(type(obj))
    if borrowed and lines[0].strip() == borrowed.splitlines()[0].strip():
        lines.clear()
