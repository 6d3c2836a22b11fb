"""Drafts in formats a user hands over as they are: a saved e-mail (MIME, quoted-printable), a
Word document with automatic list numbering, reStructuredText and Org-mode sources, an annotated
working copy, a fixed-width table and paragraphs numbered at their end.

Every text here is written for these tests (fictional provisions).
"""

from __future__ import annotations

import io
import quopri
import zipfile
from pathlib import Path

import pytest

from redline.analysis.draft_closing import closing_numbers
from redline.analysis.draft_columns import rule_tables
from redline.analysis.plans import load_plan, parse_plan_text
from redline.errors import PlanError
from redline.sources.mail import is_mail, mail_text
from redline.sources.markup import org_text, rst_text
from redline.sources.word import docx_text, is_docx

PROVISIONS = [
    "The two villages shall share the water of the Orne spring in equal parts from 1 July 2041.",
    "A footbridge over the Orne shall be built within 18 months and kept open at all hours.",
    "Disputes over the spring shall go to a panel of three elders named by the valley council.",
]


def read(text: str) -> list[tuple[str, str]]:
    return [(p.number, p.text) for p in parse_plan_text(text, plan="p", label="v", where="draft.txt").points]


def loaded(path: Path) -> list[tuple[str, str]]:
    return [(p.number, p.text) for p in load_plan(path, plan="p", label="v").points]


# -- e-mail -------------------------------------------------------------------------------------


def _mail() -> bytes:
    plain = "Hello all,\r\n\r\nthe text agreed on Monday \u2013 three points:\r\n\r\n" + "".join(
        f"{k}. {text}\r\n" for k, text in enumerate(PROVISIONS, 1)
    )
    html = "<p>Hello all,</p><ol>" + "".join(f"<li>{t}</li>" for t in PROVISIONS) + "</ol>"
    encoded = [quopri.encodestring(part.encode("utf-8")).decode("ascii") for part in (plain, html)]
    return (
        "MIME-Version: 1.0\r\nSubject: =?UTF-8?Q?Orne_spring_=E2=80=93_text?=\r\n"
        "From: Clerk <clerk@valley.example>\r\n"
        'Content-Type: multipart/alternative; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{encoded[0]}\r\n--b1\r\nContent-Type: text/html; charset=UTF-8\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\n\r\n{encoded[1]}\r\n--b1--\r\n"
    ).encode("ascii")


def test_mail_text_decodes_quoted_printable_and_reads_the_plain_part_once() -> None:
    data = _mail()
    assert b"=\r\n" in data  # lines cut by soft line breaks, inside the provisions
    text = mail_text(data)
    assert "agreed on Monday \u2013 three points" in text
    assert all(text.count(provision) == 1 for provision in PROVISIONS)


def test_a_saved_email_is_read_as_a_plan_by_its_extension_or_its_content(tmp_path: Path) -> None:
    want = [(str(k), text) for k, text in enumerate(PROVISIONS, 1)]
    (tmp_path / "draft.eml").write_bytes(_mail())
    (tmp_path / "draft.txt").write_bytes(_mail())
    assert loaded(tmp_path / "draft.eml") == want
    assert loaded(tmp_path / "draft.txt") == want


def test_a_memo_with_to_and_subject_lines_is_no_email() -> None:
    assert is_mail(_mail())
    assert not is_mail(b"To: the council\nSubject: the spring\n\n1. The villages shall share it.\n")


def test_an_html_only_email_is_read_as_its_outline() -> None:
    data = (
        b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<ol><li>Share the spring.</li>"
        b"<li>Build the bridge.</li></ol>\n"
    )
    assert mail_text(data).splitlines() == ["1. Share the spring.", "2. Build the bridge."]


# -- Word ---------------------------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_NUMBERING = (
    f"<w:numbering {_W}><w:abstractNum w:abstractNumId='0'>"
    "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='decimal'/><w:lvlText w:val='%1.'/></w:lvl>"
    "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:numFmt w:val='lowerLetter'/><w:lvlText w:val='(%2)'/></w:lvl>"
    "</w:abstractNum><w:num w:numId='4'><w:abstractNumId w:val='0'/></w:num></w:numbering>"
)


def _para(*runs: str, level: int | None = None, style: str | None = None) -> str:
    props = ""
    if level is not None:
        props = f"<w:numPr><w:ilvl w:val='{level}'/><w:numId w:val='4'/></w:numPr>"
    if style:
        props = f"<w:pStyle w:val='{style}'/>" + props
    body = "".join(f"<w:r><w:t xml:space='preserve'>{run}</w:t></w:r>" for run in runs)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def _docx(*paragraphs: str, numbering: bool = True) -> bytes:
    document = f"<w:document {_W}><w:body>{''.join(paragraphs)}</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
        if numbering:
            archive.writestr("word/numbering.xml", _NUMBERING)
    return buffer.getvalue()


def test_docx_numbers_its_automatic_list_across_headings_and_joins_split_runs() -> None:
    data = _docx(
        _para("Orne spring compact"),
        _para("Water", style="Heading1"),
        _para("The two villages shall share the wa", "ter in equal parts.", level=0),
        _para("Upper village first in dry weeks.", level=1),
        _para("Works", style="Heading1"),
        _para("A footbridge shall be built within ", "18", " months.", level=0),
    )
    assert is_docx(data)
    assert docx_text(data).splitlines() == [
        "Orne spring compact",
        "# Water",
        "1. The two villages shall share the water in equal parts.",
        "   (a) Upper village first in dry weeks.",
        "# Works",
        "2. A footbridge shall be built within 18 months.",
    ]


def test_a_docx_plan_is_read_by_path_and_a_zip_without_a_document_is_refused(tmp_path: Path) -> None:
    (tmp_path / "draft.docx").write_bytes(_docx(*(_para(text, level=0) for text in PROVISIONS)))
    assert loaded(tmp_path / "draft.docx") == [(str(k), text) for k, text in enumerate(PROVISIONS, 1)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "1. A point.")
    (tmp_path / "other.docx").write_bytes(buffer.getvalue())
    with pytest.raises(PlanError, match="no Word document"):
        load_plan(tmp_path / "other.docx", plan="p", label="v")


# -- reStructuredText and Org mode --------------------------------------------------------------

RST = """\
============
Orne compact
============

:Date: 2041-05-02
:Status: draft 2; 5 points

.. note::

   Draft 1 had 6 points.

Water
=====

#. The two villages shall share the water of the spring in equal
   parts. [#share]_
#. Neither village shall dig a new well above the spring.

Works
=====

.. The second list opens with its number so the count goes on.

3. A footbridge shall be built within 18 months.
#. The council shall pay two thirds of its cost.
#. Disputes shall go to a panel of three elders.

.. [#share] The upper village asked for 60 per cent.
"""


def test_rst_numbers_auto_enumerated_items_and_drops_fields_directives_comments_and_footnotes() -> None:
    assert read(rst_text(RST)) == [
        ("1", "The two villages shall share the water of the spring in equal parts."),
        ("2", "Neither village shall dig a new well above the spring."),
        ("3", "A footbridge shall be built within 18 months."),
        ("4", "The council shall pay two thirds of its cost."),
        ("5", "Disputes shall go to a panel of three elders."),
    ]
    assert "Draft 1" not in rst_text(RST) and "60 per cent" not in rst_text(RST)


ORG = """\
#+TITLE: Orne compact
#+TODO: OPEN | SETTLED

* Water
** SETTLED 1. Sharing                                       :water:
   :PROPERTIES:
   :OLD:      1
   :END:
   The two villages shall share the water of the spring in equal parts.
** OPEN [#A] 2. Wells                                        :water:
   DEADLINE: <2041-06-01 Sat>
   :LOGBOOK:
   - Note taken on [2041-05-03 Fri 10:00] \\\\
     The upper village wants 3 wells.
   :END:
   Neither village shall dig a new well above the spring.
# the works come next
* COMMENT Dropped
** OPEN 3. Tolls
   A toll shall be paid on the footbridge.
* Works
** OPEN 3. Footbridge
   A footbridge shall be built within 18 months.
"""


def test_org_headlines_number_points_and_drawers_settings_and_comment_subtrees_are_no_text(
    tmp_path: Path,
) -> None:
    (tmp_path / "draft.org").write_text(ORG, encoding="utf-8")
    assert loaded(tmp_path / "draft.org") == [
        ("1", "The two villages shall share the water of the spring in equal parts."),
        ("2", "Neither village shall dig a new well above the spring."),
        ("3", "A footbridge shall be built within 18 months."),
    ]
    assert "toll" not in org_text(ORG) and "3 wells" not in org_text(ORG)


# -- layouts inside plain text ------------------------------------------------------------------


def test_comment_and_status_lines_under_each_point_are_no_text() -> None:
    text = (
        "Orne compact, annotated copy\n\n"
        "1. The two villages shall share the water of the spring in equal parts.\n"
        "   Comment (North): Agreed on day one.\n"
        "   Status: agreed\n"
        "2. Neither village shall dig a new well above the spring.\n"
        "   Comment (South): Wants an exception for\n"
        "   the mill.\n"
        "   Status: open\n"
    )
    assert read(text) == [
        ("1", "The two villages shall share the water of the spring in equal parts."),
        ("2", "Neither village shall dig a new well above the spring."),
    ]


FIXED = """\
ORNE COMPACT

--------------------------------------------------------------
 No.   Provision                              Who        When
-----  -------------------------------------  ---------  -----
 1     The two villages shall share the       Both       D+0
       water of the spring in equal parts.    villages

 2     A footbridge shall be built within     Council    D+540
       18 months.

 3     Disputes shall go to a panel of three  Council    -
       elders named by the valley council.
--------------------------------------------------------------

Table: the compact's provisions.
"""


def test_fixed_width_table_reads_its_number_and_widest_column_with_wrapped_cells() -> None:
    assert read(FIXED) == [
        ("1", "The two villages shall share the water of the spring in equal parts."),
        ("2", "A footbridge shall be built within 18 months."),
        ("3", "Disputes shall go to a panel of three elders named by the valley council."),
    ]


def test_rule_tables_leaves_a_table_whose_first_column_is_no_number() -> None:
    lines = ["Name   Role", "-----  -----", "Ada    Clerk", "Bo     Elder"]
    assert rule_tables(lines) == lines


PARAS = """\
Orne compact, second text

Circulated to both villages. Paragraph numbers stand at the end.

The two villages shall share the water of the spring in equal
parts. (para. 1)

A footbridge shall be built within 18 months. (para. 2)

Disputes shall go to a panel of three elders. (para. 3)

Comments on paras. 1 and 3 by Friday.
"""


def test_paragraphs_numbered_at_their_end_are_read_as_those_points() -> None:
    assert read(PARAS) == [
        ("1", "The two villages shall share the water of the spring in equal parts."),
        ("2", "A footbridge shall be built within 18 months."),
        ("3", "Disputes shall go to a panel of three elders."),
    ]


def test_a_single_paragraph_reference_or_numbers_that_do_not_count_up_are_left_alone() -> None:
    one = "The bridge is covered in the text (para. 4)\n\nNothing else is.\n"
    assert closing_numbers(one) == one
    backwards = "First. (para. 3)\n\nSecond. (para. 2)\n"
    assert closing_numbers(backwards) == backwards


def test_a_zip_that_is_no_word_document_is_refused_with_what_redline_reads(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("META-INF/container.xml", "<container/>")  # an e-book: no document redline reads
    (tmp_path / "draft.epub").write_bytes(buffer.getvalue())
    with pytest.raises(PlanError, match=r"ZIP archive .*not text") as raised:
        load_plan(tmp_path / "draft.epub", plan="p", label="v")
    assert ".docx" in str(raised.value)
