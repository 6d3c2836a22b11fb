from __future__ import annotations

from datetime import date

from negotiation_builders import MakeStatement

from redline.analysis.positions import by_issue, by_points, find_shifts, position_matrix

PARTIES = {"vladimir-putin": "russia", "dmitry-peskov": "russia", "volodymyr-zelensky": "ukraine"}


def test_cell_has_latest_stance_strongest_quote_and_counts(statement: MakeStatement) -> None:
    stmts = [
        statement("we agree this can be the basis", stance="support", kind="direct", when="2025-11-27"),
        statement("the plan could serve as a foundation", stance="support", when="2025-11-27"),
        statement("there is no final version", stance="neutral", when="2025-11-28"),
        statement("Moscow has not received a text", "Dmitry Peskov", stance="neutral", when="2025-11-21"),
    ]
    m = position_matrix(stmts, party_of=PARTIES)
    cell = m.get("russia", "plan_overall")
    assert cell is not None
    assert cell.stance == "support"  # a later neutral report does not withdraw the position
    assert cell.quote.content.text == "we agree this can be the basis"  # direct quote wins
    assert (cell.supporting, cell.total) == (2, 4)
    assert cell.last_date == date(2025, 11, 28)


def test_rows_by_actor_and_unaffiliated_party(statement: MakeStatement) -> None:
    stmts = [
        statement("x", stance="support"),
        statement("y", "Someone Else", stance="oppose"),
        statement("z", None, stance="oppose"),
    ]
    assert position_matrix(stmts, party_of=PARTIES).rows == ["russia", "unaffiliated"]
    assert position_matrix(stmts, by="actor", party_of=PARTIES).rows == ["Someone Else", "Vladimir Putin"]


def test_at_answers_as_of_that_date(statement: MakeStatement) -> None:
    stmts = [
        statement("difficult choice", "Volodymyr Zelensky", stance="conditional", when="2025-11-21"),
        statement("ready to move forward", "Volodymyr Zelensky", stance="support", when="2025-11-25"),
        statement("undated", "Volodymyr Zelensky", stance="oppose", when=None),
    ]
    early = position_matrix(stmts, party_of=PARTIES, at=date(2025, 11, 22)).get("ukraine", "plan_overall")
    late = position_matrix(stmts, party_of=PARTIES, at=date(2025, 11, 30)).get("ukraine", "plan_overall")
    assert early is not None and early.stance == "conditional" and early.total == 1
    assert late is not None and late.stance == "support" and late.total == 2
    assert position_matrix(stmts, party_of=PARTIES, at=date(2025, 11, 1)).cells == {}


def test_issue_filter_and_generic_issue_rule(statement: MakeStatement) -> None:
    stmts = [
        statement(
            "the plan was altered, nixing the army cap",
            "Sergiy Kyslytsya",
            issues=("military_limits", "amnesty_justice", "plan_overall"),
            stance="oppose",
        ),
        statement("troops must withdraw", issues=("territory", "ceasefire"), stance="support"),
    ]
    assert by_issue(stmts[0]) == ["military_limits", "amnesty_justice"]
    m = position_matrix(stmts, by="actor")
    assert m.columns == ["amnesty_justice", "ceasefire", "military_limits", "territory"]
    only = position_matrix(stmts, by="actor", issue="territory")
    assert only.rows == ["Vladimir Putin"]


def test_columns_from_point_links(statement: MakeStatement) -> None:
    s = statement(
        "the army cap is unacceptable", "Volodymyr Zelensky", issues=("military_limits",), stance="oppose"
    )
    m = position_matrix([s], party_of=PARTIES, columns=by_points({s.id: ["6"]}))
    assert m.columns == ["6"] and m.get("ukraine", "6") is not None


def test_shifts_report_quotes_before_and_after(statement: MakeStatement) -> None:
    stmts = [
        statement("difficult choice", "Volodymyr Zelensky", stance="conditional", when="2025-11-21"),
        statement("a fact", "Volodymyr Zelensky", stance="neutral", when="2025-11-22"),
        statement("ready to move forward", "Volodymyr Zelensky", stance="support", when="2025-11-25"),
        statement("still ready", "Volodymyr Zelensky", stance="support", when="2025-11-26"),
        statement("we agree", stance="support", when="2025-11-27"),
    ]
    shifts = find_shifts(stmts)
    assert len(shifts) == 1
    sh = shifts[0]
    assert (sh.row, sh.column, sh.before, sh.after) == (
        "Volodymyr Zelensky",
        "plan_overall",
        "conditional",
        "support",
    )
    assert sh.quote_before.content.text == "difficult choice"
    assert sh.quote_after.content.text == "ready to move forward"
    assert find_shifts(stmts, at=date(2025, 11, 24)) == []


def test_same_day_tie_goes_to_the_strongest_quote(statement: MakeStatement) -> None:
    stmts = [
        statement("we agree", stance="support", kind="direct", when="2025-11-27"),
        statement("issues remain", stance="conditional", when="2025-11-27"),
        statement("unacceptable", stance="oppose", when="2025-12-03"),
    ]
    shifts = find_shifts(stmts)
    assert [(s.before, s.after) for s in shifts] == [("support", "oppose")]
