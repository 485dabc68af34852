"""peerval: evaluate peer support in mental health services.

The core library works on plain Python objects and pandas DataFrames and is usable from a
notebook; the command line (``peerval``) is a thin face over it.
"""

from peerval.disclosure import DisclosurePolicy  # noqa: E402
from peerval.errors import (  # noqa: E402
    DataError,
    ImportValidationError,
    InstrumentError,
    PeervalError,
    ScoringError,
)
from peerval.ingest import Mapping, import_table, load_mapping  # noqa: E402
from peerval.instruments import (  # noqa: E402
    Instrument,
    Registry,
    default_registry,
    get_instrument,
    load_instrument,
)
from peerval.responses import ResponseSet, to_wide  # noqa: E402
from peerval.results import EvaluationResults, evaluate  # noqa: E402
from peerval.scoring import score, score_wide  # noqa: E402
from peerval.version import __version__  # noqa: E402

__all__ = [
    "DataError",
    "DisclosurePolicy",
    "EvaluationResults",
    "ImportValidationError",
    "Instrument",
    "InstrumentError",
    "Mapping",
    "PeervalError",
    "Registry",
    "ResponseSet",
    "ScoringError",
    "__version__",
    "default_registry",
    "evaluate",
    "get_instrument",
    "import_table",
    "load_instrument",
    "load_mapping",
    "score",
    "score_wide",
    "to_wide",
]
