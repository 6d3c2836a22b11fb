"""The positions report: the one shape the CLI, the API and the export serialise."""

from __future__ import annotations

import json
from pathlib import Path

from negotiation_builders import MakeStatement

from redline.analysis.negotiation import Corpus, positions
from redline.analysis.positions_report import party_names, positions_report, undated_line
from redline.knowledge.actors import packaged_parties
from redline.knowledge.shift_cues import shift_knowledge
from redline.model import Document, Extraction


def test_every_party_has_a_name_a_reader_knows() -> None:
    party_name = party_names()
    assert party_name("united_states") == "United States"
    assert party_name("eu") == "European Union"
    assert all(party_name(p) != p for p in packaged_parties()), "a party shown by its id"
    # a party of other talks, declared only in a user's actor file, still reads as a name
    assert party_name("palestinian_authority") == "Palestinian Authority"
    assert party_name("unaffiliated") == "No party"


def test_party_names_are_those_of_the_files_asked_for_and_no_others(tmp_path: Path) -> None:
    declared = tmp_path / "actors.yaml"
    declared.write_text("parties:\n  mediator: Riverine Council\n  eu: The Union\n", encoding="utf-8")
    theirs = party_names([declared])
    assert theirs("mediator") == "Riverine Council" and theirs("eu") == "The Union"
    assert theirs("united_states") == "United States"  # the packaged ones beneath the user's
    # asking for one file's names changes nobody else's: the packaged names stay the packaged
    packaged = party_names()
    assert packaged("mediator") == "Mediator" and packaged("eu") == "European Union"
    assert theirs("mediator") == "Riverine Council"


def test_report_names_rows_and_columns_and_counts_the_undated(statement: MakeStatement) -> None:
    said = [
        statement(
            "we will not hand over Donetsk", "Volodymyr Zelensky", issues=("territory",), stance="oppose"
        ),
        statement("guarantees first", "Volodymyr Zelensky", issues=("security_guarantees",), when=None),
    ]
    corpus = Corpus(
        [Extraction(Document("doc-1", "", url="https://news.example/1", outlet="Wire"), said)],
        [],
        {"volodymyr-zelensky": "ukraine"},
        shift_knowledge(),
    )
    report = positions_report(positions(corpus), by="party", documents=corpus.documents)
    assert [(r.id, r.name) for r in report.rows] == [("ukraine", "Ukraine")]
    assert [(c.id, c.label, c.proposition) for c in report.columns] == [
        ("territory", "Territory", "Ukraine withdraws from Donbas"),
        ("security_guarantees", "Security guarantees", "Ukraine gets security guarantees"),
    ]
    (cell,) = report.cells
    assert (cell.stance, cell.quote.outlet, cell.quote.url) == ("oppose", "Wire", "https://news.example/1")
    (unplaced,) = report.unplaced
    assert (unplaced.column, unplaced.undated) == ("security_guarantees", 1)
    assert report.undated == 1
    assert json.loads(json.dumps(report.to_dict()))["cells"][0]["counts"]["oppose"] == 1
    assert (
        undated_line(report.undated)
        == "1 undated statement not placed in time (counted per cell, in no balance)"
    )
    assert undated_line(0) is None


def test_parties_of_other_talks_are_sides_and_media_stay_apart(statement: MakeStatement) -> None:
    """A user's own parties (declared in their actor file) head rows of the matrix like the
    packaged ones; speakers without a party are listed apart, never as a side."""
    from redline.web.analysis_pages import split_rows

    said = [
        statement("we will hold the river share", "Lena Ostrova", issues=("territory",), stance="oppose"),
        statement("the share is fair", "Wire Desk", issues=("territory",), stance="support"),
    ]
    corpus = Corpus(
        [Extraction(Document("doc-1", ""), said)], [], {"lena-ostrova": "upstream_state"}, shift_knowledge()
    )
    report = positions_report(positions(corpus), by="party", documents=corpus.documents)
    sides, apart = split_rows(report)
    assert sides == ["upstream_state"] and apart == ["unaffiliated"]
    assert [r.name for r in report.rows if r.id == "upstream_state"] == ["Upstream State"]
