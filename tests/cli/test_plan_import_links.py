"""`plan import` links the stored statements to the new version's points in the import, so
no positions request links a whole corpus; an empty store links nothing yet."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from fakes import doc, make_fake
from redline.cli import app
from redline.config import Settings
from redline.ingest import ingest
from redline.store import Store

DRAFT = Path(__file__).resolve().parents[2] / "examples" / "plans" / "draft-28-points.md"
runner = CliRunner()


def _import(url: str, label: str) -> str:
    args = ["plan", "import", str(DRAFT), "--plan", "peace", "--version", label, "--db", url]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output + result.stderr
    return result.stderr


def test_import_links_the_stored_statements_and_ingest_the_later_ones(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    said = ["a ceasefire takes effect when both sides accept it", "Ukraine will not join NATO, he said"]
    docs = [doc(i, f"Report {i}. Ivan Petrov said {said[i % 2]}. Item {i * 7}.", day=1 + i) for i in range(8)]
    with Store.open(url) as s:
        assert _import(url, "empty") == ""  # nothing stored: nothing linked, no version marked linked
        assert s.linked_versions() == []
        ingest(docs[:4], s, Settings(batch_size=2), extractor_factory=make_fake)
    err = _import(url, "28-point")
    assert "linked 4 statements" in err
    with Store.open(url) as s:
        assert s.linked_versions() == [("peace", "28-point")]
        assert s.point_link_pending("peace", "28-point")[1] == []  # a request has nothing to link
        ingest(docs[4:], s, Settings(batch_size=2), extractor_factory=make_fake)
        assert s.point_link_pending("peace", "28-point")[1] == []
