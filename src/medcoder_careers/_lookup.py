"""Name normalisation, the key index behind every lookup, and fuzzy ranking. Pure: no I/O."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from itertools import chain
from types import MappingProxyType
from typing import Final, NamedTuple

from ._errors import NotFound

__all__ = ["FuzzyIndex", "Hit", "KeyIndex", "compact", "normalise", "singular"]

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


def _same(key: str) -> str:
    return key


_FOLDS: Final[tuple[Callable[[str], str], ...]] = (_same, singular, compact)


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
        display: dict[str, str] = {}
        pairs = list(names)
        for name, entity_id in pairs:
            key = normalise(name)
            if not key:
                continue
            display.setdefault(key, name)
            for tier, fold in zip(tiers, _FOLDS, strict=True):
                tier.setdefault(fold(key), set()).add(entity_id)
        self._tiers: tuple[Mapping[str, frozenset[str]], ...] = tuple(
            MappingProxyType({k: frozenset(v) for k, v in tier.items()}) for tier in tiers
        )
        self._display: Mapping[str, str] = MappingProxyType(display)
        # Names exactly as the data spells them (and in lower and upper case)
        # whose normalised key names one id: a hit here skips normalisation.
        exact: dict[str, str] = {}
        for name, entity_id in pairs:
            if tiers[0].get(normalise(name)) == {entity_id}:
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
        if found:
            return found
        if not normalised:
            return frozenset()
        return singulars.get(singular(normalised)) or compacts.get(compact(normalised), frozenset())

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

    __slots__ = ("_exact", "_postings", "_rows")

    def __init__(self, entries: Iterable[tuple[str, str, str, bool]]) -> None:
        """Index ``(kind, id, name, is_key)`` entries; *is_key* marks ids, codes, abbreviations."""
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
