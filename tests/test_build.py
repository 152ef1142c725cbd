"""The OEWS build tool (tools/build_data.py): its mapping rules, and builds of the real snapshot."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

import build_data as bd

from .conftest import REPO, SOURCES

STATES = {
    "01": ("Alabama", "AL"),
    "06": ("California", "CA"),
    "34": ("New Jersey", "NJ"),
    "39": ("Ohio", "OH"),
    "42": ("Pennsylvania", "PA"),
}
MAIN = "medical-records-and-health-information-technicians"


def _citation(quote: str, locator: str) -> dict[str, str]:
    return {"source": "oews-2025-05", "quote": quote, "locator": locator}


class TestIndustryMapping:
    """OEWS industry codes map to NAICS ids by the rules of oews-may-2025.md."""

    @pytest.mark.parametrize(
        ("code", "name", "expected"),
        [
            ("62--63", "Sector 62 - Health Care and Social Assistance", "62"),
            ("31--34", "Sectors 31, 32, and 33 - Manufacturing", "31-33"),
            ("44--46", "Sectors 44 and 45 - Retail Trade", "44-45"),
            ("48--50", "Sectors 48 and 49 - Transportation and Warehousing", "48-49"),
        ],
    )
    def test_sector(self, code: str, name: str, expected: str) -> None:
        """A sector code is the NAICS sector, titled without the "Sector(s) ... - " prefix."""
        mapped = bd.map_industry(code, name, 2)
        assert mapped == (expected, name.split(" - ", 1)[1], 2)

    @pytest.mark.parametrize(
        ("code", "level", "expected"),
        [
            ("622000", 3, "622"),
            ("622100", 4, "6221"),
            ("551100", 4, "5511"),
            ("237130", 5, "23713"),
        ],
    )
    def test_digits(self, code: str, level: int, expected: str) -> None:
        """An all-digit code zero after its display level is that many NAICS digits."""
        assert bd.map_industry(code, "Title", level) == (expected, "Title", level)

    def test_six_digit_naics(self) -> None:
        """OEWS prints a 6-digit NAICS industry at display level 5; it keeps its code, level 6."""
        name = "Direct Health and Medical Insurance Carriers"
        assert bd.map_industry("524114", name, 5) == ("524114", name, 6)

    @pytest.mark.parametrize(
        ("code", "name", "level"),
        [
            ("622102", "General Medical and Surgical Hospitals, State Government Owned", 5),
            ("611002", "Educational Services, State Government Owned", 4),
            ("622005", "Hospitals, Privately Owned", 4),
        ],
    )
    def test_ownership_variant(self, code: str, name: str, level: int) -> None:
        """An ownership variant keeps its code and title, with no level."""
        assert bd.map_industry(code, name, level) == (code, name, None)

    def test_aggregate(self) -> None:
        """An aggregate of industries keeps its code and title, with no level."""
        name = "Chemical Manufacturing (3251, 3252, 3253, and 3259 only)"
        assert bd.map_industry("3250A1", name, 4) == ("3250A1", name, None)

    @pytest.mark.parametrize(
        ("code", "name", "level"),
        [
            (
                "999101",
                "Federal Government, including the U.S. Postal Service (OEWS Designation)",
                2,
            ),
            ("999100", "Federal Executive Branch (OEWS Designation)", 4),
            ("99-100", "Sector 99 - Federal, State, and Local Government, excl. State & Local", 2),
            ("000001", "Cross-industry, Private Ownership only", 1),
        ],
    )
    def test_designations_keep_code(self, code: str, name: str, level: int) -> None:
        """OEWS designations and 000001 keep code and printed title, with no level."""
        assert bd.map_industry(code, name, level) == (code, name, None)

    @pytest.mark.parametrize(
        ("code", "name", "level"),
        [
            ("000000", "Cross-Industry, Private, Federal, State, and Local", 0),
            ("62--64", "Sector 62 - Health Care", 2),
            ("62--63", "Health Care", 2),
            ("622110", "General Medical and Surgical Hospitals", 4),
            ("622000", "Hospitals", 2),
            ("622102", "General Medical and Surgical Hospitals, State Government Owned", 4),
            ("62A", "Hospitals", 3),
        ],
    )
    def test_unexpected_fails(self, code: str, name: str, level: int) -> None:
        """A code outside the known kinds, or digits that disagree with the level, fail."""
        with pytest.raises(bd.BuildError, match=code):
            bd.map_industry(code, name, level)

    def test_two_codes_one_id_fail(self) -> None:
        """Two OEWS codes mapping to one id fail, naming both."""
        mapped = {
            "622000": bd.MappedIndustry("622", "A", 3),
            "62200X": bd.MappedIndustry("622", "B", 3),
        }
        with pytest.raises(bd.BuildError, match="622000, 62200X -> 622"):
            bd.unique_ids(mapped)


HAND: bd.JsonObject = {
    "id": "6221",
    "title": "General Medical and Surgical Hospitals",
    "naics": [{"version": "2022", "code": "6221", "title": "General Medical..."}],
    "citations": [{"source": "naics", "quote": "NAICS 2022 6221 General Medical..."}],
}


class TestIndustryMerge:
    """industries.json: OEWS records merge into the hand-made ones, idempotently."""

    def _generated(self) -> list[bd.JsonObject]:
        return [
            bd.industry_record(code, bd.map_industry(code, name, level), name)
            for code, name, level in (
                ("622100", "General Medical and Surgical Hospitals", 4),
                ("622000", "Hospitals", 3),
                ("622102", "General Medical and Surgical Hospitals, State Government Owned", 5),
            )
        ]

    def test_hand_made_record_gains_level_and_citation(self) -> None:
        """A hand-made record with a mapped id gets the level after its title and the citation."""
        merged = bd.merge_industries([HAND], self._generated())
        assert [r["id"] for r in merged] == ["622", "6221", "622102"]
        record = merged[1]
        assert list(record) == ["id", "title", "level", "naics", "citations"]
        assert record["level"] == 4
        assert record["citations"] == [
            *HAND["citations"],
            _citation("General Medical and Surgical Hospitals", "oe.industry:622100"),
        ]
        assert "level" not in merged[2]

    def test_merge_is_idempotent(self) -> None:
        """Merging again into an earlier build's output gives the same records."""
        once = bd.merge_industries([HAND], self._generated())
        assert bd.merge_industries(once, self._generated()) == once
        assert bd.merge_industries(once, []) == [HAND]


class TestAreas:
    """Area kind, states, fips and cbsa come from the area type, code and name."""

    def test_metropolitan(self) -> None:
        """A metro's states are its name's suffix; its CBSA is the code after "00"."""
        area = bd.area_record(bd.OewsArea("0010420", "M", "39", "Akron, OH"), STATES)
        assert area == {
            "id": "0010420",
            "name": "Akron, OH",
            "kind": "metropolitan",
            "states": ["OH"],
            "cbsa": "10420",
            "citations": [_citation("Akron, OH", "oe.area:0010420")],
        }

    def test_metropolitan_across_states(self) -> None:
        """A metro spanning states lists each, in the name's order."""
        name = "Allentown-Bethlehem-Easton, PA-NJ"
        area = bd.area_record(bd.OewsArea("0010900", "M", "42", name), STATES)
        assert (area["kind"], area["states"], area["cbsa"]) == (
            "metropolitan",
            ["PA", "NJ"],
            "10900",
        )

    def test_nonmetropolitan(self) -> None:
        """A nonmetro area has its state code's postal code, no fips and no cbsa."""
        name = "Northwest Alabama nonmetropolitan area"
        area = bd.area_record(bd.OewsArea("0100001", "M", "01", name), STATES)
        assert area == {
            "id": "0100001",
            "name": name,
            "kind": "nonmetropolitan",
            "states": ["AL"],
            "citations": [_citation(name, "oe.area:0100001")],
        }

    def test_state(self) -> None:
        """A state has its postal code and its 2-digit FIPS code."""
        area = bd.area_record(bd.OewsArea("0600000", "S", "06", "California"), STATES)
        assert (area["kind"], area["states"], area["fips"]) == ("state", ["CA"], "06")
        assert "cbsa" not in area

    def test_nation(self) -> None:
        """The nation keeps the printed name and has no states."""
        area = bd.area_record(bd.OewsArea("0000000", "N", "00", "National"), STATES)
        assert area == {
            "id": "0000000",
            "name": "National",
            "kind": "national",
            "citations": [_citation("National", "oe.area:0000000")],
        }

    @pytest.mark.parametrize(
        "area",
        [
            bd.OewsArea("0099999", "M", "39", "Nowhere, ZZ"),
            bd.OewsArea("0099999", "M", "39", "Philadelphia, PA-NJ"),
            bd.OewsArea("0600000", "S", "06", "Californie"),
            bd.OewsArea("0100001", "M", "06", "Northwest Alabama nonmetropolitan area"),
        ],
    )
    def test_unexpected_fails(self, area: bd.OewsArea) -> None:
        """An unknown postal code, a state not in its name, or a code that disagrees fail."""
        with pytest.raises(bd.BuildError, match=area.code):
            bd.area_record(area, STATES)

    def test_states_file(self) -> None:
        """states.txt gives the 54 OEWS states, DC and territories."""
        states = bd.read_states(SOURCES / "reference" / "states.txt")
        assert (len(states), states["06"], states["78"]) == (
            54,
            ("California", "CA"),
            ("Virgin Islands", "VI"),
        )


class TestSelection:
    """The default selection: six SOC codes, each held by exactly one occupation."""

    @staticmethod
    def _occupation(oid: str, *codes: str) -> dict[str, object]:
        soc = [{"version": 2018, "code": code, "title": code} for code in codes]
        return {"id": oid, "soc": [{"version": 2010, "code": "29-2071", "title": "x"}, *soc]}

    def test_code_held_twice_fails(self) -> None:
        """A 2018 SOC code in two occupations fails, naming the code and both ids."""
        occupations = [
            self._occupation(MAIN, "29-2072", "29-9021"),
            self._occupation("health-information-technologists", "29-9021"),
        ]
        with pytest.raises(bd.BuildError, match="29-9021 maps to two occupations"):
            bd.held_socs(occupations)

    def test_code_held_by_none_fails(self) -> None:
        """A default SOC code no occupation holds fails."""
        held = bd.held_socs([self._occupation(MAIN, "29-2072", "29-9021")])
        with pytest.raises(bd.BuildError, match="11-9111 maps to no occupation"):
            bd.default_selection(held)

    def test_selection(self) -> None:
        """Each default code maps, by its six digits, to the occupation holding it."""
        held = {code: f"id-{code}" for code in bd.DEFAULT_SOCS}
        assert bd.default_selection(held)["299021"] == "id-29-9021"

    def test_minimal_occupation_slug_collision(self) -> None:
        """A generated occupation's id is its title's slug, with the SOC digits on collision."""
        taken = {"cashiers"}
        record = bd.minimal_occupation("412011", "Cashiers", taken)
        assert record["id"] == "cashiers-412011"
        assert record["soc"] == [{"version": 2018, "code": "41-2011", "title": "Cashiers"}]
        assert (
            bd.slug("Police and Sheriff's Patrol Officers") == "police-and-sheriffs-patrol-officers"
        )


class TestFetch:
    """The pinned wheel's manifest must list the published files' hashes of the reference."""

    @staticmethod
    def _wheel(tmp_path: Path, snapshot: Path, **replace: str) -> zipfile.ZipFile:
        with zipfile.ZipFile(snapshot.parent / bd.WHEEL) as real:
            manifest = json.loads(real.read(bd.MANIFEST_MEMBER))
        for name, sha256 in replace.items():
            manifest["sources"][name]["sha256"] = sha256
        with zipfile.ZipFile(tmp_path / "fake.whl", "w") as fake:
            fake.writestr(bd.MANIFEST_MEMBER, json.dumps(manifest))
        return zipfile.ZipFile(tmp_path / "fake.whl")

    def test_manifest_matches(self, oews_snapshot: Path, tmp_path: Path) -> None:
        """The real wheel's manifest passes."""
        with self._wheel(tmp_path, oews_snapshot) as wheel:
            bd.check_wheel_manifest(wheel)

    def test_manifest_mismatch_fails(self, oews_snapshot: Path, tmp_path: Path) -> None:
        """A published file's hash that differs from the reference fails, naming the file."""
        with (
            self._wheel(tmp_path, oews_snapshot, **{"oe.industry": "0" * 64}) as wheel,
            pytest.raises(bd.BuildError, match=r"sources\.oe\.industry: sha256 0{64}, expected"),
        ):
            bd.check_wheel_manifest(wheel)


class TestTable:
    """oews.sqlite is the same bytes on every build and SQLite version, and still opens."""

    ROWS: Sequence[bd.Cell] = [
        ("OEUN0000000000000292072", "292072", "0000000", "000000", *("1",) * 17, *(None,) * 17),
    ]

    TABLE = bd.TableFile(
        name="oews.sqlite",
        meta=[("source", "oews-2025-05"), ("period", "2025-05"), ("release", "2025A01")],
        footnotes=[("8", "Estimate not released.")],
        occupations=[("292072", MAIN, "29-2072")],
        industries=[("000000", None)],
        cells=ROWS,
    )

    def _table(self) -> bytes:
        return bd.table_bytes(self.TABLE)

    def test_header_normalised(self) -> None:
        """The change counter, version-valid-for and SQLite version number are zero."""
        data = self._table()
        assert data[24:28] == bytes(4)
        assert data[92:100] == bytes(8)
        assert data == self._table()

    def test_unallocated_space_zeroed(self) -> None:
        """Leftovers in a page's gap between cell pointers and cells are zeroed."""
        data = bytearray(self._table())
        page = 4 * 4096  # page 5: the meta table
        cells, content = struct.unpack_from(">HH", data, page + 3)
        gap = page + 8 + 2 * cells
        assert content > gap - page
        assert not any(data[gap : page + content])
        data[gap : page + content] = b"\xff" * (page + content - gap)
        assert bd.canonical(bytes(data)) == self._table()

    def test_opens_from_bytes_and_file(self, tmp_path: Path) -> None:
        """The normalised bytes open in memory and as a file."""
        data = self._table()
        with contextlib.closing(sqlite3.connect(":memory:")) as conn:
            conn.deserialize(data)
            assert conn.execute("SELECT id FROM occupation").fetchall() == [(MAIN,)]
        (tmp_path / "oews.sqlite").write_bytes(data)
        bd.verify_table_file(tmp_path / "oews.sqlite", self.TABLE)


@pytest.fixture(scope="module")
def built(oews_snapshot: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete data directory built from the packaged data and the snapshot."""
    out = tmp_path_factory.mktemp("built") / "data"
    assert _run(oews_snapshot, "--out", str(out)) == 0
    return out


def _run(snapshot: Path, *args: str) -> int:
    """Run the tool with the test session's snapshot cache and the repository's sources/."""
    return bd.main(["--cache", str(snapshot.parent), "--sources", str(SOURCES), *args])


def _copy(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(source, target)
    return target


class TestBuild:
    """Builds of the real snapshot: counts, determinism, and --check."""

    def test_counts(self, built: Path) -> None:
        """The six occupations have 3,679 cells over 583 areas and 354 industry codes."""
        with contextlib.closing(sqlite3.connect(built / "oews.sqlite")) as conn:
            assert conn.execute("SELECT count(*) FROM cell").fetchone() == (3679,)
            assert conn.execute("SELECT count(*) FROM industry").fetchone() == (354,)
            dashes = " + ".join(f"(v{d} IS '-' AND f{d} IS '8')" for d in bd.DATATYPES)
            assert conn.execute(f"SELECT sum({dashes}) FROM cell").fetchone() == (411,)  # noqa: S608
        areas = json.loads((built / "areas.json").read_bytes())["areas"]
        assert len(areas) == 583

    def test_untouched_files_copied(self, built: Path) -> None:
        """The other data files are copied unchanged, and the manifest hashes what was written."""
        packaged = REPO / "src" / "medcoder_careers" / "data"
        assert (built / "occupations.json").read_bytes() == (
            packaged / "occupations.json"
        ).read_bytes()
        files = json.loads((built / "manifest.json").read_bytes())["files"]
        assert set(files) == {p.name for p in built.iterdir()} - {"manifest.json"}

    def test_deterministic(self, oews_snapshot: Path, built: Path, tmp_path: Path) -> None:
        """A second build gives the same bytes in every file."""
        assert _run(oews_snapshot, "--out", str(tmp_path)) == 0
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in built.iterdir())
        for path in built.iterdir():
            assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name

    def test_check_passes_and_writes_nothing(
        self, oews_snapshot: Path, built: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--check on a fresh build exits 0 with a summary and leaves the directory as it was."""
        before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in built.iterdir()}
        assert _run(oews_snapshot, "--check", "--data", str(built)) == 0
        assert "up to date: 13 files, 3679 cells, 60721 values" in capsys.readouterr().out
        assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in built.iterdir()} == before

    def test_check_fails_on_edited_value(
        self, oews_snapshot: Path, built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--check exits 1 naming oews.sqlite when one v13 value is edited."""
        data = _copy(built, tmp_path)
        with contextlib.closing(sqlite3.connect(data / "oews.sqlite")) as conn, conn:
            edit = "UPDATE cell SET v13 = '61811' WHERE key = 'OEUS0600000000000292072'"
            assert conn.execute(edit).rowcount == 1
        assert _run(oews_snapshot, "--check", "--data", str(data)) == 1
        out = capsys.readouterr().out
        assert "oews.sqlite differs" in out
        assert "areas.json" not in out

    def test_check_fails_on_edited_area_name(
        self, oews_snapshot: Path, built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--check exits 1 naming areas.json when one area name is edited."""
        data = _copy(built, tmp_path)
        text = (data / "areas.json").read_text(encoding="utf-8")
        (data / "areas.json").write_text(text.replace('"Akron, OH"', '"Akron, Ohio"', 1), "utf-8")
        assert _run(oews_snapshot, "--check", "--data", str(data)) == 1
        out = capsys.readouterr().out
        assert "areas.json differs" in out
        assert "oews.sqlite" not in out

    def test_shared_code_fails_the_build(
        self, oews_snapshot: Path, built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two occupations holding 29-9021 (the main one and its own) stop the build."""
        data = _copy(built, tmp_path)
        occupations = json.loads((data / "occupations.json").read_bytes())
        (main,) = (
            o
            for o in occupations["occupations"]
            if o["id"] == "medical-records-and-health-information-technicians"
        )
        main["soc"].append({"version": 2018, "code": "29-9021", "title": "Health Information..."})
        (data / "occupations.json").write_text(json.dumps(occupations), "utf-8")
        assert _run(oews_snapshot, "--data", str(data)) == 2
        assert "29-9021 maps to two occupations" in capsys.readouterr().err
