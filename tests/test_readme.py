"""The README's Python examples run and print what their comments say."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from .conftest import REPO

_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
BLOCKS = _BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8"))


def test_readme_has_an_example() -> None:
    """The README shows at least one Python example."""
    assert BLOCKS


@pytest.mark.parametrize("code", BLOCKS)
def test_example_output(code: str) -> None:
    """Running the block prints exactly its trailing ``# `` comment lines."""
    expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README
    assert out.getvalue().splitlines() == expected
