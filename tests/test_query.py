"""The statistics query against a full scan: ANY does not filter, None keeps the absent."""

from __future__ import annotations

import copy
import functools
import importlib
import inspect
import pickle
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from importlib.resources import as_file, files
from typing import Any, Final, cast

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers import _catalog
from medcoder_careers import _query as query_module
from medcoder_careers._data.table import Table, columns_of
from medcoder_careers._errors import checked_call
from medcoder_careers._filters import FILTERS
from medcoder_careers._model import statistic_order
from medcoder_careers._query import (
    _CACHE_SIZE,
    QueryCache,
    _read_tables,
    merge,
    percentile,
    period_wanted,
    select_from_tables,
)

QUALIFIERS: Final = (
    "percentile",
    "industry",
    "setting",
    "experience",
    "accreditor",
    "definition",
    "coverage",
)
FIELDS: Final = ("occupation", "measure", "source", "area", *QUALIFIERS)


@functools.cache
def _strict() -> mc.Catalog:
    """The packaged directory loaded the strict way: every record built through its checks."""
    with as_file(files("medcoder_careers") / "data") as root:
        return mc.load(root)


def _scan(filters: Mapping[str, Any] | Iterable[tuple[str, object]]) -> tuple[mc.Statistic, ...]:
    """The reference: every statistic tested field by field.

    *filters* are fields and values, as a mapping or as resolved pairs, each
    pair tested (a source and an edition both); ``"year"`` matches the
    statistics whose period lies within that year (its months).

    The statistics scanned are those `load` builds, row by row and checked,
    not the packaged catalog's (read by the columns a query asks for).
    """
    pairs = list(filters.items() if isinstance(filters, Mapping) else filters)
    fields = [(name, value) for name, value in pairs if name != "year"]
    found = [
        s for s in _strict().statistics if all(getattr(s, name) == value for name, value in fields)
    ]
    for name, year in pairs:
        if name == "year":
            found = [s for s in found if s.period.start_year == s.period.end_year == year]
    return tuple(found)


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
        assert cat.stats(**chosen) == _scan(chosen)

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
_CODERS: Final = "medical-records-and-health-information-technicians"


@pytest.fixture
def table_reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Record every query a statistical table answers, on a freshly opened catalog."""
    monkeypatch.setattr(_catalog, "_packaged", None)  # no result cached by an earlier test
    reads: list[tuple[object, ...]] = []
    for name in ("select", "cell"):  # every rows' read, or one cell's by its key
        read = getattr(Table, name)

        def recording(
            self: Table, *args: Any, read: Any = read, **kwargs: Any
        ) -> list[mc.Statistic] | None:
            reads.append((args, tuple(sorted(kwargs.items()))))
            return read(self, *args, **kwargs)  # type: ignore[no-any-return]

        monkeypatch.setattr(Table, name, recording)
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
            {"occupation": "29-2072", "area": "US", "industry": None, "source": "ooh-2010-11"},
            {"occupation": "29-2072", "area": "CA", "industry": None, "period": "2024"},
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

    def test_coverage_counts(self) -> None:
        """Two employment figures differing only in coverage order as `Statistic` orders them."""
        (wage_and_salary,) = mc.catalog().stats(
            occupation="29-2072", source=_OEWS, measure="employment", area="US", industry=None
        )
        all_jobs = attrs.evolve(wage_and_salary, coverage=mc.Coverage.ALL_JOBS)
        assert statistic_order(all_jobs) != statistic_order(wage_and_salary)
        assert (statistic_order(all_jobs) < statistic_order(wage_and_salary)) == (
            all_jobs < wage_and_salary
        )
        assert sorted([wage_and_salary, all_jobs], key=statistic_order) == sorted(
            [all_jobs, wage_and_salary]
        )


class TestQueryCache:
    """`QueryCache` computes each result once, and forgets all when full."""

    def test_computed_once(self) -> None:
        """Asking again returns the first result without computing it again."""
        cache: QueryCache[tuple[mc.Statistic, ...]] = QueryCache()
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
        cache: QueryCache[tuple[mc.Statistic, ...]] = QueryCache()
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

    @pytest.mark.parametrize(
        ("name", "article"),
        [
            ("occupation", "an"),
            ("measure", "a"),
            ("source", "a"),
            ("edition", "an"),
            ("period", "a"),
            ("area", "an"),
        ],
    )
    def test_none_names_the_filter(self, cat: mc.Catalog, name: str, article: str) -> None:
        """None where every statistic has a value says so in English ("has an edition")."""
        with pytest.raises(mc.ArgumentError) as info:
            cat.stats(**{name: None})  # type: ignore[arg-type]
        assert str(info.value).startswith(
            f"{name}=None: every statistic has {article} {name}; leave {name} out"
        )

    @pytest.mark.parametrize("edition", ["zzz", "medical coder", "oews-2025-05", 2010])
    def test_unknown_edition(self, cat: mc.Catalog, edition: object) -> None:
        """An edition that names no handbook edition says so, suggesting the editions."""
        editions = sorted(s.edition for s in cat.sources.values() if s.edition)
        wrong = cast("str", edition)  # an int too: not a label
        for call in (lambda: cat.stats(edition=wrong), lambda: cat.find_facts(edition=wrong)):
            with pytest.raises(mc.NotFound) as info:
                call()
            assert info.value.kind == "edition"
            assert str(info.value).startswith(f"no edition matches {edition!r}; did you mean")
            assert info.value.suggestions == tuple(editions)


class TestPercentileType:
    """A percentile is an int or its text: a number of another type equal to one is refused."""

    NOT_INT: Final = (50.0, Decimal(50), Decimal("50.0"), Fraction(50), 50 + 0j, True)

    @pytest.mark.parametrize("value", NOT_INT, ids=repr)
    def test_read_refuses(self, value: object) -> None:
        """`percentile` refuses a float, Decimal, Fraction, complex or bool equal to 50."""
        with pytest.raises(mc.ArgumentError, match=r"^percentile must be 10, 25, 50"):
            percentile(value)

    @pytest.mark.parametrize("value", NOT_INT, ids=repr)
    def test_stats_refuses(self, cat: mc.Catalog, value: object) -> None:
        """`stats(percentile=50.0)` is an ArgumentError showing the value, not the medians."""
        with pytest.raises(mc.ArgumentError) as info:
            cat.stats(percentile=value, measure="annual_wage")  # type: ignore[arg-type]
        assert str(info.value).endswith(f"got {value!r}")

    def test_cached_int_does_not_answer(self, cat: mc.Catalog) -> None:
        """Asked after `percentile=50` (cached), an equal value of another type is still refused."""
        medians = cat.stats(percentile=50)
        assert medians
        assert cat.stats(percentile=50) is medians  # answered from the cache
        for value in (50.0, Decimal(50), Fraction(50)):
            with pytest.raises(mc.ArgumentError, match="percentile must be"):
                cat.stats(percentile=value)  # type: ignore[arg-type]
        assert cat.stats(percentile=25) != medians


class TestCallsThatDoNotFit:
    """A call that does not fit a public function or method is an ArgumentError, not a TypeError."""

    def test_unknown_filter(self, cat: mc.Catalog) -> None:
        """A keyword that is no filter is named, with every filter when none is close."""
        with pytest.raises(mc.ArgumentError) as info:
            cat.stats(foo=1)  # type: ignore[call-arg]
        assert not isinstance(info.value, TypeError)
        assert str(info.value) == (
            "stats() has no filter 'foo'; the filters are: occupation, measure, source, "
            "edition, period, area, percentile, industry, setting, experience, accreditor, "
            "definition, coverage"
        )

    @pytest.mark.parametrize(
        ("keyword", "close"),
        [("occupaton", "'occupation'"), ("percentil", "'percentile'"), ("Area", "'area'")],
    )
    def test_misspelled_filter(self, cat: mc.Catalog, keyword: str, close: str) -> None:
        """A misspelled filter is named with the closest filters."""
        with pytest.raises(mc.ArgumentError) as info:
            cat.stats(**{keyword: "x"})
        assert str(info.value) == f"stats() has no filter {keyword!r}; did you mean {close}?"

    def test_too_many_by_position(self, cat: mc.Catalog) -> None:
        """More filters by position than stats has, or one given twice, is an ArgumentError."""
        with pytest.raises(mc.ArgumentError, match=r"^stats\(\): too many positional"):
            cat.stats(*["x"] * 14)
        with pytest.raises(mc.ArgumentError, match=r"multiple values for argument 'occupation'"):
            cat.stats("x", occupation="y")  # type: ignore[misc]

    @pytest.mark.parametrize(
        "name",
        [
            "occupation",
            "credential",
            "organization",
            "source",
            "industry",
            "area",
            "credentials_by",
            "related",
            "search",
            "series",
            "quick_facts",
            "unpublished",
            "find_facts",
            "verify",
        ],
    )
    def test_every_method(self, cat: mc.Catalog, name: str) -> None:
        """Every public method answers a keyword it lacks, or an argument too many, the same way."""
        method = getattr(cat, name)
        with pytest.raises(
            mc.ArgumentError,
            match=rf"^{name}\(\) (has no (argument|filter) 'bogus'|takes no arguments)",
        ):
            method(bogus=1)
        with pytest.raises(
            mc.ArgumentError, match=rf"^{name}\(\)(: too many positional| takes no arguments)"
        ):
            method(*["medical coder"] * 20)

    @pytest.mark.parametrize("name", ["load", "compare", "inflate", "export"])
    def test_every_function(self, name: str) -> None:
        """The package's functions too: a keyword they lack is an ArgumentError naming it."""
        with pytest.raises(mc.ArgumentError, match=rf"^{name}\(\) has no argument 'bogus'"):
            getattr(mc, name)(bogus=1)

    @pytest.mark.parametrize(
        ("args", "kwargs", "given"),
        [((1,), {}, "1 argument"), ((), {"path": "x"}, "1 argument"), ((1, 2), {}, "2 arguments")],
    )
    def test_catalog_takes_nothing(
        self, args: tuple[object, ...], kwargs: dict[str, object], given: str
    ) -> None:
        """`catalog` with an argument says it takes none."""
        with pytest.raises(mc.ArgumentError) as info:
            mc.catalog(*args, **kwargs)
        assert str(info.value) == f"catalog() takes no arguments, got {given}"
        assert not isinstance(info.value, TypeError)

    def test_type_error_within_untouched(self) -> None:
        """A TypeError raised by the function itself, the call fitting, passes unchanged."""

        @checked_call()
        def broken(value: object) -> object:
            return len(value)  # type: ignore[arg-type]

        with pytest.raises(TypeError, match="has no len"):
            broken(3)
        assert broken([1, 2]) == 2


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
        tables = [t for t in mc.catalog()._store.tables() if t.source == _OEWS]
        assert len(tables) == 1  # the packaged table of May 2025
        return tables[0]

    def test_two_tables_and_no_json_figure(
        self, cat: mc.Catalog, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Only tables hold the figure, and two may: the figures of both, in order."""
        two = tuple(t for t in cat._store.tables() if t.source in {"oews-2019-05", "oews-2020-05"})
        monkeypatch.setattr(query_module.Query, "_tables", lambda *_: two)
        found = _catalog.Catalog(cat._store).stats(
            occupation="29-2072", area="US", industry=None, measure="hourly_wage", percentile=75
        )
        assert [s.source for s in found] == ["oews-2019-05", "oews-2020-05"]

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


class TestNotPushed:
    """A field no table narrows its read by is tested on each figure the tables return."""

    WANTED: Final = (
        ("occupation", "medical-records-and-health-information-technicians"),
        ("area", "0600000"),
        ("industry", None),
        ("unit", mc.Unit.USD_PER_HOUR),  # no filter of stats: no table narrows by it
    )

    def test_statistics(self, cat: mc.Catalog) -> None:
        """Only the figures holding it, as the strict scan finds them, in order."""
        found = select_from_tables(cat._store.tables(), self.WANTED)
        assert tuple(found) == _scan(dict(self.WANTED))
        assert {s.measure for s in found} == {mc.Measure.HOURLY_WAGE, mc.Measure.HOURLY_MEAN_WAGE}

    def test_with_a_year(self, cat: mc.Catalog) -> None:
        """A year (the tables' own period, tested table by table) and the field: both hold."""
        found = select_from_tables(cat._store.tables(), (*self.WANTED, ("year", 2025)))
        expected = select_from_tables(cat._store.tables(), self.WANTED)
        assert found == [s for s in expected if s.period.start_year == 2025]
        assert found

    def test_columns(self, cat: mc.Catalog) -> None:
        """Read as columns, the same figures."""
        blocks = _read_tables(cat._store.tables(), self.WANTED, columns=True)
        found = [block for _, block in blocks if isinstance(block, dict) and block["value"]]
        (columns,) = found
        assert columns == columns_of(select_from_tables(cat._store.tables(), self.WANTED))
        assert set(columns["unit"]) == {mc.Unit.USD_PER_HOUR}


class TestPushedDown:
    """What a table reads is narrowed by the filters, and finds what a scan finds."""

    @pytest.mark.parametrize(
        "filters",
        [
            {"measure": "annual_wage", "percentile": 50, "industry": None},
            {"measure": "hourly_mean_wage", "percentile": None},
            {"measure": "employment", "coverage": "wage_and_salary", "area": "TX"},
            {"coverage": None, "area": "Akron, OH"},
            {"definition": "29-2098"},
            {"definition": "29-2072", "percentile": 90},
            {"occupation": "29-2072", "industry": "622"},
            {"occupation": "43-6013", "area": "0600000", "measure": "location_quotient"},
            {"area": "CA", "industry": None, "measure": "employment_per_1000_jobs"},
            {"occupation": "29-9021"},
        ],
        ids=str,
    )
    def test_against_scan(self, cat: mc.Catalog, filters: dict[str, Any]) -> None:
        """Each answer is the strict scan's, in order, read by the cells' keys or by index."""
        found = cat.stats(**filters)
        resolved = dict(cat._query.wanted(filters))
        assert found == _scan(resolved)
        assert found

    @pytest.mark.parametrize(
        ("area", "measure", "industry"),
        [
            ("CA", "employment", None),
            ("US", "employment", None),
            ("10420", "employment", None),
            ("TX", mc.ANY, None),
            ("US", "employment", "622"),
        ],
    )
    def test_one_cell_by_its_key(
        self,
        cat: mc.Catalog,
        monkeypatch: pytest.MonkeyPatch,
        area: str,
        measure: object,
        industry: str | None,
    ) -> None:
        """One occupation in one area and industry (any measure): each table names the cell."""
        filters: dict[str, Any] = {
            "occupation": "29-2072",
            "area": area,
            "industry": industry,
            "measure": measure,
        }
        expected = _scan(dict(cat._query.wanted(filters)))

        def refused(*args: object, **kwargs: object) -> list[mc.Statistic]:
            raise AssertionError(args, kwargs)

        monkeypatch.setattr(Table, "select", refused)
        found = _catalog.Catalog(cat._store).stats(**filters)
        assert found == expected
        assert len({(s.period, s.measure, s.percentile) for s in found}) == len(found) >= 1

    def test_only_the_columns_asked(self, cat: mc.Catalog) -> None:
        """A question about the median reads the median's columns, not the row's others."""
        table = next(t for t in cat._store.tables() if t.file == "oews.sqlite")
        # a table's first question also reads which areas it holds (once): ask one before
        # recording, so a fresh catalog (as under mutmut) records the same one query
        table.select(["medical-secretaries"], "0100000", [None], datatypes={"13"})
        seen: list[str] = []
        original = table._query

        def recording(query: str, arguments: Any = ()) -> Any:
            seen.append(query)
            return original(query, arguments)

        table._query = recording  # type: ignore[method-assign]
        try:
            table.select(["medical-secretaries"], "0600000", [None], datatypes={"13"})
        finally:
            del table._query
        (query,) = seen
        assert query == "SELECT key, soc, area, industry, v13, f13 FROM cell WHERE key = ?"

    @pytest.mark.parametrize("measure", list(mc.Measure))
    def test_datatypes_for_each_measure(self, measure: mc.Measure) -> None:
        """A measure's columns are those of its figures (none: a measure no table has)."""
        from medcoder_careers._data.datatypes import datatypes_for  # noqa: PLC0415

        codes = datatypes_for(measure)
        found = {
            str(s.citation.locator)[-2:]
            for s in _strict().statistics
            if s.measure is measure and s.source.startswith("oews-") and s.citation.locator
        }
        assert codes is not None
        assert found <= codes
        assert bool(codes) == bool(found)


class TestMerge:
    """The JSON files' statistics and the tables' come in one order."""

    def test_blocks_between_runs(self, cat: mc.Catalog) -> None:
        """Every statistic: each table's block falls whole between the JSON files' runs."""
        assert list(cat.statistics) == sorted(_strict().statistics, key=statistic_order)

    def test_shared_release_sorted(self, cat: mc.Catalog) -> None:
        """A JSON statistic of a table's release: all are sorted (still Statistic's order)."""
        block = list(cat.stats(source=_OEWS, area="US", industry=None, measure="employment"))
        hand = [attrs.evolve(block[0], occupation="zz-last", value=Decimal(1))]
        merged = merge(hand, [block])
        assert merged == tuple(sorted([*hand, *block], key=statistic_order))
        assert merged[-1] is hand[0]


class TestCaches:
    """The caches are bounded, and the same question gets the same answer."""

    def test_same_tuple(self, cat: mc.Catalog) -> None:
        """Asked again, or spelt otherwise, a question gets the very tuple it got first."""
        first = cat.stats(occupation="29-2072", area="CA", measure="annual_wage", percentile=50)
        assert (
            cat.stats(occupation="29-2072", area="CA", measure="annual_wage", percentile=50)
            is first
        )
        spelt = cat.stats(
            occupation="medical records specialists",
            area="California",
            measure="annual wage",
            percentile="median",
        )
        assert spelt is first

    def test_filters_by_their_place(self) -> None:
        """`Catalog.stats` takes the filters in the order of `FILTERS`, which `Query.ask` reads."""
        names = list(inspect.signature(mc.Catalog.stats).parameters)
        assert names == ["self", *(f.name for f in FILTERS)]

    def test_equal_when_built_again(self, cat: mc.Catalog) -> None:
        """A catalog with nothing cached yet builds equal statistics, not the same objects."""
        again = _catalog.Catalog(cat._store)
        fresh = again.stats(occupation="43-3021", area="TX", industry=None)
        cached = cat.stats(occupation="43-3021", area="TX", industry=None)
        assert fresh == cached
        assert all(a is not b for a, b in zip(fresh, cached, strict=True))

    def test_areas_remembered_bounded(self, cat: mc.Catalog) -> None:
        """Tables are remembered per area asked, at most one entry per area of the catalog."""
        again = _catalog.Catalog(cat._store)
        for area in list(cat.areas)[:40]:
            again.stats(area=area, measure="employment", industry=None)
        remembered = again._query._by_area
        assert 0 < len(remembered) <= 40
        assert set(remembered) <= set(cat.areas)
        national = [t for t in cat._store.tables() if t.file != "oews.sqlite"]
        assert all(
            not set(national) & set(tables)
            for area, tables in remembered.items()
            if area != "0000000"
        )

    @pytest.mark.parametrize(
        ("module", "name"),
        [("table", "_layout"), ("table", "_by_keys"), ("datatypes", "datatypes_for")],
    )
    def test_lru_bounded(self, module: str, name: str) -> None:
        """The table's small caches (query text, column layouts, datatypes) have a size limit."""
        found = importlib.import_module(f"medcoder_careers._data.{module}")
        assert getattr(found, name).cache_info().maxsize == 256


class TestColumns:
    """`Query.columns` (behind `to_frame`): the tables' columns merged, sorted only if needed."""

    FILTERS: Final = {"occupation": "29-2072"}

    def test_merged_without_statistics(
        self, cat: mc.Catalog, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """No two kinds of file share a release here: no `Statistic` is selected to sort."""
        expected = columns_of(cat.stats(**self.FILTERS))
        fresh = _catalog.Catalog(cat._store)._query

        def refused(*args: object) -> tuple[mc.Statistic, ...]:
            raise AssertionError(args)

        monkeypatch.setattr(query_module.Query, "select", refused)
        assert fresh.columns(self.FILTERS) == expected

    def test_sorted_when_releases_are_shared(
        self, cat: mc.Catalog, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A release in both kinds of file (`_merge_columns` gives up): the figures sorted."""
        expected = columns_of(cat.stats(**self.FILTERS))
        monkeypatch.setattr(query_module, "_merge_columns", lambda *_: None)
        assert _catalog.Catalog(cat._store)._query.columns(self.FILTERS) == expected

    def test_gives_up_on_a_shared_release(self, cat: mc.Catalog) -> None:
        """A JSON figure of a table's own release: the columns cannot just be laid end to end."""
        table = next(t for t in cat._store.tables() if t.source == "oews-2024-05")
        block = table.columns(["medical-records-and-health-information-technicians"])
        hand = [
            attrs.evolve(
                cat.stats(source="ooh-2010-11")[0], source=table.source, period=table.period
            )
        ]
        assert query_module._merge_columns(hand, [(table, block)]) is None
        assert query_module._merge_columns([], [(table, block)]) == block

    def test_definition(self, cat: mc.Catalog) -> None:
        """A definition keeps its own figures, read as columns as well."""
        filters = {"occupation": "29-2072", "definition": "29-2098", "measure": "employment"}
        query = _catalog.Catalog(cat._store)._query
        columns = query.columns(filters)
        assert set(columns["definition"]) == {"29-2098"}
        assert columns == columns_of(cat.stats(**filters))

    def test_cached_answer_reads_no_table(
        self, cat: mc.Catalog, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A question `stats` answered already is not read from the tables again."""
        query = _catalog.Catalog(cat._store)._query
        found = query.stats(**self.FILTERS)

        def refused(*args: object, **kwargs: object) -> None:
            raise AssertionError(args, kwargs)

        for name in ("select", "columns", "cell"):
            monkeypatch.setattr(Table, name, refused)
        assert query.columns(self.FILTERS) == columns_of(found)


class TestResolvedOnce:
    """The same arguments again are not resolved again: the first answer is returned."""

    @staticmethod
    def _refuse(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        """Make every call of `Query`'s method *name* from now on fail the test."""
        monkeypatch.setattr(
            query_module.Query, name, lambda *args: pytest.fail(f"{name} called: {args}")
        )

    def test_stats(self, cat: mc.Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
        """`Query.stats` (quick facts ask this way)."""
        query = _catalog.Catalog(cat._store)._query
        first = query.stats(occupation="29-2072", area="CA", measure="employment")
        self._refuse(monkeypatch, "wanted")
        assert query.stats(occupation="29-2072", area="CA", measure="employment") is first

    def test_catalog_stats(self, cat: mc.Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
        """`Catalog.stats` (its filters by place)."""
        again = _catalog.Catalog(cat._store)
        first = again.stats(occupation="29-2072", area="CA", measure="employment")
        self._refuse(monkeypatch, "_read")
        assert again.stats(occupation="29-2072", area="CA", measure="employment") is first

    def test_spelt_otherwise(self, cat: mc.Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
        """Spelt otherwise, a question is resolved again but not answered again."""
        again = _catalog.Catalog(cat._store)
        first = again.stats(occupation="29-2072", area="CA", measure="employment")
        self._refuse(monkeypatch, "_compute")
        assert (
            again.stats(occupation="medical coder", area="California", measure="Employment")
            is first
        )


class TestRank:
    """Each source's standing where two state one figure: a statistical file, then the newer."""

    def test_packaged(self, cat: mc.Catalog) -> None:
        """The standing of every source of the packaged data (0: no year found)."""
        files_ = {f"oews-{year}-05": (True, year) for year in range(2019, 2025)}
        assert dict(cat._query.rank()) == {
            **dict.fromkeys(
                [
                    "aapc-apprentice-status",
                    "aapc-ceu-requirements",
                    "aapc-cpc-exam-faq",
                    "aapc-cpc-page",
                    "aapc-maintain-certification",
                    "ahima-cca-page",
                    "ahima-ccs-page",
                    "ahima-recertification",
                    "cpi-u",
                    "naics",
                    "ncra-ctr-certification-exam",
                    "ncra-ctr-eligibility",
                    "ncra-ctr-exam-content",
                    "ncra-ctr-exam-faq",
                    "ncra-ctr-maintenance",
                    "ncra-ctr-paths",
                    "onet-29.3",
                    "soc",
                    "soc-2018-definitions",  # a file pinned by sha256, but no statistical table
                ],
                (False, 0),
            ),
            **files_,
            "article-medical-information-coder": (False, 2018),  # the latest period it reports
            "blog-medical-records-coder": (False, 2009),
            "ep-2024-34": (True, 2024),
            "oews-2021-05-29-9021": (False, 2021),  # a table, but quoted: no sha256
            "oews-2025-05": (True, 2026),  # as of 2026-05-15
            "ooh-2006-07": (False, 2006),  # its edition
            "ooh-2010-11": (False, 2010),
            "ooh-2012-13": (False, 2012),
            "ooh-2018-28-page": (False, 2018),
            "ooh-hitmr-2022-32-page": (False, 2022),
            "ooh-latest": (False, 2020),
        }

    def test_latest_period_reported(self, cat: mc.Catalog) -> None:
        """A source with no date ranks by the latest period it reports, whatever comes last."""
        blog = attrs.evolve(cat.sources["blog-medical-records-coder"], id="undated")
        statistic = attrs.evolve(
            cat.stats(source="ooh-2010-11")[0],
            source="undated",
            period=mc.Period.parse("2015"),
            citation=mc.Citation(source="undated", quote="q"),
        )
        fact = attrs.evolve(
            cat.facts[0],
            source="undated",
            period=mc.Period.parse("2010"),
            citation=mc.Citation(source="undated", quote="q"),
        )

        class Store:
            def collection(self, name: str) -> tuple[object, ...]:
                return {"statistics": (statistic,), "facts": (fact,)}[name]

            def tables(self) -> tuple[Table, ...]:
                return ()

        class Names:
            def table(self, _kind: str) -> dict[str, mc.Source]:
                return {blog.id: blog}

        query = query_module.Query(Store(), Names())  # type: ignore[arg-type]
        assert dict(query.rank()) == {"undated": (False, 2015)}


class TestFacts:
    """`find_facts` keeps the facts each filter names."""

    def test_by_occupation(self, cat: mc.Catalog) -> None:
        """Only the occupation's own facts, and some of them."""
        coder = cat.occupation("29-2072").id
        found = cat.find_facts(occupation="29-2072")
        assert found
        assert {f.occupation for f in found} == {coder}
        assert found == tuple(f for f in cat.facts if f.occupation == coder)

    def test_unknown_topic_names_the_filter(self, cat: mc.Catalog) -> None:
        """A topic that is none: NotFound of kind "topic"."""
        with pytest.raises(mc.NotFound, match="topic") as caught:
            cat.find_facts(topic="zzz")
        assert caught.value.kind == "topic"


class TestMeasure:
    """A measure is read by its value first, then as any other vocabulary word."""

    @pytest.mark.parametrize("name", ["measure", "coverage", "definition", "setting"])
    def test_unknown_names_the_filter(self, cat: mc.Catalog, name: str) -> None:
        """A measure, coverage, definition or setting that is none: NotFound naming its kind."""
        with pytest.raises(mc.NotFound, match=f"no {name} matches 'salry'") as caught:
            cat.stats(**{name: "salry"})
        assert caught.value.kind == name

    @pytest.mark.parametrize("value", [["annual_wage"], {"annual_wage": 1}, 3], ids=repr)
    def test_not_text(self, cat: mc.Catalog, value: object) -> None:
        """A list, a dict or a number (unhashable or not) is NotFound, never a TypeError."""
        with pytest.raises(mc.NotFound, match="measure"):
            cat.stats(measure=value)  # type: ignore[arg-type]


class TestDefinitions:
    """A definition filter knows the definitions of both kinds of file."""

    def test_only_in_tables(self, cat: mc.Catalog) -> None:
        """29-9098 (the registrars' hybrid of May 2019 and May 2020) only the tables count."""
        found = cat.stats(definition="29-9098")
        assert found
        assert {s.source for s in found} == {"oews-2019-05", "oews-2020-05"}

    def test_not_a_setting(self, cat: mc.Catalog) -> None:
        """A definition is no setting."""
        with pytest.raises(mc.NotFound, match="setting"):
            cat.stats(setting="29-2072")


@functools.cache
def _cell_figures() -> list[mc.Statistic]:
    """Every figure of the packaged tables (each has a cell: its citation names it)."""
    return [s for s in mc.catalog().statistics if s.citation.locator]


@st.composite
def cell_questions(draw: st.DrawFn) -> dict[str, Any]:
    """A question about one cell of a table: its occupation, area and industry, and more or less.

    Each is spelt as a user may spell it: an id or a code, an enum or its
    text, a period or its text, a year; the release by its source, its
    period, its year or a handbook edition (no table is read then).
    """
    stat = draw(st.sampled_from(_cell_figures()))
    cat = mc.catalog()
    chosen: dict[str, Any] = {
        "occupation": draw(
            st.sampled_from([stat.occupation, cat.occupation(stat.occupation).soc[-1].code])
        ),
        "area": stat.area,
        "industry": stat.industry,
    }
    if draw(st.booleans()):
        chosen["measure"] = draw(st.sampled_from([stat.measure, stat.measure.value]))
    percentile = draw(st.sampled_from(["any", "value", "text", "none"]))
    if percentile == "value":
        chosen["percentile"] = stat.percentile
    elif percentile == "text" and stat.percentile is not None:
        chosen["percentile"] = "median" if stat.percentile == 50 else str(stat.percentile)
    elif percentile == "none":
        chosen["percentile"] = None
    coverage = draw(st.sampled_from(["any", "value", "none"]))
    if coverage != "any":
        chosen["coverage"] = stat.coverage if coverage == "value" else None
    release = draw(st.sampled_from(["any", "source", "period", "text", "year", "edition", "both"]))
    if release in {"source", "both"}:
        chosen["source"] = stat.source
    if release in {"edition", "both"}:
        chosen["edition"] = "2010-11"  # a handbook edition: no table is read
    if release == "period":
        chosen["period"] = stat.period
    elif release == "text":
        chosen["period"] = str(stat.period)
    elif release == "year":
        chosen["period"] = str(stat.period.start_year)
    return chosen


def _refused(*args: object, **kwargs: object) -> list[mc.Statistic]:
    """A stand-in for `Table.select` where a question about one cell must not call it."""
    raise AssertionError(args, kwargs)


class TestOneCell:
    """A question about one cell is answered by each table's `Table.cell`: what a scan finds."""

    @settings(max_examples=80)
    @given(cell_questions())
    @example(  # a source and an edition: no figure has both
        {
            "occupation": _CODERS,
            "area": "0000000",
            "industry": None,
            "percentile": "25",
            "source": "oews-2021-05",
            "edition": "2010-11",
        }
    )
    def test_against_scan(self, chosen: dict[str, Any]) -> None:
        """The cell's figures the filters keep, in order, with no table `select` asked."""
        store = mc.catalog()._store
        wanted = _catalog.Catalog(store)._query.wanted(chosen)
        assert query_module.cell_blocks(store.tables(), dict(wanted)) is not None
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Table, "select", _refused)
            found = _catalog.Catalog(store).stats(**chosen)
        assert found == _scan(wanted)

    @settings(max_examples=30)
    @given(cell_questions())
    def test_a_cell_the_table_cannot_name(self, chosen: dict[str, Any]) -> None:
        """Where no table can name the cell by its key (`Table.cell` None), `select` answers."""
        store = mc.catalog()._store
        wanted = _catalog.Catalog(store)._query.wanted(chosen)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Table, "cell", lambda *_, **__: None)
            found = _catalog.Catalog(store).stats(**chosen)
        assert found == _scan(wanted)

    def test_quick_facts_and_series(self, cat: mc.Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
        """Quick facts and a series ask with setting, experience and accreditor None: cells too."""
        fresh = _catalog.Catalog(cat._store)
        facts = fresh.quick_facts("29-2072", area="CA")
        series = fresh.series("29-2072", "annual_wage", area="CA")
        monkeypatch.setattr(Table, "select", _refused)
        again = _catalog.Catalog(cat._store)
        assert again.quick_facts("29-2072", area="CA") == facts
        assert again.series("29-2072", "annual_wage", area="CA") == series
        assert len(series) == 1  # the one state release

    @pytest.mark.parametrize(
        "wanted",
        [
            (("area", "0600000"), ("industry", None)),
            (("occupation", _CODERS), ("industry", None)),
            (("occupation", _CODERS), ("area", "0600000")),
            (("occupation", _CODERS), ("area", "0600000"), ("industry", None), ("setting", "x")),
            (("occupation", _CODERS), ("area", "0600000"), ("industry", None), ("experience", 1)),
            (("occupation", _CODERS), ("area", "0600000"), ("industry", None), ("accreditor", "")),
            (("occupation", _CODERS), ("area", "0600000"), ("industry", None), ("unit", "x")),
            (
                ("occupation", _CODERS),
                ("area", "0600000"),
                ("industry", None),
                ("definition", "29-2072"),
            ),
        ],
        ids=[
            "no occupation",
            "no area",
            "no industry",
            "setting",
            "experience",
            "accreditor",
            "unit",
            "definition",
        ],
    )
    def test_other_questions(self, cat: mc.Catalog, wanted: tuple[tuple[str, object], ...]) -> None:
        """A question that names no one cell, or asks what a cell read cannot test: None."""
        assert query_module.cell_blocks(cat._store.tables(), dict(wanted)) is None

    def test_none_of_what_no_table_figure_has(self, cat: mc.Catalog) -> None:
        """Setting, experience and accreditor None (every table figure has none): the cell."""
        wanted = (*TestSeveralTables.WANTED, ("setting", None), ("experience", None))
        found = query_module.cell_blocks(cat._store.tables(), {**dict(wanted), "accreditor": None})
        assert found == query_module.cell_blocks(
            cat._store.tables(), dict(TestSeveralTables.WANTED)
        )
        assert found
        assert sum(len(block) for block in found) == 1

    def test_a_table_of_another_release_is_skipped(self) -> None:
        """A table the source rules out is not asked, and the next is (the same table twice)."""
        table = TestSeveralTables()._table()
        given = dict(TestSeveralTables.WANTED)
        alone = query_module.cell_blocks([table], given)
        assert alone is not None
        assert len(alone) == 1
        assert len(alone[0]) == 1
        other = cast("Table", _OtherTable())
        assert query_module.cell_blocks([other, table], given) == alone
        assert query_module.cell_blocks([table, table], given) == alone + alone

    def test_untrusted_table(self) -> None:
        """A table read the strict way cannot name the cell: None, and `select` answers."""
        tables = _strict()._store.tables()
        assert tables
        assert query_module.cell_blocks(tables, dict(TestSeveralTables.WANTED)) is None
        filters: dict[str, Any] = {k: v for k, v in TestSeveralTables.WANTED if k != "source"}
        found = _strict().stats(**filters)
        assert found == _scan(dict(TestSeveralTables.WANTED[:2] + TestSeveralTables.WANTED[3:]))


class TestFilterValuesRemembered:
    """Each filter value is read once per catalog; what is remembered never answers another."""

    def test_read_once(self, cat: mc.Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
        """Two questions that differ in one filter: only that filter's new value is read."""
        read: list[tuple[str, object]] = []
        resolve = query_module.Query._resolve

        def counted(self: query_module.Query, name: str, kind: str, value: object) -> Any:
            read.append((name, value))
            return resolve(self, name, kind, value)

        monkeypatch.setattr(query_module.Query, "_resolve", counted)
        fresh = _catalog.Catalog(cat._store)
        ca = fresh.stats(occupation="29-2072", area="CA", measure="annual_wage", percentile=50)
        assert read == [
            ("occupation", "29-2072"),
            ("measure", "annual_wage"),
            ("area", "CA"),
            ("percentile", 50),
        ]
        tx = fresh.stats(occupation="29-2072", area="TX", measure="annual_wage", percentile=50)
        assert read[4:] == [("area", "TX")]
        assert {s.area for s in ca} == {"0600000"}
        assert {s.area for s in tx} == {"4800000"}

    def test_another_filter_of_the_same_value(self) -> None:
        """ "29-2072" read as an occupation is not taken for the definition "29-2072"."""
        cat = _catalog.Catalog(mc.catalog()._store)
        occupation = cat.stats(occupation="29-2072")
        definition = cat.stats(definition="29-2072")
        assert definition == _scan({"definition": "29-2072"})
        assert set(definition) < set(occupation)

    @pytest.mark.parametrize("value", [["29-2072"], {"a": 1}])
    def test_unhashable(self, cat: mc.Catalog, value: object) -> None:
        """A value that cannot be remembered is read, and refused, each time it is given."""
        for _ in range(2):
            with pytest.raises(mc.NotFound, match="no occupation matches"):
                cat.stats(occupation=value)  # type: ignore[arg-type]
            with pytest.raises(mc.ArgumentError, match="percentile must be"):
                cat.stats(percentile=value)  # type: ignore[arg-type]


class TestSourceAndEdition:
    """A source and the edition of another ask two sources: no figure has both, in no table."""

    FILTERS: Final[dict[str, Any]] = {"occupation": "29-2072", "area": "CA", "industry": None}

    @staticmethod
    def _table(source: str) -> Table:
        """The packaged table, citing *source* (a loaded copy's table may cite any)."""
        table = copy.copy(TestSeveralTables()._table())
        table.source = source
        return table

    def _catalog(self, monkeypatch: pytest.MonkeyPatch, source: str) -> _catalog.Catalog:
        """A catalog whose one table cites *source*."""
        table = self._table(source)
        monkeypatch.setattr(query_module.Query, "_tables", lambda *_: (table,))
        return _catalog.Catalog(mc.catalog()._store)

    @pytest.mark.parametrize("source", [_OEWS, "ooh-2010-11"])
    def test_two_sources(self, monkeypatch: pytest.MonkeyPatch, source: str) -> None:
        """Whichever of the two the table cites: no statistic, column or unpublished figure."""
        cat = self._catalog(monkeypatch, source)
        filters: dict[str, Any] = {**self.FILTERS, "source": _OEWS, "edition": "2010-11"}
        assert cat._query.columns(filters)["value"] == []  # first: no result cached to use
        assert cat.stats(**filters) == ()
        assert cat.stats(**{**filters, "industry": mc.ANY}) == ()  # not one cell: read by index
        national = cat._query.wanted({**filters, "area": "US", "industry": mc.ANY})
        assert query_module.unpublished_in(self._table(source), national) == []
        one = cat._query.wanted({**filters, "area": "US", "industry": mc.ANY, "edition": mc.ANY})
        if source == _OEWS:  # the table lists figures it does not publish, nationally
            assert query_module.unpublished_in(self._table(source), one)

    def test_one_source_twice(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A source and its own edition ask one: the table citing it answers."""
        cat = self._catalog(monkeypatch, "ooh-2010-11")
        found = cat.stats(**self.FILTERS, source="ooh-2010-11", edition="2010-11")
        assert found == cat.stats(**self.FILTERS, source="ooh-2010-11")
        assert {s.area for s in found} == {"0600000"}
        assert len(found) > 10
