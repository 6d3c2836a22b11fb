"""One server, one taxonomy: what `redline serve --issues` (REDLINE_ISSUES) names, every page and
answer names, instead of the packaged talks' labels and propositions."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
import yaml
from web_html import Page

from redline.api import create_app
from redline.knowledge.issues import load_issues

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def own(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The web corpus served with a taxonomy whose every issue has a label of its own."""
    doc = {
        "name": "renamed",
        "issues": {
            i.id: {
                "label": f"Renamed {i.id}",
                "proposition": f"Proposal on {i.id} holds",
                "terms": [t.pattern for t in i.terms],
            }
            for i in load_issues().issues
        },
    }
    path = tmp_path_factory.mktemp("taxonomy") / "renamed.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with TestClient(create_app(db_url, issues=path)) as c:
        yield c


def test_the_api_names_columns_by_the_served_taxonomy(own: TestClient) -> None:
    columns = own.get("/api/v1/positions").json()["columns"]
    assert columns and all(c["label"] == f"Renamed {c['id']}" for c in columns)
    assert all(c["proposition"] == f"Proposal on {c['id']} holds" for c in columns)


def test_pages_name_issues_by_the_served_taxonomy(own: TestClient) -> None:
    matrix = Page(own.get("/positions").text)
    heads = [th.text.strip() for th in matrix.find("th") if "Renamed" in th.text]
    assert heads, "the matrix columns kept the packaged labels"
    statements = own.get("/statements").text
    assert "Renamed territory" in statements or "Renamed plan_overall" in statements
    assert own.get("/issues/territory").status_code == 200


def test_an_issue_page_gives_a_proposition_with_its_full_stop_once(
    db_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A user's taxonomy often gives propositions as sentences and no ``proposition_label``:
    the issue page read "On the table: X.." (and would repeat X in brackets once the label
    lost its stop)."""
    doc = {
        "name": "sentences",
        "issues": {
            i.id: {"label": i.id, "proposition": f"The parties settle {i.id} by June.", "terms": ["x"]}
            for i in load_issues().issues
        },
    }
    path = tmp_path_factory.mktemp("taxonomy") / "sentences.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with TestClient(create_app(db_url, issues=path)) as c:
        line = Page(c.get("/issues/territory").text).find("p")[0].text
    assert " ".join(line.split()) == "On the table: The parties settle territory by June."
