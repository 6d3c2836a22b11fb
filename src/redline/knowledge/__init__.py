"""Knowledge files (actors, cue verbs, issue taxonomy) and the loaders that validate them.

The YAML files beside this module are the defaults; a user layers their own files on top.
Loaders do the I/O here so that the NLP core only ever receives validated, typed objects.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from redline.errors import ConfigError

# libyaml's loader when PyYAML was built with it (the wheels are): the same documents, parsed
# ten times faster; the issue taxonomy alone took a fifth of a second with the Python one
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def packaged(name: str) -> Path:
    """Path of a knowledge file shipped with redline, e.g. ``packaged("cues.yaml")``."""
    return Path(str(resources.files("redline.knowledge").joinpath(name)))


def read_yaml(path: Path, what: str, *, missing_hint: str = "check the path") -> Any:
    """The parsed YAML at ``path``; every way of failing is a ConfigError naming the file."""
    where = str(path)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError as exc:
        raise ConfigError(f"{what} not found", where=where, hint=missing_hint) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the {what}: {exc}", where=where) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", where=where, hint="fix the syntax error shown") from exc
