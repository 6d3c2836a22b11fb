"""Session 23 (issue 9): where held-out issue F1 is lost (``benchmarks/_issue_causes.py``, printed
by ``talks_eval.py --errors``). Labels only: each case is a statement's gold and predicted issue
lists, primary first, as the scorer reads them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "_issue_causes.py"
_SPEC = importlib.util.spec_from_file_location("_issue_causes", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
causes_module = importlib.util.module_from_spec(_SPEC)
sys.modules["_issue_causes"] = causes_module
_SPEC.loader.exec_module(causes_module)

FRAMES = frozenset({"plan_overall", "process"})


def test_f1_counts_each_statement_as_sets():
    # order does not matter to the scorer; one right of two predicted, one gold missed
    pairs = [(["territory", "plan_overall"], ["plan_overall", "territory"]), (["nato"], ["nato", "process"])]
    assert causes_module.f1(pairs) == pytest.approx(2 * 3 / (2 * 3 + 1 + 0))
    assert causes_module.f1([]) == 1.0


def test_a_frame_taken_for_the_other_is_told_apart_from_other_first_issue_errors():
    pairs = [
        (["process"], ["plan_overall"]),  # the talks' logistics read as a verdict on the plan
        (["territory"], ["plan_overall"]),  # a specific issue read as the plan
        (["sanctions_economy"], ["sanctions_economy"]),  # right
    ]
    found = causes_module.causes(pairs, FRAMES)
    assert found["first issue wrong: statements"] == 2
    assert found["first issue wrong: one frame for the other"] == 1
    assert found["first issue wrong: its fp"] == 2


def test_issues_after_the_first_and_empty_lists_have_their_own_causes():
    pairs = [
        (["territory"], ["territory", "ceasefire"]),  # "a ceasefire" named as a time reference
        (["sanctions_economy", "ceasefire"], ["sanctions_economy"]),  # a second gold issue missed
        ([], ["plan_overall"]),  # a remark on something else given the fallback frame
        (["nato"], []),
    ]
    found = causes_module.causes(pairs, FRAMES)
    assert found["an issue after the first: fp"] == 1
    assert found["  after the first: ceasefire"] == 1
    assert found["a gold issue after the first missed: fn"] == 1
    assert found["  missed after the first: ceasefire"] == 1
    assert found["no gold issue, some predicted: fp"] == 1
    assert found["gold issues, none predicted: fn"] == 1
    assert found["first issue wrong: statements"] == 0


def test_each_oracle_mends_only_its_own_cause():
    pairs = [
        (["process"], ["plan_overall"]),
        (["territory"], ["territory", "nato"]),
        ([], ["plan_overall"]),
        (["ceasefire"], ["ceasefire"]),
    ]
    found = causes_module.ceilings(pairs, FRAMES)
    base = found["as predicted"]
    assert base == pytest.approx(2 * 2 / (2 * 2 + 3 + 1))
    # mending the frame swap turns one fp and one fn into a tp; the rest stays
    assert found["one frame for the other mended"] == pytest.approx(2 * 3 / (2 * 3 + 2 + 0))
    assert found["no wrong issue after the first"] == pytest.approx(2 * 2 / (2 * 2 + 2 + 1))
    assert found["nothing for statements with no issue"] == pytest.approx(2 * 2 / (2 * 2 + 2 + 1))
    assert found["first issue only"] == found["no wrong issue after the first"]
    assert found["frames right (added, dropped, swapped)"] == pytest.approx(2 * 3 / (2 * 3 + 1 + 0))
    assert all(v >= base for k, v in found.items() if k != "first issue only")


def test_the_report_lists_causes_oracles_and_issues():
    lines = causes_module.report([(["process"], ["plan_overall"]), (["nato"], ["nato"])], FRAMES)
    text = "\n".join(lines)
    assert lines[1].strip().startswith("1  first issue wrong")
    assert "one frame for the other mended" in text
    assert any(line.split()[0] == "nato" and line.split()[-1] == "1.000" for line in lines[1:])
