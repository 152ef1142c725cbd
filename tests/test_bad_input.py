"""Bad input to the public API: a clear `MedcoderError` naming what is wrong, never a bare one.

Covers numbers from other libraries (numpy), damaged or hostile data
directories (deep nesting, FIFOs, devices, huge files), wrong arguments,
ordering entities with optional fields, and the wording of messages
(period hints, plurals, long input clipped).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medcoder_careers as mc

SETTINGS = settings(max_examples=40, deadline=None)
"""Bounded: each property here stays within a few seconds."""

LONG = "x" * 33_000
"""A 33 kB key: messages show a clipped start of it, never all of it."""


# -- messages: counts agree with their nouns, long input is clipped ----------------


def _clipped(message: str) -> None:
    """Check that *message* shows at most about 80 characters of `LONG`."""
    assert "x" * 81 not in message, len(message)
    assert "x" * 40 + "..." in message


class TestMessages:
    """Counts agree with their nouns; long user input is clipped."""

    def test_one_match(self) -> None:
        """NotFound naming one match says "1 ... record", not "records"."""
        error = mc.NotFound("k", "occupation", matches=["a"])
        assert "1 occupation record:" in str(error)
        assert "2 occupation records:" in str(mc.NotFound("k", "occupation", matches=["a", "b"]))

    def test_one_problem(self) -> None:
        """DataError with one problem says "1 problem"."""
        error = mc.DataError([mc.Problem(file="f.json", path="", message="bad")])
        assert str(error).startswith("1 problem in")

    def test_not_found_clipped(self, cat: mc.Catalog) -> None:
        """A 33 kB key is shown clipped in NotFound's message."""
        with pytest.raises(mc.NotFound) as info:
            cat.occupation(LONG)
        _clipped(str(info.value))
        assert info.value.key == LONG  # the attribute keeps it whole

    @SETTINGS
    @given(st.text(min_size=100, max_size=2_000))
    def test_any_long_key(self, key: str) -> None:
        """Any long key is shown by at most its first 80 characters."""
        with pytest.raises(mc.NotFound) as info:
            mc.catalog().credential(key)
        assert repr(key)[:81] not in str(info.value)
