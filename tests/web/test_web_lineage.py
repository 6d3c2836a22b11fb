"""The positions page picks a plan's lineage, as `redline positions --lineage` and the API do:
a counter-proposal dated after a draft must not silently become "the plan"."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from web_corpus import PLAN, build_store

from redline.api import create_app
from redline.model import PlanVersion, Point
from redline.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

US = PlanVersion(
    PLAN,
    "us-20",
    date(2025, 11, 26),
    points=[
        Point("1", "Ukraine's sovereignty will be confirmed."),
        Point("2", "NATO will not expand further without consent."),
    ],
    author="US",
    based_on="19-points",
)
E3 = PlanVersion(
    PLAN,
    "e3-markup",
    date(2025, 11, 28),
    points=[Point("1", "Ukraine's sovereignty will be confirmed and guaranteed.")],
    author="E3",
    kind="counter-proposal",
    based_on="us-20",
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = build_store(Path(tmp_path_factory.mktemp("lineage")) / "web.db")
    with Store.open(url) as store:
        store.save_plan_version(US)
        store.save_plan_version(E3)
    with TestClient(create_app(url)) as c:
        yield c


def _version_shown(html: str) -> str:
    found = re.search(r'id="points-h">Points of <a [^>]*>[^<(]*\(([^)]+)\)', html)
    assert found, "no points heading"
    return found.group(1)


def test_without_a_lineage_a_later_counter_proposal_is_not_the_plan(client: TestClient) -> None:
    r = client.get("/positions", params={"plan": PLAN})
    assert r.status_code == 200
    assert _version_shown(r.text) == "us-20"


def test_a_lineage_picks_its_own_latest_version(client: TestClient) -> None:
    r = client.get("/positions", params={"plan": PLAN, "lineage": "E3"})
    assert r.status_code == 200
    assert _version_shown(r.text) == "e3-markup"
    # the form offers each author, the chosen one selected
    assert '<option value="E3" selected>E3</option>' in r.text
    assert '<option value="US">US</option>' in r.text
    # the matrix's links and downloads keep the lineage, so a cell reads the same version
    links = re.findall(r'href="([^"]*positions/cell[^"]*)"', r.text)
    assert all("lineage=E3" in link for link in links)
    assert re.search(r'href="[^"]*lineage=E3[^"]*format=csv', r.text)
    assert _version_shown(client.get("/positions", params={"plan": PLAN, "lineage": "US"}).text) == "us-20"


def test_the_issue_matrix_offers_no_lineage(client: TestClient) -> None:
    r = client.get("/positions")
    assert r.status_code == 200
    assert 'name="lineage"' not in r.text


def test_an_unknown_lineage_is_not_found(client: TestClient) -> None:
    assert client.get("/positions", params={"plan": PLAN, "lineage": "Atlantis"}).status_code == 404


@pytest.fixture(scope="module")
def markup_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The README's order: a draft, a European mark-up of it, then the draft's revision (which
    names no base), dated in that order."""
    url = build_store(Path(tmp_path_factory.mktemp("markup")) / "web.db")
    plan = "ceasefire-plan"
    versions = [
        PlanVersion(plan, "draft-1", date(2025, 11, 20), points=[Point("1", "All shelling stops.")]),
        PlanVersion(
            plan,
            "eu-markup",
            date(2025, 11, 29),
            points=[Point("1", "All shelling stops under monitoring.")],
            author="E3",
            kind="counter-proposal",
            based_on="draft-1",
        ),
        PlanVersion(plan, "draft-2", date(2025, 11, 30), points=[Point("1", "All shelling stops at once.")]),
        PlanVersion(
            plan,
            "eu-reply",
            date(2025, 12, 2),
            points=[Point("1", "All shelling stops at once, under monitoring.")],
            author="E3",
            kind="counter-proposal",
            based_on="draft-2",
        ),
    ]
    with Store.open(url) as store:
        for v in versions:
            store.save_plan_version(v)
    with TestClient(create_app(url)) as c:
        yield c


def test_the_plan_page_diffs_the_plan_against_its_own_predecessor(markup_client: TestClient) -> None:
    # neither the later counter-proposal nor the one between the drafts is taken for "the plan"
    html = markup_client.get("/plans/ceasefire-plan").text
    assert "Changes from draft-1 to draft-2" in html
    assert re.search(r'id="points-h">Points of draft-2<', html)
    # the versions table says which is a draft and which a mark-up, by whom, of what
    assert "<td>counter-proposal by E3, marking up draft-1</td>" in html and "<td>draft</td>" in html
    # a counter-proposal asked for is shown against the version it marks up
    html = markup_client.get("/plans/ceasefire-plan", params={"version": "eu-reply"}).text
    assert re.search(r'id="points-h">Points of eu-reply<', html)
    assert "Changes from draft-2 to eu-reply" in html
