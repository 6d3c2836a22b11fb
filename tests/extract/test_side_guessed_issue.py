"""The side model learns each position also under the issue the lexicon tagger guesses for it
(``scripts/train_classifiers.py``: ``SIDE_GUESSED_ISSUE``), since at run time the side is read
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


def _example(trainer: ModuleType, content: str, issues: tuple[str, ...], stance: str, party: str) -> Any:
    item = StatementInput(content, context=f"The minister said {content}.", cue="said", party=party)
    return trainer.Example("d1", item, issues, stance)


def test_a_position_gets_a_second_row_under_the_guessed_issue(
    trainer: ModuleType, classifier: StatementClassifier
) -> None:
    # the annotator files this under the plan as a whole; the lexicon hears territory
    example = _example(
        trainer,
        "we will never hand over the eastern regions of Donetsk",
        ("plan_overall",),
        "oppose",
        "ukraine",
    )
    row = trainer._guessed_side_row(classifier, example, frozenset())
    assert row is not None
    assert "issue=territory" in row and "issue=plan_overall" not in row
    assert any(f.startswith("ppi=ukraine:territory:") for f in row)  # the side features follow the guess


def test_no_second_row_where_the_guess_is_the_gold_issue(
    trainer: ModuleType, classifier: StatementClassifier
) -> None:
    example = _example(
        trainer, "we will never hand over the eastern regions of Donetsk", ("territory",), "oppose", "ukraine"
    )
    assert trainer._guessed_side_row(classifier, example, frozenset()) is None


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
    trainer: ModuleType, classifier: StatementClassifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[int] = []
    real = trainer.LogisticRegression

    class Recording(real):  # type: ignore[misc, valid-type]
        def fit(self, x: Any, y: Any) -> Any:
            sizes.append(x.shape[0])
            return super().fit(x, y)

    monkeypatch.setattr(trainer, "LogisticRegression", Recording)
    examples = [_example(trainer, *row) for row in _TRAINING]
    guessed = sum(trainer._guessed_side_row(classifier, e, frozenset()) is not None for e in examples[:6])
    assert guessed >= 3
    monkeypatch.setattr(trainer, "SIDE_GUESSED_ISSUE", 1)
    trainer.train(examples, classifier)
    with_rows = list(sizes)
    sizes.clear()
    monkeypatch.setattr(trainer, "SIDE_GUESSED_ISSUE", 0)
    trainer.train(examples, classifier)
    # the side model (the only one fitted on positions) has one more row per differing guess
    assert 6 + guessed in with_rows and 6 + guessed not in sizes and 6 in sizes
