"""The command line's tables and answers, line for line: cuts, counts, legends and wrapping.

Each test renders real catalog records (changed with ``attrs.evolve`` where a
case needs a longer name or another field) through a public function of
``_cli/render.py`` and compares the text a user reads, exactly where that is
practical.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

import medcoder_careers as mc
from medcoder_careers._cli.render import (
    WIDTH,
    RealValues,
    areas_table,
    comparison,
    dollars,
    facts_table,
    quick_facts,
    search_table,
    series_table,
    statistics_table,
    table,
    tasks_table,
    topic_command,
    unpublished_lines,
    wrap,
)
from medcoder_careers._model import NATION
from medcoder_careers._topics import topics

from .test_render import wage

CODER = "medical-records-and-health-information-technicians"
"""The occupation most records are about."""

LONG_TITLE = "Medical Records and Health Information Technicians, Coders and Abstractors (all)"
"""A title of 81 characters: one more than a line holds."""


class TestDollars:
    """`dollars` signs only a negative amount."""

    @pytest.mark.parametrize(
        ("number", "expected"),
        [
            (Decimal(0), "$0.00"),
            (Decimal("0.5"), "$0.50"),
            (Decimal("-0.5"), "-$0.50"),
            (Decimal("1234567.891"), "$1,234,567.89"),
        ],
    )
    def test_sign(self, number: Decimal, expected: str) -> None:
        """Zero and amounts under a dollar have no minus sign; a negative one has."""
        assert dollars(number) == expected


class TestTableCuts:
    """`table` cuts the columns of a table too wide, in its documented order."""

    def test_narrow_flexible_column_kept_whole(self) -> None:
        """A flexible column already under ten characters is not cut: another column gives way."""
        lines = table(["K", "V"], [["kkkkk", "v" * 80]], flexible=[0]).splitlines()
        assert lines == [
            "K      V",
            "-----  " + "-" * 73,
            "kkkkk  " + "v" * 70 + "...",
        ]

    def test_widest_column_gives_way_one_character_at_a_time(self) -> None:
        """Without flexible columns the widest loses a character at a time, exactly to fit."""
        lines = table(["A", "B"], [["a" * 50, "b" * 40]]).splitlines()
        assert lines == [
            "A" + " " * 40 + "B",
            "-" * 39 + "  " + "-" * 39,
            "a" * 36 + "...  " + "b" * 36 + "...",
        ]
        assert len(lines[2]) == WIDTH

    def test_fixed_column_never_cut(self) -> None:
        """A fixed column keeps its width; the others give way instead."""
        lines = table(["A", "B"], [["a" * 50, "b" * 40]], fixed=[0]).splitlines()
        assert lines[2] == "a" * 50 + "  " + "b" * 25 + "..."

    def test_cut_stops_at_one_character_and_ellipsis(self) -> None:
        """No cell is cut below one character and ``...``: a table of many columns stays wider."""
        headers = [f"COL{i:03}" for i in range(20)]
        lines = table(headers, [["x" * 6] * 20]).splitlines()
        assert lines == [
            "  ".join(["C..."] * 20),
            "  ".join(["----"] * 20),
            "  ".join(["x..."] * 20),
        ]

    def test_row_with_a_cell_no_header_names_refused(self) -> None:
        """A row longer than the headers is an error, not silently cut to the headers."""
        with pytest.raises(ValueError, match="zip"):
            table(["A"], [["x", "y"]])


class TestStatisticsTableEnd:
    """`statistics_table` ends with the count and, for a long result, how to narrow it."""

    def test_forty_rows_not_narrowed(self, cat: mc.Catalog) -> None:
        """Forty rows are not yet long: the table ends with the count and the notes."""
        stats = cat.stats(occupation="medical-secretaries", area=NATION)[:40]
        assert statistics_table(cat, stats).splitlines()[-3:] == [
            f"40 statistics (data {cat.data_version})",
            "SOC: the codes a figure counts",
            "JOBS: wage/sal = wage and salary jobs",
        ]

    def test_forty_one_rows_narrowed(self, cat: mc.Catalog) -> None:
        """Forty-one rows name the first two filters whose values vary among them."""
        stats = cat.stats(occupation="medical-secretaries", area=NATION)[:41]
        assert statistics_table(cat, stats).splitlines()[-1] == (
            "narrow it with --period or --measure"
        )

    def test_two_areas_are_enough_to_narrow_by(self, cat: mc.Catalog) -> None:
        """An option is offered as soon as its field takes two values among the rows."""
        california = cat.stats(occupation="medical-secretaries", area="0600000")
        nation = cat.stats(occupation="medical-secretaries", area=NATION)
        stats = [*california[:15], *nation[:26]]
        assert len({s.area for s in stats}) == 2
        assert statistics_table(cat, stats).splitlines()[-1] == (
            "narrow it with --area or --period"
        )


class TestStatisticsTableJobs:
    """`statistics_table` says which jobs a count counts: once for all, or as a legend."""

    def test_one_coverage(self, cat: mc.Catalog) -> None:
        """Counts all of one coverage say it once."""
        stats = cat.stats(occupation="medical-secretaries", area="0600000", measure="employment")
        assert statistics_table(cat, stats).splitlines()[-1] == (
            "jobs counted: wage and salary jobs"
        )

    def test_counts_beside_other_figures(self, cat: mc.Catalog) -> None:
        """Beside figures that count no jobs, the JOBS column's "wage/sal" is explained."""
        stats = cat.stats(occupation="medical-secretaries", area="0600000")
        assert {s.coverage for s in stats} == {None, mc.Coverage.WAGE_AND_SALARY}
        lines = statistics_table(cat, stats).splitlines()
        assert lines[1].split()[-2:] == ["JOBS", "VALUE"]
        assert lines[-1] == "JOBS: wage/sal = wage and salary jobs"

    def test_no_counts(self, cat: mc.Catalog) -> None:
        """Figures that count no jobs say nothing of jobs."""
        stats = cat.stats(occupation="medical-secretaries", area="0600000", measure="annual_wage")
        assert statistics_table(cat, stats).splitlines()[-1] == "SOC: the codes a figure counts"


class TestUnpublishedLines:
    """`unpublished_lines` says once per reason and footnote why figures are missing."""

    def test_every_reason_in_order(self, cat: mc.Catalog) -> None:
        """A line per reason and footnote, counted, in a fixed order; a marker is no footnote."""
        withheld = next(u for u in cat.unpublished() if u.reason is mc.UnpublishedReason.WITHHELD)
        records = [
            withheld,
            attrs.evolve(withheld, area="0600000"),
            attrs.evolve(
                withheld, reason=mc.UnpublishedReason.NO_ESTIMATE, footnote=None, footnote_code=None
            ),
            attrs.evolve(
                withheld,
                reason=mc.UnpublishedReason.NOT_APPLICABLE,
                footnote="Hourly wage not published.",
                footnote_code="4",
            ),
            attrs.evolve(withheld, footnote="Estimate not released.", footnote_code="*"),
        ]
        assert unpublished_lines(records) == [
            "not published: Hourly wage not published. (footnote 4; 1 figure)",
            "no estimate: the release has none for the occupation there (1 figure)",
            "withheld by BLS: Estimate not released. (marker *; 1 figure)",
            "withheld by BLS: Estimate not released. (footnote 8; 2 figures)",
        ]


class TestWrap:
    """`wrap` gives a labelled field, its later lines indented under the label's text."""

    def test_long_text(self) -> None:
        """A long text wraps at 80 columns, never at a hyphen, its later lines indented six."""
        text = "word " * 12 + "hyphenated-word-that-would-break-at-a-hyphen-if-it-could"
        assert wrap("label", text) == [
            "  label: " + "word " * 11 + "word",
            "      hyphenated-word-that-would-break-at-a-hyphen-if-it-could",
        ]


class TestTopicCommand:
    """`topic_command` gives the command that lists a topic's records."""

    @pytest.mark.parametrize(
        ("topic", "expected"),
        [
            ("employment", "stats --measure employment"),
            ("median_annual_wage", "stats --measure annual_wage --percentile 50"),
            ("certification", "facts --topic certification"),
        ],
    )
    def test_command(self, topic: str, expected: str) -> None:
        """A measure without a percentile names none; a wage its percentile; a fact its topic."""
        assert topic_command(topics()[topic]) == expected


class TestTasksTable:
    """`tasks_table` lists the tasks, then the technology grouped by kind, within 80 columns."""

    def test_tasks_and_technology(self, cat: mc.Catalog) -> None:
        """Long names are cut at 80 columns, long tasks wrap, kinds sort whatever their case."""
        coder = cat.occupations[CODER]
        task = attrs.evolve(
            coder.tasks[0],
            id=22877,
            kind=None,
            text="Review records for completeness, accuracy, and compliance with regulations "
            "and the policies of the hospital.",
        )
        tech = coder.technology[0]
        technology = [
            attrs.evolve(tech, example="Encoder", commodity_title="coding software"),
            attrs.evolve(tech, example="Hot", commodity_title="Medical software", hot=True),
            attrs.evolve(
                tech, example="Wanted", commodity_title="Medical software", in_demand=True
            ),
            attrs.evolve(
                tech, example="Both", commodity_title="Medical software", hot=True, in_demand=True
            ),
        ]
        changes: dict[str, Any] = {"tasks": (task,), "technology": tuple(technology)}
        occupation = attrs.evolve(coder, title=LONG_TITLE, job_zone=3, **changes)
        assert tasks_table(occupation).splitlines() == [
            "tasks: Medical Records and Health Information Technicians, Coders and Abstrac...",
            "job zone: 3 of 5 (O*NET)",
            "  22877 (unrated) Review records for completeness, accuracy, and compliance with",
            "      regulations and the policies of the hospital.",
            "technology: Medical Records and Health Information Technicians, Coders and Ab...",
            "  coding software: Encoder",
            "  Medical software: Hot (H); Wanted (D); Both (HD)",
            "1 task, 4 technology examples; H: hot technology, D: in demand (source",
            "onet-29.3: O*NET 29.3 by USDOL/ETA, CC BY 4.0)",
        ]

    def test_none_in_the_data(self, cat: mc.Catalog) -> None:
        """An occupation without tasks or technology says so under each heading."""
        occupation = attrs.evolve(cat.occupations[CODER], job_zone=None, tasks=(), technology=())
        assert tasks_table(occupation).splitlines() == [
            "tasks: Medical Records and Health Information Technicians",
            "  no tasks in the data",
            "technology: Medical Records and Health Information Technicians",
            "  no technology in the data",
            "0 tasks, 0 technology examples; H: hot technology, D: in demand (source",
            "onet-29.3: O*NET 29.3 by USDOL/ETA, CC BY 4.0)",
        ]


def long_sourced(series: mc.Series, count: int) -> mc.Series:
    """The first *count* points of *series*, from a long-named source, of a long definition."""
    points = [
        attrs.evolve(
            point,
            statistic=attrs.evolve(
                point.statistic,
                source="ooh-occupational-outlook-handbook-x",
                definition="29-2071+29-2072+29-2073+29-2074",
            ),
            alternatives=(),
        )
        for point in series.points[:count]
    ]
    return attrs.evolve(series, points=points)


class TestSeriesTable:
    """`series_table`: a row per period, the source column cut first, the count and notes last."""

    def test_whole(self, cat: mc.Catalog) -> None:
        """The packaged series in full: breaks, the count and the note on other sources."""
        series = cat.series("medical coder", "annual_wage")
        points = list(series.points)
        points[0] = attrs.evolve(
            points[0], statistic=attrs.evolve(points[0].statistic, definition=None)
        )
        lines = series_table(cat, attrs.evolve(series, points=points)).splitlines()
        assert lines[1:5] == [
            "PERIOD   VALUE    SOURCE            DEFINITION  OTHERS",
            "-------  -------  ----------------  ----------  ------",
            "2004     $25,590  ooh-2006-07       -           0",
            "! definition changes at 2008-05: not stated -> 29-2071",
        ]
        assert lines[-1] == (
            f"11 periods (data {cat.data_version}); "
            "OTHERS: other sources for the same period, outranked"
        )

    def test_source_cut_first(self, cat: mc.Catalog) -> None:
        """Too wide, the source gives way before the definition; two periods are plural."""
        series = long_sourced(cat.series("medical coder", "annual_wage"), 2)
        assert series_table(cat, series).splitlines()[1:] == [
            "PERIOD   VALUE    SOURCE                 DEFINITION                       OTHERS",
            "-------  -------  ---------------------  -------------------------------  ------",
            "2004     $25,590  ooh-occupational-o...  29-2071+29-2072+29-2073+29-2074  0",
            "2008-05  $30,610  ooh-occupational-o...  29-2071+29-2072+29-2073+29-2074  0",
            f"2 periods (data {cat.data_version})",
        ]

    def test_real_source_cut_first(self, cat: mc.Catalog) -> None:
        """With constant dollars too, the source gives way first; the last line names the CPI."""
        series = long_sourced(cat.series("medical coder", "annual_wage"), 2)
        real = RealValues(price_year=2025, values=((Decimal(43613), None), (Decimal(45771), None)))
        assert series_table(cat, series, real=real).splitlines()[1:] == [
            "PERIOD   VALUE    IN 2025 $  SOURCE      DEFINITION                       OTHERS",
            "-------  -------  ---------  ----------  -------------------------------  ------",
            "2004     $25,590  $43,613    ooh-occ...  29-2071+29-2072+29-2073+29-2074  0",
            "2008-05  $30,610  $45,771    ooh-occ...  29-2071+29-2072+29-2073+29-2074  0",
            f"2 periods (data {cat.data_version})",
            "IN 2025 $: adjusted by CPI-U annual averages (source cpi-u)",
        ]

    def test_real_values_pair_with_points(self, cat: mc.Catalog) -> None:
        """Constant-dollar figures that are not one per point are refused, not paired at random."""
        series = long_sourced(cat.series("medical coder", "annual_wage"), 2)
        real = RealValues(price_year=2025, values=((Decimal(1), None),) * 3)
        with pytest.raises(ValueError, match="zip"):
            series_table(cat, series, real=real)


class TestSearchTable:
    """`search_table` puts each result's kind and title under its row, and counts the results."""

    def test_two_results(self, cat: mc.Catalog) -> None:
        """The line below a row starts under the id; two results are plural."""
        results = [
            mc.SearchResult(
                entity=cat.occupations[CODER], kind="occupation", name="Coder", score=1
            ),
            mc.SearchResult(
                entity=cat.sources["ooh-2010-11"], kind="source", name="ooh-2010-11", score=0.5
            ),
        ]
        assert search_table(results, "coder").splitlines() == [
            "SCORE  ID                                                  MATCHED",
            "-----  --------------------------------------------------  -----------",
            "1.00   medical-records-and-health-information-technicians  Coder",
            "       occupation: Medical Records and Health Information Technicians",
            "0.50   ooh-2010-11                                         ooh-2010-11",
            "       source: Occupational Outlook Handbook, 2010-11 Edition: Medical Record...",
            "2 results for 'coder', best first",
        ]

    def test_a_line_break_in_a_name(self, cat: mc.Catalog) -> None:
        """A name holding a line break (any splitlines() ends one) keeps its row on one line."""
        results = [
            mc.SearchResult(entity=cat.occupations[CODER], kind="occupation", name=name, score=1)
            for name in ("Chart\u2028Abstractor", "Chart\nAbstractor")
        ]
        assert search_table(results, "chart abstractor").splitlines()[2:] == [
            "1.00   medical-records-and-health-information-technicians  Chart Abstractor",
            "       occupation: Medical Records and Health Information Technicians",
            "1.00   medical-records-and-health-information-technicians  Chart Abstractor",
            "       occupation: Medical Records and Health Information Technicians",
            "2 results for 'chart abstractor', best first",
        ]


def blog_salaries(cat: mc.Catalog) -> tuple[mc.Statistic, mc.Statistic]:
    """A salary range of August 2009 (packaged) and one a year later (made up)."""
    low = next(s for s in cat.stats(measure="annual_salary") if s.experience == "1 to 4 years")
    later = attrs.evolve(
        low,
        period=mc.Period.parse("2010-08"),
        value=Decimal(31000),
        value_high=Decimal(43000),
    )
    return low, later


class TestComparisonText:
    """`comparison`: the two figures in a table within 80 columns, then the results."""

    def test_ranges_in_constant_dollars(self, cat: mc.Catalog) -> None:
        """Ranges compare both ends; the source column gives way first; the CPI is named."""
        result = mc.compare(*blog_salaries(cat), real=True)
        assert comparison(cat, result).splitlines() == [
            "salary, 1 to 4 years: Medical Records and Health Information Technicians",
            "      PERIOD   SOURCE               VALUE               IN 2010 DOLLARS",
            "----  -------  -------------------  ------------------  ------------------------",
            "from  2009-08  blog-medical-rec...  $29,375 to $40,349  $29,856.83 to $41,010.84",
            "to    2010-08  blog-medical-rec...  $31,000 to $43,000  $31,000 to $43,000",
            "change                     +$1,143.17",
            "percent change             +3.8%",
            "ratio                      1.038",
            "annualized                 +3.83% a year",
            "change (high end)          +$1,989.16",
            "percent change (high end)  +4.9%",
            "ratio (high end)           1.049",
            "annualized (high end)      +4.85% a year",
            "years                      1",
            "bound                      exact",
            "prices                     CPI-U 2009: 214.537, 2010: 218.056 (source cpi-u)",
        ]

    def test_long_line_cut_at_80(self, cat: mc.Catalog) -> None:
        """A result line too long for the terminal is cut at 80 columns."""
        result = mc.compare(*blog_salaries(cat), real=True)
        assert result.cpi is not None
        first, second = result.cpi
        source = "bls-cpi-u-annual-averages-1913-2025"
        first = attrs.evolve(first, citation=attrs.evolve(first.citation, source=source))
        lines = comparison(cat, attrs.evolve(result, cpi=(first, second))).splitlines()
        assert lines[-1] == (
            "prices                     CPI-U 2009: 214.537, 2010: 218.056 (source bls-cpi..."
        )

    def test_years_to_three_places(self, cat: mc.Catalog) -> None:
        """The years between two figures are rounded to three decimals."""
        later = attrs.evolve(wage(cat, "2008-05"), period=mc.Period.parse("2008-06"))
        lines = comparison(cat, mc.compare(wage(cat, "2004"), later)).splitlines()
        assert "years           3.958" in lines


class TestQuickFactsText:
    """`quick_facts` names what is missing, and keeps its heading within 80 columns."""

    def test_no_credentials(self, cat: mc.Catalog) -> None:
        """An occupation without credentials says "none"."""
        text = quick_facts(cat, cat.quick_facts("medical-secretaries"))
        assert text.splitlines()[-1] == "  credentials: none"

    def test_long_area_name(self, cat: mc.Catalog) -> None:
        """An area's long name is cut so that the heading fits 80 columns."""
        (area,) = (a for a in cat.areas.values() if a.name.startswith("North Valley-Northern"))
        text = quick_facts(cat, cat.quick_facts("medical-secretaries", area.id))
        assert text.splitlines()[0] == (
            "quick facts: North Valley-Northern Mountains Region of California nonmetropol..."
        )


class TestFactsTable:
    """`facts_table`: a row per fact, the occupation then the source cut first, the text below."""

    def test_long_names_and_text(self, cat: mc.Catalog) -> None:
        """Too wide, the occupation and then the source give way; the text wraps indented."""
        (fact,) = (f for f in cat.facts if f.text.startswith("Health information clerks"))
        fact = attrs.evolve(
            fact,
            source="occupational-outlook-handbook-2006-07-print-edition",
            occupation="medical-records-technicians",
        )
        assert facts_table(cat, [fact]).splitlines() == [
            "PERIOD  SOURCE                                           TOPIC        OCCUPATION",
            "------  -----------------------------------------------  -----------  ----------",
            "-       occupational-outlook-handbook-2006-07-print-...  advancement  medical...",
            "    Health information clerks advanced to technician jobs usually need 2 to 4",
            "    years of job experience and a hospital's in-house training program",
            f"1 fact (data {cat.data_version})",
        ]


class TestAreasTable:
    """`areas_table`: a row per area, the name then the states cut first."""

    def test_long_names_and_many_states(self, cat: mc.Catalog) -> None:
        """Too wide, the name gives way before the states, which are spaced."""
        states = (
            "PA",
            "NJ",
            "DE",
            "MD",
            "NY",
            "CT",
            "RI",
            "MA",
            "VT",
            "NH",
            "ME",
            "VA",
            "WV",
            "OH",
        )
        changes: dict[str, Any] = {"states": states}
        many = attrs.evolve(cat.areas["0037980"], **changes)
        assert areas_table(cat, [many, cat.areas["0010900"]]).splitlines() == [
            "ID       KIND          NAME            STATES",
            "-------  ------------  --------------  -----------------------------------------",
            "0037980  metropolitan  Philadelphi...  PA NJ DE MD NY CT RI MA VT NH ME VA WV OH",
            "0010900  metropolitan  Allentown-B...  PA NJ",
            f"2 areas (data {cat.data_version})",
        ]
