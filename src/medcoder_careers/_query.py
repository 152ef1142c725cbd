"""The statistics and facts query: filters read into the values records hold, then indexes.

`Query` is the part of a catalog behind ``stats()``, ``find_facts()`` and
``statistics``. Each filter is resolved once (a lookup key to an id, text
to a `Measure`, a `Period`, a percentile) into a *wanted* pair ``(field,
value)``; the statistics of the JSON files are answered from an index of
every field, the statistical tables by an indexed query on occupation,
area and industry, and the rest of the wanted pairs are tested on the
(few) statistics those return. Results are cached by their wanted pairs
and by the arguments as given, so asking again costs a dictionary look-up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from functools import partial
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from ._data.store import Lazy
from ._data.table import MEASURES
from ._errors import ArgumentError, NotFound, PeriodError, shown
from ._filters import ANY, FILTERS, QUALIFIERS
from ._model import Fact, Source, Statistic, statistic_order
from ._names import SOURCE, KeyIndex, Names, enum_member
from ._period import Period, PeriodKind
from ._vocab import PERCENTILES, FactTopic, Measure

if TYPE_CHECKING:
    from ._data.store import Store
    from ._data.table import Table

__all__ = [
    "Query",
    "QueryCache",
    "StatisticsIndex",
    "Wanted",
    "check_no_none",
    "every_statistic",
    "merge",
    "percentile",
    "period_wanted",
    "select_from_tables",
]

Wanted = tuple[tuple[str, object], ...]
"""Resolved filters: ``(field, value)`` pairs, ``("year", 2010)`` for a year period."""

YEAR: Final = "year"
"""The pseudo-field of statistics whose period lies within one calendar year."""

_FIELDS: Final = ("occupation", "measure", "source", "period", "area", *QUALIFIERS)
_NOTHING: Final[frozenset[int]] = frozenset()
_PERCENTILE_TEXT: Final = {str(p): p for p in PERCENTILES} | {"median": 50}
_CACHE_SIZE: Final = 4096


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
    for name, value in wanted:
        if name == YEAR:
            period = stat.period
            if not (period.start_year == period.end_year == value):
                return False
        elif getattr(stat, name) != value:
            return False
    return True


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
        found = sorted(
            (self._positions[name].get(value, _NOTHING) for name, value in wanted), key=len
        )
        if not found:
            return self._statistics
        return tuple(self._statistics[i] for i in sorted(found[0].intersection(*found[1:])))


def select_from_tables(tables: Sequence[Table], wanted: Wanted) -> list[Statistic]:
    """Return the table statistics matching *wanted*, unordered.

    Occupation, area and industry narrow the rows by index; every other
    wanted value is tested on the statistics of those rows.
    """
    given = dict(wanted)
    found: list[Statistic] = []
    for table in tables:
        if not _may_hold(table, given):
            continue
        occupation = given.get("occupation")
        industry = given.get("industry", ANY)
        rows = table.select(
            occupations=None if occupation is None else (str(occupation),),
            area=None if "area" not in given else str(given["area"]),
            industries=None if industry is ANY else (None if industry is None else str(industry),),
        )
        rest = tuple((k, v) for k, v in wanted if k not in {"occupation", "area", "industry"})
        found += (stat for stat in rows if _holds(stat, rest))
    return found


def _may_hold(table: Table, given: Mapping[str, object]) -> bool:
    """Whether any row of *table* can match: its source, period and kinds of figure."""
    if given.get("source", table.source) != table.source:
        return False
    if "measure" in given and given["measure"] not in MEASURES:
        return False
    period = table.period
    if "period" in given and given["period"] != period:
        return False
    if YEAR in given and not period.start_year == period.end_year == given[YEAR]:
        return False
    # A table's figures have no setting, experience or accreditor.
    return all(given.get(name) is None for name in ("setting", "experience", "accreditor"))


class QueryCache:
    """Results by a hashable key (wanted pairs, or raw arguments), bounded, under a lock."""

    __slots__ = ("_lock", "_results")

    def __init__(self) -> None:
        """Start empty."""
        self._results: dict[Hashable, tuple[Statistic, ...]] = {}
        self._lock = threading.Lock()

    def get(
        self, wanted: Hashable, compute: Callable[[], tuple[Statistic, ...]]
    ) -> tuple[Statistic, ...]:
        """Return the cached result of *wanted*, computing it once."""
        found = self._results.get(wanted)
        if found is None:
            found = compute()
            with self._lock:
                if len(self._results) >= _CACHE_SIZE:
                    self._results.clear()
                found = self._results.setdefault(wanted, found)
        return found


def merge(hand: Iterable[Statistic], tables: Iterable[Statistic]) -> tuple[Statistic, ...]:
    """Return the statistics of both kinds of file in one order."""
    table_stats = list(tables)
    if not table_stats:
        return tuple(hand)
    return tuple(sorted((*hand, *table_stats), key=statistic_order))


def check_no_none(name: str, value: object) -> None:
    """Refuse None for a filter that has no "absent" value.

    Raises:
        ArgumentError: *value* is None.
    """
    if value is None:
        msg = (
            f"{name}=None: every statistic has a {name}; leave {name} out "
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
    return merge(store.collection("statistics"), select_from_tables(store.tables(), ()))


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
        "_index",
        "_lock",
        "_names",
        "_raw",
        "_recency",
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
        self._recency = Lazy(self._rank_sources, self._lock)
        self._values = {
            name: Lazy(partial(self._value_index, name), self._lock)
            for name in ("setting", "experience", "definition")
        }
        self._wanted_cache = QueryCache()
        self._raw = QueryCache()

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
        raw = tuple((name, type(value), value) for name, value in given.items())

        def compute() -> tuple[Statistic, ...]:
            return self.select(self.wanted(given))

        try:
            hash(raw)
        except TypeError:  # an unhashable argument: the full path says what is wrong
            return compute()
        return self._raw.get(raw, compute)

    def wanted(self, given: Mapping[str, object]) -> Wanted:
        """Resolve the filters *given* into the ``(field, value)`` pairs statistics hold.

        Raises:
            NotFound: a filter names nothing (with suggestions).
            ArgumentError: None for a filter that has no "absent" value, or a
                percentile that is not one BLS publishes.
            PeriodError: a period that is not one.
        """
        wanted: list[tuple[str, object]] = []
        for name, kind, qualifier, _ in FILTERS:
            value = given.get(name, ANY)
            if value is ANY:
                continue
            if value is None:
                if not qualifier:
                    check_no_none(name, value)
                wanted.append((name, None))
                continue
            wanted.append(self._resolve(name, kind, value))
        return tuple(wanted)

    def _resolve(self, name: str, kind: str, value: object) -> tuple[str, object]:
        """Read one filter's value into the ``(field, value)`` statistics hold."""
        match kind:
            case "measure":
                return name, enum_member(Measure, value, "measure")
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
            NotFound: *edition* names no source, or one that is no handbook edition.
        """
        source = self._names.find(SOURCE, edition) if isinstance(edition, str | Source) else None
        if source is None or source.edition is None:
            sources = self._names.table(SOURCE).values()
            editions = sorted(s.edition for s in sources if s.edition)
            raise NotFound(edition, "edition", suggestions=editions)
        return source.id

    def select(self, wanted: Wanted) -> tuple[Statistic, ...]:
        """Return the statistics holding every *wanted* value, in order (cached)."""
        return self._wanted_cache.get(wanted, lambda: self._compute(wanted))

    def _compute(self, wanted: Wanted) -> tuple[Statistic, ...]:
        hand = self._index.get().select(wanted)
        return merge(hand, select_from_tables(self._store.tables(), wanted))

    # -- sources in time -------------------------------------------------

    def recency(self) -> Mapping[str, int]:
        """Each source's rank in time: a year (see `Catalog.series`), newest greatest."""
        return self._recency.get()

    def _rank_sources(self) -> Mapping[str, int]:
        """Rank each source in time by a year: its edition, publication or currency date.

        A source with none of these ranks by the latest period it reports on
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
        ranks: dict[str, int] = {}
        for source in self._names.table(SOURCE).values():
            stamp = source.edition or source.published or source.as_of or ""
            ranks[source.id] = int(stamp[:4]) if stamp[:4].isdigit() else reported.get(source.id, 0)
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
