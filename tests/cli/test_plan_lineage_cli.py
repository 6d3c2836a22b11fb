"""`plan import` with author, kind and base; `plan diff` of a mark-up against its base, piped."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from redline.cli import app

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "examples" / "plans" / "draft-28-points.md"
MARKUP = ROOT / "examples" / "plans" / "european-markup.md"

runner = CliRunner()


def run(*args: str | Path, code: int = 0) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == code, result.output + result.stderr
    return result.stdout


def test_a_markup_is_imported_with_its_lineage_and_diffed_against_its_base(tmp_path: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'r.db'}"]
    run("plan", "import", DRAFT, "--plan", "peace", "--version", "28-point", "--author", "US", *db)
    out = run("plan", "import", MARKUP, "--plan", "peace", "--version", "e3", "--date", "2025-11-23", *db)
    assert "e3 (Europe (E3), counter-proposal, based on 28-point)" in out and "1 of unknown text" in out
    listed = run("plan", "list", *db)
    assert "Europe (E3) counter-proposal, based on 28-point" in listed
    diff = run("plan", "diff", "e3", *db)  # no old label: the version it marks up
    assert "28-point → e3" in diff
    assert "[-The size of-]" in diff and "{+may number up to 800,000" in diff  # marks: not a terminal
    assert "disputed by Russia" in diff and "(text not known)" in diff
    assert "removed" in diff and "unknown" in diff


def test_a_counter_proposal_is_not_the_latest_plan(tmp_path: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'r.db'}"]
    run("plan", "import", DRAFT, "--plan", "peace", "--version", "28-point", "--date", "2025-11-20", *db)
    run("plan", "import", MARKUP, "--plan", "peace", "--version", "e3", "--date", "2025-11-23", *db)
    shown = run("plan", "show", "--plan", "peace", "--format", "json", *db)
    assert '"label": "28-point"' in shown  # dated later, but a counter-proposal is not "the plan"
    run(
        "plan", "import", MARKUP, "--plan", "peace", "--version", "x", "--based-on", "nope", *db, code=5
    )  # not found


def test_plan_show_says_who_wrote_a_version_and_which_points_are_not_settled_text(tmp_path: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'r.db'}"]
    run("plan", "import", DRAFT, "--plan", "peace", "--version", "28-point", *db)
    run("plan", "import", MARKUP, "--plan", "peace", "--version", "e3", *db)
    shown = run("plan", "show", "e3", "--plan", "peace", *db)
    assert "Europe (E3), counter-proposal, based on 28-point" in shown
    assert "[disputed by Russia] Ukraine's membership of NATO" in shown  # not read as rich markup
    assert "[summary]" in shown and "[open]" in shown and "(text not known)" in shown
    plain = run("plan", "show", "28-point", "--plan", "peace", *db)
    assert "[" not in plain  # a draft of settled text carries no marks


def test_a_lineage_without_a_plan_is_a_usage_error(tmp_path: Path) -> None:
    """`positions --lineage US` printed the issue matrix, as if it were the US drafts' points."""
    db = ["--db", f"sqlite:///{tmp_path / 'r.db'}"]
    run("plan", "import", DRAFT, "--plan", "peace", "--version", "28-point", "--author", "US", *db)
    result = runner.invoke(app, ["positions", "--lineage", "US", *db])
    assert result.exit_code == 2
    assert "--lineage needs --plan" in result.stderr
    assert "28-point" in run("positions", "--plan", "peace", "--lineage", "US", "-f", "json", *db)


def test_a_draft_saved_in_a_legacy_code_page_is_read_as_articles_are(tmp_path: Path) -> None:
    """A word processor's draft in Windows-1252 was refused as "not UTF-8"; ingest reads such files."""
    draft = tmp_path / "draft.txt"
    draft.write_bytes(
        "1. The régime hands the port to the city.\n2. Talks resume in Genève.\n".encode("cp1252")
    )
    db = ["--db", f"sqlite:///{tmp_path / 'r.db'}"]
    assert "2 points" in run("plan", "import", draft, "--plan", "port", "--version", "v1", *db)
    shown = run("plan", "show", "v1", "--plan", "port", *db)
    assert "régime" in shown and "Genève" in shown
    binary = tmp_path / "draft.bin.txt"
    binary.write_bytes(b"1. \x00\x01\x02 point")
    result = runner.invoke(app, ["plan", "import", str(binary), "--plan", "port", "--version", "v2", *db])
    assert result.exit_code != 0 and "is binary" in result.stderr


def test_plan_list_in_json_is_the_apis_list(tmp_path: Path) -> None:
    """`plan list` printed only tab-separated lines; `-f json` is /api/v1/plans, field for field."""
    import json

    from fastapi.testclient import TestClient

    from redline.api import create_app

    url = f"sqlite:///{tmp_path / 'r.db'}"
    run("plan", "import", DRAFT, "--plan", "peace", "--version", "28-point", "--author", "US", "--db", url)
    run("plan", "import", MARKUP, "--plan", "peace", "--version", "e3", "--date", "2025-11-23", "--db", url)
    listed = json.loads(run("plan", "list", "-f", "json", "--db", url))
    with TestClient(create_app(url)) as client:
        assert listed == client.get("/api/v1/plans").json()
    assert [v["label"] for v in listed[0]["versions"]] == ["28-point", "e3"]


def test_plan_show_and_diff_in_json_are_the_apis_documents(tmp_path: Path) -> None:
    """`plan show -f json` left out the status fields of settled points, the reconstruction's
    provenance and the base; the API left out where the text was published: one shape now."""
    import json

    from fastapi.testclient import TestClient

    from redline.api import create_app

    url = f"sqlite:///{tmp_path / 'r.db'}"
    run("plan", "import", DRAFT, "--plan", "peace", "--version", "28-point", "--author", "US",
        "--source-url", "https://example.org/draft", "--db", url)  # fmt: skip
    run("plan", "import", MARKUP, "--plan", "peace", "--version", "e3", "--date", "2025-11-23", "--db", url)
    with TestClient(create_app(url)) as client:
        for label in ("28-point", "e3"):
            shown = json.loads(run("plan", "show", label, "--plan", "peace", "-f", "json", "--db", url))
            assert shown == client.get(f"/api/v1/plans/peace/versions/{label}").json(), label
        diff = json.loads(run("plan", "diff", "28-point", "e3", "--plan", "peace", "-f", "json", "--db", url))
        assert diff == client.get("/api/v1/plans/peace/diff", params={"from": "28-point", "to": "e3"}).json()
    assert shown["points"][0]["disputed_by"] == [] and shown["base_label"] is None
