"""Documents without a declared date take the one their text or URL gives, and only that.

Text written for these tests; each case asserts the expected date (or its absence) directly.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from redline.sources.dateline import document_date, yearless_dateline

BODY = "The minister said on Tuesday that the draft needed more work before any signing."


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        (f"VILNIUS, November 27, 2025 (Wire) - {BODY}", None, date(2025, 11, 27)),
        (f"VILNIUS, November 27, 2025. {BODY}", None, date(2025, 11, 27)),
        (f"Ministers meet again\nRiga, 27 Nov 2025 - {BODY}", None, date(2025, 11, 27)),
        (f"VILNIUS, Nov 27 (Wire) - {BODY}", "https://news.example/2025/11/27/draft", date(2025, 11, 27)),
        (f"Vilnius, Nov. 27: {BODY}", "https://news.example/2025/11/draft-talks", date(2025, 11, 27)),
        (f" date 2025-11-27 {BODY}", None, date(2025, 11, 27)),
        (f"Talks resume\nPublished: 27 November 2025\n{BODY}", None, date(2025, 11, 27)),
        (f"An interview with the minister\nRiga, November 27, 2025\n\n{BODY}", None, date(2025, 11, 27)),
        (f"Talks resume\n10:45 AM - Thursday, November 27, 2025\n{BODY}", None, date(2025, 11, 27)),
        (f"Talks resume\nAna Writer | 27.11.2025\n{BODY}", None, date(2025, 11, 27)),
        (BODY, "https://news.example/world/2025/11/27/draft-talks.html", date(2025, 11, 27)),
        (BODY, "https://news.example/20251127/draft-talks.html", date(2025, 11, 27)),
        (BODY, "https://news.example/world/2025/nov/27/draft-talks", date(2025, 11, 27)),
        (f"VILNIUS, Nov 27 (Wire) - {BODY}", "https://news.example/2025/draft-talks", date(2025, 11, 27)),
    ],
)
def test_dated_by_the_document_itself(text: str, url: str | None, expected: date) -> None:
    assert document_date(text, url) == expected


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (BODY, None),  # no dateline at all
        (f"VILNIUS, Nov 27 (Wire) - {BODY}", None),  # no year anywhere
        (f"VILNIUS, Nov 27 (Wire) - {BODY} The 2024 summit set the course.", None),  # background year
        (f"VILNIUS, Nov 27 (Wire) - {BODY}", "https://news.example/2025/12/other"),  # URL month differs
        (f"VILNIUS, Nov 27 (Wire) - {BODY}", "https://news.example/id/2025-draft"),  # a number, not a year
        (BODY, "https://news.example/2025/12/draft-talks"),  # a month is not a publication day
        (f"Talks resume\nPublished: 01.02.2026\n{BODY}", None),  # day-first or month-first?
        (f"The minister said, November 27, 2025. {BODY}", None),  # a sentence, not a place
        (f"Talks resume\nRiga, November 27\n{BODY}", None),  # a place and a day, but no year
        (
            f"Talks resume\nIn 2022 the war began on 24 February 2022 in the early morning hours.\n{BODY}",
            None,
        ),
    ],
)
def test_stays_undated_without_plain_evidence(text: str, url: str | None) -> None:
    assert document_date(text, url) is None


def test_reader_fills_published_from_the_dateline_only_when_missing(tmp_path: Path, read: Any) -> None:
    records = [
        {"id": "a", "text": f"VILNIUS, November 27, 2025 (Wire) - {BODY}"},
        {"id": "b", "text": f"VILNIUS, November 27, 2025 (Wire) - {BODY}", "published": "2025-11-28"},
        {"id": "c", "text": BODY},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    docs, problems = read([path])
    assert not problems
    assert {d.id: d.published for d in docs} == {"a": date(2025, 11, 27), "b": date(2025, 11, 28), "c": None}


def test_the_dateline_comes_before_the_default_date(tmp_path: Path, read: Any) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"VILNIUS, November 26, 2025 (Wire) - {BODY}", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(BODY, encoding="utf-8")
    docs, _ = read([path, other], published=date(2020, 1, 1))
    assert [d.published for d in docs] == [date(2025, 11, 26), date(2020, 1, 1)]


def test_an_unreadable_date_field_falls_back_to_the_dateline(tmp_path: Path, read: Any) -> None:
    record = {"id": "a", "text": f"VILNIUS, November 27, 2025 (Wire) - {BODY}", "published": "soon"}
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(record), encoding="utf-8")
    docs, problems = read([path])
    assert [d.published for d in docs] == [date(2025, 11, 27)]
    assert len(problems) == 1 and "using the date the text gives, 2025-11-27" in problems[0].hint


WIRE = "Accord signed\n\nHARLOW, April 25 (Lenz Wire) - The two delegations met in the port city on Saturday."


@pytest.mark.parametrize(
    ("text", "near", "expected"),
    [
        (WIRE, date(2026, 4, 27), date(2026, 4, 25)),
        (WIRE, date(2026, 4, 20), date(2026, 4, 25)),  # the reader's date is a guess: the day wins
        ("OSLO, December 30 (Wire) - The talks ended for the year.", date(2027, 1, 2), date(2026, 12, 30)),
        ("OSLO, January 2 (Wire) - The talks resumed.", date(2026, 12, 30), date(2027, 1, 2)),
        (WIRE, None, None),
    ],
)
def test_a_dateline_without_a_year_takes_it_from_the_publication_date(
    text: str, near: date | None, expected: date | None
) -> None:
    assert document_date(text, None, near) == expected


def test_the_reader_dates_a_yearless_wire_copy_by_its_dateline(tmp_path: Path, read: Any) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    assert yearless_dateline(WIRE) == "April 25"
    docs, _ = read([path], published=date(2026, 4, 27))
    assert [d.published for d in docs] == [date(2026, 4, 25)]
    docs, _ = read([path])
    assert [d.published for d in docs] == [None]
