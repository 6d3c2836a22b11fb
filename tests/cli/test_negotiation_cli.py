"""`redline plan|positions|timeline` end to end on examples/plans and the fixture extractions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redline.cli import app

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "examples" / "plans" / "draft-28-points.md"
REVISED = ROOT / "examples" / "plans" / "revised-19-points.md"
STATEMENTS = ROOT / "tests" / "fixtures" / "negotiation_extractions.jsonl"
TERMS = ROOT / "tests" / "fixtures" / "issue_terms.yaml"

runner = CliRunner()


def run(*args: str | Path, code: int = 0) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == code, result.output + result.stderr
    return result.stdout


def reconstruct(plans: list[str], label: str) -> str:
    """Rebuild version ``label`` from the fixture's reports of changes to the 28-point draft."""
    return run(
        "plan",
        "reconstruct",
        "--plan",
        "peace",
        "--base",
        "28-point",
        "--version",
        label,
        "--from",
        STATEMENTS,
        *plans,
    )


@pytest.fixture(params=["db", "plans-dir"])
def plans(request: pytest.FixtureRequest, tmp_path: Path) -> list[str]:
    """Where plans are kept: the database (the default) or a directory of JSON files."""
    d = (
        ["--db", f"sqlite:///{tmp_path / 'r.db'}"]
        if request.param == "db"
        else ["--plans-dir", str(tmp_path)]
    )
    assert (
        run(
            "plan",
            "import",
            DRAFT,
            "--plan",
            "peace",
            "--version",
            "28-point",
            "--date",
            "2025-11-20",
            "--source",
            "https://example.org/28",
            "--issues",
            TERMS,
            *d,
        )
        == "imported peace 28-point: 28 points\n"
    )
    run(
        "plan",
        "import",
        REVISED,
        "--plan",
        "peace",
        "--version",
        "19-point",
        "--date",
        "2025-11-30",
        "--issues",
        TERMS,
        *d,
    )
    return d


def test_plan_list(plans: list[str]) -> None:
    assert run(
        "plan",
        "list",
        *plans,
    ) == ("peace\t28-point\t2025-11-20\t28 points\npeace\t19-point\t2025-11-30\t19 points\n")


def test_plan_show_json_has_tagged_points(plans: list[str]) -> None:
    data = json.loads(
        run(
            "plan",
            "show",
            "28-point",
            "--plan",
            "peace",
            "-f",
            "json",
            *plans,
        )
    )
    assert data["source"] == "https://example.org/28" and len(data["points"]) == 28
    army = data["points"][5]
    assert "military_limits" in army["issues"] and "SsrArm" in army["pax_codes"]


def test_plan_diff_json_table_and_html(plans: list[str], tmp_path: Path) -> None:
    data = json.loads(
        run(
            "plan",
            "diff",
            "28-point",
            "19-point",
            "--format",
            "json",
            *plans,
        )
    )
    assert data["counts"]["merged"] == 1 and data["counts"]["split"] == 1
    assert any(c["kind"] == "removed" and c["old"][0]["number"] == "27" for c in data["changes"])
    table = run(
        "plan",
        "diff",
        "28-point",
        "19-point",
        "--plan",
        "peace",
        *plans,
    )
    assert "peace: 28-point → 19-point" in table and "merged" in table
    page = tmp_path / "diff.html"
    assert (
        run(
            "plan",
            "diff",
            "28-point",
            "19-point",
            "-f",
            "html",
            "-o",
            page,
            *plans,
        )
        == ""
    )
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_reconstruct_and_show_reported_version(plans: list[str]) -> None:
    out = reconstruct(plans, "geneva-reported")
    assert out.splitlines()[0] == (
        "reconstructed peace geneva-reported from 28-point (reported, unconfirmed): 2 reported changes"
    )
    assert [line.split("\t")[:2] for line in out.splitlines()[1:]] == [
        ["  6", "removed"],
        ["  27", "removed"],
    ]
    data = json.loads(
        run(
            "plan",
            "show",
            "geneva-reported",
            "--plan",
            "peace",
            "-f",
            "json",
            *plans,
        )
    )
    assert data["status"] == "reported, unconfirmed" and data["reported"]
    statuses = {e["number"]: e["status"] for e in data["reconstruction"]}
    assert statuses["6"] == statuses["27"] == "removed" and statuses["1"] == "unchanged"
    assert "geneva-reported\t2025-11-27\t26 points  (reported, unconfirmed)" in run(
        "plan",
        "list",
        *plans,
    )


def test_positions_by_party_with_shifts() -> None:
    data = json.loads(run("positions", "--from", STATEMENTS, "-f", "json"))
    cells = {(c["row"], c["column"]): c for c in data["cells"]}
    assert cells[("russia", "territory")]["stance"] == "support"
    assert cells[("ukraine", "military_limits")]["stance"] == "oppose"
    assert cells[("ukraine", "military_limits")]["supporting"] == 2
    assert cells[("ukraine", "military_limits")]["quote"]["outlet"] == "redline fixtures"
    assert cells[("ukraine", "military_limits")]["counts"] == {
        "support": 0,
        "oppose": 2,
        "conditional": 0,
        "neutral": 0,
    }
    assert cells[("russia", "territory")]["proposition"] == "Ukraine withdraws from Donbas"
    assert cells[("united_states", "plan_overall")]["row_name"] == "United States"
    assert [c["id"] for c in data["columns"]][:2] == ["plan_overall", "territory"]  # the taxonomy's order
    assert cells[("united_states", "plan_overall")]["stance"] == "support"
    shifts = {(s["row"], s["column"], s["before"], s["after"]) for s in data["shifts"]}
    # one statement on a side is no shift: the fixture's single turns are not reported
    assert ("ukraine", "plan_overall", "conditional", "support") not in shifts
    assert all(s["quote_before"]["text"] and s["quote_after"]["text"] for s in data["shifts"])


def test_positions_at_a_date_and_by_actor() -> None:
    data = json.loads(
        run(
            "positions",
            "--from",
            STATEMENTS,
            "--by",
            "actor",
            "--at",
            "2025-11-22",
            "--issue",
            "plan_overall",
            "-f",
            "json",
        )
    )
    cells = {(c["row"], c["column"]): c for c in data["cells"]}
    assert set(cells) == {
        ("Donald Trump", "plan_overall"),
        ("Volodymyr Zelensky", "plan_overall"),
        ("Dmitry Peskov", "plan_overall"),
    }
    assert cells[("Volodymyr Zelensky", "plan_overall")]["stance"] == "conditional"
    assert data["shifts"] == []


def test_positions_by_plan_point(plans: list[str]) -> None:
    data = json.loads(
        run(
            "positions",
            "--from",
            STATEMENTS,
            "--plan",
            "peace",
            "-f",
            "json",
            *plans,
        )
    )
    cells = {(c["row"], c["column"]): c for c in data["cells"]}
    # "we will never recognise occupied territory" names no term of the territory point: the
    # issue alone links no point; the statement naming the line of contact does
    assert ("ukraine", "16") not in cells
    assert cells[("russia", "16")]["stance"] == "support"  # territory point of the 19-point version
    table = run(
        "positions",
        "--from",
        STATEMENTS,
        "--plan",
        "peace",
        *plans,
    )
    assert "positions on peace 19-point" in table


def test_timeline_in_date_order_with_filters() -> None:
    entries = json.loads(run("timeline", "--from", STATEMENTS, "-f", "json"))
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates) and dates[0] == "2025-11-20"
    witkoff = json.loads(run("timeline", "--from", STATEMENTS, "--actor", "Witkoff", "-f", "json"))
    assert [(e["kind"], e["date"]) for e in witkoff] == [
        ("event", "2025-11-27"),
        ("event", "2025-12-02"),
        ("statement", "2025-12-03"),
    ]
    assert witkoff[0]["planned"] and witkoff[0]["dated_by_document"]
    territory = json.loads(run("timeline", "--from", STATEMENTS, "--issue", "territory", "-f", "json"))
    assert all("territory" in e["issues"] for e in territory if e["kind"] == "statement")
    table = run("timeline", "--from", STATEMENTS)
    assert "event: visit (planned)" in table and "2025-11-27*" in table
    assert "1 dated by the article that reports them (*)" in table


def test_user_errors_are_one_line_messages(plans: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("1. One.\n1. Again.\n", encoding="utf-8")
    result = runner.invoke(app, ["plan", "import", str(bad), "--plan", "p", "--version", "v", *plans])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"redline: error: {bad}:2: point 1 appears twice (first on line 1: 'One.'; again: 'Again.') "
        "(renumber one of them, or reword a line that is no point so it does not start with a number)\n"
    )
    result = runner.invoke(app, ["positions", "--from", str(STATEMENTS), "--at", "yesterday"])
    assert result.exit_code == 2 and "is not a date" in result.stderr
    result = runner.invoke(app, ["plan", "diff", "28-point", "20-point", *plans])
    assert result.exit_code == 5 and "no version '20-point'" in result.stderr


def test_importing_the_text_checks_the_reported_changes(plans: list[str]) -> None:
    reconstruct(plans, "revised")
    out = run(
        "plan",
        "import",
        REVISED,
        "--plan",
        "peace",
        "--version",
        "revised",
        *plans,
    )
    assert out.splitlines() == [
        "imported peace revised: 19 points",
        "  reported removed point 6: not confirmed (text: modified)",
        "  reported removed point 27: confirmed (text: removed)",
    ]
    assert "reported" not in run(
        "plan",
        "list",
        *plans,
    )


def test_positions_on_a_named_version(plans: list[str]) -> None:
    data = json.loads(
        run(
            "positions",
            "--from",
            STATEMENTS,
            "--plan",
            "peace",
            "--version",
            "28-point",
            "-f",
            "json",
            *plans,
        )
    )
    cells = {(c["row"], c["column"]): c for c in data["cells"]}
    assert cells[("ukraine", "6")]["stance"] == "oppose"  # the 600,000 cap of the draft


def _said(
    n: int, who: str, actor: str, party: str, text: str, stance: str, when: str | None
) -> dict[str, object]:
    return {
        "id": f"bal-{n}",
        "speaker": {
            "name": who,
            "actor_id": actor,
            "mention": who,
            "start": 0,
            "end": len(who),
            "party": party,
        },
        "content": {"text": text, "start": 100 * n, "end": 100 * n + len(text)},
        "kind": "indirect",
        "issues": ["territory"],
        "stance": stance,
        "date": when,
    }


@pytest.fixture
def balance_file(tmp_path: Path) -> Path:
    """Three refusals, a later stray "support", an undated refusal by Ukraine; an undated Russian demand."""
    kyiv = ("Andriy Yermak", "andriy-yermak", "ukraine")
    said = [
        _said(1, *kyiv, "not one metre of Donetsk will be handed over", "oppose", "2025-11-21"),
        _said(2, *kyiv, "the line of contact is the only basis for talks", "oppose", "2025-11-24"),
        _said(3, *kyiv, "withdrawal from our own land is out of the question", "oppose", "2025-11-26"),
        _said(4, *kyiv, "the army will hold the line around Kramatorsk", "support", "2025-11-28"),
        _said(5, *kyiv, "Ukrainians will never accept giving up the east", "oppose", None),
        _said(
            6, "Sergei Lavrov", "sergei-lavrov", "russia", "Kyiv's troops must leave Donbas", "support", None
        ),
    ]
    doc = {
        "document": {"id": "bal", "url": None, "title": "t", "published": None, "outlet": "o"},
        "statements": said,
    }
    path = tmp_path / "balance.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return path


def test_positions_are_a_balance_and_count_the_undated(balance_file: Path) -> None:
    data = json.loads(run("positions", "--from", balance_file, "-f", "json"))
    (cell,) = data["cells"]
    assert (cell["row"], cell["row_name"], cell["stance"], cell["latest"]) == (
        "ukraine",
        "Ukraine",
        "oppose",
        "support",
    )
    assert (cell["counts"]["oppose"], cell["counts"]["support"], cell["undated"]) == (3, 1, 1)
    assert (
        cell["proposition"] == "Ukraine withdraws from Donbas"
        and cell["latest_quote"]["date"] == "2025-11-28"
    )
    assert data["unplaced"] == [
        {
            "row": "russia",
            "row_name": "Russia",
            "column": "territory",
            "column_label": "Territory",
            "proposition": "Ukraine withdraws from Donbas",
            "undated": 1,
        }
    ]
    assert data["undated"] == 2 and data["shifts"] == []
    table = run("positions", "--from", balance_file)
    assert "Territory: Ukraine" in table and "withdraws from Donbas" in table  # wrapped in its column
    assert "0/3/0/0" not in table and "1/3/0/0" in table  # s/o/c/n: the stray support is counted, not winning
    assert "2 undated statements not placed in time" in table


def test_positions_before_every_statement_still_count_the_undated(balance_file: Path) -> None:
    data = json.loads(run("positions", "--from", balance_file, "--at", "2025-11-01", "-f", "json"))
    assert data["cells"] == [] and data["undated"] == 2
    assert {(u["row"], u["undated"]) for u in data["unplaced"]} == {("russia", 1), ("ukraine", 1)}
    table = run("positions", "--from", balance_file, "--at", "2025-11-01")
    assert "2 undated statements not placed in time" in table
