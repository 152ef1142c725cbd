"""`Catalog.series` and `Series`: one point per period, the newest source winning."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._series import build_series

from .strategies import series, statistics

OCC = "medical-records-and-health-information-technicians"


class TestPackaged:
    """Series of the packaged data, pinned."""

    def test_employment(self, cat: mc.Catalog) -> None:
        """Employment defaults to wage and salary jobs: OEWS May 2018 to May 2025, one count."""
        found = cat.series("medical coder", "employment")
        assert [(str(p.period), p.value, p.source) for p in found] == [
            ("2018-05", Decimal(208650), "article-medical-information-coder"),
            ("2019-05", Decimal(331790), "oews-2019-05"),
            ("2020-05", Decimal(318010), "oews-2020-05"),
            ("2021-05", Decimal(180570), "oews-2021-05"),
            ("2022-05", Decimal(187720), "oews-2022-05"),
            ("2023-05", Decimal(185690), "oews-2023-05"),
            ("2024-05", Decimal(187910), "oews-2024-05"),
            ("2025-05", Decimal(194720), "oews-2025-05"),
        ]
        assert {p.statistic.coverage for p in found} == {mc.Coverage.WAGE_AND_SALARY}
        assert found == cat.series("medical coder", "employment", coverage="wage_and_salary")
        assert found.latest().unit is mc.Unit.JOBS
        assert (found.occupation, found.measure) == (OCC, mc.Measure.EMPLOYMENT)

    def test_all_jobs(self, cat: mc.Catalog) -> None:
        """coverage="all_jobs" is the handbook and Employment Projections line, EP 2024 last."""
        found = cat.series("medical coder", "employment", coverage="all_jobs")
        assert [(str(p.period), p.value, p.source) for p in found] == [
            ("2004", Decimal(159000), "ooh-2006-07"),
            ("2008", Decimal(172500), "ooh-2010-11"),
            ("2010", Decimal(179500), "ooh-2012-13"),
            ("2018", Decimal(215500), "ooh-2018-28-page"),
            ("2019", Decimal(341600), "ooh-latest"),
            ("2024", Decimal(194800), "ep-2024-34"),
        ]
        assert found.at("2004").bound is mc.Bound.APPROXIMATE
        assert {p.statistic.coverage for p in found} == {mc.Coverage.ALL_JOBS}

    def test_definition_break(self, cat: mc.Catalog) -> None:
        """The hybrid 29-2098 of May 2019 and May 2020 shows as breaks on both sides."""
        found = cat.series(OCC, mc.Measure.EMPLOYMENT)
        assert found.breaks == (mc.Period.parse("2019-05"), mc.Period.parse("2021-05"))
        assert found.definitions == ("29-2071", *["29-2098"] * 2, *["29-2072"] * 5)
        jobs = cat.series(OCC, "employment", coverage="all_jobs")
        assert jobs.breaks == (mc.Period.year(2019), mc.Period.year(2024))
        assert jobs.definitions[-2:] == ("29-2098", "29-2072")
        only_2010 = cat.series(OCC, "employment", definition="29-2071", coverage="all_jobs")
        assert only_2010.breaks == ()
        assert str(only_2010.latest().period) == "2018"

    def test_unstated_definition_breaks(self, cat: mc.Catalog) -> None:
        """The blog's projection states no definition, so joining it is flagged too."""
        found = cat.series(OCC, "projected_change_percent")
        assert found.definitions[0] is None
        assert found.breaks == (
            mc.Period.interval(2008, 2018),
            mc.Period.interval(2019, 2029),
            mc.Period.interval(2024, 2034),
        )
        assert found.latest().value == Decimal("7.1")
        assert found.latest().statistic.descriptor is None  # EP states none

    def test_wages_default_to_median(self, cat: mc.Catalog) -> None:
        """A wage series without a percentile is the median's, a point for each May since 2018."""
        found = cat.series("29-2071", "annual wage")
        assert found == cat.series("29-2071", "annual_wage", percentile="median")
        assert [(str(p.period), p.value, p.statistic.definition) for p in found] == [
            ("2004", Decimal(25590), "29-2071"),
            ("2008-05", Decimal(30610), "29-2071"),
            ("2010-05", Decimal(32350), "29-2071"),
            ("2018-05", Decimal(40350), "29-2071"),
            ("2019-05", Decimal(42630), "29-2098"),
            ("2020-05", Decimal(44090), "29-2098"),
            ("2021-05", Decimal(46660), "29-2072"),
            ("2022-05", Decimal(47180), "29-2072"),
            ("2023-05", Decimal(48780), "29-2072"),
            ("2024-05", Decimal(50250), "29-2072"),
            ("2025-05", Decimal(51140), "29-2072"),
        ]
        assert found.breaks == (mc.Period.parse("2019-05"), mc.Period.parse("2021-05"))
        top = cat.series("29-2071", "annual wage", percentile=90)
        # "the highest 10 percent earned more than $X" states the 90th percentile: X exactly
        assert {p.bound for p in top} == {mc.Bound.EXACT}
        assert top.latest().value == Decimal(81150)

    def test_statistical_file_wins(self, cat: mc.Catalog) -> None:
        """May 2020: the OEWS file's median wins over the handbook page quoting the same figure."""
        point = cat.series("medical coder", "annual_wage").at("2020-05")
        assert (point.source, point.value) == ("oews-2020-05", Decimal(44090))
        assert [(s.source, s.value) for s in point.alternatives] == [("ooh-latest", Decimal(44090))]

    def test_qualifiers(self, cat: mc.Catalog) -> None:
        """Qualifiers take names, like the stats() filters."""
        share = cat.series(OCC, "employment share", setting="Hospitals")
        assert [p.value for p in share] == [Decimal(40), Decimal(39)]
        programs = cat.series(OCC, "accredited programs", accreditor="CAHIIM")
        assert [(p.value, p.bound) for p in programs] == [
            (Decimal(184), mc.Bound.EXACT),
            (Decimal(200), mc.Bound.MORE_THAN),
        ]
        offices = cat.series(OCC, "annual_wage", industry="Offices of physicians")
        assert [p.value for p in offices] == [Decimal(22130), Decimal(26210), Decimal(47120)]

    def test_no_figures(self, cat: mc.Catalog) -> None:
        """An occupation without figures of the measure gives an empty series."""
        empty = cat.series("medical secretaries", "accredited programs")
        assert len(empty) == 0
        assert list(empty) == []
        with pytest.raises(mc.NotFound) as info:
            empty.latest()
        assert (info.value.key, info.value.kind) == ("latest", "series point")
        assert str(info.value) == "no series point matches 'latest'"

    def test_at_misses(self, cat: mc.Catalog) -> None:
        """at() needs the exact period; a miss lists the periods there are."""
        found = cat.series(OCC, "employment", coverage="all_jobs")
        with pytest.raises(mc.NotFound) as info:
            found.at("2008-05")
        assert info.value.suggestions == ("2004", "2008", "2010", "2018", "2019", "2024")
        assert (info.value.key, info.value.kind) == ("2008-05", "series point")
        assert str(info.value).startswith("no series point matches '2008-05'; did you mean '2004'")
        with pytest.raises(mc.NotFound) as info:
            found.at(mc.Period.year(2005))
        assert (info.value.key, info.value.kind) == (mc.Period.year(2005), "series point")
        with pytest.raises(mc.PeriodError):
            found.at("May 2008")
        assert found.at(mc.Period.year(2008)).value == Decimal(172500)

    @given(st.data())
    def test_every_slice_one_point_per_period(self, data: st.DataObject) -> None:
        """Every occupation, measure and qualifier slice of the data has unique periods.

        The slice names the statistic's coverage too: an employment series is of
        wage and salary jobs unless asked otherwise, so an all-jobs figure is in
        the all-jobs series only.
        """
        cat = mc.catalog()
        stat = data.draw(st.sampled_from(cat.statistics))
        names = (
            "area",
            "percentile",
            "industry",
            "setting",
            "experience",
            "accreditor",
            "coverage",
        )
        qualifiers = {
            name: getattr(stat, name) for name in names if getattr(stat, name) is not None
        }
        found = cat.series(stat.occupation, stat.measure, **qualifiers)
        assert len(set(found.periods)) == len(found)
        assert stat in (found.at(stat.period).statistic, *found.at(stat.period).alternatives)


class TestErrors:
    """Bad arguments raise NotFound with suggestions."""

    def test_unknown_qualifier(self, cat: mc.Catalog) -> None:
        """A misspelt qualifier name is NotFound suggesting the right one."""
        with pytest.raises(mc.NotFound) as info:
            cat.series(OCC, "annual_wage", percentil=50)
        assert (info.value.kind, info.value.suggestions[0]) == ("qualifier", "percentile")
        assert info.value.key == "percentil"

    def test_missing_qualifier(self, cat: mc.Catalog) -> None:
        """A measure only stated with a qualifier says which qualifiers have figures."""
        with pytest.raises(mc.NotFound) as info:
            cat.series(OCC, "employment_share")
        assert info.value.kind == "series"
        assert info.value.suggestions == ("setting='hospitals'",)
        assert info.value.key == f"employment_share of {OCC} with area='0000000'"

    def test_qualifiers_named(self, cat: mc.Catalog) -> None:
        """The miss names the qualifiers given; each suggestion lists a slice's, or none."""
        with pytest.raises(mc.NotFound) as info:
            cat.series(OCC, "projected_employment", setting="hospitals")
        assert info.value.key == (
            f"projected_employment of {OCC} with setting='hospitals', area='0000000'"
        )
        assert info.value.suggestions == ("no qualifiers",)
        with pytest.raises(mc.NotFound) as info:
            cat.series(OCC, "annual_wage", percentile=None)
        assert info.value.key == f"annual_wage of {OCC} with area='0000000'"
        assert {"percentile=10", "percentile=50, industry='6221'"} <= set(info.value.suggestions)

    def test_area_without_figures(self, cat: mc.Catalog) -> None:
        """An area without figures of the measure gives an empty series, whatever others have."""
        assert cat.stats(occupation=OCC, measure="employment_share")
        assert len(cat.series(OCC, "employment_share", area="CA")) == 0

    def test_unknown_measure(self, cat: mc.Catalog) -> None:
        """A misspelt measure is NotFound as a measure."""
        with pytest.raises(mc.NotFound) as info:
            cat.series(OCC, "salry")
        assert (info.value.key, info.value.kind) == ("salry", "measure")

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"measure": "salry"},
            {"occupation": "astronaut"},
            {"occupation": 7},
            {"industry": "mining"},
            {"setting": "spaceship"},
            {"definition": "99-9999"},
        ],
    )
    def test_bad_values(self, cat: mc.Catalog, kwargs: dict[str, object]) -> None:
        """A value that names nothing is NotFound."""
        args: dict[str, object] = {"occupation": OCC, "measure": "annual_wage", **kwargs}
        with pytest.raises(mc.NotFound):
            cat.series(**args)  # type: ignore[arg-type]

    @pytest.mark.parametrize("kwargs", [{"percentile": 30}, {"area": mc.ANY}, {"industry": mc.ANY}])
    def test_bad_arguments(self, cat: mc.Catalog, kwargs: dict[str, object]) -> None:
        """A percentile BLS does not publish, or ANY for a slice, is an ArgumentError."""
        args: dict[str, object] = {"occupation": OCC, "measure": "annual_wage", **kwargs}
        with pytest.raises(mc.ArgumentError):
            cat.series(**args)  # type: ignore[arg-type]

    def test_any_refused(self, cat: mc.Catalog) -> None:
        """ANY for a slice is refused naming the qualifier: a series is one slice."""
        message = "a series is one slice: give industry a value or None, not ANY"
        with pytest.raises(mc.ArgumentError, match=f"^{message}$"):
            cat.series(OCC, "annual_wage", industry=mc.ANY)


def _overlapping_copy(data_copy: Path) -> Path:
    """Add, to a copy of the data, a 2004 employment figure from the 2010-11 Edition."""
    path = data_copy / "statistics.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    records = document["statistics"]
    original = next(
        r for r in records if r["measure"] == "employment" and r["source"] == "ooh-2006-07"
    )
    newer = {**original, "source": "ooh-2010-11", "value": "160000"}
    newer["citation"] = {**original["citation"], "source": "ooh-2010-11"}
    records.append(newer)
    path.write_text(json.dumps(document), encoding="utf-8")
    return data_copy


class TestOverlap:
    """Where sources overlap on a period, the newest edition wins."""

    def test_newest_wins(self, data_copy: Path) -> None:
        """The 2010-11 figure for 2004 outranks the 2006-07 one, kept as an alternative."""
        cat = mc.load(_overlapping_copy(data_copy))
        jobs = cat.series(OCC, "employment", coverage="all_jobs")
        point = jobs.at("2004")
        assert (point.source, point.value) == ("ooh-2010-11", Decimal(160000))
        assert [(s.source, s.value) for s in point.alternatives] == [
            ("ooh-2006-07", Decimal(159000))
        ]
        assert len(jobs) == 6

    def test_rank(self, cat: mc.Catalog) -> None:
        """Editions rank by year, the undated page by its periods; statistical files first."""
        ranks = cat._query.rank()
        order = ["ooh-2006-07", "ooh-2010-11", "ooh-2012-13", "ooh-latest", "oews-2019-05"]
        assert sorted(order, key=ranks.__getitem__) == order
        assert ranks["oews-2019-05"] == (True, 2019)
        assert ranks["ooh-latest"] == (False, 2020)
        assert ranks["oews-2021-05-29-9021"] == (False, 2021)  # a page: no sha256
        assert ranks["ep-2024-34"] == (True, 2024)


_SHARED_PERIODS = (mc.Period.year(2004), mc.Period.year(2010))


@st.composite
def _sharing_periods(draw: st.DrawFn) -> mc.Statistic:
    """A statistic whose period is often one of two, so sources compete for a period."""
    stat = draw(statistics())
    shared = draw(st.none() | st.sampled_from(_SHARED_PERIODS))
    return stat if shared is None else attrs.evolve(stat, period=shared)


class TestSeries:
    """Properties of any series."""

    @settings(max_examples=60)
    @given(st.lists(_sharing_periods(), max_size=10))
    def test_one_point_per_period(self, stats: list[mc.Statistic]) -> None:
        """Periods are unique and ordered; every statistic is a winner or an alternative."""
        ranks = {s.source: i for i, s in enumerate(stats)}
        found = build_series("o", mc.Measure.EMPLOYMENT, stats, ranks.__getitem__)
        assert (found.occupation, found.measure) == ("o", mc.Measure.EMPLOYMENT)
        assert list(found.periods) == sorted(set(found.periods))
        assert len(found) == len({s.period for s in stats})
        kept = [s for p in found for s in (p.statistic, *p.alternatives)]
        assert Counter(kept) == Counter(stats)
        for point in found:
            assert all(ranks[point.source] >= ranks[a.source] for a in point.alternatives)
            assert all(a.period == point.period for a in point.alternatives)

    @settings(max_examples=60)
    @given(series())
    def test_latest_and_at(self, found: mc.Series) -> None:
        """latest() is the last period's point and at() finds every point."""
        if found.points:
            assert found.latest() == found.points[-1]
        for point in found:
            assert found.at(point.period) is point
            assert found.at(str(point.period)) is point

    def test_duplicate_periods_refused(self, cat: mc.Catalog) -> None:
        """A Series built by hand with two points for one period is an ArgumentError."""
        point = cat.series(OCC, "employment").latest()
        with pytest.raises(mc.ArgumentError):
            mc.Series(occupation=OCC, measure=mc.Measure.EMPLOYMENT, points=(point, point))
