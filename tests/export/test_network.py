"""Networks: GraphML/GEXF read back with networkx give the expected nodes, edges and weights."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import networkx as nx
import pytest

from redline.errors import ConfigError
from redline.export import build_graph, export_network
from redline.knowledge.issues import load_issues
from redline.knowledge.shift_cues import shift_knowledge
from redline.store import StatementFilter, Store
from redline.store.tallies import reversal_of

PACKAGED = reversal_of(shift_knowledge())  # the packaged cues and places


def _graphml(store: Store, kind: str, normalise: str = "none", f: StatementFilter | None = None) -> nx.Graph:
    out = io.StringIO()
    export_network(store, out, kind, "graphml", f, load_issues(), normalise=normalise)
    return nx.parse_graphml(out.getvalue())


def test_actor_issue_graph_counts_stances(store: Store) -> None:
    g = _graphml(store, "actor-issue")
    edges = {(a, b): d for a, b, d in g.edges(data=True)}

    def edge(actor: str, issue: str) -> dict[str, object]:
        return edges.get((f"actor:{actor}", f"issue:{issue}")) or edges[(f"issue:{issue}", f"actor:{actor}")]

    assert len(edges) == 8
    plan = edge("vladimir-putin", "plan_overall")
    assert (plan["conditional"], plan["support"], plan["weight"]) == (1, 0, 1)
    assert (
        edge("volodymyr-zelensky", "territory")["oppose"],
        edge("volodymyr-zelensky", "territory")["weight"],
    ) == (
        1,
        -1,
    )
    neutral = edge("emmanuel-macron", "plan_overall")
    assert (neutral["neutral"], neutral["weight"], neutral["statements"]) == (1, 0, 1)
    assert edge("vladimir-putin", "ceasefire")["first_date"] == "2025-11-21"
    putin = g.nodes["actor:vladimir-putin"]
    assert (putin["name"], putin["party"], putin["kind"], putin["statements"], putin["bipartite"]) == (
        "Vladimir Putin",
        "russia",
        "kb",
        3,
        0,
    )
    assert g.nodes["issue:ceasefire"]["name"] == "Ceasefire" and g.nodes["issue:ceasefire"]["statements"] == 2
    assert "actor:marco-rubio" not in g  # rejected
    assert "issue:nato" in g


def test_congruence_network(store: Store) -> None:
    g = _graphml(store, "actor-actor")
    assert sorted(g.nodes) == ["emmanuel-macron", "vladimir-putin", "volodymyr-zelensky"]
    assert [(sorted((a, b)), d["weight"], d["issues"]) for a, b, d in g.edges(data=True)] == [
        (["emmanuel-macron", "vladimir-putin"], 1, "ceasefire")
    ]


def test_conflict_network(store: Store) -> None:
    g = _graphml(store, "actor-actor-conflict")
    assert [(sorted((a, b)), d["weight"], d["issues"]) for a, b, d in g.edges(data=True)] == [
        (["vladimir-putin", "volodymyr-zelensky"], 1, "territory")
    ]


@pytest.mark.parametrize(("how", "weight"), [("jaccard", 0.25), ("average", 0.4), ("cosine", 0.5)])
def test_normalised_weights(store: Store, how: str, weight: float) -> None:
    # Putin takes 4 sides (plan, territory, ceasefire, sanctions), Macron 1 (ceasefire)
    g = _graphml(store, "actor-actor", how)
    (_, _, d), *_ = g.edges(data=True)
    assert (d["weight"], d["count"]) == (pytest.approx(weight), 1)


def test_filters_narrow_the_graph(store: Store) -> None:
    g = _graphml(store, "actor-issue", f=StatementFilter(issue="territory", limit=None))
    assert sorted(n for n in g if n.startswith("issue:")) == ["issue:territory"]
    later = _graphml(store, "actor-issue", f=StatementFilter(since=date(2025, 11, 23)))
    assert sorted(later.nodes) == ["actor:emmanuel-macron", "issue:ceasefire", "issue:plan_overall"]


def test_gexf_and_csv(store: Store) -> None:
    out = io.StringIO()
    export_network(store, out, "actor-actor", "gexf")
    assert "lastmodifieddate" not in out.getvalue()  # a date would change the bytes every day
    g = nx.read_gexf(io.BytesIO(out.getvalue().encode()))
    assert g.number_of_edges() == 1
    edges = io.StringIO()
    export_network(store, edges, "actor-actor-conflict", "csv")
    rows = list(csv.DictReader(io.StringIO(edges.getvalue())))
    assert rows == [
        {
            "source": "vladimir-putin",
            "target": "volodymyr-zelensky",
            "source_name": "Vladimir Putin",
            "target_name": "Volodymyr Zelensky",
            "weight": "1",
            "count": "1",
            "issues": "territory",
            "statement_ids": rows[0]["statement_ids"],
        }
    ]


def test_node_link_json(store: Store) -> None:
    out = io.StringIO()
    export_network(store, out, "actor-actor-conflict", "json")
    data = json.loads(out.getvalue())
    assert [(e["source"], e["target"], e["weight"]) for e in data["edges"]] == [
        ("vladimir-putin", "volodymyr-zelensky", 1)
    ]
    assert {n["id"]: n["party"] for n in data["nodes"]}["volodymyr-zelensky"] == "ukraine"


def test_output_is_stable(store: Store) -> None:
    a, b = io.StringIO(), io.StringIO()
    export_network(store, a, "actor-issue", "graphml")
    export_network(store, b, "actor-issue", "graphml")
    assert a.getvalue() == b.getvalue()


def test_bad_choices_are_config_errors(store: Store) -> None:
    with pytest.raises(ConfigError, match="--kind 'issue-issue' is not one of"):
        build_graph("issue-issue", [], {}, reversal=PACKAGED)
    with pytest.raises(ConfigError, match="actor-actor networks only"):
        build_graph("actor-issue", [], {}, reversal=PACKAGED, normalise="jaccard")
    with pytest.raises(ConfigError, match="cannot export a network as 'pajek'"):
        export_network(store, io.StringIO(), "actor-issue", "pajek")


@pytest.mark.parametrize("kind", ["actor-issue", "actor-actor", "actor-actor-conflict"])
def test_every_edge_leads_back_to_its_statements(store: Store, kind: str) -> None:
    """An edge carried counts only; it now names its statements (whose document, offsets and
    extractor the statements export gives) and the graph the extractor versions behind it."""
    g = _graphml(store, kind)
    records = {r["id"]: r for r in store.iter_statement_records(None)}
    assert g.graph["extractors"] and set(g.graph["extractors"].split(";")) <= {
        r["extractor"] for r in records.values()
    }
    assert g.number_of_edges() > 0
    for a, b, data in g.edges(data=True):
        ids = data["statement_ids"].split(";")
        assert ids and all(i in records for i in ids), (a, b)
        speakers = {records[i]["actor_id"] for i in ids}
        assert speakers <= {a.removeprefix("actor:"), b.removeprefix("actor:")}, (a, b)
        if kind == "actor-issue":
            assert len(ids) == data["statements"]
