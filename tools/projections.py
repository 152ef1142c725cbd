"""Employment Projections 2024-34 (Table 1.2): statistics and facts of the catalog's occupations.

For each occupation, from its row of ``sources/upstream/ep/occupation.xlsx``
(read by `upstream.read_ep_table`): employment 2024 (every job, the
self-employed included), projected employment 2034, the change in jobs and
in percent, the annual average openings, and the typical entry-level
education, work experience and on-the-job training as facts. EP states
employment in thousands with one decimal: a value is the number of jobs
(194.8 -> 194800), bound exact, since that is what EP states; the quote is
the cell as stored and the locator names the cell. EP states no outlook
descriptor, and none is made up. Its median wage repeats OEWS May 2024 and
is not stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import upstream
from pinned import SOURCES, BuildError, pinned

__all__ = ["SOURCE", "projection_records"]

SOURCE: Final = "ep-2024-34"
"""The id of the `Source` of the EP tables."""

_BASE: Final = "2024"
_SPAN: Final = "2024/2034"
_THOUSAND: Final = Decimal(1000)

# field of the row, measure, unit, period, whether the value is in thousands of jobs
_FIGURES: Final = (
    ("employment_2024", "employment", "jobs", _BASE, True),
    ("employment_2034", "projected_employment", "jobs", _SPAN, True),
    ("change_numeric", "projected_change", "jobs", _SPAN, True),
    ("change_percent", "projected_change_percent", "percent", _SPAN, False),
    ("openings_annual", "annual_openings", "jobs_per_year", _SPAN, True),
)
_FACTS: Final = (
    ("education", "entry_level_education"),
    ("work_experience", "work_experience"),
    ("training", "on_the_job_training"),
)

JsonObject = dict[str, Any]


def _citation(cell: upstream.CellValue) -> JsonObject:
    return {"source": SOURCE, "quote": cell.text, "locator": upstream.ep_locator(cell)}


def _value(cell: upstream.CellValue, *, thousands: bool) -> str:
    """The figure a cell states, as the JSON text of a Decimal (``"194800"``, ``"7.1"``)."""
    number = cell.number
    if number is None:
        msg = f"{cell.file} {cell.sheet}!{cell.cell}: {cell.text!r} is not a number"
        raise BuildError(msg)
    if not thousands:
        return cell.text
    jobs = number * _THOUSAND
    if jobs != jobs.to_integral_value():
        msg = (
            f"{cell.file} {cell.sheet}!{cell.cell}: {cell.text} thousand is no whole number of jobs"
        )
        raise BuildError(msg)
    return str(jobs.quantize(Decimal(1)))


def projection_records(
    held: Mapping[str, str], sources: Path = SOURCES
) -> tuple[list[JsonObject], list[JsonObject]]:
    """Return the EP statistics and facts of the occupations *held* (2018 SOC code -> id).

    Raises:
        BuildError: the file is not as pinned, or an occupation has no
            detailed row (a ``Line item``).
    """
    path = pinned(sources / upstream.EP_PATH.relative_to(upstream.UPSTREAM.parent), sources)
    table = upstream.read_ep_table(path)
    statistics: list[JsonObject] = []
    facts: list[JsonObject] = []
    for code, occupation_id in sorted(held.items()):
        row = table.get(code)
        if row is None or not row.line_item:
            msg = f"{path.name}: no detailed row (Line item) for {code}"
            raise BuildError(msg)
        for field, measure, unit, period, thousands in _FIGURES:
            cell = row.cells[field]
            record: JsonObject = {
                "occupation": occupation_id,
                "measure": measure,
                "value": _value(cell, thousands=thousands),
                "unit": unit,
                "bound": "exact",
                "period": period,
                "source": SOURCE,
                "definition": code,
            }
            if measure == "employment":
                record["coverage"] = "all_jobs"
            record["citation"] = _citation(cell)
            statistics.append(record)
        for field, topic in _FACTS:
            cell = row.cells[field]
            facts.append(
                {
                    "occupation": occupation_id,
                    "topic": topic,
                    "text": cell.text,
                    "source": SOURCE,
                    "citation": _citation(cell),
                    "period": _BASE,
                }
            )
    return statistics, facts
