"""The statistics query against a full scan: ANY does not filter, None keeps the absent."""

from __future__ import annotations

import copy
import pickle
from typing import Any, Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medcoder_careers as mc

QUALIFIERS: Final = ("percentile", "industry", "setting", "experience", "accreditor", "definition")
FIELDS: Final = ("occupation", "measure", "source", "area", *QUALIFIERS)


def _scan(cat: mc.Catalog, filters: dict[str, Any]) -> tuple[mc.Statistic, ...]:
    """The reference: every statistic tested field by field."""
    return tuple(
        s
        for s in cat.statistics
        if all(getattr(s, name) == value for name, value in filters.items())
    )


@st.composite
def filters(draw: st.DrawFn) -> dict[str, Any]:
    """Filters taken from a real statistic: each field left out, given its value, or None."""
    cat = mc.catalog()
    stat = draw(st.sampled_from(cat.statistics))
    chosen: dict[str, Any] = {}
    for name in FIELDS:
        way = draw(
            st.sampled_from(["any", "value", "none"] if name in QUALIFIERS else ["any", "value"])
        )
        if way == "value":
            chosen[name] = getattr(stat, name)
        elif way == "none":
            chosen[name] = None
    return chosen


class TestAgainstScan:
    """stats() answers from indexes what a scan of every statistic answers."""

    @settings(max_examples=60)
    @given(filters())
    def test_indexes_agree_with_scan(self, chosen: dict[str, Any]) -> None:
        """Any mix of ANY, a value and None gives exactly the scan's statistics, in order."""
        cat = mc.catalog()
        assert cat.stats(**chosen) == _scan(cat, chosen)

    @settings(max_examples=30)
    @given(filters())
    def test_any_is_leaving_out(self, chosen: dict[str, Any]) -> None:
        """A filter given as mc.ANY is the same as the filter left out."""
        cat = mc.catalog()
        explicit = {name: chosen.get(name, mc.ANY) for name in FIELDS}
        assert cat.stats(**explicit) == cat.stats(**chosen)

    def test_none_keeps_the_whole(self, cat: mc.Catalog) -> None:
        """industry=None is the whole occupation; left out, every industry comes too."""
        whole = cat.stats(occupation="29-2072", measure="employment", area="US", industry=None)
        every = cat.stats(occupation="29-2072", measure="employment", area="US")
        assert {s.industry for s in whole} == {None}
        assert len(every) > len(whole) > 0
        assert set(whole) < set(every)

    def test_results_are_ordered(self, cat: mc.Catalog) -> None:
        """Results come by period, then source, then the statistic's own order."""
        found = cat.stats(occupation="29-2072", area="US", industry=None)
        assert list(found) == sorted(found)


class TestAny:
    """`ANY` is one object, whatever is done to it."""

    def test_singleton(self) -> None:
        """Copies and pickles of ANY are ANY."""
        assert copy.copy(mc.ANY) is mc.ANY
        assert copy.deepcopy(mc.ANY) is mc.ANY
        assert pickle.loads(pickle.dumps(mc.ANY)) is mc.ANY  # noqa: S301 - our own bytes
        assert type(mc.ANY)() is mc.ANY
        assert repr(mc.ANY) == "ANY"

    @pytest.mark.parametrize(
        "name", ["occupation", "measure", "source", "edition", "period", "area"]
    )
    def test_none_refused_without_absent_value(self, cat: mc.Catalog, name: str) -> None:
        """None for a filter every statistic has is an ArgumentError naming it."""
        with pytest.raises(mc.ArgumentError, match=name):
            cat.stats(**{name: None})  # type: ignore[arg-type]
