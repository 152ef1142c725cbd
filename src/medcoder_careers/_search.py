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


class _Asked(NamedTuple):
    """A query as `FuzzyIndex` reads it: folded, without spaces, its trigram count, the kind."""

    text: str
    squeezed: str
    size: int  # 0 for a query too short for trigrams
    kind: str | None


# A row of the fuzzy index: its entity (kind, id), name as spelt, folded name,
# folded name without spaces, whether the name is an id/code/abbreviation,
# trigram count, the weight its scores are multiplied by.
_Row = tuple[tuple[str, str], str, str, str, bool, int, float]
_NAME_AT: Final = 1
_FOLDED: Final = 2
_IS_KEY: Final = 4
_GRAMS: Final = 5
_WEIGHT: Final = 6


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

        *weights* scales the scores of some kinds by a positive factor (1 for
        the others), so that a kind can rank below exact matches of every
        other; an entry may end in a positive weight of its own (``(kind, id,
        name, is_key, weight)``). A name an entity has twice keeps its first
        entry.
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
                    entity_, name_, folded_, squashed_, _, grams_, weight_ = rows[earlier]
                    rows[earlier] = (entity_, name_, folded_, squashed_, True, grams_, weight_)
                continue
            seen[kind, entity_id, folded] = len(rows)
            grams = len(_trigrams(folded))
            weight = own[0] if own else kind_weights.get(kind, 1.0)
            entity = (kind, entity_id)
            rows.append((entity, name, folded, compact(folded), is_key, grams, weight))
        self._rows = tuple(rows)
        self._index(rows)

    def _index(self, rows: list[_Row]) -> None:
        """Index *rows*: by folded and compact name, by trigram, by trigram count."""
        exact: dict[str, list[int]] = {}
        postings: dict[str, bytearray] = {}
        width = (len(rows) + 7) // 8
        for index, row in enumerate(rows):
            _, _, folded, squashed, _, _, _ = row
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
        grams = _trigrams(query) if len(query) >= _SHORT else set()
        asked = _Asked(query, compact(query), len(grams), kind)
        exact = self._exact.get(asked.squeezed)  # "292071" finds "29-2071" too
        if exact:
            self._score(asked, exact, asked.size, best)
        if grams:
            self._by_trigrams(asked, grams, limit, best)
        else:  # too short for trigrams: substrings only
            self._score(
                asked, [i for i, row in enumerate(self._rows) if query in row[_FOLDED]], 0, best
            )
        # Only an entity within the margin of the limit-th best score can place
        # once scores are rounded; rounding the rest (it is slow) changes nothing.
        placing = _placing(best, limit) - _MARGIN
        ranked = sorted(
            (-round(score, 4), entity, index)
            for entity, (score, index) in best.items()
            if score >= placing
        )
        rows = self._rows
        return [
            Hit(-score, entity_kind, entity_id, rows[index][_NAME_AT])
            for score, (entity_kind, entity_id), index in ranked[:limit]
        ]

    def _by_trigrams(
        self,
        asked: _Asked,
        grams: set[str],
        limit: int,
        best: dict[tuple[str, str], tuple[float, int]],
    ) -> None:
        """Score the names sharing the query's *grams*, most shared first, while any can place."""
        size = asked.size
        planes = self._shared(grams)
        everyone = self._everyone
        against = [everyone ^ plane for plane in planes]
        within = self._within
        reach = None  # see `_reach`: found again once the hits change
        # From the most trigrams any name shares (never more than the longest
        # name has, so `within` caps no level below its own count) down to a
        # third of the query's: a name sharing fewer is no match. It cannot
        # contain the query, and is barely similar.
        for common in range(_most(planes), (size + 2) // 3 - 1, -1):
            longest = len(within) - 1
            if common < size - 2:  # too few to hold the query: similarity only, bounded
                if reach is None:
                    reach = self._reach(best, limit)
                # The most trigrams a name sharing *common* may have and still reach.
                need = reach - common / size
                if need > 0:
                    longest = min(longest, math.floor(2 * common / need - size + _MARGIN))
                if longest < common:  # no name sharing this few can place: none sharing fewer
                    return
            names = within[longest]
            for digit, plane in enumerate(planes):
                names &= plane if common >> digit & 1 else against[digit]
            if names and self._score(asked, _bits(names), common, best):
                reach = None

    def _reach(self, best: Mapping[tuple[str, str], tuple[float, int]], limit: int) -> float:
        """What ``2 * common / (size + grams) + common / size`` must reach for a name to place.

        A name's similarity is 0.3 times that (`FuzzyIndex`): it must reach
        the cutoff and, at any weight, beat the score the hits in *best* set
        already, or the name cannot be a hit.
        """
        floor = max(_FUZZY_CUTOFF, (_placing(best, limit) - _MARGIN) / self._heaviest)
        return floor / (_INSIDE / 2)

    def _shared(self, grams: Iterable[str]) -> list[int]:
        """Count the *grams* each name holds: bit b of the i-th int is digit i of name b's count."""
        planes: list[int] = []
        for mask in map(self._masks.get, grams):  # None: no name holds the trigram
            carry = mask
            if not carry:
                continue
            digit = 0
            for plane in planes:
                planes[digit] = plane ^ carry
                carry &= plane
                if not carry:
                    break
                digit += 1  # noqa: SIM113 - a quarter faster than enumerate, measured
            else:
                planes.append(carry)
        return planes

    def _score(
        self,
        asked: _Asked,
        read: Iterable[int],
        common: int,
        best: dict[tuple[str, str], tuple[float, int]],
    ) -> bool:
        """Score the rows *read*, each as sharing *common* trigrams with the query, into *best*.

        *best* keeps each entity's best score and row. Return whether it changed.
        An exact match is scored as sharing all of the query's trigrams, and
        a name a short query is in as sharing none: their tiers read no count.
        """
        query, squeezed, size, kind = asked
        changed = False
        rows = self._rows
        may_hold = common >= size - 2  # a substring shares all but the padded trigrams
        shared = common / size if size else 0.0  # a short query's names all hold it
        for index in read:
            entity, _, folded, squashed, is_key, row_grams, weight = rows[index]
            if kind is not None and entity[0] != kind:
                continue
            if squeezed == squashed:  # the query's words, spaced alike or not
                score = _KEY if is_key else _NAME
            elif may_hold and query in folded:
                score = _TIER_SPAN * len(query) / len(folded)
                if folded.startswith(query):
                    score += _PREFIX
                else:
                    score += _WORD if f" {query}" in folded else _INSIDE
            else:
                score = _INSIDE * (2 * common / (size + row_grams) + shared) / 2
                if score < _FUZZY_CUTOFF:
                    continue
            score *= weight
            held = best.get(entity)
            if held is None or score > held[0] or (score == held[0] and index < held[1]):
                best[entity] = (score, index)
                changed = True
        return changed


def _most(planes: list[int]) -> int:
    """The most trigrams any name shares, from the planes of `FuzzyIndex._shared`."""
    most, names = 0, -1  # -1: every name (all bits set)
    for digit in range(len(planes) - 1, -1, -1):
        holding = names & planes[digit]
        if holding:
            most, names = most | 1 << digit, holding
    return most


def _placing(best: Mapping[tuple[str, str], tuple[float, int]], limit: int) -> float:
    """The score an entity must beat to place among the first *limit* of *best* (0: any)."""
    if len(best) < limit:
        return 0.0
    return sorted([score for score, _ in best.values()])[-limit]


def _bits(mask: int) -> list[int]:
    """Return the positions of the bits set in *mask*, highest first.

    Each is found by the length of what is left: cheaper, even for a few
    dozen bits of thousands, than reading the binary digits as text.
    """
    found = []
    for _ in range(mask.bit_count()):  # counted, not `while mask`: always ends
        top = mask.bit_length() - 1
        found.append(top)
        mask ^= 1 << top
    return found


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
        searched: dict[str, Mapping[str, Any]] = {}  # each kind's entities, by id
        found = []
        for score, hit_kind, hit_id, name in self._index.get().search(text, kind, limit):
            entities = searched.get(hit_kind)
            if entities is None:
                entities = searched[hit_kind] = self._searched(hit_kind)
            found.append(
                SearchResult(entity=entities[hit_id], kind=hit_kind, name=name, score=score)
            )
        return tuple(found)

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
