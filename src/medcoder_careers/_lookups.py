"""Lookups by any name an entity answers to, and the typo-tolerant search."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ._base import COLLECTION_OF, CatalogBase
from ._errors import ArgumentError, NotFound, shown
from ._lookup import Finder, FuzzyIndex, KeyIndex, normalise, singular
from ._model import Area, Credential, Industry, Occupation, Organization, Source
from ._search import KINDS, SEARCH_KINDS, TOPIC_WEIGHT, SearchResult, names_of
from ._topics import Topic, topic_names, topics
from ._vocab import AreaKind

__all__ = ["Lookups"]


def _area_codes(areas: Iterable[Area]) -> dict[str, str]:
    """The codes that name one area each: FIPS, CBSA, a state's postal code, "US".

    No area's name folds onto two digits, five digits or two letters, so
    these need not wait for the name index (which costs most of a first
    area query).
    """
    codes: dict[str, str] = {}
    for area in areas:
        if area.kind is AreaKind.NATIONAL:
            codes["US"] = area.id
        for code in (area.fips, area.cbsa):
            if code is not None:
                codes[code] = area.id
        if area.kind is AreaKind.STATE:
            for postal in area.states:
                codes[postal] = codes[postal.lower()] = area.id
    return codes


class Lookups(CatalogBase):
    """The lookup methods of `Catalog` (see there)."""

    __slots__ = ()

    # -- lookups ---------------------------------------------------------

    def _finder(self, kind: str) -> Finder[Any]:
        found = self._built.get(kind)  # the finders are keyed by their kind
        if found is not None:
            return found  # type: ignore[no-any-return]

        def build() -> Finder[Any]:
            table = self._table(kind)

            def index() -> KeyIndex:
                names = ((name, r.id) for r in table.values() for name, _ in names_of(r))
                return KeyIndex(kind, names)

            codes = _area_codes(table.values()) if kind == "area" else None
            return Finder(COLLECTION_OF[kind][1], table, index, kind, codes)

        return self._once(kind, build)

    def occupation(self, key: str | Occupation) -> Occupation:
        """Return the occupation *key* names.

        Args:
            key: An id, a SOC code of any SOC version (``"29-2071"``,
                ``"29-2072"``), the title, an alternate title
                (``"medical coder"``) or a specialty's name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._finder("occupation")(key)  # type: ignore[no-any-return]

    def credential(self, key: str | Credential) -> Credential:
        """Return the credential *key* names: id, abbreviation (``"RHIT"``) or name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._finder("credential")(key)  # type: ignore[no-any-return]

    def organization(self, key: str | Organization) -> Organization:
        """Return the organization *key* names: id, abbreviation (``"AHIMA"``) or name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._finder("organization")(key)  # type: ignore[no-any-return]

    def source(self, key: str | Source) -> Source:
        """Return the source *key* names: id, title, or edition label (``"2010-11"``).

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._finder("source")(key)  # type: ignore[no-any-return]

    def industry(self, key: str | Industry) -> Industry:
        """Return the industry *key* names: NAICS code, OEWS industry code or title.

        A title several NAICS levels share ("Management of Companies and
        Enterprises" is 55, 551 and 5511) raises `NotFound` naming them all.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._finder("industry")(key)  # type: ignore[no-any-return]

    def area(self, key: str | Area) -> Area:
        """Return the area *key* names.

        Args:
            key: The 7-digit area code (``"0600000"``); ``"US"``, ``"United
                States"`` or ``"national"`` for the nation; a state's postal
                abbreviation (``"CA"``), FIPS code (``"06"``) or name; a
                metro area's CBSA code (``"10420"``) or name (``"Akron,
                OH"``, ``"akron oh"``, or ``"Akron"`` alone where one metro
                has that name).

        Raises:
            NotFound: nothing matches (with suggestions), or several do
                (``"Springfield"`` names four metro areas: all are named).

        >>> import medcoder_careers as mc
        >>> mc.catalog().area("akron oh").id
        '0010420'

        .. versionadded:: 2026.2.0
        """
        return self._finder("area")(key)  # type: ignore[no-any-return]

    def credentials_by(self, organization: str | Organization) -> tuple[Credential, ...]:
        """Return the credentials *organization* issues, ordered by id.

        Raises:
            NotFound: *organization* names no organization.
        """
        issuer = self.organization(organization).id
        return tuple(c for c in self.credentials.values() if c.issuer == issuer)

    def related(self, occupation: str | Occupation) -> tuple[Occupation, ...]:
        """Return the occupations the sources name as related to *occupation*.

        Raises:
            NotFound: *occupation* names no occupation.
        """
        found = self.occupation(occupation)
        return tuple(self.occupations[related] for related in found.related)

    # -- search ----------------------------------------------------------

    @property
    def topics(self) -> Mapping[str, Topic]:
        """Every `Topic` search can find, by id (read-only): what statistics and facts are about.

        .. versionadded:: 2026.3.0
        """
        return topics()

    def _search_entries(self) -> Iterator[tuple[str, str, str, bool]]:
        for kind in KINDS:
            for record in self._table(kind).values():
                for name, is_key in names_of(record, aliases=False):
                    yield kind, record.id, name, is_key
        for topic in topics().values():
            for name, is_key in topic_names(topic):
                yield "topic", topic.id, name, is_key
        for fact in self.facts:  # a fact's own words lead to its topic: "ICD" to training
            yield "topic", fact.topic.value, fact.text, False

    def _search_index(self) -> FuzzyIndex:
        return self._once(
            "search index",
            lambda: FuzzyIndex(self._search_entries(), weights={"topic": TOPIC_WEIGHT}),
        )

    def search(
        self, text: str, kind: str | None = None, limit: int = 10
    ) -> tuple[SearchResult, ...]:
        """Return the entities and topics whose names best match *text*, best first.

        Matching tolerates typos and partial names, across every kind of
        entity (or one *kind*) and every name each answers to: ids, codes,
        abbreviations, titles, alternate titles, full names. It also finds
        what statistics and facts are about (a `Topic`: ``"median pay"``,
        ``"salary"``, ``"certification"``), by the topic's name, its
        keywords and the words of its facts (``"ICD"``), ranked below every
        exact match of an entity. Each entity or topic appears once, with
        the name that matched best; results sort by descending score, then
        kind, then id. See `SearchResult.score` for the scale. Index and
        query are normalised like lookup keys.

        Args:
            text: What the user typed (``"medcal codr"``, ``"tumor registrar"``).
            kind: ``"occupation"``, ``"credential"``, ``"organization"``,
                ``"source"``, ``"industry"``, ``"area"`` or ``"topic"`` to
                search one kind only.
            limit: The most results to return (0 or more).

        Returns:
            Up to *limit* results; none when nothing is similar.

        Raises:
            NotFound: *kind* is not a kind search finds.
            ArgumentError: *text* is not a string or *limit* not a whole
                number of 0 or more.

        >>> import medcoder_careers as mc
        >>> cat = mc.catalog()
        >>> cat.search("medcal codr")[0].entity.title
        'Medical Records and Health Information Technicians'
        >>> best = cat.search("median pay", kind="topic")[0].entity
        >>> best.name, best.measure, best.percentile
        ('Median annual wage', <Measure.ANNUAL_WAGE: 'annual_wage'>, 50)
        >>> cat.stats(
        ...     "medical coder", best.measure, percentile=best.percentile, area="US", industry=None
        ... )[-1].value
        Decimal('51140')

        .. versionchanged:: 2026.3.0 Finds topics too.
        """
        if not isinstance(text, str):
            msg = f"search text must be a string, got {type(text).__name__}"
            raise ArgumentError(msg)
        given: object = limit
        if isinstance(given, bool) or not isinstance(given, int) or given < 0:
            msg = f"limit must be a whole number of 0 or more, got {shown(limit)}"
            raise ArgumentError(msg)
        if kind is not None:
            kind = self._kind(kind)
        return tuple(
            SearchResult(
                entity=self._searched(hit.kind)[hit.id],
                kind=hit.kind,
                name=hit.name,
                score=hit.score,
            )
            for hit in self._search_index().search(text, kind, limit)
        )

    def _searched(self, kind: str) -> Mapping[str, Any]:
        return topics() if kind == "topic" else self._table(kind)

    @staticmethod
    def _kind(kind: object) -> str:
        if isinstance(kind, str):
            folded = normalise(kind)
            for candidate in (folded, singular(folded), folded.removesuffix("ies") + "y"):
                if candidate in SEARCH_KINDS:
                    return candidate
        raise NotFound(kind, "kind", suggestions=SEARCH_KINDS)
