"""The API tests' corpus, built with the fake extractor (no spaCy model), and their helpers.

A module of its own (not conftest) so test modules import it by a name no other directory uses."""

from __future__ import annotations

from datetime import date

from fakes import doc, make_fake
from redline.analysis.claims import refresh_claims
from redline.config import Settings
from redline.ingest import ingest
from redline.model import PlanVersion, Point
from redline.store import Store

TOKEN = "s3cret-token"

ARTICLES = [
    doc(
        1,
        "Talks resumed in Geneva on Sunday. Vladimir Putin said the plan could be a basis for a settlement. "
        "Marco Rubio said the NATO question was still open.\n"
        "Delegations met again on Monday. Volodymyr Zelensky said territory would never be ceded.",
        outlet="Wire",
        day=20,
    ),
    doc(
        2,
        "Dmitry Peskov said sanctions had to be lifted first. "
        "Zelensky said the security guarantees must be binding.",
        outlet="Post",
        day=22,
    ),
    doc(
        3,
        "Officials recalled the weekend. Putin said the plan could be a basis for a settlement.",
        outlet="Globe",
        day=25,
    ),
    doc(
        4,
        "Marco Rubio said a ceasefire was within reach. Dmitry Peskov said NATO would not come closer.",
        outlet="Wire",
        day=27,
    ),
]
N_STATEMENTS = 8

DRAFT = PlanVersion(
    "peace",
    "28-point",
    date(2025, 11, 20),
    "https://example.org/28",
    [
        Point("1", "Ukraine's sovereignty will be confirmed."),
        Point("2", "Ukraine withdraws from the part of Donbas it holds.", issues=["territory"]),
        Point("3", "Ukraine renounces NATO membership.", issues=["nato"]),
    ],
)
REVISED = PlanVersion(
    "peace",
    "19-point",
    date(2025, 11, 24),
    None,
    [
        Point("1", "Ukraine's sovereignty will be confirmed."),
        Point("2", "The line of contact is the starting point for talks on territory.", issues=["territory"]),
    ],
)


def build(url: str) -> str:
    with Store.open(url) as store:
        ingest(ARTICLES, store, Settings(), extractor_factory=make_fake)
        refresh_claims(store)
        store.save_plan_version(DRAFT)
        store.save_plan_version(REVISED)
    return url


def assert_error(response: object, status: int, code: str) -> dict[str, object]:
    """The one error shape: {"error": {"status", "code", "message", "hint"?, "details"?}}."""
    from httpx import Response

    assert isinstance(response, Response)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["error"]
    err = body["error"]
    assert set(err) <= {"status", "code", "message", "hint", "details"}
    assert err["status"] == status and err["code"] == code
    assert isinstance(err["message"], str) and err["message"]
    return dict(err)
