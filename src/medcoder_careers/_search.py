"""The names each kind of entity answers to, and `SearchResult`."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ._model import Area, Credential, Industry, Occupation, Organization, Source
from ._topics import Topic
from ._vocab import AreaKind

__all__ = ["KINDS", "SEARCH_KINDS", "TOPIC_WEIGHT", "Entity", "SearchResult", "names_of"]

Entity = Occupation | Credential | Organization | Source | Industry | Area
"""Any entity a lookup or a search can return."""

KINDS = ("occupation", "credential", "organization", "source", "industry", "area")
"""The kinds of entity, as `SearchResult.kind` and `NotFound.kind` name them."""

SEARCH_KINDS = (*KINDS, "topic")
"""What `Catalog.search` finds: every kind of entity, and topics (`Topic`)."""

TOPIC_WEIGHT = 0.9
"""A topic's score is its match's times this: under every exact entity match."""


def _occupation_names(occupation: Occupation, *, aliases: bool) -> Iterator[tuple[str, bool]]:
    yield occupation.title, False
    for title in occupation.alternate_titles:
        yield title, False
    for soc in occupation.soc:
        yield soc.code, True
        yield soc.title, False
    for specialty in occupation.specialties:
        yield specialty.name, False
        if aliases:
            for name in specialty.alternate_names:
                yield name, False
    yield occupation.id, True


def _credential_names(credential: Credential) -> Iterator[tuple[str, bool]]:
    yield credential.abbreviation, True
    yield credential.name, False
    for name in credential.alternate_names:
        yield name, False
    yield credential.id, True


def _organization_names(organization: Organization) -> Iterator[tuple[str, bool]]:
    if organization.abbreviation:
        yield organization.abbreviation, True
    yield organization.name, False
    for name in organization.alternate_names:
        yield name, False
    yield organization.id, True


def _source_names(source: Source) -> Iterator[tuple[str, bool]]:
    yield source.title, False
    if source.edition:
        yield source.edition, True
        yield f"{source.edition} Edition", False
    yield source.id, True


def _industry_names(industry: Industry) -> Iterator[tuple[str, bool]]:
    yield industry.title, False
    for title in industry.alternate_titles:
        yield title, False
    for naics in industry.naics:
        yield naics.code, True
        yield naics.title, False
    for citation in industry.citations:  # the OEWS code it was read under: "622000"
        if citation.locator and citation.locator.startswith(_OEWS_INDUSTRY):
            code = citation.locator.removeprefix(_OEWS_INDUSTRY)
            if code != industry.id:
                yield code, True
    yield industry.id, True


_OEWS_INDUSTRY = "oe.industry:"
_NATION_NAMES = ("US", "USA", "U.S.", "United States", "United States of America", "nationwide")


def _area_names(area: Area) -> Iterator[tuple[str, bool]]:
    yield area.name, False
    place, comma, _ = area.name.rpartition(",")
    if comma:  # "Akron, OH" also answers to "Akron"; four metros to "Springfield"
        yield place, False
    if area.kind is AreaKind.NATIONAL:
        yield "national", False
        for name in _NATION_NAMES:
            yield name, True
    if area.kind is AreaKind.STATE:
        for postal in area.states:
            yield postal, True
    for code in (area.fips, area.cbsa):
        if code is not None:
            yield code, True
    yield area.id, True


def names_of(entity: Entity, *, aliases: bool = True) -> Iterator[tuple[str, bool]]:
    """Yield every name *entity* answers to, flagging ids, codes and abbreviations.

    The same names feed the lookup indexes and the search index; search
    leaves out a specialty's other names (*aliases*), so that searching
    "tumor registrar" ranks the Certified Tumor Registrar credential, whose
    own name holds those words, above the occupation it is an alias of.

    Args:
        entity: An occupation, credential, organization, source, industry or area.
        aliases: Include the other names of an occupation's specialties.

    Returns:
        ``(name, is_key)`` pairs, the entity's main name first, its id last;
        ``is_key`` is true for an id, a SOC or NAICS code, an abbreviation
        or an edition label, an area's code, FIPS, CBSA or postal code.
    """
    match entity:
        case Occupation():
            return _occupation_names(entity, aliases=aliases)
        case Credential():
            return _credential_names(entity)
        case Organization():
            return _organization_names(entity)
        case Source():
            return _source_names(entity)
        case Industry():
            return _industry_names(entity)
        case Area():
            return _area_names(entity)


def _short(entity: Entity | Topic) -> str:
    return f"<{type(entity).__name__} {entity.id}>"


@attrs.frozen(kw_only=True)
class SearchResult:
    """One match of `Catalog.search`: an entity or a topic, and how well the text matched it.

    Attributes:
        entity: The entity found, or the `Topic` (what statistics or facts
            are about: ``"median pay"``, ``"certification"``).
        kind: Its kind: ``"occupation"``, ``"credential"``,
            ``"organization"``, ``"source"``, ``"industry"``, ``"area"``
            or ``"topic"``.
        name: The name that matched best, as the data spells it (a title,
            alternate title, abbreviation, code, ...; for a topic its name,
            a keyword, or the text of one of its facts).
        score: How well, from 1.0 (an exact id, code or abbreviation) and
            0.95 (an exact name) down through prefixes and substrings
            (0.6 to 0.9) to typo-tolerant similarity (under 0.6). A topic
            scores 0.9 times that, so it ranks below every exact match of
            an entity.

    .. versionchanged:: 2026.3.0 ``entity`` may be a `Topic`.
    """

    entity: Entity | Topic = attrs.field(repr=_short)
    kind: str
    name: str
    score: float

    @property
    def id(self) -> str:
        """The entity's id."""
        return self.entity.id
