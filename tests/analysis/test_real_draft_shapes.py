"""What real drafts look like, in texts the project writes: authors and lineage, points whose
text is unknown, summaries and excerpts, points in another language, deleted points; every
import format reads them, and the alignment neither calls an unknown point removed nor misses a
rewrite that keeps its number."""

from __future__ import annotations

import json

import pytest

from redline.analysis.align import align_versions, best_assignment
from redline.analysis.plans import parse_plan, parse_plan_csv, parse_plan_json, parse_plan_text
from redline.analysis.point_tags import point_warnings
from redline.errors import PlanError

DRAFT = """Author: North
1. The border follows the line agreed in the annex.
2. The northern army is capped at 200,000 soldiers.
3. Refugees may return home within one year.
4. A joint commission chaired by the mediator oversees the agreement.
5. All sides receive a full amnesty.
"""

MARKUP = {
    "author": "Mediators",
    "kind": "counter-proposal",
    "based_on": "draft",
    "source_urls": ["https://example.org/markup"],
    "points": [
        {"n": 1, "text": "The border follows the line agreed in the annex."},
        {"n": 2, "text": "The size of the northern army is set at up to 350,000 troops in peacetime."},
        {"n": 3, "text": None},
        {"n": 4, "text": "A joint commission chaired by [...", "status": "partial"},
        {"n": 5, "text": None, "status": "deleted"},
    ],
}


def test_json_reads_author_lineage_status_and_deleted_points() -> None:
    v = parse_plan_json(json.dumps(MARKUP), plan="p", label="markup")
    assert (v.author, v.kind, v.based_on, v.source_urls) == (
        "Mediators",
        "counter-proposal",
        "draft",
        ["https://example.org/markup"],
    )
    assert [p.number for p in v.points] == ["1", "2", "3", "4"]  # the deleted point is not in it
    assert [p.text_status for p in v.points] == ["known", "known", "unknown", "partial"]


def test_text_reads_preamble_fields_and_point_marks() -> None:
    text = (
        "Author: South\nKind: counter-proposal\nBased on: draft\n\n"
        "1. [disputed by North, East] The border follows the river.\n"
        "2. [summary] Refugees return within two years.\n"
        "3. [unknown]\n"
        "4. [deleted] Whatever this said is gone.\n"
    )
    v = parse_plan_text(text, plan="p", label="south")
    assert (v.author, v.kind, v.based_on) == ("South", "counter-proposal", "draft")
    assert [(p.number, p.agreement, p.disputed_by, p.text_status) for p in v.points] == [
        ("1", "disputed", ["North", "East"], "known"),
        ("2", None, [], "summary"),
        ("3", None, [], "unknown"),
    ]
    assert v.points[0].text == "The border follows the river."


def test_csv_reads_status_columns() -> None:
    csv_text = (
        "number,text,status,disputed_by\n"
        "1,The border follows the river.,open,\n2,,unknown,\n3,Amnesty.,,South\n"
    )
    v = parse_plan_csv(csv_text, plan="p", label="c")
    assert [(p.text_status, p.agreement, p.disputed_by) for p in v.points] == [
        ("known", "open", []),
        ("unknown", None, []),
        ("known", "disputed", ["South"]),
    ]


def test_csv_reads_author_kind_and_base_from_their_columns() -> None:
    csv_text = (
        "number,text,Author,kind,Based on,source_url\n"
        "1,The border follows the river.,North,counter-proposal,first-draft,https://example.org/n\n"
        "2,Prisoners are exchanged.,,,,\n"
    )
    v = parse_plan_csv(csv_text, plan="p", label="c")
    assert (v.author, v.kind, v.based_on, v.source_urls) == (
        "North",
        "counter-proposal",
        "first-draft",
        ["https://example.org/n"],
    )
    assert [p.text for p in v.points] == ["The border follows the river.", "Prisoners are exchanged."]
    with pytest.raises(PlanError, match="kind"):
        parse_plan_csv("text,kind\nA point.,leaflet\n", plan="p", label="x")


def test_a_missing_text_without_a_status_is_still_a_mistake() -> None:
    with pytest.raises(PlanError, match="no text"):
        parse_plan_json('[{"number": 1, "text": ""}]', plan="p", label="x")
    with pytest.raises(PlanError, match="kind"):
        parse_plan("Kind: leaflet\n1. A point.", "text", plan="p", label="x")


def test_unknown_text_is_never_removed_and_rewrites_keep_their_number() -> None:
    draft = parse_plan_text(DRAFT, plan="p", label="draft")
    markup = parse_plan_json(json.dumps(MARKUP), plan="p", label="markup")
    diff = align_versions(draft, markup)
    kinds = {(tuple(p.number for p in c.old), tuple(p.number for p in c.new)): c.kind for c in diff.changes}
    assert kinds[(("2",), ("2",))] == "modified"  # 200,000 -> up to 350,000: one clause changed
    assert kinds[(("3",), ("3",))] == "unknown"  # not removed: nobody knows
    assert kinds[(("4",), ("4",))] == "modified"  # an excerpt meets the full point
    assert kinds[(("5",), ())] == "removed"
    assert ("3", None) not in diff.pairs() and ("5", None) in diff.pairs()


def test_points_in_another_language_use_their_gloss_and_are_warned_about() -> None:
    draft = parse_plan_text(DRAFT, plan="p", label="draft")
    other = parse_plan_json(
        json.dumps(
            {
                "points": [
                    {
                        "n": 1,
                        "text": "Die Grenze folgt der im Anhang vereinbarten Linie.",
                        "lang": "de",
                        "english_gloss": "The border follows the line agreed in the annex.",
                    },
                    {"n": 2, "text": "La frontiera segue la linea concordata nell'allegato e il fiume."},
                ]
            }
        ),
        plan="p",
        label="de",
    )
    diff = align_versions(draft, other)
    assert ("1", "1") in diff.pairs()
    warnings = point_warnings(other, lambda text: "frontiera" in text)
    assert warnings[0].startswith("point 1 is in de: tagged and aligned from its English gloss")
    assert "point 2 does not look like English and has no English gloss" in warnings[1]


def test_best_assignment_maximises_the_total() -> None:
    # greedy would take the 0.9 and leave 0.1; the best total pairs 0.8 + 0.8
    gain = [[0.9, 0.8], [0.8, 0.1]]
    assert best_assignment(gain) == [(0, 1), (1, 0)]
    assert best_assignment([[0.5], [0.7], [0.1]]) == [(1, 0)]
    assert best_assignment([]) == []


def test_a_lineage_is_found_by_an_authors_short_name() -> None:
    from redline.analysis.negotiation import in_lineage

    draft = parse_plan_text(DRAFT, plan="p", label="draft")
    markup = parse_plan_json(json.dumps({**MARKUP, "author": "Southern League (SL)"}), plan="p", label="m")
    versions = [draft, markup]
    assert [v.label for v in in_lineage(versions, "SL")] == ["m"]
    assert [v.label for v in in_lineage(versions, "southern league (sl)")] == ["m"]
    assert [v.label for v in in_lineage(versions, "north")] == ["draft"]
    assert in_lineage(versions, "East") == []
