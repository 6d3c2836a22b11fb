"""Analyst corrections through the library, with the store's derived records kept current.

``Store.correct`` records the override and marks the speaker's claims for regrouping; it
cannot regroup them itself (the store does not import the analysis layer). This entry point
does both, as the CLI and the API do, so a Python user never reads claims that predate a
correction.
"""

from __future__ import annotations

from redline.analysis.claims import refresh_claims
from redline.store import Correction, Store


def correct(store: Store, statement_id: str, change: Correction) -> int:
    """Record ``change`` for ``statement_id``, regroup the claims it touches; return the override id."""
    override_id = store.correct(statement_id, change)
    refresh_claims(store, only_changed=True)
    return override_id
