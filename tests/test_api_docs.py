"""The API page documents the data names (`__version__`, `DATA_VERSION`, `PRECISION`) as data.

autodoc takes a module constant's docstring from a ``#:`` comment at its
assignment, else from the value: for a `str` or an `int` that is the help of
`str` or `int` ("Create a new string object ..."). The docs drop such a
borrowed docstring and describe each constant in docs/api.rst instead.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
from collections.abc import Callable
from types import ModuleType

import pytest

import medcoder_careers as mc

from .conftest import REPO

_API = REPO / "docs" / "api.rst"
_BLOCK = re.compile(r"^\.\. autodata:: (\w+)\n((?:[ \t]+.*\n|\n)*)", re.MULTILINE)


def _autodata() -> dict[str, list[str]]:
    """Each ``.. autodata::`` entry of api.rst with its description lines (options left out)."""
    text = _API.read_text(encoding="utf-8")
    blocks = {}
    for name, body in _BLOCK.findall(text):
        lines = [line.strip() for line in body.splitlines()]
        blocks[name] = [line for line in lines if line and not line.startswith(":")]
    return blocks


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_autodoc", REPO / "docs" / "_autodoc.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestDataEntries:
    """Every constant on the API page has a description of its own."""

    def test_constants_are_described(self) -> None:
        """Each autodata entry whose value is a builtin (str, int) has text in api.rst."""
        blocks = _autodata()
        assert {"__version__", "DATA_VERSION", "PRECISION"} <= set(blocks)
        for name, description in blocks.items():
            value = getattr(mc, name)
            if type(value).__module__ == "builtins":
                assert description, f"{name}: describe it in docs/api.rst"
                assert not any("string object" in line for line in description)

    def test_versions_described(self) -> None:
        """The descriptions say what the versions are."""
        blocks = _autodata()
        assert any("YYYY.N.P" in line for line in blocks["__version__"])
        assert any("YYYY.N" in line for line in blocks["DATA_VERSION"])
        assert any("significant digits" in line for line in blocks["PRECISION"])


def _run(hook: Callable[..., None], obj: object, what: str = "data") -> list[str]:
    lines = inspect.cleandoc(type(obj).__doc__ or "").splitlines()
    hook(None, what, "name", obj, {}, lines)
    return lines


class TestHook:
    """The docs' autodoc hook drops a docstring borrowed from the value's type."""

    @pytest.mark.parametrize("value", ["2026.1.0", 28, 1.5, (1, 2)])
    def test_drops_type_docstring(self, value: object) -> None:
        """A str, int, float or tuple constant loses its type's help."""
        assert _run(_hooks().drop_type_docstrings, value) == []

    def test_keeps_own_docstrings(self) -> None:
        """A docstring of its own (a function, a ``#:`` comment) is kept."""
        hook = _hooks().drop_type_docstrings
        lines = ["The package version."]
        hook(None, "data", "__version__", "2026.1.0", {}, lines)
        assert lines == ["The package version."]
        lines = ["Return the packaged data release."]
        hook(None, "function", "catalog", mc.catalog, {}, lines)
        assert lines == ["Return the packaged data release."]

    def test_only_data(self) -> None:
        """A class whose docstring happens to be empty is left alone."""
        assert _run(_hooks().drop_type_docstrings, 28, what="class")
