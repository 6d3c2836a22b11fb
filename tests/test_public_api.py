"""The declared public API stays in step with what the package exports."""

from __future__ import annotations

import redline


def test_all_names_exist() -> None:
    for name in redline.__all__:
        assert hasattr(redline, name), name


def test_no_undeclared_public_records() -> None:
    public = {n for n in vars(redline) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(redline.__all__), public - set(redline.__all__)
