"""The packaged issue taxonomy and the loader's validation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from redline.errors import ConfigError
from redline.extract.issues import IssueTagger
from redline.knowledge.issues import APPRAISAL_CLASSES, load_appraisal, load_issues, parse_issues

IDS = [
    "plan_overall",
    "territory",
    "recognition",
    "nato",
    "military_limits",
    "security_guarantees",
    "amnesty_justice",
    "sanctions_economy",
    "elections_legitimacy",
    "ceasefire",
    "nuclear_plant",
    "humanitarian",
    "language_religion",
    "eu_membership",
    "process",
]


def test_packaged_taxonomy_has_the_architecture_ids_in_order() -> None:
    assert list(load_issues().ids) == IDS


def test_every_issue_has_a_proposition_label_and_lexicon() -> None:
    for issue in load_issues().issues:
        assert issue.label and issue.proposition and issue.terms, issue.id
        assert issue.pro or issue.anti, issue.id


def test_short_propositions_head_the_matrix_columns() -> None:
    tax = load_issues()
    assert tax.get("territory").proposition_label == "Ukraine withdraws from Donbas"
    assert all(len(i.proposition_label) <= 45 for i in tax.issues)


def test_pax_codes_follow_the_peace_agreements_database() -> None:
    tax = load_issues()
    assert "StBor" in tax.get("territory").pax
    assert tax.get("ceasefire").pax[0] == "Ce"
    assert "TjAm" in tax.get("amnesty_justice").pax
    assert "Ele" in tax.get("elections_legitimacy").pax
    assert tax.pax_codes(["territory", "ceasefire", "territory"]) == ["StBor", "Ce"]


def test_the_plan_and_the_talks_are_generic_frames() -> None:
    tax = load_issues()
    assert [i.id for i in tax.issues if i.generic] == ["plan_overall", "process"]


def _minimal() -> dict[str, object]:
    return {
        "name": "water",
        "issues": {
            "allocation": {
                "label": "Water allocation",
                "proposition": "Upstream releases a fixed share of the flow",
                "pax": ["NatRes"],
                "terms": {"water share": 2, "dam": 1.5},
                "pro": ["fixed share"],
                "priors": {"downstream": "support"},
            }
        },
    }


def test_another_negotiation_brings_its_own_taxonomy(tmp_path: Path) -> None:
    path = tmp_path / "water.yaml"
    path.write_text(yaml.safe_dump(_minimal()), encoding="utf-8")
    tax = load_issues(path)
    assert tax.ids == ("allocation",)
    # without a short proposition_label, the matrix heads the column with the whole proposition
    assert tax.get("allocation").proposition_label == "Upstream releases a fixed share of the flow"
    assert IssueTagger(tax).tag("The new dam cuts the water share of the delta") == ["allocation"]


def test_a_proposition_used_as_its_label_loses_its_full_stop(tmp_path: Path) -> None:
    """A label heads a column and sits inside the issue page's own sentence ("On the table:
    X."): a taxonomy without ``proposition_label`` gave "On the table: X.." there."""
    doc = _minimal()
    doc["issues"]["allocation"]["proposition"] = "Upstream keeps a fixed share of the flow for the delta."
    path = tmp_path / "water.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    issue = load_issues(path).get("allocation")
    assert issue.proposition_label == "Upstream keeps a fixed share of the flow for the delta"
    assert issue.proposition.endswith("delta.")  # the proposition itself is as written


def test_a_first_taxonomy_may_list_its_terms_and_keeps_the_stance_wording(tmp_path: Path) -> None:
    doc = _minimal()
    doc["issues"]["allocation"]["terms"] = ["water share", "flow", "dam*"]  # a list: weight 1 each
    doc.pop("stance", None)
    path = tmp_path / "water.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    tax = load_issues(path)
    assert [t.weight for t in tax.get("allocation").terms] == [1.0, 1.0, 1.0]
    # negation, conditions and demands are the language's: without them every stance is neutral
    assert tax.stance == load_issues().stance
    written = dict(doc, stance={"negation": ["not"]})
    path.write_text(yaml.safe_dump(written), encoding="utf-8")
    assert load_issues(path).stance.negation == ("not",)  # a file's own wording is kept as written


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["issues"]["allocation"].pop("proposition"), "issues.allocation.proposition"),
        (lambda d: d["issues"]["allocation"].update(terms={}), "issues.allocation.terms is empty"),
        (lambda d: d["issues"]["allocation"].update(terms={"dam": "heavy"}), "issues.allocation.terms.dam"),
        (lambda d: d["issues"]["allocation"].update(terms="dam"), "must map each term to its weight"),
        (lambda d: d["issues"]["allocation"].update(terms={"dam": -1}), "0 or more"),
        (lambda d: d["issues"]["allocation"].update(terms={"dam": 0}), "every term weight 0"),
        (lambda d: d["issues"]["allocation"].update(priors={"x": "maybe"}), "issues.allocation.priors.x"),
        (lambda d: d["issues"]["allocation"].update(pax=["St-Bor"]), "issues.allocation.pax"),
        (lambda d: d["issues"]["allocation"].update(colour="blue"), "unknown key(s) colour"),
        (lambda d: d["issues"]["allocation"].update(pro=["... share"]), "malformed pattern"),
        (lambda d: d["issues"].update({"Bad Id": d["issues"]["allocation"]}), "lower_snake_case"),
        (lambda d: d.update(issues={}), "defines no issues"),
        (lambda d: d.update(stance={"negation": "not"}), "stance.negation"),
    ],
)
def test_invalid_entries_are_named(change: object, message: str) -> None:
    doc = _minimal()
    change(doc)  # type: ignore[operator]
    with pytest.raises(ConfigError) as err:
        parse_issues(doc, "water.yaml")
    assert message in str(err.value)
    assert "water.yaml" in str(err.value)


def test_missing_and_broken_files_raise_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_issues(tmp_path / "nope.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("issues: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_issues(broken)


_WATER = {"label": "Water", "description": "Water rights", "proposition": "Water is shared", "pax": []}


def test_the_appraisal_classes_load_for_every_taxonomy(tmp_path: Path) -> None:
    packaged_classes = load_issues().appraisal.classes
    assert set(packaged_classes) == set(APPRAISAL_CLASSES)
    assert all(packaged_classes[c] for c in APPRAISAL_CLASSES)
    # English wording, not the negotiation's: a user's taxonomy reads the same classes
    own = tmp_path / "issues.yaml"
    own.write_text(
        yaml.safe_dump({"name": "other", "issues": {"water": {**_WATER, "terms": {"river": 1}}}}),
        encoding="utf-8",
    )
    assert load_issues(own).appraisal.classes == packaged_classes


def test_an_unknown_appraisal_class_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "appraisal.yaml"
    bad.write_text("positive: [good]\nsarcastic: [sure thing]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="sarcastic"):
        load_appraisal(bad)
