from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._cli.render import (
    WIDTH,
    _plain,
    comparison,
    entity,
    quick_facts,
    search_table,
    series_table,
    statistics_table,
    table,
    value,
)

from .data_copies import edit_records, edit_table

cells = st.text(st.characters(codec="ascii", categories=("L", "N", "P", "Zs")), max_size=60)


class TestTable:
    """`table` lays rows out in columns within the width."""

    @given(
        data=st.data(),
        ncols=st.integers(min_value=1, max_value=8),
    )
    def test_fits_width(self, data: st.DataObject, ncols: int) -> None:
        """Any table of up to eight columns fits 80 characters a line."""
        headers = data.draw(st.lists(cells, min_size=ncols, max_size=ncols))
        rows = data.draw(st.lists(st.lists(cells, min_size=ncols, max_size=ncols), max_size=5))
        flexible = data.draw(st.lists(st.integers(0, ncols - 1), unique=True))
        text = table(headers, rows, flexible=flexible)
        lines = text.split("\n")
        assert all(len(line) <= WIDTH for line in lines)
        assert len(lines) == len(rows) + 2

    def test_short_rows_untouched(self) -> None:
        """A table that fits keeps every cell whole and aligned."""
        text = table(["A", "BB"], [["xyz", "1"], ["w", "22"]])
        assert text.splitlines() == ["A    BB", "---  --", "xyz  1", "w    22"]

    def test_flexible_gives_way_first(self) -> None:
        """A flexible column is cut (with ...) before the others."""
        text = table(["K", "V"], [["k" * 50, "v" * 40]], flexible=[0])
        row = text.splitlines()[2]
        assert row.endswith("v" * 40)
        assert "..." in row
        assert len(row) == WIDTH


class TestValue:
    """`value` renders a figure with its unit and the source's bound."""

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"value": Decimal(30610)}, "$30,610"),
            ({"value": Decimal(30610), "bound": mc.Bound.APPROXIMATE}, "about $30,610"),
            ({"value": Decimal(20440), "bound": mc.Bound.LESS_THAN}, "less than $20,440"),
            (
                {
                    "value": Decimal("15.55"),
                    "unit": mc.Unit.USD_PER_HOUR,
                    "measure": mc.Measure.HOURLY_WAGE,
                },
                "$15.55",
            ),
            ({"value": Decimal("40.5"), "unit": mc.Unit.USD_PER_YEAR}, "$40.50"),
            (
                {"value": Decimal(172500), "unit": mc.Unit.JOBS, "measure": mc.Measure.EMPLOYMENT},
                "172,500",
            ),
            (
                {
                    "value": Decimal(20),
                    "unit": mc.Unit.PERCENT,
                    "measure": mc.Measure.EMPLOYMENT_SHARE,
                },
                "20%",
            ),
            (
                {
                    "value": Decimal("1.026"),
                    "unit": mc.Unit.RATIO,
                    "measure": mc.Measure.LOCATION_QUOTIENT,
                },
                "1.026",
            ),
            (
                {"value": Decimal(239200), "bound": mc.Bound.AT_LEAST},
                "at least $239,200",
            ),
            (
                {"value": Decimal(29375), "value_high": Decimal(40349)},
                "$29,375 to $40,349",
            ),
        ],
    )
    def test_forms(self, cat: mc.Catalog, changes: dict[str, Any], expected: str) -> None:
        """Dollars, hours, jobs, percent, ranges and bounds read naturally."""
        base = attrs.evolve(cat.stats(measure="annual_wage")[0], bound=mc.Bound.EXACT)
        assert value(attrs.evolve(base, **changes)) == expected


def wage(cat: mc.Catalog, period: str) -> mc.Statistic:
    """The packaged median annual wage of *period*, for the whole occupation."""
    (stat,) = (
        s
        for s in cat.stats(measure="annual_wage", percentile=50, period=period)
        if s.industry is None
    )
    return stat


class TestComparison:
    """`comparison` renders every figure of a `Comparison` within 80 columns."""

    def test_zero_first_value(self, cat: mc.Catalog) -> None:
        """With a first figure of zero, percent change, ratio and growth rate read n/a."""
        a = attrs.evolve(wage(cat, "2004"), value=Decimal(0))
        lines = comparison(cat, mc.compare(a, wage(cat, "2008-05"))).splitlines()
        assert "percent change  n/a (the first figure is zero)" in lines
        assert "ratio           n/a" in lines
        assert "annualized      n/a (no growth rate between these)" in lines

    def test_fall(self, cat: mc.Catalog) -> None:
        """A fall is signed with a minus and the percentages are negative."""
        lines = comparison(cat, mc.compare(wage(cat, "2008-05"), wage(cat, "2004"))).splitlines()
        assert "change          -$5,020" in lines
        assert "percent change  -16.4%" in lines

    def test_two_occupations(self, cat: mc.Catalog) -> None:
        """Figures of two occupations name both in the heading."""
        b = attrs.evolve(wage(cat, "2008-05"), occupation="medical-secretaries")
        text = comparison(cat, mc.compare(wage(cat, "2004"), b))
        assert text.splitlines()[1] == "  vs Medical Secretaries and Administrative Assistants"
        assert all(len(line) <= WIDTH for line in text.splitlines())

    def test_percent_unit(self, cat: mc.Catalog) -> None:
        """A change of a share is in percentage points, and an unstated definition is named."""
        share = cat.stats(measure="employment_share", setting="hospitals")
        b = attrs.evolve(share[1], definition=None)
        lines = comparison(cat, mc.compare(share[0], b)).splitlines()
        assert "change          about -1 percentage points" in lines
        assert lines[-1] == "! definition changes: 29-2071 -> not stated"


class TestSeriesTable:
    """`series_table` marks each definition break on its own line."""

    def test_unstated_definition_is_a_break(self, cat: mc.Catalog) -> None:
        """A point naming no definition is flagged on both sides, as any other seam."""
        series = cat.series("medical coder", "annual_wage")
        points = list(series.points)
        points[1] = attrs.evolve(
            points[1], statistic=attrs.evolve(points[1].statistic, definition=None)
        )
        text = series_table(cat, attrs.evolve(series, points=points))
        lines = text.splitlines()
        assert [line for line in lines if line.startswith("!")] == [
            "! definition changes at 2008-05: 29-2071 -> not stated",
            "! definition changes at 2010-05: not stated -> 29-2071",
            "! definition changes at 2019-05: 29-2071 -> 29-2098",
            "! definition changes at 2021-05: 29-2098 -> 29-2072",
        ]


class TestSearchTable:
    """`search_table` keeps ids whole and puts kind and title under each row."""

    def test_every_kind(self, cat: mc.Catalog) -> None:
        """Each kind shows its title or name on the line below its row."""
        results = [
            mc.SearchResult(entity=entity, kind=kind, name=entity.id, score=1.0)
            for kind, entity in (
                ("occupation", cat.occupations["medical-secretaries"]),
                ("credential", cat.credentials["rhit"]),
                ("organization", cat.organizations["ahima"]),
                ("source", cat.sources["ooh-2010-11"]),
                ("industry", cat.industries["6221"]),
            )
        ]
        lines = search_table(results, "x").splitlines()
        assert lines[3].strip() == "occupation: Medical Secretaries and Administrative Assistants"
        assert lines[5].strip() == "credential: Registered Health Information Technician"
        assert lines[7].strip().startswith("organization: American Health Information")
        assert lines[9].strip().startswith("source: Occupational Outlook Handbook")
        assert lines[11].strip().startswith("industry: ")
        assert lines[-1] == "5 results for 'x', best first"


class TestStatisticsTableColumns:
    """`statistics_table` shows the columns that vary, never cuts a figure, and labels areas."""

    def test_area_name_or_code(self, cat: mc.Catalog) -> None:
        """An area's name of up to 18 characters is shown; a longer one gives way to its code."""
        (jobs,) = cat.stats(occupation="43-3021", area="0012220", measure="employment")
        anniston = attrs.evolve(jobs, area="0011500")  # "Anniston-Oxford, AL": 19 characters
        assert len(cat.areas["0012220"].name) == 18
        assert statistics_table(cat, [jobs, anniston]).splitlines()[1:5] == [
            "AREA                SOC      VALUE",
            "------------------  -------  -----",
            "Auburn-Opelika, AL  43-3021  90",
            "0011500             43-3021  90",
        ]

    def test_no_industry_column_when_all_industries(self, cat: mc.Catalog) -> None:
        """Figures of all industries alike have no INDUSTRY column; JOBS marks a count with -."""
        stats = cat.stats(occupation="43-3021", area="0012220", percentile=None)
        assert statistics_table(cat, stats).splitlines() == [
            "Billing and Posting Clerks, 2025-05, oews-2025-05",
            "AREA                MEASURE            SOC      JOBS      VALUE",
            "------------------  -----------------  -------  --------  -------",
            "Auburn-Opelika, AL  annual mean        43-3021  -         $41,930",
            "Auburn-Opelika, AL  jobs               43-3021  wage/sal  90",
            "Auburn-Opelika, AL  per 1,000 jobs     43-3021  -         1.228",
            "Auburn-Opelika, AL  hourly mean        43-3021  -         $20.16",
            "Auburn-Opelika, AL  location quotient  43-3021  -         0.47",
            "5 statistics (data 2027.1)",
            "SOC: the codes a figure counts",
            "JOBS: wage/sal = wage and salary jobs",
        ]

    def test_unstated_definition(self, cat: mc.Catalog) -> None:
        """A figure counting no stated SOC codes has - in the SOC column."""
        stats = cat.stats(occupation="medical coder", source="blog-medical-records-coder")
        assert statistics_table(cat, stats).splitlines()[1:6] == [
            "PERIOD     AREA      MEASURE      QUALIFIER         SOC  VALUE",
            "---------  --------  -----------  ----------------  ---  ------------------",
            "2006/2016  National  projected %                    -    18%",
            "2009-08    National  salary       1 to 4 years      -    $29,375 to $40,349",
            "2009-08    National  salary       less than 1 year  -    $25,014 to $34,988",
        ]

    def test_wide_table_cuts_names_never_figures(self, cat: mc.Catalog) -> None:
        """Too wide, the table cuts a measure, never the period, industry, SOC or value."""
        stats = cat.stats(occupation="medical coder", source="ooh-2010-11")
        lines = statistics_table(cat, stats).splitlines()
        assert lines[1:5] == [
            "PERIOD     AREA      MEASURE   QUALIFIER  INDUSTRY  SOC      JOBS  VALUE",
            "---------  --------  --------  ---------  --------  -------  ----  -------------",
            "2008       National  programs  cahiim     all       29-2071  -     more than 200",
            "2008       National  jobs                 all       29-2071  all   about 172,500",
        ]
        assert (
            lines[7] == "2008-05    National  annua...  p10        all       29-2071  -     $20,440"
        )
        assert (
            lines[16]
            == "2008-05    National  annua...  median     999100    29-2071  -     $42,760"
        )

    def test_flexible_columns_give_way_first(self, cat: mc.Catalog) -> None:
        """Source and measure give way before the period, SOC, jobs counted and value."""
        (maryland,) = cat.stats(
            occupation="medical coder", measure="employment", area="MD", period="2025-05"
        )
        (article,) = cat.stats(
            occupation="medical coder",
            source="article-medical-information-coder",
            measure="projected_change_percent",
        )
        assert statistics_table(cat, [maryland, article]).splitlines()[1:5] == [
            "PERIOD     SOURCE                 AREA      MEASURE     SOC      JOBS      VALUE",
            "---------  ---------------------  --------  ----------  -------  --------  -----",
            "2025-05    oews-2025-05           Maryland  jobs        29-2072  wage/sal  2,440",
            "2016/2026  article-medical-in...  National  project...  29-2071  -         13%",
        ]


class TestEntity:
    """`entity` renders each kind of record as its labelled fields."""

    def test_organization(self, cat: mc.Catalog) -> None:
        """An organization: name, abbreviation, kind, address, website, then what it issues."""
        assert entity(cat, cat.organizations["ahima"]).splitlines() == [
            "organization ahima",
            "  name: American Health Information Management Association",
            "  abbreviation: AHIMA",
            "  kind: professional association",
            "  address: 233 N. Michigan Ave., Suite 2150, Chicago, IL 60601-5800",
            "  website: http://www.ahima.org/",
            "  issues: CCA Certified Coding Associate (9 requirements)",
            "  issues: CCS Certified Coding Specialist (14 requirements)",
            "  issues: RHIT Registered Health Information Technician (7 requirements)",
        ]

    def test_source(self, cat: mc.Catalog) -> None:
        """A source: title, kind, the handbook's edition and how it was retrieved."""
        assert entity(cat, cat.sources["ooh-2010-11"]).splitlines() == [
            "source ooh-2010-11",
            "  title: Occupational Outlook Handbook, 2010-11 Edition: Medical Records and",
            "      Health Information Technicians",
            "  kind: handbook edition",
            "  edition: 2010-11",
            '  retrieved via: Medword Resources page "Medical Coder" reproducing the',
            "      statement",
        ]

    def test_industry(self, cat: mc.Catalog) -> None:
        """An industry: title, NAICS level and each NAICS code; no level line without one."""
        assert entity(cat, cat.industries["6221"]).splitlines() == [
            "industry 6221",
            "  title: General Medical and Surgical Hospitals",
            "  level: NAICS 4-digit",
            "  code: NAICS 2007 622110 General Medical and Surgical Hospitals",
            "  code: NAICS 2017 6221 General Medical and Surgical Hospitals",
            "  code: NAICS 2022 6221 General Medical and Surgical Hospitals",
        ]
        assert cat.industries["000001"].level is None
        assert entity(cat, cat.industries["000001"]).splitlines() == [
            "industry 000001",
            "  title: Cross-industry, Private Ownership only",
        ]

    def test_area_of_two_states(self, cat: mc.Catalog) -> None:
        """An area across two states names both, separated by a comma."""
        assert entity(cat, cat.areas["0010900"]).splitlines() == [
            "area 0010900",
            "  name: Allentown-Bethlehem-Easton, PA-NJ",
            "  kind: metropolitan",
            "  states: PA, NJ",
            "  cbsa: 10900",
        ]

    def test_occupation_alternate_titles(self, cat: mc.Catalog) -> None:
        """An occupation's alternate titles are one line, separated by commas."""
        lines = entity(cat, cat.occupations["medical-and-health-services-managers"]).splitlines()
        assert lines[:6] == [
            "occupation medical-and-health-services-managers",
            "  title: Medical and Health Services Managers",
            "  soc: 2000 SOC 11-9111 Medical and Health Services Managers",
            "  soc: 2010 SOC 11-9111 Medical and Health Services Managers",
            "  soc: 2018 SOC 11-9111 Medical and Health Services Managers",
            "  also: Medical/Health Services Manager, Health information manager",
        ]

    def test_issuer_without_abbreviation(self, cat: mc.Catalog) -> None:
        """A credential's issuer with no abbreviation is named alone, with no brackets."""
        assert cat.organizations["dol"].abbreviation is None
        credential = attrs.evolve(cat.credentials["rhit"], issuer="dol")
        assert entity(cat, credential).splitlines()[1:3] == [
            "  RHIT: Registered Health Information Technician",
            "  issuer: U.S. Department of Labor",
        ]
        assert entity(cat, cat.credentials["rhit"]).splitlines()[2] == (
            "  issuer: American Health Information Management Association (AHIMA)"
        )


class TestJobPointer:
    """`entity` of an occupation points to the `tasks` command when it shows less than all."""

    def test_few_tasks_with_technology(self, cat: mc.Catalog) -> None:
        """Three tasks, all shown, still point to the technology examples."""
        occupation = cat.occupations["medical-secretaries"]
        changes: dict[str, Any] = {"tasks": occupation.tasks[:3]}
        few = attrs.evolve(occupation, **changes)
        lines = entity(cat, few).splitlines()
        assert sum(line.startswith("  task (") for line in lines) == 3
        assert lines[-2:] == [
            "  more: 3 tasks and 52 technology examples: medcoder-careers tasks",
            "      medical-secretaries",
        ]

    def test_all_shown(self, cat: mc.Catalog) -> None:
        """Five tasks and no technology: all is shown, and nothing points further."""
        occupation = cat.occupations["medical-secretaries"]
        changes: dict[str, Any] = {"tasks": occupation.tasks[:5], "technology": ()}
        five = attrs.evolve(occupation, **changes)
        lines = entity(cat, five).splitlines()
        assert sum(line.startswith("  task (") for line in lines) == 5
        assert not any(line.startswith("  more:") for line in lines)
        assert not any("medcoder-careers tasks" in line for line in lines)


def hourly(cat: mc.Catalog, period: str) -> mc.Statistic:
    """The packaged national median hourly wage of medical coders in *period*."""
    (stat,) = cat.stats(
        occupation="medical coder",
        measure="hourly_wage",
        percentile=50,
        period=period,
        area="US",
        industry=None,
    )
    return stat


class TestPlain:
    """`_plain` rounds to at most so many decimals and drops the zeros after the point only."""

    @pytest.mark.parametrize(
        ("number", "places", "text"),
        [
            ("2.50000", 3, "2.5"),
            ("3.14159", 3, "3.142"),
            ("100", 3, "100"),
            ("100", 0, "100"),
            ("1E+30", 0, "1000000000000000000000000000000"),
            ("0.0004", 3, "0"),
        ],
    )
    def test_plain(self, number: str, places: int, text: str) -> None:
        """Trailing zeros go after a point, never from a whole number's own digits."""
        assert _plain(Decimal(number), places) == text


class TestComparisonSigns:
    """`comparison` signs a rise with +, a fall with -, and no change with neither."""

    def test_rise_under_one_dollar(self, cat: mc.Catalog) -> None:
        """A rise of 50 cents is +$0.50."""
        a = hourly(cat, "2024-05")
        b = attrs.evolve(hourly(cat, "2025-05"), value=a.value + Decimal("0.5"))
        lines = comparison(cat, mc.compare(a, b)).splitlines()
        assert lines[5:9] == [
            "change          +$0.50",
            "percent change  +2.1%",
            "ratio           1.021",
            "annualized      +2.07% a year",
        ]

    def test_no_change(self, cat: mc.Catalog) -> None:
        """Equal figures: no change, unsigned."""
        a = hourly(cat, "2024-05")
        b = attrs.evolve(hourly(cat, "2025-05"), value=a.value)
        lines = comparison(cat, mc.compare(a, b)).splitlines()
        assert lines[5:9] == [
            "change          $0.00",
            "percent change  0.0%",
            "ratio           1",
            "annualized      0.00% a year",
        ]

    def test_rise_under_one_percent(self, cat: mc.Catalog) -> None:
        """A rise of half a percent is +0.5%."""
        a = attrs.evolve(wage(cat, "2008-05"), value=Decimal(50000))
        b = attrs.evolve(
            wage(cat, "2008-05"), value=Decimal(50250), period=mc.Period.parse("2009-05")
        )
        lines = comparison(cat, mc.compare(a, b)).splitlines()
        assert "percent change  +0.5%" in lines
        assert "annualized      +0.50% a year" in lines

    def test_a_huge_change(self, cat: mc.Catalog) -> None:
        """A change past 28 digits (a loaded copy may hold any figure) prints whole, not a crash.

        Decimal's round() raises past its context's 28 digits; the percent
        change here has 30 before the point.
        """
        a = attrs.evolve(wage(cat, "2008-05"), value=Decimal("0.01"))
        b = attrs.evolve(
            wage(cat, "2008-05"), value=Decimal("1E+26"), period=mc.Period.parse("2009-05")
        )
        result = mc.compare(a, b)
        lines = comparison(cat, result).splitlines()
        assert "percent change  +999999999999999999999999999900.0%" in lines
        assert "ratio           10000000000000000000000000000" in lines
        assert f"annualized      +{result.annualized_percent:.2f}% a year" in lines


BILLING_NATION: Final = "OEUN0000000000000433021"
CODERS_CA: Final = "OEUS0600000000000292072"
CODERS_ID: Final = "medical-records-and-health-information-technicians"


class TestQuickFactsNotes:
    """`quick_facts` cites each item: its period (or that none is stated), source and notes."""

    def test_notes(self, data_copy: Path) -> None:
        """A figure's own words and other SOC codes are noted; a fact with no period says so."""

        def statistic(record: dict[str, Any]) -> None:
            if (record["source"], record["occupation"], record["measure"]) == (
                "ep-2024-34",
                "billing-cost-and-rate-clerks",
                "projected_change_percent",
            ):
                record["descriptor"] = "Little or no change"
                record["definition"] = "43-3011"

        def fact(record: dict[str, Any]) -> None:
            if (record["occupation"], record["topic"]) == (
                "billing-cost-and-rate-clerks",
                "work_experience",
            ):
                record["period"] = None

        edit_records(data_copy, "statistics", statistic)
        edit_records(data_copy, "facts", fact)
        cat = mc.load(data_copy)
        assert quick_facts(cat, cat.quick_facts("43-3021")).splitlines() == [
            "quick facts: the nation",
            "  median pay: $48,500 a year (2025-05, source oews-2025-05)",
            "  median pay: $23.32 an hour (2025-05, source oews-2025-05)",
            "  jobs: 404,060 wage and salary jobs (2025-05, source oews-2025-05)",
            "  projected from: 429,800 all jobs, self-employed included (2024, source",
            "      ep-2024-34)",
            "  projected change: -0.4%, Little or no change (2024/2034, source ep-2024-34,",
            "      SOC 43-3011)",
            "  projected jobs: -1,900 (2024/2034, source ep-2024-34)",
            "  openings: 42,200 a year (2024/2034, source ep-2024-34)",
            "  entry-level education: High school diploma or equivalent (2024, source",
            "      ep-2024-34)",
            "  work experience: None (period not stated, source ep-2024-34)",
            "  on-the-job training: Moderate-term on-the-job training (2024, source",
            "      ep-2024-34)",
            "  credentials: none",
        ]


def _withhold_coders_ca_median(data_copy: Path) -> None:
    """Withhold the coders' California median in the copy's May 2025 table (footnote 8)."""
    edit_table(
        data_copy,
        "oews.sqlite",
        "UPDATE cell SET v13 = '-', f13 = '8' WHERE key = ?",
        CODERS_CA,
    )


class TestQuickFactsMissing:
    """A missing figure of the area says why: its own record's reason, or not in the data."""

    def test_not_in_the_data(self, data_copy: Path) -> None:
        """No release lists the nation's median: not in the data, whatever industries lack."""
        for year in range(2019, 2025):
            edit_table(
                data_copy,
                f"oews-{year}-05.sqlite",
                "UPDATE cell SET v13 = NULL, f13 = NULL WHERE key = ?",
                BILLING_NATION,
            )
        edit_table(
            data_copy,
            "oews.sqlite",
            "UPDATE cell SET v13 = NULL, f13 = NULL WHERE key = ?",
            BILLING_NATION,
        )
        cat = mc.load(data_copy)
        assert cat.unpublished(
            occupation="43-3021", area="US", measure="annual_wage", percentile=50
        )
        lines = quick_facts(cat, cat.quick_facts("43-3021")).splitlines()
        assert lines[1:3] == [
            "  median pay: yearly: not in the data",
            "  median pay: $23.32 an hour (2025-05, source oews-2025-05)",
        ]

    def test_own_reason(self, data_copy: Path) -> None:
        """The newest record of the figure's own measure, percentile and occupation says why.

        Around the coders' figures of California the copy has other reasons:
        another percentile withheld, the annual mean not published, the
        billing clerks' median withheld, and May 2024 with no estimate.
        """
        edit_table(
            data_copy,
            "oews.sqlite",
            "UPDATE cell SET v13 = '-', f13 = '4', v11 = '-', f11 = '8',"
            " v01 = '-', f01 = '8', v04 = '-', f04 = '4' WHERE key = ?",
            CODERS_CA,
        )
        edit_table(
            data_copy,
            "oews.sqlite",
            "UPDATE cell SET v13 = '-', f13 = '8' WHERE key = 'OEUS0600000000000433021'",
        )
        connection = sqlite3.connect(data_copy / "oews.sqlite")
        row = connection.execute(
            "SELECT * FROM cell WHERE key = 'OEUS0600000000000436013'"
        ).fetchone()
        connection.close()
        insert = f"INSERT INTO cell VALUES ({', '.join('?' * len(row))})"  # noqa: S608 - placeholders
        edit_table(data_copy, "oews-2024-05.sqlite", insert, *row)
        cat = mc.load(data_copy)
        covered = cat.unpublished(occupation="medical coder", area="CA", source="oews-2024-05")
        assert {r.reason for r in covered} == {mc.UnpublishedReason.NO_ESTIMATE}
        lines = quick_facts(cat, cat.quick_facts("medical coder", area="CA")).splitlines()
        assert lines[1:7] == [
            "  median pay: yearly: not published: Wages for some occupations that do not",
            "      generally work year-round, full time, are reported either as hourly wages",
            "      or annual salaries depending on how they are typically paid. (2025-05,",
            "      source oews-2025-05)",
            "  median pay: $29.71 an hour (2025-05, source oews-2025-05)",
            "  jobs: withheld by BLS: Estimate not released. (2025-05, source oews-2025-05)",
        ]

    def test_the_current_code_wins(self, data_copy: Path) -> None:
        """A release counting the coders under two SOC codes: their own code's record says why.

        The copy's May 2025 table also lists the coders under 29-2098, with
        no cell: that code has no estimate in California, where the coders'
        own median is withheld.
        """
        edit_table(
            data_copy,
            "oews.sqlite",
            "INSERT INTO occupation VALUES ('292098', ?, '29-2098')",
            CODERS_ID,
        )
        _withhold_coders_ca_median(data_copy)
        cat = mc.load(data_copy)
        reasons = {
            (r.definition, r.reason)
            for r in cat.unpublished(
                occupation=CODERS_ID, area="CA", measure="annual_wage", percentile=50
            )
        }
        assert reasons == {
            ("29-2072", mc.UnpublishedReason.WITHHELD),
            ("29-2098", mc.UnpublishedReason.NO_ESTIMATE),
        }
        lines = quick_facts(cat, cat.quick_facts(CODERS_ID, area="CA")).splitlines()
        assert lines[1:3] == [
            "  median pay: yearly: withheld by BLS: Estimate not released. (2025-05, source",
            "      oews-2025-05)",
        ]

    def test_the_current_code_wins_whatever_the_order(self, data_copy: Path) -> None:
        """The second code's record comes first (29-2071 sorts before 29-2072), yet loses.

        Neither code has a cell in California, so both records say no
        estimate: only the SOC note would tell them apart.
        """
        edit_table(
            data_copy,
            "oews.sqlite",
            "INSERT INTO occupation VALUES ('292071', ?, '29-2071')",
            CODERS_ID,
        )
        edit_table(data_copy, "oews.sqlite", "DELETE FROM cell WHERE key = ?", CODERS_CA)
        cat = mc.load(data_copy)
        found = cat.unpublished(
            occupation=CODERS_ID, area="CA", measure="annual_wage", percentile=50
        )
        assert [r.definition for r in found] == ["29-2071", "29-2072"]
        lines = quick_facts(cat, cat.quick_facts(CODERS_ID, area="CA")).splitlines()
        assert lines[1:3] == [
            "  median pay: yearly: no estimate: the release has none for this area (2025-05,",
            "      source oews-2025-05)",
        ]

    def test_another_code_is_named(self, data_copy: Path) -> None:
        """A reason from a release that counts the coders under another code names that code."""
        edit_table(
            data_copy,
            "oews.sqlite",
            "UPDATE occupation SET definition = '29-2098' WHERE soc = '292072'",
        )
        _withhold_coders_ca_median(data_copy)
        cat = mc.load(data_copy)
        lines = quick_facts(cat, cat.quick_facts(CODERS_ID, area="CA")).splitlines()
        assert lines[1:3] == [
            "  median pay: yearly: withheld by BLS: Estimate not released. (2025-05, source",
            "      oews-2025-05, SOC 29-2098)",
        ]

    def test_only_the_occupations_own_records(self, data_copy: Path) -> None:
        """Never another occupation's reason: the coders, gone from May 2025, are not in it.

        The copy's May 2025 table no longer lists the coders, while it
        withholds the billing clerks' median in California.
        """
        edit_table(data_copy, "oews.sqlite", "DELETE FROM cell WHERE soc = '292072'")
        edit_table(data_copy, "oews.sqlite", "DELETE FROM occupation WHERE soc = '292072'")
        edit_table(
            data_copy,
            "oews.sqlite",
            "UPDATE cell SET v13 = '-', f13 = '8' WHERE key = 'OEUS0600000000000433021'",
        )
        cat = mc.load(data_copy)
        assert cat.unpublished(area="CA", measure="annual_wage", percentile=50)
        lines = quick_facts(cat, cat.quick_facts(CODERS_ID, area="CA")).splitlines()
        assert lines[1] == "  median pay: yearly: not in the data"


class TestHeadingWidth:
    """A comparison's heading and its "vs" line are each cut to 80 columns."""

    def test_long_titles(self, data_copy: Path) -> None:
        """Titles too long for a line end in ... at exactly 80 characters."""
        long_titles = {
            "medical-records-and-health-information-technicians": "C" * 60,
            "medical-secretaries": "S" * 77,
        }

        def retitle(record: dict[str, Any]) -> None:
            record["title"] = long_titles.get(record["id"], record["title"])

        edit_records(data_copy, "occupations", retitle)
        cat = mc.load(data_copy)
        b = attrs.evolve(wage(cat, "2008-05"), occupation="medical-secretaries")
        lines = comparison(cat, mc.compare(wage(cat, "2004"), b)).splitlines()
        assert lines[:2] == [
            "annual wage, median: " + "C" * 56 + "...",
            "  vs " + "S" * 72 + "...",
        ]
