"""An OpenDocument text reads as LibreOffice shows it: list numbers counted, notes left out."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from redline.analysis.plans import load_plan
from redline.errors import PlanError
from redline.sources.opendocument import OpenDocumentError, is_odt, odt_text

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
_LIST_STYLE = (
    '<text:list-style style:name="L7">'
    '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
    '<text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" '
    'style:num-format="a"/></text:list-style>'
)


def _odt(body: str, styles: str = "") -> bytes:
    content = (
        f"<office:document-content {_NS}><office:automatic-styles>{_LIST_STYLE}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        if styles:
            archive.writestr("styles.xml", f"<office:document-styles {_NS}>{styles}</office:document-styles>")
    return buffer.getvalue()


def _item(text: str, sub: str = "") -> str:
    return f"<text:list-item><text:p>{text}</text:p>{sub}</text:list-item>"


_ORCHARD = _odt(
    '<text:h text:outline-level="1">Orchard terms</text:h>'
    "<text:p>The two farms agree on the points below.</text:p>"
    '<text:h text:outline-level="2">Water</text:h>'
    '<text:list xml:id="first" text:style-name="L7">'
    + _item("The well shall be shared in equal weeks.")
    + _item(
        "The pump shall be mended<text:note text:note-class='footnote'>"
        "<text:note-citation>1</text:note-citation><text:note-body>"
        "<text:p>By the smith of Hollin, 4 hours a week.</text:p></text:note-body></text:note>"
        " by the upper farm."
    )
    + "</text:list>"
    + '<text:soft-page-break/><text:h text:outline-level="2">Fences</text:h>'
    + '<text:list text:continue-list="first" text:style-name="L7">'
    + _item(
        "The hedge shall be cut in two stages:",
        "<text:list>"
        + _item("the lower half by <text:span>Mar</text:span>ch;")
        + _item("the rest by May.")
        + "</text:list>",
    )
    + _item("A gate of <text:span>3</text:span> metres shall stand at<text:s/>the lane.")
    + "</text:list>"
)


def test_list_numbers_go_on_across_headings_with_sub_items_lettered() -> None:
    assert is_odt(_ORCHARD)
    assert odt_text(_ORCHARD).splitlines() == [
        "# Orchard terms",
        "The two farms agree on the points below.",
        "## Water",
        "1. The well shall be shared in equal weeks.",
        "2. The pump shall be mended by the upper farm.",  # the footnote is no text of the point
        "## Fences",
        "3. The hedge shall be cut in two stages:",
        "   (a) the lower half by March;",  # spans joined as they stand
        "   (b) the rest by May.",
        "4. A gate of 3 metres shall stand at the lane.",
    ]


def test_a_new_list_counts_from_one_and_a_start_value_is_kept() -> None:
    data = _odt(
        '<text:list text:style-name="L7">' + _item("Alpha point one.") + "</text:list>"
        '<text:list text:style-name="L7">'
        + _item("Beta point one.")
        + '<text:list-item text:start-value="7"><text:p>Beta point seven.</text:p></text:list-item>'
        + "</text:list>"
    )
    assert odt_text(data).splitlines() == [
        "1. Alpha point one.",
        "1. Beta point one.",
        "7. Beta point seven.",
    ]


def test_a_list_style_kept_in_the_shared_styles_numbers_too() -> None:
    shared = (
        '<office:styles><text:list-style style:name="Roman">'
        '<text:list-level-style-number text:level="1" style:num-suffix=")" style:num-format="I"/>'
        "</text:list-style></office:styles>"
    )
    data = _odt(
        '<text:list text:style-name="Roman">' + _item("First.") + _item("Second.") + "</text:list>", shared
    )
    assert odt_text(data).splitlines() == ["I) First.", "II) Second."]


def test_an_odt_plan_is_read_by_its_extension_or_its_content(tmp_path: Path) -> None:
    (tmp_path / "terms.odt").write_bytes(_ORCHARD)
    (tmp_path / "terms.txt").write_bytes(_ORCHARD)
    for name in ("terms.odt", "terms.txt"):
        points = load_plan(tmp_path / name, plan="o", label="1").points
        assert [p.number for p in points] == ["1", "2", "3", "3.a", "3.b", "4"]
        assert points[1].text == "The pump shall be mended by the upper farm."


def test_a_broken_odt_is_refused_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "broken.odt").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(PlanError, match="broken ZIP archive"):
        load_plan(tmp_path / "broken.odt", plan="o", label="1")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<office:document-content")
    with pytest.raises(OpenDocumentError, match="not well-formed"):
        odt_text(buffer.getvalue())


def test_an_odt_article_is_ingested_as_its_paragraphs(read: Any, tmp_path: Path, english: str) -> None:
    half = len(english) // 2
    body = f"<text:p>{escape(english[:half])}<text:span>{escape(english[half:])}</text:span></text:p>"
    (tmp_path / "report.odt").write_bytes(_odt(body))
    docs, problems = read([tmp_path / "report.odt"])
    assert problems == []
    assert " ".join(docs[0].text.split()) == " ".join(english.split())
