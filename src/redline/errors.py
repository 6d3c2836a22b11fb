"""The error hierarchy.

Every expected failure is a ``RedlineError`` whose message says what happened, to which
input, and what to do about it; the CLI turns these into one-line messages and exit codes
instead of tracebacks.
"""

from __future__ import annotations

# The exit codes of the ``redline`` command, documented here once (help, README and tests read it).
EXIT_CODES: dict[int, str] = {
    0: "every input was processed",
    1: "some inputs were skipped or failed (the others are still in the output)",
    2: "usage or configuration error (an unknown flag, a bad date, format or setting)",
    3: "the spaCy English model is not installed",
    4: "database error (a reading command given a database that is not there, too)",
    5: "record not found (an unknown id or name)",
    130: "interrupted",
}


def exit_codes_text() -> str:
    """The table above as one sentence, for help texts."""
    return "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + "."


class RedlineError(Exception):
    """Base of every error redline raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None, where: str | None = None) -> None:
        self.message = message
        self.hint = hint
        self.where = where
        super().__init__(self.render())

    def render(self) -> str:
        parts = [f"{self.where}: {self.message}" if self.where else self.message]
        if self.hint:
            parts.append(f"({self.hint})")
        return " ".join(parts)


class ConfigError(RedlineError):
    """A setting, flag, environment variable or knowledge file is invalid."""

    exit_code = 2


class InputError(RedlineError):
    """One input (file, record, URL) cannot be read or is not an article; others go on."""


class UnsupportedInputError(InputError):
    """The input is binary, of an unknown type, or not in a language the pipeline handles."""


class InputTooLargeError(InputError):
    """The input exceeds the configured size limit."""


class FetchError(InputError):
    """A network source could not be fetched (timeout, HTTP error, robots.txt refusal)."""


class ModelNotInstalledError(RedlineError):
    """The spaCy English model is missing from the environment."""

    exit_code = 3


class StoreError(RedlineError):
    """The database cannot be opened, migrated or written."""

    exit_code = 4


class NotFoundError(RedlineError):
    """A record asked for by id or name does not exist."""

    exit_code = 5


class PlanError(RedlineError):
    """A plan file cannot be parsed into numbered points."""
