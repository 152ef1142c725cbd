"""OEWS national estimates of May 2019 to May 2024: one table file per release, from the xlsx.

Each release's national file (``sources/upstream/oews/national_M<YEAR>_dl.xlsx``)
is read by `upstream.read_oews_national`; where an independent copy of the
same release is pinned beside it (May 2020, 2022, 2024), every value read
must agree with it or the build fails. The values go into the library's
table format (`table_file`) exactly as the file stores them, markers
included, with the file's own words for each marker and that year's top
code. May 2019 and May 2020 count the coders and the registrars in the OEWS
hybrids ``29-2098`` and ``29-9098``: their rows are the occupations' figures
of those years, with that definition.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Final

import upstream
from pinned import SOURCES, BuildError, pinned
from table_file import DATATYPES, TableFile

__all__ = ["MARKERS", "YEARS", "file_name", "national_table", "national_tables", "source_id"]

YEARS: Final = upstream.OEWS_YEARS
MARKERS: Final = ("*", "**", "#")
"""The markers a value column may hold: not available (wage, employment), top-coded."""
_NATION: Final = "0000000"
_WHOLE: Final = "000000"


def source_id(year: int) -> str:
    """Return the id of the `Source` of May *year*'s national file (``"oews-2024-05"``)."""
    return f"oews-{year}-05"


def file_name(year: int) -> str:
    """Return the name of May *year*'s table file in the data directory."""
    return f"{source_id(year)}.sqlite"


def _in_sources(path: Path, sources: Path) -> Path:
    """Return the pinned copy under *sources* of an upstream file `upstream` names."""
    return pinned(sources / path.relative_to(upstream.UPSTREAM.parent), sources)


def _checked(year: int, sources: Path) -> upstream.OewsNational:
    """Read May *year*'s file, and check its values of our occupations against every copy."""
    main = upstream.read_oews_national(
        _in_sources(upstream.OEWS_DIR / f"national_M{year}_dl.xlsx", sources)
    )
    if main.year != year:
        msg = f"{main.file}: holds May {main.year}, not May {year}"
        raise BuildError(msg)
    codes = [code for soc in upstream.SOCS for code in (soc, upstream.HYBRIDS.get(soc)) if code]
    for copy_path in upstream.OEWS_CHECKS.get(year, ()):
        copy = upstream.read_oews_national(_in_sources(copy_path, sources))
        problems = upstream.check_against(main, copy, [c for c in codes if c in main.rows])
        if problems:
            msg = f"{main.file} disagrees with {copy.file}: {'; '.join(problems[:5])}"
            raise BuildError(msg)
    return main


def national_table(year: int, held: Mapping[str, str], sources: Path = SOURCES) -> TableFile:
    """Return the table file of May *year*: a cell per occupation of *held* (2018 SOC -> id).

    Raises:
        BuildError: a file is not as pinned, disagrees with its copy, or
            has no detailed row for an occupation (nor for its hybrid).
    """
    main = _checked(year, sources)
    occupations: list[tuple[str, str, str]] = []
    cells = []
    for code, occupation_id in sorted(held.items()):
        counted = code if code in main.rows else upstream.HYBRIDS.get(code)
        row = main.rows.get(counted) if counted else None
        if counted is None or row is None:
            msg = f"{main.file}: no detailed row for {code} (nor an OEWS hybrid of it)"
            raise BuildError(msg)
        digits = counted.replace("-", "")
        occupations.append((digits, occupation_id, counted))
        values = [row.values[d].text if d in row.values else None for d in DATATYPES]
        cells.append(
            (
                f"OEUN{_NATION}{_WHOLE}{digits}",
                digits,
                _NATION,
                _WHOLE,
                *values,
                *[None] * len(DATATYPES),
            )
        )
    footnotes = [
        (m.symbol, " ".join(m.text.split())) for m in main.markers.values() if m.symbol in MARKERS
    ]
    meta = [
        ("source", source_id(year)),
        ("period", main.period),
        ("release", main.heading),
        ("top_code_hourly", str(main.top_code.hourly)),
        ("top_code_annual", str(main.top_code.annual)),
    ]
    return TableFile(
        name=file_name(year),
        meta=meta,
        footnotes=footnotes,
        occupations=occupations,
        industries=[(_WHOLE, None)],
        cells=sorted(cells),
    )


def national_tables(held: Mapping[str, str], sources: Path = SOURCES) -> list[TableFile]:
    """Return the table file of every May from 2019 to 2024 (see `national_table`)."""
    return [national_table(year, held, sources) for year in YEARS]
