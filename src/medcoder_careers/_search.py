"""Fuzzy ranking of names against free text, and `Search`, the part of a catalog that does it.

A `FuzzyIndex` ranks every name of every entity, and of every `Topic`
(what statistics and facts are about), against what a user typed,
tolerating typos; `Search` builds the index of a catalog's names on first
use and turns its hits into `SearchResult` objects.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from ._data.store import Lazy
from ._errors import ArgumentError, NotFound, shown
from ._model import Entity
from ._names import KINDS, Names, compact, names_of, normalise, singular
from ._topics import Topic, topic_names, topics

if TYPE_CHECKING:
    from ._data.store import Store

__all__ = ["SEARCH_KINDS", "TOPIC_WEIGHT", "FuzzyIndex", "Hit", "Search", "SearchResult"]

SEARCH_KINDS: Final = (*KINDS, "topic")
"""What `Catalog.search` finds: every kind of entity, and topics (`Topic`)."""

TOPIC_WEIGHT: Final = 0.9
"""A topic's score is its match's times this: under every exact entity match."""


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

    def _entries(self) -> Iterator[tuple[str, str, str, bool]]:
        for kind in KINDS:
            for record in self._names.table_of(kind).values():
                for name, is_key in names_of(record, aliases=False):
                    yield kind, record.id, name, is_key
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
