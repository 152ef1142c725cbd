"""Pages generated at build time from the packaged data: they cannot drift."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files
from pathlib import Path

import medcoder_careers as mc
from medcoder_careers._data.store import Store


def _citing_counts(cat: mc.Catalog) -> Counter[str]:
    counts: Counter[str] = Counter()
    for stat in cat.statistics:
        counts[stat.citation.source] += 1
    for fact in cat.facts:
        counts[fact.citation.source] += 1
    for row in cat.cpi_u.values():
        counts[row.citation.source] += 1
    entities = [
        *cat.organizations.values(),
        *cat.sources.values(),
        *cat.occupations.values(),
        *cat.credentials.values(),
        *cat.industries.values(),
        *cat.areas.values(),
    ]
    for entity in entities:
        for source in {c.source for c in entity.citations}:
            counts[source] += 1
    return counts


def _summary(cat: mc.Catalog) -> list[str]:
    """Counts per kind of record, per kind of area, and of the values BLS withheld."""
    kinds = [
        ("occupations", len(cat.occupations)),
        ("credentials", len(cat.credentials)),
        ("organizations", len(cat.organizations)),
        ("sources", len(cat.sources)),
        ("industries", len(cat.industries)),
        ("areas", len(cat.areas)),
        ("statistics", len(cat.statistics)),
        ("facts", len(cat.facts)),
        ("CPI-U annual averages", len(cat.cpi_u)),
    ]
    lines = ["## What the release holds", "", "| records | count |", "|---|---|"]
    lines += [f"| {name} | {count:,} |" for name, count in kinds]
    areas = Counter(area.kind.value for area in cat.areas.values())
    values = Counter(cat.areas[s.area].kind.value for s in cat.statistics)
    lines += ["", "| kind of area | areas | statistics |", "|---|---|---|"]
    lines += [f"| {kind} | {areas[kind]:,} | {values[kind]:,} |" for kind in sorted(areas)]
    # The packaged table files, opened by the docs to count what BLS withheld.
    packaged = Store(lambda: files("medcoder_careers") / "data")
    for table in packaged.tables():
        withheld = table.withheld()
        total = sum(withheld.values())
        detail = ", ".join(f"footnote {code}: {n:,}" for code, n in sorted(withheld.items()))
        lines += [
            "",
            (
                f'In `{table.file}` ({table.source}), BLS printed {total:,} values as "-" '
                f"({detail or 'none'}): not released, or paid the other way. They are "
                "not statistics and are left out, never stored as zero."
            ),
        ]
    return lines


def sources_page(cat: mc.Catalog) -> str:  # noqa: C901 - one line per field a source may have
    """Return the sources page: what the release holds, then every source and its use."""
    counts = _citing_counts(cat)
    lines = [
        "# Sources",
        "",
        (
            f"Generated from the packaged data, release {cat.data_version} "
            f"(manifest digest `{cat.digest[:16]}`)."
        ),
        "",
        *_summary(cat),
        "",
        "## Every source",
        "",
        "| id | kind | edition | as of | statistics | facts | records citing it |",
        "|---|---|---|---|---|---|---|",
    ]
    for source in cat.sources.values():
        stats = len(cat.stats(source=source))
        facts = len(cat.find_facts(source=source))
        lines.append(
            f"| `{source.id}` | {source.kind} | {source.edition or '-'} | "
            f"{source.as_of or '-'} | {stats} | {facts} | {counts[source.id]} |"
        )
    for source in cat.sources.values():
        lines += ["", f"### {source.title}", "", f"- id: `{source.id}`", f"- kind: {source.kind}"]
        if source.edition:
            lines.append(f"- edition: {source.edition}")
        if source.publisher:
            lines.append(f"- publisher: {cat.organizations[source.publisher].name}")
        if source.as_of:
            lines.append(f"- as of: {source.as_of}")
        if source.release:
            lines.append(f"- release: {source.release}")
        if source.address:
            lines.append(f"- file: <{source.address}> (sha256 `{source.sha256}`)")
        if source.snapshot:
            lines.append(f"- read through: {source.snapshot}")
        lines.append(f"- retrieved via: {source.retrieved_via}")
        periods = sorted({s.period for s in cat.stats(source=source)})
        if periods:
            lines.append(f"- reference periods: {', '.join(map(str, periods))}")
        if source.note:
            lines += ["", source.note]
    return "\n".join(lines) + "\n"


def cli_page() -> str:
    """Return the CLI reference: the help of the command and of each subcommand."""
    import argparse  # noqa: PLC0415

    from medcoder_careers._cli.app import _parser  # noqa: PLC0415 - the real parser

    parser = _parser()
    lines = [
        "# Command line",
        "",
        "`medcoder-careers` (or `python -m medcoder_careers`). Bad input prints one line on",
        "stderr and exits with status 2. Generated from the parser itself.",
        "",
        "```text",
        parser.format_help().rstrip(),
        "```",
    ]
    for action in parser._actions:  # noqa: SLF001 - argparse keeps subparsers here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                lines += ["", f"## {name}", "", "```text", sub.format_help().rstrip(), "```"]
    return "\n".join(lines) + "\n"


def write_pages(target: Path) -> None:
    """Write every generated page under *target*, the career atlas in ``atlas/``."""
    from _atlas import write_atlas  # noqa: PLC0415 - imports matplotlib: only when building

    target.mkdir(exist_ok=True)
    (target / "sources.md").write_text(sources_page(mc.catalog()), encoding="utf-8")
    (target / "cli.md").write_text(cli_page(), encoding="utf-8")
    write_atlas(target / "atlas")
