from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta

from negotiation_builders import MakeStatement

from redline.analysis.positions import BalanceSettings, position_matrix
from redline.analysis.shifts import find_shifts
from redline.knowledge.shift_cues import shift_knowledge
from redline.model import Span, Speaker, Statement

PARTIES = {"vladimir-putin": "russia", "dmitry-peskov": "russia", "volodymyr-zelensky": "ukraine"}
KNOWN = shift_knowledge()  # the packaged cues and names
NO_CUES = dataclasses.replace(KNOWN, cues=())  # no statement says outright that it changed


def test_a_shift_needs_two_dated_statements_on_each_side(statement: MakeStatement) -> None:
    said = "Volodymyr Zelensky"
    stmts = [
        statement("a hard choice", said, stance="oppose", when="2025-11-21"),
        statement("not without changes", said, stance="oppose", when="2025-11-22"),
        statement("a fact", said, stance="neutral", when="2025-11-23"),
        statement("ready to move forward", said, stance="support", kind="direct", when="2025-11-25"),
        statement("still ready", said, stance="support", when="2025-11-26"),
        statement("we agree", stance="support", when="2025-11-27"),
    ]
    (sh,) = find_shifts(stmts, BalanceSettings(by="actor"))
    assert (sh.row, sh.column, sh.before, sh.after) == (said, "plan_overall", "oppose", "support")
    assert sh.quote_before.content.text == "not without changes"  # the latest before the change
    assert sh.quote_after.content.text == "ready to move forward"
    assert (sh.evidence_before, sh.evidence_after, sh.explicit) == (2, 2, False)
    assert (
        find_shifts(stmts[:5], BalanceSettings(by="actor")) == []
        or find_shifts(stmts[:5], BalanceSettings(by="actor"))[0].evidence_after == 2
    )
    # before the second supporting statement was said there is no evidence of a new position yet
    assert find_shifts(stmts, BalanceSettings(by="actor", at=date(2025, 11, 25))) == []


def test_support_qualified_by_conditions_is_a_nuance_not_a_reversal(statement: MakeStatement) -> None:
    said = "Volodymyr Zelensky"
    stmts = [
        statement("we back the framework", said, stance="support", when="2025-11-20"),
        statement("the framework is a good basis", said, stance="support", when="2025-11-21"),
        statement("only if our army keeps its size", said, stance="conditional", when="2025-11-24"),
        statement("only with guarantees first", said, stance="conditional", when="2025-11-25"),
        statement("provided the line is frozen", said, stance="conditional", when="2025-11-26"),
    ]
    cell = position_matrix(stmts, BalanceSettings(by="actor")).get(said, "plan_overall")
    assert cell is not None and cell.stance == "conditional"  # the cell moves
    (nuance,) = find_shifts(
        stmts, BalanceSettings(by="actor")
    )  # but the side does not: still for the plan, with conditions
    assert (nuance.before, nuance.after, nuance.kind) == ("support", "conditional", "nuance")
    turned = [
        *stmts,
        statement("we reject it outright", said, stance="oppose", when="2025-11-28"),
        statement("it cannot be signed", said, stance="oppose", when="2025-11-29"),
        statement("no, not this text", said, stance="oppose", when="2025-11-30"),
        statement("never", said, stance="oppose", when="2025-12-01"),
    ]
    nuance_again, sh = find_shifts(turned, BalanceSettings(by="actor"))
    assert nuance_again == nuance
    assert (sh.before, sh.after, sh.evidence_before, sh.kind) == ("conditional", "oppose", 3, "reversal")


def test_conditions_dropped_are_a_nuance(statement: MakeStatement) -> None:
    """A party that moved from conditional support to support, said outright or backed by two
    statements on each side, has a shift of the softer kind; a reversal keeps its kind."""
    said = "Volodymyr Zelensky"
    stmts = [
        statement("we reject the tariff plan", said, stance="oppose", when="2025-11-10"),
        statement("the tariff plan is unacceptable", said, stance="oppose", when="2025-11-11"),
        statement("only if the quotas are phased in", said, stance="conditional", when="2025-11-20"),
        statement("provided the ports stay open", said, stance="conditional", when="2025-11-21"),
        statement("with a transition period, yes", said, stance="conditional", when="2025-11-22"),
        statement("we no longer insist on a transition period", said, stance="support", when="2025-12-02"),
    ]
    reversal, nuance = find_shifts(stmts, BalanceSettings(by="actor", knowledge=KNOWN))
    assert (reversal.before, reversal.after, reversal.kind) == ("oppose", "conditional", "reversal")
    assert (nuance.before, nuance.after, nuance.kind) == ("conditional", "support", "nuance")
    assert nuance.explicit
    assert nuance.quote_after.content.text == "we no longer insist on a transition period"
    backed = [
        *stmts[:-1],
        statement("we back the tariff plan", said, stance="support", when="2025-12-02"),
        statement("the tariff plan has our support", said, stance="support", when="2025-12-03"),
        statement("we will sign it", said, stance="support", when="2025-12-04"),
        statement("we will vote for it", said, stance="support", when="2025-12-05"),
    ]
    assert [(sh.before, sh.after, sh.kind) for sh in find_shifts(backed, BalanceSettings(by="actor"))] == [
        ("oppose", "conditional", "reversal"),
        ("conditional", "support", "nuance"),
    ]
    # moved and moved back within a week: the nuance and its undoing stand for neither
    undone = [
        *backed,
        statement("we back it, if the ports stay open", said, stance="conditional", when="2025-12-06"),
        statement("only with a transition period after all", said, stance="conditional", when="2025-12-07"),
    ]
    assert [(sh.before, sh.after) for sh in find_shifts(undone, BalanceSettings(by="actor"))] == [
        ("oppose", "conditional")
    ]


def test_one_statement_on_a_side_is_no_shift(statement: MakeStatement) -> None:
    stmts = [
        statement("basis for talks", stance="support", when="2025-11-20"),
        statement("unacceptable", stance="oppose", when="2025-11-22"),
        statement("still unacceptable", stance="oppose", when="2025-11-24"),
        statement("an undated reversal", stance="support", when=None),
    ]
    assert (
        find_shifts(stmts, BalanceSettings(by="party", party_of=PARTIES)) == []
    )  # one "support" before is not a position


def test_an_explicit_reversal_is_enough(statement: MakeStatement) -> None:
    stmts = [
        statement("unacceptable", stance="oppose", when="2025-11-20"),
        statement("Russia no longer rejects the draft as a basis", stance="support", when="2025-11-24"),
    ]
    (sh,) = find_shifts(stmts, BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN))
    assert (sh.before, sh.after, sh.date, sh.explicit) == ("oppose", "support", date(2025, 11, 24), True)
    assert sh.quote_before.content.text == "unacceptable"
    assert (
        find_shifts(stmts, BalanceSettings(by="party", party_of=PARTIES, knowledge=NO_CUES)) == []
    )  # one statement


def test_a_reversal_listing_the_plan_after_an_issue_turns_the_plan_too(statement: MakeStatement) -> None:
    """A stance goes to the first-listed issue only, except in a statement that says outright
    that its speaker's position changed: that is a change on the negotiation as a whole."""
    plan, truce = ("plan_overall",), ("ceasefire", "plan_overall")
    stmts = [
        statement("the outline can serve as a basis", stance="support", when="2025-11-20", issues=plan),
        statement("the outline is broadly acceptable", stance="support", when="2025-11-21", issues=plan),
        statement(
            "no truce now, and our position will be revised", stance="oppose", when="2025-11-30", issues=truce
        ),
    ]
    (sh,) = find_shifts(stmts, BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN))
    assert (sh.column, sh.before, sh.after, sh.explicit) == ("plan_overall", "support", "oppose", True)
    assert sh.quote_after is stmts[2] and sh.quote_before.content.text == "the outline is broadly acceptable"
    matrix = position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN))
    assert matrix.get("russia", "plan_overall").counts["oppose"] == 1  # the matrix counts it there too
    assert (
        position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES, knowledge=NO_CUES))
        .get("russia", "plan_overall")
        .counts["oppose"]
        == 0
    )
    # not a reversal: a stance on the truce, none on the plan as a whole
    plain = statement("no truce now, the talks go on", stance="oppose", when="2025-11-30", issues=truce)
    assert (
        find_shifts([*stmts[:2], plain], BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN)) == []
    )
    # undated, it is counted on the plan, undated, and turns nothing
    undated = statement(
        "no truce now, and our position will be revised", stance="oppose", when=None, issues=truce
    )
    assert (
        find_shifts([*stmts[:2], undated], BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN))
        == []
    )
    counted = position_matrix(
        [*stmts[:2], undated], BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN)
    )
    assert counted.undated_in("russia", "plan_overall") == 1


def test_no_longer_about_something_else_is_no_reversal(statement: MakeStatement) -> None:
    stmts = [
        statement("unacceptable", stance="oppose", when="2025-11-20"),
        statement("the amnesty clause was no longer in the draft", stance="support", when="2025-11-24"),
    ]
    assert find_shifts(stmts, BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN)) == []


def test_media_and_unaffiliated_rows_make_no_shifts(statement: MakeStatement) -> None:
    days = ("2025-11-20", "2025-11-21", "2025-11-24", "2025-11-25")
    stmts = [
        statement(f"the outlet says {k}", "Daily Wire Service", stance=stance, when=day)
        for k, (stance, day) in enumerate(zip(("oppose", "oppose", "support", "support"), days, strict=True))
    ]
    assert find_shifts(stmts, BalanceSettings(by="party", party_of=PARTIES)) == []  # the unaffiliated row
    media = {"daily-wire-service": "media"}
    assert find_shifts(stmts, BalanceSettings(by="actor", party_of=media)) == []
    assert (
        len(find_shifts(stmts, BalanceSettings(by="actor"))) == 1
    )  # the same statements from a named actor would shift


def test_one_stray_label_does_not_flip_the_cell(statement: MakeStatement) -> None:
    said = "Volodymyr Zelensky"
    stmts = [
        statement("we will not give up our land", said, issues=("territory",), stance="oppose", when=day)
        for day in ("2025-11-21", "2025-11-23", "2025-11-25")
    ]
    stmts.append(statement("a line misread as consent", said, issues=("territory",), stance="support"))
    assert find_shifts(stmts, BalanceSettings(by="party", party_of=PARTIES)) == []


def test_matrix_and_shift_agree_on_the_day(statement: MakeStatement) -> None:
    stmts = [
        statement("basis for talks", stance="support", when="2025-11-18"),
        statement("a good basis", stance="support", when="2025-11-19"),
        statement("unacceptable", stance="oppose", when="2025-11-22"),
        statement("still unacceptable", stance="oppose", when="2025-11-23"),
        statement("never", stance="oppose", when="2025-11-24"),
    ]
    (sh,) = find_shifts(stmts, BalanceSettings(by="party", party_of=PARTIES))
    assert (sh.before, sh.after) == ("support", "oppose")
    cell = position_matrix(stmts, BalanceSettings(by="party", party_of=PARTIES, at=sh.date)).get(
        "russia", "plan_overall"
    )
    assert cell is not None and cell.stance == sh.after


def _random_corpus(seed: int) -> list[Statement]:
    """Three speakers, two issues, twelve days, many ties of count and day; no reversal cue."""
    rnd = random.Random(seed)
    out = []
    for i in range(rnd.randrange(10, 60)):
        who = rnd.choice(["Ann", "Bob", "Cyd"])
        text = rnd.choice(["we agree", "that is hard", "fine words today", "it is bad"])
        out.append(
            Statement(
                id=f"s{i:03d}",
                document_id=f"d{i // 5}",
                content=Span(text, 0, len(text)),
                kind=rnd.choice(["direct", "indirect"]),
                speaker=Speaker(who, who.lower(), Span(who, 0, 3)),
                issues=[rnd.choice(["nato", "territory"])],
                stance=rnd.choice(["support", "oppose", "conditional", "neutral"]),
                date=date(2025, 1, 1) + timedelta(days=rnd.randrange(12)),
                confidence=rnd.choice([0.5, 0.9]),
                extractor="test/1",
            )
        )
    return out


def test_shifts_and_the_matrix_agree_on_every_position() -> None:
    """A shift goes from the cell's value the day before to its value that day, ties included
    (the matrix's rule: more statements that day, then the stronger quote)."""
    checked = 0
    for seed in range(100):
        stmts = _random_corpus(seed)
        for sh in find_shifts(stmts, BalanceSettings(by="actor")):
            on = position_matrix(stmts, BalanceSettings(by="actor", at=sh.date)).get(sh.row, sh.column)
            before = position_matrix(stmts, BalanceSettings(by="actor", at=sh.date - timedelta(days=1))).get(
                sh.row, sh.column
            )
            assert on is not None and before is not None
            assert (before.stance, on.stance) == (sh.before, sh.after), (seed, sh)
            checked += 1
    assert checked > 50


def test_a_reversal_reported_of_someone_else_is_no_shift(statement: MakeStatement) -> None:
    said = "Vladimir Putin"
    before = statement("the draft is unacceptable", said, stance="oppose", when="2025-11-20")
    theirs = statement("the US no longer backs its draft", said, stance="support", when="2025-11-24")
    assert find_shifts([before, theirs], BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN)) == []
    ours = statement("we no longer insist on the old wording", said, stance="support", when="2025-11-24")
    (sh,) = find_shifts([before, ours], BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN))
    assert sh.explicit and sh.quote_after is ours
    capital = statement("Moscow no longer rejects the draft", said, stance="support", when="2025-11-24")
    assert find_shifts(
        [before, capital], BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN)
    )  # Russia's own


def test_two_voices_of_a_party_disagreeing_are_no_shift(statement: MakeStatement) -> None:
    def said(who: str, stance: str, *days: str) -> list[Statement]:
        return [statement(f"{who} on the plan, day {d}", who, stance=stance, when=d) for d in days]

    putin_against = said("Vladimir Putin", "oppose", "2025-11-20", "2025-11-21")
    peskov_for = said("Dmitry Peskov", "support", "2025-11-23", "2025-11-24")
    assert find_shifts([*putin_against, *peskov_for], BalanceSettings(by="party", party_of=PARTIES)) == []
    putin_for = said("Vladimir Putin", "support", "2025-11-23", "2025-11-24")
    (sh,) = find_shifts([*putin_against, *putin_for], BalanceSettings(by="party", party_of=PARTIES))
    assert (sh.row, sh.before, sh.after) == ("russia", "oppose", "support")
    assert sh.quote_before.speaker == sh.quote_after.speaker  # one voice changed, both quotes show it


def test_a_change_undone_within_a_week_is_no_shift(statement: MakeStatement) -> None:
    said = "Volodymyr Zelensky"

    def say(stance: str, *days: str) -> list[Statement]:
        return [
            statement(f"on territory, {stance} {d}", said, issues=("territory",), stance=stance, when=d)
            for d in days
        ]

    flap = [
        *say("oppose", "2025-12-01", "2025-12-02"),
        *say("conditional", "2025-12-05", "2025-12-06", "2025-12-07"),  # a condition misread as consent
        *say("oppose", "2025-12-09", "2025-12-10", "2025-12-11", "2025-12-12"),
    ]
    assert find_shifts(flap, BalanceSettings(by="actor")) == []
    # the same turn that holds past a week is a shift
    held = [*flap[:5], *say("conditional", "2025-12-08"), *say("oppose", "2025-12-20", "2025-12-21")]
    found = find_shifts(held, BalanceSettings(by="actor"))
    assert [(sh.before, sh.after, sh.date) for sh in found] == [
        ("oppose", "conditional", date(2025, 12, 6)),
        ("conditional", "oppose", date(2025, 12, 21)),
    ]


def test_a_change_said_outright_stands_even_if_undone(statement: MakeStatement) -> None:
    stmts = [
        statement("unacceptable", stance="oppose", when="2025-11-20"),
        statement("unacceptable still", stance="oppose", when="2025-11-21"),
        statement("Russia no longer rejects the draft as a basis", stance="support", when="2025-11-24"),
        statement("it cannot be a basis", stance="oppose", when="2025-11-26"),
        statement("it is not a basis", stance="oppose", when="2025-11-27"),
    ]
    found = find_shifts(stmts, BalanceSettings(by="party", party_of=PARTIES, knowledge=KNOWN))
    assert [(sh.before, sh.after, sh.explicit) for sh in found][:1] == [("oppose", "support", True)]
