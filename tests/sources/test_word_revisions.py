"""A Word document with tracked changes reads as the text with every change accepted, and a
multi-level list its styles number reads with the labels Word shows."""

from __future__ import annotations

import io
import zipfile

from redline.analysis.plans import parse_plan_text
from redline.sources.word import docx_text

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body: str, **parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {_W}><w:body>{body}</w:body></w:document>")
        for name, xml in parts.items():
            archive.writestr(f"word/{name}.xml", xml)
    return buffer.getvalue()


def _run(text: str) -> str:
    return f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>"


def _gone(text: str) -> str:
    return f"<w:r><w:delText xml:space='preserve'>{text}</w:delText></w:r>"


def test_insertions_are_kept_and_deletions_and_moved_away_text_dropped() -> None:
    body = (
        "<w:p>" + _run("1.") + "<w:r><w:tab/></w:r>" + _run("The mill shall open within ")
        + f"<w:del w:id='1'>{_gone('10')}</w:del><w:ins w:id='2'>{_run('20')}</w:ins>"
        + _run(" days.") + "<w:commentRangeStart w:id='0'/><w:r><w:commentReference w:id='0'/></w:r></w:p>"
        # the paragraph a passage was moved from, and the one it was moved to
        + f"<w:p><w:moveFrom w:id='3'>{_run('Tolls shall be halved.')}</w:moveFrom></w:p>"
        + f"<w:p>{_run('2.')}<w:r><w:tab/></w:r>"
        + f"<w:moveTo w:id='4'>{_run('Tolls shall be halved.')}</w:moveTo></w:p>"
    )  # fmt: skip
    comments = (
        f"<w:comments {_W}><w:comment w:id='0'><w:p>{_run('Why 20 days?')}</w:p></w:comment></w:comments>"
    )
    lines = [line for line in docx_text(_docx(body, comments=comments)).splitlines() if line]
    assert lines == ["1. The mill shall open within 20 days.", "2. Tolls shall be halved."]


def test_a_deleted_paragraph_mark_joins_the_next_paragraph() -> None:
    deleted_mark = "<w:pPr><w:rPr><w:del w:id='9'/></w:rPr></w:pPr>"
    body = (
        f"<w:p>{deleted_mark}{_run('3. The mill shall grind for both villages')}</w:p>"
        f"<w:p>{_run('on alternate days.')}</w:p>"
        # a paragraph deleted whole, its runs and its mark: nothing is left of it
        f"<w:p>{deleted_mark}<w:del w:id='5'>{_gone('4. The old weir shall go.')}</w:del></w:p>"
        f"<w:p>{_run('4. The miller shall keep a ledger.')}</w:p>"
    )
    assert docx_text(_docx(body)).splitlines() == [
        "3. The mill shall grind for both villages on alternate days.",
        "4. The miller shall keep a ledger.",
    ]


_NUMBERING = (
    f"<w:numbering {_W}><w:abstractNum w:abstractNumId='0'>"
    "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='decimal'/><w:lvlText w:val='%1.'/></w:lvl>"
    "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:numFmt w:val='decimal'/><w:lvlText w:val='%1.%2'/></w:lvl>"
    "<w:lvl w:ilvl='2'><w:start w:val='1'/><w:numFmt w:val='lowerLetter'/><w:lvlText w:val='(%3)'/></w:lvl>"
    "</w:abstractNum><w:num w:numId='2'><w:abstractNumId w:val='0'/></w:num></w:numbering>"
)


def _style(style_id: str, name: str, level: int) -> str:
    return (
        f"<w:style w:type='paragraph' w:styleId='{style_id}'><w:name w:val='{name}'/><w:pPr><w:numPr>"
        f"<w:ilvl w:val='{level}'/><w:numId w:val='2'/></w:numPr></w:pPr></w:style>"
    )


def test_styles_linked_to_list_levels_number_clauses_and_their_lettered_items() -> None:
    styles = f"<w:styles {_W}>{_style('Heading1', 'heading 1', 0)}{_style('Clause', 'Clause', 1)}"
    styles += f"{_style('SubClause', 'Sub-clause', 2)}</w:styles>"

    def para(style: str, text: str) -> str:
        return f"<w:p><w:pPr><w:pStyle w:val='{style}'/></w:pPr>{_run(text)}</w:p>"

    body = (
        para("Heading1", "Mill")
        + para("Clause", "The mill shall be run by a joint crew.")
        + para("Clause", "The crew shall be paid in two parts:")
        + para("SubClause", "grain at harvest;")
        + para("SubClause", "coin at midwinter.")
        + para("Heading1", "Roads")
        + para("Clause", "The lane to the mill shall be kept clear.")
    )
    text = docx_text(_docx(body, numbering=_NUMBERING, styles=styles))
    assert text.splitlines()[:4] == [
        "1. Mill",
        "   1.1 The mill shall be run by a joint crew.",
        "   1.2 The crew shall be paid in two parts:",
        "      (a) grain at harvest;",
    ]
    points = parse_plan_text(text, plan="m", label="1").points
    assert [p.number for p in points] == ["1.1", "1.2", "1.2.a", "1.2.b", "2.1"]
