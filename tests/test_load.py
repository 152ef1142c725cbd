from __future__ import annotations

import json
import sqlite3
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._data.codec import (
    ProblemsError,
    _is_tuple_of,
    make_converter,
    shared_converter,
)
from medcoder_careers._data.manifest import COLLECTIONS, NATION_ONLY, ORDER
from medcoder_careers._data.strict import (
    area_problems,
    is_iso_date,
    read_collection,
    statistic_problems,
)
from medcoder_careers._data.trusted import (
    _builder,
    _record_builder,
    _slot_setter,
    assemble,
    read_trusted,
)
from medcoder_careers._period import Period

from .conftest import examples
from .strategies import ENTITIES, credentials, statistics


def _edit(directory: Path, name: str) -> tuple[dict[str, Any], Path]:
    path = directory / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")), path


def _save(document: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(document), encoding="utf-8")


def _problems(directory: Path) -> list[str]:
    with pytest.raises(mc.DataError) as info:
        mc.load(directory)
    return [str(problem) for problem in info.value.problems]


class TestValidCopy:
    """An untouched copy loads and equals the packaged catalog."""

    def test_equal(self, data_copy: Path, cat: mc.Catalog) -> None:
        """Every collection is equal to the packaged one."""
        loaded = mc.load(data_copy)
        assert loaded.statistics == cat.statistics
        assert dict(loaded.occupations) == dict(cat.occupations)
        assert loaded.data_version == mc.DATA_VERSION
        assert loaded.verify().ok

    def test_str_path(self, data_copy: Path) -> None:
        """A plain string path works too."""
        assert mc.load(str(data_copy)).data_version == mc.DATA_VERSION

    def test_release_without_areas(self, data_copy: Path) -> None:
        """A directory of release 2026.1 (no areas.json, no table) loads: the nation its area."""
        manifest = json.loads((data_copy / "manifest.json").read_text(encoding="utf-8"))
        dropped = [n for n in manifest["files"] if n == "areas.json" or n.endswith(".sqlite")]
        for name in dropped:
            del manifest["files"][name]
            (data_copy / name).unlink()
        (data_copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        loaded = mc.load(data_copy)
        assert list(loaded.areas.values()) == [NATION_ONLY]
        assert {stat.area for stat in loaded.statistics} == {NATION_ONLY.id}


class TestEveryProblemAtOnce:
    """Five different corruptions are all reported in one DataError."""

    def test_five_problems(self, data_copy: Path) -> None:
        """Unit, percentile, dangling id, duplicate id and bad period all show."""
        stats, stats_path = _edit(data_copy, "statistics")
        employment = next(
            i for i, s in enumerate(stats["statistics"]) if s["measure"] == "annual_wage"
        )
        stats["statistics"][employment]["unit"] = "jobs"
        stats["statistics"][employment + 1]["percentile"] = 30
        stats["statistics"][0]["occupation"] = "astronauts"
        stats["statistics"][-1]["period"] = "2008-13"
        _save(stats, stats_path)
        orgs, orgs_path = _edit(data_copy, "organizations")
        orgs["organizations"].append(orgs["organizations"][0])
        _save(orgs, orgs_path)
        problems = _problems(data_copy)
        text = "\n".join(problems)
        assert (
            f"statistics.json: statistics[{employment}].unit: 'jobs' does not fit "
            "measure annual_wage"
        ) in problems
        assert f"statistics[{employment + 1}].percentile: must be one of" in text
        assert "statistics[0].occupation: unknown occupation id 'astronauts'" in text
        last = len(stats["statistics"]) - 1
        assert f"statistics[{last}].period: '2008-13' is not a month" in text
        assert "organizations.json: organizations[10]: duplicates organizations[0]" in text
        assert len(problems) >= 5


class TestSingleProblems:
    """Each rule is enforced with its file and path."""

    @pytest.mark.parametrize(
        ("field", "value", "needle"),
        [
            ("value", 30610, "a decimal is written as a JSON string"),
            ("value", "NaN", "is not a plain decimal number"),
            ("value", "1e999", "is not a plain decimal number"),
            ("value", "", "is not a plain decimal number"),
            ("measure", "salary", "is not a Measure"),
            ("bound", "roughly", "is not a Bound"),
            ("percentile", "50", "expected an integer"),
            ("percentile", True, "expected an integer"),
            ("unexpected", 1, "extra fields"),
            ("citation", None, "citation"),
            ("source", "ooh-1999", "unknown source id 'ooh-1999'"),
            ("industry", "0000", "unknown industry id '0000'"),
            ("value_high", "99999", "a range applies only to annual_salary"),
            ("value_high", "1", "value_high: 1 is below value"),
            ("percentile", 20, "percentile: must be one of 10, 25, 50, 75, 90"),
            ("unit", "jobs", "unit: 'jobs' does not fit measure"),
            ("area", "06", "area: an area code is 7 digits"),
        ],
    )
    def test_statistic_field(self, data_copy: Path, field: str, value: object, needle: str) -> None:
        """A bad field of one statistic is reported at statistics[i].<field>."""
        stats, path = _edit(data_copy, "statistics")
        index = next(
            i
            for i, s in enumerate(stats["statistics"])
            if s["measure"] == "annual_wage" and s.get("industry") is None
        )
        stats["statistics"][index][field] = value
        _save(stats, path)
        problems = _problems(data_copy)
        assert any(
            p.startswith(f"statistics.json: statistics[{index}]") and needle in p for p in problems
        ), problems

    def test_negative_value(self, data_copy: Path) -> None:
        """A negative count is refused."""
        stats, path = _edit(data_copy, "statistics")
        index = next(i for i, s in enumerate(stats["statistics"]) if s["measure"] == "employment")
        stats["statistics"][index]["value"] = "-5"
        _save(stats, path)
        assert any("is negative" in p for p in _problems(data_copy))

    def test_range_below_value(self, data_copy: Path) -> None:
        """value_high must not be below value."""
        stats, path = _edit(data_copy, "statistics")
        index = next(
            i for i, s in enumerate(stats["statistics"]) if s["measure"] == "annual_salary"
        )
        stats["statistics"][index]["value_high"] = "1"
        _save(stats, path)
        assert any("is below value" in p for p in _problems(data_copy))

    def test_percentile_on_non_wage(self, data_copy: Path) -> None:
        """A percentile on employment is refused."""
        stats, path = _edit(data_copy, "statistics")
        index = next(i for i, s in enumerate(stats["statistics"]) if s["measure"] == "employment")
        stats["statistics"][index]["percentile"] = 50
        _save(stats, path)
        assert any("applies only to wage measures" in p for p in _problems(data_copy))

    def test_entity_without_citation(self, data_copy: Path) -> None:
        """An entity citing nothing is refused."""
        creds, path = _edit(data_copy, "credentials")
        creds["credentials"][0]["citations"] = []
        _save(creds, path)
        assert any("credentials[0].citations: cites no source" in p for p in _problems(data_copy))

    def test_dangling_reference_in_entity(self, data_copy: Path) -> None:
        """A credential's issuer must exist."""
        creds, path = _edit(data_copy, "credentials")
        creds["credentials"][0]["issuer"] = "nobody"
        _save(creds, path)
        assert any(
            "credentials[0].issuer: unknown organization id" in p for p in _problems(data_copy)
        )

    def test_truncated_file(self, data_copy: Path) -> None:
        """A truncated file is reported as invalid JSON, the rest still checked."""
        path = data_copy / "facts.json"
        path.write_bytes(path.read_bytes()[:100])
        assert any(
            p.startswith("facts.json: is not valid UTF-8 JSON") for p in _problems(data_copy)
        )

    def test_invalid_utf8(self, data_copy: Path) -> None:
        """Bytes that are not UTF-8 are reported."""
        (data_copy / "sources.json").write_bytes(b'{"sources": ["\xff"]}')
        assert any(p.startswith("sources.json: is not valid UTF-8") for p in _problems(data_copy))

    def test_wrong_top_level(self, data_copy: Path) -> None:
        """The file must be an object holding its one collection."""
        (data_copy / "industries.json").write_text("[]", encoding="utf-8")
        assert any("industries.json: must be an object" in p for p in _problems(data_copy))

    def test_whole_file_problem_has_no_path(self, data_copy: Path) -> None:
        """A problem of the whole file has the empty path, as Problem documents."""
        (data_copy / "industries.json").write_text("[]", encoding="utf-8")
        with pytest.raises(mc.DataError) as info:
            mc.load(data_copy)
        assert info.value.problems == (
            mc.Problem(
                file="industries.json",
                path="",
                message="must be an object whose only key is 'industries'",
            ),
        )

    def test_missing_file(self, data_copy: Path) -> None:
        """A missing data file is reported by name."""
        (data_copy / "cpi_u.json").unlink()
        assert any(p.startswith("cpi_u.json: cannot be read") for p in _problems(data_copy))

    @pytest.mark.parametrize(
        "manifest",
        [
            "not json",
            "[]",
            '{"data_version": "2026", "files": {}}',
            '{"data_version": "2026.1", "files": {"statistics.json": "abc"}}',
        ],
    )
    def test_broken_manifest(self, data_copy: Path, manifest: str) -> None:
        """A broken manifest is a DataError naming manifest.json."""
        (data_copy / "manifest.json").write_text(manifest, encoding="utf-8")
        assert any(p.startswith("manifest.json") for p in _problems(data_copy))

    def test_not_a_directory(self, tmp_path: Path) -> None:
        """A path that is not a directory is a DataError."""
        with pytest.raises(mc.DataError, match="is not a directory"):
            mc.load(tmp_path / "absent")

    def test_error_lists_problem_lines(self, data_copy: Path) -> None:
        """The message lists every problem, one per line."""
        (data_copy / "facts.json").write_text("{}", encoding="utf-8")
        (data_copy / "industries.json").write_text("{}", encoding="utf-8")
        with pytest.raises(mc.DataError) as info:
            mc.load(data_copy)
        message = str(info.value)
        assert message.startswith("2 problems in the data:")
        assert "facts.json" in message
        assert "industries.json" in message


class TestTamper:
    """Changed bytes load (when still valid) but verify() reports them."""

    def test_verify_names_changed_file(self, data_copy: Path) -> None:
        """Editing a quote keeps the data valid but fails verification."""
        path = data_copy / "facts.json"
        path.write_text(path.read_text(encoding="utf-8").replace("None", "Some"), encoding="utf-8")
        report = mc.load(data_copy).verify()
        assert not report.ok
        assert report.changed == ("facts.json",)
        assert "changed: facts.json" in str(report)


def _set(directory: Path, name: str, index: int, field: str, value: object) -> None:
    document, path = _edit(directory, name)
    document[name][index][field] = value
    _save(document, path)


def _index_of(directory: Path, name: str, **match: object) -> int:
    document, _ = _edit(directory, name)
    return next(
        i
        for i, record in enumerate(document[name])
        if all(record.get(k) == v for k, v in match.items())
    )


class TestCrossRecordRules:
    """Rules across fields and records, each reported at its path."""

    @pytest.mark.parametrize(
        ("name", "match", "field", "value", "needle"),
        [
            (
                "organizations",
                {"id": "bls"},
                "parent",
                "bls",
                "organizations[{i}].parent: is itself",
            ),
            ("sources", {"id": "ooh-2010-11"}, "edition", None, "needs an edition label"),
            ("sources", {"id": "ooh-2010-11"}, "edition", "2010/11", "'2010/11' is not YYYY-YY"),
            ("sources", {"id": "ooh-2010-11"}, "edition", "2006-07", "duplicates the edition"),
            ("sources", {"id": "ooh-2010-11"}, "as_of", "April 2010", "is not an ISO date"),
            ("sources", {"id": "ooh-2010-11"}, "published", "2010-13", "is not an ISO date"),
            ("statistics", {"measure": "employment_share"}, "value", "140", "exceeds 100"),
            ("statistics", {"measure": "employment"}, "period", "2008/2018", "projections take"),
            ("statistics", {"measure": "employment"}, "accreditor", "cahiim", "applies only to"),
            (
                "statistics",
                {"measure": "employment"},
                "citation",
                {"source": "soc", "quote": "x"},
                "but the statistic's source is",
            ),
            (
                "facts",
                {"topic": "work_experience"},
                "citation",
                {"source": "soc", "quote": "x"},
                "but the fact's source is",
            ),
            (
                "occupations",
                {"id": "medical-secretaries"},
                "related",
                ["nobody"],
                "unknown occupation",
            ),
            ("credentials", {"id": "rhit"}, "citations", {}, "expected a list"),
            (
                "credentials",
                {"id": "rhit"},
                "related_occupations",
                ["x", 5],
                "related_occupations[1]",
            ),
        ],
    )
    def test_rule(
        self,
        data_copy: Path,
        name: str,
        match: dict[str, object],
        field: str,
        value: object,
        needle: str,
    ) -> None:
        """Breaking the rule gives a problem at the record's path."""
        index = _index_of(data_copy, name, **match)
        _set(data_copy, name, index, field, value)
        problems = _problems(data_copy)
        expected = needle.format(i=index)
        assert any(
            p.startswith(f"{name}.json: {name}[{index}]") and expected in p for p in problems
        ), problems

    @pytest.mark.parametrize(
        ("name", "match", "field", "value", "expected"),
        [
            ("organizations", {"id": "bls"}, "parent", "bls", ["{f}: {r}.parent: is itself"]),
            (
                "organizations",
                {"id": "bls"},
                "parent",
                "nobody",
                ["{f}: {r}.parent: unknown organization id 'nobody'"],
            ),
            (
                "sources",
                {"id": "ooh-2010-11"},
                "edition",
                None,
                [
                    (
                        "{f}: {r}.edition: a handbook edition needs an edition label,"
                        " and only it has one"
                    )
                ],
            ),
            (
                "sources",
                {"id": "ooh-2010-11"},
                "edition",
                "2010/11",
                ["{f}: {r}.edition: '2010/11' is not YYYY-YY"],
            ),
            (
                "sources",
                {"id": "ooh-2010-11"},
                "edition",
                "2006-07",
                ["{f}: {r}.edition: duplicates the edition of sources[0]"],
            ),
            (
                "sources",
                {"id": "ooh-2010-11"},
                "as_of",
                "April 2010",
                ["{f}: {r}.as_of: 'April 2010' is not an ISO date"],
            ),
            (
                "sources",
                {"id": "ooh-2010-11"},
                "published",
                "2010-13",
                ["{f}: {r}.published: '2010-13' is not an ISO date"],
            ),
            (
                "sources",
                {"id": "ooh-2010-11"},
                "publisher",
                "nobody",
                ["{f}: {r}.publisher: unknown organization id 'nobody'"],
            ),
            (
                "statistics",
                {"measure": "employment_share"},
                "value",
                "140",
                ["{f}: {r}.value: a share of 140 percent exceeds 100"],
            ),
            (
                "statistics",
                {"measure": "employment"},
                "period",
                "2008/2018",
                [
                    (
                        "{f}: {r}.period: projections take an interval period such as"
                        " 2008/2018, other measures do not"
                    )
                ],
            ),
            (
                "statistics",
                {"measure": "employment"},
                "accreditor",
                "cahiim",
                ["{f}: {r}.accreditor: applies only to accredited_programs"],
            ),
            (
                "statistics",
                {"measure": "employment"},
                "citation",
                {"source": "soc", "quote": "x"},
                [
                    (
                        "{f}: {r}.citation.source: cites 'soc' but the statistic's source"
                        " is 'ooh-2006-07'"
                    )
                ],
            ),
            (
                "statistics",
                {"measure": "employment"},
                "source",
                "nobody",
                [
                    (
                        "{f}: {r}.citation.source: cites 'ooh-2006-07' but the statistic's source"
                        " is 'nobody'"
                    ),
                    "{f}: {r}.source: unknown source id 'nobody'",
                ],
            ),
            (
                "statistics",
                {"measure": "employment"},
                "area",
                "0000001",
                ["{f}: {r}.area: unknown area id '0000001'"],
            ),
            (
                "statistics",
                {"measure": "accredited_programs"},
                "accreditor",
                "nobody",
                ["{f}: {r}.accreditor: unknown organization id 'nobody'"],
            ),
            (
                "facts",
                {"topic": "work_experience"},
                "citation",
                {"source": "soc", "quote": "x"},
                ["{f}: {r}.citation.source: cites 'soc' but the fact's source is 'ooh-2012-13'"],
            ),
            (
                "facts",
                {"topic": "work_experience"},
                "occupation",
                "nobody",
                ["{f}: {r}.occupation: unknown occupation id 'nobody'"],
            ),
            (
                "facts",
                {"topic": "work_experience"},
                "source",
                "nobody",
                [
                    "{f}: {r}.source: unknown source id 'nobody'",
                    (
                        "{f}: {r}.citation.source: cites 'ooh-2012-13' but the fact's source"
                        " is 'nobody'"
                    ),
                ],
            ),
            (
                "occupations",
                {"id": "medical-secretaries"},
                "related",
                ["nobody"],
                ["{f}: {r}.related[0]: unknown occupation id 'nobody'"],
            ),
            (
                "credentials",
                {"id": "rhit"},
                "issuer",
                "nobody",
                ["{f}: {r}.issuer: unknown organization id 'nobody'"],
            ),
            (
                "credentials",
                {"id": "rhit"},
                "citations",
                [],
                ["{f}: {r}.citations: cites no source"],
            ),
        ],
    )
    def test_exact_problems(
        self,
        data_copy: Path,
        name: str,
        match: dict[str, object],
        field: str,
        value: object,
        expected: list[str],
    ) -> None:
        """Breaking one rule gives exactly its problems, word for word, and nothing else."""
        index = _index_of(data_copy, name, **match)
        _set(data_copy, name, index, field, value)
        file, record = f"{name}.json", f"{name}[{index}]"
        assert _problems(data_copy) == [line.format(f=file, r=record) for line in expected]

    @pytest.mark.parametrize(
        ("name", "match", "where"),
        [
            ("cpi_u", {"year": 2004}, ("citation",)),
            ("facts", {"topic": "work_experience"}, ("citation",)),
            ("credentials", {"id": "rhit"}, ("citations", 0)),
            ("credentials", {"id": "rhit"}, ("requirements", 1, "citation")),
            ("occupations", {"id": "medical-secretaries"}, ("citations", 0)),
            (
                "occupations",
                {"id": "medical-records-and-health-information-technicians"},
                ("specialties", 1, "citations", 0),
            ),
        ],
    )
    def test_every_citation_checked(
        self, data_copy: Path, name: str, match: dict[str, object], where: tuple[str | int, ...]
    ) -> None:
        """A citation of an unknown source is named at its path, wherever in a record it is."""
        index = _index_of(data_copy, name, **match)
        document, path = _edit(data_copy, name)
        cited: Any = document[name][index]
        for step in where:
            cited = cited[step]
        cited["source"] = "nobody"
        _save(document, path)
        inner = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in where)
        problem = f"{name}.json: {name}[{index}]{inner}.source: unknown source id 'nobody'"
        assert problem in _problems(data_copy)

    @pytest.mark.parametrize(
        ("name", "match", "where", "kind"),
        [
            ("credentials", {"id": "rhit"}, ("requirements", 1, "organization"), "organization"),
            ("credentials", {"id": "rhit"}, ("related_occupations", 0), "occupation"),
            ("occupations", {"id": "medical-secretaries"}, ("related", 0), "occupation"),
        ],
    )
    def test_reference_inside_a_record(
        self,
        data_copy: Path,
        name: str,
        match: dict[str, object],
        where: tuple[str | int, ...],
        kind: str,
    ) -> None:
        """An unknown id in a part of a record is the one problem, at the part's path."""
        index = _index_of(data_copy, name, **match)
        document, path = _edit(data_copy, name)
        part: Any = document[name][index]
        for step in where[:-1]:
            part = part[step]
        part[where[-1]] = "nobody"
        _save(document, path)
        inner = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in where)
        assert _problems(data_copy) == [
            f"{name}.json: {name}[{index}]{inner}: unknown {kind} id 'nobody'"
        ]

    def test_iso_dates(self) -> None:
        """A source's dates are a year, a month or an ISO date; anything else is not."""
        assert all(map(is_iso_date, ["2010", "2010-05", "2010-05-17", "20100517"]))
        assert not any(map(is_iso_date, ["2010-13", "2010-5", "April 2010", " 2010", "2010-02-30"]))

    def test_collection_not_a_list(self, data_copy: Path) -> None:
        """The collection must be a list of records."""
        (data_copy / "facts.json").write_text('{"facts": {}}', encoding="utf-8")
        assert "facts.json: facts: must be a list, got dict" in _problems(data_copy)

    def test_record_not_an_object(self, data_copy: Path) -> None:
        """Each record must be an object."""
        (data_copy / "facts.json").write_text('{"facts": [3]}', encoding="utf-8")
        assert "facts.json: facts[0]: must be an object, got int" in _problems(data_copy)

    def test_records_after_a_bad_one_read(self, data_copy: Path) -> None:
        """A record that is no object does not stop the reading: each later one is checked."""
        (data_copy / "facts.json").write_text('{"facts": [3, "x"]}', encoding="utf-8")
        problems = _problems(data_copy)
        assert "facts.json: facts[0]: must be an object, got int" in problems
        assert "facts.json: facts[1]: must be an object, got str" in problems

    def test_manifest_lists_wrong_files(self, data_copy: Path) -> None:
        """The manifest must list exactly the data files."""
        document = json.loads((data_copy / "manifest.json").read_text(encoding="utf-8"))
        del document["files"]["facts.json"]
        document["files"]["extra.json"] = "0" * 64
        (data_copy / "manifest.json").write_text(json.dumps(document), encoding="utf-8")
        problems = _problems(data_copy)
        assert any("missing ['facts.json'], unexpected ['extra.json']" in p for p in problems)

    def test_manifest_missing(self, data_copy: Path) -> None:
        """A missing manifest is reported by name."""
        (data_copy / "manifest.json").unlink()
        assert any(p.startswith("manifest.json: cannot be read") for p in _problems(data_copy))

    def test_manifest_files_not_a_mapping(self, data_copy: Path) -> None:
        """'files' must map names to digests."""
        (data_copy / "manifest.json").write_text(
            '{"data_version": "2026.1", "files": []}', encoding="utf-8"
        )
        assert "manifest.json: files: must map file names to sha256" in _problems(data_copy)

    def test_verify_reports_missing_file(self, data_copy: Path) -> None:
        """A file removed after loading is reported missing by verify()."""
        loaded = mc.load(data_copy)
        (data_copy / "facts.json").unlink()
        report = loaded.verify()
        assert report.missing == ("facts.json",)
        assert "missing: facts.json" in str(report)


_STATE_ONE = "a state is one state"
_IN_STATES = "every area but the nation lies in one or more states"
_FIPS_ONLY = "a state has a FIPS code, and only a state"
_CBSA_ONLY = "a metropolitan area has a CBSA code, and only it"


def _packaged_area(cat: mc.Catalog, of: mc.AreaKind, **changes: Any) -> mc.Area:
    """The first packaged area of kind *of*, with *changes* made."""
    first = next(area for area in cat.areas.values() if area.kind is of)
    return attrs.evolve(first, **changes)


class TestAreaRules:
    """`area_problems`: each rule one area must keep, with its field and its exact message."""

    def test_packaged_areas_keep_them(self, cat: mc.Catalog) -> None:
        """No packaged area breaks a rule, of each of the four kinds."""
        assert {area.kind for area in cat.areas.values()} == set(mc.AreaKind)
        assert [area.id for area in cat.areas.values() if list(area_problems(area))] == []

    @pytest.mark.parametrize(
        ("kind", "changes", "expected"),
        [
            (mc.AreaKind.NATIONAL, {}, []),
            (
                mc.AreaKind.NATIONAL,
                {"kind": mc.AreaKind.STATE},
                [
                    ("kind", "only 0000000 is the nation"),
                    ("fips", _FIPS_ONLY),
                    ("states", _IN_STATES),
                ],
            ),
            (mc.AreaKind.NATIONAL, {"states": ("AL", "GA")}, [("states", _IN_STATES)]),
            (
                mc.AreaKind.STATE,
                {"kind": mc.AreaKind.NATIONAL},
                [
                    ("kind", "only 0000000 is the nation"),
                    ("fips", _FIPS_ONLY),
                    ("states", _IN_STATES),
                ],
            ),
            (mc.AreaKind.STATE, {"fips": None}, [("fips", _FIPS_ONLY)]),
            (mc.AreaKind.STATE, {"fips": "1"}, [("fips", "'1' is not 2 digits")]),
            (mc.AreaKind.STATE, {"fips": "012"}, [("fips", "'012' is not 2 digits")]),
            (mc.AreaKind.STATE, {"fips": "0a"}, [("fips", "'0a' is not 2 digits")]),
            (mc.AreaKind.STATE, {"cbsa": "x"}, [("cbsa", _CBSA_ONLY)]),
            (mc.AreaKind.STATE, {"states": ()}, [("states", _IN_STATES)]),
            (mc.AreaKind.STATE, {"states": ("AL", "GA")}, [("states", _STATE_ONE)]),
            (mc.AreaKind.METROPOLITAN, {"states": ("AL", "GA")}, []),
            (mc.AreaKind.METROPOLITAN, {"fips": "x"}, [("fips", _FIPS_ONLY)]),
            (mc.AreaKind.METROPOLITAN, {"cbsa": None}, [("cbsa", _CBSA_ONLY)]),
            (mc.AreaKind.METROPOLITAN, {"cbsa": "1018"}, [("cbsa", "'1018' is not 5 digits")]),
            (mc.AreaKind.METROPOLITAN, {"cbsa": "101800"}, [("cbsa", "'101800' is not 5 digits")]),
            (mc.AreaKind.METROPOLITAN, {"cbsa": "1018a"}, [("cbsa", "'1018a' is not 5 digits")]),
            (mc.AreaKind.METROPOLITAN, {"states": ()}, [("states", _IN_STATES)]),
            (mc.AreaKind.NONMETROPOLITAN, {}, []),
            (mc.AreaKind.NONMETROPOLITAN, {"cbsa": "10180"}, [("cbsa", _CBSA_ONLY)]),
        ],
    )
    def test_rule(
        self,
        cat: mc.Catalog,
        kind: mc.AreaKind,
        changes: dict[str, Any],
        expected: list[tuple[str, str]],
    ) -> None:
        """A packaged area of *kind*, changed, breaks exactly the rules expected, in order."""
        assert list(area_problems(_packaged_area(cat, kind, **changes))) == expected

    def test_reported_at_path(self, data_copy: Path) -> None:
        """A broken rule of areas.json is reported at areas[i].<field>, the area's index."""
        index = _index_of(data_copy, "areas", kind="state")
        _set(data_copy, "areas", index, "fips", "1")
        assert _problems(data_copy) == [f"areas.json: areas[{index}].fips: '1' is not 2 digits"]


def _edit_table(directory: Path, *statements: str, file: str = "oews.sqlite") -> None:
    """Run *statements* on a table file of the copy."""
    connection = sqlite3.connect(directory / file)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


class TestTableReferences:
    """What a table file names must exist: its source, occupations, industries and areas."""

    _UNKNOWN = (
        "UPDATE meta SET value = 'oews-1999-05' WHERE name = 'source'",
        "UPDATE occupation SET id = 'astronauts' WHERE soc = '119111'",
        "UPDATE industry SET id = '9999' WHERE code = '115000'",
        "UPDATE cell SET area = '9999999' WHERE key = (SELECT min(key) FROM cell)",
    )

    def test_each_unknown_id_at_its_path(self, data_copy: Path) -> None:
        """Each unknown id is one problem of the table file, at what names it, in this order."""
        _edit_table(data_copy, *self._UNKNOWN)
        assert _problems(data_copy) == [
            "oews.sqlite: meta.source: unknown source id 'oews-1999-05'",
            "oews.sqlite: occupation 119111: unknown occupation id 'astronauts'",
            "oews.sqlite: industry 115000: unknown industry id '9999'",
            "oews.sqlite: cell area 9999999: unknown area id '9999999'",
        ]

    def test_a_table_release_is_not_in_statistics_json(self, data_copy: Path) -> None:
        """A figure of a release a table file holds, in statistics.json too, is refused."""
        document, path = _edit(data_copy, "statistics")
        figure = {
            "occupation": "medical-records-and-health-information-technicians",
            "measure": "annual_mean_wage",
            "value": "46000",
            "unit": "usd_per_year",
            "period": "2019-05",
            "source": "oews-2019-05",
            "definition": "29-2098",
            "citation": {"source": "oews-2019-05", "quote": "46000"},
        }
        other = {
            **figure,
            "source": "oews-2020-05",
            "citation": {"source": "oews-2020-05", "quote": "1"},
        }
        index = len(document["statistics"])
        document["statistics"] += [figure, other]  # the other: not a release a table holds
        _save(document, path)
        assert _problems(data_copy) == [
            (
                f"statistics.json: statistics[{index}]: is a figure of oews-2019-05 2019-05,"
                " which oews-2019-05.sqlite holds"
            )
        ]

    def test_not_checked_against_an_unreadable_file(self, data_copy: Path) -> None:
        """With a JSON file unreadable the tables are not checked: only that file is reported."""
        _edit_table(data_copy, *self._UNKNOWN)
        (data_copy / "cpi_u.json").unlink()
        assert _problems(data_copy) == ["cpi_u.json: cannot be read (No such file or directory)"]


class TestRoutes:
    """`Requirement.route` reads the same through the strict reader and the direct one."""

    def test_packaged_credentials_agree(self, data_copy: Path, cat: mc.Catalog) -> None:
        """The strict load of a copy equals the packaged (direct) credentials, routes and all."""
        loaded = mc.load(data_copy)
        assert dict(loaded.credentials) == dict(cat.credentials)
        routes = [r.route for r in loaded.credential("CTR").requirements]
        assert routes == [r.route for r in cat.credential("CTR").requirements]
        assert {"A1", "A2", "B"} <= set(routes)

    @examples(fast=20)
    @given(credential=credentials)
    def test_any_credential_round_trips(self, credential: mc.Credential) -> None:
        """A credential written out reads back equal, strictly and directly."""
        raw = make_converter().unstructure(credential)
        assert all(
            ("route" in r) == (req.route is not None)
            for r, req in zip(raw.get("requirements", []), credential.requirements, strict=True)
        )
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "credentials.json").write_text(
                json.dumps({"credentials": [raw]}), encoding="utf-8"
            )
            assert read_trusted(root, "credentials", mc.Credential) == [credential]
        assert make_converter().structure(raw, mc.Credential) == credential

    def test_route_absent_is_none(self, data_copy: Path, cat: mc.Catalog) -> None:
        """A requirement written without `route` (as before 2027.1) loads with route None."""
        document, path = _edit(data_copy, "credentials")
        ctr = next(c for c in document["credentials"] if c["id"] == "ctr")
        for requirement in ctr["requirements"]:
            requirement.pop("route", None)
        _save(document, path)
        strict = mc.load(data_copy).credential("CTR").requirements
        direct = read_trusted(data_copy, "credentials", mc.Credential)
        [direct_ctr] = [c for c in direct if c.id == "ctr"]
        assert direct_ctr.requirements == strict
        assert {r.route for r in strict} == {None}
        assert [attrs.evolve(r, route=None) for r in cat.credential("CTR").requirements] == list(
            strict
        )

    def test_bad_route_named(self, data_copy: Path) -> None:
        """A route that is not text is a DataError at its path."""
        document, path = _edit(data_copy, "credentials")
        index = next(i for i, c in enumerate(document["credentials"]) if c["id"] == "ctr")
        document["credentials"][index]["requirements"][0]["route"] = 1
        _save(document, path)
        assert any(
            f"credentials[{index}].requirements[0].route: expected a string" in p
            for p in _problems(data_copy)
        )


class TestReaders:
    """The trusted and the strict reader read any written collection alike, 2027.1 fields too."""

    @pytest.mark.parametrize("name", list(COLLECTIONS))
    @examples(fast=25)
    @given(data=st.data())
    def test_trusted_is_strict(self, name: str, data: st.DataObject) -> None:
        """Records written as the packaged JSON read back equal through both readers, in order."""
        cls = COLLECTIONS[name]
        records = data.draw(st.lists(ENTITIES[cls], max_size=3))
        converter = make_converter()
        document = {name: [converter.unstructure(record) for record in records]}
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
            trusted = read_trusted(root, name, cls)
            strict = read_collection(root, name)
        assert trusted == records
        assert [type(record) for record in trusted] == [cls] * len(records)
        assert strict == tuple(sorted(records, key=ORDER[name]))

    @given(stat=statistics())
    def test_generated_statistic_keeps_the_rules(self, stat: mc.Statistic) -> None:
        """A generated statistic breaks no rule of the loader: coverage iff employment, and all."""
        assert list(statistic_problems(stat)) == []
        assert (stat.coverage is None) == (stat.measure is not mc.Measure.EMPLOYMENT)

    @pytest.mark.parametrize(
        ("measure", "changes", "expected"),
        [
            (
                mc.Measure.EMPLOYMENT,
                {"percentile": 50},
                [("percentile", "a percentile applies only to wage measures, not employment")],
            ),
            (
                mc.Measure.ANNUAL_WAGE,
                {"value_high": Decimal(10**9)},
                [("value_high", "a range applies only to annual_salary, not annual_wage")],
            ),
            (
                mc.Measure.EMPLOYMENT,
                {"value": Decimal(-5)},
                [("value", "-5 is negative, which employment cannot be")],
            ),
            (mc.Measure.PROJECTED_CHANGE, {"value": Decimal(-5)}, []),
            (
                mc.Measure.EMPLOYMENT_SHARE,
                {"value": Decimal(140)},
                [("value", "a share of 140 percent exceeds 100")],
            ),
            (mc.Measure.EMPLOYMENT_SHARE, {"value": Decimal(100)}, []),
            (
                mc.Measure.EMPLOYMENT_SHARE,
                {"value": Decimal("100.5")},
                [("value", "a share of 100.5 percent exceeds 100")],
            ),
            (
                mc.Measure.EMPLOYMENT,
                {"period": Period.parse("2008/2018")},
                [
                    (
                        "period",
                        (
                            "projections take an interval period such as 2008/2018,"
                            " other measures do not"
                        ),
                    )
                ],
            ),
            (
                mc.Measure.EMPLOYMENT,
                {"accreditor": "cahiim"},
                [("accreditor", "applies only to accredited_programs")],
            ),
            (
                mc.Measure.EMPLOYMENT,
                {"coverage": None},
                [
                    (
                        "coverage",
                        (
                            "an employment figure says which jobs it counts"
                            " (all_jobs or wage_and_salary), and only an employment figure"
                        ),
                    )
                ],
            ),
        ],
    )
    def test_each_rule_exactly(
        self,
        cat: mc.Catalog,
        measure: mc.Measure,
        changes: dict[str, Any],
        expected: list[tuple[str, str]],
    ) -> None:
        """A packaged figure of *measure*, changed, breaks exactly the rules expected."""
        stat = next(stat for stat in cat.statistics if stat.measure is measure)
        assert list(statistic_problems(attrs.evolve(stat, **changes))) == expected

    def test_citation_of_another_source(self, cat: mc.Catalog) -> None:
        """A figure citing a source other than its own is a problem at citation.source."""
        stat = cat.statistics[0]
        cited = attrs.evolve(stat, citation=attrs.evolve(stat.citation, source="soc"))
        assert list(statistic_problems(cited)) == [
            ("citation.source", f"cites 'soc' but the statistic's source is {stat.source!r}")
        ]

    def test_coverage_iff_employment(self, cat: mc.Catalog) -> None:
        """Coverage flipped on a packaged figure of each measure (set or removed) is a problem."""
        firsts = {stat.measure: stat for stat in reversed(cat.statistics)}
        assert mc.Measure.EMPLOYMENT in firsts
        for measure, stat in firsts.items():
            assert list(statistic_problems(stat)) == []
            flipped = attrs.evolve(stat, coverage=None if stat.coverage else mc.Coverage.ALL_JOBS)
            assert [field for field, _ in statistic_problems(flipped)] == ["coverage"], measure


@attrs.frozen
class _WithFactory:
    """A record whose default is made by a factory, which the trusted reader refuses."""

    items: tuple[str, ...] = attrs.field(factory=tuple)


class TestTrustedBuilders:
    """The trusted reader's builders: the records they make, and the TypeError of a misfit."""

    @pytest.mark.parametrize("cls", [mc.Statistic, mc.Citation, mc.Fact, mc.CpiAnnualAverage])
    def test_every_slot_set(self, cls: type) -> None:
        """Each field's slot holds exactly the value given for it, in field order."""
        names = [field.name for field in attrs.fields(cls)]
        values = [object() for _ in names]  # no validator runs: any value is set as given
        made: object = assemble(cls)(*values)
        assert type(made) is cls
        assert all(getattr(made, name) is value for name, value in zip(names, values, strict=True))

    @pytest.mark.parametrize("cls", [mc.Statistic, mc.Citation])
    def test_unrolled_take_keywords(self, cls: type) -> None:
        """Statistic and Citation are built by straight-line functions taking fields by name."""
        values = {field.name: object() for field in attrs.fields(cls)}
        made: object = assemble(cls)(**values)
        assert type(made) is cls
        assert all(getattr(made, name) is value for name, value in values.items())

    def test_packaged_statistic_rebuilt(self, cat: mc.Catalog) -> None:
        """A packaged statistic's field values build an equal statistic."""
        stat = cat.statistics[0]
        fields = {field.name: getattr(stat, field.name) for field in attrs.fields(mc.Statistic)}
        assert assemble(mc.Statistic)(**fields) == stat

    def test_converter_applied(self) -> None:
        """A field with a converter gets its value converted, as attrs' __init__ would."""
        values = [getattr(NATION_ONLY, field.name) for field in attrs.fields(mc.Area)]
        values[-1] = []
        made = assemble(mc.Area)(*values)
        assert made == NATION_ONLY
        assert made.citations == ()
        assert type(made.citations) is tuple

    def test_wrong_count(self) -> None:
        """The generic builder refuses a wrong number of values, naming the class and counts."""
        with pytest.raises(TypeError, match=r"^Area takes 7 values, got 1$"):
            assemble(mc.Area)("us")

    def test_no_slot(self) -> None:
        """A field name the class has no slot for is a TypeError naming both."""
        with pytest.raises(TypeError, match=r"^Citation has no slot 'bogus'$"):
            _slot_setter(mc.Citation, "bogus")

    def test_default_used(self) -> None:
        """A field the JSON leaves out takes its default."""
        made = _record_builder(mc.Citation)({"source": "ooh-2010-11", "quote": "q"})
        assert made == mc.Citation(source="ooh-2010-11", quote="q")
        assert made.locator is None

    def test_unknown_field(self) -> None:
        """A field the class lacks is a TypeError naming it."""
        with pytest.raises(TypeError, match=r"^Citation has no field \['bogus'\]$"):
            _record_builder(mc.Citation)({"source": "s", "quote": "q", "bogus": 1})

    def test_required_field_missing(self) -> None:
        """A field without a default that the JSON leaves out is a TypeError naming it."""
        with pytest.raises(TypeError, match=r"^Citation needs source$"):
            _record_builder(mc.Citation)({"quote": "q"})

    def test_factory_default_refused(self) -> None:
        """A class with a default made by a factory has no direct reader."""
        with pytest.raises(
            TypeError, match=r"^no direct reader for _WithFactory: a default made by a factory$"
        ):
            _record_builder(_WithFactory)

    def test_unknown_type_refused(self) -> None:
        """A field type the reader does not know is a TypeError naming it."""
        with pytest.raises(TypeError, match=r"^no direct reader for <class 'float'>$"):
            _builder(float)

    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A file that cannot be read is an OSError carrying the reader's problem."""
        with pytest.raises(OSError, match=r"^cannot be read \(No such file or directory\)$"):
            read_trusted(tmp_path, "facts", mc.Fact)


@attrs.frozen
class _Positive:
    """A record with a plain attrs validator and text annotations (this module's)."""

    n: int = attrs.field(validator=attrs.validators.gt(0))


def _problems_of(value: object, hint: Any) -> list[tuple[str, str]]:
    """The problems the data format's converter finds structuring *value* as *hint*."""
    with pytest.raises(ProblemsError) as info:
        make_converter().structure(value, hint)
    return info.value.problems


class TestCodecMessages:
    """The converter's hooks refuse each wrong value with its exact message and path."""

    @pytest.mark.parametrize(
        ("value", "hint", "message"),
        [
            (1, Decimal, "a decimal is written as a JSON string, got int"),
            ("1.", Decimal, "'1.' is not a plain decimal number such as '30610' or '15.55'"),
            (2008, Period, "a period is written as a JSON string, got int"),
            (
                "2008-13",
                Period,
                (
                    "'2008-13' is not a month;"
                    " for the years 2008 to 2013 write the interval '2008/2013'"
                ),
            ),
            (1, str, "expected a string, got int"),
            (" \t", str, "expected a non-blank string"),
            (
                "x",
                mc.Bound,
                "'x' is not a Bound (one of: exact, approximate, more_than, less_than, at_least)",
            ),
            (1, mc.Bound, "expected a string, got int"),
            (1, bool, "expected true or false, got int"),
            (True, int, "expected an integer, got bool"),
            ("1", int, "expected an integer, got str"),
        ],
    )
    def test_scalar(self, value: object, hint: Any, message: str) -> None:
        """A wrong scalar in a record is refused with its message, at its field's path."""
        holder = attrs.make_class("Holder", {"x": attrs.field(type=hint)})
        assert _problems_of({"x": value}, holder) == [(".x", message)]

    def test_scalars_read(self) -> None:
        """Right scalars are read as their types."""
        converter = make_converter()
        assert converter.structure("-15.55", Decimal) == Decimal("-15.55")
        assert converter.structure("2008-05", Period) == Period.parse("2008-05")
        assert converter.structure(" a ", str) == " a "
        assert converter.structure("more_than", mc.Bound) is mc.Bound.MORE_THAN
        assert converter.structure(False, bool) is False  # noqa: FBT003 - the value read
        assert converter.structure(0, int) == 0

    def test_record_shape(self) -> None:
        """Not an object, extra fields (sorted) and missing ones are each named."""
        assert _problems_of([], mc.Citation) == [("", "expected an object, got list")]
        assert _problems_of(
            {"source": "ooh-2010-11", "quote": "q", "zz": 1, "bogus": 2}, mc.Citation
        ) == [("", "extra fields found (bogus, zz)")]
        assert _problems_of({"locator": None}, mc.Citation) == [
            (".source", "required field missing"),
            (".quote", "required field missing"),
        ]

    def test_nested_paths(self) -> None:
        """A problem inside a part of a record carries the part's path before its own."""
        row = {"year": 2020, "value": 1, "citation": {"source": "ooh-2010-11", "quote": " "}}
        assert _problems_of(row, mc.CpiAnnualAverage) == [
            (".value", "a decimal is written as a JSON string, got int"),
            (".citation.quote", "expected a non-blank string"),
        ]
        assert _problems_of([1, "2", 3, True], tuple[int, ...]) == [
            ("[1]", "expected an integer, got str"),
            ("[3]", "expected an integer, got bool"),
        ]
        assert _problems_of("12", tuple[int, ...]) == [("", "expected a list, got str")]

    def test_plain_validator(self) -> None:
        """A record's own ValueError (not a FieldError) is an invalid value at the record."""
        assert make_converter().structure({"n": 1}, _Positive) == _Positive(n=1)
        assert _problems_of({"n": 0}, _Positive) == [
            ("", "invalid value (ValueError: 'n' must be > 0: 0)")
        ]

    def test_model_rule_at_its_field(self) -> None:
        """A model rule (FieldError) is reported at the field it names."""
        area = {"id": "06", "name": "X", "kind": "national", "citations": []}
        assert _problems_of(area, mc.Area) == [(".id", "an area code is 7 digits, got '06'")]

    def test_annotations_text_or_types(self) -> None:
        """A record with some annotations as text has them resolved, the others kept."""
        text: Any = "str"  # an annotation as text, as `from __future__ import annotations` gives
        mixed = attrs.make_class("Mixed", {"a": attrs.field(type=int), "b": attrs.field(type=text)})
        assert make_converter().structure({"a": 1, "b": "x"}, mixed) == mixed(a=1, b="x")
        assert _problems_of({"a": 1, "b": 2}, mixed) == [(".b", "expected a string, got int")]

    def test_problems_error(self) -> None:
        """ProblemsError keeps its problems, and shows them."""
        error = ProblemsError([("a", "b")])
        assert error.problems == [("a", "b")]
        assert str(error) == "[('a', 'b')]"

    def test_tuple_of(self) -> None:
        """Only a tuple of any length of one type takes the list hook."""
        assert _is_tuple_of(tuple[int, ...])
        assert not _is_tuple_of(tuple[int, int])
        assert not _is_tuple_of(tuple[int])
        assert not _is_tuple_of(list[int])

    def test_defaults_left_out(self) -> None:
        """Fields equal to their default are not written; decimals and periods are text."""
        citation = mc.Citation(source="ooh-2010-11", quote="q")
        assert make_converter().unstructure(citation) == {"source": "ooh-2010-11", "quote": "q"}
        assert make_converter().unstructure(Decimal("1.50")) == "1.50"
        assert make_converter().unstructure(Period.parse("2008/2018")) == "2008/2018"

    def test_shared(self) -> None:
        """The shared converter is one converter, built once."""
        assert shared_converter() is shared_converter()
        assert shared_converter().structure("1", Decimal) == Decimal(1)
