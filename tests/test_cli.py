"""The command line: every command's screens, formats, errors and exit codes."""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import shlex
import sqlite3
import subprocess
import sys
from decimal import Decimal
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import attrs
import pytest

import medcoder_careers as mc
from medcoder_careers import _query
from medcoder_careers._cli import main
from medcoder_careers._cli.app import COMMANDS as _COMMANDS
from medcoder_careers._cli.common import SLICE
from medcoder_careers._cli.render import statistics_table
from medcoder_careers._data.codec import make_converter
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

    @pytest.mark.parametrize(
        "key", ["medical coder", "RHIT", "CTR", "CCA", "CCS", "CPC", "ahima", "2010-11"]
    )
    def test_fits_80_columns(self, capsys: pytest.CaptureFixture[str], key: str) -> None:
        """Long requirement and title lines wrap within 80 columns."""
        status, out, _ = run(capsys, "show", key)
        assert status == 0
        assert_fits(out)

    def test_requirement_routes(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """A requirement's route joins its kind in the label; one on every path shows none."""
        status, out, _ = run(capsys, "show", "CTR")
        assert status == 0
        labels = [line.split(":")[0].strip() for line in out.splitlines() if "requires (" in line]
        assert labels == [
            f"requires ({r.kind})" if r.route is None else f"requires ({r.kind}, route {r.route})"
            for r in cat.credential("CTR").requirements
        ]
        assert "requires (experience, route B)" in labels
        assert "requires (exam)" in labels

    def test_unknown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown key exits 2 with one line of suggestions on stderr."""
        err = assert_one_line_error(run(capsys, "show", "medcal codr"))
        assert "did you mean" in err


class TestStatsTable:
    """`stats` prints a table that fits an 80-column terminal."""

    def test_all(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """Every statistic gets a row in its occupation's table; the count and a hint close it."""
        status, out, _ = run(capsys, "stats")
        assert status == 0
        assert_fits(out)
        lines = out.splitlines()
        titles = [o.title for o in cat.occupations.values()]
        assert sorted(line for line in lines if line in titles) == sorted(titles)
        # a row per statistic; a title, a header and a rule per table; four lines at the end
        assert len(lines) == len(cat.statistics) + 3 * len(titles) + 4
        assert lines[-4:] == [
            f"{len(cat.statistics)} statistics (data {mc.DATA_VERSION})",
            "SOC: the codes a figure counts",
            "JOBS: all = all jobs, self-employed included; wage/sal = wage and salary jobs",
            "narrow it with --area or --period",
        ]

    def test_median_2008(self, capsys: pytest.CaptureFixture[str]) -> None:
        """What every row shares is said once above the table; rows differ by their industry."""
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
        lines = out.splitlines()
        assert lines[:2] == [
            "Medical Records and Health Information Technicians, 2008-05, OOH 2010-11 ed.,",
            "  annual wage, median",
        ]
        assert lines[2].split() == ["AREA", "INDUSTRY", "SOC", "VALUE"]
        assert lines[4].split() == ["National", "all", "29-2071", "$30,610"]

    def test_identical_looking_rows_differ(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The 41 areas with 60 jobs in May 2025 are 41 rows that read differently."""
        argv = (
            "stats",
            "--occupation",
            "29-2072",
            "--measure",
            "employment",
            "--period",
            "2025-05",
        )
        status, out, _ = run(capsys, *argv)
        assert status == 0
        assert_fits(out)
        # rows of the whole occupation (industry "all") in 41 areas, each with 60 jobs
        sixty = [line for line in out.splitlines() if line.split()[-3:-1] == ["all", "29-2072"]]
        sixty = [line for line in sixty if line.split()[-1] == "60"]
        assert len(sixty) == 41
        assert len(set(sixty)) == 41  # the area (and industry) tell them apart
        assert "jobs counted: wage and salary jobs" in out.splitlines()
        assert "narrow it with --area or --industry" in out.splitlines()

    def test_definition_shown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """29-2072 mixed with the older codes shows each row's definition and count of jobs."""
        argv = ("stats", "--occupation", "29-2072", "--measure", "employment", "--area", "US")
        status, out, _ = run(capsys, *argv)
        assert status == 0
        assert_fits(out)
        lines = out.splitlines()
        header = lines[1].split()
        assert header == ["PERIOD", "SOURCE", "AREA", "INDUSTRY", "SOC", "JOBS", "VALUE"]
        rows: dict[str, str] = {}
        for line in lines[3:]:
            if line[:1].isdigit():
                rows.setdefault(line.split()[0], line)  # the whole occupation's comes first
        assert rows["2004"].split()[-5:] == ["all", "29-2071", "all", "about", "159,000"]
        assert rows["2019"].split()[-4:] == ["all", "29-2098", "all", "341,600"]
        assert rows["2024"].split()[-4:] == ["all", "29-2072", "all", "194,800"]
        assert rows["2025-05"].split()[-4:] == ["all", "29-2072", "wage/sal", "194,720"]
        legend = "JOBS: all = all jobs, self-employed included; wage/sal = wage and salary jobs"
        assert legend in lines

    def test_handbook_is_an_edition(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A handbook source reads "OOH 2006-07 ed.", never a bare "2006-07" beside the period."""
        argv = ("stats", "--occupation", "29-2071", "--measure", "annual_wage", "--area", "US")
        status, out, _ = run(capsys, *argv, "--percentile", "50", "--period", "2004")
        assert status == 0
        assert "OOH 2006-07 ed." in out
        assert " 2006-07 " not in out.replace("OOH 2006-07 ed.", "")

    def test_help_example_narrows(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The first example of `stats --help` runs and prints a short table."""
        example = _COMMANDS["stats"].example.splitlines()[0].split()
        assert example[0] == "medcoder-careers"
        status, out, _ = run(capsys, *example[1:])
        assert status == 0
        assert_fits(out)
        assert len(out.splitlines()) < 30

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

    def test_no_match_says_why(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An empty result prints, on stderr, why BLS has no figure: each reason and its count."""
        status, out, err = run(capsys, "stats", "--occupation", "29-9021", "--area", "Lima, OH")
        assert (status, out) == (0, "no statistics match\n")
        assert err == "no estimate: the release has none for the occupation there (15 figures)\n"
        argv = ("--occupation", "43-3021", "--area", "0029180", "--measure", "annual_mean_wage")
        status, out, err = run(capsys, "stats", *argv)
        assert (status, out) == (0, "no statistics match\n")
        assert err == "withheld by BLS: Estimate not released. (footnote 8; 1 figure)\n"

    def test_no_match_not_applicable(
        self, capsys: pytest.CaptureFixture[str], data_copy: Path
    ) -> None:
        """A '-' with footnote 4 is "not published", in footnote 4's own words."""
        connection = sqlite3.connect(data_copy / "oews.sqlite")
        with connection:
            connection.execute(
                "UPDATE cell SET v08 = '-', f08 = '4' WHERE key = 'OEUS0600000000000292072'"
            )
        connection.close()
        manifest = data_copy / "manifest.json"
        document = json.loads(manifest.read_text(encoding="utf-8"))
        digest = hashlib.sha256((data_copy / "oews.sqlite").read_bytes()).hexdigest()
        document["files"]["oews.sqlite"] = digest
        manifest.write_text(json.dumps(document), encoding="utf-8")
        argv = ("--occupation", "29-2072", "--area", "CA", "--measure", "hourly_wage")
        status, out, err = run(
            capsys, "--data", str(data_copy), "stats", *argv, "--percentile", "50"
        )
        assert (status, out) == (0, "no statistics match\n")
        assert err.startswith("not published: Wages for some occupations that do not generally")
        assert err.endswith("(footnote 4; 1 figure)\n")
        assert err.count("\n") == 1

    def test_no_match_json_is_empty(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON and CSV stay machine-readable: an empty list, the reasons only on stderr."""
        argv = ("stats", "--occupation", "29-9021", "--area", "Lima, OH", "--format", "json")
        status, out, err = run(capsys, *argv)
        assert (status, json.loads(out)) == (0, [])
        assert "no estimate" in err

    def test_several_occupations(self, cat: mc.Catalog) -> None:
        """Rows of several occupations are a table each, under the occupation's title."""
        first = cat.statistics[0]
        other = attrs.evolve(first, occupation="medical-secretaries")
        lines = statistics_table(cat, (first, other)).splitlines()
        titles = [line for line in lines if not line.startswith(("AREA", "-", "National"))]
        assert titles[:2] == [
            "Medical Records and Health Information Technicians, 2004, OOH 2006-07 ed.,",
            "  annual wage, p10",
        ]
        secretaries = "Medical Secretaries and Administrative Assistants, 2004, OOH 2006-07 ed.,"
        assert any(line.startswith(secretaries) for line in lines)
        assert_fits("\n".join(lines))


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
        assert lines[3].split() == [
            "2018-05",
            "208,650",
            "article-medical-information-coder",
            "29-2071",
            "0",
        ]
        series = cat.series("medical coder", "employment")
        assert lines[-1] == f"{len(series)} periods (data {mc.DATA_VERSION})"

    @pytest.mark.parametrize(
        ("argv", "line", "period"),
        [
            (JOBS, "! definition changes at 2019-05: 29-2071 -> 29-2098", "2019-05"),
            (WAGES, "! definition changes at 2021-05: 29-2098 -> 29-2072", "2021-05"),
            (
                (*JOBS, "--coverage", "all_jobs"),
                "! definition changes at 2024: 29-2098 -> 29-2072",
                "2024",
            ),
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
        assert "2019-05" not in out

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
        assert changes == ["2019-05", "2021-05"]
        assert parsed[0]["bound"] == "exact"
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
        assert "OTHERS: other sources for the same period, outranked" in out
        status, out, _ = run(capsys, "--data", str(data_copy), *WAGES, "--format", "json")
        (point,) = (p for p in json.loads(out)["points"] if p["period"] == "2008-05")
        assert [s["source"] for s in point["alternatives"]] == ["ooh-2010-11"]

    def test_empty(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An occupation with no figures of the measure says so and exits 0."""
        argv = ("series", "medical-secretaries", "accredited_programs")
        status, out, _ = run(capsys, *argv)
        assert (status, out) == (
            0,
            "no programs figures for Medical Secretaries and Administrative Assistants\n",
        )
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
            occupation="29-2071", measure="annual_wage", percentile=50, period=period, area="US"
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

    def test_real_uses_the_data_read(
        self, capsys: pytest.CaptureFixture[str], data_copy: Path
    ) -> None:
        """With --data, --real uses that directory's CPI-U averages, not the packaged ones."""
        path = data_copy / "cpi_u.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        (row,) = (r for r in document["cpi_u"] if r["year"] == 2004)
        row["value"] = "200"
        path.write_text(json.dumps(document), encoding="utf-8")
        status, out, _ = run(
            capsys, "--data", str(data_copy), *EXAMPLE, "--real", "--format", "json"
        )
        assert status == 0
        record = json.loads(out)
        assert record["cpi"] == [
            {"year": 2004, "value": "200", "source": "cpi-u"},
            {"year": 2018, "value": "251.107", "source": "cpi-u"},
        ]
        assert (record["value_a"], record["value_b"]) == ("32129.14065", "40350")

    @pytest.mark.parametrize(("first", "second"), [("2004", "2025-05"), ("2025-05", "2008-05")])
    def test_change_adds_up(
        self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog, first: str, second: str
    ) -> None:
        """From a to b in either direction, a's value plus the change is b's value."""
        status, out, _ = run(
            capsys,
            "compare",
            "--occupation",
            "29-2071",
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
            "--coverage",
            "all_jobs",
            "--from-period",
            "2004",
            "--to-period",
            "2019",
        )
        assert status == 0
        lines = out.splitlines()
        assert "change          about +182,600" in lines
        assert "bound           approximate (the true change is about this)" in lines
        assert lines[-1] == "! definition changes: 29-2071 -> 29-2098"

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
        assert "the 'from' statistic: 13 statistics match" in err
        assert "2004, 2008-05, 2010-05, 2018-05, 2019-05, 2020-05, 2021-05" in err
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
        assert "the 'to' statistic: 13 statistics match" in err
        assert "--to-period" in err

    def test_several_measures(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Figures of different measures ask for --measure."""
        err = assert_one_line_error(
            run(capsys, "compare", "--from-edition", "2012-13", "--to-edition", "2010-11")
        )
        assert err.endswith(
            "the 'from' statistic: 2 statistics match, differing in measure "
            "(measure: projected_change, projected_change_percent); add --measure\n"
        )

    def test_several_occupations(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Figures of several occupations name each field that differs and ask for --occupation."""
        err = assert_one_line_error(
            run(
                capsys,
                "compare",
                "--measure",
                "annual_mean_wage",
                "--from-period",
                "2019-05",
                "--to-period",
                "2019-05",
            )
        )
        assert err.endswith(
            "the 'from' statistic: 6 statistics match, differing in occupation, definition "
            "(occupation: billing-cost-and-rate-clerks, "
            "health-information-technologists-and-medical-registrars, "
            "medical-and-health-services-managers, "
            "medical-records-and-health-information-technicians, "
            "medical-secretaries, medical-transcriptionists); add --occupation\n"
        )

    def test_definition_tells_apart(
        self, capsys: pytest.CaptureFixture[str], data_copy: Path
    ) -> None:
        """Figures that differ only in their definition ask for --from-definition, which picks one.

        Two figures of one release and occupation that count different SOC
        codes differ in the definition alone. (Figures that differ in nothing
        at all cannot be read: the loader refuses them.)
        """
        path = data_copy / "statistics.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        (median,) = (
            r
            for r in document["statistics"]
            if (r["source"], r["measure"], r.get("percentile"), r.get("industry"))
            == ("ooh-2006-07", "annual_wage", 50, None)
        )
        document["statistics"].append({**median, "definition": "29-2072", "value": "25600"})
        path.write_text(json.dumps(document), encoding="utf-8")
        data = ("--data", str(data_copy), "compare", "--measure", "annual_wage")
        both = (*data, "--percentile", "50", "--from-edition", "2006-07")
        err = assert_one_line_error(run(capsys, *both))
        assert err.endswith(
            "the 'from' statistic: 2 statistics match, differing in definition "
            "(definition: 29-2071, 29-2072); add --from-definition\n"
        )
        later = ("--occupation", "29-2072", "--to-period", "2025-05")
        for definition, value in [("29-2071", "$25,590"), ("29-2072", "$25,600")]:
            status, out, _ = run(capsys, *both, "--from-definition", definition, *later)
            assert status == 0
            (line,) = [line for line in out.splitlines() if line.startswith("from ")]
            assert line.split() == ["from", "2004", "ooh-2006-07", value]
        err = assert_one_line_error(run(capsys, *both, "--from-definition", "29-9999", *later))
        assert "no definition matches '29-9999'" in err

    def test_employment_asks_for_coverage(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Jobs counted two ways: the message asks which count, never joins them."""
        err = assert_one_line_error(
            run(
                capsys,
                "compare",
                "--occupation",
                "medical coder",
                "--measure",
                "employment",
                "--from-period",
                "2019",
                "--to-period",
                "2025-05",
            )
        )
        assert err.endswith(
            "the 'from' statistic: 2 statistics match, all with coverage set; "
            "add --coverage (one of: all_jobs, wage_and_salary)\n"
        )

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
                "--coverage",
                "all_jobs",
                "--from-period",
                "2004",
                "--to-period",
                "2010",
                "--real",
            )
        )
        assert "--real adjusts dollar figures only; these are in jobs" in err


CODER = "medical coder"
CONVERTER = make_converter()
CODER_ID = "medical-records-and-health-information-technicians"


def joined(text: str) -> str:
    """Return *text* with its wrapped lines joined: one space between words."""
    return " ".join(text.split())


def field(facts: mc.QuickFacts, name: str) -> Any:
    item = getattr(facts, name)
    assert item is not None, name
    return item


class TestShowQuickFacts:
    """`show` of an occupation prints its quick facts, each with its period and source."""

    def test_national(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """Pay, jobs, outlook, education and credentials are the API's, cited."""
        status, out, _ = run(capsys, "show", CODER)
        assert status == 0
        assert_fits(out)
        facts = cat.quick_facts(CODER)
        annual = field(facts, "median_annual_pay")
        hourly = field(facts, "median_hourly_pay")
        jobs = field(facts, "employment")
        change = field(facts, "projected_change_percent")
        text = joined(out)
        assert (
            f"median pay: ${annual.value:,} a year ({annual.period}, source {annual.source})"
            in text
        )
        assert (
            f"median pay: ${hourly.value} an hour ({hourly.period}, source {hourly.source})" in text
        )
        assert (
            f"jobs: {jobs.value:,} wage and salary jobs ({jobs.period}, source {jobs.source})"
            in text
        )
        assert facts.outlook is None  # Employment Projections states no descriptor
        assert f"projected change: {change.value}% ({change.period}, source ep-2024-34)" in text
        base = field(facts, "projection_base")
        assert f"projected from: {base.value:,} all jobs, self-employed included (2024," in text
        projected = field(facts, "projected_change")
        assert f"projected jobs: {projected.value:,} ({projected.period}" in text
        openings = field(facts, "annual_openings")
        assert f"openings: {openings.value:,} a year ({openings.period}" in text
        for label, name in [
            ("entry-level education", "entry_level_education"),
            ("work experience", "work_experience"),
            ("on-the-job training", "on_the_job_training"),
        ]:
            fact = field(facts, name)
            assert f"{label}: {fact.text} (" in text
            assert f"source {fact.source})" in text
        credentials = ", ".join(c.abbreviation for c in facts.credentials)
        assert f"credentials: {credentials}" in text
        assert "quick facts: the nation" in out
        assert "national" not in text.split("quick facts")[1]

    def test_keeps_the_record(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Title, SOC codes, alternate titles, specialties and related come first."""
        status, out, _ = run(capsys, "show", CODER)
        assert status == 0
        lines = out.splitlines()
        assert lines[0] == f"occupation {CODER_ID}"
        for text in ["title: Medical Records", "soc: 2018 SOC 29-2072", "also: Medical coder"]:
            assert any(line.startswith(f"  {text}") for line in lines), text
        assert "  specialty: Cancer registrar" in lines
        assert "  related: Medical Transcriptionists" in lines
        assert lines.index("quick facts: the nation") > lines.index("  specialty: Coder")

    def test_no_full_statistics_query(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`show` asks for single measures only, never every statistic of the occupation."""
        calls: list[dict[str, object]] = []
        original = _query.Query.stats

        def recording(self: _query.Query, **filters: Any) -> tuple[mc.Statistic, ...]:
            calls.append(filters)
            return original(self, **filters)

        monkeypatch.setattr(_query.Query, "stats", recording)
        status, out, _ = run(capsys, "show", CODER)
        assert status == 0
        assert "statistics:" not in out
        assert calls
        assert all("measure" in call for call in calls)

    def test_area(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """--area gives that area's pay and jobs; projections are marked national."""
        status, out, _ = run(capsys, "show", CODER, "--area", "California")
        assert status == 0
        assert_fits(out)
        facts = cat.quick_facts(CODER, area="CA")
        annual = field(facts, "median_annual_pay")
        jobs = field(facts, "employment")
        text = joined(out)
        assert "quick facts: California (state, area 0600000)" in out
        assert f"median pay: ${annual.value:,} a year ({annual.period}" in text
        assert f"jobs: {jobs.value:,} wage and salary jobs ({jobs.period}" in text
        assert "(2024/2034, source ep-2024-34, national)" in text
        assert "note: projections and education are national" in text

    def test_area_no_estimate(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """An area the release has no cell for says so rather than showing another area's."""
        argv = ("health-information-technologists-and-medical-registrars", "--area", "0010180")
        assert cat.quick_facts(argv[0], area=argv[2]).employment is None
        status, out, _ = run(capsys, "show", *argv)
        assert status == 0
        text = joined(out)
        reason = "no estimate: the release has none for this area (2025-05, source oews-2025-05)"
        assert f"median pay: yearly: {reason}" in text
        assert f"median pay: hourly: {reason}" in text
        assert f"jobs: {reason}" in text

    def test_area_withheld(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """A figure BLS withheld says so in the footnote's words; the published ones still show."""
        facts = cat.quick_facts("43-3021", area="0029180")
        assert facts.median_annual_pay is None
        jobs = field(facts, "employment")
        status, out, _ = run(capsys, "show", "43-3021", "--area", "0029180")
        assert status == 0
        text = joined(out)
        withheld = "withheld by BLS: Estimate not released. (2025-05, source oews-2025-05)"
        assert f"median pay: yearly: {withheld}" in text
        assert f"jobs: {jobs.value:,} wage and salary jobs (2025-05" in text

    def test_job_zone_and_tasks(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """`show` gives the job zone and the first five tasks, core first, then a pointer."""
        status, out, _ = run(capsys, "show", "43-3021")
        assert status == 0
        occupation = cat.occupation("43-3021")
        text = joined(out)
        assert f"job zone: {occupation.job_zone} of 5 (O*NET)" in text
        core = [t for t in occupation.tasks if t.kind is mc.TaskKind.CORE]
        shown = [line for line in out.splitlines() if line.startswith("  task (")]
        assert len(shown) == 5
        assert all(line.startswith("  task (core): ") for line in shown)
        assert f"task (core): {core[0].text}" in text
        assert f"more: {len(occupation.tasks)} tasks and {len(occupation.technology)}" in text
        assert "medcoder-careers tasks billing-cost-and-rate-clerks" in text

    @pytest.mark.parametrize("key", ["RHIT", "ahima", "2010-11", "622110", "CA"])
    def test_area_other_kinds(self, capsys: pytest.CaptureFixture[str], key: str) -> None:
        """--area applies to occupations only: any other record is one line of error."""
        err = assert_one_line_error(run(capsys, "show", key, "--area", "CA"))
        assert "only an occupation" in err

    @pytest.mark.parametrize("area", ["Atlantis", "", "Springfield"])
    def test_area_unknown(self, capsys: pytest.CaptureFixture[str], area: str) -> None:
        """An area naming nothing (or several) is one line of error."""
        assert_one_line_error(run(capsys, "show", CODER, "--area", area))

    def test_json(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """--format json gives the occupation in full and its quick facts, each cited."""
        status, out, _ = run(capsys, "show", CODER, "--format", "json", "--area", "CA")
        assert status == 0
        document = json.loads(out)
        facts = cat.quick_facts(CODER, area="CA")
        assert document["kind"] == "occupation"
        assert document["record"]["id"] == CODER_ID
        assert document["record"]["soc"][-1]["code"] == "29-2072"
        quick = document["quick_facts"]
        assert quick["area"]["id"] == "0600000"
        annual = field(facts, "median_annual_pay")
        assert Decimal(quick["median_annual_pay"]["value"]) == annual.value
        assert quick["median_annual_pay"]["citation"]["locator"] == annual.citation.locator
        assert quick["projected_change_percent"]["area"] == "0000000"
        assert quick["entry_level_education"]["text"] == field(facts, "entry_level_education").text
        assert quick["outlook"] == facts.outlook
        assert quick["credentials"] == [c.abbreviation for c in facts.credentials]

    @pytest.mark.parametrize("occupation", sorted(mc.catalog().occupations))
    @pytest.mark.parametrize("area", ["US", "CA"])
    def test_json_carries_every_item(
        self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog, occupation: str, area: str
    ) -> None:
        """Every `QuickFacts` field but the occupation (the record) and every property is there."""
        status, out, _ = run(capsys, "show", occupation, "--format", "json", "--area", area)
        assert status == 0
        quick = json.loads(out)["quick_facts"]
        facts = cat.quick_facts(occupation, area=area)
        fields = [f.name for f in attrs.fields(mc.QuickFacts) if f.name != "occupation"]
        properties = sorted(
            name
            for name, member in vars(mc.QuickFacts).items()
            if isinstance(member, property) and not name.startswith("_")
        )
        assert properties == [
            "current_definition",
            "employment_coverage",
            "outlook",
            "projection_base_coverage",
        ]
        assert sorted(quick) == sorted([*fields, *properties])
        for name in fields:
            item = getattr(facts, name)
            if name == "credentials":
                assert quick[name] == [c.abbreviation for c in item]
            elif item is None:
                assert quick[name] is None, name
            else:
                assert CONVERTER.structure(quick[name], type(item)) == item, name
        for name in properties:
            assert quick[name] == getattr(facts, name), name

    def test_missing_facts(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """A quick fact the data lacks is said in the table and null in JSON."""
        for name in ("statistics", "facts"):  # a copy without the projections' records
            path = data_copy / f"{name}.json"
            document = json.loads(path.read_text(encoding="utf-8"))
            document[name] = [r for r in document[name] if r["source"] != "ep-2024-34"]
            path.write_text(json.dumps(document), encoding="utf-8")
        key = "medical secretaries"
        facts = mc.load(data_copy).quick_facts(key)
        assert facts.projected_change is None
        assert facts.projection_base is None
        assert facts.entry_level_education is None
        status, out, _ = run(capsys, "--data", str(data_copy), "show", key)
        assert status == 0
        assert "  projected jobs: not in the data" in out.splitlines()
        assert "  projected from: not in the data" in out.splitlines()
        assert "  entry-level education: not in the data" in out.splitlines()
        status, out, _ = run(capsys, "--data", str(data_copy), "show", key, "--format", "json")
        quick = json.loads(out)["quick_facts"]
        assert quick["projected_change"] is None
        assert quick["projection_base"] is None
        assert quick["entry_level_education"] is None
        assert quick["credentials"] == []

    def test_json_outlook(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """The projection's words for the change ("outlook") are in the JSON when stated."""
        path = data_copy / "statistics.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        for record in document["statistics"]:
            if (
                record["source"] == "ep-2024-34"
                and record["measure"] == "projected_change_percent"
                and record["occupation"] == CODER_ID
            ):
                record["descriptor"] = "Faster than average"
        path.write_text(json.dumps(document), encoding="utf-8")
        status, out, err = run(capsys, "--data", str(data_copy), "show", CODER, "--format", "json")
        assert status == 0, err
        assert json.loads(out)["quick_facts"]["outlook"] == "Faster than average"

    @pytest.mark.parametrize(
        ("key", "kind", "record_id"),
        [
            ("RHIT", "credential", "rhit"),
            ("ahima", "organization", "ahima"),
            ("2010-11", "source", "ooh-2010-11"),
            ("622110", "industry", "6221"),
            ("CA", "area", "0600000"),
            ("akron oh", "area", "0010420"),
        ],
    )
    def test_json_other_kinds(
        self, capsys: pytest.CaptureFixture[str], key: str, kind: str, record_id: str
    ) -> None:
        """Any other record is its kind and its full record, with no quick facts."""
        status, out, _ = run(capsys, "show", key, "--format", "json")
        assert status == 0
        document = json.loads(out)
        assert document["kind"] == kind
        assert document["record"]["id"] == record_id
        assert "citations" in document["record"]
        assert "quick_facts" not in document


class TestShowRecords:
    """`show` of an organization, credential or area prints what a user asks of it."""

    def test_organization_credentials(
        self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog
    ) -> None:
        """An organization lists the credentials it issues with their requirement counts."""
        status, out, _ = run(capsys, "show", "AHIMA")
        assert status == 0
        assert_fits(out)
        issued = cat.credentials_by("ahima")
        assert issued
        lines = [line for line in out.splitlines() if line.startswith("  issues: ")]
        assert len(lines) == len(issued)
        for credential, line in zip(issued, lines, strict=True):
            count = len(credential.requirements)
            assert line.startswith(f"  issues: {credential.abbreviation} {credential.name}")
            assert line.endswith(f"({count} requirement{'s' * (count != 1)})")

    def test_organization_without_credentials(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An organization issuing nothing lists no credentials."""
        status, out, _ = run(capsys, "show", "cahiim")
        assert status == 0
        assert "issues:" not in out

    def test_credential(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """A credential lists its issuer and every requirement's kind and text."""
        status, out, _ = run(capsys, "show", "rhit")
        assert status == 0
        assert_fits(out)
        credential = cat.credential("rhit")
        text = joined(out)
        issuer = cat.organizations[credential.issuer]
        assert f"issuer: {issuer.name} ({issuer.abbreviation})" in text
        for requirement in credential.requirements:
            assert f"requires ({requirement.kind}): {joined(requirement.text)}" in text
        assert f"for: {cat.occupations[CODER_ID].title}" in text

    def test_credential_options(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """A credential lists its options; one with no requirements in the data says so.

        Since 2027.1 every packaged credential has requirements: a copy strips CTR's.
        """
        status, out, _ = run(capsys, "show", "cpc")
        assert status == 0
        assert "  options: hospital outpatient, payer" in out
        assert "CPC-A" in out  # the apprenticeship requirement
        status, out, _ = run(capsys, "show", "ctr")
        assert status == 0
        assert "no requirements in the data" not in out
        path = data_copy / "credentials.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        (ctr,) = (c for c in document["credentials"] if c["id"] == "ctr")
        del ctr["requirements"]
        path.write_text(json.dumps(document), encoding="utf-8")
        status, out, err = run(capsys, "--data", str(data_copy), "show", "ctr")
        assert status == 0, err
        assert "  requires: no requirements in the data" in out

    def test_continuing_education(
        self, capsys: pytest.CaptureFixture[str], data_copy: Path
    ) -> None:
        """A continuing-education requirement is listed like any other."""
        path = data_copy / "credentials.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        (cpc,) = (c for c in document["credentials"] if c["id"] == "cpc")
        quote = cpc["citations"][0]
        cpc["requirements"] = [
            {
                "kind": "continuing_education",
                "text": "Earn 36 CEUs every two years.",
                "citation": quote,
            }
        ]
        path.write_text(json.dumps(document), encoding="utf-8")
        status, out, err = run(capsys, "--data", str(data_copy), "show", "cpc")
        assert status == 0, err
        assert "  requires (continuing_education): Earn 36 CEUs every two years." in out

    def test_ambiguous_area(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """A name of several areas is one line naming each, to pick by id."""
        err = assert_one_line_error(run(capsys, "show", "Springfield"))
        springfields = [a.id for a in cat.areas.values() if a.name.startswith("Springfield")]
        assert f"matches {len(springfields)} catalog records: " in err
        assert all(f"area {area}" in err for area in springfields)

    @pytest.mark.parametrize(
        ("key", "lines"),
        [
            ("CA", ["area 0600000", "  name: California", "  kind: state", "  states: CA"]),
            ("06", ["area 0600000", "  fips: 06"]),
            (
                "10420",
                ["area 0010420", "  name: Akron, OH", "  kind: metropolitan", "  cbsa: 10420"],
            ),
            ("US", ["area 0000000", "  kind: national"]),
        ],
    )
    def test_area(self, capsys: pytest.CaptureFixture[str], key: str, lines: list[str]) -> None:
        """An area shows its name, kind, states and FIPS or CBSA code."""
        status, out, _ = run(capsys, "show", key)
        assert status == 0
        assert_fits(out)
        assert out.splitlines()[0] == lines[0]
        for line in lines[1:]:
            assert line in out.splitlines()


class TestFacts:
    """`facts` lists the facts `find_facts` returns, as a table, JSON or CSV."""

    @pytest.mark.parametrize(
        ("options", "filters"),
        [
            ((), {}),
            (("--occupation", CODER), {"occupation": CODER}),
            (("--topic", "entry_level_education"), {"topic": "entry_level_education"}),
            (("--source", "ooh-latest"), {"source": "ooh-latest"}),
            (("--edition", "2010-11"), {"edition": "2010-11"}),
        ],
    )
    def test_formats_match_api(
        self,
        capsys: pytest.CaptureFixture[str],
        cat: mc.Catalog,
        options: tuple[str, ...],
        filters: dict[str, str],
    ) -> None:
        """Each filter selects the API's facts, in every format."""
        expected = cat.find_facts(**filters)
        assert expected
        status, out, _ = run(capsys, "facts", *options)
        assert status == 0
        assert_fits(out)
        assert (
            out.splitlines()[-1]
            == f"{len(expected)} fact{'s' * (len(expected) != 1)} (data {cat.data_version})"
        )
        for fact in expected:
            assert fact.text.split()[0] in out
        status, out, _ = run(capsys, "facts", *options, "--format", "json")
        assert status == 0
        document = json.loads(out)
        assert [(d["source"], d["topic"], d["text"]) for d in document] == [
            (f.source, f.topic.value, f.text) for f in expected
        ]
        assert all("citation" in d for d in document)
        status, out, _ = run(capsys, "facts", *options, "--format", "csv")
        assert status == 0
        parsed = rows(out)
        assert [r["text"] for r in parsed] == [f.text for f in expected]
        assert {"period", "source", "occupation", "topic", "citation_quote"} <= set(parsed[0])

    def test_table_rows(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """Each fact is a row (period, source, topic, occupation) and its text below."""
        status, out, _ = run(
            capsys, "facts", "--topic", "entry_level_education", "--edition", "2010-11"
        )
        assert status == 0
        (fact,) = cat.find_facts(topic="entry_level_education", edition="2010-11")
        lines = out.splitlines()
        assert lines[0].split() == ["PERIOD", "SOURCE", "TOPIC", "OCCUPATION"]
        assert lines[2].split()[:3] == [
            str(fact.period or "-"),
            fact.source,
            "entry_level_education",
        ]
        assert lines[3] == f"    {fact.text}"

    def test_none(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No fact matching is said, and is an empty JSON list and a header-only CSV."""
        argv = ("facts", "--occupation", "medical secretaries", "--topic", "certification")
        assert run(capsys, *argv) == (0, "no facts match\n", "")
        assert json.loads(run(capsys, *argv, "--format", "json")[1]) == []
        assert len(run(capsys, *argv, "--format", "csv")[1].splitlines()) == 1

    @pytest.mark.parametrize(
        "argv",
        [
            ["--topic", "zz"],
            ["--occupation", "medcal codr"],
            ["--source", "nope"],
            ["--edition", "1999-00"],
            ["--format", "xml"],
        ],
    )
    def test_bad_input(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """A filter naming nothing is one line of error, exit 2."""
        assert_one_line_error(run(capsys, "facts", *argv))


class TestInflate:
    """`inflate AMOUNT FROM TO` restates dollars with the CPI-U averages it used."""

    def test_table(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """The line gives both amounts, then the CPI-U values and their source."""
        status, out, _ = run(capsys, "inflate", "100", "2004", "2018")
        assert status == 0
        first, second = cat.cpi_u[2004], cat.cpi_u[2018]
        value = mc.inflate(100, 2004, 2018)
        assert out.splitlines() == [
            f"$100.00 in 2004 dollars = ${value:,.2f} in 2018 dollars",
            (
                f"CPI-U annual average 2004: {first.value}, 2018: {second.value} "
                f"(source {first.citation.source})"
            ),
        ]

    def test_json(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """JSON gives the exact result, the years and the CPI-U rows; TO defaults to the latest."""
        status, out, _ = run(capsys, "inflate", "15.55", "2010-05", "--format", "json")
        assert status == 0
        document = json.loads(out)
        latest = max(cat.cpi_u)
        assert document["from"] == 2010
        assert document["to"] == latest
        assert document["amount"] == "15.55"
        assert Decimal(document["value"]) == mc.inflate("15.55", "2010-05")
        assert document["cpi"] == [
            {"year": year, "value": str(cat.cpi_u[year].value), "source": "cpi-u"}
            for year in (2010, latest)
        ]

    def test_uses_the_data_read(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """With --data, the CPI-U averages are that directory's: a year only it has works."""
        path = data_copy / "cpi_u.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        quote = "CPI-U annual average 2003: 184.0"
        document["cpi_u"].insert(
            0, {"year": 2003, "value": "184.0", "citation": {"source": "cpi-u", "quote": quote}}
        )
        path.write_text(json.dumps(document), encoding="utf-8")
        argv = ("--data", str(data_copy), "inflate", "100", "2003", "2004")
        status, out, _ = run(capsys, *argv, "--format", "json")
        assert status == 0
        assert json.loads(out) == {
            "amount": "100",
            "from": 2003,
            "to": 2004,
            "value": str(mc.inflate(100, 2003, 2004, catalog=mc.load(data_copy))),
            "cpi": [
                {"year": 2003, "value": "184.0", "source": "cpi-u"},
                {"year": 2004, "value": "188.9", "source": "cpi-u"},
            ],
        }
        assert run(capsys, *argv)[1].startswith("$100.00 in 2003 dollars = $102.66 in 2004")

    def test_same_year(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An amount restated in its own year is unchanged."""
        status, out, _ = run(capsys, "inflate", "30610", "2008-05", "2008")
        assert status == 0
        assert out.startswith("$30,610.00 in 2008 dollars = $30,610.00 in 2008 dollars")

    def test_negative_and_huge(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A negative amount keeps its sign; the largest prints in full, a larger is refused."""
        status, out, _ = run(capsys, "inflate", "--", "-5", "2004", "2004")
        assert status == 0
        assert out.startswith("-$5.00 in 2004 dollars = -$5.00")
        status, out, _ = run(capsys, "inflate", "9.99e27", "2004", "2004")
        assert status == 0
        assert out.startswith("$9,990,000,000,000,000,000,000,000,000.00 in 2004")
        err = assert_one_line_error(run(capsys, "inflate", "1e30", "2004", "2004"))
        assert "amount must be less than 1E+28" in err

    @pytest.mark.parametrize(
        "argv",
        [
            ["abc", "2004"],
            ["nan", "2004"],
            ["100", "1990"],
            ["100", "2004", "2199"],
            ["100", "2004/2008"],
            ["100", "next year"],
            ["100"],
            ["100", "2004", "2005", "2006"],
        ],
    )
    def test_bad_input(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """A bad amount, a year without CPI-U, an interval: one line of error, exit 2."""
        assert_one_line_error(run(capsys, "inflate", *argv))


class TestAreas:
    """`areas` lists the areas, by kind and by state."""

    def test_all(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """Every area is a row: id, kind, name, states; the table fits 80 columns."""
        status, out, _ = run(capsys, "areas")
        assert status == 0
        assert_fits(out)
        lines = out.splitlines()
        assert lines[0].split() == ["ID", "KIND", "NAME", "STATES"]
        assert lines[-1] == f"{len(cat.areas)} areas (data {cat.data_version})"
        assert lines[2].split() == ["0000000", "national", "National", "-"]

    @pytest.mark.parametrize("kind", list(mc.AreaKind))
    def test_kind(
        self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog, kind: mc.AreaKind
    ) -> None:
        """--kind keeps the areas of that kind."""
        status, out, _ = run(capsys, "areas", "--kind", kind.value, "--format", "json")
        assert status == 0
        expected = [a.id for a in cat.areas.values() if a.kind is kind]
        assert [a["id"] for a in json.loads(out)] == expected

    @pytest.mark.parametrize("state", ["CA", "california", "06"])
    def test_state(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog, state: str) -> None:
        """--state keeps the state and the areas in it, however it is named."""
        status, out, _ = run(capsys, "areas", "--state", state, "--format", "csv")
        assert status == 0
        parsed = rows(out)
        assert list(parsed[0]) == ["id", "kind", "name", "states", "fips", "cbsa"]
        expected = [a.id for a in cat.areas.values() if "CA" in a.states]
        assert [r["id"] for r in parsed] == expected
        assert {"0600000", "0031080"} <= {r["id"] for r in parsed}
        california = next(r for r in parsed if r["id"] == "0600000")
        assert (california["kind"], california["fips"], california["cbsa"]) == ("state", "06", "")

    def test_kind_and_state(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--kind and --state combine; an empty result is said."""
        status, out, _ = run(capsys, "areas", "--state", "CA", "--kind", "state")
        assert status == 0
        assert out.splitlines()[2].split() == ["0600000", "state", "California", "CA"]
        assert run(capsys, "areas", "--state", "CA", "--kind", "national") == (
            0,
            "no areas match\n",
            "",
        )

    def test_csv_states_spaced(self, capsys: pytest.CaptureFixture[str]) -> None:
        """In CSV, an area of several states lists them in one cell, separated by spaces."""
        status, out, _ = run(capsys, "areas", "--kind", "metropolitan", "--format", "csv")
        assert status == 0
        allentown = next(row for row in rows(out) if row["id"] == "0010900")
        assert allentown["states"] == "PA NJ"

    def test_json_fields(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON gives each area's states as a list, and its FIPS and CBSA codes."""
        status, out, _ = run(capsys, "areas", "--kind", "metropolitan", "--format", "json")
        assert status == 0
        akron = next(a for a in json.loads(out) if a["id"] == "0010420")
        assert akron == {
            "id": "0010420",
            "kind": "metropolitan",
            "name": "Akron, OH",
            "states": ["OH"],
            "fips": None,
            "cbsa": "10420",
        }

    @pytest.mark.parametrize(
        "argv",
        [["--state", "akron oh"], ["--state", "Atlantis"], ["--state", "US"], ["--kind", "city"]],
    )
    def test_bad_input(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """A --state that is no state, a --kind that is no kind: one line of error."""
        assert_one_line_error(run(capsys, "areas", *argv))


class TestSeriesReal:
    """`series --real` adds each figure in constant dollars of the latest period."""

    def test_table(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """A column gives each figure in dollars of the latest year; the last is unchanged."""
        status, out, _ = run(capsys, *WAGES, "--real")
        assert status == 0
        assert_fits(out)
        series = cat.series(CODER, "annual_wage")
        latest = series.latest().period
        lines = out.splitlines()
        assert lines[1].split()[:4] == ["PERIOD", "VALUE", "IN", f"{latest.start_year}"]
        body = [line.split() for line in lines[3:] if not line.startswith("!")][: len(series)]
        for point, cells in zip(series, body, strict=True):
            constant = mc.inflate(point.value, point.period, latest)
            assert cells[0] == str(point.period)
            assert f"${constant:,.0f}" in cells
        assert lines[-1].startswith(f"IN {latest.start_year} $: adjusted by CPI-U")

    def test_hourly_cents(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """Hourly figures keep their cents."""
        status, out, _ = run(capsys, "series", CODER, "hourly_wage", "--real")
        assert status == 0
        series = cat.series(CODER, "hourly_wage")
        first = next(iter(series))
        constant = mc.inflate(first.value, first.period, series.latest().period)
        assert f"${constant:,.2f}" in out

    def test_json_and_csv(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """JSON and CSV give the exact constant-dollar values and the price year."""
        series = cat.series(CODER, "annual_wage")
        latest = series.latest().period
        expected = [mc.inflate(p.value, p.period, latest) for p in series]
        status, out, _ = run(capsys, *WAGES, "--real", "--format", "json")
        assert status == 0
        document = json.loads(out)
        assert document["price_year"] == latest.start_year
        assert [Decimal(p["real_value"]) for p in document["points"]] == expected
        assert all(p["real_value_high"] is None for p in document["points"])
        status, out, _ = run(capsys, *WAGES, "--real", "--format", "csv")
        assert status == 0
        parsed = rows(out)
        assert [Decimal(r["real_value"]) for r in parsed] == expected
        assert {r["price_year"] for r in parsed} == {str(latest.start_year)}
        status, out, _ = run(capsys, *WAGES, "--format", "csv")
        assert "real_value" not in rows(out)[0]
        assert (
            "real_value" not in json.loads(run(capsys, *WAGES, "--format", "json")[1])["points"][0]
        )

    def test_ranges(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """A figure with a high end has both ends restated, in every format."""
        argv = ("series", CODER, "annual_salary", "--experience", "1 to 4 years", "--real")
        (point,) = cat.series(*argv[1:3], experience="1 to 4 years")
        assert point.statistic.value_high is not None
        status, out, err = run(capsys, *argv, "--format", "json")
        assert status == 0, err
        (document,) = json.loads(out)["points"]
        assert Decimal(document["real_value"]) == point.value
        assert Decimal(document["real_value_high"]) == point.statistic.value_high
        status, out, _ = run(capsys, *argv)
        assert status == 0
        (line,) = (line for line in out.splitlines() if line.startswith(str(point.period)))
        assert line.count(" to ") == 2
        status, out, _ = run(capsys, *argv, "--format", "csv")
        assert status == 0
        (row,) = rows(out)
        assert (row["real_value"], row["real_value_high"], row["price_year"]) == (
            str(point.value),
            str(point.statistic.value_high),
            str(point.period.start_year),
        )

    def test_empty(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A dollar series with no figures is empty in every format, with no price year."""
        argv = ("series", "billing-cost-and-rate-clerks", "annual_salary", "--real")
        status, out, _ = run(capsys, *argv)
        assert (status, out) == (0, "no salary figures for Billing and Posting Clerks\n")
        document = json.loads(run(capsys, *argv, "--format", "json")[1])
        assert (document["points"], document["price_year"]) == ([], None)
        assert len(run(capsys, *argv, "--format", "csv")[1].splitlines()) == 1

    @pytest.mark.parametrize(
        ("measure", "unit"),
        [
            ("employment", "jobs"),
            ("projected_change_percent", "percent"),
            ("location_quotient", "ratio"),
        ],
    )
    def test_not_dollars(self, capsys: pytest.CaptureFixture[str], measure: str, unit: str) -> None:
        """A measure not in dollars is refused with one line naming its unit, exit 2."""
        err = assert_one_line_error(run(capsys, "series", CODER, measure, "--real"))
        assert err.endswith(f": --real adjusts dollar figures only; {measure} is in {unit}\n")

    def test_no_cpi(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """A period without a CPI-U average is one line of error."""
        path = data_copy / "cpi_u.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        document["cpi_u"] = [r for r in document["cpi_u"] if r["year"] != 2004]
        path.write_text(json.dumps(document), encoding="utf-8")
        result = run(capsys, "--data", str(data_copy), *WAGES, "--real")
        err = assert_one_line_error(result)
        assert "2004" in err


LISTINGS = ("stats", "facts", "search", "series", "areas")


class TestFormats:
    """Every listing command takes --format table|json|csv; every command has an example."""

    @pytest.mark.parametrize("name", LISTINGS)
    def test_listing_formats(self, name: str) -> None:
        """The listing commands offer table, JSON and CSV, table first."""
        parser = argparse.ArgumentParser()
        _COMMANDS[name].arguments(parser)
        (option,) = (a for a in parser._actions if "--format" in a.option_strings)
        assert tuple(option.choices or ()) == ("table", "json", "csv")
        assert option.default == "table"

    @pytest.mark.parametrize("name", ["facts", "inflate", "areas", "series", "show"])
    def test_help_example(self, capsys: pytest.CaptureFixture[str], name: str) -> None:
        """The new commands and flags appear in --help with an example of this command."""
        status, out, _ = run(capsys, name, "--help")
        assert status == 0
        assert f"example:\n  medcoder-careers {name} " in out
        assert_fits(out)

    def test_program_help_lists_commands(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The program's --help names every new command."""
        status, out, _ = run(capsys, "--help")
        assert status == 0
        for name in ("facts", "inflate", "areas"):
            assert f"    {name} " in out


class TestTasks:
    """`tasks` prints what the job is: O*NET's tasks and technology, nothing cut short."""

    def test_table(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """Every task with its id and rating, every technology example under its kind."""
        occupation = cat.occupation(CODER)
        status, out, _ = run(capsys, "tasks", CODER)
        assert status == 0
        assert_fits(out)
        lines = out.splitlines()
        assert lines[:2] == [f"tasks: {occupation.title}", "job zone: 3 of 5 (O*NET)"]
        text = joined(out)
        for task in occupation.tasks:
            assert f"{task.id} (unrated) {task.text}" in text
        for tech in occupation.technology:
            assert tech.example in text
            assert f"{tech.commodity_title}:" in text
        assert "Microsoft Outlook (HD)" in text
        assert "SAS (H)" in text
        assert text.endswith(
            "17 tasks, 111 technology examples; H: hot technology, D: in demand "
            "(source onet-29.3: O*NET 29.3 by USDOL/ETA, CC BY 4.0)"
        )

    def test_core_first(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Core tasks come before supplemental ones."""
        status, out, _ = run(capsys, "tasks", "43-3021")
        assert status == 0
        kinds = [
            line.split()[1] for line in out.splitlines() if line.startswith("  ") and "(" in line
        ]
        rated = [k for k in kinds if k in ("(core)", "(supplemental)")]
        assert rated == sorted(rated)  # "(core)" sorts before "(supplemental)"
        assert "(supplemental)" in rated

    def test_json(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """JSON has every task (with its citation) and every technology example."""
        occupation = cat.occupation(CODER)
        status, out, _ = run(capsys, "tasks", CODER, "--format", "json")
        assert status == 0
        document = json.loads(out)
        assert document["occupation"] == occupation.id
        assert document["title"] == occupation.title
        assert document["job_zone"] == 3
        assert [t["id"] for t in document["tasks"]] == [t.id for t in occupation.tasks]
        assert {t["rated"] for t in document["tasks"]} == {"unrated"}
        assert document["tasks"][0]["citation"]["locator"] == occupation.tasks[0].citation.locator
        assert len(document["technology"]) == len(occupation.technology)

    @pytest.mark.parametrize("key", ["astronaut", "RHIT"])
    def test_not_an_occupation(self, capsys: pytest.CaptureFixture[str], key: str) -> None:
        """A key that names no occupation is one line of error."""
        assert_one_line_error(run(capsys, "tasks", key))


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
            ["inflate", "1e9999999", "2004"],
            ["inflate", "1e999999", "2004"],
            ["inflate", "1e-999999", "2004", "--format", "json"],
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

    def test_blob_in_a_table_cell(
        self, capsys: pytest.CaptureFixture[str], data_copy: Path
    ) -> None:
        """A BLOB in a table cell that `stats` reads is one line naming the cell, no traceback."""
        connection = sqlite3.connect(data_copy / "oews.sqlite")
        with connection:
            connection.execute(
                "UPDATE cell SET v13 = x'ff00' WHERE key = 'OEUS0600000000000292072'"
            )
        connection.close()
        manifest = json.loads((data_copy / "manifest.json").read_text(encoding="utf-8"))
        manifest["files"]["oews.sqlite"] = hashlib.sha256(
            (data_copy / "oews.sqlite").read_bytes()
        ).hexdigest()
        (data_copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        argv = ["--data", str(data_copy), "stats", "--occupation", "29-2072", "--area", "CA"]
        err = assert_one_line_error(run(capsys, *argv))
        assert "oews.sqlite: cell OEUS0600000000000292072.v13: b'\\xff\\x00' is not text" in err


class TestErrorLines:
    """The one line on stderr of a usage error or a library error, word for word."""

    def test_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """argparse's error names the command and points at its help."""
        err = assert_one_line_error(run(capsys, "stats", "--format", "xml"))
        assert err == (
            "medcoder-careers stats: error: argument --format: invalid choice: 'xml'"
            " (choose from 'table', 'json', 'csv') (see medcoder-careers stats --help)\n"
        )

    def test_usage_error_folds_lines(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Runs of spaces in a usage error fold into one, and a long word is clipped."""
        err = assert_one_line_error(run(capsys, "stats", "--format", "a   " + "z" * 200))
        clipped = "z" * 80 + "..."
        assert err == (
            f"medcoder-careers stats: error: argument --format: invalid choice: 'a {clipped}"
            " (choose from 'table', 'json', 'csv') (see medcoder-careers stats --help)\n"
        )

    def test_library_error_folds_lines(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Runs of spaces in a library message fold into one."""
        err = assert_one_line_error(run(capsys, "show", "qq   qq"))
        assert err == "medcoder-careers: error: no record matches 'qq qq'\n"

    def test_area_of_no_occupation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`show --area` of a record that is no occupation names the option, kind and id."""
        err = assert_one_line_error(run(capsys, "show", "rhit", "--area", "CA"))
        assert err == (
            "medcoder-careers: error: --area CA: only an occupation has figures by area;"
            " credential rhit\n"
        )

    def test_state_that_is_no_state(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`areas --state` of an area that is no state names it and its kind."""
        err = assert_one_line_error(run(capsys, "areas", "--state", "10420"))
        assert err == (
            "medcoder-careers: error: --state 10420: Akron, OH is a metropolitan area,"
            " not a state\n"
        )

    def test_data_error(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """Invalid data is counted, its first problem named, and `verify` suggested."""
        (data_copy / "cpi_u.json").unlink()
        (data_copy / "facts.json").unlink()
        err = assert_one_line_error(run(capsys, "--data", str(data_copy), "stats"))
        assert err == (
            "medcoder-careers: error: the data is not valid (2 problems; first: facts.json:"
            " cannot be read (No such file or directory)); run 'medcoder-careers verify' with"
            " the same --data for all\n"
        )

    def test_data_error_without_problems(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A data error that lists no problem still reads as one."""

        def broken() -> mc.Catalog:
            raise mc.DataError([])

        monkeypatch.setattr("medcoder_careers._cli.common.catalog", broken)
        err = assert_one_line_error(run(capsys, "stats"))
        assert err == (
            "medcoder-careers: error: the data is not valid (0 problems; first: unknown"
            " problem); run 'medcoder-careers verify' with the same --data for all\n"
        )


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
        assert out == f"wrote 17 files (json) to {out_dir} (data {mc.DATA_VERSION})\n"
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

    def test_exports_the_data_read(
        self, capsys: pytest.CaptureFixture[str], data_copy: Path, tmp_path: Path
    ) -> None:
        """With --data, the directory read is what is exported, not the packaged data."""
        path = data_copy / "manifest.json"
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["data_version"] = "2099.1"
        path.write_text(json.dumps(manifest), encoding="utf-8")
        out_dir = tmp_path / "export"
        status, out, err = run(capsys, "--data", str(data_copy), "export", "--output", str(out_dir))
        assert status == 0, err
        assert out == f"wrote 17 files (json) to {out_dir} (data 2099.1)\n"
        assert mc.load(out_dir).data_version == "2099.1"

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

    @pytest.mark.parametrize("force", [[], ["--force"]])
    def test_link_in_the_way(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, force: list[str]
    ) -> None:
        """A dangling link where a file goes fails in one line, --force or not; none is created."""
        output = tmp_path / "export"
        output.mkdir()
        try:
            (output / "facts.json").symlink_to(tmp_path / "outside.json")
        except OSError as exc:  # Windows without the privilege
            pytest.skip(f"no symbolic links here: {exc}")
        err = assert_one_line_error(run(capsys, "export", "--output", str(output), *force))
        assert "facts.json is not a regular file (a symbolic link)" in err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]


class TestVerify:
    """`verify` re-hashes the data and exits 1 when a file changed."""

    def test_intact(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """The packaged data is intact and is the recorded release."""
        status, out, _ = run(capsys, "verify")
        assert status == 0
        lines = out.splitlines()
        assert lines[0].startswith(f"data {mc.DATA_VERSION}: 16 files intact")
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

    def test_every_problem_on_its_line(
        self, capsys: pytest.CaptureFixture[str], data_copy: Path
    ) -> None:
        """An invalid copy lists each of its problems on a line of its own, indented."""
        (data_copy / "cpi_u.json").unlink()
        (data_copy / "facts.json").unlink()
        status, out, _ = run(capsys, "verify", "--data", str(data_copy))
        assert status == 1
        assert out.splitlines() == [
            f"{data_copy}: NOT valid (2 problems)",
            "  facts.json: cannot be read (No such file or directory)",
            "  cpi_u.json: cannot be read (No such file or directory)",
        ]

    def test_packaged_data_invalid(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without --data, a packaged catalog that fails validation is named as such."""

        def broken() -> mc.Catalog:
            raise mc.DataError([mc.Problem(file="facts.json", path="", message="cannot be read")])

        monkeypatch.setattr("medcoder_careers._cli.common.catalog", broken)
        status, out, _ = run(capsys, "verify")
        assert status == 1
        assert out.splitlines() == [
            "the packaged data: NOT valid (1 problem)",
            "  facts.json: cannot be read",
        ]

    def test_one_release_in_two_files(
        self, capsys: pytest.CaptureFixture[str], data_copy: Path
    ) -> None:
        """Two table files of one release, both listed, fail: no figure would count twice."""
        table = data_copy / "oews-2024-05.sqlite"
        (data_copy / "oews-2024-05-copy.sqlite").write_bytes(table.read_bytes())
        path = data_copy / "manifest.json"
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["files"]["oews-2024-05-copy.sqlite"] = manifest["files"][table.name]
        path.write_text(json.dumps(manifest), encoding="utf-8")
        status, out, _ = run(capsys, "verify", "--data", str(data_copy))
        assert status == 1
        assert out.splitlines() == [
            f"{data_copy}: NOT valid (1 problem)",
            (
                "  oews-2024-05.sqlite: meta: holds oews-2024-05 2024-05, "
                "as oews-2024-05-copy.sqlite does"
            ),
        ]

    def test_exported_copy(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An export is intact but not byte-identical to the recorded release."""
        mc.export(tmp_path)
        status, out, _ = run(capsys, "verify", "--data", str(tmp_path))
        assert status == 0
        assert out.splitlines()[-1] == (
            f"release {mc.DATA_VERSION}: differs from the recorded digest (modified or re-exported)"
        )

    def test_unrecorded_release(self, capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
        """A release this package does not know is reported as such."""
        path = data_copy / "manifest.json"
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["data_version"] = "2099.1"
        path.write_text(json.dumps(manifest), encoding="utf-8")
        status, out, _ = run(capsys, "verify", "--data", str(data_copy))
        assert status == 0
        assert out.splitlines()[-1] == (
            f"release 2099.1: no digest recorded in medcoder-careers {mc.__version__}"
        )
        assert "2099.1" not in RELEASES


_DATA_HELP = (
    "-h, --help show this help message and exit --data DIR read the data directory DIR"
    " (e.g. an export) instead of the packaged data"
)
RECORDS_HELP = {
    "show": (
        "positional arguments: key an id, SOC or NAICS code, title, name, abbreviation or area"
        f" options: {_DATA_HELP} --area AREA an occupation's pay and jobs in this area: a state"
        " (CA, California, 06), a CBSA code or metro name; default: the nation"
        " --format {table,json} default: table"
    ),
    "tasks": (
        "positional arguments: OCCUPATION id, SOC code, title or alternate title"
        f" options: {_DATA_HELP} --format {{table,json}} default: table"
    ),
    "search": (
        "positional arguments: TEXT what to look for; partial names and typos are fine"
        f" options: {_DATA_HELP} --kind KIND search one kind only: occupation, credential,"
        " organization, source, industry, area, topic --limit N the most results (default: 10)"
        " --format {table,json,csv} default: table"
    ),
    "facts": (
        f"options: {_DATA_HELP} --occupation OCCUPATION id, SOC code, title or alternate title"
        " --topic TOPIC one of: entry_level_education, typical_education, minimum_education,"
        " work_experience, on_the_job_training, training, certification, job_outlook,"
        " job_prospects, work_environment, work_schedule, advancement, skills"
        " --source SOURCE source id, e.g. ooh-latest --edition EDITION handbook edition,"
        " e.g. 2010-11 --format {table,json,csv} default: table"
    ),
    "areas": (
        f"options: {_DATA_HELP} --kind KIND only areas of this kind: national, state,"
        " metropolitan, nonmetropolitan --state STATE only areas in this state: postal code"
        " (CA), FIPS code (06) or name --format {table,json,csv} default: table"
    ),
}
"""The arguments and options of each records command, as its help lists them (spaces folded)."""

_AREA_HELP = "--area AREA US, a state (CA, California, 06), a CBSA code or metro name"
_QUALIFIERS_HELP = (
    "--percentile PERCENTILE 10, 25, 50 (or median), 75 or 90 --industry INDUSTRY NAICS code,"
    " OEWS industry code or title, e.g. 6221 --setting SETTING work setting, e.g. hospitals"
    " --experience EXPERIENCE experience band, e.g. '1 to 4 years' --accreditor ACCREDITOR"
    " organization accrediting the programs counted"
)
_COVERAGE_HELP = "--coverage COVERAGE jobs an employment figure counts: all_jobs or wage_and_salary"
_SIDES_HELP = (
    "handbook edition, e.g. 2006-07 --{0}-source SOURCE source id,"
    " e.g. article-medical-information-coder --{0}-period PERIOD reference period,"
    " e.g. 2004 or 2018-05 --{0}-definition DEFINITION SOC codes counted, e.g. 29-2072 or 29-2098"
)
FIGURES_HELP = {
    "stats": (
        f"options: {_DATA_HELP} --occupation OCCUPATION id, SOC code, title or alternate title"
        " --measure MEASURE a Measure, e.g. annual_wage --source SOURCE source id,"
        " e.g. ooh-2010-11 --edition EDITION handbook edition, e.g. 2010-11 --period PERIOD"
        f" reference period, e.g. 2008-05, 2004 or 2008/2018 {_AREA_HELP} {_QUALIFIERS_HELP}"
        " --definition DEFINITION SOC codes counted, e.g. 29-2072 or 29-2098"
        f" {_COVERAGE_HELP} --format {{table,json,csv}} default: table"
    ),
    "series": (
        "positional arguments: OCCUPATION id, SOC code, title or alternate title MEASURE"
        f" a Measure, e.g. annual_wage options: {_DATA_HELP} --real dollar figures in"
        " constant dollars of the latest period (CPI-U annual averages)"
        " --format {table,json,csv} default: table qualifiers (one not given: the figures"
        f" without it; wages: the median): {_AREA_HELP}; default: the nation {_QUALIFIERS_HELP}"
        f" {_COVERAGE_HELP} --definition DEFINITION only figures counting these SOC codes,"
        " e.g. 29-2071 or 29-2072+29-9021"
    ),
    "compare": (
        f"options: {_DATA_HELP} --real dollar figures in constant dollars of the later period"
        " (CPI-U annual averages) --format {table,json} default: table both statistics"
        " (a qualifier not given selects the figures without it): --occupation OCCUPATION"
        " id, SOC code, title or alternate title --measure MEASURE a Measure, e.g. annual_wage"
        f" {_AREA_HELP}; default: the nation {_QUALIFIERS_HELP} {_COVERAGE_HELP}"
        f" the 'from' statistic: --from-edition EDITION {_SIDES_HELP.format('from')}"
        f" the 'to' statistic: --to-edition EDITION {_SIDES_HELP.format('to')}"
    ),
    "inflate": (
        "positional arguments: AMOUNT dollars, e.g. 30610 or 15.55 FROM the year (or month)"
        " of AMOUNT, e.g. 2004 TO the year (or month) to express it in; default: the latest"
        f" CPI-U year options: {_DATA_HELP} --format {{table,json}} default: table"
    ),
}
"""The same for each figures command."""


class TestHelp:
    """`--help` works for the program and every command, with an example."""

    @pytest.mark.parametrize("command", [[], *([name] for name in _COMMANDS)])
    def test_help(self, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
        """Help exits 0 and shows an example."""
        status, out, _ = run(capsys, *command, "--help")
        assert status == 0
        assert "example:\n  medcoder-careers " in out

    @pytest.mark.parametrize("command", ["series", "compare"])
    def test_qualifier_help(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
    ) -> None:
        """Each qualifier option shows its name in capitals as its value and its help text."""
        monkeypatch.setenv("COLUMNS", "200")
        status, out, _ = run(capsys, command, "--help")
        assert status == 0
        joined = " ".join(out.split())
        for name, text in SLICE.items():
            assert f"--{name} {name.upper()} {text} " in joined
        assert "--area AREA US, a state (CA, California, 06), a CBSA code or metro name;" in joined

    @pytest.mark.parametrize(
        ("command", "choices"), [("stats", "table,json,csv"), ("show", "table,json")]
    )
    def test_format_help(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        command: str,
        choices: str,
    ) -> None:
        """``--format`` lists its choices and names the first as the default."""
        monkeypatch.setenv("COLUMNS", "200")
        status, out, _ = run(capsys, command, "--help")
        assert status == 0
        assert f"--format {{{choices}}} default: table " in " ".join(out.split())

    def test_export_help(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`export --help` names each option's value and default."""
        monkeypatch.setenv("COLUMNS", "200")
        status, out, _ = run(capsys, "export", "--help")
        assert status == 0
        lines = [" ".join(line.split()) for line in out.splitlines()]
        assert lines[0] == (
            "usage: medcoder-careers export [-h] [--data DIR] [--format {json,csv}]"
            " [--output DIR] [--force]"
        )
        assert "--format {json,csv} default: json" in lines
        assert (
            "--output DIR directory to write (default: ./medcoder-careers-DATA_VERSION-FORMAT)"
            in lines
        )
        assert "--force replace files that exist" in lines

    def test_program_help(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The program's help has its usage, description, each command's help and an example."""
        monkeypatch.setenv("COLUMNS", "200")
        status, out, _ = run(capsys, "--help")
        assert status == 0
        lines = [" ".join(line.split()) for line in out.splitlines()]
        assert lines[:3] == [
            "usage: medcoder-careers [-h] [--version] [--data DIR] COMMAND ...",
            "",
            "The medical-coding career as typed, cited data.",
        ]
        for name, command in _COMMANDS.items():
            assert f"{name} {command.help}" in lines
        assert (
            "--data DIR read the data directory DIR (e.g. an export) instead of the packaged data"
            in lines
        )
        assert lines[-3:] == [
            "example:",
            "medcoder-careers show 'medical coder'",
            "medcoder-careers stats --help",
        ]
        assert "\n  medcoder-careers show 'medical coder'\n  medcoder-careers stats --help\n" in out

    def test_command_help(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A command's help: its usage with --data, its description and its example as written."""
        monkeypatch.setenv("COLUMNS", "200")
        status, out, _ = run(capsys, "verify", "--help")
        assert status == 0
        lines = [" ".join(line.split()) for line in out.splitlines()]
        assert lines[:3] == [
            "usage: medcoder-careers verify [-h] [--data DIR]",
            "",
            "re-hash the data files against their manifest",
        ]
        assert (
            "--data DIR read the data directory DIR (e.g. an export) instead of the packaged data"
            in lines
        )
        assert out.endswith(
            "example:\n  medcoder-careers verify\n  medcoder-careers verify --data ./my-copy\n"
        )

    @pytest.mark.parametrize("command", sorted(RECORDS_HELP | FIGURES_HELP))
    def test_command_options_help(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
    ) -> None:
        """Each argument of a records or figures command shows its name, value and help."""
        monkeypatch.setenv("COLUMNS", "200")
        status, out, _ = run(capsys, command, "--help")
        assert status == 0
        start = out.find("positional arguments:")
        section = out[out.find("options:") if start == -1 else start : out.index("example:")]
        assert " ".join(section.split()) == (RECORDS_HELP | FIGURES_HELP)[command]

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

    def test_show_area_and_lists(self) -> None:
        """`show --area`, `areas`, `facts` and `inflate` print and exit 0; bad input exits 2."""
        result = python_m("show", CODER, "--area", "CA")
        assert result.returncode == 0, result.stderr
        assert "quick facts: California" in result.stdout
        result = python_m("areas", "--kind", "state", "--format", "csv")
        assert result.returncode == 0, result.stderr
        assert "0600000,state,California,CA,06," in result.stdout
        result = python_m("inflate", "100", "2004", "2018", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["to"] == 2018
        result = python_m("series", CODER, "employment", "--real")
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr


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


class TestSharedOutput:
    """What every command shares (`_cli.common`): lookup errors, JSON and CSV as written."""

    def test_ambiguous_message(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A key of several records names the key as given and every match, in one line."""
        err = assert_one_line_error(run(capsys, "show", "Springfield"))
        assert err == (
            "medcoder-careers: error: 'Springfield' matches 4 catalog records: area 0044100,"
            " area 0044140, area 0044180, area 0044220; use one of these ids\n"
        )

    def test_unknown_message(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown key names the key as given, "record", and at most five suggestions."""
        err = assert_one_line_error(run(capsys, "show", "2010"))
        assert err == (
            "medcoder-careers: error: no record matches '2010'; did you mean"
            " '2010-11', '21', '999201', '999200', '813200'?\n"
        )

    def test_unknown_without_suggestions(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A key close to nothing says so with no suggestion."""
        err = assert_one_line_error(run(capsys, "show", "xyz"))
        assert err == "medcoder-careers: error: no record matches 'xyz'\n"

    def test_data_not_a_directory(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--data`` naming no directory says which name, clipped when long, and why."""
        err = assert_one_line_error(run(capsys, "--data", "does-not-exist", "show", "rhit"))
        assert err == "medcoder-careers: error: --data does-not-exist: not a directory\n"
        err = assert_one_line_error(run(capsys, "--data", "d" * 300, "show", "rhit"))
        assert err == f"medcoder-careers: error: --data {'d' * 80}...: not a directory\n"

    def test_json_indented_and_unescaped(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON is indented two spaces and keeps non-ASCII text (``®``) as it is."""
        status, out, err = run(capsys, "show", "CCS", "--format", "json")
        assert status == 0, err
        assert "®" in out
        assert "\\u00ae" not in out
        assert out == json.dumps(json.loads(out), indent=2, ensure_ascii=False) + "\n"
        assert '\n  "kind": "credential",\n' in out

    def test_csv_line_breaks(self, capsys: pytest.CaptureFixture[str]) -> None:
        """CSV rows end with a bare line feed, not CR LF."""
        status, out, err = run(capsys, "search", "coder", "--limit", "2", "--format", "csv")
        assert status == 0, err
        assert "\r" not in out
        assert out.startswith("score,kind,id,name,title\n0.95,occupation,")
        assert out.count("\n") == 3


class TestSeriesRealRange:
    """`series --real` restates both ends of a range in constant dollars, in the table."""

    def test_range_row(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The constant-dollar cell of a range is its low end "to" its high end."""
        argv = ("series", CODER, "annual_salary", "--experience", "1 to 4 years", "--real")
        status, out, _ = run(capsys, *argv)
        assert status == 0
        assert out.splitlines()[1:4] == [
            "PERIOD   VALUE               IN 2009 $           SOURCE       DEFINITION  OTHERS",
            "-------  ------------------  ------------------  -----------  ----------  ------",
            "2009-08  $29,375 to $40,349  $29,375 to $40,349  blog-med...  -           0",
        ]
