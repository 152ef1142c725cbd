"""Every name an entity answers to, and the lookups that resolve a name to one entity.

`normalise` folds index and query alike; a `KeyIndex` maps every name of
one kind to the ids it names; a `Finder` resolves a key to one entity, an
id or an exact spelling first; `names_of` lists the names of each kind of
entity (lookups and search index the same names). `Names` is the part of a
catalog that holds its entities by id and a finder per kind, each built on
first use.
"""

from __future__ import annotations

import enum
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Generic, Protocol, TypeVar, cast

import attrs

from ._data.store import Lazy
from ._errors import NotFound
from ._model import Area, Credential, Entity, Industry, Occupation, Organization, Source
from ._vocab import AreaKind

if TYPE_CHECKING:
    from ._data.store import Store

__all__ = [
    "AREA",
    "CREDENTIAL",
    "INDUSTRY",
    "KINDS",
    "OCCUPATION",
    "ORGANIZATION",
    "SOURCE",
    "Finder",
    "KeyIndex",
    "Kind",
    "Names",
    "close_matches",
    "compact",
    "enum_member",
    "names_of",
    "normalise",
    "singular",
]

_AMPERSAND = re.compile(r"&")
_NOT_WORD = re.compile(r"[^\w]+|_+")
# A word's final "s" after at least three word characters, the last not an "s".
_PLURAL = re.compile(r"(?<=\w\w[^\Ws])s\b")
_SUGGESTIONS = 5
_CUTOFF = 0.6

# ASCII fast path of `normalise`: letters lowered, digits kept, every other
# byte (punctuation, whitespace, "_") a space; "&" is replaced before.
_ASCII_FOLD: Final = bytes(
    ord(ch.lower()) if ch.isascii() and ch.isalnum() else ord(" ") for ch in map(chr, range(256))
)


def normalise(text: str) -> str:
    """Fold *text* to the form keys are compared in.

    Unicode compatibility decomposition, combining marks dropped, case
    folded, ``&`` read as ``and``, every run of punctuation or whitespace
    turned into one space.

    >>> normalise("  Coder/Abstractors & Café ")
    'coder abstractors and cafe'
    """
    if text.isascii():  # the common case, about five times faster; same result
        if "&" in text:
            text = text.replace("&", " and ")
        return b" ".join(text.encode().translate(_ASCII_FOLD).split()).decode()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    spaced = _AMPERSAND.sub(" and ", stripped.casefold())
    return " ".join(_NOT_WORD.sub(" ", spaced).split())


def singular(normalised: str) -> str:
    """Drop a plural ``s`` from each word of a normalised key.

    Applied alike to index and query, so ``"medical coders"`` meets
    ``"medical coder"``; words ending in ``ss`` or shorter than four
    letters are left alone.

    >>> singular("medical records and health information technicians")
    'medical record and health information technician'
    """
    return _PLURAL.sub("", normalised) if "s" in normalised else normalised


def compact(normalised: str) -> str:
    """Remove the spaces of a normalised key (``"o net"`` meets ``"onet"``).

    >>> compact("29 2071")
    '292071'
    """
    return normalised.replace(" ", "")


class KeyIndex:
    """Maps every name of one kind of entity to the ids it names.

    Lookup tries the key exactly as indexed (a dictionary hit, no
    normalisation), then the normalised key, then its singular form, then
    its compact form; the first tier that matches decides. A tier that
    matches two ids raises `NotFound` naming both: never a silent pick.
    """

    __slots__ = ("_display", "_exact", "_kind", "_tiers")

    def __init__(self, kind: str, names: Iterable[tuple[str, str]]) -> None:
        """Index ``(name, id)`` pairs for entities of *kind*."""
        self._kind = kind
        tiers: tuple[dict[str, set[str]], ...] = ({}, {}, {})
        plain, singulars, compacts = tiers
        display: dict[str, str] = {}
        keyed: list[tuple[str, str, str]] = []
        for name, entity_id in names:
            key = normalise(name)
            if not key:
                continue
            keyed.append((name, key, entity_id))
            display.setdefault(key, name)
            plain.setdefault(key, set()).add(entity_id)
            singulars.setdefault(singular(key), set()).add(entity_id)
            compacts.setdefault(key.replace(" ", ""), set()).add(entity_id)
        # Private and never handed out as they are (`ids` copies): plain dicts of
        # sets, which cost a third of frozen ones to build on a first lookup.
        self._tiers: tuple[dict[str, set[str]], ...] = tiers
        self._display: Mapping[str, str] = MappingProxyType(display)
        # Names exactly as the data spells them (and in lower and upper case)
        # whose normalised key names one id: a hit here skips normalisation.
        exact: dict[str, str] = {}
        for name, key, entity_id in keyed:
            if plain[key] == {entity_id}:
                for spelling in (name, name.lower(), name.upper()):
                    exact.setdefault(spelling, entity_id)
        self._exact: Mapping[str, str] = MappingProxyType(exact)

    @property
    def kind(self) -> str:
        """What this index names (``"occupation"``, ...)."""
        return self._kind

    @property
    def exact(self) -> Mapping[str, str]:
        """Every unambiguous name, as spelt in the data, with the id it names."""
        return self._exact

    def ids(self, key: str) -> frozenset[str]:
        """Return the ids *key* names in the first tier that matches (may be empty)."""
        normalised = normalise(key)
        plain, singulars, compacts = self._tiers
        found = plain.get(normalised)
        if not found and normalised:
            found = singulars.get(singular(normalised)) or compacts.get(compact(normalised))
        return frozenset(found or ())

    def resolve(self, key: object) -> str:
        """Return the one id *key* names.

        Raises:
            NotFound: *key* is not a string, names nothing (with
                suggestions), or names more than one entity.
        """
        if not isinstance(key, str):
            raise NotFound(key, self._kind)
        hit = self._exact.get(key)
        if hit is not None:
            return hit
        found = self.ids(key)
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise NotFound(key, self._kind, matches=sorted(found))
        raise NotFound(key, self._kind, suggestions=self.suggest(key))

    def suggest(self, key: str, limit: int = _SUGGESTIONS) -> tuple[str, ...]:
        """Return up to *limit* known names closest to *key*, best first."""
        normalised = normalise(key)
        if not normalised:
            return ()
        import difflib  # noqa: PLC0415 - only a miss needs it; keep import fast

        close = difflib.get_close_matches(normalised, self._display.keys(), n=limit, cutoff=_CUTOFF)
        return tuple(self._display[match] for match in close)


class _Identified(Protocol):
    @property
    def id(self) -> str: ...  # pragma: no cover - a protocol


_T = TypeVar("_T", bound=_Identified)
_M = TypeVar("_M", bound=enum.StrEnum)


class Finder(Generic[_T]):
    """Resolves a key to one entity of one kind: an id or exact spelling first, then the index.

    *codes* are spellings known to name one entity each whatever the index
    would say (an area's postal, FIPS and CBSA codes: no name folds onto
    them); with them the index is built only when a key misses them.
    """

    __slots__ = ("_cls", "_exact", "_index", "_kind", "_make_index", "_table")

    def __init__(
        self,
        cls: type[_T],
        table: Mapping[str, _T],
        index: Callable[[], KeyIndex],
        kind: str,
        codes: Mapping[str, str] | None = None,
    ) -> None:
        """Find entities of *cls* in *table* (by id) through the index *index* makes."""
        self._cls: type[_T] = cls
        self._table: dict[str, _T] = dict(table)  # a plain dict: the fastest .get
        self._kind = kind
        self._make_index = index
        self._index: KeyIndex | None = None
        self._exact: dict[str, _T] = {
            code: table[entity_id] for code, entity_id in (codes or {}).items()
        }
        if codes is None:
            self._build_index()

    def _build_index(self) -> KeyIndex:
        # Building twice in a race gives the same index: no lock needed.
        index = self._make_index()
        exact = {name: self._table[entity_id] for name, entity_id in index.exact.items()}
        self._exact = exact | self._exact
        self._index = index
        return index

    def __call__(self, key: object) -> _T:
        """Return the one entity *key* names.

        Raises:
            NotFound: *key* names nothing (with suggestions), or two entities.
        """
        if isinstance(key, str):
            # An id names one entity by construction, whatever else shares its spelling.
            hit = self._table.get(key) or self._exact.get(key)
            if hit is not None:
                return hit
        elif isinstance(key, self._cls):
            # This catalog's record of that id (the key may come from another release).
            found = self._table.get(key.id)
            if found is not None:
                return found
            raise NotFound(key.id, self._kind)
        index = self._index or self._build_index()
        return self._table[index.resolve(key)]


def close_matches(key: str, known: Iterable[str], limit: int) -> list[str]:
    """Return up to *limit* of *known* closest to *key* (for suggestions)."""
    import difflib  # noqa: PLC0415 - only a miss needs it; keep import fast

    return difflib.get_close_matches(key, known, n=limit, cutoff=0.5)


def enum_member(
    cls: type[_M], value: object, kind: str, aliases: Mapping[str, _M] | None = None
) -> _M:
    """Return the member of *cls* that *value* names: the member, its value, or its words.

    ``"annual wage"`` and ``"Annual-Wage"`` name ``annual_wage``.

    Raises:
        NotFound: *value* names no member (with the closest as suggestions).
    """
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        key = value
        for attempt in range(2):
            try:
                return cls(key)
            except ValueError:
                if attempt:
                    break
                key = normalise(value).replace(" ", "_")
                if aliases and key in aliases:
                    return aliases[key]
        members = [member.value for member in cls]
        raise NotFound(value, kind, suggestions=close_matches(key, members, 5))
    raise NotFound(value, kind, suggestions=[member.value for member in cls])


# -- the names of each kind of entity ------------------------------------------


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


# -- the kinds of entity, and the part of a catalog that finds them ------------

_E = TypeVar("_E", Occupation, Credential, Organization, Source, Industry, Area)


@attrs.frozen
class Kind(Generic[_E]):
    """One kind of entity: its name, its collection's name and its class."""

    name: str
    collection: str
    cls: type[_E]


OCCUPATION: Final = Kind("occupation", "occupations", Occupation)
CREDENTIAL: Final = Kind("credential", "credentials", Credential)
ORGANIZATION: Final = Kind("organization", "organizations", Organization)
SOURCE: Final = Kind("source", "sources", Source)
INDUSTRY: Final = Kind("industry", "industries", Industry)
AREA: Final = Kind("area", "areas", Area)
_KINDS: Final[tuple[Kind[Any], ...]] = (
    OCCUPATION,
    CREDENTIAL,
    ORGANIZATION,
    SOURCE,
    INDUSTRY,
    AREA,
)

KINDS: Final = tuple(kind.name for kind in _KINDS)
"""The kinds of entity, as `SearchResult.kind` and `NotFound.kind` name them."""


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


class Names:
    """A catalog's entities by id, and a `Finder` per kind: each built on first use, once.

    The part of `Catalog` behind its collections (``occupations``, ...) and
    its lookups (``occupation()``, ...).
    """

    __slots__ = ("_finders", "_lock", "_store", "_tables")

    def __init__(self, store: Store) -> None:
        """Find the entities of *store*."""
        self._store = store
        self._lock = threading.RLock()
        self._tables: dict[str, Lazy[Mapping[str, Any]]] = {
            kind.name: Lazy(partial(self._build_table, kind), self._lock) for kind in _KINDS
        }
        self._finders: dict[str, Lazy[Finder[Any]]] = {
            kind.name: Lazy(partial(self._build_finder, kind), self._lock) for kind in _KINDS
        }

    def _build_table(self, kind: Kind[_E]) -> Mapping[str, _E]:
        return MappingProxyType({r.id: r for r in self._store.collection(kind.collection)})

    def _build_finder(self, kind: Kind[_E]) -> Finder[_E]:
        table = self.table(kind)

        def index() -> KeyIndex:
            names = ((name, r.id) for r in table.values() for name, _ in names_of(r))
            return KeyIndex(kind.name, names)

        codes = _area_codes(cast("Iterable[Area]", table.values())) if kind is AREA else None
        return Finder(kind.cls, table, index, kind.name, codes)

    def table(self, kind: Kind[_E]) -> Mapping[str, _E]:
        """Return every entity of *kind* by id (read-only)."""
        return self._tables[kind.name].get()

    def table_of(self, kind: str) -> Mapping[str, Entity]:
        """Return every entity of the kind named *kind* (``"area"``, ...) by id."""
        return self._tables[kind].get()

    def find(self, kind: Kind[_E], key: object) -> _E:
        """Return the one entity of *kind* that *key* names.

        Raises:
            NotFound: *key* names nothing (with suggestions), or two entities.
        """
        return self._finders[kind.name].get()(key)  # type: ignore[no-any-return]

    def find_of(self, kind: str, key: object) -> Entity:
        """Return the one entity of the kind named *kind* that *key* names (see `find`)."""
        return self._finders[kind].get()(key)  # type: ignore[no-any-return]

    def credentials_by(self, organization: object) -> tuple[Credential, ...]:
        """Return the credentials *organization* issues, ordered by id (see `Catalog`).

        Raises:
            NotFound: *organization* names no organization.
        """
        issuer = self.find(ORGANIZATION, organization).id
        return tuple(c for c in self.table(CREDENTIAL).values() if c.issuer == issuer)

    def related(self, occupation: object) -> tuple[Occupation, ...]:
        """Return the occupations the sources name as related to *occupation* (see `Catalog`).

        Raises:
            NotFound: *occupation* names no occupation.
        """
        occupations = self.table(OCCUPATION)
        return tuple(occupations[related] for related in self.find(OCCUPATION, occupation).related)
