"""Analyst corrections through the library, with the store's derived records kept current.

``Store.correct`` records the override and marks the speaker's claims for regrouping; it
cannot regroup them itself (the store does not import the analysis layer). This entry point
does both, as the CLI and the API do, so a Python user never reads claims that predate a
correction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from redline.analysis.claims import refresh_claims
from redline.store import Correction, Store

# what an override may set, as a statement's ``overrides`` list them
_FIELDS = ("speaker", "issues", "stance", "reject", "date", "undated")


def correct(store: Store, statement_id: str, change: Correction, actor_files: Sequence[Path] = ()) -> int:
    """Record ``change`` for ``statement_id``, regroup the claims it touches (with the places of
    ``actor_files``, the settings' ``actors``); return the override id."""
    override_id = store.correct(statement_id, change)
    refresh_claims(store, only_changed=True, actor_files=actor_files)
    return override_id


def superseded(
    overrides: Sequence[Mapping[str, Any]], override_id: int
) -> list[tuple[str, Mapping[str, Any]]]:
    """The fields ``override_id`` sets that another analyst had set otherwise, each with that
    earlier override (the latest one setting it): two people correcting one statement is last
    write wins, and the second should hear what they replaced (both stay in the history)."""
    by_id = {o["id"]: o for o in overrides}
    new = by_id.get(override_id)
    if new is None:
        return []
    out = []
    for name in _FIELDS:
        if new.get(name) in (None, False):
            continue
        earlier = [o for o in overrides if o["id"] < override_id and o.get(name) not in (None, False)]
        if earlier and earlier[-1].get("who") != new.get("who") and earlier[-1][name] != new[name]:
            out.append((name, earlier[-1]))
    return out
