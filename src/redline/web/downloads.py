""" "Download this view": a list page's rows as CSV or JSON, written by the export module.

The pages pass the same rows they show (all of them, not one page) with the export's column
list, so a download and ``redline export`` serialise a statement, a document or a cell one way.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.responses import Response

from redline.export.tables import write_rows

__all__ = ["Format", "download"]

Format = Annotated[
    Literal["csv", "json"] | None, Query(alias="format", description="Download this view as csv or json.")
]
_MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def download(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str, name: str) -> Response:
    out = io.StringIO()
    write_rows(rows, columns, fmt, out)
    return Response(
        out.getvalue(),
        media_type=_MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )
