from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from negotiation_builders import EXAMPLES, FIXTURES

from redline.analysis.plan_dicts import version_from_dict, version_to_dict
from redline.analysis.plans import load_plan, parse_plan, parse_plan_csv, parse_plan_json, parse_plan_text
from redline.analysis.point_tags import tag_points, term_tagger
from redline.errors import PlanError
from redline.knowledge.issue_terms import IssueTerms, load_issue_terms


def numbers(text: str) -> list[str]:
    return [p.number for p in parse_plan_text(text, plan="p", label="v").points]


def test_numbered_styles_are_all_points() -> None:
    text = "1. First point.\n2) Second point.\nPoint 3: Third point.\n(4) Fourth point.\nArticle 5 - Fifth."
    assert numbers(text) == ["1", "2", "3", "4", "5"]
    dashed = "1 – First point.\n2 - Second point,\n2026 - a year that continues it.\n3 — Third."
    assert numbers(dashed) == ["1", "2", "3"]


def test_sub_points_take_their_parent_number() -> None:
    text = "1. Security.\na) Guarantees.\nb) Forces.\n2. Economy.\n2.1 Fund.\n2.2 Assets."
    assert numbers(text) == ["1", "1.a", "1.b", "2", "2.1", "2.2"]


def test_headings_continuations_and_preamble() -> None:
    text = (
        "# Peace framework\nThis preamble is not a point.\n\n## Security\n1. Ukraine's sovereignty\n"
        "   is confirmed.\n- bullet detail\n## Economy\n2. A fund is created.\n"
    )
    v = parse_plan_text(text, plan="p", label="v", when=date(2025, 11, 20), source="http://x")
    assert [(p.number, p.heading, p.text) for p in v.points] == [
        ("1", "Security", "Ukraine's sovereignty is confirmed. bullet detail"),
        ("2", "Economy", "A fund is created."),
    ]
    assert v.date == date(2025, 11, 20) and v.source == "http://x"


def test_section_lines_in_capitals_or_numbered_head_the_points_below() -> None:
    text = (
        "DRAFT FRAMEWORK\nI. BORDERS AND FORCES\n1. The line is frozen.\nII. ECONOMY\n"
        "2. A fund is created;\n   it is run jointly.\nSECURITY GUARANTEES:\n3. Allies guarantee it.\n"
        "Part 4 - Final provisions\n4. It enters into force on signature.\n"
    )
    v = parse_plan_text(text, plan="p", label="v")
    assert [(p.number, p.heading, p.text) for p in v.points] == [
        ("1", "BORDERS AND FORCES", "The line is frozen."),
        ("2", "ECONOMY", "A fund is created; it is run jointly."),
        ("3", "SECURITY GUARANTEES", "Allies guarantee it."),
        ("4", "Final provisions", "It enters into force on signature."),
    ]


def test_numbering_that_starts_again_in_each_section_is_kept_apart() -> None:
    text = "Section A. Politics\n1. Elections.\n2. A ceasefire.\nSection B. Economy\n1. A fund.\na) Board.\n"
    assert numbers(text) == ["A.1", "A.2", "B.1", "B.1.a"]
    caps = "POLITICS\n1. Elections.\nECONOMY\n1. A fund.\n"
    assert numbers(caps) == ["S1.1", "S2.1"]  # sections with no label of their own go by their order
    with pytest.raises(PlanError, match="point 1 appears twice"):  # twice in one section
        parse_plan_text("Section A. Politics\n1. One.\n1. Again.", plan="p", label="v")


def test_duplicate_point_names_both_lines() -> None:
    with pytest.raises(PlanError) as err:
        parse_plan_text("1. One.\n2. Two.\n\n2. Again.", plan="p", label="v", where="plan.md")
    assert err.value.where == "plan.md:4"
    assert "first on line 2" in err.value.message


def test_sub_point_before_any_point_is_an_error_with_its_line() -> None:
    with pytest.raises(PlanError) as err:
        parse_plan_text("Title\na) orphan\n1. One.", plan="p", label="v", where="plan.md")
    assert err.value.where == "plan.md:2"


def test_text_without_points_is_an_error() -> None:
    with pytest.raises(PlanError, match="no numbered points"):
        parse_plan_text("Just prose about a plan.\nMore prose.", plan="p", label="v")


def test_json_objects_strings_and_issue_strings() -> None:
    data = {
        "points": [{"number": "1", "text": "Sovereignty.", "issues": "recognition; territory"}, "Amnesty."]
    }
    v = parse_plan_json(json.dumps(data), plan="p", label="v")
    assert [(p.number, p.text, p.issues) for p in v.points] == [
        ("1", "Sovereignty.", ["recognition", "territory"]),
        ("2", "Amnesty.", []),
    ]


def test_malformed_json_reports_its_line() -> None:
    with pytest.raises(PlanError) as err:
        parse_plan_json(
            '{"points": [\n  {"text": "a"},\n  {"text": }\n]}', plan="p", label="v", where="v.json"
        )
    assert err.value.where == "v.json:3"


def test_json_point_without_text_is_named() -> None:
    with pytest.raises(PlanError) as err:
        parse_plan_json('[{"number": 1}]', plan="p", label="v", where="v.json")
    assert err.value.where == "v.json:points[0]"


def test_csv_with_optional_columns() -> None:
    text = (
        "number,text,heading,issues\n"
        '1,Sovereignty is confirmed.,Security,recognition\n2,"A fund, for Ukraine.",,\n'
    )
    v = parse_plan_csv(text, plan="p", label="v")
    assert [(p.number, p.text, p.heading, p.issues) for p in v.points] == [
        ("1", "Sovereignty is confirmed.", "Security", ["recognition"]),
        ("2", "A fund, for Ukraine.", None, []),
    ]


def test_csv_row_without_text_reports_its_line() -> None:
    with pytest.raises(PlanError) as err:
        parse_plan_csv("number,text\n1,One.\n2,\n", plan="p", label="v", where="v.csv")
    assert err.value.where == "v.csv:3"


def test_csv_without_text_column() -> None:
    with pytest.raises(PlanError) as err:
        parse_plan_csv("number,remark\n1,One.\n", plan="p", label="v", where="v.csv")
    assert err.value.where == "v.csv:1"


@pytest.mark.parametrize("name,data", [("v.md", b""), ("v.txt", b"  \n\n"), ("v.csv", b"\n")])
def test_an_empty_plan_file_is_said_to_be_empty(tmp_path: Path, name: str, data: bytes) -> None:
    """As ingest says of an empty article; it read "no numbered points found in 0 lines of text"
    with a lesson on numbering points."""
    (tmp_path / name).write_bytes(data)
    with pytest.raises(PlanError) as err:
        load_plan(tmp_path / name, plan="p", label="v")
    assert (err.value.message, err.value.where) == ("is empty", str(tmp_path / name))


def test_unknown_format() -> None:
    with pytest.raises(PlanError, match="unknown plan format"):
        parse_plan("1. a", "docx", plan="p", label="v")


def test_load_plan_picks_the_parser_by_extension(tmp_path: Path) -> None:
    (tmp_path / "v.csv").write_text("text\nOne.\nTwo.\n", encoding="utf-8")
    assert [p.number for p in load_plan(tmp_path / "v.csv", plan="p", label="v").points] == ["1", "2"]
    with pytest.raises(PlanError, match="no such file"):
        load_plan(tmp_path / "missing.md", plan="p", label="v")


def test_example_plans_have_28_and_19_points() -> None:
    draft = load_plan(EXAMPLES / "draft-28-points.md", plan="peace", label="28")
    revised = load_plan(EXAMPLES / "revised-19-points.md", plan="peace", label="19")
    assert [p.number for p in draft.points] == [str(i) for i in range(1, 29)]
    assert len(revised.points) == 19
    assert "600,000" in draft.points[5].text


def test_tagging_adds_issues_and_pax_codes_and_keeps_given_ones() -> None:
    v = parse_plan_json(
        '[{"text": "Ukraine\'s army is capped at 600,000.", "issues": ["process"]}, '
        '"A full amnesty for all."]',
        plan="p",
        label="v",
    )
    lexicon = IssueTerms(
        {"military_limits": {"army": 1.0, "cap ... army": 1.0}, "amnesty_justice": {"amnest*": 1.0}},
        {"military_limits": ["SsrArm"], "amnesty_justice": ["TjAm"]},
    )
    tagged = tag_points(v, term_tagger(lexicon), lexicon.pax)
    assert tagged.points[0].issues == ["process", "military_limits"]
    assert tagged.points[0].pax_codes == ["SsrArm"]
    assert tagged.points[1].issues == ["amnesty_justice"]


def test_term_weights_must_reach_min_score() -> None:
    lexicon = IssueTerms({"territory": {"line": 0.5, "line of contact": 1.0}}, {}, min_score=1.0)
    tag = term_tagger(lexicon)
    assert tag("frozen along the line of contact") == ["territory"]
    assert tag("a line in the sand") == []


def test_fixture_lexicon_loads_in_the_simple_shape() -> None:
    lexicon = load_issue_terms(FIXTURES / "issue_terms.yaml")
    assert lexicon is not None
    assert lexicon.pax["territory"] == ["StBor"]


def test_saved_shape_round_trips() -> None:
    v = load_plan(EXAMPLES / "revised-19-points.md", plan="peace", label="19", when=date(2025, 11, 30))
    assert version_from_dict(version_to_dict(v)) == v


def test_points_are_tagged_with_the_point_lexicon(tmp_path: Path) -> None:
    from redline.analysis.negotiation import point_tagging

    tagger, pax = point_tagging()  # the packaged plan-point lexicon, PA-X codes from the taxonomy
    assert tagger is not None and pax is not None
    assert tagger("Ukraine's armed forces are capped at 600,000 personnel.") == ["military_limits"]
    # provisions worded unlike news: aircraft are a deployment, not fighting; treaties are arms control
    assert tagger("Allied fighter jets will be stationed in a neighbouring state.") == ["security_guarantees"]
    assert tagger("The two powers extend their arms control treaties.") == ["military_limits"]
    assert tagger("The nuclear power plant restarts under IAEA supervision.") == ["nuclear_plant"]
    assert "plan_overall" not in tagger(
        "This agreement is legally binding and its implementation is monitored."
    )
    assert "StBor" in pax["territory"]
    plain = tmp_path / "terms.yaml"
    plain.write_text("military_limits: [army, cap]\n", encoding="utf-8")
    tagger, pax = point_tagging(plain)  # a plain term list falls back to term matching
    assert tagger is not None and tagger("a cap on the army") == ["military_limits"]


DRAFT_PAGE = """<!doctype html><html><head><title>Draft</title></head><body>
<nav><ol><li>Home</li><li>World</li></ol></nav>
<article><h1>The framework in full</h1><p>The text reads:</p>
<h2>Security</h2>
<ol><li>Sovereignty is confirmed.</li>
<li>A pact is signed. <ol><li>It covers the region;</li><li>it is reviewed yearly.</li></ol></li></ol>
<h2>Territory</h2>
<ol start="3"><li>The line is frozen.</li><li value="5">Forces withdraw.</li></ol>
</article>
<div class="most-read"><ol><li>Another story</li><li>And another</li></ol></div>
</body></html>"""


def test_a_draft_saved_as_a_web_page_keeps_the_numbers_its_lists_imply(tmp_path: Path) -> None:
    page = tmp_path / "draft.html"
    page.write_text(DRAFT_PAGE, encoding="utf-8")
    v = load_plan(page, plan="p", label="v")
    assert [(p.number, p.heading, p.text) for p in v.points] == [
        ("1", "Security", "Sovereignty is confirmed."),
        ("2", "Security", "A pact is signed."),
        ("2.a", "Security", "It covers the region;"),
        ("2.b", "Security", "it is reviewed yearly."),
        ("3", "Territory", "The line is frozen."),
        ("5", "Territory", "Forces withdraw."),  # the page's own numbering, not a count
    ]
