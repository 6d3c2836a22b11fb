from __future__ import annotations

from datetime import date

from negotiation_builders import MakeStatement

from redline.analysis.positions import BalanceSettings, by_issue, by_points, position_matrix

PARTIES = {"vladimir-putin": "russia", "dmitry-peskov": "russia", "volodymyr-zelensky": "ukraine"}


def test_cell_has_latest_stance_strongest_quote_and_counts(statement: MakeStatement) -> None:
    stmts = [
        statement("we agree this can be the basis", stance="support", kind="direct", when="2025-11-27"),
        statement("the plan could serve as a foundation", stance="support", when="2025-11-27"),
        statement("there is no final version", stance="neutral", when="2025-11-28"),
        statement("Moscow has not received a text", "Dmitry Peskov", stance="neutral", when="2025-11-21"),
    ]
    m = position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES))
    cell = m.get("russia", "plan_overall")
    assert cell is not None
    assert cell.stance == "support"  # a later neutral report does not withdraw the position
    assert cell.quote.content.text == "we agree this can be the basis"  # direct quote wins
    assert (cell.supporting, cell.total) == (2, 4)
    assert cell.last_date == date(2025, 11, 28)


def test_the_quote_shown_is_one_the_models_are_sure_of(statement: MakeStatement) -> None:
    """A direct quote whose stance the models doubt (below ``balance.SURE_QUOTE``) gives way to
    a reported statement they are sure of; among sure ones a direct quote still comes first,
    and among equals the surer one, however late the other."""
    doubted = statement("typical lies, all of it", stance="support", kind="direct", sure=0.4)
    plain = statement("the plan could serve as a foundation", stance="support", sure=0.95)
    cell = position_matrix([doubted, plain], BalanceSettings(by="party", party_of=PARTIES)).get(
        "russia", "plan_overall"
    )
    assert cell is not None and cell.quote is plain

    direct = statement("we agree this can be the basis", stance="support", kind="direct", sure=0.6)
    cell = position_matrix([doubted, plain, direct], BalanceSettings(by="party", party_of=PARTIES)).get(
        "russia", "plan_overall"
    )
    assert cell is not None and cell.quote is direct

    later = statement("it may work out", stance="support", when="2025-11-29", sure=0.7)
    cell = position_matrix([plain, later], BalanceSettings(by="party", party_of=PARTIES)).get(
        "russia", "plan_overall"
    )
    assert cell is not None and cell.quote is plain and cell.latest_quote is later


def test_rows_by_actor_and_unaffiliated_party(statement: MakeStatement) -> None:
    stmts = [
        statement("x", stance="support"),
        statement("y", "Someone Else", stance="oppose"),
        statement("z", None, stance="oppose"),
    ]
    assert position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES)).rows == [
        "russia",
        "unaffiliated",
    ]
    assert position_matrix(stmts, BalanceSettings(by="actor", party_of=PARTIES)).rows == [
        "Someone Else",
        "Vladimir Putin",
    ]


def test_at_answers_as_of_that_date(statement: MakeStatement) -> None:
    stmts = [
        statement("difficult choice", "Volodymyr Zelensky", stance="conditional", when="2025-11-21"),
        statement("ready to move forward", "Volodymyr Zelensky", stance="support", when="2025-11-25"),
        statement("undated", "Volodymyr Zelensky", stance="oppose", when=None),
    ]
    early = position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES, at=date(2025, 11, 22))).get(
        "ukraine", "plan_overall"
    )
    late = position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES, at=date(2025, 11, 30))).get(
        "ukraine", "plan_overall"
    )
    assert early is not None and early.stance == "conditional" and early.total == 1
    assert late is not None and late.stance == "support" and late.total == 2
    assert (
        position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES, at=date(2025, 11, 1))).cells
        == {}
    )


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
    m = position_matrix(stmts, BalanceSettings(by="actor"))
    assert m.columns == ["amnesty_justice", "ceasefire", "military_limits", "territory"]
    only = position_matrix(stmts, BalanceSettings(by="actor", issue="territory"))
    assert only.rows == ["Vladimir Putin"]


def test_columns_from_point_links(statement: MakeStatement) -> None:
    s = statement(
        "the army cap is unacceptable", "Volodymyr Zelensky", issues=("military_limits",), stance="oppose"
    )
    m = position_matrix([s], BalanceSettings(by="party", party_of=PARTIES, columns=by_points({s.id: ["6"]})))
    assert m.columns == ["6"] and m.get("ukraine", "6") is not None


def test_one_stray_label_does_not_flip_the_cell(statement: MakeStatement) -> None:
    said = "Volodymyr Zelensky"
    stmts = [
        statement("we will not give up our land", said, issues=("territory",), stance="oppose", when=day)
        for day in ("2025-11-21", "2025-11-23", "2025-11-25")
    ]
    stmts.append(statement("a line misread as consent", said, issues=("territory",), stance="support"))
    cell = position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES)).get("ukraine", "territory")
    assert cell is not None
    assert (cell.stance, cell.latest, cell.most_frequent) == ("oppose", "support", "oppose")
    assert cell.counts == {"support": 1, "oppose": 3, "conditional": 0, "neutral": 0}
    assert (cell.supporting, cell.total) == (3, 4)
    assert cell.latest_quote.content.text == "a line misread as consent"
    assert cell.quote.stance == "oppose"


def test_a_tie_goes_to_the_most_recent_and_neutral_only_when_nothing_else(
    statement: MakeStatement,
) -> None:
    stmts = [
        statement("only if the guarantees hold", stance="conditional", when="2025-11-20"),
        statement("talks took place", stance="neutral", when="2025-11-22"),
        statement("talks went on", stance="neutral", when="2025-11-23"),
        statement("we welcome the plan", stance="support", when="2025-11-24"),
    ]
    cell = position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES)).get("russia", "plan_overall")
    assert cell is not None
    assert (cell.stance, cell.latest, cell.most_frequent) == ("support", "support", "neutral")
    only_reports = position_matrix(stmts[1:3], BalanceSettings(by="party", party_of=PARTIES)).get(
        "russia", "plan_overall"
    )
    assert only_reports is not None and only_reports.stance == "neutral" and only_reports.total == 2


def test_undated_statements_are_counted_apart_from_the_balance(statement: MakeStatement) -> None:
    stmts = [
        statement("we back this", "Volodymyr Zelensky", stance="support", when="2025-11-25"),
        statement("no date on this", "Volodymyr Zelensky", stance="oppose", when=None),
        statement(
            "nor this", "Volodymyr Zelensky", issues=("plan_overall", "nato"), stance="oppose", when=None
        ),
        statement("undated and unattributed", None, stance="oppose", when=None),
    ]
    m = position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES))
    cell = m.get("ukraine", "plan_overall")
    assert cell is not None
    assert cell.stance == "support" and cell.counts["oppose"] == 0 and cell.total == 1
    assert cell.undated == 2
    assert m.get("ukraine", "nato") is None and m.undated_in("ukraine", "nato") == 1  # no cell, still listed
    assert m.columns == ["nato", "plan_overall"]
    assert m.undated_statements == 2  # the one on two issues once; the one without a speaker has no row
    before_all = position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES, at=date(2025, 11, 1)))
    assert before_all.cells == {}
    assert before_all.undated_statements == 2 and before_all.rows == ["ukraine"]
