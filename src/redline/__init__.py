"""redline: who wants what in a negotiation, sourced to the sentence.

The public API is what ``__all__`` names; everything else may change between versions.
"""

from redline.errors import RedlineError
from redline.model import Actor, Document, Event, Extraction, PlanVersion, Point, Span, Speaker, Statement

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Document",
    "Event",
    "Extraction",
    "PlanVersion",
    "Point",
    "RedlineError",
    "Span",
    "Speaker",
    "Statement",
    "__version__",
]
