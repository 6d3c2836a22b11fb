from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from negotiation_builders import EXAMPLES, FIXTURES, MakeStatement

from redline.analysis.plan_reports import find_reported_changes, reconstruct_version
from redline.analysis.plans import load_plan
from redline.analysis.repository import JsonlStatementSource, JsonPlanRepository, load_parties
from redline.errors import NotFoundError
from redline.knowledge.plan_changes import load_change_lexicon
from redline.model import Extraction, Problem


def test_versions_round_trip_and_sort_by_date(tmp_path: Path) -> None:
    repo = JsonPlanRepository(tmp_path)
    draft = load_plan(
        EXAMPLES / "draft-28-points.md", plan="peace plan", label="28/point", when=date(2025, 11, 20)
    )
    revised = load_plan(
        EXAMPLES / "revised-19-points.md", plan="peace plan", label="19", when=date(2025, 11, 30)
    )
    repo.save_version(revised)
    repo.save_version(draft)
    assert repo.plans() == ["peace plan"]
    assert [v.label for v in repo.versions("peace plan")] == ["28/point", "19"]
    assert repo.get_version("peace plan", "28/point") == draft
    with pytest.raises(NotFoundError, match="no version '20'"):
        repo.get_version("peace plan", "20")


def test_reconstruction_is_kept_until_a_text_is_imported(tmp_path: Path, statement: MakeStatement) -> None:
    repo = JsonPlanRepository(tmp_path)
    draft = load_plan(EXAMPLES / "draft-28-points.md", plan="peace", label="28")
    s = statement("The plan was altered, nixing a general war crimes amnesty", "Sergiy Kyslytsya")
    rec = reconstruct_version(draft, find_reported_changes([s], draft, load_change_lexicon()), label="19")
    repo.save_reconstruction(rec)
    back = repo.get_reconstruction("peace", "19")
    assert back is not None and back.status_of("27") == "removed"
    assert back.entries[26].evidence == rec.entries[26].evidence
    assert repo.get_version("peace", "19").reported
    repo.save_version(load_plan(EXAMPLES / "revised-19-points.md", plan="peace", label="19"))
    assert repo.get_reconstruction("peace", "19") is None
    assert not repo.get_version("peace", "19").reported


def test_jsonl_source_reads_extractions_and_parties(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    good = (FIXTURES / "negotiation_extractions.jsonl").read_text(encoding="utf-8").splitlines()[0]
    path.write_text(good + "\nnot json\n" + json.dumps({"statements": []}) + "\n", encoding="utf-8")
    source = JsonlStatementSource(path)
    items = list(source.extractions())
    assert isinstance(items[0], Extraction) and items[0].statements[0].date == date(2025, 11, 21)
    assert [p.source for p in items if isinstance(p, Problem)] == [f"{path}:2", f"{path}:3"]
    assert source.party_of()["donald-trump"] == "united_states"


def test_actors_file_overrides_parties(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "actors:\n  - {id: donald-trump, name: Donald Trump, party: usa}\n  - {id: nobody}\n",
        encoding="utf-8",
    )
    assert load_parties(actors) == {"donald-trump": "usa", "Donald Trump": "usa"}
    source = JsonlStatementSource(FIXTURES / "negotiation_extractions.jsonl", actors)
    list(source.extractions())
    assert source.party_of()["donald-trump"] == "usa"
