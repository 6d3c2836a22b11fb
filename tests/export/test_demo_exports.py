"""Exports of the bundled example corpus, extracted by the real pipeline (needs the spaCy model)."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from sqlalchemy import select

from redline.config import Settings
from redline.demo import run_demo
from redline.export import export_dna, export_network, export_statements
from redline.ingest import ExtractorLike
from redline.knowledge.issues import load_issues
from redline.store import StatementFilter, Store
from redline.store.schema import document

pytestmark = pytest.mark.model


def test_real_extractions_export_with_exact_offsets(db_url: str, extractor: ExtractorLike) -> None:
    with Store.open(db_url) as store:
        run_demo(store, Settings(db=db_url), extractor_factory=lambda _settings: extractor)
        with store.engine.connect() as conn:
            texts = dict(conn.execute(select(document.c.id, document.c.text)).all())
        out = io.StringIO()
        f = StatementFilter(include_duplicates=True)
        n = export_statements(store, out, "csv", f)
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert n == len(rows) == store.counts()["statements"]  # the demo makes no corrections
        for r in rows:
            assert texts[r["document_id"]][int(r["content_start"]) : int(r["content_end"])] == r["content"]
        assert {r["duplicate"] for r in rows} == {"true", "false"}  # the demo has reprints

        dna = io.StringIO()
        export_dna(store, dna, taxonomy=load_issues())
        coded = list(csv.DictReader(io.StringIO(dna.getvalue()), delimiter=";"))
        assert coded and {r["agreement"] for r in coded} <= {"0", "1"}
        assert {r["concept"] for r in coded} <= {i.label for i in load_issues().issues}

        graph = io.StringIO()
        export_network(store, graph, "actor-issue", "graphml")
        g = nx.parse_graphml(graph.getvalue())
        edges = list(g.edges(data=True))
        assert edges and all(d["weight"] == d["support"] + d["conditional"] - d["oppose"] for *_, d in edges)
