"""The examples in the docstrings run and pass: in every module of the package that has some."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil

import pytest

import medcoder_careers as mc

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(mc.__path__, "medcoder_careers.")
    if not info.name.endswith("__main__")
)


def test_modules_with_examples() -> None:
    """The modules that hold the examples are found (the list is not empty by accident)."""
    assert {"medcoder_careers._catalog", "medcoder_careers._names"} <= set(MODULES)


@pytest.mark.parametrize("name", ["medcoder_careers", *MODULES])
def test_docstring_examples(name: str) -> None:
    """Every docstring example of the module passes, and a module showing one runs it."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    source = inspect.getsource(module)
    if ">>> " in source.replace("# doctest: +SKIP", ""):
        assert result.attempted > 0
