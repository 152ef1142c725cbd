"""What the job is: O*NET 29.3 and the 2018 SOC definitions, merged into the occupations.

For each occupation of the catalog, from its O*NET-SOC code ``XX-XXXX.00``
(read by `upstream.read_onet`): O*NET's description, job zone, tasks (in
the file's order, with their Task IDs and ratings), technology (hot and
in-demand flags) and titles (its alternate titles and sample of reported
titles); and the 2018 SOC definition of its 2018 code. Every value is the
file's text, cited by a locator naming where it stands (``onet:task:22881``,
``soc:29-2072``).

The occupations are hand-made records: `merge_onet` first takes away what
an earlier build added (these fields and the citations of these two
sources), so that a build is the same whatever the file held before.

This product includes information from the O*NET 29.3 Database by the U.S.
Department of Labor, Employment and Training Administration (USDOL/ETA).
Used under the CC BY 4.0 license. O*NET(R) is a trademark of USDOL/ETA.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import upstream
from pinned import SOURCES, BuildError, pinned

__all__ = ["ONET_SOURCE", "SOC_SOURCE", "merge_onet"]

ONET_SOURCE: Final = "onet-29.3"
SOC_SOURCE: Final = "soc-2018-definitions"
_FIELDS: Final = ("description", "job_zone", "tasks", "technology", "onet_titles")
_SOC_VERSION: Final = 2018
_KINDS: Final = {"Core": "core", "Supplemental": "supplemental"}

JsonObject = dict[str, Any]


def _cite(source: str, quote: str, locator: str) -> JsonObject:
    return {"source": source, "quote": quote, "locator": locator}


def _hand_made(record: JsonObject) -> JsonObject:
    """Return *record* without what this module adds to it."""
    kept = {key: value for key, value in record.items() if key not in _FIELDS}
    kept["soc"] = [{k: v for k, v in soc.items() if k != "definition"} for soc in record["soc"]]
    kept["citations"] = [
        c for c in record["citations"] if c["source"] not in {ONET_SOURCE, SOC_SOURCE}
    ]
    return kept


def _code_2018(record: JsonObject) -> str | None:
    codes = [soc["code"] for soc in record["soc"] if soc["version"] == _SOC_VERSION]
    if len(codes) > 1:
        msg = f"occupation {record['id']} holds several 2018 SOC codes: {codes}"
        raise BuildError(msg)
    return codes[0] if codes else None


def _task(task: upstream.OnetTask) -> JsonObject:
    found: JsonObject = {"id": task.id, "text": task.text}
    if task.task_type is not None:
        found["kind"] = _KINDS[task.task_type]
    found["citation"] = _cite(ONET_SOURCE, task.text, f"onet:task:{task.id}")
    return found


def _technology(code: str, tech: upstream.OnetTechnology) -> JsonObject:
    found: JsonObject = {
        "example": tech.example,
        "commodity": tech.commodity,
        "commodity_title": tech.commodity_title,
    }
    if tech.hot:
        found["hot"] = True
    if tech.in_demand:
        found["in_demand"] = True
    locator = f"onet:technology:{code}:{tech.commodity}:{tech.example}"
    found["citation"] = _cite(ONET_SOURCE, tech.example, locator)
    return found


def _enriched(
    record: JsonObject, onet: upstream.OnetOccupation, definition: upstream.SocDefinition
) -> JsonObject:
    """Return *record* (hand-made) with the O*NET fields and the SOC definition."""
    code = onet.code
    merged: JsonObject = {}
    for key, value in record.items():
        if key == "citations":
            merged |= {
                "description": onet.description,
                "job_zone": onet.job_zone,
                "tasks": [_task(task) for task in onet.tasks],
                "technology": [_technology(code, tech) for tech in onet.technology],
                "onet_titles": list(onet.titles),
            }
        merged[key] = value
    for soc in merged["soc"]:
        if soc["version"] == _SOC_VERSION:
            soc["definition"] = definition.definition
    merged["citations"] = [
        *record["citations"],
        _cite(SOC_SOURCE, definition.definition, f"soc:{definition.code}"),
        _cite(ONET_SOURCE, onet.description, f"onet:occupation:{code}"),
        _cite(ONET_SOURCE, str(onet.job_zone), f"onet:job-zone:{code}"),
        *(_cite(ONET_SOURCE, title, f"onet:title:{code}:{title}") for title in onet.titles),
    ]
    return merged


def _pin_onet(sources: Path) -> Path:
    """Check every O*NET file against the manifest; return their directory under *sources*."""
    directory = sources / upstream.ONET_DIR.relative_to(upstream.UPSTREAM.parent)
    for name in (*upstream.ONET_FILES, upstream.ONET_ALTERNATE_TITLES, "Read Me.txt"):
        pinned(directory / name, sources)
    return directory


def merge_onet(
    occupations: Iterable[JsonObject], held: Mapping[str, str], sources: Path = SOURCES
) -> list[JsonObject]:
    """Return *occupations* with the O*NET fields and SOC definitions of those in *held*.

    *held* maps each 2018 SOC code to the occupation holding it; an
    occupation outside it is returned as hand-made.

    Raises:
        BuildError: a file is not as pinned, not O*NET 29.3, disagrees with
            its copy (SOC), or has no row for an occupation.
    """
    directory = _pin_onet(sources)
    upstream.read_onet_release(directory)
    onet = upstream.read_onet(directory, [f"{code}.00" for code in sorted(held)])
    soc_path = pinned(sources / upstream.SOC_PATH.relative_to(upstream.UPSTREAM.parent), sources)
    check_path = pinned(
        sources / upstream.SOC_CHECK_PATH.relative_to(upstream.UPSTREAM.parent), sources
    )
    soc = upstream.read_soc(soc_path)
    if problems := upstream.check_soc(soc, upstream.read_soc(check_path)):
        msg = f"{soc_path.name} disagrees with its copy: {'; '.join(problems[:5])}"
        raise BuildError(msg)
    definitions = upstream.soc_definitions(soc)
    merged = []
    for record in occupations:
        plain = _hand_made(record)
        code = _code_2018(plain)
        if code is None or code not in held:
            merged.append(plain)
            continue
        if held[code] != plain["id"] or f"{code}.00" not in onet or code not in definitions:
            msg = f"no O*NET occupation {code}.00 or SOC definition for {plain['id']}"
            raise BuildError(msg)
        merged.append(_enriched(plain, onet[f"{code}.00"], definitions[code]))
    return merged
