"""A credential's atlas page: issuer, requirements, upkeep, and the occupations it serves."""

from __future__ import annotations

import medcoder_careers as mc

from .common import occupation_href
from .fmt import esc, figure, period_text
from .markup import Cell, Page, table
from .provenance import Cited, cited, details

__all__ = ["credential_page"]


def _requirements(
    cat: mc.Catalog, page: Page, heading: str, requirements: list[mc.Requirement], empty: str
) -> None:
    page.add(f"## {heading}")
    if not requirements:
        page.add(empty)
        return
    rows = [
        [
            Cell(
                str(r.kind).replace("_", " ") + ("" if r.route is None else f" (route {r.route})")
            ),
            Cell(r.text),
            Cell("-" if r.organization is None else cat.organizations[r.organization].name),
        ]
        for r in requirements
    ]
    page.html(table(["kind", "requirement", "organization involved"], rows))
    notes: list[Cited] = [(f"{r.kind}: {r.text[:60]}…", r.citation, None) for r in requirements]
    page.html(details(cat, notes))


def _issuer(cat: mc.Catalog, credential: mc.Credential, page: Page) -> None:
    issuer = cat.organizations[credential.issuer]
    name = issuer.name if issuer.abbreviation is None else f"{issuer.name} ({issuer.abbreviation})"
    lines = [f"<li>Issuer: <b>{esc(name)}</b>, {esc(str(issuer.kind).replace('_', ' '))}</li>"]
    if issuer.website is not None:
        lines.append(f'<li>Website: <a href="{esc(issuer.website)}">{esc(issuer.website)}</a></li>')
    if issuer.parent is not None:
        lines.append(f"<li>Part of: {esc(cat.organizations[issuer.parent].name)}</li>")
    if credential.options:
        lines.append(f"<li>Options: {esc(', '.join(credential.options))}</li>")
    page.html("\n".join(["<ul>", *lines, "</ul>"]))
    notes: list[Cited] = [
        (f"{credential.abbreviation}", citation, None) for citation in credential.citations
    ]
    page.html(details(cat, notes))


def credential_page(cat: mc.Catalog, credential: mc.Credential) -> str:
    """Return a credential's page.

    Args:
        cat: The catalog.
        credential: The credential.
    """
    page = Page(f"{credential.abbreviation}: {credential.name}")
    page.add(f"In Python: `cat.credential({credential.abbreviation!r})`.")
    _issuer(cat, credential, page)
    upkeep = mc.RequirementKind.CONTINUING_EDUCATION
    _requirements(
        cat,
        page,
        "Requirements",
        [r for r in credential.requirements if r.kind is not upkeep],
        "The data holds no requirements to earn this credential.",
    )
    _requirements(
        cat,
        page,
        "Upkeep: continuing education (CEUs)",
        [r for r in credential.requirements if r.kind is upkeep],
        "The data holds no continuing-education requirement for this credential.",
    )
    page.add("## Occupations it relates to")
    rows = []
    notes: list[Cited] = []
    for key in credential.related_occupations:
        occupation = cat.occupations[key]
        median = cat.quick_facts(occupation).median_annual_pay
        rows.append(
            [
                Cell(occupation.title, href=occupation_href(occupation.id)),
                Cell("not in the data" if median is None else figure(median), numeric=True),
                Cell("-" if median is None else period_text(median.period)),
            ]
        )
        if median is not None:
            notes.append(cited(f"{occupation.title}: national median annual wage", median))
    page.html(table(["occupation", "national median annual wage", "period"], rows))
    if notes:
        page.html(details(cat, notes))
    return page.text()
