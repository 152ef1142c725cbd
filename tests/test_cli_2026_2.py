"""The 2026.2 command line: quick facts in `show`; `facts`, `inflate`, `areas`, `series --real`."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import medcoder_careers as mc
from medcoder_careers import _query
from medcoder_careers._cli.app import COMMANDS as _COMMANDS

from .test_cli import assert_fits, assert_one_line_error, python_m, rows, run

CODER = "medical coder"
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
        assert f"jobs: {jobs.value:,} ({jobs.period}, source {jobs.source})" in text
        assert f"projected change: {change.value}%, {facts.outlook} ({change.period}" in text
        projected = field(facts, "projected_change")
        assert f"projected jobs: {projected.value:,} ({projected.period}" in text
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
        assert f"jobs: {jobs.value:,} ({jobs.period}" in text
        assert "source ooh-latest, national)" in text
        assert "note: projections and education are national" in text

    def test_area_missing_figures(
        self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog
    ) -> None:
        """An area without a figure says so rather than showing another area's."""
        argv = ("health-information-technologists-and-medical-registrars", "--area", "0010180")
        assert cat.quick_facts(argv[0], area=argv[2]).employment is None
        status, out, _ = run(capsys, "show", *argv)
        assert status == 0
        assert "  jobs: not in the data" in out.splitlines()

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

    def test_missing_facts(self, capsys: pytest.CaptureFixture[str], cat: mc.Catalog) -> None:
        """A quick fact the data lacks is said in the table and null in JSON."""
        facts = cat.quick_facts("medical secretaries")
        assert facts.projected_change is None
        assert facts.entry_level_education is None
        status, out, _ = run(capsys, "show", "medical secretaries")
        assert status == 0
        assert "  projected jobs: not in the data" in out.splitlines()
        assert "  entry-level education: not in the data" in out.splitlines()
        status, out, _ = run(capsys, "show", "medical secretaries", "--format", "json")
        quick = json.loads(out)["quick_facts"]
        assert quick["projected_change"] is None
        assert quick["entry_level_education"] is None
        assert quick["credentials"] == []

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

    def test_credential_options(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A credential lists its options; one with no requirements in the data says so."""
        status, out, _ = run(capsys, "show", "cpc")
        assert status == 0
        assert "  options: hospital outpatient, payer" in out
        assert "CPC-A" in out  # the apprenticeship requirement
        status, out, _ = run(capsys, "show", "ctr")
        assert status == 0
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
        argv = ("facts", "--occupation", "medical secretaries")
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
        assert [row["year"] for row in document["cpi"]] == [2010, latest]
        assert [Decimal(row["value"]) for row in document["cpi"]] == [
            cat.cpi_u[2010].value,
            cat.cpi_u[latest].value,
        ]

    def test_same_year(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An amount restated in its own year is unchanged."""
        status, out, _ = run(capsys, "inflate", "30610", "2008-05", "2008")
        assert status == 0
        assert out.startswith("$30,610.00 in 2008 dollars = $30,610.00 in 2008 dollars")

    def test_negative_and_huge(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A negative amount keeps its sign; a huge one prints without error."""
        status, out, _ = run(capsys, "inflate", "--", "-5", "2004", "2004")
        assert status == 0
        assert out.startswith("-$5.00 in 2004 dollars = -$5.00")
        status, out, _ = run(capsys, "inflate", "1e30", "2004", "2004")
        assert status == 0
        assert out.startswith("$1,000,000,000,000,000,000,000,000,000,000.00 in 2004")

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


WAGES = ("series", CODER, "annual_wage")


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
        """A figure with a high end has both ends restated."""
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

    def test_empty(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A dollar series with no figures is empty in every format, with no price year."""
        argv = ("series", "billing-cost-and-rate-clerks", "annual_salary", "--real")
        status, out, _ = run(capsys, *argv)
        assert (status, out) == (0, "no salary figures for Billing, Cost, and Rate Clerks\n")
        document = json.loads(run(capsys, *argv, "--format", "json")[1])
        assert (document["points"], document["price_year"]) == ([], None)
        assert len(run(capsys, *argv, "--format", "csv")[1].splitlines()) == 1

    @pytest.mark.parametrize(
        "measure", ["employment", "projected_change_percent", "location_quotient"]
    )
    def test_not_dollars(self, capsys: pytest.CaptureFixture[str], measure: str) -> None:
        """A measure not in dollars is refused with one line, exit 2."""
        err = assert_one_line_error(run(capsys, "series", CODER, measure, "--real"))
        assert "dollar figures only" in err

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


class TestSubprocess:
    """The new commands run as a real process."""

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
