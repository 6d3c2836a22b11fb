"""The issue lexicon as the plan-point tagger needs it: weighted terms and PA-X codes per issue.

Reads the taxonomy file (``issues.yaml``: ``issues: {id: {terms: {pattern: weight}, pax: [...]}}``
with ``settings.min_score``) and also a plain ``{issue_id: [term, ...]}`` mapping, so that a
user can tag points with a short list of words. Only what tagging points needs is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml


@dataclass(frozen=True, slots=True)
class IssueTerms:
    terms: dict[str, dict[str, float]]  # issue id -> pattern -> weight
    pax: dict[str, list[str]]  # issue id -> PA-X provision codes
    min_score: float = 1.0


def _issue_entry(issue: str, raw: Any, where: str) -> tuple[dict[str, float], list[str]]:
    if isinstance(raw, list):
        return {str(t): 1.0 for t in raw}, []
    if not isinstance(raw, dict):
        raise ConfigError(f"issue {issue!r}: expected a list of terms or a mapping", where=where)
    terms = raw.get("terms") or {}
    if isinstance(terms, list):
        terms = dict.fromkeys(terms, 1.0)
    if not isinstance(terms, dict):
        raise ConfigError(
            f"issue {issue!r}: terms must be a list or a mapping of term to weight", where=where
        )
    try:
        weights = {str(t): float(w) for t, w in terms.items()}
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"issue {issue!r}: a term weight is not a number ({exc})", where=where) from exc
    return weights, [str(c) for c in raw.get("pax") or []]


def load_issue_terms(path: Path | None = None) -> IssueTerms | None:
    """The lexicon at ``path``, or the packaged taxonomy; None when there is none to load."""
    if path is None:
        path = packaged("issues.yaml")
        if not path.exists():
            return None
    data = read_yaml(path, "issue lexicon")
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping of issues", where=str(path))
    issues = data.get("issues", data)
    min_score = float((data.get("settings") or {}).get("min_score", 1.0)) if "issues" in data else 1.0
    if not isinstance(issues, dict):
        raise ConfigError("'issues' must map issue ids to their terms", where=str(path))
    terms: dict[str, dict[str, float]] = {}
    pax: dict[str, list[str]] = {}
    for issue, raw in issues.items():
        terms[str(issue)], pax[str(issue)] = _issue_entry(str(issue), raw, str(path))
    return IssueTerms(terms, pax, min_score)
