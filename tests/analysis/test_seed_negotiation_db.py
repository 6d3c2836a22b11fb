"""Issue 4's acceptance case through the real pipeline and the database.

The seed article is extracted and stored, the example plan's 28-point draft imported, and
everything the analysis then says is read back from the database: Putin's positions,
Kyslytsya's report of the revised draft, Yermak's report of continued work, Witkoff's trip.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from redline.analysis import negotiation as lib
from redline.analysis.db_repository import SqlPlanRepository, SqlStatementSource
from redline.config import Settings
from redline.ingest import ExtractorLike, ingest
from redline.knowledge.plan_changes import load_change_lexicon
from redline.model import Document
from redline.store import Store

pytestmark = [pytest.mark.model, pytest.mark.shared]

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "examples" / "plans" / "draft-28-points.md"


@pytest.fixture(scope="module")
def seeded(
    shared: Path, extractor: ExtractorLike, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, lib.Corpus]]:
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    with Store.open(url) as store:
        report = ingest(
            [Document(id="seed", text=text, published=date(2025, 11, 27))],
            store,
            Settings(db=url),
            extractor_factory=lambda _settings: extractor,
        )
        assert report.stored == 1 and report.statements > 0
        tagger, pax = lib.point_tagging()
        lib.import_plan(
            SqlPlanRepository(store),
            DRAFT,
            plan="peace",
            label="28-point",
            when=date(2025, 11, 20),
            tagger=tagger,
            pax=pax,
        )
        yield store, lib.read_corpus(SqlStatementSource(store), store.knowledge)


def test_putin_for_russia_supports_the_plan_territory_recognition_and_calls_kyiv_illegitimate(
    seeded: tuple[Store, lib.Corpus],
) -> None:
    _, corpus = seeded
    assert corpus.party_of["vladimir-putin"] == "russia"
    matrix = lib.positions(corpus, by="party").matrix
    for issue in ("plan_overall", "territory", "recognition", "elections_legitimacy"):
        cell = matrix.get("russia", issue)
        assert cell is not None, issue
        assert cell.stance == "support", issue
        assert cell.quote.speaker is not None and cell.quote.speaker.name == "Vladimir Putin"
    legitimacy = matrix.get("russia", "elections_legitimacy")
    assert legitimacy is not None and "illegitimate" in legitimacy.quote.content.text


def test_kyslytsya_reconstructs_the_revised_draft_without_army_cap_and_amnesty(
    seeded: tuple[Store, lib.Corpus],
) -> None:
    store, corpus = seeded
    repo = SqlPlanRepository(store)
    lib.reconstruct_from_reports(
        repo, corpus, load_change_lexicon(), plan="peace", base="28-point", label="revised"
    )
    rec = repo.get_reconstruction("peace", "revised")  # read back from the database
    assert rec is not None and rec.version.reported
    removed = {e.number: e for e in rec.entries if e.status == "removed"}
    assert set(removed) == {"6", "27"}
    assert "600,000" in removed["6"].text and "amnesty" in removed["27"].text
    for entry in removed.values():
        assert [c.speaker for c in entry.evidence] == ["Sergiy Kyslytsya"]
    assert [v.label for v in repo.versions("peace")] == ["28-point", "revised"]


def test_yermak_reports_continued_work_on_the_process(seeded: tuple[Store, lib.Corpus]) -> None:
    _, corpus = seeded
    yermak = [s for s in corpus.statements if s.speaker and s.speaker.name == "Andriy Yermak"]
    assert yermak and any("process" in s.issues and "continue" in s.content.text for s in yermak)
    cell = lib.positions(corpus, by="party").matrix.get("ukraine", "process")
    assert cell is not None and cell.quote.speaker is not None
    assert cell.quote.speaker.name == "Andriy Yermak"


def test_witkoffs_planned_moscow_trip_is_on_the_timeline(seeded: tuple[Store, lib.Corpus]) -> None:
    _, corpus = seeded
    entries = lib.timeline(corpus, actor="Witkoff")
    trips = [e for e in entries if e.kind == "event" and e.detail == "visit"]
    assert trips and trips[0].planned and "Steve Witkoff" in trips[0].actors
    events = [ev for ex in corpus.extractions for ev in ex.events if "Steve Witkoff" in ev.actors]
    assert any(ev.type == "visit" and ev.place == "Moscow" for ev in events)
