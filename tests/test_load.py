from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import medcoder_careers as mc


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

    def test_collection_not_a_list(self, data_copy: Path) -> None:
        """The collection must be a list of records."""
        (data_copy / "facts.json").write_text('{"facts": {}}', encoding="utf-8")
        assert "facts.json: facts: must be a list, got dict" in _problems(data_copy)

    def test_record_not_an_object(self, data_copy: Path) -> None:
        """Each record must be an object."""
        (data_copy / "facts.json").write_text('{"facts": [3]}', encoding="utf-8")
        assert "facts.json: facts[0]: must be an object, got int" in _problems(data_copy)

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
