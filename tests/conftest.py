"""Make tests/fakes.py importable everywhere (and in spawned workers); share the backend fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pgfixtures import db_url, pg_url

__all__ = ["db_url", "pg_url"]
