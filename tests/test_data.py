"""Integrity of the packaged data, and real figures pinned."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest

import medcoder_careers as mc

OCC = "medical-records-and-health-information-technicians"


class TestIntegrity:
    """Referential integrity and invariants of the packaged data."""

    def test_references_resolve(self, cat: mc.Catalog) -> None:
        """Every id a record names exists."""
        for stat in cat.statistics:
            assert stat.occupation in cat.occupations
            assert stat.source in cat.sources
            assert stat.citation.source == stat.source
            assert stat.industry is None or stat.industry in cat.industries
            assert stat.accreditor is None or stat.accreditor in cat.organizations
        for fact in cat.facts:
            assert fact.occupation in cat.occupations
            assert fact.source in cat.sources
        for credential in cat.credentials.values():
            assert credential.issuer in cat.organizations
            assert all(o in cat.occupations for o in credential.related_occupations)
            assert all(
                r.organization is None or r.organization in cat.organizations
                for r in credential.requirements
            )
        for occupation in cat.occupations.values():
            assert all(r in cat.occupations for r in occupation.related)
        for org in cat.organizations.values():
            assert org.parent is None or org.parent in cat.organizations
        for source in cat.sources.values():
            assert source.publisher is None or source.publisher in cat.organizations

    def test_percentiles_strictly_increase(self, cat: mc.Catalog) -> None:
        """Within one source, period and qualifier set, 10 < 25 < 50 < 75 < 90.

        Strictly for the texts' figures; OEWS percentiles of a small area may
        tie (BLS publishes 38,130 as both its 10th and 25th), never fall.
        """
        groups: dict[tuple[object, ...], list[mc.Statistic]] = defaultdict(list)
        for s in cat.statistics:
            if s.percentile is not None:
                key = (
                    s.source,
                    s.period,
                    s.occupation,
                    s.area,
                    s.measure,
                    s.industry,
                    s.setting,
                    s.experience,
                )
                groups[key].append(s)
        full = 0
        for group in groups.values():
            ordered = sorted(group, key=lambda s: s.percentile or 0)
            values = [s.value for s in ordered]
            assert values == sorted(values)
            if ordered[0].citation.locator is None:
                assert len(set(values)) == len(values)
                full += len(group) == 5
        # 2004 and May 2008 (annual), May 2021 (hourly and annual)
        assert full == 4

    def test_units_fit(self, cat: mc.Catalog) -> None:
        """Every statistic's unit fits its measure."""
        from medcoder_careers._vocab import units_for  # noqa: PLC0415

        for s in cat.statistics:
            assert s.unit in units_for(s.measure)

    def test_definitions(self, cat: mc.Catalog) -> None:
        """The 2018-SOC page counts a different definition from the editions before it."""
        assert {s.definition for s in cat.stats(source="ooh-latest")} == {"29-2072+29-9021"}
        for edition in ("2006-07", "2010-11", "2012-13"):
            assert {s.definition for s in cat.stats(edition=edition)} == {"29-2071"}

    def test_latest_edition_unverified(self, cat: mc.Catalog) -> None:
        """The newest page has no guessed edition label."""
        latest = cat.source("ooh-latest")
        assert latest.edition is None
        assert latest.kind is mc.SourceKind.HANDBOOK_PAGE
        assert "not verified" in latest.note


def _one(cat: mc.Catalog, **filters: Any) -> mc.Statistic:
    found = [s for s in cat.stats(**filters) if s.industry is None and s.setting is None]
    assert len(found) == 1, found
    return found[0]


class TestPinnedFigures:
    """Figures read from the texts, with bound and period."""

    @pytest.mark.parametrize(
        ("edition", "percentile", "value", "bound", "period"),
        [
            ("2010-11", 10, "20440", "exact", "2008-05"),
            ("2010-11", 25, "24290", "exact", "2008-05"),
            ("2010-11", 50, "30610", "exact", "2008-05"),
            ("2010-11", 75, "39490", "exact", "2008-05"),
            ("2010-11", 90, "50060", "exact", "2008-05"),
            ("2006-07", 10, "17720", "exact", "2004"),
            ("2006-07", 50, "25590", "exact", "2004"),
            ("2006-07", 90, "41760", "exact", "2004"),
            ("2012-13", 50, "32350", "exact", "2010-05"),
        ],
    )
    def test_annual_wage(
        self,
        cat: mc.Catalog,
        edition: str,
        percentile: int,
        value: str,
        bound: str,
        period: str,
    ) -> None:
        """Annual wage percentiles per edition."""
        s = _one(cat, edition=edition, measure="annual_wage", percentile=percentile)
        assert (s.value, s.bound, str(s.period)) == (Decimal(value), bound, period)
        assert s.unit is mc.Unit.USD_PER_YEAR

    @pytest.mark.parametrize(
        ("source", "value", "bound", "period"),
        [
            ("ooh-2006-07", "159000", "approximate", "2004"),
            ("ooh-2010-11", "172500", "approximate", "2008"),
            ("ooh-2012-13", "179500", "exact", "2010"),
            ("article-medical-information-coder", "208650", "exact", "2018-05"),
            ("ooh-latest", "341600", "exact", "2019"),
        ],
    )
    def test_employment(
        self, cat: mc.Catalog, source: str, value: str, bound: str, period: str
    ) -> None:
        """Employment per source, with its bound."""
        s = _one(cat, source=source, measure="employment")
        assert (s.value, s.bound, str(s.period)) == (Decimal(value), bound, period)

    def test_hourly_keeps_cents(self, cat: mc.Catalog) -> None:
        """$21.20 per hour keeps its trailing zero."""
        s = _one(cat, source="ooh-latest", measure="hourly_wage")
        assert str(s.value) == "21.20"
        assert s.unit is mc.Unit.USD_PER_HOUR

    def test_projection(self, cat: mc.Catalog) -> None:
        """The 2010-11 Edition projects 20 percent over 2008-18, much faster than average."""
        s = _one(cat, edition="2010-11", measure="projected_change_percent")
        assert (s.value, str(s.period), s.descriptor) == (
            Decimal(20),
            "2008/2018",
            "much faster than the average",
        )

    def test_programs_lower_bound(self, cat: mc.Catalog) -> None:
        """'more than 200 programs' is a lower bound."""
        s = _one(cat, edition="2010-11", measure="accredited_programs")
        assert (s.value, s.bound, s.accreditor) == (
            Decimal(200),
            mc.Bound.MORE_THAN,
            "cahiim",
        )

    def test_salary_range(self, cat: mc.Catalog) -> None:
        """Salaries by experience are ranges."""
        s = _one(cat, measure="annual_salary", experience="less than 1 year")
        assert (s.value, s.value_high, str(s.period)) == (
            Decimal(25014),
            Decimal(34988),
            "2009-08",
        )
        assert s.is_range

    def test_share_as_fraction(self, cat: mc.Catalog) -> None:
        """'About 2 out of 5 jobs' is an approximate 40 percent share."""
        [s] = cat.stats(edition="2006-07", measure="employment_share")
        assert (s.value, s.bound, s.setting, s.descriptor) == (
            Decimal(40),
            mc.Bound.APPROXIMATE,
            "hospitals",
            "2 out of 5",
        )
