"""The statistics and facts a catalog answers: `stats`, `series`, `find_facts`, quick facts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from ._errors import ArgumentError, NotFound
from ._filters import ANY, FILTERS, QUALIFIERS, AnyType
from ._lookup import KeyIndex, close_matches, enum_member
from ._lookups import Lookups
from ._model import NATION, Area, Fact, Industry, Occupation, Organization, Source, Statistic
from ._period import Period
from ._query import (
    QueryCache,
    StatisticsIndex,
    Wanted,
    check_no_none,
    merge,
    percentile,
    period_wanted,
    select_from_tables,
)
from ._quick import QuickFacts, quick_facts
from ._series import Series, build_series
from ._vocab import WAGE_MEASURES, FactTopic, Measure

if TYPE_CHECKING:
    from ._table import Table

__all__ = ["Queries"]

_MEDIAN: Final = 50
_FILTER_NAMES: Final = tuple(f.name for f in FILTERS)
# The handbook's Quick Facts labels, for the topics whose names differ.
_TOPIC_LABELS: Final = {
    "typical_entry_level_education": FactTopic.ENTRY_LEVEL_EDUCATION,
    "work_experience_in_a_related_occupation": FactTopic.WORK_EXPERIENCE,
}
_SERIES_QUALIFIERS: Final = ("area", *QUALIFIERS)


def _qualifier_text(statistic: Statistic) -> str:
    given = [
        f"{name}={getattr(statistic, name)!r}"
        for name in QUALIFIERS
        if name != "definition" and getattr(statistic, name) is not None
    ]
    return ", ".join(given) or "no qualifiers"


class Queries(Lookups):
    """The statistics methods of `Catalog` (see there)."""

    __slots__ = ()

    # -- statistics ------------------------------------------------------

    def _names(self, name: str) -> KeyIndex:
        """The index of the values the data uses for a named qualifier (setting, ...)."""

        def build() -> KeyIndex:
            values = {getattr(s, name) for s in self._store.collection("statistics")}
            if name == "definition":
                for table in self._store.tables():
                    values.update(definition for _, definition in table.occupations.values())
            return KeyIndex(name, ((value, value) for value in values if value is not None))

        return self._once(f"names {name}", build)

    def _edition_source(self, edition: object) -> str:
        source = self.source(edition) if isinstance(edition, str | Source) else None
        if source is None or source.edition is None:
            editions = sorted(s.edition for s in self.sources.values() if s.edition)
            raise NotFound(edition, "edition", suggestions=editions)
        return source.id

    def _resolve(self, name: str, kind: str, value: object) -> tuple[str, object]:
        """Read one filter's value into the ``(field, value)`` statistics hold."""
        match kind:
            case "measure":
                return name, enum_member(Measure, value, "measure")
            case "edition":
                return "source", self._edition_source(value)
            case "period":
                return period_wanted(value)
            case "percentile":
                return name, percentile(value)
            case "setting" | "experience" | "definition":
                return name, self._names(name).resolve(value)
            case _:  # an entity: occupation, source, area, industry, organization
                return name, self._finder(kind)(value).id

    def _wanted(self, given: Mapping[str, object]) -> Wanted:
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

    def _select(self, wanted: Wanted) -> tuple[Statistic, ...]:
        cache: QueryCache = self._once("query cache", QueryCache)
        return cache.get(wanted, lambda: self._compute(wanted))

    def _compute(self, wanted: Wanted) -> tuple[Statistic, ...]:
        index: StatisticsIndex = self._once(
            "statistics index", lambda: StatisticsIndex(self._store.collection("statistics"))
        )
        return merge(index.select(wanted), select_from_tables(self._tables(), wanted))

    def _tables(self) -> tuple[Table, ...]:
        return self._store.tables()

    def stats(  # noqa: PLR0913, PLR0917 - the contract's filters
        self,
        occupation: str | Occupation | AnyType = ANY,
        measure: str | Measure | AnyType = ANY,
        source: str | Source | AnyType = ANY,
        edition: str | Source | AnyType = ANY,
        period: str | Period | AnyType = ANY,
        area: str | Area | AnyType = ANY,
        percentile: int | str | AnyType | None = ANY,
        industry: str | Industry | AnyType | None = ANY,
        setting: str | AnyType | None = ANY,
        experience: str | AnyType | None = ANY,
        accreditor: str | Organization | AnyType | None = ANY,
        definition: str | AnyType | None = ANY,
    ) -> tuple[Statistic, ...]:
        """Return the statistics that pass every filter given, by period then source.

        A filter left out (`ANY`) does not filter. A qualifier
        (``percentile``, ``industry``, ``setting``, ``experience``,
        ``accreditor``, ``definition``) given as None keeps only the
        statistics *without* it: ``industry=None`` is the whole occupation
        (all industries together), ``percentile=None`` excludes the
        percentiles. ``occupation``, ``measure``, ``source``, ``edition``,
        ``period`` and ``area`` have no such value: None there raises
        `ArgumentError`.

        Each filter takes an id, an entity, a name (any lookup key) or, for
        ``measure``, the enum or its plain string, all matched through the
        same normalisation as the lookups. ``edition`` takes a handbook
        edition label such as ``"2010-11"``. A month or an interval
        ``period`` matches exactly; a year matches that year and the months
        within it (``"2010"`` finds both the 2010 jobs and the May 2010
        wages). ``area`` takes what `area` takes (``"CA"``, ``"US"``,
        ``"Akron, OH"``). ``percentile`` takes 10, 25, 50, 75, 90, their
        text (trimmed, any case) or ``"median"``. ``definition`` takes the
        SOC codes a figure counts (``"29-2072"``, ``"29-2072+29-9021"``).
        Results are cached: the same query returns the same tuple.

        Args:
            occupation: The occupation (``"medical coder"``, ``"29-2072"``).
            measure: The measure (``Measure.ANNUAL_WAGE``, ``"annual wage"``).
            source: The source (``"ooh-2010-11"``, ``"oews-2025-05"``).
            edition: A handbook edition (``"2010-11"``).
            period: The reference period (``"2008-05"``, ``"2010"``, ``"2008/2018"``,
                a `Period`).
            area: The area (``"US"``, ``"CA"``, ``"10420"``).
            percentile: The wage percentile.
            industry: The industry (``"6221"``, ``"622000"``, a title).
            setting: The work setting (``"hospitals"``).
            experience: The experience band (``"1 to 4 years"``).
            accreditor: The organization that accredited the programs counted.
            definition: The occupational definition counted.

        Returns:
            The matching statistics, ordered by period, then source.

        Raises:
            NotFound: a filter names nothing (with suggestions).
            ArgumentError: None for a filter that has no "absent" value, or a
                percentile that is not one BLS publishes.
            PeriodError: *period* is not a period.

        >>> import medcoder_careers as mc
        >>> cat = mc.catalog()
        >>> [s.value for s in cat.stats(occupation="medical coder", measure="annual_wage",
        ...     edition="2010-11", percentile="median", industry=None)]
        [Decimal('30610')]

        .. versionchanged:: 2026.2.0 ``area``; filters default to `ANY`, and
           None keeps the statistics without a qualifier.
        """
        given = (
            occupation,
            measure,
            source,
            edition,
            period,
            area,
            percentile,
            industry,
            setting,
            experience,
            accreditor,
            definition,
        )
        # The same arguments give the same answer: the data never changes.
        # Types are part of the key, so that 50.0 is not taken for 50.
        raw = tuple((type(v), v) for v in given)

        def compute() -> tuple[Statistic, ...]:
            return self._select(self._wanted(dict(zip(_FILTER_NAMES, given, strict=True))))

        try:
            hash(raw)
        except TypeError:  # an unhashable argument: the full path says what is wrong
            return compute()
        cache: QueryCache = self._once("raw queries", QueryCache)
        return cache.get(raw, compute)

    def series(
        self, occupation: str | Occupation, measure: str | Measure, **qualifiers: object
    ) -> Series:
        """Return one measure of one occupation over time, one point per period.

        Where several sources state a figure for the same period, the
        newest source wins and the others are kept as the point's
        ``alternatives``. Sources rank by the year of their handbook
        edition, else of their publication or currency date, else of the
        latest period they report on; ties go to the greater source id.

        A series is one slice of the measure: ``area`` defaults to the
        nation, ``percentile`` to 50 (the median) for wage measures, and
        ``industry``, ``setting``, ``experience`` and ``accreditor`` to
        None (the figures without them: the occupation as a whole).
        ``definition`` is not filtered unless given: the series then spans
        definitions and `Series.breaks` shows where they change. Each
        qualifier takes what the `stats` filter of the same name takes.

        Args:
            occupation: The occupation (any lookup key or the entity).
            measure: The measure (the enum or its plain string).
            **qualifiers: ``area``, ``percentile``, ``industry``, ``setting``,
                ``experience``, ``accreditor``, ``definition``.

        Returns:
            The series; empty when the occupation has no figure of the
            measure at all.

        Raises:
            NotFound: the occupation, measure or a qualifier names nothing;
                a qualifier's name is unknown; or the occupation has
                figures of the measure, but none with these qualifiers
                (the suggestions list the qualifiers that have some).
            ArgumentError: `ANY` for a qualifier other than ``definition``.

        >>> import medcoder_careers as mc
        >>> cat = mc.catalog()
        >>> wages = cat.series("medical coder", "annual wage")
        >>> [str(p) for p in wages.periods][:3]
        ['2004', '2008-05', '2010-05']
        >>> wages.at("2008-05").value
        Decimal('30610')

        This series, drawn with its definition breaks and in constant
        dollars, is the chart on the career atlas's page
        :doc:`/_generated/atlas/occupations/medical-records-and-health-information-technicians`.
        """
        occupation_id = self.occupation(occupation).id
        wanted_measure = enum_member(Measure, measure, "measure")
        for name in qualifiers:
            if name not in _SERIES_QUALIFIERS:
                close = close_matches(name, _SERIES_QUALIFIERS, 3)
                raise NotFound(name, "qualifier", suggestions=close or _SERIES_QUALIFIERS)
        given: dict[str, object] = dict.fromkeys(QUALIFIERS)
        given |= {"area": NATION, "definition": ANY}
        if wanted_measure in WAGE_MEASURES:
            given["percentile"] = _MEDIAN
        given |= qualifiers
        for name, value in given.items():
            if value is ANY and name != "definition":
                msg = f"a series is one slice: give {name} a value or None, not ANY"
                raise ArgumentError(msg)
        whole = {"occupation": occupation_id, "measure": wanted_measure}
        found = self._select(self._wanted(whole | given))
        if not found:
            others = self._select(self._wanted({**whole, "area": given["area"]}))
            if others:
                text = ", ".join(
                    f"{k}={v!r}" for k, v in given.items() if v is not None and v is not ANY
                )
                key = f"{wanted_measure} of {occupation_id} with {text or 'no qualifiers'}"
                raise NotFound(
                    key, "series", suggestions=sorted({_qualifier_text(s) for s in others})
                )
        recency = self._once("recency", self._recency)
        return build_series(occupation_id, wanted_measure, found, recency.__getitem__)

    def _recency(self) -> Mapping[str, int]:
        """Rank each source in time by a year: its edition, publication or currency date.

        A source with none of these ranks by the latest period it reports on
        (a document reporting May 2020 wages is no older than 2020).
        """
        reported: dict[str, int] = {}
        periods = [(r.source, r.period) for r in self._store.collection("statistics")]
        periods += [(f.source, f.period) for f in self.facts]
        periods += [(table.source, table.period) for table in self._tables()]
        for source, period in periods:
            if period is not None:
                year = period.start_year
                reported[source] = max(reported.get(source, year), year)
        ranks: dict[str, int] = {}
        for source in self.sources.values():
            stamp = source.edition or source.published or source.as_of or ""
            ranks[source.id] = int(stamp[:4]) if stamp[:4].isdigit() else reported.get(source.id, 0)
        return MappingProxyType(ranks)

    def quick_facts(self, occupation: str | Occupation, area: str | Area = "US") -> QuickFacts:
        """Return the first answers about *occupation*: pay, jobs, outlook, education.

        Each is the newest figure or fact of its kind, with its own period
        and source (see `QuickFacts`). Pay and jobs are *area*'s; the
        projections and the education facts exist for the nation only and
        come from there.

        Args:
            occupation: The occupation (any lookup key or the entity).
            area: The area (any `area` key; the nation by default).

        Raises:
            NotFound: *occupation* or *area* names nothing.

        >>> import medcoder_careers as mc
        >>> facts = mc.catalog().quick_facts("medical coder", area="CA")
        >>> facts.median_annual_pay.value, str(facts.median_annual_pay.period)
        (Decimal('61810'), '2025-05')

        Each occupation's page in the career atlas opens with its national
        quick facts; each state's page (e.g. :doc:`/_generated/atlas/states/ca`)
        gives every occupation's pay and jobs there.

        .. versionadded:: 2026.2.0
        """
        return quick_facts(self, occupation, area, self._once("recency", self._recency))

    def find_facts(
        self,
        occupation: str | Occupation | None = None,
        topic: str | FactTopic | None = None,
        source: str | Source | None = None,
        edition: str | Source | None = None,
    ) -> tuple[Fact, ...]:
        """Return the facts that pass every filter given, by period then source.

        Raises:
            NotFound: a filter names nothing (with suggestions).
        """
        tests: list[Callable[[Fact], bool]] = []
        if occupation is not None:
            occupation_id = self.occupation(occupation).id
            tests.append(lambda f: f.occupation == occupation_id)
        if topic is not None:
            wanted_topic = enum_member(FactTopic, topic, "topic", _TOPIC_LABELS)
            tests.append(lambda f: f.topic is wanted_topic)
        if source is not None:
            source_id = self.source(source).id
            tests.append(lambda f: f.source == source_id)
        if edition is not None:
            edition_source = self._edition_source(edition)
            tests.append(lambda f: f.source == edition_source)
        return tuple(f for f in self.facts if all(test(f) for test in tests))
