"""Drafts in formats a word processor, a terminal or a broadcaster saves: box-drawn tables with
wrapped cells, synoptic tables whose cells keep their own numbers, Markdown lists numbered "1."
throughout with a second list after them, subtitle files and RTF.

Every text here is written for these tests (fictional provisions).
"""

from __future__ import annotations

from pathlib import Path

from redline.analysis.draft_layout import box_tables
from redline.analysis.draft_subtitles import subtitle_text
from redline.analysis.plans import load_plan, parse_plan_text
from redline.sources.rtf import is_rtf, rtf_text


def read(text: str) -> list[tuple[str, str]]:
    return [(p.number, p.text) for p in parse_plan_text(text, plan="p", label="v", where="draft.txt").points]


GRID = """LAKE MIRO ACCORD - WORKING TEXT
Prepared by the valley council, 4 June 2031.

┌─────┬────────────────────────────────────┬────────────┐
│ No. │ Provision                          │ Owner      │
╞═════╪════════════════════════════════════╪════════════╡
│ 1   │ Both towns shall stop pumping from │ Both towns │
│     │ the lake during the dry months.    │            │
├─────┼────────────────────────────────────┼────────────┤
│ 2   │ The north shore path shall reopen  │ Orvik      │
│     │ to walkers and cyclists by the end │            │
│     │ of August.                         │            │
├─────┼────────────────────────────────────┼────────────┤
│ 3   │ A warden shall be hired jointly.   │ Council    │
└─────┴────────────────────────────────────┴────────────┘

Notes: clause 2 is still open.
"""


def test_box_drawn_table_reads_each_row_as_one_point_from_its_wrapped_cell_lines() -> None:
    assert read(GRID) == [
        ("1", "Both towns shall stop pumping from the lake during the dry months."),
        ("2", "The north shore path shall reopen to walkers and cyclists by the end of August."),
        ("3", "A warden shall be hired jointly."),
    ]


def test_ascii_grid_table_is_read_as_the_box_drawn_one() -> None:
    ascii_grid = "\n".join(
        line.translate(str.maketrans("┌┬┐╞╪╡├┼┤└┴┘─═│", "++++++++++++-=|")) for line in GRID.splitlines()
    )
    assert [n for n, _ in read(ascii_grid)] == ["1", "2", "3"]
    assert read(ascii_grid)[1][1].endswith("by the end of August.")


def test_box_tables_keeps_the_line_count_and_leaves_other_lines_alone() -> None:
    lines = GRID.splitlines()
    out = box_tables(lines)
    assert len(out) == len(lines)
    assert out[:3] == lines[:3]
    assert out[3] == "| No. | Provision | Owner |"
    assert out[5] == "| 1 | Both towns shall stop pumping from the lake during the dry months. | Both towns |"


SYNOPSIS = """| Old text | New text | Comment |
|---|---|---|
| 1. No pumping in summer. | 1. Both towns shall stop pumping from the lake in dry months. | wording |
| 2. The path shall reopen. | 2. The north shore path shall reopen to walkers by August. | date |
| 3. A warden shall be hired. | (merged into 2) | |
| - | 3. A fishing season shall be set each spring by the council of both towns together. | new |
"""


def test_table_cells_with_their_own_numbers_keep_them_and_a_bracketed_cell_is_no_point() -> None:
    assert read(SYNOPSIS) == [
        ("1", "Both towns shall stop pumping from the lake in dry months."),
        ("2", "The north shore path shall reopen to walkers by August."),
        ("3", "A fishing season shall be set each spring by the council of both towns together."),
    ]


LAZY = """# Lake Miro accord: third draft

The council agreed the points below on 9 June.

## Draft text

1. Both towns shall stop pumping from the lake during the dry months.
1. The north shore path shall reopen to walkers by the end of
   August.
1. A warden shall be hired jointly by both towns.

## Questions left for the next meeting

1. Who pays the warden in the first year?
1. Does the path include the old jetty?
"""


def test_lazily_numbered_list_ends_at_a_heading_and_a_second_list_is_no_point() -> None:
    assert read(LAZY) == [
        ("1", "Both towns shall stop pumping from the lake during the dry months."),
        ("2", "The north shore path shall reopen to walkers by the end of August."),
        ("3", "A warden shall be hired jointly by both towns."),
    ]


SRT = """1
00:00:00,500 --> 00:00:02,000
[BELLS]

2
00:00:02,100 --> 00:00:05,000
Good morning. I will read
the accord as agreed.

3
00:00:05,100 --> 00:00:08,000
Point 1. Both towns shall stop
pumping from the lake

4
00:00:08,100 --> 00:00:10,000
during the dry months. Point 2.

5
00:00:10,100 --> 00:00:13,000
The north shore path shall reopen
by the end of August.

6
00:00:13,100 --> 00:00:16,000
And point 3, the last one. A warden
shall be hired jointly.

7
00:00:16,100 --> 00:00:18,000
Thank you all for coming.
"""


def test_subtitle_cues_join_into_points_and_timings_numbers_and_sounds_are_no_text() -> None:
    assert read(SRT) == [
        ("1", "Both towns shall stop pumping from the lake during the dry months."),
        ("2", "The north shore path shall reopen by the end of August."),
        ("3", "A warden shall be hired jointly."),
    ]


def test_a_text_with_no_timed_cues_is_no_subtitle_file() -> None:
    text = "1. Both towns shall stop pumping.\n2. The path shall reopen at 10:00.\n"
    assert subtitle_text(text) == text


RTF = (
    "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl\\f0\\fswiss Helvetica;}{\\colortbl;\\red0\\green0\\blue0;}\n"
    "{\\*\\listtable{\\list{\\listlevel{\\leveltext\\'02\\'00.;}{\\levelnumbers\\'01;}}\\listid1}}\n"
    "\\pard\\f0\\b Lake Miro \\'97 Accord\\b0\\par\n"
    "{\\listtext\t1.\t}Both towns shall stop pumping from the lake\\'92s north end.\\\n"
    "{\\listtext\t2.\t}The caf\\'e9 on the path shall reopen \\uc0\\u8212 by August.\\\n"
    "\\\n"
    "{\\i Note: point 2 is open.}}"
)


def test_rtf_is_read_as_a_word_processor_shows_it() -> None:
    data = RTF.encode("ascii")
    assert is_rtf(data)
    assert rtf_text(data).splitlines() == [
        "Lake Miro \u2014 Accord",
        "1. Both towns shall stop pumping from the lake\u2019s north end.",
        "2. The caf\u00e9 on the path shall reopen \u2014by August.",
        "",
        "Note: point 2 is open.",
    ]


def test_an_rtf_plan_file_loads_its_points(tmp_path: Path) -> None:
    path = tmp_path / "accord.rtf"
    path.write_bytes(RTF.encode("ascii"))
    points = load_plan(path, plan="p", label="v").points
    assert [(p.number, p.text) for p in points] == [
        ("1", "Both towns shall stop pumping from the lake\u2019s north end."),
        ("2", "The caf\u00e9 on the path shall reopen \u2014by August."),
    ]


def test_a_plain_text_file_named_rtf_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "accord.rtf"
    path.write_text("1. Both towns shall stop pumping.\n2. The path shall reopen.\n", encoding="utf-8")
    assert [p.number for p in load_plan(path, plan="p", label="v").points] == ["1", "2"]


def test_a_markdown_table_is_left_to_the_table_reader() -> None:
    lines = ["| No. | Text |", "|---|---|", "| 1 | Both towns shall stop pumping. |"]
    assert box_tables(lines) == lines
