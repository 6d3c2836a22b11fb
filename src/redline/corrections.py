"""Analyst corrections through the library, with the store's derived records kept current.

``Store.correct`` records the override and marks the speaker's claims for regrouping; it
cannot regroup them itself (the store does not import the analysis layer). This entry point
does both, as the CLI and the API do, so a Python user never reads claims that predate a
correction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from redline.analysis.claims import refresh_claims
from redline.store import Correction, Store


def unknown_issue(issues: Sequence[str], known: Collection[str]) -> tuple[int, str] | None:
    """Where the first issue id outside the taxonomy is in ``issues`` and what to say of it
    (None when all are known). `redline correct`, the API and the dashboard's form all refuse
    such a correction with these words: an override stored with a typo'd issue would move the
    statement out of every column of the matrix, and nothing would say why."""
    for i, issue in enumerate(issues):
        if issue not in known:
            return i, f"{issue!r} is not an issue of the taxonomy ({', '.join(sorted(known))})"
    return None


def correct(store: Store, statement_id: str, change: Correction) -> int:
    """Record ``change`` for ``statement_id``, regroup the claims it touches; return the override id."""
    override_id = store.correct(statement_id, change)
    refresh_claims(store, only_changed=True)
    return override_id
