"""`ANY`, and the one table of the filters `stats` takes: name, kind, spelling.

`Catalog.stats`, `Catalog.series`, `to_frame`, export and the CLI all read
`FILTERS`; a new qualifier is one row here.
"""

from __future__ import annotations

from typing import Final, NamedTuple, Self

__all__ = ["ANY", "FILTERS", "QUALIFIERS", "AnyType", "Filter"]


class AnyType:
    """The type of `ANY`: one instance, compared by identity."""

    __slots__ = ()
    _instance: AnyType | None = None

    def __new__(cls) -> Self:
        """Return the one instance."""
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance  # type: ignore[return-value]  # the one instance is a Self

    def __repr__(self) -> str:
        """Return ``ANY``, the name to write it by."""
        return "ANY"

    def __reduce__(self) -> str:
        """Pickle and copy as the module attribute, so identity survives."""
        return "ANY"

    def __copy__(self) -> AnyType:
        """Return itself: there is one `ANY`."""
        return self

    def __deepcopy__(self, memo: object) -> AnyType:
        """Return itself: there is one `ANY`."""
        return self


ANY: Final = AnyType()
"""The "no filter" sentinel: a `Catalog.stats` filter left at `ANY` does not filter.

A qualifier given as None instead keeps only the statistics *without* it:
``industry=None`` is the whole occupation (all industries together),
``percentile=None`` excludes the percentiles.

.. versionadded:: 2026.2.0
"""


class Filter(NamedTuple):
    """One filter of `Catalog.stats`.

    Attributes:
        name: The keyword argument, also the `Statistic` field it tests
            (``edition`` tests ``source``).
        kind: How a value is read: the lookup that resolves it.
        qualifier: Whether None is a value (the statistics without it).
        help: How a user may spell a value, for help texts.
    """

    name: str
    kind: str
    qualifier: bool
    help: str


FILTERS: Final = (
    Filter(
        "occupation", "occupation", qualifier=False, help="id, SOC code, title or alternate title"
    ),
    Filter("measure", "measure", qualifier=False, help="a Measure, e.g. annual_wage"),
    Filter("source", "source", qualifier=False, help="source id, e.g. ooh-2010-11"),
    Filter("edition", "edition", qualifier=False, help="handbook edition, e.g. 2010-11"),
    Filter(
        "period",
        "period",
        qualifier=False,
        help="reference period, e.g. 2008-05, 2004 or 2008/2018",
    ),
    Filter(
        "area",
        "area",
        qualifier=False,
        help="US, a state (CA, California, 06), a CBSA code or metro name",
    ),
    Filter("percentile", "percentile", qualifier=True, help="10, 25, 50 (or median), 75 or 90"),
    Filter(
        "industry",
        "industry",
        qualifier=True,
        help="NAICS code, OEWS industry code or title, e.g. 6221",
    ),
    Filter("setting", "setting", qualifier=True, help="work setting, e.g. hospitals"),
    Filter("experience", "experience", qualifier=True, help="experience band, e.g. '1 to 4 years'"),
    Filter(
        "accreditor",
        "organization",
        qualifier=True,
        help="organization accrediting the programs counted",
    ),
    Filter(
        "definition",
        "definition",
        qualifier=True,
        help="SOC codes counted, e.g. 29-2072 or 29-2098",
    ),
    Filter(
        "coverage",
        "coverage",
        qualifier=True,
        help="jobs an employment figure counts: all_jobs or wage_and_salary",
    ),
)
"""Every filter of `Catalog.stats`, in its signature's order."""

QUALIFIERS: Final = tuple(f.name for f in FILTERS if f.qualifier)
"""The filters for which None means "statistics without it"."""
