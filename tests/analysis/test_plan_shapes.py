"""More shapes drafts are pasted in: emoji-numbered posts, tables of points with struck rows,
word-processor text with a table of contents, pdftotext layout with "P1" labels, label words of
other languages, legal-XML exports and wikitext.

Every text here is written for these tests (fictional provisions).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.analysis.draft_layout import contents_lines, keycap_numbers, wikitext
from redline.analysis.plans import load_plan, parse_plan_text
from redline.errors import ConfigError, PlanError
from redline.knowledge.point_labels import parse_point_labels


def read(text: str) -> list[tuple[str, str]]:
    return [(p.number, p.text) for p in parse_plan_text(text, plan="p", label="v", where="draft.txt").points]


def load(path: Path) -> list[tuple[str, str]]:
    return [(p.number, p.text) for p in load_plan(path, plan="p", label="v").points]


POST = """River Desk 📰
Forwarded from Delta News

🚨 The five points on the table in Kessel tonight 👇

1️⃣ Guns fall silent along the river at dawn on Sunday.

2⃣ Ferries between the two banks resume within a week.
Fares stay at the pre-war level.

3️⃣ Each side frees the fishermen it holds.

4️⃣ A joint patrol keeps the channel open.

5️⃣ Talks on the dam resume in spring.

Insiders say 2️⃣ is the sticking point.

#river #talks
👁 3.1K
"""


def test_points_numbered_with_keycap_emoji_are_read_as_numbers() -> None:
    assert read(POST) == [
        ("1", "Guns fall silent along the river at dawn on Sunday."),
        ("2", "Ferries between the two banks resume within a week. Fares stay at the pre-war level."),
        ("3", "Each side frees the fishermen it holds."),
        ("4", "A joint patrol keeps the channel open."),
        ("5", "Talks on the dam resume in spring."),
    ]


def test_emoji_bullets_are_bullets_with_or_without_a_number_after_them() -> None:
    bullets = "The plan:\n\n🔹 Guns fall silent.\n🔹 Ferries resume.\n🔹 Fishermen go free.\n"
    assert read(bullets) == [
        ("1", "Guns fall silent."),
        ("2", "Ferries resume."),
        ("3", "Fishermen go free."),
    ]
    numbered = "The plan:\n\n▪️ 1. Guns fall silent.\n▪️ 2. Ferries resume.\n"
    assert read(numbered) == [("1", "Guns fall silent."), ("2", "Ferries resume.")]


def test_keycap_ten_is_ten_and_a_keycap_inside_a_sentence_stays() -> None:
    assert keycap_numbers(["🔟 Last point.", "Points 3️⃣ and 4️⃣ matter."]) == [
        "10. Last point.",
        "Points 3️⃣ and 4️⃣ matter.",
    ]


TABLE_PAGE = """<html><body>
<aside><h2>Most read</h2><ol><li>4 ministers resign</li><li>2 new bridges</li></ol></aside>
<main>
<h1>Revised text</h1>
<table>
<tr><th>No.</th><th>Provision</th><th>Status</th></tr>
<tr><td>1</td><td>The guns fall silent at dawn.</td><td>Agreed</td></tr>
<tr><td>2</td><td>The ferries resume. To that end:
  <ol type="a"><li>the piers are repaired first;</li><li>fares stay as they were.</li></ol>
</td><td>Amended</td></tr>
<tr><td>&mdash;</td><td><s>Each side frees the fishermen it holds.</s></td><td>Deleted</td></tr>
<tr><td>3</td><td>Talks on the dam resume in spring.</td><td>New</td></tr>
</table>
</main></body></html>
"""


def test_a_table_drops_a_struck_row_and_reads_a_list_in_a_cell_as_sub_points(tmp_path: Path) -> None:
    page = tmp_path / "table.html"
    page.write_text(TABLE_PAGE, encoding="utf-8")
    assert load(page) == [
        ("1", "The guns fall silent at dawn."),
        ("2", "The ferries resume. To that end:"),
        ("2.a", "the piers are repaired first;"),
        ("2.b", "fares stay as they were."),
        ("3", "Talks on the dam resume in spring."),
    ]


def test_a_row_numbered_with_a_dash_in_a_numbered_table_is_no_point() -> None:
    table = (
        "| No. | Provision | Status |\n|---|---|---|\n| 1 | Guns fall silent. | Agreed |\n"
        "| — | Fishermen go free. | Deleted |\n| 2 | Talks resume. | New |\n"
    )
    assert read(table) == [("1", "Guns fall silent."), ("2", "Talks resume.")]


def test_a_bulleted_row_under_a_point_in_a_markdown_table_is_its_text() -> None:
    table = (
        "| No. | Provision |\n|---|---|\n| 1 | The guns fall silent. |\n"
        "|  | - at dawn on Sunday |\n| 2 | Ferries resume. |\n"
    )
    assert read(table) == [("1", "The guns fall silent. at dawn on Sunday"), ("2", "Ferries resume.")]


DOCX = (
    "RIVER ACCORD\n\nContents\n"
    "Section I\tSecurity\t1\nArticle 1\tSilence of the guns\t1\nArticle 2\tPatrols\t1\n"
    "Section II\tPeople\t2\nArticle 3\tFishermen\t2\n\n"
    "SECTION I\nSECURITY\n\n"
    "Article 1\nSilence of the guns\nThe guns fall silent at dawn.\n\n"
    "Article 2\nPatrols\nA joint patrol keeps the channel open.\n"
    "(a)\tIt sails twice a day;\n(b)\tit carries no heavy weapons.\n\n"
    "SECTION II\nPEOPLE\n\n"
    "Article 3\nFishermen\nEach side frees the fishermen it holds.\n"
)


def test_a_table_of_contents_is_no_point_and_articles_keep_their_numbers_across_sections() -> None:
    assert read(DOCX) == [
        ("1", "The guns fall silent at dawn."),
        ("2", "A joint patrol keeps the channel open."),
        ("2.a", "It sails twice a day;"),
        ("2.b", "it carries no heavy weapons."),
        ("3", "Each side frees the fishermen it holds."),
    ]


def test_contents_need_three_entries_in_a_row() -> None:
    lines = ["Contents", "Part A\t1", "Part B ........ 4", "Part C … 9", "", "1.\tThe guns stop at\t6"]
    assert contents_lines(lines) == {0, 1, 2, 3}


def test_tab_separated_points_ending_in_a_figure_are_no_contents() -> None:
    lines = [
        "1\tThe parties shall withdraw all heavy guns from the river banks within\t30",
        "2\tThe parties shall exchange every prisoner they hold within a number of days\t14",
        "3\tThe ferry shall run again between the two towns on the river within\t60",
    ]
    assert contents_lines(lines) == set()


PDFTOTEXT = (
    "RESTRICTED                                         RV/2040/2\n\n"
    "P1   The guns shall fall silent along the river at dawn on the day\n"
    "     after signature.\n\n"
    "P2   Ferries between the two banks shall resume within a week, at\n"
    "                              – 1 –\n"
    "\fRESTRICTED                                         RV/2040/2\n\n"
    "     fares no higher than before the war.\n\n"
    "P3   Talks on the dam shall resume in spring.\n\n\n"
    "     For the Left Bank                For the Right Bank\n"
    "                              – 2 –\n\f"
)


def test_p_labels_form_feeds_and_a_two_column_signature_line() -> None:
    assert read(PDFTOTEXT) == [
        ("1", "The guns shall fall silent along the river at dawn on the day after signature."),
        (
            "2",
            "Ferries between the two banks shall resume within a week, at fares no higher than before the "
            "war.",
        ),
        ("3", "Talks on the dam shall resume in spring."),
    ]


def test_a_p_label_needs_a_capital_and_a_digit() -> None:
    with pytest.raises(PlanError, match="no numbered points"):
        read("P3 and P4 were both dropped.\npoint of order was raised.\n")


def test_label_words_of_other_languages_with_english_headings() -> None:
    text = (
        "RIVER ACCORD\n\nSection 1. Security\n\n"
        "Пункт 1. Сторони припиняють вогонь на світанку.\n\n"
        "Section 2. People\n\n"
        "Стаття 2. Сторони звільняють усіх рибалок.\n"
    )
    assert read(text) == [
        ("1", "Сторони припиняють вогонь на світанку."),
        ("2", "Сторони звільняють усіх рибалок."),
    ]


def test_section_words_and_capitals_of_another_language_head_their_points() -> None:
    text = (
        "ДОГОВІР ПРО РІЧКУ\n\nРозділ 1. Безпека\n\n1. Сторони припиняють вогонь на світанку.\n\n"
        "ЛЮДИ\n\n2. Сторони звільняють усіх рибалок.\n\nДодаток А\n\n1. Перелік причалів.\n"
    )
    draft = parse_plan_text(text, plan="p", label="v", where="draft.txt")
    assert [(p.number, p.heading, p.text) for p in draft.points] == [
        ("1", "Безпека", "Сторони припиняють вогонь на світанку."),
        ("2", "ЛЮДИ", "Сторони звільняють усіх рибалок."),
        ("А.1", "Додаток А", "Перелік причалів."),
    ]


def test_point_labels_file_is_validated() -> None:
    labels = parse_point_labels(
        {
            "words": {"en": ["Point", "art."]},
            "prefixes": ["p"],
            "sections": {"en": ["Part"]},
            "annexes": ["part"],
        }
    )
    assert labels.words == ("point", "art.") and labels.prefixes == ("p",)
    assert labels.sections == ("part",) and labels.annexes == {"part"}
    with pytest.raises(ConfigError):
        parse_point_labels({"words": ["point"]})
    with pytest.raises(ConfigError):
        parse_point_labels({"prefixes": ["P1"]})
    with pytest.raises(ConfigError):
        parse_point_labels({"sections": {"en": ["part"]}, "annexes": ["annex"]})
    marks = parse_point_labels(
        {"counters": ["Slide"], "bullets": ["→"], "cardinals": ["One"], "alphabets": {"greek": "αβγ"}}
    )
    assert marks.counters == ("slide",) and marks.bullets == ("→",) and marks.cardinals == ("one",)
    assert marks.alphabets == {"greek": "αβγ"}
    with pytest.raises(ConfigError):
        parse_point_labels({"bullets": ["->"]})  # one character each
    with pytest.raises(ConfigError):
        parse_point_labels({"alphabets": ["abc"]})
    with pytest.raises(ConfigError):
        parse_point_labels({"ordinals": "first"})


def test_number_words_are_read_by_the_label_file_alone() -> None:
    """A point's label ("Point two") and a list's marker ("Second,") read a number in words by
    the file's lists, in any case; a word the lists do not hold is no number."""
    labels = parse_point_labels({"cardinals": ["One", "Two", "Three"], "ordinals": ["First", "Second"]})
    assert labels.cardinal("Two") == 2 and labels.cardinal("three") == 3
    assert labels.cardinal("four") is None and labels.cardinal("second") is None
    assert labels.ordinal("SECOND") == 2 and labels.ordinal("two") is None


XML = """<?xml version="1.0" encoding="UTF-8"?>
<doc xmlns="urn:example:drafts">
  <meta><created when="2040-02-01"/><version>7</version></meta>
  <title>River Accord</title>
  <body>
    <article id="a1"><num>Article 1</num><heading>Guns</heading>
      <p>The guns fall silent at dawn, as <ref to="#annex">the annex</ref> sets out.</p>
    </article>
    <article id="a2"><num>Article 2</num><heading>Patrols</heading>
      <intro><p>A joint patrol keeps the channel open.</p></intro>
      <point><num>(a)</num><p>It sails twice a day.</p></point>
      <point><num>(b)</num><p>It carries no heavy weapons.</p></point>
    </article>
  </body>
  <conclusions><p>Done at Kessel on 1 February 2040.</p></conclusions>
</doc>
"""


def test_a_legal_xml_export_is_read_as_its_elements_text(tmp_path: Path) -> None:
    path = tmp_path / "accord.xml"
    path.write_text(XML, encoding="utf-8")
    assert load(path) == [
        ("1", "The guns fall silent at dawn, as the annex sets out."),
        ("2", "A joint patrol keeps the channel open."),
        ("2.a", "It sails twice a day."),
        ("2.b", "It carries no heavy weapons."),
    ]


def test_an_xml_export_may_number_its_points_in_attributes(tmp_path: Path) -> None:
    path = tmp_path / "tool.xml"
    path.write_text(
        '<draft version="4"><clause n="1">The guns fall silent at dawn.</clause>'
        '<clause n="2"><text>A joint patrol keeps the channel open.</text>'
        '<sub n="a"><text>It sails twice a day.</text></sub></clause></draft>',
        encoding="utf-8",
    )
    assert load(path) == [
        ("1", "The guns fall silent at dawn."),
        ("2", "A joint patrol keeps the channel open."),
        ("2.a", "It sails twice a day."),
    ]


def test_broken_xml_says_so_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<doc><article>1. The guns fall silent.</doc>", encoding="utf-8")
    with pytest.raises(PlanError, match="not well-formed XML") as err:
        load(path)
    assert "save the plan as text" in str(err.value)


WIKI = """{{Infobox treaty
| name = River Accord
| date = {{date|2040|2|1}}
}}
The '''River Accord''' is a proposed deal between the [[Left Bank (fictional)|Left Bank]] and the
Right Bank.<ref>{{cite news |title=Deal |date=2 February 2040}}</ref>

== Provisions ==
# The guns fall silent along the [[River Kess|river]] at dawn.<ref name="a">Kessel Post, 2 Feb.</ref>
# A joint patrol keeps the channel open.
## It sails twice a day.
## It carries no heavy weapons.
# Talks on the dam resume in spring.<ref name="a" />

== Reactions ==
* '''Left Bank''': "a good start".

[[Category:Proposed treaties]]
"""


def test_wikitext_items_are_numbered_as_the_wiki_shows_them() -> None:
    assert read(WIKI) == [
        ("1", "The guns fall silent along the river at dawn."),
        ("2", "A joint patrol keeps the channel open."),
        ("2.1", "It sails twice a day."),
        ("2.2", "It carries no heavy weapons."),
        ("3", "Talks on the dam resume in spring."),
    ]


def test_markdown_with_hash_headings_is_not_wikitext() -> None:
    text = "# River Accord\n\n# Security\n\n1. The guns fall silent.\n"
    assert wikitext(text) == text


def test_a_title_heading_over_every_point_is_the_drafts_title_not_each_points_heading() -> None:
    text = (
        "# Orchard Valley Water Accord (draft of 4 May)\n\n"
        "Author: Basin Mediators\n\n"
        "1. The two valleys share the spring flow equally.\n"
        "2. A gauge is installed at the upper weir.\n"
        "3. Quarrels over the weir go to a joint panel.\n"
    )
    points = parse_plan_text(text, plan="p", label="v", where="draft.md").points
    assert [p.number for p in points] == ["1", "2", "3"]
    assert [p.heading for p in points] == [None, None, None]


def test_a_title_heading_above_sections_leaves_the_sections_headings() -> None:
    text = (
        "# Orchard Valley Water Accord\n\n"
        "## Sharing\n\n"
        "1. The two valleys share the spring flow equally.\n\n"
        "## Disputes\n\n"
        "2. Quarrels over the weir go to a joint panel.\n"
    )
    points = parse_plan_text(text, plan="p", label="v", where="draft.md").points
    assert [p.heading for p in points] == ["Sharing", "Disputes"]
