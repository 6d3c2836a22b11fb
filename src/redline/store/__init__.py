"""The corpus store: schema and migrations, one writer, SQLite and PostgreSQL behind one interface."""

from redline.store.dedup import Fingerprint, fingerprint
from redline.store.overrides import Correction
from redline.store.queries import StatementFilter
from redline.store.store import ClaimInput, DocumentKey, Store
from redline.store.writer import Outcome, Prepared

__all__ = [
    "ClaimInput",
    "Correction",
    "DocumentKey",
    "Fingerprint",
    "Outcome",
    "Prepared",
    "StatementFilter",
    "Store",
    "fingerprint",
]
