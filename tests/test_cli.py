from __future__ import annotations

import csv
import io
import json
import os
import shlex
import subprocess
import sys
from decimal import Decimal
from importlib.metadata import entry_points
from pathlib import Path

import attrs
import pytest

import medcoder_careers as mc
from medcoder_careers._cli import main
from medcoder_careers._cli.app import COMMANDS as _COMMANDS
from medcoder_careers._cli.render import statistics_table
from medcoder_careers._data.manifest import RELEASES
from medcoder_careers._export import columns

from .conftest import REPO

Result = tuple[int, str, str]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Result:
    """Run the CLI in-process; return (exit status, stdout, stderr)."""
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        status = exc.code if isinstance(exc.code, int) else 1
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_one_line_error(result: Result) -> str:
    status, out, err = result
    assert status == 2, err
    assert not out
    assert err.count("\n") == 1, err
    assert err.startswith("medcoder-careers")
    assert "Traceback" not in err
    return err


def assert_fits(text: str, width: int = 80) -> None:
    assert text.strip()
    too_wide = [line for line in text.splitlines() if len(line) > width]
    assert not too_wide, too_wide


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


class TestShow:
    """`show KEY` prints any record found through the lookup."""

    def test_occupation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An alternate title shows the occupation."""
        status, out, _ = run(capsys, "show", "medical coder")
        assert status == 0
        assert "Medical Records and Health Information Technicians" in out
        assert "2018 SOC 29-2072 Medical Records Specialists" in out

    @pytest.mark.parametrize(
        ("key", "header"),
        [
            ("RHIT", "credential rhit"),
            ("ahima", "organization ahima"),
            ("2010-11", "source ooh-2010-11"),
            ("622110", "industry 6221"),
        ],
    )
    def test_other_kinds(self, capsys: pytest.CaptureFixture[str], key: str, header: str) -> None:
        """Credentials, organizations, sources and industries show too."""
        status, out, _ = run(capsys, "show", key)
        assert status == 0
        assert out.splitlines()[0] == header

    @pytest.mark.parametrize("key", ["medical coder", "RHIT", "CTR", "ahima", "2010-11"])
    def test_fits_80_columns(self, capsys: pytest.CaptureFixture[str], key: str) -> None:
        """Long requirement and title lines wrap within 80 columns."""
        status, out, _ = run(capsys, "show", key)
        assert status == 0
        assert_fits(out)

    def test_unknown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown key exits 2 with one line of suggestions on stderr."""
        err = assert_one_line_error(run(capsys, "show", "medcal codr"))
        assert "did you mean" in err


class TestStatsTable:
    """`stats` prints a table that fits an 80-column terminal."""

    def test_all(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """Every statistic gets a row, and the count closes the table."""
        status, out, _ = run(capsys, "stats")
        assert status == 0
        assert_fits(out)
        lines = out.splitlines()
        # the data holds figures of two occupations, so each row names its own
        header = ["OCCUPATION", "PERIOD", "SOURCE", "MEASURE", "QUALIFIER", "VALUE"]
        assert lines[0].split() == header
        assert len(lines) == len(cat.statistics) + 3
        assert lines[-1] == f"{len(cat.statistics)} statistics (data {mc.DATA_VERSION})"

    def test_median_2008(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The 2010-11 edition's May 2008 median is one readable row."""
        status, out, _ = run(
            capsys,
            "stats",
            "--edition",
            "2010-11",
            "--measure",
            "annual_wage",
            "--percentile",
            "50",
        )
        assert status == 0
        row = out.splitlines()[2].split()
        assert row[:2] == ["2008-05", "2010-11"]
        assert row[-1] == "$30,610"

    def test_bound_shown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A figure the source bounds keeps its words ("more than")."""
        status, out, _ = run(
            capsys,
            "stats",
            "--edition",
            "2010-11",
            "--measure",
            "accredited_programs",
        )
        assert status == 0
        assert "more than 200" in out

    def test_percentile_stated_exactly(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A 10th percentile worded "less than $20,440" shows as the exact amount."""
        status, out, _ = run(
            capsys,
            "stats",
            "--edition",
            "2010-11",
            "--measure",
            "annual_wage",
            "--percentile",
            "10",
        )
        assert status == 0
        assert "$20,440" in out
        assert "less than" not in out

    def test_no_match(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Filters that match nothing say so and exit 0."""
        status, out, _ = run(capsys, "stats", "--edition", "2006-07", "--period", "2020-05")
        assert status == 0
        assert out == "no statistics match\n"

    def test_several_occupations(self, cat: mc.Catalog) -> None:
        """Rows of several occupations get an occupation column, still in 80 columns."""
        other = attrs.evolve(cat.statistics[0], occupation="medical-secretaries")
        text = statistics_table(cat, (*cat.statistics, other))
        assert text.splitlines()[0].startswith("OCCUPATION")
        assert_fits(text)


class TestStatsFormats:
    """`stats --format json|csv` gives every field, parseable by the standard library."""

    @pytest.mark.parametrize(
        ("option", "value", "keyword"),
        [
            ("--occupation", "medical coder", "occupation"),
            ("--measure", "annual wage", "measure"),
            ("--source", "ooh-latest", "source"),
            ("--edition", "2012-13", "edition"),
            ("--period", "2008-05", "period"),
            ("--percentile", "median", "percentile"),
            ("--industry", "6221", "industry"),
            ("--setting", "Hospitals", "setting"),
            ("--experience", "1 to 4 years", "experience"),
        ],
    )
    def test_each_filter(
        self,
        capsys: pytest.CaptureFixture[str],
        cat: mc.Catalog,
        option: str,
        value: str,
        keyword: str,
    ) -> None:
        """Each filter option selects what the same `Catalog.stats` filter selects."""
        status, out, _ = run(capsys, "stats", option, value, "--format", "json")
        assert status == 0
        expected = cat.stats(**{keyword: value})
        assert expected
        records = json.loads(out)
        assert [(r["period"], r["source"], r["value"]) for r in records] == [
            (str(s.period), s.source, str(s.value)) for s in expected
        ]

    def test_json_fields(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """Every record has every field, defaults included, and a nested citation."""
        status, out, _ = run(capsys, "stats", "--format", "json")
        assert status == 0
        records = json.loads(out)
        assert len(records) == len(cat.statistics)
        fields = [name for name in columns(mc.Statistic) if not name.startswith("citation_")]
        for record, stat in zip(records, cat.statistics, strict=True):
            assert [key for key in record if key != "citation"] == fields
            assert Decimal(record["value"]) == stat.value
            assert record["bound"] == stat.bound.value
            assert record["citation"] == {
                "source": stat.citation.source,
                "quote": stat.citation.quote,
                "locator": stat.citation.locator,
            }

    def test_csv(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """The CSV has a header row of every column and one row per statistic."""
        status, out, _ = run(capsys, "stats", "--measure", "hourly_wage", "--format", "csv")
        assert status == 0
        assert out.splitlines()[0].split(",") == list(columns(mc.Statistic))
        parsed = rows(out)
        expected = cat.stats(measure="hourly_wage")
        assert [Decimal(r["value"]) for r in parsed] == [s.value for s in expected]
        assert [r["citation_quote"] for r in parsed] == [s.citation.quote for s in expected]
        # the handbooks give medians; OEWS May 2021 gives the whole distribution
        assert {r["percentile"] for r in parsed} == {"10", "25", "50", "75", "90"}

    def test_empty_json_and_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No match gives an empty JSON list, and a CSV of the header alone."""
        no_match = ["stats", "--edition", "2006-07", "--period", "2020-05"]
        assert json.loads(run(capsys, *no_match, "--format", "json")[1]) == []
        out = run(capsys, *no_match, "--format", "csv")[1]
        assert out.splitlines() == [",".join(columns(mc.Statistic))]


class TestSearch:
    """`search TEXT` ranks records by how well a name matches, as `Catalog.search` does."""

    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A typo finds the occupation first, with its kind and title under the row."""
        status, out, _ = run(capsys, "search", "medcal codr")
        assert status == 0
        assert_fits(out)
        lines = out.splitlines()
        assert lines[0].split() == ["SCORE", "ID", "MATCHED"]
        assert lines[2].split()[1] == "medical-records-and-health-information-technicians"
        assert lines[3].strip() == "occupation: Medical Records and Health Information Technicians"
        assert lines[-1].endswith("for 'medcal codr', best first")

    def test_long_names_fit(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """Long ids are kept whole and long titles are cut to fit 80 columns."""
        status, out, _ = run(capsys, "search", "coder", "--limit", "20")
        assert status == 0
        assert_fits(out)
        for result in cat.search("coder", limit=20):
            assert result.id in out

    @pytest.mark.parametrize(
        ("argv", "kind", "limit"),
        [
            (["registrar"], None, 10),
            (["registrar", "--kind", "credential"], "credential", 10),
            (["codes", "--kind", "sources", "--limit", "1"], "sources", 1),
            (["ahima", "--limit", "2"], None, 2),
            (["median pay", "--kind", "topic"], "topic", 10),
        ],
    )
    def test_json_matches_api(
        self,
        capsys: pytest.CaptureFixture[str],
        cat: mc.Catalog,
        argv: list[str],
        kind: str | None,
        limit: int,
    ) -> None:
        """The JSON records are the API's results: score, kind, id, matched name and title."""
        status, out, _ = run(capsys, "search", *argv, "--format", "json")
        assert status == 0
        expected = cat.search(argv[0], kind=kind, limit=limit)
        assert expected
        assert json.loads(out) == [
            {"score": r.score, "kind": r.kind, "id": r.id, "name": r.name, "title": mc_title(r)}
            for r in expected
        ]

    def test_csv(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """The CSV has a header row, then one row per result in rank order."""
        status, out, _ = run(capsys, "search", "tumor registrar", "--format", "csv")
        assert status == 0
        assert out.splitlines()[0] == "score,kind,id,name,title"
        parsed = rows(out)
        assert [(r["kind"], r["id"]) for r in parsed] == [
            (r.kind, r.id) for r in cat.search("tumor registrar")
        ]
        assert parsed[0]["title"] == "Certified Tumor Registrar"

    def test_topic(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """A topic's row says what it is and the command that lists its figures, which runs."""
        status, out, _ = run(capsys, "search", "salary", "--limit", "1")
        assert status == 0
        score = f"{cat.search('salary')[0].score:.2f}"
        assert out.splitlines()[2].split() == [score, "median_annual_wage", "salary"]
        hint = "topic: Median annual wage (stats --measure annual_wage --percentile 50)"
        assert out.splitlines()[3].strip() == hint
        status, out, _ = run(capsys, *hint.split("(")[1].rstrip(")").split(), "--format", "json")
        assert status == 0
        listed = json.loads(out)
        assert len(listed) == len(cat.stats(measure="annual_wage", percentile=50))
        assert {(r["measure"], r["percentile"]) for r in listed} == {("annual_wage", 50)}
        status, out, _ = run(capsys, "search", "ICD", "--limit", "1")
        hint = "topic: Training (facts --topic training)"
        assert out.splitlines()[3].strip() == hint
        status, out, _ = run(capsys, "facts", "--topic", "training", "--format", "json")
        assert status == 0
        assert any("ICD" in r["text"] for r in json.loads(out))

    def test_nothing(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Text like no name says so and exits 0; JSON is an empty list, CSV the header alone."""
        assert run(capsys, "search", "zzzzqqq") == (0, "nothing matches 'zzzzqqq'\n", "")
        assert json.loads(run(capsys, "search", "zzzzqqq", "--format", "json")[1]) == []
        assert run(capsys, "search", "zzzzqqq", "--format", "csv")[1].splitlines() == [
            "score,kind,id,name,title"
        ]


def mc_title(result: mc.SearchResult) -> str:
    """The title a search row shows: an occupation's or source's title, else the name."""
    entity = result.entity
    if isinstance(entity, mc.Credential | mc.Organization | mc.Area | mc.Topic):
        return entity.name
    return entity.title


WAGES = ("series", "medical coder", "annual_wage")
JOBS = ("series", "medical coder", "employment")


class TestSeries:
    """`series OCCUPATION MEASURE` prints one row per period and marks definition breaks."""

    def test_table(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """Each period is a row with its figure, source, definition and count of others."""
        status, out, _ = run(capsys, *JOBS)
        assert status == 0
        assert_fits(out)
        lines = out.splitlines()
        assert lines[0] == "jobs: Medical Records and Health Information Technicians"
        assert lines[1].split() == ["PERIOD", "VALUE", "SOURCE", "DEFINITION", "OTHERS"]
        assert lines[3].split() == ["2004", "about", "159,000", "ooh-2006-07", "29-2071", "0"]
        series = cat.series("medical coder", "employment")
        assert lines[-1] == f"{len(series)} periods (data {mc.DATA_VERSION})"

    @pytest.mark.parametrize(
        ("argv", "line", "period"),
        [
            (JOBS, "! definition changes at 2019: 29-2071 -> 29-2072+29-9021", "2019"),
            (WAGES, "! definition changes at 2020-05: 29-2071 -> 29-2072+29-9021", "2020-05"),
        ],
    )
    def test_break_line(
        self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], line: str, period: str
    ) -> None:
        """A break is a line of its own just above the first row of the new definition."""
        status, out, _ = run(capsys, *argv)
        assert status == 0
        lines = out.splitlines()
        assert lines.count(line) == 1
        assert lines[lines.index(line) + 1].split()[0] == period

    def test_no_break_within_definition(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--definition keeps one definition, so no break line appears."""
        status, out, _ = run(capsys, *WAGES, "--definition", "29-2071")
        assert status == 0
        assert "!" not in out
        assert "2020-05" not in out

    @pytest.mark.parametrize(
        ("options", "qualifiers"),
        [
            ((), {}),
            (("--percentile", "90"), {"percentile": "90"}),
            (("--percentile", "median", "--industry", "6221"), {"industry": "6221"}),
            (("--definition", "29-2071"), {"definition": "29-2071"}),
        ],
    )
    def test_json_matches_api(
        self,
        capsys: pytest.CaptureFixture[str],
        cat: mc.Catalog,
        options: tuple[str, ...],
        qualifiers: dict[str, str],
    ) -> None:
        """The JSON gives the API's points, each statistic in full, and the breaks."""
        status, out, _ = run(capsys, *WAGES, *options, "--format", "json")
        assert status == 0
        document = json.loads(out)
        series = cat.series("medical coder", "annual_wage", **qualifiers)
        assert document["occupation"] == series.occupation
        assert document["measure"] == "annual_wage"
        assert document["breaks"] == [str(p) for p in series.breaks]
        assert [
            (p["period"], p["statistic"]["source"], Decimal(p["statistic"]["value"]))
            for p in document["points"]
        ] == [(str(p.period), p.source, p.value) for p in series]

    def test_settings_and_accreditor(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--setting and --accreditor pick their slice of a measure."""
        status, out, _ = run(
            capsys, "series", "29-2071", "employment_share", "--setting", "hospitals"
        )
        assert status == 0
        assert "about 40%" in out
        status, out, _ = run(
            capsys, "series", "29-2071", "accredited_programs", "--accreditor", "cahiim"
        )
        assert status == 0
        assert "more than 200" in out

    def test_csv(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """The CSV has a header row and one row per period, the break flagged."""
        status, out, _ = run(capsys, *JOBS, "--format", "csv")
        assert status == 0
        parsed = rows(out)
        assert list(parsed[0]) == [
            "period",
            "value",
            "value_high",
            "unit",
            "bound",
            "source",
            "definition",
            "alternatives",
            "definition_changes",
        ]
        series = cat.series("medical coder", "employment")
        assert [r["period"] for r in parsed] == [str(p) for p in series.periods]
        changes = [r["period"] for r in parsed if r["definition_changes"] == "True"]
        assert changes == ["2019", "2025-05"]
        assert parsed[0]["bound"] == "approximate"
        assert parsed[0]["value_high"] == ""

    def test_alternatives(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """Where two sources state a period, the newest wins and the older is counted."""
        path = data_copy / "statistics.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        for record in document["statistics"]:
            if (record["source"], record["measure"], record.get("percentile")) == (
                "ooh-2012-13",
                "annual_wage",
                50,
            ):
                record["period"] = "2008-05"
        path.write_text(json.dumps(document), encoding="utf-8")
        status, out, _ = run(capsys, "--data", str(data_copy), *WAGES)
        assert status == 0
        assert out.splitlines()[4].split() == ["2008-05", "$32,350", "ooh-2012-13", "29-2071", "1"]
        assert "OTHERS: older sources stating the same period" in out
        status, out, _ = run(capsys, "--data", str(data_copy), *WAGES, "--format", "json")
        (point,) = (p for p in json.loads(out)["points"] if p["period"] == "2008-05")
        assert [s["source"] for s in point["alternatives"]] == ["ooh-2010-11"]

    def test_empty(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An occupation with no figures of the measure says so and exits 0."""
        argv = ("series", "medical-secretaries", "accredited_programs")
        status, out, _ = run(capsys, *argv)
        assert (status, out) == (0, "no programs figures for Medical Secretaries\n")
        assert json.loads(run(capsys, *argv, "--format", "json")[1])["points"] == []
        assert len(run(capsys, *argv, "--format", "csv")[1].splitlines()) == 1


EXAMPLE = (
    "compare",
    "--measure",
    "annual_wage",
    "--percentile",
    "50",
    "--from-edition",
    "2006-07",
    "--to-source",
    "article-medical-information-coder",
)


def median(cat: mc.Catalog, period: str, source: str | None = None) -> mc.Statistic:
    """The coders' packaged median annual wage of *period* (from *source*), all industries."""
    (stat,) = (
        s
        for s in cat.stats(
            occupation="29-2071", measure="annual_wage", percentile=50, period=period
        )
        if s.industry is None and source in {None, s.source}
    )
    return stat


class TestCompare:
    """`compare` picks one statistic per side by filters and prints `mc.compare` of them."""

    def test_real_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The 2004 and May 2018 medians, in 2018 dollars, with the CPI-U averages used."""
        status, out, _ = run(capsys, *EXAMPLE, "--real")
        assert status == 0
        assert_fits(out)
        lines = out.splitlines()
        assert lines[0] == "annual wage, median: Medical Records and Health Information Technicians"
        assert lines[1].split()[-3:] == ["IN", "2018", "DOLLARS"]
        assert lines[3].split() == ["from", "2004", "ooh-2006-07", "$25,590", "$34,017.09"]
        assert lines[4].split() == [
            "to",
            "2018-05",
            "article-medical-information-coder",
            "$40,350",
            "$40,350",
        ]
        labelled = {line[:16].strip(): line[16:] for line in lines[5:]}
        assert labelled == {
            "change": "+$6,332.91",
            "percent change": "+18.6%",
            "ratio": "1.186",
            "annualized": "+1.24% a year",
            "years": "13.875",
            "bound": "exact",
            "prices": "CPI-U 2004: 188.9, 2018: 251.107 (source cpi-u)",
        }

    def test_nominal_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --real the figures are as stated: no constant-dollar column, no prices."""
        status, out, _ = run(capsys, *EXAMPLE)
        assert status == 0
        assert "DOLLARS" not in out
        assert "prices" not in out
        assert "change          +$14,760" in out.splitlines()
        assert "percent change  +57.7%" in out.splitlines()

    @pytest.mark.parametrize("real", [False, True])
    def test_json_matches_api(
        self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog, *, real: bool
    ) -> None:
        """The JSON gives both statistics in full and every figure of `mc.compare`, exactly."""
        status, out, _ = run(capsys, *EXAMPLE, *["--real"] * real, "--format", "json")
        assert status == 0
        record = json.loads(out)
        a = median(cat, "2004")
        b = median(cat, "2018-05", source="article-medical-information-coder")
        expected = mc.compare(a, b, real=real)
        assert record["a"]["value"] == "25590"
        assert record["b"]["value"] == "40350"
        assert record["a"]["citation"]["source"] == "ooh-2006-07"
        for name in ("value_a", "value_b", "change", "percent_change", "ratio", "years"):
            assert Decimal(record[name]) == getattr(expected, name), name
        assert Decimal(record["annualized_percent"]) == expected.annualized_percent
        assert record["bound"] == "exact"
        assert record["real"] is real
        assert record["definition_changed"] is False
        assert record["high"] is None
        if real:
            assert record["price_year"] == 2018
            assert record["cpi"] == [
                {"year": 2004, "value": "188.9", "source": "cpi-u"},
                {"year": 2018, "value": "251.107", "source": "cpi-u"},
            ]
        else:
            assert record["price_year"] is None
            assert record["cpi"] is None

    @pytest.mark.parametrize(("first", "second"), [("2004", "2020-05"), ("2020-05", "2008-05")])
    def test_change_adds_up(
        self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog, first: str, second: str
    ) -> None:
        """From a to b in either direction, a's value plus the change is b's value."""
        status, out, _ = run(
            capsys,
            "compare",
            "--measure",
            "annual wage",
            "--percentile",
            "median",
            "--from-period",
            first,
            "--to-period",
            second,
            "--format",
            "json",
        )
        assert status == 0
        record = json.loads(out)
        assert Decimal(record["value_a"]) + Decimal(record["change"]) == Decimal(record["value_b"])
        assert record["value_b"] == str(median(cat, second).value)

    def test_bound_and_definition(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An "about" figure makes the change approximate; a new definition gets a ! line."""
        status, out, _ = run(
            capsys,
            "compare",
            "--measure",
            "employment",
            "--from-period",
            "2004",
            "--to-period",
            "2019",
        )
        assert status == 0
        lines = out.splitlines()
        assert "change          about +182,600" in lines
        assert "bound           approximate (the true change is about this)" in lines
        assert lines[-1] == "! definition changes: 29-2071 -> 29-2072+29-9021"

    def test_shared_qualifiers(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A shared qualifier such as --industry picks that slice on both sides."""
        status, out, _ = run(
            capsys,
            "compare",
            "--measure",
            "annual_wage",
            "--percentile",
            "50",
            "--industry",
            "6221",
            "--from-edition",
            "2006-07",
            "--to-edition",
            "2010-11",
        )
        assert status == 0
        assert out.splitlines()[0].startswith("annual wage, median, ind. 6221: ")
        assert "change          +$5,960" in out.splitlines()

    def test_ranges(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Two salary ranges compare low ends and high ends, each labelled."""
        argv = [
            "compare",
            "--measure",
            "annual_salary",
            "--experience",
            "less than 1 year",
            "--from-period",
            "2009-08",
            "--to-period",
            "2009-08",
        ]
        status, out, _ = run(capsys, *argv, "--real")
        assert status == 0
        assert_fits(out)
        assert out.splitlines()[3].split()[-3:] == ["$25,014", "to", "$34,988"]
        assert "change (high end)          $0" in out.splitlines()
        status, out, _ = run(capsys, *argv, "--format", "json")
        assert status == 0
        assert json.loads(out)["high"]["value_b"] == "34988"

    def test_accreditor(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Program counts compare once --accreditor picks one accreditor."""
        status, out, _ = run(
            capsys,
            "compare",
            "--measure",
            "accredited_programs",
            "--accreditor",
            "cahiim",
            "--from-period",
            "2005",
            "--to-period",
            "2008",
        )
        assert status == 0
        assert "change          more than +16" in out.splitlines()


class TestCompareSelection:
    """Each side of `compare` must select exactly one statistic; else one line says what to add."""

    def test_several(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Several matches: the count, what differs, and the options that tell them apart."""
        err = assert_one_line_error(
            run(
                capsys,
                "compare",
                "--occupation",
                "29-2071",
                "--measure",
                "annual_wage",
                "--percentile",
                "50",
            )
        )
        assert "the 'from' statistic: 7 statistics match" in err
        assert "2004, 2008-05, 2010-05, 2018-05, 2020-05" in err
        assert "add --from-period or --from-source" in err

    def test_several_to(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The 'to' side is checked as well, naming its own options."""
        err = assert_one_line_error(
            run(
                capsys,
                "compare",
                "--occupation",
                "29-2071",
                "--measure",
                "annual_wage",
                "--percentile",
                "50",
                "--from-period",
                "2004",
            )
        )
        assert "the 'to' statistic: 7 statistics match" in err
        assert "--to-period" in err

    def test_several_measures(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Figures of different measures ask for --measure."""
        err = assert_one_line_error(
            run(capsys, "compare", "--from-edition", "2006-07", "--to-edition", "2010-11")
        )
        assert "--measure" in err

    def test_missing_qualifier(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Figures that all carry a qualifier ask for it, listing its values."""
        err = assert_one_line_error(
            run(
                capsys,
                "compare",
                "--measure",
                "annual_wage",
                "--from-period",
                "2004",
                "--to-period",
                "2008-05",
            )
        )
        assert (
            "the 'from' statistic: 9 statistics match, all with percentile and industry set" in err
        )
        assert "add --percentile (one of: 10, 25, 50, 75, 90)" in err

    def test_none(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Filters that match nothing are repeated in the message."""
        err = assert_one_line_error(
            run(
                capsys,
                "compare",
                "--measure",
                "annual_wage",
                "--percentile",
                "50",
                "--from-period",
                "2004",
                "--to-period",
                "2030",
            )
        )
        assert err.endswith(
            "the 'to' statistic: no statistic matches "
            "--measure annual_wage --percentile 50 --area US --to-period 2030\n"
        )

    def test_bad_period(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A period that is not one names its option."""
        err = assert_one_line_error(
            run(capsys, "compare", "--measure", "annual_wage", "--from-period", "2008-13")
        )
        assert "--from-period 2008-13: " in err

    def test_real_non_dollar(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--real on figures that are not dollars is refused."""
        err = assert_one_line_error(
            run(
                capsys,
                "compare",
                "--measure",
                "employment",
                "--from-period",
                "2004",
                "--to-period",
                "2010",
                "--real",
            )
        )
        assert "--real adjusts dollar figures only; these are in jobs" in err


class TestBadInput:
    """Every bad-input path exits 2 with one line on stderr and no traceback."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["show", "medcal codr"],
            ["show", "medical"],
            ["stats", "--measure", "wage"],
            ["stats", "--period", "2008-13"],
            ["stats", "--period", "May 2008"],
            ["stats", "--percentile", "30"],
            ["stats", "--occupation", "astronaut"],
            ["stats", "--edition", "1999-00"],
            ["stats", "--industry", "bakeries"],
            ["stats", "--setting", "space station"],
            ["stats", "--format", "xml"],
            ["stats", "--limit", "3"],
            ["export", "--format", "xml"],
            ["search"],
            ["search", "coder", "--kind", "bogus"],
            ["search", "coder", "--limit", "-1"],
            ["search", "coder", "--limit", "ten"],
            ["search", "coder", "--format", "xml"],
            ["series", "medical coder"],
            ["series", "astronaut", "annual_wage"],
            ["series", "medical coder", "wage"],
            ["series", "medical coder", "annual_wage", "--percentile", "30"],
            ["series", "medical coder", "annual_wage", "--industry", "bakeries"],
            ["series", "medical coder", "annual_wage", "--definition", "99-9999"],
            ["series", "medical coder", "accredited_programs"],
            ["series", "medical coder", "annual_wage", "--format", "xml"],
            ["compare"],
            ["compare", "--measure", "annual_wage", "--percentile", "50"],
            ["compare", "--measure", "wage", "--from-period", "2004", "--to-period", "2010"],
            ["compare", "--occupation", "astronaut", "--measure", "employment"],
            [*EXAMPLE[:-2], "--to-edition", "1999-00"],
            [*EXAMPLE[:-2], "--to-period", "May 2018"],
            [*EXAMPLE, "--format", "csv"],
            ["compare", "--percentile", "30", "--from-period", "2004", "--to-period", "2010"],
            [
                "compare",
                "--measure",
                "employment",
                "--from-period",
                "2004",
                "--to-period",
                "2010",
                "--real",
            ],
            ["show"],
            ["nonsense"],
            [],
            ["--data", "does-not-exist", "show", "rhit"],
            ["verify", "--data", "does-not-exist"],
        ],
    )
    def test_one_line(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """The error is one line, exit status 2."""
        assert_one_line_error(run(capsys, *argv))

    def test_invalid_data_dir(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """A --data directory that fails validation is one line naming the file."""
        (data_copy / "facts.json").write_text("{}", encoding="utf-8")
        err = assert_one_line_error(run(capsys, "--data", str(data_copy), "stats"))
        assert "facts.json" in err
        assert "verify" in err


class TestData:
    """`--data DIR` makes any command read that directory instead of the packaged data."""

    def test_reads_copy(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """A changed copy shows its change, before or after the command name."""
        path = data_copy / "credentials.json"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Certified Tumor Registrar", "Tumour Registrar"), "utf-8")
        for argv in (
            ["--data", str(data_copy), "show", "CTR"],
            ["show", "CTR", "--data", str(data_copy)],
        ):
            status, out, _ = run(capsys, *argv)
            assert status == 0
            assert "Tumour Registrar" in out
        assert "Certified Tumor Registrar" in run(capsys, "show", "CTR")[1]


class TestExport:
    """`export` writes the packaged format (JSON) or flat CSV files."""

    def test_json_round_trip(
        self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog, tmp_path: Path
    ) -> None:
        """`load()` of the exported directory equals the packaged catalog."""
        out_dir = tmp_path / "export"
        status, out, _ = run(capsys, "export", "--output", str(out_dir))
        assert status == 0
        assert out == f"wrote 11 files (json) to {out_dir} (data {mc.DATA_VERSION})\n"
        loaded = mc.load(out_dir)
        for name in ("organizations", "sources", "occupations", "credentials", "industries"):
            assert dict(getattr(loaded, name)) == dict(getattr(cat, name)), name
        assert dict(loaded.cpi_u) == dict(cat.cpi_u)
        assert loaded.statistics == cat.statistics
        assert loaded.facts == cat.facts
        assert loaded.data_version == cat.data_version
        assert loaded.verify().ok

    def test_csv(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog, tmp_path: Path) -> None:
        """One CSV per collection, each with a header and a row per record."""
        status, _, _ = run(capsys, "export", "--format", "csv", "--output", str(tmp_path))
        assert status == 0
        written = sorted(p.name for p in tmp_path.iterdir())
        assert written == sorted(
            f"{name}.csv"
            for name in (
                "areas",
                "organizations",
                "sources",
                "occupations",
                "credentials",
                "industries",
                "statistics",
                "facts",
                "cpi_u",
            )
        )
        with (tmp_path / "statistics.csv").open(newline="", encoding="utf-8") as handle:
            assert len(list(csv.DictReader(handle))) == len(cat.statistics)
        with (tmp_path / "facts.csv").open(newline="", encoding="utf-8") as handle:
            assert [r["text"] for r in csv.DictReader(handle)] == [f.text for f in cat.facts]

    def test_default_output(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without --output, a versioned directory appears in the working directory."""
        monkeypatch.chdir(tmp_path)
        assert run(capsys, "export", "--format", "csv")[0] == 0
        assert (tmp_path / f"medcoder-careers-{mc.DATA_VERSION}-csv" / "statistics.csv").is_file()

    def test_no_overwrite(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A second export into the same place fails in one line unless --force is given."""
        assert run(capsys, "export", "--output", str(tmp_path))[0] == 0
        err = assert_one_line_error(run(capsys, "export", "--output", str(tmp_path)))
        assert "already exists" in err
        assert run(capsys, "export", "--output", str(tmp_path), "--force")[0] == 0

    def test_unwritable(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An output path that is a file fails in one line."""
        blocker = tmp_path / "file"
        blocker.write_text("", encoding="utf-8")
        err = assert_one_line_error(run(capsys, "export", "--output", str(blocker / "sub")))
        assert "cannot write" in err


class TestVerify:
    """`verify` re-hashes the data and exits 1 when a file changed."""

    def test_intact(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """The packaged data is intact and is the recorded release."""
        status, out, _ = run(capsys, "verify")
        assert status == 0
        lines = out.splitlines()
        assert lines[0].startswith(f"data {mc.DATA_VERSION}: 10 files intact")
        assert lines[1] == f"digest {cat.digest}"
        assert lines[2] == f"release {mc.DATA_VERSION}: matches the recorded digest"

    def test_tampered_copy(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """A copy whose bytes changed (still valid) fails and names the file."""
        path = data_copy / "statistics.json"
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert mc.load(data_copy).verify().changed == ("statistics.json",)
        status, out, _ = run(capsys, "verify", "--data", str(data_copy))
        assert status == 1
        assert "NOT intact" in out
        assert "changed: statistics.json" in out

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """A copy with a file deleted fails and names the file."""
        (data_copy / "cpi_u.json").unlink()
        status, out, _ = run(capsys, "--data", str(data_copy), "verify")
        assert status == 1
        assert "NOT valid" in out
        assert "cpi_u.json" in out

    def test_exported_copy(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An export is intact but not byte-identical to the recorded release."""
        mc.export(tmp_path)
        status, out, _ = run(capsys, "verify", "--data", str(tmp_path))
        assert status == 0
        assert "differs from the recorded digest" in out

    def test_unrecorded_release(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """A release this package does not know is reported as such."""
        path = data_copy / "manifest.json"
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["data_version"] = "2099.1"
        path.write_text(json.dumps(manifest), encoding="utf-8")
        status, out, _ = run(capsys, "verify", "--data", str(data_copy))
        assert status == 0
        assert "release 2099.1: no digest recorded" in out
        assert "2099.1" not in RELEASES


class TestHelp:
    """`--help` works for the program and every command, with an example."""

    @pytest.mark.parametrize("command", [[], *([name] for name in _COMMANDS)])
    def test_help(self, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
        """Help exits 0 and shows an example."""
        status, out, _ = run(capsys, *command, "--help")
        assert status == 0
        assert "example:\n  medcoder-careers " in out

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints both versions."""
        status, out, _ = run(capsys, "--version")
        assert status == 0
        assert out == f"medcoder-careers {mc.__version__} (data {mc.DATA_VERSION})\n"

    def test_console_script(self) -> None:
        """The `medcoder-careers` console script points at `main`."""
        (script,) = entry_points(group="console_scripts", name="medcoder-careers")
        assert script.value == "medcoder_careers._cli:main"


def python_m(*argv: str, stdout: int = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - this interpreter, arguments from the tests
        [sys.executable, "-m", "medcoder_careers", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


class TestSubprocess:
    """`python -m medcoder_careers` runs every command as a real process."""

    def test_show(self) -> None:
        """show prints the record."""
        result = python_m("show", "CTR")
        assert result.returncode == 0, result.stderr
        assert "Certified Tumor Registrar" in result.stdout

    def test_stats_json(self, cat: mc.Catalog) -> None:
        """stats --format json is parseable."""
        result = python_m("stats", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert len(json.loads(result.stdout)) == len(cat.statistics)

    def test_export_then_verify(self, tmp_path: Path) -> None:
        """An exported directory verifies in a second process."""
        result = python_m("export", "--output", str(tmp_path / "out"))
        assert result.returncode == 0, result.stderr
        result = python_m("--data", str(tmp_path / "out"), "verify")
        assert result.returncode == 0, result.stderr
        assert "intact" in result.stdout

    def test_search(self) -> None:
        """search prints the ranked table."""
        result = python_m("search", "rhit", "--limit", "1")
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[2].split()[:2] == ["1.00", "rhit"]

    def test_series_csv(self) -> None:
        """series --format csv is readable by the csv module."""
        result = python_m("series", "29-2071", "annual_wage", "--format", "csv")
        assert result.returncode == 0, result.stderr
        assert [r["value"] for r in rows(result.stdout)][:2] == ["25590", "30610"]

    def test_compare_real(self) -> None:
        """compare --real prints the figures in constant dollars."""
        result = python_m(*EXAMPLE, "--real")
        assert result.returncode == 0, result.stderr
        assert "change          +$6,332.91" in result.stdout.splitlines()

    def test_compare_ambiguous(self) -> None:
        """An ambiguous side is one line on stderr and exit 2."""
        result = python_m("compare", "--measure", "annual_wage")
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert "statistics match" in result.stderr

    def test_version(self) -> None:
        """--version prints both versions."""
        result = python_m("--version")
        assert result.stdout == f"medcoder-careers {mc.__version__} (data {mc.DATA_VERSION})\n"

    def test_bad_input(self) -> None:
        """A bad filter is one line on stderr and exit 2, no traceback."""
        result = python_m("stats", "--period", "2008-13")
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr

    def test_closed_pipe(self) -> None:
        """A reader that has gone away ends the output quietly, without a traceback."""
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            result = python_m("stats", "--format", "json", stdout=write_end)
        finally:
            os.close(write_end)
        assert result.returncode == 0
        assert result.stderr == ""


README_COMMANDS = [
    shlex.split(line, comments=True)[1:]
    for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    if line.startswith(
        ("medcoder-careers search", "medcoder-careers series", "medcoder-careers compare")
    )
]


class TestReadme:
    """The README's search, series and compare lines run as shown."""

    def test_found(self) -> None:
        """The README shows these lines: search (an entity, a topic), series and compare."""
        assert sorted(argv[0] for argv in README_COMMANDS) == [
            "compare",
            "search",
            "search",
            "series",
        ]

    @pytest.mark.parametrize("argv", README_COMMANDS, ids=lambda argv: argv[0])
    def test_runs(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """The line exits 0 and prints a table within 80 columns."""
        status, out, err = run(capsys, *argv)
        assert status == 0, err
        assert_fits(out)


class TestInterrupt:
    """Ctrl-C ends a command with status 130 and no traceback."""

    def test_keyboard_interrupt(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An interrupted command returns 130 and prints nothing."""

        def interrupted(_: object) -> int:
            raise KeyboardInterrupt

        monkeypatch.setitem(_COMMANDS, "verify", _COMMANDS["verify"]._replace(run=interrupted))
        assert run(capsys, "verify") == (130, "", "")
