"""The medical-coding career as typed, cited data.

The occupation (Medical Records and Health Information Technicians and its
specialties), its credentials, the organizations behind them, and figures
stamped with the edition of the *Occupational Outlook Handbook* (or other
source) they came from, each citing a verbatim quote.

>>> import medcoder_careers as mc
>>> cat = mc.catalog()
>>> cat.credential("rhit").abbreviation
'RHIT'
"""

from importlib import import_module
from typing import TYPE_CHECKING

from ._catalog import Catalog, catalog, compare, export, inflate, load
from ._data.manifest import VerifyReport
from ._errors import (
    ArgumentError,
    CpiError,
    DataError,
    DependencyError,
    ExportError,
    FieldError,
    IncomparableError,
    MedcoderError,
    NotFound,
    PeriodError,
    Problem,
)
from ._filters import ANY
from ._model import (
    Area,
    Citation,
    CpiAnnualAverage,
    Credential,
    Fact,
    Industry,
    NaicsCode,
    Occupation,
    Organization,
    PostalAddress,
    Requirement,
    SocCode,
    Source,
    Specialty,
    Statistic,
    Task,
    Technology,
    Unpublished,
)
from ._period import Period, PeriodKind
from ._quick import QuickFacts
from ._search import SearchResult
from ._series import Series, SeriesPoint
from ._topics import Topic
from ._version import DATA_VERSION, __version__
from ._vocab import (
    AreaKind,
    Bound,
    Coverage,
    FactTopic,
    Measure,
    OrganizationKind,
    RequirementKind,
    SourceKind,
    TaskKind,
    Unit,
    UnpublishedReason,
)

if TYPE_CHECKING:
    from ._compare import Comparison
    from ._frame import to_frame
    from ._inflation import PRECISION

# Imported on first use, so that `import medcoder_careers` stays fast.
_LAZY = {
    "PRECISION": "._inflation",
    "Comparison": "._compare",
    "to_frame": "._frame",
}

__all__ = [
    "ANY",
    "DATA_VERSION",
    "PRECISION",
    "Area",
    "AreaKind",
    "ArgumentError",
    "Bound",
    "Catalog",
    "Citation",
    "Comparison",
    "Coverage",
    "CpiAnnualAverage",
    "CpiError",
    "Credential",
    "DataError",
    "DependencyError",
    "ExportError",
    "Fact",
    "FactTopic",
    "FieldError",
    "IncomparableError",
    "Industry",
    "Measure",
    "MedcoderError",
    "NaicsCode",
    "NotFound",
    "Occupation",
    "Organization",
    "OrganizationKind",
    "Period",
    "PeriodError",
    "PeriodKind",
    "PostalAddress",
    "Problem",
    "QuickFacts",
    "Requirement",
    "RequirementKind",
    "SearchResult",
    "Series",
    "SeriesPoint",
    "SocCode",
    "Source",
    "SourceKind",
    "Specialty",
    "Statistic",
    "Task",
    "TaskKind",
    "Technology",
    "Topic",
    "Unit",
    "Unpublished",
    "UnpublishedReason",
    "VerifyReport",
    "__version__",
    "catalog",
    "compare",
    "export",
    "inflate",
    "load",
    "to_frame",
]


def __getattr__(name: str) -> object:
    """Import the less used public names on first access."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
