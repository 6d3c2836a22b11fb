"""The README's settings table is the one ``Settings`` declares (regenerate: scripts/settings_table.py)."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from redline.config import ENV_PREFIX, Settings, settings_table

README = Path(__file__).resolve().parents[2] / "README.md"
TABLE = re.compile(r"<!-- settings-table: generated[^\n]*-->\n(.*?)<!-- settings-table: end -->", re.S)


def test_readme_settings_table_is_generated_from_settings() -> None:
    found = TABLE.search(README.read_text(encoding="utf-8"))
    assert found, "README.md lost its settings-table markers"
    assert found.group(1).strip() == settings_table(), "run: PYTHONPATH=src python scripts/settings_table.py"


def test_every_setting_has_help_and_a_row() -> None:
    table = settings_table()
    for f in fields(Settings):
        assert f.metadata.get("help"), f"Settings.{f.name} has no help"
        assert f"`{ENV_PREFIX}{f.name.upper()}`" in table
