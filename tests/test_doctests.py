"""The examples in the docstrings run and pass."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "medcoder_careers",
    "medcoder_careers._catalog",
    "medcoder_careers._names",
    "medcoder_careers._period",
    "medcoder_careers._vocab",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    """Every docstring example of the module passes."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
