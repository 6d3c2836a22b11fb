"""redline: who wants what in a negotiation, sourced to the sentence.

The public API is what ``__all__`` names; everything else may change between versions::

    import redline

    extraction = redline.extract("The minister said the plan was acceptable.")[0]
    with redline.Store.open("sqlite:///talks.db") as store:
        report = redline.ingest(redline.read_sources(["articles/"]), store)
        rows = store.statements(redline.StatementFilter(actor="zelensky"))

``ingest``, ``reprocess`` and ``correct`` keep the store's derived records (claims) current, as
the CLI does. Names are loaded on first use, so ``import redline`` does not load spaCy or a
database driver.

Two entry points share their name with a submodule: ``redline.ingest`` (the module defining
``ingest``) and ``redline.extract`` (the NLP package). Python binds a submodule on its package
when it is imported, so a plain function of that name would be replaced, or would hide the
module, depending on import order. Instead those two modules are made callable: calling
``redline.ingest(...)`` calls ``redline.ingest.ingest``, ``redline.extract(...)`` calls
``redline.extraction.extract``, and ``redline.ingest.IngestReport`` or monkeypatching the
module work as for any module.
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
    if name in _CALLABLE_MODULES:
        return _import_module(f"{__name__}.{name}")  # binding it makes it callable (_Package)
    home = _LAZY.get(name)
    if home is None:
        raise AttributeError(f"module 'redline' has no attribute {name!r}")
    value = getattr(_import_module(home), name)
    globals()[name] = value  # later lookups find it without coming here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


# submodule -> (module, function) that calling the submodule calls
_CALLABLE_MODULES = {"ingest": ("redline.ingest", "ingest"), "extract": ("redline.extraction", "extract")}


class _EntryPointModule(_ModuleType):
    """A submodule that is also the package's entry point of the same name (see above)."""

    def __call__(self, *args: object, **kwargs: object) -> object:
        home, name = _CALLABLE_MODULES[self.__name__.rpartition(".")[2]]
        return getattr(_import_module(home), name)(*args, **kwargs)


class _Package(_ModuleType):
    """Makes the entry-point submodules callable as the import system binds them."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _CALLABLE_MODULES and type(value) is _ModuleType:
            value.__class__ = _EntryPointModule
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
