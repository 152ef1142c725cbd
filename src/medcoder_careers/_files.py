"""The files of a data directory: each collection's record class and order.

Shared by the strict reader (`_load`), the direct one (`_trusted`) and
export, so none of them needs the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from ._model import (
    NATION,
    Area,
    CpiAnnualAverage,
    Credential,
    Fact,
    Industry,
    Occupation,
    Organization,
    Source,
    Statistic,
    none_first,
)
from ._query import order_key
from ._vocab import AreaKind

__all__ = ["COLLECTIONS", "FILES", "NATION_ONLY", "OPTIONAL_FILES", "ORDER", "by_id"]

COLLECTIONS: Final = {
    "organizations": Organization,
    "sources": Source,
    "occupations": Occupation,
    "credentials": Credential,
    "industries": Industry,
    "statistics": Statistic,
    "facts": Fact,
    "cpi_u": CpiAnnualAverage,
    "areas": Area,
}
"""Each collection's name (its file is ``<name>.json``) and record class."""

OPTIONAL_FILES: Final = frozenset({"areas.json"})
"""Collections a data directory may lack (one written before release 2026.2)."""

FILES: Final = frozenset(f"{name}.json" for name in COLLECTIONS) - OPTIONAL_FILES
"""The JSON files every data directory holds."""


def by_id(record: Any) -> str:  # noqa: ANN401 - any entity
    """Order key of an entity: its id."""
    return str(record.id)


ORDER: Final[dict[str, Callable[[Any], Any]]] = {
    "organizations": by_id,
    "sources": by_id,
    "occupations": by_id,
    "credentials": by_id,
    "industries": by_id,
    "areas": by_id,
    "statistics": order_key,
    "facts": lambda fact: (
        none_first(fact.period),
        fact.source,
        fact.occupation,
        fact.topic,
        fact.text,
    ),
    "cpi_u": lambda row: row.year,
}
"""Sort keys matching each class's attrs ordering (much faster than its __lt__)."""

NATION_ONLY: Final = Area(
    id=NATION,
    name="National",
    kind=AreaKind.NATIONAL,
    citations=(),
)
"""The one area of a directory written before areas existed (release 2026.1)."""
