"""The timeline has one JSON shape: what the CLI prints is what the API serves."""

from __future__ import annotations

import json
from datetime import date

from redline.analysis.timeline import TimelineEntry
from redline.api.models import TimelineEntryOut


def test_the_api_serves_the_entry_shape_the_cli_prints() -> None:
    entry = TimelineEntry(
        date(2025, 11, 27),
        "event",
        "visit",
        ("The envoy",),
        "d1",
        "visit",
        planned=True,
        dated_by_document=True,
    )
    printed = json.loads(json.dumps(entry.to_dict()))
    served = TimelineEntryOut.model_validate(printed).model_dump()
    assert served == printed
    assert set(TimelineEntryOut.model_fields) == set(printed)
