from __future__ import annotations

from negotiation_builders import MakeStatement

from redline.analysis.linking import LinkOptions, issue_overlap, link_statements
from redline.model import Point

POINTS = [
    Point("1", "Ukraine's sovereignty is confirmed.", issues=["recognition"]),
    Point(
        "6", "The size of Ukraine's armed forces is capped at 600,000 personnel.", issues=["military_limits"]
    ),
    Point(
        "21",
        "Crimea, Luhansk and Donetsk are recognised as de facto Russian.",
        issues=["territory", "recognition"],
    ),
    Point("26", "Ukraine holds elections within 100 days.", issues=["elections_legitimacy"]),
    Point(
        "27",
        "All parties receive a full amnesty for their actions during the war.",
        issues=["amnesty_justice"],
    ),
]


def test_statement_links_to_the_point_it_names(statement: MakeStatement) -> None:
    s = statement("a cap of 600,000 on Ukraine's army is unacceptable", issues=("military_limits",))
    links = link_statements([s], POINTS)
    assert links[s.id][0].number == "6"
    assert links[s.id][0].issue_overlap == 1.0


def test_issue_overlap_lifts_a_weak_lexical_match(statement: MakeStatement) -> None:
    s = statement("the world must recognise Russia's territorial gains", issues=("recognition", "territory"))
    assert link_statements([s], POINTS)[s.id][0].number == "21"


def test_no_link_without_shared_wording(statement: MakeStatement) -> None:
    s = statement("the meeting in Moscow was useful", issues=("amnesty_justice",))
    assert link_statements([s], POINTS) == {}


def test_top_k_caps_links(statement: MakeStatement) -> None:
    s = statement("sovereignty confirmed, elections in 100 days, a full amnesty, forces capped", issues=())
    assert len(link_statements([s], POINTS, LinkOptions(threshold=0.05, top_k=2))[s.id]) == 2


def test_an_issue_alone_links_no_point(statement: MakeStatement) -> None:
    """A remark on territory is about the issue; it must not fall to the wordiest territorial point."""
    points = [
        *POINTS,
        Point("22", "Kherson and Zaporizhzhia are frozen along the line of contact.", issues=["territory"]),
    ]
    s = statement("Ukraine will never give up its territory", issues=("territory",))
    assert link_statements([s], points) == {}
    named = statement("the front line in Kherson and Zaporizhzhia stays frozen", issues=("territory",))
    (link,) = link_statements([named], points)[named.id][:1]
    assert link.number == "22" and {"kherso", "zapori"} <= set(link.specific)  # the evidence


def test_a_figure_names_its_clause(statement: MakeStatement) -> None:
    loose = LinkOptions(threshold=0.05)
    s = statement("nobody accepts 600,000", issues=())
    assert link_statements([s], POINTS, loose)[s.id][0].number == "6"
    one_word = statement("nobody doubts the sovereignty", issues=())
    assert link_statements([one_word], POINTS, loose) == {}  # one shared word is not enough


def test_issue_overlap_ignores_the_generic_issue() -> None:
    assert issue_overlap(["plan_overall"], ["plan_overall"]) == 0.0
    assert issue_overlap(["territory", "ceasefire"], ["territory"]) == 0.5
