"""The side model learns each position also under the issue the lexicon tagger guesses for it
(``redline.training``: ``SIDE_GUESSED_ISSUE``), since at run time the side is read
toward a guessed issue. Sentences written for these tests."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from redline.extract.classify import StatementClassifier
from redline.extract.features import StatementInput
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def classifier() -> StatementClassifier:
    return StatementClassifier(load_issues())


def _example(training: ModuleType, content: str, issues: tuple[str, ...], stance: str, party: str) -> Any:
    item = StatementInput(content, context=f"The minister said {content}.", cue="said", party=party)
    return training.Example("d1", item, issues, stance)


def test_a_position_gets_a_second_row_under_the_guessed_issue(
    training: ModuleType, classifier: StatementClassifier
) -> None:
    # the annotator files this under the plan as a whole; the lexicon hears territory
    example = _example(
        training,
        "we will never hand over the eastern regions of Donetsk",
        ("plan_overall",),
        "oppose",
        "ukraine",
    )
    row = training._guessed_side_row(classifier, example, frozenset())
    assert row is not None
    assert "issue=territory" in row and "issue=plan_overall" not in row
    assert any(f.startswith("ppi=ukraine:territory:") for f in row)  # the side features follow the guess


def test_no_second_row_where_the_guess_is_the_gold_issue(
    training: ModuleType, classifier: StatementClassifier
) -> None:
    example = _example(
        training,
        "we will never hand over the eastern regions of Donetsk",
        ("territory",),
        "oppose",
        "ukraine",
    )
    assert training._guessed_side_row(classifier, example, frozenset()) is None


# four positions whose gold first issue the tagger misses, two it gets, two reports
_TRAINING = [
    ("we will never hand over the eastern regions of Donetsk", ("plan_overall",), "oppose", "ukraine"),
    ("Kyiv must pull its troops out of Donetsk at once", ("plan_overall",), "support", "russia"),
    ("the troops must leave the Donetsk region before any deal", ("plan_overall",), "support", "russia"),
    ("no soldier of ours will leave Donetsk", ("plan_overall",), "oppose", "ukraine"),
    ("the draft peace plan is a good basis", ("plan_overall",), "support", "united_states"),
    ("the peace plan is only acceptable if it is fair", ("plan_overall",), "conditional", "europe"),
    ("the delegations met in Geneva on Sunday", ("process",), "neutral", "united_states"),
    ("the talks in Geneva lasted four hours", ("process",), "neutral", "ukraine"),
]


def test_training_fits_the_side_model_on_the_guessed_rows_too(
    training: ModuleType, classifier: StatementClassifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[int] = []
    real = training.LogisticRegression

    class Recording(real):  # type: ignore[misc, valid-type]
        def fit(self, x: Any, y: Any) -> Any:
            sizes.append(x.shape[0])
            return super().fit(x, y)

    monkeypatch.setattr(training, "LogisticRegression", Recording)
    examples = [_example(training, *row) for row in _TRAINING]
    guessed = sum(training._guessed_side_row(classifier, e, frozenset()) is not None for e in examples[:6])
    assert guessed >= 3
    monkeypatch.setattr(training, "SIDE_GUESSED_ISSUE", 1)
    training.train(examples, classifier)
    with_rows = list(sizes)
    sizes.clear()
    monkeypatch.setattr(training, "SIDE_GUESSED_ISSUE", 0)
    training.train(examples, classifier)
    # the side model (the only one fitted on positions) has one more row per differing guess
    assert 6 + guessed in with_rows and 6 + guessed not in sizes and 6 in sizes
