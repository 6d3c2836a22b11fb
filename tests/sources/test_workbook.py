"""An Excel workbook reads as its sheets' cells; a plan comes from the sheet that numbers its text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from redline.analysis.plans import load_plan
from redline.errors import PlanError
from redline.sources.workbook import is_xlsx, xlsx_sheets

_S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_STRINGS = [
    "Ferry tracker",
    "No.",
    "Clause",
    "Owner",
    "The ferry shall sail twice a day between the two harbours.",
    "Fares shall be the same for both islands.\nChildren shall travel free.",
    "Harbour board",
    "Name",
    "Role",
    "Ada Penrose",
    "Chair of the harbour board and its longest serving member",
    "Tom Kell",
    "Pilot of the morning boat for the last eleven years",
]


def _cell(ref: str, value: str | int | float) -> str:
    if isinstance(value, str) and value.startswith("s:"):
        return f'<c r="{ref}" t="s"><v>{_STRINGS.index(value[2:])}</v></c>'
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def _sheet(rows: dict[int, list[tuple[str, str | int | float]]]) -> str:
    body = "".join(
        f'<row r="{n}">' + "".join(_cell(f"{col}{n}", v) for col, v in cells) + "</row>"
        for n, cells in rows.items()
    )
    return f"<worksheet {_S}><sheetData>{body}</sheetData></worksheet>"


# the first sheet lists people (no numbers): the points are on the second
_PEOPLE = _sheet(
    {
        1: [("A", "s:Name"), ("B", "s:Role")],
        2: [("A", "s:Ada Penrose"), ("B", "s:Chair of the harbour board and its longest serving member")],
        3: [("A", "s:Tom Kell"), ("B", "s:Pilot of the morning boat for the last eleven years")],
    }
)
_POINTS = _sheet(
    {
        1: [("A", "s:Ferry tracker")],
        3: [("A", "s:No."), ("B", "s:Clause"), ("D", "s:Owner")],  # column C left empty
        4: [
            ("A", 1.0),
            ("B", "s:The ferry shall sail twice a day between the two harbours."),
            ("D", "s:Harbour board"),
        ],
        5: [("A", 2), ("B", "s:Fares shall be the same for both islands.\nChildren shall travel free.")],
        6: [("A", 3), ("B", "A pier shall be built at the north landing by spring.")],  # an inline string
    }
)


def _xlsx(*sheets: tuple[str, str]) -> bytes:
    entries = "".join(
        f'<sheet name="{name}" sheetId="{k}" r:id="rId{k}"/>' for k, (name, _) in enumerate(sheets, 1)
    )
    rels = "".join(
        f'<Relationship Id="rId{k}" Type="worksheet" Target="worksheets/sheet{k}.xml"/>'
        for k in range(1, len(sheets) + 1)
    )
    strings = "".join(f"<si><t>{s}</t></si>" for s in _STRINGS)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", f"<workbook {_S} {_R}><sheets>{entries}</sheets></workbook>")
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        archive.writestr("xl/sharedStrings.xml", f"<sst {_S}>{strings}</sst>")
        for k, (_, xml) in enumerate(sheets, 1):
            archive.writestr(f"xl/worksheets/sheet{k}.xml", xml)
    return buffer.getvalue()


def test_cells_read_as_excel_shows_them() -> None:
    data = _xlsx(("People", _PEOPLE), ("Draft 2", _POINTS))
    assert is_xlsx(data)
    people, points = xlsx_sheets(data)
    assert (people.name, points.name) == ("People", "Draft 2")
    assert points.rows[1] == ["No.", "Clause", "", "Owner"]  # the empty column keeps its place
    assert [row[0] for row in points.rows[2:]] == ["1", "2", "3"]  # 1.0 stored is the 1 shown
    assert points.rows[3][1] == "Fares shall be the same for both islands.\nChildren shall travel free."
    assert points.rows[4][1] == "A pier shall be built at the north landing by spring."


def test_a_plan_comes_from_the_first_sheet_that_numbers_its_text(tmp_path: Path) -> None:
    (tmp_path / "tracker.xlsx").write_bytes(_xlsx(("People", _PEOPLE), ("Draft 2", _POINTS)))
    points = load_plan(tmp_path / "tracker.xlsx", plan="f", label="2").points
    assert [p.number for p in points] == ["1", "2", "3"]
    assert points[1].text == "Fares shall be the same for both islands. Children shall travel free."


def test_a_workbook_with_no_cells_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.xlsx").write_bytes(_xlsx(("Sheet1", _sheet({}))))
    with pytest.raises(PlanError, match="no filled cells"):
        load_plan(tmp_path / "empty.xlsx", plan="f", label="2")
