"""The dashboard tests' corpus: documents written to exercise the pages, and two plan versions.

A title, URL and text carry markup and quotes that must come out escaped; a claim is carried
by two outlets; one speaker is in no knowledge base (unaffiliated); a plan changes between
versions.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fakes import make_fake
from redline.analysis.claims import refresh_claims
from redline.analysis.db_repository import SqlPlanRepository
from redline.analysis.plan_reports import ReconstructedPoint, ReconstructedVersion, ReportedChange
from redline.config import Settings
from redline.ingest import ingest
from redline.model import Actor, Document, PlanVersion, Point
from redline.store import StatementFilter, Store

HOSTILE_TEXT = (
    'Volodymyr Zelensky said the "plan" <b>must</b> never cede territory & more. '
    "<script>alert('x')</script> Officials' notes were \"leaked\"."
)
HOSTILE_TITLE = 'Talks "stall" <i>again</i> & more'


def _doc(n: int, text: str, outlet: str, day: int, **kw: str) -> Document:
    return Document(
        id=f"d{n}",
        text=text,
        outlet=outlet,
        published=date(2025, 11, day),
        title=kw.get("title", f"Article {n}"),
        url=kw.get("url", f"https://news.example/{n}"),
    )


DOCS = [
    _doc(1, "Vladimir Putin said the plan could be a basis for a settlement. It rained.", "Wire", 20),
    _doc(2, HOSTILE_TEXT, "Post", 28, title=HOSTILE_TITLE, url="javascript:alert(1)"),
    _doc(
        3,
        "In a televised interview on Thursday evening, with aides at his side, Putin said the plan could "
        "be a basis for a settlement. Kyiv has not yet replied to the remarks.",
        "Globe",
        20,
    ),
    _doc(4, "Marta Kowalczyk said the ceasefire would not hold.", "Daily", 25),
    _doc(5, "Vladimir Putin said territory guarantees would never be accepted.", "Post", 26),
    _doc(6, "Vladimir Putin said the plan was not acceptable in its present form.", "Wire", 27),
]

PLAN = "peace-plan"
OLD = PlanVersion(
    PLAN,
    "28-points",
    date(2025, 11, 20),
    points=[
        Point("1", "Ukraine's sovereignty will be confirmed."),
        Point("2", "NATO will not expand further."),
        Point("3", "The army of Ukraine will be capped at 600,000 personnel."),
    ],
)
NEW = PlanVersion(
    PLAN,
    "19-points",
    date(2025, 11, 24),
    points=[
        Point("1", "Ukraine's sovereignty will be confirmed."),
        Point("2", "NATO will not expand further without consent."),
    ],
)

GUARANTEES = PlanVersion(
    "guarantees",
    "draft",
    date(2025, 11, 25),
    points=[
        Point("1", "Territory guarantees will be accepted by every party.", issues=["territory"]),
        Point("2", "A joint commission will monitor the ceasefire line.", issues=["ceasefire"]),
        Point("10", "The ceasefire will hold while talks go on.", issues=["ceasefire"]),
    ],
)


def reported_version(statement_id: str) -> ReconstructedVersion:
    """A version known only from reporting: point 3 dropped, as statement ``statement_id`` says."""
    quote = "the army cap was dropped"
    change = ReportedChange(
        change="removed",
        verb="dropped",
        target="army cap",
        point="3",
        score=0.9,
        statement_id=statement_id,
        document_id="d6",
        quote=quote,
        speaker="Putin",
        date=None,
    )
    version = PlanVersion(PLAN, "reported", date(2025, 11, 27), points=OLD.points[:2], reported=True)
    entries = [
        ReconstructedPoint("1", OLD.points[0].text, "unchanged"),
        ReconstructedPoint("2", OLD.points[1].text, "unchanged"),
        ReconstructedPoint("3", OLD.points[2].text, "removed", [change]),
    ]
    return ReconstructedVersion(version, OLD.label, entries)


def build_store(where: Path | str) -> str:
    """Ingest DOCS with the fake extractor into a new SQLite file (or a database URL); return the URL."""
    url = where if isinstance(where, str) else f"sqlite:///{where}"
    with Store.open(url) as store:
        store.add_actors(
            [
                Actor("vladimir-putin", "Vladimir Putin", aliases=["Putin"], party="russia"),
                Actor("volodymyr-zelensky", "Volodymyr Zelensky", party="ukraine"),
            ]
        )
        ingest(DOCS, store, Settings(), extractor_factory=make_fake)
        refresh_claims(store)
        store.save_plan_version(OLD)
        store.save_plan_version(NEW)
        store.save_plan_version(GUARANTEES)
        (said,) = store.statements(StatementFilter(document="d6"))
        SqlPlanRepository(store).save_reconstruction(reported_version(said["id"]))
    return url
