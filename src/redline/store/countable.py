"""The one definition of a statement that counts, for every count, list and analysis.

A statement counts unless an analyst rejected it or it came from a near-duplicate reprint (the
original carries it once). Written as ``flag = false`` rather than ``IS false`` so that SQLite
and PostgreSQL use the ``(actor_id, rejected, duplicate)`` index. ``COUNTABLE_SQL`` is the same
test for hand-written SQL over an aliased ``statement s``; ``is_countable`` for rows already read.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import ColumnElement, FromClause, false

from redline.store.schema import statement

COUNTABLE_SQL = "NOT s.rejected AND NOT s.duplicate"


def countable(table: FromClause = statement) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """Conditions for ``.where(*countable())``, on the statement table or an alias of it."""
    return table.c.rejected == false(), table.c.duplicate == false()


def is_countable(row: Mapping[str, object]) -> bool:
    """The same test on a statement record (``rejected`` and ``duplicate`` read back as flags)."""
    return not row["rejected"] and not row["duplicate"]
