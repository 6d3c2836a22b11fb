"""A move from conditional support to support is a shift of its own kind, a nuance, and the API,
the dashboard and the command line name the kind of every shift alike, from the store's walk.
Sentences written for this test."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from fakes import SaidExtractor, doc
from redline.api import create_app
from redline.cli import app as cli
from redline.store import Prepared, Store, fingerprint

SAID = [  # (day, what Erik Lund said): against, then with conditions, then without
    (2, "Erik Lund said the plan would never pass."),
    (3, "Erik Lund said the plan could not be signed."),
    (10, "Erik Lund said the plan could pass only if the ports stay open."),
    (11, "Erik Lund said the plan could pass only if the quotas are phased in."),
    (12, "Erik Lund said the plan could pass only if the fleet keeps its waters."),
    (22, "Erik Lund said the plan had his full backing."),
    (23, "Erik Lund said the plan was a good one."),
    (24, "Erik Lund said the plan should be signed this week."),
    (25, "Erik Lund said the plan deserved a vote."),
]


def _store(url: str, upto: str | None = None) -> None:
    """The statements of ``SAID``, those with "only if" conditional (the fake reads none so)."""
    fake = SaidExtractor()
    with Store.open(url, upto=upto) as store:
        for n, (day, text) in enumerate(SAID, start=1):
            d = doc(n, text, day=day)
            ex = next(fake.extract([d]))
            stmts = [
                dataclasses.replace(s, stance="conditional") if "only if" in s.content.text else s
                for s in ex.statements
            ]
            ex = dataclasses.replace(ex, statements=stmts)
            store.write([Prepared(ex, fingerprint(d.text, d.url, d.content_hash))])


KINDS = [("oppose", "conditional", "reversal"), ("conditional", "support", "nuance")]


def test_every_interface_names_the_kind_of_a_shift(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kinds.db'}"
    _store(url)
    with TestClient(create_app(url)) as client:
        data = client.get("/api/v1/positions", params={"by": "actor"}).json()
        assert [(s["before"], s["after"], s["kind"]) for s in data["shifts"]] == KINDS
        html = client.get("/positions", params={"by": "actor"}).text
        shifts = html[html.index('<table class="shifts">') :]
        assert '<th scope="col">Kind</th>' in shifts
        assert shifts.index("<td>reversal</td>") < shifts.index("<td>nuance</td>")
    out = CliRunner().invoke(cli, ["positions", "--by", "actor", "--db", url, "-f", "json"])
    assert out.exit_code == 0, out.output
    assert [(s["before"], s["after"], s["kind"]) for s in json.loads(out.stdout)["shifts"]] == KINDS
    table = CliRunner().invoke(cli, ["positions", "--by", "actor", "--db", url])
    assert "shift (nuance): Erik Lund" in table.stdout and "shift (reversal): Erik Lund" in table.stdout


def test_a_store_walked_before_nuances_is_walked_anew(tmp_path: Path) -> None:
    """Migration 0031 walks every cell again: a store whose walk kept no nuance (as one made by an
    earlier release) shows the move from conditional to support once opened."""
    from sqlalchemy import delete

    from redline.analysis.stored_positions import stored_positions
    from redline.store.schema import position_shift, position_turn

    url = f"sqlite:///{tmp_path / 'old.db'}"
    _store(url, upto="0030_content_search")
    with Store.open(url, upto="0030_content_search") as old:
        with old.engine.begin() as conn:
            for kept in (position_shift, position_turn):
                conn.execute(delete(kept).where(kept.c.shift_before == "conditional"))
        assert [sh.kind for sh in stored_positions(old, by="actor").result.shifts] == ["reversal"]
    with Store.open(url) as store:
        assert "0031_nuance_shifts" in store.migrations()
        assert [sh.kind for sh in stored_positions(store, by="actor").result.shifts] == ["reversal", "nuance"]
