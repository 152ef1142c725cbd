"""The statistics query against a full scan: ANY does not filter, None keeps the absent."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal
from typing import Any, Final, cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers import _catalog
from medcoder_careers._data.table import Table
from medcoder_careers._model import statistic_order
from medcoder_careers._query import (
    _CACHE_SIZE,
    QueryCache,
    percentile,
    period_wanted,
    select_from_tables,
)

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


# -- the statistical table: asked only when it may hold an answer ------------------

_OEWS: Final = "oews-2025-05"
"""The source of the packaged table (period 2025-05)."""


@pytest.fixture
def table_reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Record every query a statistical table answers, on a freshly opened catalog."""
    monkeypatch.setattr(_catalog, "_packaged", None)  # no result cached by an earlier test
    reads: list[tuple[object, ...]] = []
    select = Table.select

    def recording(self: Table, *args: Any, **kwargs: Any) -> list[mc.Statistic]:
        reads.append((args, tuple(sorted(kwargs.items()))))
        return select(self, *args, **kwargs)

    monkeypatch.setattr(Table, "select", recording)
    return reads


class TestTables:
    """A query reads the statistical table only when its rows may match, and then finds them."""

    @pytest.mark.parametrize(
        "filters",
        [
            {"source": "ooh-2010-11"},
            {"measure": "annual_salary"},
            {"period": "2018-05"},
            {"period": "2018"},
            {"setting": "hospitals"},
            {"experience": "1 to 4 years"},
            {"accreditor": "cahiim"},
        ],
        ids=str,
    )
    def test_not_read_when_it_cannot_match(
        self, table_reads: list[tuple[object, ...]], filters: dict[str, Any]
    ) -> None:
        """A source, measure, period, or qualifier no table figure has never reads the table."""
        found = mc.catalog().stats(**filters)
        assert table_reads == []
        assert all(s.source != _OEWS for s in found)

    @pytest.mark.parametrize("period", ["2025-05", "2025", mc.Period.parse("2025")])
    def test_found_by_its_period(
        self, table_reads: list[tuple[object, ...]], period: str | mc.Period
    ) -> None:
        """The table's month, or its year, finds its figures; another year does not."""
        cat = mc.catalog()
        found = cat.stats(period=period, measure="employment", area="US", industry=None)
        assert {s.source for s in found} == {_OEWS}
        assert {str(s.period) for s in found} == {"2025-05"}
        assert table_reads
        assert not cat.stats(period="2024", source=_OEWS)

    def test_found_with_other_filters(self, table_reads: list[tuple[object, ...]]) -> None:
        """A table figure is still tested on the filters the table cannot narrow by."""
        cat = mc.catalog()
        found = cat.stats(source=_OEWS, area="US", industry=None, percentile=50)
        assert found
        nation = cat.area("US").id
        assert {(s.source, s.area, s.industry, s.percentile) for s in found} == {
            (_OEWS, nation, None, 50)
        }
        assert table_reads


class TestOrderKey:
    """`statistic_order` orders as `Statistic` itself does, field by field."""

    @pytest.mark.parametrize(
        "change",
        [
            {"percentile": 25},  # lower percentile, higher value: the percentile decides
            {"setting": "hospitals"},
            {"value_high": Decimal(1_000)},
            {"definition": "29-2072+29-9021"},
        ],
        ids=lambda change: next(iter(change)),
    )
    def test_each_field_counts(self, change: dict[str, Any]) -> None:
        """Two statistics differing in one optional field order as `Statistic` orders them."""
        cat = mc.catalog()
        (median,) = cat.stats(
            occupation="29-2072",
            source=_OEWS,
            measure="hourly_wage",
            area="US",
            industry=None,
            percentile=50,
        )
        other = attrs.evolve(median, **change)
        if "percentile" in change:
            other = attrs.evolve(other, value=median.value + 1)
        assert other != median
        assert (statistic_order(other) < statistic_order(median)) == (other < median)
        assert (statistic_order(median) < statistic_order(other)) == (median < other)


class TestQueryCache:
    """`QueryCache` computes each result once, and forgets all when full."""

    def test_computed_once(self) -> None:
        """Asking again returns the first result without computing it again."""
        cache = QueryCache()
        calls: list[str] = []

        def compute(key: str) -> tuple[mc.Statistic, ...]:
            calls.append(key)
            return ()

        assert cache.get("a", lambda: compute("a")) == ()
        assert cache.get("a", lambda: compute("a")) == ()
        assert cache.get("b", lambda: compute("b")) == ()
        assert calls == ["a", "b"]

    def test_bounded(self) -> None:
        """The cache holds at most its size: one more result empties it first."""
        cache = QueryCache()
        calls: list[int] = []

        def compute(key: int) -> tuple[mc.Statistic, ...]:
            calls.append(key)
            return ()

        for key in range(_CACHE_SIZE):
            cache.get(key, lambda key=key: compute(key))  # type: ignore[misc]
        cache.get(0, lambda: compute(0))
        assert calls.count(0) == 1  # still cached: the cache is exactly full
        cache.get(_CACHE_SIZE, lambda: compute(_CACHE_SIZE))  # one more: emptied first
        cache.get(0, lambda: compute(0))
        assert calls.count(0) == 2


class TestFilterMessages:
    """A wrong percentile or period says what was given."""

    def test_percentile(self) -> None:
        """The message shows the value refused."""
        with pytest.raises(mc.ArgumentError, match=r"got 'ninety'$"):
            percentile("ninety")

    def test_period_type(self) -> None:
        """A period of the wrong type is a PeriodError naming the type."""
        with pytest.raises(mc.PeriodError, match=r"^a period is a Period or its text, got float$"):
            period_wanted(2025.5)


class _OtherTable:
    """A stand-in for a second statistical table, of another source: it holds nothing asked."""

    source = "oews-2030-05"
    period = mc.Period.parse("2030-05")

    def select(self, **_: object) -> list[mc.Statistic]:  # pragma: no cover - never asked
        msg = "a table of another source was read"
        raise AssertionError(msg)


class TestSeveralTables:
    """Every table is asked in turn: one that cannot hold an answer is skipped, not the end."""

    WANTED: Final = (
        ("occupation", "medical-records-and-health-information-technicians"),
        ("measure", mc.Measure.EMPLOYMENT),
        ("source", _OEWS),
        ("area", "0600000"),
        ("industry", None),
    )

    def _table(self) -> Table:
        tables = mc.catalog()._store.tables()  # the packaged table
        assert len(tables) == 1
        return tables[0]

    def test_skipped_table_does_not_end_the_search(self) -> None:
        """A table of another source first, then the packaged one: its figure is still found."""
        table = self._table()
        alone = select_from_tables([table], self.WANTED)
        assert len(alone) == 1
        other = cast("Table", _OtherTable())
        assert select_from_tables([other, table], self.WANTED) == alone

    def test_each_table_adds_its_figures(self) -> None:
        """Two tables answering alike give the figures of both (the same table twice here)."""
        table = self._table()
        alone = select_from_tables([table], self.WANTED)
        assert select_from_tables([table, table], self.WANTED) == alone + alone
