"""Name normalisation, the key index behind every lookup, and fuzzy ranking. Pure: no I/O."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from itertools import chain
from types import MappingProxyType
from typing import Final, Generic, NamedTuple, Protocol, TypeVar

from ._errors import NotFound

__all__ = [
    "Finder",
    "FuzzyIndex",
    "Hit",
    "KeyIndex",
    "close_matches",
    "compact",
    "enum_member",
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


class Hit(NamedTuple):
    """One ranked match of `FuzzyIndex.search`: the best name of one entity."""

    score: float
    kind: str
    id: str
    name: str


# A row of the fuzzy index: kind, id, name as spelt, folded name, folded name
# without spaces, whether the name is an id/code/abbreviation, trigram count.
_Row = tuple[str, str, str, str, str, bool, int]
_NAME_AT: Final = 2
_FOLDED: Final = 3
_IS_KEY: Final = 5


# Score tiers: an exact id, code or abbreviation; an exact name; a prefix;
# a substring at a word start; any other substring; then trigram similarity.
_KEY: Final = 1.0
_NAME: Final = 0.95
_PREFIX: Final = 0.8
_WORD: Final = 0.7
_INSIDE: Final = 0.6
_TIER_SPAN: Final = 0.1
_FUZZY_CUTOFF: Final = 0.2
_SHORT: Final = 3


def _trigrams(folded: str) -> set[str]:
    padded = f" {folded} "
    return set(map("".join, zip(padded, padded[1:], padded[2:], strict=False)))


class FuzzyIndex:
    """Ranks names of every kind against free text, tolerating typos.

    Index and query are folded alike (`normalise`, then `singular`). Scores
    run from 1 down: an exact id, code or abbreviation scores 1.0; an exact
    name 0.95; a prefix 0.8 to 0.9, a substring starting a word 0.7 to 0.8,
    any other substring 0.6 to 0.7 (more of the name covered scores higher);
    anything else scores under 0.6 by trigram similarity (the mean of the
    Dice coefficient and the share of the query's trigrams found), and is
    dropped under 0.2 or when it shares under a third of the query's
    trigrams. Candidates come from an inverted trigram index built
    once, so a query touches only names that share a trigram with it.
    """

    __slots__ = ("_exact", "_postings", "_rows", "_weights")

    def __init__(
        self,
        entries: Iterable[tuple[str, str, str, bool]],
        weights: Mapping[str, float] | None = None,
    ) -> None:
        """Index ``(kind, id, name, is_key)`` entries; *is_key* marks ids, codes, abbreviations.

        *weights* scales the scores of some kinds (1 for the others), so that
        a kind can rank below exact matches of every other.
        """
        self._weights: Mapping[str, float] = weights or {}
        rows: list[_Row] = []
        seen: dict[tuple[str, str, str], int] = {}
        for kind, entity_id, name, is_key in entries:
            folded = singular(normalise(name))
            if not folded:
                continue
            earlier = seen.get((kind, entity_id, folded))
            if earlier is not None:
                if is_key and not rows[earlier][_IS_KEY]:
                    kind_, id_, name_, folded_, squashed_, _, grams_ = rows[earlier]
                    rows[earlier] = (kind_, id_, name_, folded_, squashed_, True, grams_)
                continue
            seen[kind, entity_id, folded] = len(rows)
            grams = len(_trigrams(folded))
            rows.append((kind, entity_id, name, folded, compact(folded), is_key, grams))
        exact: dict[str, list[int]] = {}
        postings: dict[str, list[int]] = {}
        for index, row in enumerate(rows):
            _, _, _, folded, squashed, _, _ = row
            exact.setdefault(folded, []).append(index)
            if squashed != folded:
                exact.setdefault(squashed, []).append(index)
            for gram in _trigrams(folded):
                postings.setdefault(gram, []).append(index)
        self._rows = tuple(rows)
        self._exact = {key: tuple(value) for key, value in exact.items()}
        self._postings = {key: tuple(value) for key, value in postings.items()}

    def search(self, text: str, kind: str | None = None, limit: int = 10) -> list[Hit]:
        """Return up to *limit* hits for *text*, one per entity, best first.

        Hits sort by descending score, then kind, then id. *kind*, when
        given, keeps only entities of that kind.
        """
        query = singular(normalise(text))
        if not query or limit <= 0:
            return []
        squeezed = compact(query)
        rows = self._rows
        candidates: Iterable[tuple[int, int]]
        size = 0
        if len(query) < _SHORT:  # too short for trigrams: substrings only
            candidates = [(i, 0) for i, row in enumerate(rows) if query in row[_FOLDED]]
        else:
            grams = _trigrams(query)
            size = len(grams)
            postings = self._postings
            candidates = Counter(
                chain.from_iterable(postings[g] for g in grams if g in postings)
            ).items()
        exact = [(i, size) for i in self._exact.get(squeezed, ())]  # "292071" meets "29 2071"
        best: dict[tuple[str, str], tuple[float, int]] = {}
        for index, common in chain(exact, candidates):
            row_kind, row_id, _, folded, squashed, is_key, row_grams = rows[index]
            if (kind is not None and row_kind != kind) or common * 3 < size:
                # A name sharing under a third of the query's trigrams is no
                # match: it cannot contain the query, and is barely similar.
                continue
            if query == folded or squeezed == squashed:
                score = _KEY if is_key else _NAME
            elif common >= size - 2 and query in folded:  # a substring shares inner trigrams
                score = _TIER_SPAN * len(query) / len(folded)
                if folded.startswith(query):
                    score += _PREFIX
                else:
                    score += _WORD if f" {query}" in folded else _INSIDE
            else:
                score = _INSIDE * (2 * common / (size + row_grams) + common / size) / 2
                if score < _FUZZY_CUTOFF:
                    continue
            score *= self._weights.get(row_kind, 1.0)
            entity = (row_kind, row_id)
            held = best.get(entity)
            if held is None or score > held[0] or (score == held[0] and index < held[1]):
                best[entity] = (score, index)
        ranked = sorted(
            (-round(score, 4), entity, index) for entity, (score, index) in best.items()
        )
        return [
            Hit(-score, entity_kind, entity_id, rows[index][_NAME_AT])
            for score, (entity_kind, entity_id), index in ranked[:limit]
        ]


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
