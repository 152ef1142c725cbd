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

from ._catalog import Catalog, catalog, load
from ._compare import PRECISION, Comparison, compare, inflate
from ._errors import (
    ArgumentError,
    CpiError,
    DataError,
    DependencyError,
    ExportError,
    IncomparableError,
    MedcoderError,
    NotFound,
    PeriodError,
    Problem,
)
from ._export import export
from ._frame import to_frame
from ._manifest import VerifyReport
from ._model import (
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
)
from ._period import Period, PeriodKind
from ._search import SearchResult
from ._series import Series, SeriesPoint
from ._version import DATA_VERSION, __version__
from ._vocab import (
    Bound,
    FactTopic,
    Measure,
    OrganizationKind,
    RequirementKind,
    SourceKind,
    Unit,
)

__all__ = [
    "DATA_VERSION",
    "PRECISION",
    "ArgumentError",
    "Bound",
    "Catalog",
    "Citation",
    "Comparison",
    "CpiAnnualAverage",
    "CpiError",
    "Credential",
    "DataError",
    "DependencyError",
    "ExportError",
    "Fact",
    "FactTopic",
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
    "Unit",
    "VerifyReport",
    "__version__",
    "catalog",
    "compare",
    "export",
    "inflate",
    "load",
    "to_frame",
]


def __dir__() -> list[str]:
    return __all__
