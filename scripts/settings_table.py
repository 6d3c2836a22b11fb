"""Rewrite the README's settings table from ``redline.config.Settings`` (where each setting's help
is declared), between its markers. ``tests/cli/test_settings_table.py`` fails until it is rerun.

    PYTHONPATH=src python scripts/settings_table.py
"""

from __future__ import annotations

import re
from pathlib import Path

from redline.config import settings_table

README = Path(__file__).resolve().parents[1] / "README.md"
TABLE = re.compile(r"(<!-- settings-table: generated[^\n]*-->\n)(.*?)(<!-- settings-table: end -->)", re.S)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    if not TABLE.search(text):
        raise SystemExit(f"{README}: no settings-table markers")
    README.write_text(
        TABLE.sub(lambda m: m.group(1) + settings_table() + "\n" + m.group(3), text), encoding="utf-8"
    )
    print(f"wrote the settings table of {README}")


if __name__ == "__main__":
    main()
