"""The issue model's fit reads its features scaled by their naive-Bayes log-count ratios and
ships the weights scaled back (``redline.training``: ``ISSUE_NB``, ``_nb_ratios``):
the shipped model is a plain linear model over the same 0/1 features, so run time is unchanged.
Statements written for these tests."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from redline.knowledge.classifiers import _read_model

# feature rows of short statements: meetings and their logistics, verdicts on the plan
_ROWS = [
    ["w=delegation", "w=arrive", "w=geneva", "w=talks"],
    ["w=envoy", "w=arrive", "w=moscow", "w=tuesday"],
    ["w=meeting", "w=tuesday", "w=talks", "w=venue"],
    ["w=delegation", "w=meeting", "w=venue", "w=envoy"],
    ["w=plan", "w=good", "w=basis", "w=talks"],
    ["w=plan", "w=unacceptable", "w=draft"],
    ["w=draft", "w=good", "w=basis", "w=framework"],
    ["w=plan", "w=framework", "w=unacceptable", "w=talks"],
]
_LABELS = [("process",)] * 4 + [("plan_overall",)] * 4


def _matrix(rows: list[list[str]]) -> tuple[csr_matrix, list[str]]:
    """The rows as a 0/1 matrix over the features named, one column each (no hashing)."""
    names = sorted({f for row in rows for f in row})
    index = {f: i for i, f in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for f in row:
            x[r, index[f]] = 1.0
    return csr_matrix(x), names


def test_ratios_follow_where_a_feature_is_seen(training: ModuleType) -> None:
    x, names = _matrix(_ROWS)
    y = np.array([int("process" in labels) for labels in _LABELS])
    ratios = dict(zip(names, training._nb_ratios(x, y), strict=True))
    assert ratios["w=venue"] > 0.5  # only in the process rows
    assert ratios["w=unacceptable"] < -0.5  # only in the plan rows
    assert abs(ratios["w=talks"]) < 0.3  # in both, about as often
    # seen twice beats seen once, and a feature of both sides lies between the two sides' own
    assert ratios["w=venue"] > ratios["w=geneva"] > ratios["w=talks"] > ratios["w=plan"]


def test_row_weights_count_in_the_ratios(training: ModuleType) -> None:
    x, names = _matrix(_ROWS)
    y = np.array([int("process" in labels) for labels in _LABELS])
    plain = dict(zip(names, training._nb_ratios(x, y), strict=True))
    weights = np.ones(len(_ROWS))
    weights[4] = 4.0  # the row where "talks" is said with praise of the plan weighs more
    weighed = dict(zip(names, training._nb_ratios(x, y, weights), strict=True))
    assert weighed["w=talks"] < plain["w=talks"]
    assert weighed["w=envoy"] > plain["w=envoy"]  # the other rows' counts grew: rarer there
    assert weighed["w=good"] < plain["w=good"]


def test_shipped_weights_score_as_the_fit_on_scaled_features(
    training: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # nothing pruned or rounded away, so the two must agree to float precision
    monkeypatch.setattr(training, "PRUNE", 0.0)
    monkeypatch.setattr(training, "DIGITS", 12)
    monkeypatch.setattr(training, "MIN_DF", 1)
    monkeypatch.setattr(training, "ISSUE_NB", 1)
    doc = training._issue_model(_ROWS, _LABELS, ["plan_overall", "process"])
    model = _read_model(doc, True, {})
    cols = training._Columns(_ROWS)
    x = cols.matrix(_ROWS)
    y = np.array([int("process" in labels) for labels in _LABELS])
    ratios = training._nb_ratios(x, y)
    fit = LogisticRegression(
        C=training.ISSUE_C, solver="liblinear", random_state=training.SEED, max_iter=1000
    )
    fit.fit(csr_matrix(x.multiply(ratios)), y)
    statement = ["w=envoy", "w=geneva", "w=talks", "w=unseen"]
    expected = fit.decision_function(csr_matrix(cols.matrix([statement]).multiply(ratios)))[0]
    assert model.scores(statement)[1] == pytest.approx(expected, abs=1e-6)


def test_scaling_changes_the_fit_and_can_be_turned_off(
    training: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(training, "PRUNE", 0.0)
    monkeypatch.setattr(training, "MIN_DF", 1)
    statement = ["w=delegation", "w=tuesday", "w=talks"]
    monkeypatch.setattr(training, "ISSUE_NB", 0)
    off = _read_model(training._issue_model(_ROWS, _LABELS, ["plan_overall", "process"]), True, {})
    monkeypatch.setattr(training, "ISSUE_NB", 1)
    on = _read_model(training._issue_model(_ROWS, _LABELS, ["plan_overall", "process"]), True, {})
    # both read the logistics as the process; the ratios make the words the counts tie to it
    # count for more under the same penalty
    assert off.probabilities(statement)["process"] > 0.5
    assert on.probabilities(statement)["process"] > off.probabilities(statement)["process"]
    verdict = ["w=plan", "w=unacceptable", "w=talks"]
    assert on.probabilities(verdict)["process"] < 0.5
    assert on.probabilities(verdict)["plan_overall"] > on.probabilities(statement)["plan_overall"]
