"""Drafts in shapes of negotiating texts and their copies: a compilation text's operative
paragraphs with status tags, inserted "bis" paragraphs and alternative wordings, a mark-up with
bold insertions, a bill with line numbers in its margin, heads numbered under part letters, a
spreadsheet with a title row, a page with an advertisement's list, Markdown bullets with
footnotes.

Every text here is written for these tests (fictional provisions).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.analysis.draft_layout import accept_changes, margin_numbers
from redline.analysis.plans import load_plan, parse_plan_csv, parse_plan_text


def read(text: str) -> list[tuple[str, str]]:
    return [(p.number, p.text) for p in parse_plan_text(text, plan="p", label="v", where="draft.txt").points]


COMPILATION = """LAKE SELLA TALKS
Chair's compilation text, draft 2

PP1 Recalling the water agreement of 2030,

PP2 Mindful of the dry summers,

OP1 (agreed) The towns of Ilm and Vost shall share the water of the lake.

OP2 (pending)
Alt 1: Boats of either town may cross the lake by day.
Alt 2: Boats of either town may cross the lake at any hour.

OP2bis (new proposal, Vost) Pilots from both towns shall guide every boat.

OP3 (agreed) A joint board of four members shall meet each month.
    [Chair's note: this paragraph was OP5 in draft 1.]

OP4 (pending) The board shall publish the water levels every week.
"""


def test_operative_paragraphs_with_status_tags_bis_and_alternatives() -> None:
    version = parse_plan_text(COMPILATION, plan="p", label="v", where="draft.txt")
    assert [(p.number, p.text) for p in version.points] == [
        ("1", "The towns of Ilm and Vost shall share the water of the lake."),
        (
            "2",
            "Alt 1: Boats of either town may cross the lake by day. "
            "Alt 2: Boats of either town may cross the lake at any hour.",
        ),
        ("2bis", "Pilots from both towns shall guide every boat."),
        ("3", "A joint board of four members shall meet each month."),
        ("4", "The board shall publish the water levels every week."),
    ]
    assert version.points[0].agreement == "agreed"


def test_a_parenthesis_opening_one_point_is_its_text() -> None:
    text = "1. (Subject to point 3) the towns share the lake.\n2. Boats may cross.\n3. Pilots guide boats.\n"
    assert read(text)[0] == ("1", "(Subject to point 3) the towns share the lake.")


MARKUP = """# Lake Sella: draft 3 with changes shown

1. The towns shall share the water of the lake from ~~May~~ **April** each year.

2. ~~Boats may cross by day.~~ **Boats may cross at any hour.**

~~3. A fund shall pay for new piers.~~

~~4.~~ **3.** A joint board shall meet each month.

**4. Pilots from both towns shall guide every boat.**

---

Open for the next session: the chair of the board in 3.
"""


def test_bold_is_inserted_text_beside_struck_text() -> None:
    assert read(MARKUP) == [
        ("1", "The towns shall share the water of the lake from April each year."),
        ("2", "Boats may cross at any hour."),
        ("3", "A joint board shall meet each month."),
        ("4", "Pilots from both towns shall guide every boat."),
    ]


def test_bold_stays_bold_without_struck_text_beside_it() -> None:
    assert accept_changes("1. ~~Old words.~~\n2. **All** boats stop.") == "1.\n2. **All** boats stop."


def test_a_rule_ends_the_last_point() -> None:
    text = "1. The towns share the lake.\n2. Boats may cross.\n\n* * *\n\nComments received: Vost on 2.\n"
    assert read(text)[-1] == ("2", "Boats may cross.")


BILL = """
                              A BILL
To settle the use of Lake Sella.

 1        Be it enacted by the Council of Ilm in session assembled,
 2    SECTION 1. SHARING OF THE WATER.
 3        The towns of Ilm and Vost shall share the water
 4        of the lake in equal parts.
 5    SEC. 2. CROSSINGS.
 6        Boats of either town may cross the lake
 7        at any hour.
 8    SEC. 3. JOINT BOARD OF THE LAKE AND ITS SHORES.
 9        A joint board shall be set up as follows:
10            (a) Each town shall name two members, who
\f
                                   2
      *IB 44 CS

 1        shall serve for three years.
 2            (b) The board shall meet each month.
 3    SEC. 4. PILOTS.
 4        Pilots from both towns shall guide every boat
 5        that carries more than 12 people.
"""


def test_a_bill_with_margin_line_numbers_and_sections() -> None:
    version = parse_plan_text(BILL, plan="p", label="v", where="bill.txt")
    assert [(p.number, p.heading, p.text) for p in version.points] == [
        (
            "1",
            "SHARING OF THE WATER",
            "The towns of Ilm and Vost shall share the water of the lake in equal parts.",
        ),
        ("2", "CROSSINGS", "Boats of either town may cross the lake at any hour."),
        ("3", "JOINT BOARD OF THE LAKE AND ITS SHORES", "A joint board shall be set up as follows:"),
        ("3.a", None, "Each town shall name two members, who shall serve for three years."),
        ("3.b", None, "The board shall meet each month."),
        ("4", "PILOTS", "Pilots from both towns shall guide every boat that carries more than 12 people."),
    ]


def test_points_numbered_one_per_line_are_no_margin_numbers() -> None:
    lines = [f"{k}  Boats of town {k} may cross." for k in range(1, 7)]
    assert margin_numbers(lines) == (lines, set())


HEADS = """LAKE SELLA - HEADS OF AGREEMENT

A. WATER

A.1 The towns of Ilm and Vost shall share the water of the lake.

A.2 Each town shall keep its own pumps.

B. BOATS

B.1 Boats may cross the lake once the pumps under
A.2 are checked by the board.

B.2 Pilots from both towns shall guide every boat.
"""


def test_heads_numbered_under_part_letters() -> None:
    version = parse_plan_text(HEADS, plan="p", label="v", where="heads.txt")
    assert [(p.number, p.heading, p.text) for p in version.points] == [
        ("A.1", "WATER", "The towns of Ilm and Vost shall share the water of the lake."),
        ("A.2", "WATER", "Each town shall keep its own pumps."),
        ("B.1", "BOATS", "Boats may cross the lake once the pumps under A.2 are checked by the board."),
        ("B.2", "BOATS", "Pilots from both towns shall guide every boat."),
    ]


def test_csv_with_a_title_row_above_its_header() -> None:
    text = (
        "Lake Sella - draft 3 (4 May),,\r\n,,\r\nRef,Text,Comments\r\n"
        '1,"The towns shall share\nthe lake.","Vost asks for:\n1. a list\n2. a map"\r\n'
        "2,Boats may cross at any hour.,\r\n"
    )
    version = parse_plan_csv(text, plan="p", label="v")
    assert [(p.number, p.text) for p in version.points] == [
        ("1", "The towns shall share the lake."),
        ("2", "Boats may cross at any hour."),
    ]


def test_a_page_s_advertisement_list_is_no_part_of_its_points(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><p>The text in full:</p>"
        "<ol><li>The towns shall share the lake.</li><li>Boats may cross.</li></ol>"
        '<div class="ad-slot"><p>Advertisement</p><ol><li>Subscribe now</li><li>Win a boat</li></ol></div>'
        '<ol start="3"><li>Pilots guide every boat.</li><li value="5">The board meets monthly.</li></ol>'
        "</article></body></html>",
        encoding="utf-8",
    )
    version = load_plan(page, plan="p", label="v")
    assert [(p.number, p.text) for p in version.points] == [
        ("1", "The towns shall share the lake."),
        ("2", "Boats may cross."),
        ("3", "Pilots guide every boat."),
        ("5", "The board meets monthly."),
    ]


BULLETS = """# Lake Sella heads

- **1. Water**
  - The towns shall share the water of the lake.[^1]
- **2. Boats**
  - Boats may cross at any hour[^2] with a pilot.
  - Pilots come from both towns.

[^1]: Unchanged.
[^2]: By day only in the last draft.
"""


def test_bold_numbered_bullets_with_footnotes() -> None:
    version = parse_plan_text(BULLETS, plan="p", label="v", where="heads.md")
    assert [(p.number, p.heading, p.text) for p in version.points] == [
        ("1", "Water", "The towns shall share the water of the lake."),
        ("2", "Boats", "Boats may cross at any hour with a pilot. Pilots come from both towns."),
    ]


def point_tags(text: str) -> set[str]:
    from redline.analysis.negotiation import point_tagging

    tagger, _ = point_tagging()
    assert tagger is not None
    return set(tagger(text))


@pytest.mark.parametrize(
    ("provision", "issue"),
    [
        ("Each side shall pull its mortars 15 km back from the river.", "military_limits"),
        ("The town guard shall withdraw its armed launches from the lake.", "military_limits"),
        ("No gun of a calibre above 80 mm shall stand on the shore.", "military_limits"),
        ("A joint board shall monitor the implementation of this accord.", "process"),
        ("A panel of the lake council shall observe compliance with this accord.", "process"),
        ("The towns shall meet to review this accord after one year.", "process"),
        ("The customs revenue of the lake port shall be split between the towns.", "sanctions_economy"),
        ("Boatmen of both towns may fish in the north bay under yearly quotas.", "sanctions_economy"),
        ("The lake road shall reopen to goods and buses within a week.", "sanctions_economy"),
    ],
)
def test_provision_wording_is_tagged(provision: str, issue: str) -> None:
    assert issue in point_tags(provision)


@pytest.mark.parametrize(
    ("provision", "issue"),
    [
        ("Detained boatmen shall be freed within 5 days of the ceasefire.", "ceasefire"),
        ("The lake tolls shall be paid into a joint account of both towns.", "amnesty_justice"),
    ],
)
def test_provision_wording_is_not_tagged(provision: str, issue: str) -> None:
    assert issue not in point_tags(provision)
