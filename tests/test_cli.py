from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from importlib.metadata import entry_points
from pathlib import Path

import attrs
import pytest

import medcoder_careers as mc
from medcoder_careers._cli import _COMMANDS, main
from medcoder_careers._export import columns
from medcoder_careers._releases import RELEASES
from medcoder_careers._render import statistics_table

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
        assert lines[0].split() == ["PERIOD", "SOURCE", "MEASURE", "QUALIFIER", "VALUE"]
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
        """A figure the source bounds keeps its words ("less than")."""
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
        assert "less than $20,440" in out

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
        assert {r["percentile"] for r in parsed} == {"50"}

    def test_empty_json_and_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No match gives an empty JSON list, and a CSV of the header alone."""
        no_match = ["stats", "--edition", "2006-07", "--period", "2020-05"]
        assert json.loads(run(capsys, *no_match, "--format", "json")[1]) == []
        out = run(capsys, *no_match, "--format", "csv")[1]
        assert out.splitlines() == [",".join(columns(mc.Statistic))]


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
        assert out == f"wrote 9 json files to {out_dir} (data {mc.DATA_VERSION})\n"
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
        assert lines[0].startswith(f"data {mc.DATA_VERSION}: 8 files intact")
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
        assert result.returncode == 1
        assert result.stderr == ""


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
