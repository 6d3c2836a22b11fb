"""The project's annotated news batches (benchmarks/data/unseenN with issue and stance gold) as
training data: the script reads them in the talks set's shape, and their rows train the models
named in ``BATCH_MODELS`` at their own weight, as real news rows (no rebalancing of stance
shares, which is for the written set of short statements). Every sentence here was written for
these tests."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from redline.knowledge.issues import load_issues
from redline.model import STANCES


def test_the_script_reads_every_batch_as_annotated_articles(trainer: ModuleType) -> None:
    articles = trainer.load_batches(trainer.BATCHES)
    assert len(articles) >= 50
    assert len({a["id"] for a in articles}) == len(articles)
    ids, records = set(load_issues().ids), 0
    for article in articles:
        for a in article["attributions"]:
            records += 1
            where = f"{article['id']}: {a['content']}"
            assert article["text"][a["start"] : a["start"] + len(a["content"])] == a["content"], where
            assert set(a["issues"]) <= ids and a["stance"] in STANCES, where
    assert records >= 700


def test_batch_rows_train_the_batch_models_at_their_own_weight(
    training: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redline.extract.features import StatementInput

    def ex(stance: str, batch: bool) -> object:
        item = StatementInput("the envoys met for a third day")
        return training.Example("d", item, ("process",), stance, weight=0.5 if batch else 1.0, batch=batch)

    # real rows: half neutral; batch rows: a quarter neutral, kept as they are in every model
    examples = [ex("neutral", False), ex("support", False), ex("neutral", True)] + [ex("support", True)] * 3
    for model in ("issues", "stance", "polarity", "gate"):
        assert training._weights_for(examples, model) == [1.0, 1.0] + [0.5] * 4
    # a family left out of BATCH_MODELS does not learn from them at all
    monkeypatch.setattr(training, "BATCH_MODELS", frozenset({"issues"}))
    assert training._weights_for(examples, "issues")[2:] == [0.5] * 4
    assert training._weights_for(examples, "gate") == [1.0, 1.0] + [0.0] * 4


@pytest.mark.model
def test_batch_articles_go_through_the_extractor_as_batch_rows(
    trainer: ModuleType, training: ModuleType, extractor: object
) -> None:
    articles = trainer.load_batches(trainer.BATCHES[:1])[:2]
    examples = training.build_examples(extractor, articles, 0.5, batch=True)
    gold = sum(len(a["attributions"]) for a in articles)
    assert len(examples) == gold  # each gold statement once: matched or added as missed
    assert all(e.batch and not e.written and e.weight == 0.5 for e in examples)
    assert sum(e.extracted for e in examples) >= 0.8 * gold  # the same extraction as real news


def test_balanced_batch_rows_keep_the_talks_label_shares(
    training: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redline.extract.features import StatementInput

    def ex(issue: str, stance: str, batch: bool) -> object:
        item = StatementInput("the envoys met for a third day")
        return training.Example("d", item, (issue,), stance, batch=batch)

    # talks rows: half the plan, half neutral; batch rows: a quarter the plan, a quarter neutral
    examples = [ex("plan_overall", "neutral", False), ex("territory", "support", False)]
    examples += [ex("plan_overall", "neutral", True)] + [ex("territory", "support", True)] * 3
    monkeypatch.setattr(training, "BATCH_BALANCE", 1)
    issues = training._weights_for(examples, "issues")
    assert issues[:2] == [1.0, 1.0]
    assert issues[2] == pytest.approx(2.0) and issues[3] == pytest.approx(2 / 3)  # 0.5/0.25, 0.5/0.75
    gate = training._weights_for(examples, "gate")
    assert gate[2] == pytest.approx(2.0) and gate[3] == pytest.approx(2 / 3)


def test_the_shipped_recipe_trains_on_every_batch_with_stance_gold(trainer: ModuleType) -> None:
    # the batches carry the models to new text (benchmarks/batch_transfer.py): on by default
    assert trainer.BATCH_WEIGHT > 0
    data = Path(trainer.BATCH_DATA)
    every = {
        d.name
        for d in data.glob("unseen*")
        if (d / "gold.json").is_file() and '"stance"' in (d / "gold.json").read_text(encoding="utf-8")
    }
    assert {"unseen3", "unseen15"} <= every  # the census itself must find the batches
    # every batch trains the models, except one still waiting for its first scored run
    assert every <= set(trainer.BATCHES) | trainer.HELD_FOR_FIRST_RUN
    assert not trainer.HELD_FOR_FIRST_RUN & set(trainer.BATCHES)
