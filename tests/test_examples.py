"""The bundled example corpus: well-formed, in step with its packaged copy and its gold set.

The corpus is the first thing a user runs redline on and the ground for demos and tests, so
a broken line, a stray date or an annotation that no longer matches its article must fail
here rather than in a demo.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from redline.examples import corpus_dir, corpus_path, example_plans, expected_path, gold_documents
from redline.model import KINDS, STANCES

ROOT = Path(__file__).resolve().parents[1]
REPO_CORPUS = ROOT / "examples" / "corpus"
FIELDS = ("id", "url", "title", "published", "outlet", "text")
FIRST_DAY, LAST_DAY = date(2025, 11, 20), date(2025, 12, 31)
# The default taxonomy (ARCHITECTURE.md, knowledge/issues.yaml): the gold set must only use these.
ISSUES = {
    "plan_overall", "territory", "recognition", "nato", "military_limits", "security_guarantees",
    "amnesty_justice", "sanctions_economy", "elections_legitimacy", "ceasefire", "nuclear_plant",
    "humanitarian", "language_religion", "eu_membership", "process",
}  # fmt: skip
FICTITIOUS_HOSTS = ("https://example.org/", "https://news.example/")
REPRINTS = {
    "np-20251124-geneva-framework": "md-20251124-geneva-framework",
    "bc-20251222-miami-dmitriev": "hw-20251221-miami-dmitriev",
}


def _articles(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"{path}:{number} is blank"
        record = json.loads(line)
        assert isinstance(record, dict), f"{path}:{number} is not a JSON object"
        records.append(record)
    return records


@pytest.fixture(scope="module")
def articles() -> list[dict[str, Any]]:
    return _articles(REPO_CORPUS / "articles.jsonl")


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPO_CORPUS / "expected.json").read_text(encoding="utf-8"))
    return data


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _jaccard(a: str, b: str) -> float:
    left, right = _shingles(a), _shingles(b)
    return len(left & right) / len(left | right)


def test_corpus_has_24_to_30_articles_with_every_field(articles: list[dict[str, Any]]) -> None:
    assert 24 <= len(articles) <= 30
    for record in articles:
        assert set(record) == set(FIELDS), record.get("id")
        for name in FIELDS:
            assert isinstance(record[name], str) and record[name].strip(), (record.get("id"), name)


def test_ids_are_unique(articles: list[dict[str, Any]]) -> None:
    ids = [record["id"] for record in articles]
    assert len(ids) == len(set(ids))


def test_dates_are_iso_and_within_the_period(articles: list[dict[str, Any]]) -> None:
    for record in articles:
        published = date.fromisoformat(record["published"])
        assert FIRST_DAY <= published <= LAST_DAY, record["id"]


def test_urls_point_at_reserved_domains_only(articles: list[dict[str, Any]]) -> None:
    urls = [record["url"] for record in articles]
    assert all(url.startswith(FICTITIOUS_HOSTS) for url in urls)
    assert len(urls) == len(set(urls))


def test_texts_are_news_shaped(articles: list[dict[str, Any]]) -> None:
    for record in articles:
        text = record["text"]
        words = len(text.split())
        assert 250 <= words <= 600, (record["id"], words)
        paragraphs = text.split("\n\n")
        assert len(paragraphs) >= 5, record["id"]
        assert all(p.strip() and "\n" not in p and p == p.strip() for p in paragraphs), record["id"]
        # the standfirst: one sentence, then the body
        assert paragraphs[0].count(". ") == 0 and paragraphs[0].endswith("."), record["id"]
        assert record["title"] not in text, record["id"]


def test_reprints_are_near_duplicates_and_nothing_else_is(articles: list[dict[str, Any]]) -> None:
    texts = {record["id"]: record["text"] for record in articles}
    for copy, original in REPRINTS.items():
        assert _jaccard(texts[copy], texts[original]) > 0.5, copy
        assert texts[copy] != texts[original], copy
    pairs = {frozenset(pair) for pair in REPRINTS.items()}
    ids = sorted(texts)
    for i, left in enumerate(ids):
        for right in ids[i + 1 :]:
            if frozenset((left, right)) not in pairs:
                assert _jaccard(texts[left], texts[right]) < 0.1, (left, right)


@pytest.mark.parametrize("name", ["articles.jsonl", "expected.json", "README.md"])
def test_packaged_copy_is_identical(name: str) -> None:
    assert (corpus_dir() / name).read_bytes() == (REPO_CORPUS / name).read_bytes()


def test_package_paths_point_at_the_bundled_files() -> None:
    assert corpus_path().name == "articles.jsonl" and corpus_path().is_file()
    assert expected_path().name == "expected.json" and expected_path().is_file()
    assert len(_articles(corpus_path())) == len(_articles(REPO_CORPUS / "articles.jsonl"))


def test_gold_annotates_six_to_eight_corpus_articles(
    articles: list[dict[str, Any]], gold: dict[str, Any]
) -> None:
    ids = {record["id"] for record in articles}
    annotated = [document["id"] for document in gold["documents"]]
    assert 6 <= len(annotated) <= 8
    assert len(annotated) == len(set(annotated))
    assert set(annotated) <= ids


def test_gold_contents_are_exact_substrings_at_their_offsets(
    articles: list[dict[str, Any]], gold: dict[str, Any]
) -> None:
    texts = {record["id"]: record["text"] for record in articles}
    for document in gold["documents"]:
        text = texts[document["id"]]
        assert document["attributions"], document["id"]
        for item in document["attributions"]:
            assert item["content"] in text, (document["id"], item["content"])
            assert text[item["start"] : item["end"]] == item["content"], (document["id"], item["content"])
            mention = item["speaker_mention"]
            assert mention is None or mention in text, (document["id"], mention)


def test_gold_labels_come_from_the_contract(gold: dict[str, Any]) -> None:
    for document in gold["documents"]:
        for item in document["attributions"]:
            where = (document["id"], item["content"][:40])
            assert item["type"] in KINDS, where
            assert item["stance"] in STANCES, where
            assert set(item["issues"]) <= ISSUES, where
            assert item["speaker"] is None or item["speaker"].strip(), where
            assert item.get("optional", False) in (True, False), where


def test_gold_documents_carry_their_article_text(articles: list[dict[str, Any]]) -> None:
    texts = {record["id"]: record["text"] for record in articles}
    documents = gold_documents()
    assert documents
    for document in documents:
        assert document["text"] == texts[document["id"]]
        assert {"id", "text", "attributions"} <= set(document)


def test_packaged_plans_are_the_repository_plans() -> None:
    """The demo imports the packaged plan versions: they must be the ones examples/plans documents."""
    bundled = example_plans()
    repo_plans = sorted((ROOT / "examples" / "plans").glob("*.md"))
    # the European mark-up shows plan import's lineage fields; the demo does not import it
    markup = "european-markup.md"
    assert (bundled[0].path.parent / markup).read_bytes() == (
        ROOT / "examples" / "plans" / markup
    ).read_bytes()
    repo_plans = [p for p in repo_plans if p.name not in ("README.md", markup)]
    assert sorted(p.path.name for p in bundled) == [p.name for p in repo_plans]
    for plan in bundled:
        assert plan.path.read_bytes() == (ROOT / "examples" / "plans" / plan.path.name).read_bytes()
    assert [p.label for p in bundled] == ["28-point", "19-point"]
    readme = bundled[0].path.parent / "README.md"
    assert readme.read_bytes() == (ROOT / "examples" / "plans" / "README.md").read_bytes()


def test_selva_names_its_whole_agreement_issue_as_the_readme_says() -> None:
    # the README tells a user to call the agreement as a whole `plan_overall`, the frame the
    # tool treats as "the plan" (model.GENERIC_ISSUES); the example a user copies must agree
    import yaml

    from redline.model import GENERIC_ISSUES

    selva = ROOT / "examples" / "selva"
    issues = yaml.safe_load((selva / "issues.yaml").read_text(encoding="utf-8"))["issues"]
    generic = {i for i, spec in issues.items() if spec.get("generic")}
    assert set(GENERIC_ISSUES) <= generic
    lines = (selva / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    used = {i for line in lines for a in json.loads(line)["attributions"] for i in a["issues"]}
    assert used <= set(issues)
