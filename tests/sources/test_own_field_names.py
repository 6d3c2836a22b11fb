"""A researcher's corpus as she has it: articles saved one to a file with the day in the name, and
a media database's export whose records name their fields their own way (``headline``, ``body``,
``pub_date``). Both are read without rewriting the data, and a wrong name is said, not ignored."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from redline.config import Settings, load_settings, record_field_map
from redline.errors import ConfigError
from redline.sources.dateline import file_name_date

STORY = (
    "Ferry talks resume\n\n"
    "The harbour master of Venn said the crossing would reopen once both sides signed the timetable."
)
EXPORT = {
    "headline": "Ferry talks resume",
    "body": STORY.split("\n\n")[1],
    "pub_date": "2031-04-02T08:30:00Z",
    "source_name": "Harbour Gazette",
    "url": "https://gazette.example/ferry",
}
MAPPING = "text=body,title=headline,published=pub_date,outlet=source_name"


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("2031-04-02_ferry-talks.txt", date(2031, 4, 2)),
        ("ferry_2031_04_02.txt", date(2031, 4, 2)),
        ("20310402-ferry.txt", date(2031, 4, 2)),
        ("report-2031-04.txt", None),  # a month is no day
        ("2031-13-02_ferry.txt", None),  # no such month
        ("9203104021.txt", None),  # digits of a longer number
        ("2031-04-02_vs_2031-04-03.txt", None),  # two days: the name does not say which
    ],
)
def test_a_file_name_gives_the_day_of_the_one_article_inside(name: str, day: date | None) -> None:
    assert file_name_date(name) == day


def test_a_folder_of_articles_named_by_day_is_dated_by_the_names(read: Any, tmp_path: Path) -> None:
    (tmp_path / "2031-04-02_ferry-talks.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "20310405-venn.md").write_text(STORY.replace("Venn", "Lenz"), encoding="utf-8")
    (tmp_path / "2031-04-09_wire.txt").write_text(
        "LENZ, April 7, 2031 (Lenz Wire) - " + STORY.split("\n\n")[1], encoding="utf-8"
    )
    (tmp_path / "undated.txt").write_text(STORY.replace("Venn", "Orsk"), encoding="utf-8")
    docs, problems = read([tmp_path], published=date(2031, 1, 1))
    assert problems == []
    by_name = {Path(d.source).name: d.published for d in docs}
    assert by_name == {
        "2031-04-02_ferry-talks.txt": date(2031, 4, 2),
        "20310405-venn.md": date(2031, 4, 5),
        "2031-04-09_wire.txt": date(2031, 4, 7),  # the text's own dateline comes first
        "undated.txt": date(2031, 1, 1),  # --published only where nothing else says a day
    }


def test_a_jsonl_file_name_dates_none_of_its_records(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "2031-04-30_export.jsonl"
    path.write_text(json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    docs, _ = read([path])
    assert docs[0].published is None  # the day the export was made, not the article's


def test_records_are_read_under_the_names_the_export_gives(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(EXPORT) + "\n", encoding="utf-8")
    docs, problems = read([path], Settings(record_fields=MAPPING))
    assert problems == []
    (doc,) = docs
    assert (doc.text, doc.title, doc.published, doc.outlet, doc.url) == (
        EXPORT["body"],
        "Ferry talks resume",
        date(2031, 4, 2),
        "Harbour Gazette",
        "https://gazette.example/ferry",
    )
    assert doc.metadata == {}  # the mapped fields are not kept twice as metadata


def test_a_csv_column_is_mapped_in_any_case(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f"Headline,Body,Pub_Date\nFerry,{EXPORT['body']},2031-04-02\n", encoding="utf-8")
    docs, problems = read([path], Settings(record_fields=MAPPING.replace(",outlet=source_name", "")))
    assert problems == []
    assert (docs[0].title, docs[0].published) == ("Ferry", date(2031, 4, 2))
    refused, problems = read([path])
    assert refused == []
    assert "--field text=COLUMN" in problems[0].render()


def test_without_a_mapping_the_refusal_lists_the_record_s_fields(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(EXPORT) + "\n", encoding="utf-8")
    docs, problems = read([path])
    assert docs == []
    (problem,) = problems
    assert problem.render().startswith(
        f"{path}:1: has no 'text' field (its fields: headline, body, pub_date, source_name, url) "
        "(say which field holds the article text: --field text=FIELD"
    )


def test_a_mistyped_date_field_is_named_and_the_record_still_read(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(EXPORT) + "\n", encoding="utf-8")
    docs, problems = read([path], Settings(record_fields="text=body,published=pubdate"))
    assert [d.published for d in docs] == [None]
    (problem,) = problems
    assert problem.kind == "date"  # a warning: the document is stored, undated
    assert problem.render() == (
        f"{path}:1: has no 'pubdate' field for published (--field published=pubdate; its fields: "
        "headline, body, pub_date, source_name, url) (the record is read without its published; "
        "give --field published= one of its fields)"
    )


def test_a_date_under_another_name_is_pointed_out(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"text": STORY, "date": "2031-04-02"}) + "\n", encoding="utf-8")
    docs, problems = read([path])
    assert [d.published for d in docs] == [None]
    assert [p.render() for p in problems] == [
        f"{path}:1: has no 'published' field; its 'date' field is not read as its date "
        "(--field published=date reads it)"
    ]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("text", "--field 'text' is not NAME=FIELD"),
        ("body=text", "--field 'body=text': redline reads no field 'body'"),
        ("text=body,text=content", "--field gives 'text' twice"),
    ],
)
def test_a_mapping_redline_cannot_follow_stops_the_command(spec: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env={"REDLINE_RECORD_FIELDS": spec})


def test_the_mapping_reads_as_written() -> None:
    assert record_field_map(" text = body , published=pub_date,") == {"text": "body", "published": "pub_date"}
