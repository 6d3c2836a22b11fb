"""Another negotiation set up as the README says: its own taxonomy (``REDLINE_ISSUES``) and its
own sides (``REDLINE_ACTORS``) are what every command reads, not only ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redline.cli import app

runner = CliRunner()

TAXONOMY = """
name: river-talks
issues:
  treaty:
    label: The treaty as a whole
    proposition: The mediator's draft is the basis for a water treaty.
    generic: true
    terms: [treaty, draft]
  dam_filling:
    label: Filling the dam
    proposition: The reservoir fills over seven years or more.
    terms: [reservoir, dam, filling]
  flow_data:
    label: Flow data
    proposition: The upstream state shares live flow data.
    terms: [flow data, gauges, monitoring]
"""

ACTORS = """
parties:
  upland: Upland
  lowmarsh: Lowmarsh
  broker: River Basin Council
actors:
  - id: ivo-tamm
    name: Ivo Tamm
    type: person
    party: upland
  - id: rhea-sollen
    name: Rhea Sollen
    type: person
    party: broker
"""

PLAN = """# Draft water treaty

1. The reservoir behind the Tamm dam is filled over no less than seven years.
2. Upland reports flow data from its gauges every hour.
"""


@pytest.fixture
def river(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "issues.yaml").write_text(TAXONOMY, encoding="utf-8")
    (tmp_path / "actors.yaml").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "draft.md").write_text(PLAN, encoding="utf-8")
    monkeypatch.setenv("REDLINE_ISSUES", str(tmp_path / "issues.yaml"))
    monkeypatch.setenv("REDLINE_ACTORS", str(tmp_path / "actors.yaml"))
    monkeypatch.setenv("REDLINE_DB", f"sqlite:///{tmp_path / 'river.db'}")
    return tmp_path


def run(*args: str | Path) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output + result.stderr
    return result.stdout


def test_plan_import_tags_points_with_the_taxonomy_of_redline_issues(river: Path) -> None:
    run("plan", "import", river / "draft.md", "--plan", "river", "--version", "v1", "--date", "2026-03-02")
    shown = json.loads(run("plan", "show", "v1", "--plan", "river", "-f", "json"))
    issues = {p["number"]: p["issues"] for p in shown["points"]}
    assert issues == {"1": ["dam_filling"], "2": ["flow_data"]}


STORY = (
    "Rhea Sollen said on Monday that the draft treaty was a fair basis for both banks of the river.\n\n"
    "Ivo Tamm said Upland would never accept a filling period of seven years for the dam.\n"
)


@pytest.fixture
def ingested(river: Path) -> Path:
    (river / "story.txt").write_text(STORY, encoding="utf-8")
    run("ingest", river / "story.txt", "--published", "2026-03-02")
    return river


@pytest.mark.model
def test_positions_name_a_users_party_as_its_actor_file_declares(ingested: Path) -> None:
    report = json.loads(run("positions", "-f", "json"))
    names = {r["id"]: r["name"] for r in report["rows"]}
    assert names["broker"] == "River Basin Council"  # not "Broker", the id with a capital
    exported = run("export", "positions", "--by", "party", "-f", "csv")
    assert ",broker,River Basin Council," in exported


@pytest.mark.model
def test_positions_with_an_actors_file_name_its_parties_as_redline_actors_would(ingested: Path) -> None:
    # a second team's file calls the mediator otherwise: given as --actors it names the rows
    (ingested / "renamed.yaml").write_text(
        "parties:\n  broker: Riverine Council\nactors:\n"
        "  - {id: rhea-sollen, name: Rhea Sollen, type: person, party: broker}\n",
        encoding="utf-8",
    )
    report = json.loads(run("positions", "--actors", ingested / "renamed.yaml", "-f", "json"))
    names = {r["id"]: r["name"] for r in report["rows"]}
    assert names["broker"] == "Riverine Council"


@pytest.mark.model
def test_the_api_and_pages_name_a_users_party_as_its_actor_file_declares(
    ingested: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from redline.api import create_app

    db = f"sqlite:///{ingested / 'river.db'}"
    with TestClient(create_app(db, issues=ingested / "issues.yaml", actors=[ingested / "actors.yaml"])) as c:
        rows = c.get("/api/v1/positions").json()["rows"]
        assert {"id": "broker", "name": "River Basin Council"} in rows
        page = c.get("/positions").text
        assert "River Basin Council" in page and "Broker" not in page


@pytest.mark.model
def test_two_apps_in_one_process_each_name_the_parties_of_their_own_actor_files(ingested: Path) -> None:
    from fastapi.testclient import TestClient

    from redline.api import create_app

    # the same talks read by a second team whose file calls the mediator otherwise
    (ingested / "renamed.yaml").write_text("parties:\n  broker: Riverine Council\n", encoding="utf-8")
    db, issues = f"sqlite:///{ingested / 'river.db'}", ingested / "issues.yaml"
    ours = create_app(db, issues=issues, actors=[ingested / "actors.yaml"])
    theirs = create_app(db, issues=issues, actors=[ingested / "renamed.yaml"])
    packaged = create_app(db, issues=issues)  # made last: it must not rename the others' parties
    for made, name, other in (
        (ours, "River Basin Council", "Riverine Council"),
        (theirs, "Riverine Council", "River Basin Council"),
        (packaged, "Broker", "Council"),
    ):
        with TestClient(made) as c:
            assert {"id": "broker", "name": name} in c.get("/api/v1/positions").json()["rows"]
            for path in ("/positions", "/statements", "/issues/treaty"):  # matrix, facets, trends
                page = c.get(path).text
                assert name in page and other not in page, path


def test_an_issue_of_ones_own_taxonomy_without_redline_issues_says_to_set_it(
    river: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REDLINE_ISSUES")
    result = runner.invoke(app, ["statements", "--issue", "dam_filling"])
    assert result.exit_code == 2
    assert "REDLINE_ISSUES" in result.stderr


@pytest.mark.model
def test_positions_without_the_corpus_taxonomy_say_which_issues_it_lacks(
    ingested: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REDLINE_ISSUES")
    result = runner.invoke(app, ["positions", "-f", "json"])
    assert result.exit_code == 0
    assert "not in the taxonomy (set REDLINE_ISSUES" in result.stderr
    assert "dam_filling" in result.stderr
