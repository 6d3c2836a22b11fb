from __future__ import annotations

import pytest
from negotiation_builders import EXAMPLES, MakeStatement, version

from redline.analysis.align import align_versions
from redline.analysis.plan_reports import (
    UNCONFIRMED,
    check_reports,
    find_reported_changes,
    reconstruct_version,
)
from redline.analysis.plans import load_plan
from redline.knowledge.plan_changes import ChangeLexicon, load_change_lexicon
from redline.model import PlanVersion

KYSLYTSYA = (
    "The plan has since been altered with Ukrainian input, nixing a 600,000-member cap on "
    "Ukraine’s army and a general war crimes amnesty"
)


@pytest.fixture(scope="module")
def lexicon() -> ChangeLexicon:
    return load_change_lexicon()


@pytest.fixture(scope="module")
def draft() -> PlanVersion:
    return load_plan(EXAMPLES / "draft-28-points.md", plan="peace", label="28-point")


def test_nixing_sentence_attaches_to_army_cap_and_amnesty(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement(
        KYSLYTSYA, "Sergiy Kyslytsya", issues=("military_limits", "amnesty_justice"), stance="oppose"
    )
    changes = find_reported_changes([s], draft, lexicon)
    assert [(c.change, c.verb, c.point) for c in changes] == [
        ("removed", "nixing", "6"),
        ("removed", "nixing", "27"),
    ]
    assert changes[0].target == "a 600,000-member cap on Ukraine’s army"
    assert changes[1].target == "a general war crimes amnesty"
    assert changes[0].speaker == "Sergiy Kyslytsya" and changes[0].quote == KYSLYTSYA


def test_reconstructed_version_marks_both_points_reported_removed(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement(KYSLYTSYA, "Sergiy Kyslytsya", stance="oppose")
    rec = reconstruct_version(draft, find_reported_changes([s], draft, lexicon), label="revised (reported)")
    assert rec.status == UNCONFIRMED and rec.version.reported
    assert rec.status_of("6") == "removed" and rec.status_of("27") == "removed"
    assert rec.status_of("1") == "unchanged"
    assert [p.number for p in rec.version.points] == [str(i) for i in range(1, 29) if i not in (6, 27)]
    assert rec.entries[5].evidence[0].statement_id == s.id
    assert rec.version.date == s.date


def test_passive_report_names_its_subject(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement("Diplomats said the clause on elections within 100 days was dropped from the draft")
    assert [(c.change, c.point) for c in find_reported_changes([s], draft, lexicon)] == [("removed", "26")]


def test_softened_point_is_modified(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement(
        "Negotiators softened the language on Kherson and Zaporizhzhia being frozen along the line of contact"
    )
    assert [(c.change, c.point) for c in find_reported_changes([s], draft, lexicon)] == [("modified", "22")]


def test_change_to_the_plan_as_a_whole_names_no_point(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement("The document has been revised several times, officials said")
    assert find_reported_changes([s], draft, lexicon) == []


def test_addition_becomes_a_new_point(statement: MakeStatement, lexicon: ChangeLexicon) -> None:
    base = version("a", ["Ukraine's sovereignty is confirmed."])
    s = statement("The Europeans added a clause on a multinational reassurance force")
    rec = reconstruct_version(base, find_reported_changes([s], base, lexicon), label="b")
    assert [(e.number, e.status) for e in rec.entries] == [("1", "unchanged"), ("new-1", "added")]
    assert rec.version.points[-1].text == "a clause on a multinational reassurance force"


def test_latest_report_wins(statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion) -> None:
    first = statement("The amnesty for all parties was dropped from the draft", when="2025-11-25")
    later = statement(
        "The amnesty for all parties was amended rather than removed outright", when="2025-11-28"
    )
    rec = reconstruct_version(draft, find_reported_changes([first, later], draft, lexicon), label="r")
    assert rec.status_of("27") == "modified"
    assert len(rec.entries[26].evidence) >= 2


def test_changes_on_the_ground_are_not_changes_to_the_text(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement(
        "Russia removed troops from Kherson and Zaporizhzhia along the line of contact", issues=("territory",)
    )
    assert find_reported_changes([s], draft, lexicon) == []


def test_statement_without_change_verb_reports_nothing(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement("a cap of 600,000 on Ukraine's army is unacceptable")
    assert find_reported_changes([s], draft, lexicon) == []


def test_reports_are_checked_against_the_imported_text(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement(KYSLYTSYA, "Sergiy Kyslytsya")
    rec = reconstruct_version(draft, find_reported_changes([s], draft, lexicon), label="19")
    revised = load_plan(EXAMPLES / "revised-19-points.md", plan="peace", label="19")
    checks = check_reports(rec, align_versions(draft, revised))
    assert [(c.number, c.reported, c.actual, c.confirmed) for c in checks] == [
        ("6", "removed", "modified", False),
        ("27", "removed", "removed", True),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "US negotiators dropped the demand for elections within 100 days from the plan",
            [("removed", "26")],
        ),
        (
            "The revised draft no longer includes the cap on the armed forces or the amnesty",
            [("removed", "6"), ("removed", "27")],
        ),
        (
            "The clause on NATO troops in Ukraine has been removed, according to two officials",
            [("removed", "8")],
        ),
        (
            "Europe added a proposal for its own security guarantee, while the point on the G8 was scrapped",
            [("added", "5"), ("removed", "13")],
        ),
        ("Officials said the text on the nuclear plant had been revised", [("modified", "19")]),
    ],
)
def test_phrasings_of_reported_changes(
    statement: MakeStatement,
    lexicon: ChangeLexicon,
    draft: PlanVersion,
    sentence: str,
    expected: list[tuple[str, str]],
) -> None:
    found = find_reported_changes([statement(sentence, issues=())], draft, lexicon)
    assert [(c.change, c.point) for c in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said the cap was raised to 800,000 in the new version.", [("modified", "6")]),
        ("Diplomats said the amnesty clause was dropped.", [("removed", "27")]),
        ("The envoys came close to striking a deal on the draft.", []),
        ("Both sides talked of striking an agreement on the plan this week.", []),
        ("Troops were removed from Kherson, the governor said.", []),
    ],
)
def test_reported_changes_attach_to_the_clause_and_idioms_change_nothing(
    statement: MakeStatement,
    lexicon: ChangeLexicon,
    draft: PlanVersion,
    text: str,
    expected: list[tuple[str, str]],
) -> None:
    s = statement(text, "An Official", issues=("military_limits",), stance="neutral")
    changes = find_reported_changes([s], draft, lexicon)
    assert [(c.change, c.point) for c in changes] == expected
    assert all(c.quote == text and c.statement_id == s.id for c in changes)  # the evidence
