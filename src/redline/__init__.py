"""redline: who wants what in a negotiation, sourced to the sentence.

The public API is what ``__all__`` names; everything else may change between versions::

    import redline

    extraction = redline.extract("The minister said the plan was acceptable.")[0]
    with redline.Store.open("sqlite:///talks.db") as store:
        report = redline.ingest(redline.read_sources(["articles/"]), store)
        rows = store.statements(redline.StatementFilter(actor="zelensky"))

``ingest``, ``reprocess`` and ``correct`` keep the store's derived records (claims) current, as
the CLI does. Names are loaded on first use, so ``import redline`` does not load spaCy or a
database driver; the library entry points share their names with the modules that define them
(``redline.ingest`` is the function, its module is ``redline.ingest`` in ``sys.modules``), and
the package keeps the function when the import system binds the module.
"""

import sys as _sys
import typing as _typing
from importlib import import_module as _import_module
from types import ModuleType as _ModuleType

from redline.errors import RedlineError
from redline.model import (
    Actor,
    Document,
    Event,
    Extraction,
    PlanVersion,
    Point,
    Problem,
    Span,
    Speaker,
    Statement,
)

if _typing.TYPE_CHECKING:
    from redline.config import Settings
    from redline.corrections import correct
    from redline.extraction import extract
    from redline.ingest import IngestReport, ingest, read_sources, reprocess
    from redline.store import Correction, StatementFilter, Store

__version__ = "0.1.0"

# public name -> the module that defines it, imported on first access
_LAZY = {
    "Correction": "redline.store",
    "IngestReport": "redline.ingest",
    "Settings": "redline.config",
    "StatementFilter": "redline.store",
    "Store": "redline.store",
    "correct": "redline.corrections",
    "extract": "redline.extraction",
    "ingest": "redline.ingest",
    "read_sources": "redline.ingest",
    "reprocess": "redline.ingest",
}

__all__ = [
    "Actor",
    "Correction",
    "Document",
    "Event",
    "Extraction",
    "IngestReport",
    "PlanVersion",
    "Point",
    "Problem",
    "RedlineError",
    "Settings",
    "Span",
    "Speaker",
    "Statement",
    "StatementFilter",
    "Store",
    "__version__",
    "correct",
    "extract",
    "ingest",
    "read_sources",
    "reprocess",
]


def __getattr__(name: str) -> object:
    home = _LAZY.get(name)
    if home is None:
        raise AttributeError(f"module 'redline' has no attribute {name!r}")
    value = getattr(_import_module(home), name)
    globals()[name] = value  # later lookups find it without coming here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(_ModuleType):
    """Keeps a public function when its same-named submodule is imported.

    Importing ``redline.ingest`` (the module) makes Python set ``redline.ingest`` to it; without
    this, ``redline.ingest(...)`` would work or fail depending on what was imported before.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _LAZY and isinstance(value, _ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
