"""The project-written training statements (``scripts/written_statements.yaml``): the file is
valid against the taxonomy and the annotation conventions, the training script reads it into
weighted examples, and the weights fitted with it read new statements of its kind as the
conventions say. Every sentence here was written for these tests."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from redline.knowledge.issues import load_issues
from redline.model import STANCES, Document

WRITTEN = Path(__file__).resolve().parents[2] / "scripts" / "written_statements.yaml"


def test_the_written_set_is_valid(training: ModuleType) -> None:
    articles = training.load_written(WRITTEN)
    ids = set(load_issues().ids)
    records = [a for article in articles for a in article["attributions"]]
    assert len(records) >= 400
    assert len({article["id"] for article in articles}) == len(articles)
    for article in articles:
        for a in article["attributions"]:
            where = f"{article['id']}: {a['content']}"
            assert article["text"][a["start"] : a["start"] + len(a["content"])] == a["content"], where
            assert a["content"].strip() == a["content"] and a["content"], where
            assert set(a["issues"]) <= ids and len(set(a["issues"])) == len(a["issues"]), where
            assert a["stance"] in STANCES, where
            assert a["speaker"], where
    contents = Counter(" ".join(a["content"].lower().split()) for a in records)
    assert [c for c, n in contents.items() if n > 1] == []
    # every issue and every stance is taught, as a first issue
    assert {a["issues"][0] for a in records if a["issues"]} == ids
    assert {a["stance"] for a in records} == {"support", "oppose", "conditional", "neutral"}


def test_marks_give_content_cue_and_type(training: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "written.yaml"
    path.write_text(
        """articles:
- id: x1
  published: 2026-01-05
  lines:
  - "Envoys meet again"
  - "Jane Roe | plan_overall | support | “{The text is a sound basis},” the minister <told> reporters."
  - "Jane Roe | territory,ceasefire | oppose | She <said> {the army would “never” leave the hills}."
  - "Jane Roe | - | neutral | She <said> {nothing more}."
""",
        encoding="utf-8",
    )
    (article,) = training.load_written(path)
    assert article["id"] == "x1" and article["published"] == "2026-01-05"
    assert article["text"].startswith("Envoys meet again\n“The text is a sound basis,” the minister told")
    first, second, third = article["attributions"]
    assert (first["content"], first["cue"], first["type"]) == ("The text is a sound basis", "told", "direct")
    assert (second["type"], second["issues"], second["stance"]) == (
        "mixed",
        ["territory", "ceasefire"],
        "oppose",
    )
    assert (third["type"], third["issues"]) == ("indirect", [])
    for a in article["attributions"]:
        assert article["text"][a["start"] : a["start"] + len(a["content"])] == a["content"]


def test_a_marked_line_without_labels_is_refused(training: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "written.yaml"
    path.write_text(
        'articles:\n- id: x2\n  lines:\n  - "She <said> {the talks were over}."\n', encoding="utf-8"
    )
    with pytest.raises(ValueError, match="narration or SPEAKER"):
        training.load_written(path)


def test_heavier_rows_pull_the_fit(training: ModuleType) -> None:
    rows = [["word=basis"]] * 4
    labels = ["oppose", "oppose", "support", "support"]
    unweighted = training._softmax_model(rows, labels, 1.0)
    weighted = training._softmax_model(rows, labels, 1.0, [1.0, 1.0, 6.0, 6.0])
    assert training._sample_weight([1.0, 1.0]) is None  # all ones: the plain fit, same bytes as before

    def support_margin(document: dict) -> float:
        s, o = document["classes"].index("support"), document["classes"].index("oppose")
        score = {s: document["bias"][s], o: document["bias"][o]}
        for pairs in document["weights"].values():
            for c, w in pairs:
                score[int(c)] += w
        return score[s] - score[o]

    assert abs(support_margin(unweighted)) < 0.01
    assert support_margin(weighted) > 0.5


@pytest.mark.model
def test_training_reads_the_written_set_through_the_extractor(
    training: ModuleType, extractor: object
) -> None:
    articles = training.load_written(WRITTEN)[:3]
    examples = training.build_examples(extractor, articles, 0.5)
    gold = sum(len(a["attributions"]) for a in articles)
    assert len(examples) == gold and {e.weight for e in examples} == {0.5}
    assert sum(e.extracted for e in examples) >= gold - 1  # the same extraction as real news
    assert all(e.doc_id.startswith("w") for e in examples)


def _read(extractor: object, text: str) -> list[tuple[str, list[str], str]]:
    """(content, issues, stance) of each statement the shipped extractor finds."""
    (extraction,) = extractor.extract([Document(id="t", text=text)])  # type: ignore[attr-defined]
    return [(s.content.text, list(s.issues), s.stance) for s in extraction.statements]


# statements of the written set's kind, new here: models trained on the written set alone read
# them as GUIDE/NOTES say (a set whose labels contradicted the conventions would not). The first
# two were read wrongly by the talks-only weights ("support" and "conditional": a call for more
# pressure on Moscow and a plain refusal of elections under martial law)
CONVENTIONS = [
    (
        "The German chancellor called on the European Union to step up sanctions on Russian oil.",
        "sanctions_economy",
        "oppose",
    ),
    (
        "The speaker of Ukraine's parliament said elections could not be held"
        " while martial law was in force.",
        "elections_legitimacy",
        "oppose",
    ),
    (
        "Ukraine's foreign minister said Kyiv would never agree to pull its troops"
        " out of the Donetsk region.",
        "territory",
        "oppose",
    ),
    (
        "A Kremlin aide said Ukrainian forces had to leave Donbas before any agreement could be signed.",
        "territory",
        "support",
    ),
    (
        "Russia's foreign ministry said Ukraine must formally renounce its ambition to join NATO.",
        "nato",
        "support",
    ),
]


@pytest.mark.model
def test_the_written_set_alone_teaches_the_conventions(training: ModuleType, extractor: object) -> None:
    from redline.extract.pipeline import COMPONENT
    from redline.knowledge.classifiers import load_weights, parse_weights

    pipe = extractor.nlp.get_pipe(COMPONENT)  # type: ignore[attr-defined]
    examples = training.build_examples(extractor, training.load_written(WRITTEN))  # as real rows: every model
    weights = parse_weights(training.train(examples, pipe.classifier), "written set")
    pipe.use_weights(weights)
    try:
        read = [_read(extractor, text) for text, _, _ in CONVENTIONS]
    finally:
        pipe.use_weights(load_weights())
    for (text, issue, stance), statements in zip(CONVENTIONS, read, strict=True):
        ((_, issues, got),) = statements
        assert issues[:1] == [issue] and got == stance, (text, issues, got)


def test_written_rows_keep_the_real_stance_shares_in_the_stance_models_only(
    training: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redline.extract.features import StatementInput

    def ex(stance: str, written: bool) -> object:
        return training.Example(
            "d", StatementInput("the talks went well"), ("plan_overall",), stance, written=written
        )

    # real rows: half neutral; written rows: a quarter neutral
    examples = (
        [ex("neutral", False), ex("support", False)] + [ex("neutral", True)] + [ex("support", True)] * 3
    )
    weights = training._weights_for(examples, "gate")
    assert weights[:2] == [1.0, 1.0]
    assert weights[2] == pytest.approx(2.0) and weights[3] == pytest.approx(2 / 3)  # 0.5/0.25, 0.5/0.75
    # the issue model learns from the written rows at their own weight (no stance to balance)
    assert training._weights_for(examples, "issues") == [1.0] * 6
    # and a model left out of WRITTEN_MODELS does not learn from them at all
    monkeypatch.setattr(training, "WRITTEN_MODELS", frozenset({"stance", "polarity", "gate"}))
    assert training._weights_for(examples, "issues")[2:] == [0.0] * 4
