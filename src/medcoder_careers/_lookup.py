"""Name normalisation and the key index behind every lookup. Pure: no I/O."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from ._errors import NotFound

__all__ = ["KeyIndex", "compact", "normalise", "singular"]

_AMPERSAND = re.compile(r"&")
_NOT_WORD = re.compile(r"[^\w]+|_+")
_SUGGESTIONS = 5
_CUTOFF = 0.6


def normalise(text: str) -> str:
    """Fold *text* to the form keys are compared in.

    Unicode compatibility decomposition, combining marks dropped, case
    folded, ``&`` read as ``and``, every run of punctuation or whitespace
    turned into one space.

    >>> normalise("  Coder/Abstractors & Café ")
    'coder abstractors and cafe'
    """
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
    return " ".join(
        word[:-1]
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss")  # noqa: PLR2004
        else word
        for word in normalised.split(" ")
    )


def compact(normalised: str) -> str:
    """Remove the spaces of a normalised key (``"o net"`` meets ``"onet"``).

    >>> compact("29 2071")
    '292071'
    """
    return normalised.replace(" ", "")


_FOLDS: tuple[Callable[[str], str], ...] = (lambda key: key, singular, compact)


class KeyIndex:
    """Maps every name of one kind of entity to the ids it names.

    Lookup tries the normalised key, then its singular form, then its
    compact form; the first tier that matches decides. A tier that matches
    two ids raises `NotFound` naming both: never a silent pick.
    """

    __slots__ = ("_display", "_kind", "_tiers")

    def __init__(self, kind: str, names: Iterable[tuple[str, str]]) -> None:
        """Index ``(name, id)`` pairs for entities of *kind*."""
        self._kind = kind
        tiers: tuple[dict[str, set[str]], ...] = ({}, {}, {})
        display: dict[str, str] = {}
        for name, entity_id in names:
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

    @property
    def kind(self) -> str:
        """What this index names (``"occupation"``, ...)."""
        return self._kind

    @property
    def names(self) -> Mapping[str, str]:
        """Every normalised key with the name it was first indexed under."""
        return self._display

    def ids(self, key: str) -> frozenset[str]:
        """Return the ids *key* names in the first tier that matches (may be empty)."""
        normalised = normalise(key)
        if not normalised:
            return frozenset()
        for tier, fold in zip(self._tiers, _FOLDS, strict=True):
            found = tier.get(fold(normalised))
            if found:
                return found
        return frozenset()

    def resolve(self, key: object) -> str:
        """Return the one id *key* names.

        Raises:
            NotFound: *key* is not a string, names nothing (with
                suggestions), or names more than one entity.
        """
        if not isinstance(key, str):
            raise NotFound(key, self._kind)
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
        close = difflib.get_close_matches(normalised, self._display.keys(), n=limit, cutoff=_CUTOFF)
        return tuple(self._display[match] for match in close)
