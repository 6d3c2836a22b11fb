"""Drafts as users paste them: PDF text, tables, treaty and roman numbering, points in prose.

Every text here is written for these tests (fictional provisions).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redline.analysis.draft_layout import (
    accept_changes,
    bullet_points,
    field_names,
    footnote_marks,
    inline_points,
    join_wrapped,
    ordinal_paragraphs,
    page_furniture,
    prose_points,
    thread_counters,
)
from redline.analysis.plans import load_plan, parse_plan_csv, parse_plan_json, parse_plan_text
from redline.errors import PlanError


def read(text: str) -> list[tuple[str, str]]:
    return [(p.number, p.text) for p in parse_plan_text(text, plan="p", label="v", where="draft.txt").points]


PDF = """TRUCE FRAMEWORK
1. The parties shall stop all shelling of the valley within two
days and shall open the mountain road to relief con-
voys.
2. Prisoners shall be exchanged under the supervision of a neutral com-

Truce framework          CONFIDENTIAL          Page 1 of 2

mittee within a month.
3. A non-aggression pact shall be signed; the non-
aggression pact binds both armies.

Truce framework          CONFIDENTIAL          Page 2 of 2
"""


def test_pdf_text_loses_its_page_footers_and_line_end_hyphens() -> None:
    assert read(PDF) == [
        (
            "1",
            "The parties shall stop all shelling of the valley within two days and shall open "
            "the mountain road to relief convoys.",
        ),
        ("2", "Prisoners shall be exchanged under the supervision of a neutral committee within a month."),
        # the draft writes "non-aggression" with its hyphen elsewhere: that one is the word's own
        ("3", "A non-aggression pact shall be signed; the non-aggression pact binds both armies."),
    ]


def test_a_sentence_that_mentions_a_page_is_no_footer() -> None:
    text = (
        "1. The map is shown on\npage 4 of the annex.\n"
        "2. The line follows the\nriver as on page 5\nof the map."
    )
    assert read(text) == [
        ("1", "The map is shown on page 4 of the annex."),
        ("2", "The line follows the river as on page 5 of the map."),
    ]
    # a line met once is no running header, and a capitalised word after a hyphen is no split word
    lines = ["1. A point", "Joint Commission report", "2. Another"]
    assert page_furniture(lines, [True, False, True]) == set()
    # nor is a wrapped line two points share
    shared = (
        "1. Prisoners are freed\nwithin 30 days of signature.\n\n"
        "2. Mines are cleared\nwithin 60 days of signature."
    )
    assert read(shared) == [
        ("1", "Prisoners are freed within 30 days of signature."),
        ("2", "Mines are cleared within 60 days of signature."),
    ]
    assert join_wrapped(["the Euro-", "Atlantic area"], frozenset()) == "the Euro- Atlantic area"


def test_markdown_table_rows_are_points() -> None:
    text = (
        "# Revised text\nA preamble line.\n\n| No. | Chapter | Provision |\n|---|---|---|\n"
        "| 1 | Truce | The truce starts at dawn. |\n| Art. 2 | Aid | Convoys enter | daily. |\n"
        "| 3 | Aid | Wounded are evacuated by sea. |\n\n`draft.md` and a closing note.\nMore notes.\n"
    )
    v = parse_plan_text(text, plan="p", label="v")
    assert [(p.number, p.heading, p.text) for p in v.points] == [
        ("1", "Truce", "The truce starts at dawn."),
        ("2", "Aid", "Convoys enter"),
        ("3", "Aid", "Wounded are evacuated by sea."),
    ]
    unnumbered = (
        "| Provision | Note |\n|---|---|\n| The truce starts at dawn. | new |\n| Convoys enter daily. | |\n"
    )
    assert read(unnumbered) == [("1", "The truce starts at dawn."), ("2", "Convoys enter daily.")]


def test_pipes_without_a_rule_row_still_number_their_rows() -> None:
    # no rule row makes it no Markdown table, but its first cells count up: the rows are points
    assert read("| 1 | The truce starts at dawn. |\n| 2 | Convoys enter daily. |\n") == [
        ("1", "The truce starts at dawn."),
        ("2", "Convoys enter daily."),
    ]


def test_treaty_and_section_numbering() -> None:
    text = (
        "Have agreed as follows:\nArt. 1. The truce starts at dawn.\n(a) It covers the valley.\n"
        "§ 2. Convoys enter daily.\n§3 The port reopens.\nArticle 4 of the old accord stays in force.\n"
    )
    assert read(text) == [
        ("1", "The truce starts at dawn."),
        ("1.a", "It covers the valley."),
        ("2", "Convoys enter daily."),
        # "Article 4 of ..." is a sentence about an article, not a new one
        ("3", "The port reopens. Article 4 of the old accord stays in force."),
    ]


def test_roman_points_and_roman_sub_points() -> None:
    text = (
        "PROPOSAL\nI. A truce shall begin at dawn on the first day after signature.\n"
        "II. Corridors shall be opened for civilians leaving the city:\n(i) one to the north;\n"
        "(ii) one to the east;\n(iv) each open by day.\nIII. Final provisions\n"
        "IV. The parties shall meet again within a month of the truce.\n"
    )
    v = parse_plan_text(text, plan="p", label="v")
    assert [p.number for p in v.points] == ["I", "II", "II.i", "II.ii", "II.iv", "IV"]
    # a short roman line is a section heading, as before
    assert v.points[-1].heading == "Final provisions"
    assert [n for n, _ in read("II. TERRITORY\n1. The line is frozen.")] == ["1"]


ARTICLE = """Mediators send a new truce text

The talks resumed on Monday. The second round of talks is due next week.

The first point says the truce would begin at dawn. It would last a month.
The second calls for two corridors. Under the third point, convoys would enter daily.

The fourth and last point asks both sides to meet again.

Officials said they would study the text.
"""


def test_points_given_in_prose_by_their_ordinals() -> None:
    assert read(ARTICLE) == [
        ("1", "The first point says the truce would begin at dawn. It would last a month."),
        ("2", "The second calls for two corridors."),
        ("3", "Under the third point, convoys would enter daily."),
        ("4", "The fourth and last point asks both sides to meet again."),
    ]


def test_ordinals_out_of_order_or_without_a_first_point_make_no_points() -> None:
    assert prose_points("The second round of talks ended. The third meeting is next week.") == []
    assert prose_points("The first point says a truce. The third point says aid.") == []
    with pytest.raises(PlanError, match="no numbered points"):
        read("The second round of talks ended.\n\nThe third round starts soon.")


def test_what_follows_the_last_point_is_not_its_text() -> None:
    text = (
        "1. The truce starts at dawn.\n\nIt covers the valley too.\n2. Convoys enter daily.\n"
        "\n   and leave by night.\n\nDone at the lake in two originals.\nFor the North   For the South\n"
    )
    assert read(text) == [
        # between points, a paragraph after a blank line still belongs to the point above
        ("1", "The truce starts at dawn. It covers the valley too."),
        ("2", "Convoys enter daily. and leave by night."),
    ]
    # a sentence not yet ended goes on after the blank line
    assert read("1. The truce starts.\n2. Convoys enter at the\n\nNorth Gate every day.")[-1] == (
        "2",
        "Convoys enter at the North Gate every day.",
    )


def test_csv_columns_by_their_usual_names() -> None:
    v = parse_plan_csv(
        'No.,Chapter,Provision\n1,Truce,The truce starts at dawn.\n2,Aid,"Convoys enter daily, by road."\n',
        plan="p",
        label="v",
    )
    assert [(p.number, p.heading, p.text) for p in v.points] == [
        ("1", "Truce", "The truce starts at dawn."),
        ("2", "Aid", "Convoys enter daily, by road."),
    ]
    # a column with the field's own name wins over one that only means it
    assert field_names(["Text", "Provision", "No."]) == ["text", "provision", "number"]
    with pytest.raises(PlanError, match="no 'text' column") as err:
        parse_plan_csv("No.,Remarks\n1,The truce.\n", plan="p", label="v", where="plan.csv")
    assert "plan.csv:1" in str(err.value)


def test_a_saved_page_keeps_its_closing_note_out_of_the_last_point(tmp_path: Path) -> None:
    page = tmp_path / "draft.html"
    page.write_text(
        "<html><body><article><h1>Draft</h1><p>Published below.</p><ol><li>The truce starts at dawn.</li>"
        "<li>Convoys enter daily.</li></ol><p>Neither side would comment.</p></article></body></html>",
        encoding="utf-8",
    )
    v = load_plan(page, plan="p", label="v")
    assert [(p.number, p.text) for p in v.points] == [
        ("1", "The truce starts at dawn."),
        ("2", "Convoys enter daily."),
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("| No. | Provision |\n|---|---|\n", "draft.txt"),
        ("Preamble.\n(iv) an orphan sub-point.\n", "draft.txt:2"),
        ("§\n|\n|---|\n- 3 -\nPage 2 of 2\n", "draft.txt"),
    ],
)
def test_bad_drafts_get_an_error_naming_the_file_and_line(text: str, where: str) -> None:
    with pytest.raises(PlanError) as err:
        read(text)
    assert where in str(err.value)


def test_a_page_with_empty_or_odd_list_numbers_still_reads(tmp_path: Path) -> None:
    page = tmp_path / "odd.html"
    page.write_text(
        '<html><body><ol start=""><li>The truce starts at dawn.</li><li value="²">Convoys enter daily.</li>'
        '<li value="7">The port reopens.</li></ol></body></html>',
        encoding="utf-8",
    )
    assert [p.number for p in load_plan(page, plan="p", label="v").points] == ["1", "2", "7"]


def test_a_label_alone_on_its_line_with_a_title_under_it() -> None:
    text = (
        "ACCORD\n\nArticle 1\nCessation of hostilities\nThe fleets shall stop firing\nat dawn.\n\n"
        "Article 2\nThe border follows the river.\n\nArticle 3\nA committee meets\nmonthly.\n"
    )
    v = parse_plan_text(text, plan="p", label="v")
    assert [(p.number, p.heading, p.text) for p in v.points] == [
        ("1", "Cessation of hostilities", "The fleets shall stop firing at dawn."),
        # a line with its full stop is text, not a title
        ("2", "ACCORD", "The border follows the river."),
        # nor is a first line that runs on in lower case
        ("3", "ACCORD", "A committee meets monthly."),
    ]
    # the article a sentence names is no label: "Article 5" needs its line to itself
    assert read("1. Guarantees follow\nArticle 5 of the Charter.") == [
        ("1", "Guarantees follow Article 5 of the Charter.")
    ]


def test_points_numbered_in_words() -> None:
    text = "Its points:\nPoint one: the pause lasts a week.\nPoint two: aid enters\ndaily.\n\nNo report."
    assert read(text) == [("1", "the pause lasts a week."), ("2", "aid enters daily.")]


def test_bullets_and_bold_around_point_labels() -> None:
    text = (
        "**Terms of the pause**\n\n- **1.** The pause lasts a week.\n- **Point 2** - Aid enters daily.\n"
        "  - with two trucks a day\n* 3. Talks begin on day five.\n\n_As circulated._\n"
    )
    assert read(text) == [
        ("1", "The pause lasts a week."),
        ("2", "Aid enters daily. with two trucks a day"),
        ("3", "Talks begin on day five."),
    ]
    # a bullet list with no labels is still no list of points, and bold words are no label
    with pytest.raises(PlanError, match="no numbered points"):
        read("- **Truce** at dawn.\n- Aid enters daily.\n")


def test_csv_separated_by_semicolons_or_tabs() -> None:
    for sep in (";", "\t"):
        text = f"Nr{sep}Text\n1{sep}The truce starts, at dawn.\n2{sep}Aid enters daily.\n"
        v = parse_plan_csv(text, plan="p", label="v")
        assert [(p.number, p.text) for p in v.points] == [
            ("1", "The truce starts, at dawn."),
            ("2", "Aid enters daily."),
        ]
    # a comma-separated file whose texts hold semicolons stays comma-separated
    v = parse_plan_csv('number,text\n1,"Truce; at dawn."\n', plan="p", label="v")
    assert [p.text for p in v.points] == ["Truce; at dawn."]


def test_a_table_on_a_saved_page_is_read_by_its_columns(tmp_path: Path) -> None:
    page = tmp_path / "table.html"
    page.write_text(
        "<html><body><article><h1>Draft</h1><p>The text as shared.</p><table>"
        "<tr><th>No.</th><th>Provision</th></tr><tr><td>1</td><td>The truce starts at dawn.</td></tr>"
        "<tr><td>2</td><td>Convoys enter | daily.</td></tr></table><p>No comment was given.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    v = load_plan(page, plan="p", label="v")
    assert [(p.number, p.text) for p in v.points] == [
        ("1", "The truce starts at dawn."),
        ("2", "Convoys enter / daily."),
    ]


def points(text: str) -> list[tuple[str, str | None, str]]:
    return [(p.number, p.heading, p.text) for p in parse_plan_text(text, plan="p", label="v").points]


def test_a_draft_quoted_in_an_e_mail_reply() -> None:
    text = (
        "Hi both,\nthe text from Friday is below.\n\n> TERMS\n>\n> 1) The guns fall silent at dawn\n"
        ">    on the first day.\n> 2) The monitors shall:\n>    a) walk the line; and\n"
        ">    b) report each week.\n>\n> Anna\n>\n>> On Monday, Ben wrote:\n>> Fine by us.\n\n--\nAnna\n"
    )
    assert read(text) == [
        ("1", "The guns fall silent at dawn on the first day."),
        ("2", "The monitors shall:"),
        ("2.a", "walk the line; and"),
        ("2.b", "report each week."),
    ]
    # a greater-than sign inside a line is text, not quoting
    assert read("1. More than 20 > fewer.\n") == [("1", "More than 20 > fewer.")]


def test_a_date_written_day_first_at_a_line_start_is_no_point() -> None:
    text = (
        "The parties, recalling the accord signed on\n1. January 2031,\nand the talks of\n3. May,\n"
        "agree as follows:\n1. The truce holds.\n2. Trade resumes.\n"
    )
    assert read(text) == [("1", "The truce holds."), ("2", "Trade resumes.")]
    # a month word that starts a sentence is a point's text
    assert read("1. May the talks go on.\n2. March 4 is the day.\n") == [
        ("1", "May the talks go on."),
        ("2", "March 4 is the day."),
    ]


def test_an_article_title_over_numbered_paragraphs_is_their_heading() -> None:
    text = (
        "Article 1 - Borders\n1.1 The line runs along the river.\n1.2 A map is attached.\n"
        "Article 2\nTrade\n2.1 Tolls are abolished.\n"
    )
    assert points(text) == [
        ("1.1", "Borders", "The line runs along the river."),
        ("1.2", "Borders", "A map is attached."),
        ("2.1", "Trade", "Tolls are abolished."),
    ]
    # a point that says something keeps its own text over its paragraphs, and lettered
    # sub-points keep their titled point
    assert [p[0] for p in points("1. The parties shall meet.\n1.1 Monthly.\n2. Trade\na) Tolls go.\n")] == [
        "1",
        "1.1",
        "2",
        "2.a",
    ]


def test_numbered_markdown_headings_are_points_with_their_text_under_them() -> None:
    text = (
        "Second draft\n\n### 1. Ceasefire\n\nThe guns fall silent.\n\nPositions are marked.\n\n"
        "### 2. Prisoners\n\nAll are exchanged.\n"
    )
    assert points(text) == [
        ("1", "Ceasefire", "The guns fall silent. Positions are marked."),
        ("2", "Prisoners", "All are exchanged."),
    ]
    # a numbered heading over numbered points heads a section
    text = "## 1. Security\n1. The line is frozen.\n2. Guns go.\n## 2. Economy\n3. A fund is set up.\n"
    assert [(n, h) for n, h, _ in points(text)] == [
        ("1", "1. Security"),
        ("2", "1. Security"),
        ("3", "2. Economy"),
    ]


def test_an_annex_numbers_its_items_apart_from_the_points() -> None:
    text = (
        "# Framework\n\n1. The guns fall silent.\n2. Prisoners are exchanged.\n\n## Annex A: Timetable\n\n"
        "1. Day 0: signature.\n2. Day 5: exchange.\n\nANNEX B - MAPS\n1. The river line.\n"
    )
    assert [n for n, _, _ in points(text)] == ["1", "2", "A.1", "A.2", "B.1"]
    # sections that number afresh still all get their label
    assert [n for n, _, _ in points("## Section A\n1. One.\n## Section B\n1. Two.\n")] == ["A.1", "B.1"]


def test_a_bold_run_in_title_is_the_points_heading() -> None:
    assert points("1. **Ceasefire.** The guns fall silent.\n2. **Prisoners**: all for all.\n") == [
        ("1", "Ceasefire", "The guns fall silent."),
        ("2", "Prisoners", "all for all."),
    ]
    # a word in bold for weight is no title
    assert points("1. **All** guns fall silent.\n") == [("1", None, "**All** guns fall silent.")]


def test_a_heading_ends_the_point_above_it() -> None:
    text = (
        "1. The guns fall silent.\n2. Trade resumes.\n\n### Changes\n\n- Point 2 (trade) is new.\n"
        "- Nothing else moved.\n"
    )
    assert read(text) == [("1", "The guns fall silent."), ("2", "Trade resumes.")]
    # a sentence about a point is none; a label before a numbered paragraph still is
    assert read("§ 7 (1) The court sits in the capital.\n") == [("7", "(1) The court sits in the capital.")]


def test_paragraphs_of_a_saved_page_end_as_typed_ones(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><body><article><p>The text follows.</p><p><b>Point 1 –</b> The guns fall silent.</p>"
        "<p>(a) at dawn;</p><p><b>Point 2 –</b> Trade resumes.</p><p>and tolls are abolished.</p>"
        "<p>The editors could not confirm it.</p></article></body></html>",
        encoding="utf-8",
    )
    v = load_plan(page, plan="p", label="v")
    assert [(p.number, p.text) for p in v.points] == [
        ("1", "The guns fall silent."),
        ("1.a", "at dawn;"),
        ("2", "Trade resumes. and tolls are abolished."),
    ]


def test_a_json_export_with_its_own_key_names() -> None:
    data = {
        "document": "Draft",
        "clauses": [
            {"uid": "x1", "ref": "1.1", "section": "Borders", "body": "The line runs along the river."},
            {"uid": "x2", "ref": "1.2", "section": "Borders", "body": "A map is attached."},
        ],
        "authors": ["a"],
    }
    v = parse_plan_json(json.dumps(data), plan="p", label="v")
    assert [(p.number, p.heading, p.text) for p in v.points] == [
        ("1.1", "Borders", "The line runs along the river."),
        ("1.2", "Borders", "A map is attached."),
    ]
    # a field given under its own name wins over a key that could fill it
    v = parse_plan_json('[{"text": "Truce.", "body": "Other."}]', plan="p", label="v")
    assert [p.text for p in v.points] == ["Truce."]
    # a file with no list of points says what it holds
    with pytest.raises(PlanError, match="the keys title, count"):
        parse_plan_json('{"title": "Draft", "count": 3}', plan="p", label="v")


def test_a_refused_text_says_what_it_found() -> None:
    with pytest.raises(PlanError, match=r"in 2 lines of text \(the first: 'Some prose\.'\)") as err:
        read("Some prose.\nMore prose.\n")
    assert "JSON or CSV" in (err.value.hint or "")


def test_refusals_quote_what_they_found() -> None:
    with pytest.raises(PlanError) as err:
        read("Signed on\n4. March,\nthe text reads:\n4. The truce holds.\n4. Trade resumes.\n")
    assert "'The truce holds.'" in err.value.message and "'Trade resumes.'" in err.value.message
    with pytest.raises(PlanError, match=r"its columns: No, Remark"):
        parse_plan_csv("No,Remark\n1,A truce.\n", plan="p", label="v")
    with pytest.raises(PlanError, match=r"its fields: ref, note"):
        parse_plan_json('[{"ref": "1", "note": "A truce."}]', plan="p", label="v")


def test_a_title_on_the_labels_line_with_the_text_under_it() -> None:
    assert points("1. **Truce**\nThe guns fall silent.\n2. Trade\n\nTolls go.\n") == [
        ("1", "Truce", "The guns fall silent."),
        ("2", "Trade", "Tolls go."),
    ]
    # a first line wrapped before a name runs on: no blank line, no bold, no title
    assert points("1. The guns fall silent along the\nTavra at dawn.\n") == [
        ("1", None, "The guns fall silent along the Tavra at dawn.")
    ]


# -- session 24, fourth batch of held-out drafts: shapes the first three did not have ----------


def test_tracked_changes_read_as_accepted() -> None:
    text = (
        "1. The border posts shall open within [deleted: 10][inserted: 14] days.\n"
        "[deleted: 2. A fence shall be built along\nthe whole line.]\n"
        "[inserted: 2.] [deleted: 3.] Traders may cross with goods[inserted: , and herders with "
        "their flocks].\n"
        "[inserted: 3. A joint customs office shall sit at the main crossing.]\n"
    )
    assert read(text) == [
        ("1", "The border posts shall open within 14 days."),
        ("2", "Traders may cross with goods, and herders with their flocks."),
        ("3", "A joint customs office shall sit at the main crossing."),
    ]


def test_struck_and_underlined_changes_and_critic_markup() -> None:
    assert accept_changes("1. Within ~~ten~~ ++twelve++ days.") == "1. Within twelve days."
    assert accept_changes("2. The {--old--}{++new++} road.") == "2. The new road."
    # no change marks: the text is returned as it is, and "C++" or a "++" counter is no insertion
    for same in ("3. The C++ and C++ tools stay.", "4. Scores went 3++ and ~5~ at most."):
        assert accept_changes(same) == same
    # "[deleted]" alone is a point's status mark, not a tracked change: it stays for the reader
    assert accept_changes("5. [deleted] The old text.") == "5. [deleted] The old text."


FOOTNOTED = """DRAFT ACCORD ON THE LAKE
Page 1 of 2
1. The parties shall keep their boats at least 3 km from the mid-
line of the lake.¹
2. A joint patrol shall visit the
¹ The mid-line is drawn on the map in the annex.
DRAFT ACCORD ON THE LAKE
Page 2 of 2
islands every month and report to both capitals.
Signed for the Republic:
Signed for the Lake Council:
"""


def test_footnotes_and_a_running_title_at_a_page_break_are_no_text() -> None:
    assert read(FOOTNOTED) == [
        ("1", "The parties shall keep their boats at least 3 km from the mid-line of the lake."),
        ("2", "A joint patrol shall visit the islands every month and report to both capitals."),
    ]


def test_a_superscript_with_no_footnote_line_stays() -> None:
    lines = ["1. Each side may keep 20 km² of fields.", "2. The rest is shared."]
    assert footnote_marks(lines) == (set(), None)
    assert read("\n".join(lines))[0] == ("1", "Each side may keep 20 km² of fields.")


def test_a_line_that_starts_for_is_a_signature_only_with_its_colon() -> None:
    text = "1. The parties shall meet monthly.\nFor the first year, meetings shall be in Lisk.\n"
    said = "The parties shall meet monthly. For the first year, meetings shall be in Lisk."
    assert read(text) == [("1", said)]
    text = "1. The parties shall meet monthly.\nDone at Lisk on 3 May.\nFor the envoy: ________\n"
    assert read(text) == [("1", "The parties shall meet monthly.")]
    # a line like a signature with points after it is the point's own text
    text = "1. Terms.\nFor the purposes of this accord:\na) a day is a calendar day;\n2. Next.\n"
    assert read(text)[0] == ("1", "Terms. For the purposes of this accord:")


def test_points_that_lost_their_numbers_are_numbered_by_position() -> None:
    text = (
        "OUTLINE\n\n"
        "•\tThe militias shall register within 30 days and hand over\nthe weapons listed in point 3.\n"
        "•\tRegistered members shall not be prosecuted for bearing arms.\n"
        "•\tWeapons shall be stored at two sites.\n\n"
        "Point 2 needs the approval of parliament.\n"
    )
    assert read(text) == [
        ("1", "The militias shall register within 30 days and hand over the weapons listed in point 3."),
        ("2", "Registered members shall not be prosecuted for bearing arms."),
        ("3", "Weapons shall be stored at two sites."),
    ]
    # two bullets are a summary, not a plan
    assert bullet_points(["• one thing", "• another"]) == []


def test_points_numbered_with_words() -> None:
    text = (
        "The envoy's revision follows.\n\n"
        "First, the militias shall register\nwithin 45 days.\n\n"
        "Secondly, registered members shall not be prosecuted.\n\n"
        "Third: weapons shall be stored at four sites.\n\n"
        "Replies are due by Friday.\n"
    )
    assert read(text) == [
        ("1", "the militias shall register within 45 days."),
        ("2", "registered members shall not be prosecuted."),
        ("3", "weapons shall be stored at four sites."),
    ]
    # out of order, or too few: an article's "First, ... Second, ..." is no plan
    assert ordinal_paragraphs("Second, a thing.\n\nFirst, another.\n\nThird, more.") == []
    assert ordinal_paragraphs("First, the envoy spoke.\n\nSecond, the talks ended.") == []


THREAD = """Reporter @rep · 2 Jun

1/4 We have seen the draft. It has four points.

2/4 It opens with security. (1) A truce shall start at noon on the day of signing. (2) Each
side shall pull its guns back 10 km.

3/4 (3) Peacekeepers shall be deployed along the road.

4/4 Then the prisoners. (4) All detainees shall be exchanged within 20 days.
"""


def test_a_thread_with_points_numbered_inside_its_posts() -> None:
    assert read(THREAD) == [
        ("1", "A truce shall start at noon on the day of signing."),
        ("2", "Each side shall pull its guns back 10 km."),
        ("3", "Peacekeepers shall be deployed along the road."),
        ("4", "All detainees shall be exchanged within 20 days."),
    ]
    # a counter over a different total, or not counting from 1, is no thread's counter
    fractions = ["2/3 of the troops leave.", "1/2 stay."]
    assert thread_counters(fractions) == fractions
    # a "(2)" that is no point's start (after no stop, out of order) does not cut a point
    assert inline_points("Note. (1) The road opens as set out in (3) below. (2) Guns go back.") == [
        ("1", 1, "The road opens as set out in (3) below."),
        ("2", 1, "Guns go back."),
    ]


def test_a_draft_numbered_from_5_is_not_read_as_a_thread() -> None:
    text = "5. The road shall open.\n6. The guns shall go back (1) km.\n"
    assert [n for n, _ in read(text)] == ["5", "6"]


def test_cyrillic_sub_points_and_plain_run_in_titles() -> None:
    text = (
        "1. Purpose. The parties end the fighting.\n"
        "2. Truce. All firing shall stop, including:\n"
        "а) fire by drones;\n"
        "б) fire by mortars.\n"
        "3. Monitors. A mission shall report monthly.\n"
    )
    version = parse_plan_text(text, plan="p", label="v")
    assert [(p.number, p.heading, p.text) for p in version.points] == [
        ("1", "Purpose", "The parties end the fighting."),
        ("2", "Truce", "All firing shall stop, including:"),
        ("2.a", None, "fire by drones;"),
        ("2.b", None, "fire by mortars."),
        ("3", "Monitors", "A mission shall report monthly."),
    ]


def test_one_short_first_sentence_is_no_run_in_title() -> None:
    text = (
        "1. Agreed. The parties end the fighting.\n"
        "2. All firing shall stop at noon.\n"
        "3. A mission shall report monthly.\n"
    )
    assert read(text)[0] == ("1", "Agreed. The parties end the fighting.")


def test_cyrillic_sub_points_past_the_latin_alphabet_keep_their_own_letter() -> None:
    # the Cyrillic alphabet of drafts has 28 letters: "ю)" and "я)" have no Latin letter at their
    # place, and were read as "{" and "|" (the characters after z)
    letters = "абвгдежзиклмнопрстуфхцчшщэюя"
    text = (
        "1. Each side hands over the lists of:\n"
        + "".join(f"{c}) detainees held at camp {i};\n" for i, c in enumerate(letters, 1))
        + "2. A mission shall report monthly.\n"
    )
    latin = [f"1.{c}" for c in "abcdefghijklmnopqrstuvwxyz"]
    assert [n for n, _ in read(text)] == ["1", *latin, "1.ю", "1.я", "2"]


def test_a_point_repealed_in_words_is_struck_and_later_points_keep_their_numbers() -> None:
    text = (
        "1. The parties stop firing along the line at noon.\n"
        "2. [Repealed]\n"
        "3. A joint commission meets every month in Lisk.\n"
        "4. (deleted)\n"
        "5. Omitted.\n"
        "6. Repealed by the Protocol of 3 May 2031.\n"
        "7. Spent fuel leaves the plant by rail.\n"
        "8. Deleted records are restored by the commission.\n"
    )
    assert [n for n, _ in read(text)] == ["1", "3", "7", "8"]
    articles = (
        "Article 1 — The parties stop firing along the line at noon.\n"
        "Article 2 — repealed\n"
        "Article 3 — A joint commission meets every month in Lisk.\n"
    )
    assert read(articles) == [
        ("1", "The parties stop firing along the line at noon."),
        ("3", "A joint commission meets every month in Lisk."),
    ]


def test_a_json_point_whose_text_says_it_was_deleted_is_no_provision() -> None:
    data = {
        "points": [
            {"number": "1", "text": "The parties stop firing at noon."},
            {"number": "2", "text": "[Deleted]"},
            {"number": "3", "text": "Guns move back within a week."},
        ]
    }
    version = parse_plan_json(json.dumps(data), plan="p", label="v")
    assert [p.number for p in version.points] == ["1", "3"]
