"""The API reference lists every public name."""

from __future__ import annotations

import re

import medcoder_careers as mc

from .conftest import REPO

_DIRECTIVE = re.compile(r"^\.\. auto(?:class|function|data|exception):: (\w+)", re.MULTILINE)


def test_api_page_lists_every_public_name() -> None:
    """Each name of `__all__` has an autodoc entry in docs/api.rst, and no stale one."""
    documented = set(_DIRECTIVE.findall((REPO / "docs" / "api.rst").read_text(encoding="utf-8")))
    assert documented == set(mc.__all__)
