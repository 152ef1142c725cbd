"""The statistics and facts query: filters read into the values records hold, then indexes.

`Query` is the part of a catalog behind ``stats()``, ``find_facts()`` and
``statistics``. Each filter is resolved once (a lookup key to an id, text
to a `Measure`, a `Period`, a percentile) into a *wanted* pair ``(field,
value)``, remembered by its filter, type and value. The statistics of the
JSON files are answered from an index of every field; the statistical
tables by their cell's key where the question names one occupation, area
and industry (the question asked most), else by an indexed query on
occupation, area and industry, and the rest of the wanted pairs are tested
on the (few) statistics those return. Results are cached by their wanted
pairs and by the arguments as given, so asking again costs a dictionary
look-up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from functools import partial
from itertools import chain, groupby
from operator import itemgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, cast

from ._data.datatypes import datatypes_for
from ._data.store import Lazy
from ._errors import ArgumentError, NotFound, PeriodError, shown
from ._filters import ANY, FILTERS, QUALIFIERS
from ._model import Fact, Source, Statistic, Unpublished, statistic_order
from ._names import SOURCE, KeyIndex, Names, enum_member
from ._period import Period, PeriodKind
from ._vocab import PERCENTILES, Coverage, FactTopic, Measure, SourceKind

if TYPE_CHECKING:
    from ._data.store import Store
    from ._data.table import Columns, Table

__all__ = [
    "Query",
    "QueryCache",
    "StatisticsIndex",
    "Wanted",
    "cell_blocks",
    "check_no_none",
    "every_statistic",
    "merge",
    "one_value_each",
    "percentile",
    "period_wanted",
    "select_from_tables",
    "table_blocks",
    "unpublished_in",
]

_V = TypeVar("_V")

Wanted = tuple[tuple[str, object], ...]
"""Resolved filters: ``(field, value)`` pairs, ``("year", 2010)`` for a year period."""

YEAR: Final = "year"
"""The pseudo-field of statistics whose period lies within one calendar year."""

_FIELDS: Final = ("occupation", "measure", "source", "period", "area", *QUALIFIERS)
_NOTHING: Final[frozenset[int]] = frozenset()
_PERCENTILE_TEXT: Final = {str(p): p for p in PERCENTILES} | {"median": 50}
_CACHE_SIZE: Final = 4096
_RANK: Final = {f.name: rank for rank, f in enumerate(FILTERS)}
_FIRST: Final = itemgetter(0)
_MEASURES: Final[dict[object, Measure]] = {member.value: member for member in Measure}


def percentile(value: object) -> int:
    """Read a percentile: 10, 25, 50, 75, 90, their text (trimmed, any case) or "median".

    >>> percentile(" Median "), percentile("90"), percentile(25)
    (50, 90, 25)

    Raises:
        ArgumentError: anything else, such as ``"-50"``, ``"(50)"`` or ``51``.
    """
    if isinstance(value, str):
        found = _PERCENTILE_TEXT.get(value.strip().casefold())
        if found is not None:
            return found
    elif isinstance(value, int) and not isinstance(value, bool) and value in PERCENTILES:
        return value
    msg = f"percentile must be 10, 25, 50 (or 'median'), 75 or 90, got {shown(value)}"
    raise ArgumentError(msg)


def _holds(stat: Statistic, wanted: Wanted) -> bool:
    """Whether *stat* holds every wanted value (fields a table cannot narrow by: no year)."""
    return all(getattr(stat, name) == value for name, value in wanted)


class StatisticsIndex:
    """Every statistic of the JSON files, indexed by each filterable field."""

    __slots__ = ("_positions", "_statistics")

    def __init__(self, statistics: tuple[Statistic, ...]) -> None:
        """Index *statistics* (already in order)."""
        fields: dict[str, dict[object, set[int]]] = {name: {} for name in (*_FIELDS, YEAR)}
        for position, stat in enumerate(statistics):
            for name in _FIELDS:
                fields[name].setdefault(getattr(stat, name), set()).add(position)
            period = stat.period
            if period.start_year == period.end_year:  # a year or a month: within one year
                fields[YEAR].setdefault(period.start_year, set()).add(position)
        self._statistics = statistics
        self._positions: Mapping[str, Mapping[object, frozenset[int]]] = MappingProxyType(
            {
                name: MappingProxyType({value: frozenset(found) for value, found in values.items()})
                for name, values in fields.items()
            }
        )

    def select(self, wanted: Wanted) -> tuple[Statistic, ...]:
        """Return the statistics whose fields equal every wanted value, in order."""
        if not wanted:
            return self._statistics
        found = []
        for name, value in wanted:
            positions = self._positions[name].get(value)
            if not positions:  # no statistic has it (a state's figure: none here)
                return ()
            found.append(positions)
        found.sort(key=len)
        return tuple(self._statistics[i] for i in sorted(found[0].intersection(*found[1:])))


_PUSHED: Final = frozenset(
    {"occupation", "area", "industry", "measure", "percentile", "coverage", "definition"}
)
"""The fields a table narrows its read by: the rows, and the value columns read of them."""

_TABLE_WIDE: Final = frozenset({"source", "period", YEAR, "setting", "experience", "accreditor"})
"""The fields every figure of a table shares (`_may_hold` tests them once per table)."""

_HANDLED: Final = _PUSHED | _TABLE_WIDE


def table_blocks(tables: Sequence[Table], wanted: Wanted) -> list[tuple[Table, list[Statistic]]]:
    """Return each table's statistics matching *wanted*, in order, with the table.

    Occupation, area, industry and definition narrow the rows the table
    reads; measure, percentile and coverage the value columns it reads of
    them. A table that cannot match is not read.
    """
    return [(table, read) for table, read in _read_tables(tables, wanted, columns=False)]  # type: ignore[misc]  # statistics, not columns


def _read_tables(
    tables: Sequence[Table], wanted: Wanted, *, columns: bool
) -> list[tuple[Table, list[Statistic] | Columns]]:
    """Return what each table that may match *wanted* holds: statistics, or `Columns`."""
    given = dict(wanted)
    get = given.get
    if not (get("setting") is get("experience") is get("accreditor") is None):
        return []  # a table's figures have no setting, experience or accreditor
    if not one_value_each(wanted, given):
        return []
    datatypes = datatypes_for(get("measure", ANY), get("percentile", ANY), get("coverage", ANY))
    if datatypes is not None and not datatypes:
        return []  # no table holds such a figure
    occupation, area, industry = get("occupation"), get("area"), get("industry", ANY)
    definition = get("definition", ANY)
    parts = (
        None if occupation is None else (str(occupation),),
        None if area is None else str(area),
        None if industry is ANY else (None if industry is None else str(industry),),
        datatypes,
        None if definition is ANY else (cast("str | None", definition),),
    )
    rest = () if given.keys() <= _HANDLED else tuple(p for p in wanted if p[0] not in _HANDLED)
    blocks: list[tuple[Table, list[Statistic] | Columns]] = []
    whole = "source" in given or "period" in given or YEAR in given  # tested table by table
    for table in tables:
        if (whole and not _may_hold(table, given)) or (
            area is not None and not table.may_hold(parts[1])  # type: ignore[arg-type]  # the area's id
        ):
            continue
        if columns and not rest:
            found = table.columns(*parts[:3], datatypes=datatypes, definitions=parts[4])
            blocks.append((table, found))
            continue
        rows = table.select(*parts[:3], datatypes=datatypes, definitions=parts[4])
        if rest:  # a field no table narrows by (none yet): test each statistic
            rows = [stat for stat in rows if _holds(stat, rest)]
        if columns:
            from ._data.table import columns_of  # noqa: PLC0415 - sqlite3 with the first query

            blocks.append((table, columns_of(rows)))
        else:
            blocks.append((table, rows))
    return blocks


_CELL: Final = frozenset(
    {
        *("occupation", "area", "industry"),  # which cell
        *("measure", "percentile", "coverage"),  # which of its figures
        *("source", "period", YEAR),  # which release
        *("setting", "experience", "accreditor"),  # None: a table's figures have none
    }
)
"""The fields of a question about one cell: which one, the figures of it, and the release."""


def cell_blocks(tables: Sequence[Table], given: Mapping[str, Any]) -> list[list[Statistic]] | None:
    """Return each table's statistics for a question about one cell, in order.

    The question asked most: one occupation in one area and industry, of
    which each table may hold one cell, named by its key. *given* holds the
    wanted pairs (``dict(wanted)``); *tables* are those that may hold the
    area (`Query` asks the area's). A block per table that may match, as
    `table_blocks` gives them (an empty one where the cell holds no such
    figure). None where the pairs ask something else (a setting, a
    definition), or a table cannot name the cell so (`Table.cell`):
    `table_blocks` answers then.
    """
    get = given.get
    occupation, area, industry = get("occupation"), get("area"), get("industry", ANY)
    if occupation is None or area is None or industry is ANY or not _CELL.issuperset(given):
        return None
    if not (get("setting") is get("experience") is get("accreditor") is None):
        return None  # no table figure has one: table_blocks says so
    datatypes = datatypes_for(get("measure", ANY), get("percentile", ANY), get("coverage", ANY))
    blocks = []
    for table in tables:
        if _may_hold(table, given):
            found = table.cell(occupation, area, industry, datatypes=datatypes)
            if found is None:
                return None
            blocks.append(found)
    return blocks


def one_value_each(wanted: Wanted, given: Mapping[str, object]) -> bool:
    """Whether *wanted* asks one value of each field; *given* is ``dict(wanted)``.

    A source and the edition of another (``source=`` and ``edition=``) ask
    two sources, which no figure has; ``dict`` keeps only the second, so a
    table is tested against both only by asking this first.
    """
    return len(given) == len(wanted) or len(set(wanted)) == len(given)


def select_from_tables(tables: Sequence[Table], wanted: Wanted) -> list[Statistic]:
    """Return the table statistics matching *wanted*: each table's in order, one after another."""
    return [stat for _, block in table_blocks(tables, wanted) for stat in block]


def _may_hold(table: Table, given: Mapping[str, object]) -> bool:
    """Whether any row of *table* can match: its source, period and kinds of figure."""
    if given.get("source", table.source) != table.source:
        return False
    if "period" not in given and YEAR not in given:
        return True
    period = table.period
    if "period" in given and given["period"] != period:
        return False
    return not (YEAR in given and not period.start_year == period.end_year == given[YEAR])


def unpublished_in(table: Table, wanted: Wanted) -> list[Unpublished]:
    """Return what *table* lists but does not publish among the figures *wanted* selects."""
    given = dict(wanted)
    if not (one_value_each(wanted, given) and _may_hold(table, given)):
        return []
    occupation = given.get("occupation")
    industry = given.get("industry", ANY)
    found = table.unpublished(
        occupations=None if occupation is None else (str(occupation),),
        area=None if "area" not in given else str(given["area"]),
        industries=None if industry is ANY else (None if industry is None else str(industry),),
    )
    rest = [(k, v) for k, v in wanted if k not in {"occupation", "area", "industry"}]
    return [record for record in found if all(_lists(record, k, v) for k, v in rest)]


def _lists(record: Unpublished, name: str, value: object) -> bool:
    """Whether *record* holds the wanted *value* of *name*, as a table's statistic would."""
    match name:
        case "coverage":  # only employment has one; OEWS counts wage and salary jobs
            if value is None:
                return record.measure is not Measure.EMPLOYMENT
            return record.measure is Measure.EMPLOYMENT and value is Coverage.WAGE_AND_SALARY
        case "measure" | "percentile" | "definition":
            return bool(getattr(record, name) == value)
        case "setting" | "experience" | "accreditor":  # a table's figures have none
            return value is None
        case _:  # source, period, year: _may_hold checked the table's
            return True


class QueryCache(Generic[_V]):
    """Results by a hashable key (wanted pairs, raw arguments, a filter's value), bounded.

    A result is never None: `find` returns None for "not cached".
    """

    __slots__ = ("_lock", "_results")

    def __init__(self) -> None:
        """Start empty."""
        self._results: dict[Hashable, _V] = {}
        self._lock = threading.Lock()

    def get(self, wanted: Hashable, compute: Callable[[], _V]) -> _V:
        """Return the cached result of *wanted*, computing it once (each time if unhashable)."""
        found = self.find(wanted)
        return self.keep(wanted, compute()) if found is None else found

    def find(self, wanted: Hashable) -> _V | None:
        """Return the cached result of *wanted*, or None (also when *wanted* is unhashable)."""
        try:
            return self._results.get(wanted)
        except TypeError:  # an unhashable argument: computing says what is wrong
            return None

    def keep(self, wanted: Hashable, found: _V) -> _V:
        """Cache *found* as the result of *wanted*; return the result cached first.

        A full cache is emptied first; an unhashable *wanted* is not cached.
        """
        with self._lock:
            try:
                held = self._results.get(wanted)
            except TypeError:
                return found
            if held is not None:  # another thread computed it first: one result for all
                return held
            if len(self._results) >= _CACHE_SIZE:
                self._results.clear()
            self._results[wanted] = found
            return found


def _release(stat: Statistic) -> tuple[int, int, int, int, str]:
    """The start of a statistic's order: its period (as `Period` orders), then its source."""
    period = stat.period
    return (period.start_year, period.start_month, period.end_year, period.end_month, stat.source)


def merge(
    hand: Sequence[Statistic], blocks: Iterable[Sequence[Statistic]]
) -> tuple[Statistic, ...]:
    """Return the statistics of both kinds of file in one order.

    *hand* (the JSON files') is in order; so is each block of *blocks*,
    which holds the figures of one table: one release, one period and
    source. Statistics order by period and source first, so where no two
    blocks and no statistic of *hand* share a release, the blocks fall in
    between *hand*'s runs of one release whole; else all are sorted.
    """
    found = [block for block in blocks if block]
    if not found:
        return tuple(hand)
    if not hand and len(found) == 1:
        return tuple(found[0])
    keyed = [(_release(block[0]), block) for block in found]
    releases = {key for key, _ in keyed}
    if len(releases) < len(keyed) or any(_release(stat) in releases for stat in hand):
        return tuple(sorted(chain(hand, *found), key=statistic_order))
    runs = [(key, list(run)) for key, run in groupby(hand, key=_release)]
    return tuple(chain.from_iterable(run for _, run in sorted(runs + keyed, key=itemgetter(0))))


def _merge_columns(
    hand: Sequence[Statistic], blocks: Iterable[tuple[Table, Columns]]
) -> Columns | None:
    """Return what `merge` returns, as `Columns`; None where a full sort would be needed."""
    from ._data.table import COLUMNS, columns_of  # noqa: PLC0415 - sqlite3 with the first query

    keyed = []
    for table, columns in blocks:
        if columns["value"]:
            period = table.period
            release = (period.start_year, period.start_month, period.end_year, period.end_month)
            keyed.append(((*release, table.source), columns))
    releases = {key for key, _ in keyed}
    if len(releases) < len(keyed) or any(_release(stat) in releases for stat in hand):
        return None
    runs = [(key, columns_of(run)) for key, run in groupby(hand, key=_release)]
    pieces = [columns for _, columns in sorted(runs + keyed, key=itemgetter(0))]
    if not pieces:
        return columns_of(())
    first, *rest = pieces
    joined = {name: list(first[name]) for name in COLUMNS} if rest else first
    for piece in rest:
        for name in COLUMNS:
            joined[name] += piece[name]
    return joined


def check_no_none(name: str, value: object) -> None:
    """Refuse None for a filter that has no "absent" value.

    Raises:
        ArgumentError: *value* is None.
    """
    if value is None:
        article = "an" if name[:1] in set("aeiou") else "a"
        msg = (
            f"{name}=None: every statistic has {article} {name}; leave {name} out "
            f"(or pass mc.ANY) not to filter on it"
        )
        raise ArgumentError(msg)


def period_wanted(value: object) -> tuple[str, object]:
    """Read a period filter: a year matches the months within it too.

    Raises:
        PeriodError: *value* is not a period.
    """
    if isinstance(value, Period):
        period = value
    elif isinstance(value, str):
        period = Period.parse(value)
    else:
        msg = f"a period is a Period or its text, got {type(value).__name__}"
        raise PeriodError(msg)
    if period.kind is PeriodKind.YEAR:
        return YEAR, period.start_year
    return "period", period


def every_statistic(store: Store) -> tuple[Statistic, ...]:
    """Return every statistic of *store*, its JSON files' and its tables', in order."""
    blocks = table_blocks(store.tables(), ())
    return merge(store.collection("statistics"), [block for _, block in blocks])


# The handbook's Quick Facts labels, for the topics whose names differ.
_TOPIC_LABELS: Final = {
    "typical_entry_level_education": FactTopic.ENTRY_LEVEL_EDUCATION,
    "work_experience_in_a_related_occupation": FactTopic.WORK_EXPERIENCE,
}


class Query:
    """A catalog's statistics and facts, answered through indexes and caches built on first use.

    The part of `Catalog` behind ``stats()``, ``find_facts()``,
    ``statistics`` and ``facts``; `series` and `quick_facts` ask it too.
    """

    __slots__ = (
        "_by_area",
        "_index",
        "_lock",
        "_names",
        "_rank",
        "_raw",
        "_resolved",
        "_statistics",
        "_store",
        "_values",
        "_wanted_cache",
    )

    def __init__(self, store: Store, names: Names) -> None:
        """Answer from the records of *store*, resolving names through *names*."""
        self._store = store
        self._names = names
        self._lock = threading.RLock()
        self._statistics = Lazy(lambda: every_statistic(store), self._lock)
        self._index = Lazy(lambda: StatisticsIndex(store.collection("statistics")), self._lock)
        self._rank = Lazy(self._rank_sources, self._lock)
        self._values = {
            name: Lazy(partial(self._value_index, name), self._lock)
            for name in ("setting", "experience", "definition")
        }
        self._wanted_cache: QueryCache[tuple[Statistic, ...]] = QueryCache()
        self._raw: QueryCache[tuple[Statistic, ...]] = QueryCache()
        self._resolved: QueryCache[tuple[str, object]] = QueryCache()
        self._by_area: dict[object, tuple[Table, ...]] = {}

    @property
    def statistics(self) -> tuple[Statistic, ...]:
        """Every statistic, ordered by period, then source (built on first access)."""
        return self._statistics.get()

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact, ordered by period, then source."""
        return self._store.collection("facts")

    # -- statistics ------------------------------------------------------

    def stats(self, **given: object) -> tuple[Statistic, ...]:
        """Return the statistics that pass every filter given (see `Catalog.stats`), cached.

        The same arguments give the same answer: the data never changes.
        Types are part of the key, so that 50.0 is not taken for 50.
        """
        values = tuple(given.values())
        raw = (tuple(given), tuple(map(type, values)), values)
        found = self._raw.find(raw)
        if found is None:
            found = self._raw.keep(raw, self.select(self.wanted(given)))
        return found

    def ask(self, values: tuple[object, ...]) -> tuple[Statistic, ...]:
        """Return what `stats` returns, given the value of every filter of `FILTERS`, in order.

        `Catalog.stats` asks this way: a tuple of the thirteen filters is a
        cheaper key than their names and values, and needs no sorting.
        """
        raw = (values, tuple(map(type, values)))
        found = self._raw.find(raw)
        if found is None:
            found = self._raw.keep(raw, self.select(self._read(enumerate(values))))
        return found

    def wanted(self, given: Mapping[str, object]) -> Wanted:
        """Resolve the filters *given* into the ``(field, value)`` pairs statistics hold.

        Raises:
            NotFound: a filter names nothing (with suggestions).
            ArgumentError: None for a filter that has no "absent" value, or a
                percentile that is not one BLS publishes.
            PeriodError: a period that is not one.
        """
        chosen = [(_RANK[name], value) for name, value in given.items() if name in _RANK]
        chosen.sort(key=_FIRST)  # always in the filters' order, however given
        return self._read(chosen)

    def _read(self, chosen: Iterable[tuple[int, object]]) -> Wanted:
        """Resolve filters, each given by its place in `FILTERS`, in that order (see `wanted`).

        A filter left at `ANY` is skipped. Each value read is remembered by
        its filter, type and value (the data never changes), so a question
        that differs from an earlier one in one filter resolves only that one.
        """
        wanted: list[tuple[str, object]] = []
        known = self._resolved
        for rank, value in chosen:
            if value is ANY:
                continue
            key = (rank, type(value), value)
            pair = known.find(key)
            if pair is None:  # not read yet, or unhashable: reading it says what is wrong
                pair = known.keep(key, self._resolve_filter(rank, value))
            wanted.append(pair)
        return tuple(wanted)

    def _resolve_filter(self, rank: int, value: object) -> tuple[str, object]:
        """Read the value of the filter at *rank* of `FILTERS` (see `wanted`)."""
        name, kind, qualifier, _ = FILTERS[rank]
        if value is None:
            if not qualifier:
                check_no_none(name, value)
            return name, None
        return self._resolve(name, kind, value)

    def _resolve(self, name: str, kind: str, value: object) -> tuple[str, object]:  # noqa: PLR0911 - one return per kind of filter
        """Read one filter's value into the ``(field, value)`` statistics hold."""
        match kind:
            case "measure":
                member = _MEASURES.get(value) if isinstance(value, str) else None
                return name, member or enum_member(Measure, value, "measure")
            case "coverage":
                return name, enum_member(Coverage, value, "coverage")
            case "edition":
                return "source", self.edition_source(value)
            case "period":
                return period_wanted(value)
            case "percentile":
                return name, percentile(value)
            case "setting" | "experience" | "definition":
                return name, self._values[name].get().resolve(value)
            case _:  # an entity: occupation, source, area, industry, organization
                return name, self._names.find_of(kind, value).id

    def _value_index(self, name: str) -> KeyIndex:
        """The index of the values the data uses for a named qualifier (setting, ...)."""
        values = {getattr(s, name) for s in self._store.collection("statistics")}
        if name == "definition":
            for table in self._store.tables():
                values.update(definition for _, definition in table.occupations.values())
        return KeyIndex(name, ((value, value) for value in values if value is not None))

    def edition_source(self, edition: object) -> str:
        """Return the id of the handbook edition *edition* names (``"2010-11"``).

        Raises:
            NotFound: *edition* names no source, or one that is no handbook
                edition; its kind is ``"edition"``, and it suggests the editions.
        """
        try:
            source = (
                self._names.find(SOURCE, edition) if isinstance(edition, str | Source) else None
            )
        except NotFound:  # no source, or two: say no *edition* matches, naming the editions
            source = None
        if source is None or source.edition is None:
            sources = self._names.table(SOURCE).values()
            editions = sorted(s.edition for s in sources if s.edition)
            raise NotFound(edition, "edition", suggestions=editions)
        return source.id

    def select(self, wanted: Wanted) -> tuple[Statistic, ...]:
        """Return the statistics holding every *wanted* value, in order (cached)."""
        found = self._wanted_cache.find(wanted)
        if found is None:
            found = self._wanted_cache.keep(wanted, self._compute(wanted))
        return found

    def columns(self, given: Mapping[str, object]) -> Columns:
        """Return what `stats` returns for the filters *given*, as `Columns`, in order.

        The tables' figures are read a column at a time, no `Statistic` made
        of many rows (`to_frame` builds its frame from the columns); a result
        `stats` has cached already is used as it is.
        """
        from ._data.table import columns_of  # noqa: PLC0415 - sqlite3 with the first query

        wanted = self.wanted(given)
        cached = self._wanted_cache.find(wanted)
        if cached is None:
            hand = self._index.get().select(wanted)
            tables = self._tables(dict(wanted).get("area"))
            blocks = _read_tables(tables, wanted, columns=True)
            found = _merge_columns(hand, blocks)  # type: ignore[arg-type]  # columns, asked for
            if found is not None:
                return found
            cached = self.select(wanted)  # figures of one release in both kinds of file: sorted
        return columns_of(cached)

    def _compute(self, wanted: Wanted) -> tuple[Statistic, ...]:
        given: dict[str, Any] = dict(wanted)
        if not one_value_each(wanted, given):
            return ()  # no figure has two sources
        hand = self._index.get().select(wanted)
        tables = self._tables(given.get("area"))
        blocks = cell_blocks(tables, given)
        if blocks is None:
            blocks = [block for _, block in table_blocks(tables, wanted)]
        if not hand and len(blocks) == 1:
            return tuple(blocks[0])
        return merge(hand, blocks)

    def _tables(self, area: object) -> Sequence[Table]:
        """Return the tables that may hold *area*'s figures (every table: None, no area).

        Remembered by area (a few hundred at most): a question about a state
        skips the national files without asking each.
        """
        if area is None:
            return self._store.tables()
        found = self._by_area.get(area)
        if found is None:
            found = self._by_area[area] = tuple(
                t for t in self._store.tables() if t.may_hold(str(area))
            )
        return found

    # -- what releases list but do not publish ------------------------------

    def unpublished(self, **given: object) -> tuple[Unpublished, ...]:
        """Return the figures the filters select that a release lists but does not publish.

        See `Catalog.unpublished`; the filters are those of `stats`.
        """
        wanted = self.wanted(given)
        found: list[Unpublished] = []
        for table in self._store.tables():
            found += unpublished_in(table, wanted)
        return tuple(sorted(found))

    # -- sources ranked ----------------------------------------------------

    def rank(self) -> Mapping[str, tuple[bool, int]]:
        """Each source's standing where sources state a figure for one period, greatest first.

        A statistical file read cell by cell (an OEWS release, the
        Employment Projections tables: a table source with a sha256) stands
        above a page that quotes one; then the newer source above the older.
        """
        return self._rank.get()

    def _rank_sources(self) -> Mapping[str, tuple[bool, int]]:
        """Rank each source: whether it is a statistical file, then its year.

        The year is its edition's, else its publication or currency date's;
        a source with none of these ranks by the latest period it reports on
        (a document reporting May 2020 wages is no older than 2020).
        """
        reported: dict[str, int] = {}
        periods = [(r.source, r.period) for r in self._store.collection("statistics")]
        periods += [(f.source, f.period) for f in self.facts]
        periods += [(table.source, table.period) for table in self._store.tables()]
        for source, period in periods:
            if period is not None:
                year = period.start_year
                reported[source] = max(reported.get(source, year), year)
        ranks: dict[str, tuple[bool, int]] = {}
        for source in self._names.table(SOURCE).values():
            stamp = source.edition or source.published or source.as_of or ""
            year = int(stamp[:4]) if stamp[:4].isdigit() else reported.get(source.id, 0)
            is_file = source.kind is SourceKind.STATISTICAL_TABLE and source.sha256 is not None
            ranks[source.id] = (is_file, year)
        return MappingProxyType(ranks)

    # -- facts -------------------------------------------------------------

    def find_facts(
        self,
        occupation: object = None,
        topic: object = None,
        source: object = None,
        edition: object = None,
    ) -> tuple[Fact, ...]:
        """Return the facts that pass every filter given (see `Catalog.find_facts`).

        Raises:
            NotFound: a filter names nothing (with suggestions).
        """
        tests: list[Callable[[Fact], bool]] = []
        if occupation is not None:
            occupation_id = self._names.find_of("occupation", occupation).id
            tests.append(lambda f: f.occupation == occupation_id)
        if topic is not None:
            wanted_topic = enum_member(FactTopic, topic, "topic", _TOPIC_LABELS)
            tests.append(lambda f: f.topic is wanted_topic)
        if source is not None:
            source_id = self._names.find(SOURCE, source).id
            tests.append(lambda f: f.source == source_id)
        if edition is not None:
            edition_source = self.edition_source(edition)
            tests.append(lambda f: f.source == edition_source)
        return tuple(f for f in self.facts if all(test(f) for test in tests))
