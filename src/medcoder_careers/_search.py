"""Fuzzy ranking of names against free text, and `Search`, the part of a catalog that does it.

A `FuzzyIndex` ranks every name of every entity, and of every `Topic`
(what statistics and facts are about), against what a user typed,
tolerating typos; `Search` builds the index of a catalog's names on first
use and turns its hits into `SearchResult` objects.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from ._data.store import Lazy
from ._errors import ArgumentError, NotFound, shown
from ._model import Entity
from ._names import KINDS, OCCUPATION, Names, compact, names_of, normalise, singular
from ._topics import Topic, topic_names, topics

if TYPE_CHECKING:
    from ._data.store import Store

__all__ = ["SEARCH_KINDS", "TOPIC_WEIGHT", "FuzzyIndex", "Hit", "Search", "SearchResult"]

SEARCH_KINDS: Final = (*KINDS, "topic")
"""What `Catalog.search` finds: every kind of entity, and topics (`Topic`)."""

TOPIC_WEIGHT: Final = 0.9
"""A topic's score is its match's times this: under every exact entity match."""

ONET_WEIGHT: Final = 0.75
"""An O*NET title's score is its match's times this: under the library's own names.

O*NET lists hundreds of titles, many shared by several occupations ("Medical
Biller"); an exact one (0.7125) ranks under a word-start match of a name the
library gives an entity, and never above an exact one.
"""


class Hit(NamedTuple):
    """One ranked match of `FuzzyIndex.search`: the best name of one entity."""

    score: float
    kind: str
    id: str
    name: str


# A row of the fuzzy index: kind, id, name as spelt, folded name, folded name
# without spaces, whether the name is an id/code/abbreviation, trigram count,
# the weight its scores are multiplied by.
_Row = tuple[str, str, str, str, str, bool, int, float]
_NAME_AT: Final = 2
_FOLDED: Final = 3
_IS_KEY: Final = 5
_GRAMS: Final = 6
_WEIGHT: Final = 7


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
_MARGIN: Final = 2e-4  # hits are ranked by scores rounded to 4 places
_FEW_BITS: Final = 8


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
    trigrams.

    How a query finds its names: each trigram has the set of names holding
    it as the bits of an int. Adding the sets of the query's trigrams in
    binary, one bit-plane per binary digit, counts the trigrams each name
    shares with the query, for every name at once; the names sharing most
    are read first. A name of ``g`` trigrams sharing ``c`` scores at most
    ``0.3 * (2c / (size + g) + c / size)`` (times its weight) unless it
    contains the query, which takes all but the two padded trigrams of the
    query: so a name too long to reach the cutoff, or to beat the hits found
    already, is not read at all, nor any sharing fewer trigrams once no
    name can. The hits are those of scoring every name.
    """

    __slots__ = ("_everyone", "_exact", "_heaviest", "_masks", "_rows", "_within")

    def __init__(
        self,
        entries: Iterable[tuple[str, str, str, bool] | tuple[str, str, str, bool, float]],
        weights: Mapping[str, float] | None = None,
    ) -> None:
        """Index ``(kind, id, name, is_key)`` entries; *is_key* marks ids, codes, abbreviations.

        *weights* scales the scores of some kinds (1 for the others), so that
        a kind can rank below exact matches of every other; an entry may end
        in a weight of its own (``(kind, id, name, is_key, weight)``). A name
        an entity has twice keeps its first entry.
        """
        kind_weights: Mapping[str, float] = weights or {}
        rows: list[_Row] = []
        seen: dict[tuple[str, str, str], int] = {}
        for kind, entity_id, name, is_key, *own in entries:
            folded = singular(normalise(name))
            if not folded:
                continue
            earlier = seen.get((kind, entity_id, folded))
            if earlier is not None:
                if is_key and not rows[earlier][_IS_KEY]:
                    kind_, id_, name_, folded_, squashed_, _, grams_, weight_ = rows[earlier]
                    rows[earlier] = (kind_, id_, name_, folded_, squashed_, True, grams_, weight_)
                continue
            seen[kind, entity_id, folded] = len(rows)
            grams = len(_trigrams(folded))
            weight = own[0] if own else kind_weights.get(kind, 1.0)
            rows.append((kind, entity_id, name, folded, compact(folded), is_key, grams, weight))
        self._rows = tuple(rows)
        self._index(rows)

    def _index(self, rows: list[_Row]) -> None:
        """Index *rows*: by folded and compact name, by trigram, by trigram count."""
        exact: dict[str, list[int]] = {}
        postings: dict[str, bytearray] = {}
        width = (len(rows) + 7) // 8
        for index, row in enumerate(rows):
            _, _, _, folded, squashed, _, _, _ = row
            exact.setdefault(folded, []).append(index)
            if squashed != folded:
                exact.setdefault(squashed, []).append(index)
            for gram in _trigrams(folded):
                bits = postings.get(gram)
                if bits is None:
                    bits = postings[gram] = bytearray(width)
                bits[index >> 3] |= 1 << (index & 7)
        self._exact = {key: tuple(value) for key, value in exact.items()}
        self._masks = {gram: int.from_bytes(bits, "little") for gram, bits in postings.items()}
        self._everyone = (1 << len(rows)) - 1
        self._heaviest = max((row[_WEIGHT] for row in rows), default=1.0)
        # The names of at most g trigrams, for each g: a long name is less similar.
        within = [0] * (max((row[_GRAMS] for row in rows), default=0) + 1)
        for index, row in enumerate(rows):
            within[row[_GRAMS]] |= 1 << index
        for grams in range(1, len(within)):
            within[grams] |= within[grams - 1]
        self._within = within

    def search(self, text: str, kind: str | None = None, limit: int = 10) -> list[Hit]:
        """Return up to *limit* hits for *text*, one per entity, best first.

        Hits sort by descending score, then kind, then id. *kind*, when
        given, keeps only entities of that kind.
        """
        query = singular(normalise(text))
        if not query or limit <= 0:
            return []
        best: dict[tuple[str, str], tuple[float, int]] = {}
        squeezed = compact(query)
        size = 0
        if len(query) < _SHORT:  # too short for trigrams: substrings only
            found = [(i, 0) for i, row in enumerate(self._rows) if query in row[_FOLDED]]
        else:
            size = len(grams := _trigrams(query))
            found = []
        self._score(query, size, kind, [(i, size) for i in self._exact.get(squeezed, ())], best)
        self._score(query, size, kind, found, best)  # "292071" meets "29 2071" above
        if size:
            self._by_trigrams(query, grams, kind, limit, best)
        ranked = sorted(
            (-round(score, 4), entity, index) for entity, (score, index) in best.items()
        )
        rows = self._rows
        return [
            Hit(-score, entity_kind, entity_id, rows[index][_NAME_AT])
            for score, (entity_kind, entity_id), index in ranked[:limit]
        ]

    def _by_trigrams(
        self,
        query: str,
        grams: set[str],
        kind: str | None,
        limit: int,
        best: dict[tuple[str, str], tuple[float, int]],
    ) -> None:
        """Score the names sharing trigrams with *query*, most shared first, while any can place."""
        size = len(grams)
        planes = self._shared(grams)
        everyone = self._everyone
        against = [everyone ^ plane for plane in planes]
        placing = None  # the score to beat, found again once more names are scored
        for common in range(min(size, (1 << len(planes)) - 1), 0, -1):
            if common * 3 < size:  # under a third of the query's trigrams: no match
                return
            longest = len(self._within) - 1
            if common < size - 2:  # too few to hold the query: similarity only, bounded
                if placing is None:
                    placing = _placing(best, limit)
                longest = min(longest, self._longest(common, size, placing))
                if longest < common:  # no name sharing this few can place: none sharing fewer
                    return
            names = self._within[longest]
            for digit, plane in enumerate(planes):
                names &= plane if common >> digit & 1 else against[digit]
            if names:
                self._score(query, size, kind, [(i, common) for i in _bits(names)], best)
                placing = None

    def _longest(self, common: int, size: int, placing: float) -> int:
        """The most trigrams a name sharing *common* of the query's *size* may have to place.

        Its similarity ``0.3 * (2 * common / (size + grams) + common / size)``
        must reach the cutoff and, at any weight, beat *placing* (the score
        the hits found so far set), or the name cannot be a hit.
        """
        floor = max(_FUZZY_CUTOFF, (placing - _MARGIN) / self._heaviest)
        need = floor / (_INSIDE / 2) - common / size  # what 2 * common / (size + grams) must be
        if need <= 0:
            return len(self._within)
        return math.floor(2 * common / need - size + _MARGIN)

    def _shared(self, grams: Iterable[str]) -> list[int]:
        """Count the *grams* each name holds: bit b of the i-th int is digit i of name b's count."""
        planes: list[int] = []
        for gram in grams:
            carry = self._masks.get(gram, 0)
            for digit, plane in enumerate(planes):
                if not carry:
                    break
                planes[digit], carry = plane ^ carry, plane & carry
            if carry:
                planes.append(carry)
        return planes

    def _score(
        self,
        query: str,
        size: int,
        kind: str | None,
        candidates: Iterable[tuple[int, int]],
        best: dict[tuple[str, str], tuple[float, int]],
    ) -> None:
        """Score each candidate (its row, the trigrams it shares), keeping each entity's best."""
        rows = self._rows
        squeezed = compact(query)
        for index, common in candidates:
            row_kind, row_id, _, folded, squashed, is_key, row_grams, weight = rows[index]
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
            score *= weight
            entity = (row_kind, row_id)
            held = best.get(entity)
            if held is None or score > held[0] or (score == held[0] and index < held[1]):
                best[entity] = (score, index)


def _placing(best: Mapping[tuple[str, str], tuple[float, int]], limit: int) -> float:
    """The score an entity must beat to place among the first *limit* of *best* (0: any)."""
    if len(best) < limit:
        return 0.0
    return sorted([score for score, _ in best.values()], reverse=True)[limit - 1]


def _bits(mask: int) -> Iterator[int]:
    """Yield the positions of the bits set in *mask*.

    A few bits are taken off one at a time (lowest first); many, read from
    the binary digits (highest first), which cost the same however many.
    """
    if mask.bit_count() <= _FEW_BITS:
        while mask:
            lowest = mask & -mask
            yield lowest.bit_length() - 1
            mask ^= lowest
        return
    digits = bin(mask)
    last = len(digits) - 1
    at = digits.find("1", 2)
    while at >= 0:
        yield last - at
        at = digits.find("1", at + 1)


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


class Search:
    """Ranked, typo-tolerant search over a catalog's entities and the topics.

    The part of `Catalog` behind ``search()``: the index of every name is
    built on first use, once.
    """

    __slots__ = ("_index", "_names", "_store")

    def __init__(self, store: Store, names: Names) -> None:
        """Search the entities *names* holds and the facts of *store*."""
        self._store = store
        self._names = names
        self._index = Lazy(
            lambda: FuzzyIndex(self._entries(), weights={"topic": TOPIC_WEIGHT}),
            threading.RLock(),
        )

    def _entries(self) -> Iterator[tuple[str, str, str, bool] | tuple[str, str, str, bool, float]]:
        for kind in KINDS:
            for record in self._names.table_of(kind).values():
                for name, is_key in names_of(record, aliases=False):
                    yield kind, record.id, name, is_key
        for occupation in self._names.table(OCCUPATION).values():  # searchable, not lookup keys
            for title in occupation.onet_titles:
                yield OCCUPATION.name, occupation.id, title, False, ONET_WEIGHT
        for topic in topics().values():
            for name, is_key in topic_names(topic):
                yield "topic", topic.id, name, is_key
        for fact in self._store.collection(
            "facts"
        ):  # a fact's own words lead to its topic: "ICD" to training
            yield "topic", fact.topic.value, fact.text, False

    def search(
        self, text: str, kind: str | None = None, limit: int = 10
    ) -> tuple[SearchResult, ...]:
        """Return the entities and topics whose names best match *text* (see `Catalog.search`).

        Raises:
            NotFound: *kind* is not a kind search finds.
            ArgumentError: *text* is not a string or *limit* not a whole
                number of 0 or more.
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
            for hit in self._index.get().search(text, kind, limit)
        )

    def _searched(self, kind: str) -> Mapping[str, Any]:
        return topics() if kind == "topic" else self._names.table_of(kind)

    @staticmethod
    def _kind(kind: object) -> str:
        if isinstance(kind, str):
            folded = normalise(kind)
            for candidate in (folded, singular(folded), folded.removesuffix("ies") + "y"):
                if candidate in SEARCH_KINDS:
                    return candidate
        raise NotFound(kind, "kind", suggestions=SEARCH_KINDS)
