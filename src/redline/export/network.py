"""Networks for Gephi and network analysis: who takes which stance on what, and who sides with whom.

Three graphs, built with networkx from the statements (corrections applied, rejected and
reprinted ones left out) of speakers resolved to an actor:

- ``actor-issue``: two-mode. An edge joins an actor and an issue it spoke on, with the number
  of support, oppose, conditional and neutral statements and a signed ``weight`` =
  support + conditional - oppose (conditional counts as agreement, as in the DNA export).
- ``actor-actor``: DNA's congruence network. Each actor has a set of (issue, agreement)
  pairs from its non-neutral statements; an edge counts the pairs two actors share, i.e. the
  issues on which both take the same side (an actor that said both is counted on both).
- ``actor-actor-conflict``: the same with opposite sides on an issue.

``normalise`` divides one-mode weights by the two actors' activity so prolific speakers do not
dominate: ``average`` (mean of the two set sizes), ``jaccard`` (size of the union) or
``cosine`` (geometric mean); ``count`` always keeps the raw number. Nodes carry name, party,
kind and statement count; nodes and edges are added in sorted order so output is stable.
Every edge names the statements behind it (``statement_ids``, ``;``-separated: the statements
export gives each one's document, offsets and extractor) and each graph the extractor versions
that made them (``extractors``), so a tie in Gephi leads back to its sentences.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any, TextIO

from redline.balance import ReversalTest
from redline.errors import ConfigError
from redline.export.dna import agreement

if TYPE_CHECKING:
    import networkx as nx
from redline.export.output import check_choice, check_format
from redline.export.tables import write_csv
from redline.knowledge.issues import Taxonomy
from redline.model import STANCES
from redline.store import StatementFilter, Store
from redline.store.tallies import record_columns, record_stance

NETWORK_KINDS = ("actor-issue", "actor-actor", "actor-actor-conflict")
NETWORK_FORMATS = ("graphml", "gexf", "csv", "json")
NORMALISATIONS = ("none", "average", "jaccard", "cosine")
STANCE_COUNTS = STANCES
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


@dataclass(slots=True)
class Tally:
    """What the graphs are built from, gathered in one pass over the statements."""

    statements: Counter[str] = field(default_factory=Counter)  # actor -> statements
    issue_statements: Counter[str] = field(default_factory=Counter)  # issue -> statements
    stances: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)  # (actor, issue)
    dates: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (actor, issue) -> first, last
    sides: dict[str, set[tuple[str, int]]] = field(default_factory=lambda: defaultdict(set))
    # provenance: the statements behind each (actor, issue), all and those taking a side, and
    # the extractor versions that made them
    ids: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    side_ids: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    extractors: set[str] = field(default_factory=set)


def tally(records: Iterable[Mapping[str, Any]], reversal: ReversalTest, issue: str | None = None) -> Tally:
    """Count stances per actor and issue, on the columns the store's tallies count them on
    (``reversal``: the store's test); ``issue`` keeps only that issue's edges."""
    t = Tally()
    for r in records:
        actor_id = r["actor_id"]
        if not actor_id:
            continue
        issues = [i for i in record_columns(r, reversal) if issue is None or i == issue]
        t.statements[actor_id] += 1
        if issues and r.get("extractor"):
            t.extractors.add(r["extractor"])
        for i in issues:
            stance = record_stance(r, i)  # the stance toward this issue, as the matrix counts it
            agree, _ = agreement(stance)
            t.ids[(actor_id, i)].append(r["id"])
            if agree is not None:
                t.side_ids[(actor_id, i)].append(r["id"])
            t.issue_statements[i] += 1
            t.stances.setdefault((actor_id, i), Counter())[stance] += 1
            if r["date"]:
                span = t.dates.setdefault((actor_id, i), [r["date"], r["date"]])
                span[0], span[1] = min(span[0], r["date"]), max(span[1], r["date"])
            if agree is not None:
                t.sides[actor_id].add((i, agree))
    return t


def _actor_node(actor_id: str, actors: Mapping[str, Mapping[str, Any]], t: Tally) -> dict[str, Any]:
    info = actors.get(actor_id, {})
    return {
        "type": "actor",
        "bipartite": 0,
        "name": info.get("name") or actor_id,
        "party": info.get("party") or "",
        "kind": info.get("kind") or "",
        "statements": t.statements[actor_id],
    }


def actor_issue_graph(
    t: Tally, actors: Mapping[str, Mapping[str, Any]], taxonomy: Taxonomy | None = None
) -> nx.Graph:
    """Two-mode graph: actor nodes ``actor:ID``, issue nodes ``issue:ID``, stance counts on edges."""
    import networkx as nx  # imported here: only network exports need it, and it is slow to load

    g = nx.Graph(kind="actor-issue", extractors=";".join(sorted(t.extractors)))
    labels = {i.id: i.label for i in taxonomy.issues} if taxonomy else {}
    for actor_id in sorted({a for a, _ in t.stances}):
        g.add_node(f"actor:{actor_id}", **_actor_node(actor_id, actors, t))
    for issue in sorted({i for _, i in t.stances}):
        g.add_node(
            f"issue:{issue}",
            type="issue",
            bipartite=1,
            name=labels.get(issue, issue),
            party="",
            kind="issue",
            statements=t.issue_statements[issue],
        )
    for (actor_id, issue), counts in sorted(t.stances.items()):
        first, last = t.dates.get((actor_id, issue), ["", ""])
        g.add_edge(
            f"actor:{actor_id}",
            f"issue:{issue}",
            **{s: counts[s] for s in STANCE_COUNTS},
            statements=sum(counts.values()),
            weight=counts["support"] + counts["conditional"] - counts["oppose"],
            first_date=first,
            last_date=last,
            statement_ids=";".join(sorted(t.ids[(actor_id, issue)])),
        )
    return g


def _pairs(sides: Mapping[str, set[tuple[str, int]]], conflict: bool) -> dict[tuple[str, str], list[str]]:
    """Actor pairs (sorted ids) -> the issues behind each shared (or opposed) side, one per pair."""
    holders: dict[tuple[str, int], list[str]] = defaultdict(list)
    for actor_id in sorted(sides):
        for side in sides[actor_id]:
            holders[side].append(actor_id)
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (issue, agree), group in sorted(holders.items()):
        if conflict:
            if agree != 1:
                continue
            for a in group:
                for b in holders.get((issue, 0), []):
                    if a != b:
                        found[(min(a, b), max(a, b))].append(issue)
        else:
            for a, b in combinations(group, 2):
                found[(a, b)].append(issue)
    return found


def _normalised(count: int, a: set[Any], b: set[Any], how: str) -> float:
    if how == "average":
        return count / ((len(a) + len(b)) / 2)
    if how == "jaccard":
        return count / len(a | b)
    if how == "cosine":
        return count / math.sqrt(len(a) * len(b))
    return float(count)


def actor_actor_graph(
    t: Tally,
    actors: Mapping[str, Mapping[str, Any]],
    *,
    conflict: bool = False,
    normalise: str = "none",
) -> nx.Graph:
    """One-mode congruence (or conflict) network between actors that took a side on an issue."""
    check_choice(normalise, NORMALISATIONS, "--normalise")
    import networkx as nx

    g = nx.Graph(
        kind="actor-actor-conflict" if conflict else "actor-actor",
        normalise=normalise,
        extractors=";".join(sorted(t.extractors)),
    )
    for actor_id in sorted(t.sides):
        g.add_node(actor_id, **_actor_node(actor_id, actors, t))
    for (a, b), issues in sorted(_pairs(t.sides, conflict).items()):
        count = len(issues)
        weight: float | int = count
        if normalise != "none":
            weight = round(_normalised(count, t.sides[a], t.sides[b], normalise), 6)
        behind = {x for i in set(issues) for x in (*t.side_ids[(a, i)], *t.side_ids[(b, i)])}
        g.add_edge(
            a,
            b,
            weight=weight,
            count=count,
            issues=";".join(sorted(set(issues))),
            statement_ids=";".join(sorted(behind)),
        )
    return g


def build_graph(
    kind: str,
    records: Iterable[Mapping[str, Any]],
    actors: Mapping[str, Mapping[str, Any]],
    taxonomy: Taxonomy | None = None,
    *,
    reversal: ReversalTest,
    issue: str | None = None,
    normalise: str = "none",
) -> nx.Graph:
    """The graph of ``kind`` (see NETWORK_KINDS) from statement records (``reversal``: the
    store's test, ``Store.reversal``)."""
    check_choice(kind, NETWORK_KINDS, "--kind")
    t = tally(records, reversal, issue)
    if kind == "actor-issue":
        if normalise != "none":
            raise ConfigError("--normalise applies to actor-actor networks only", hint="drop --normalise")
        return actor_issue_graph(t, actors, taxonomy)
    return actor_actor_graph(t, actors, conflict=kind == "actor-actor-conflict", normalise=normalise)


def _edge_rows(g: nx.Graph) -> Iterator[dict[str, Any]]:
    for a, b, data in g.edges(data=True):
        yield {
            "source": a,
            "target": b,
            "source_name": g.nodes[a]["name"],
            "target_name": g.nodes[b]["name"],
            **data,
        }


def write_graph(g: nx.Graph, fmt: str, out: TextIO) -> None:
    import networkx as nx

    """GraphML, GEXF (no modification date, so output is stable), a CSV edge list or node-link JSON."""
    check_format(fmt, NETWORK_FORMATS, "a network")
    if fmt == "graphml":
        for line in nx.generate_graphml(g):
            out.write(line + "\n")
    elif fmt == "json":
        out.write(json.dumps(nx.node_link_data(g, edges="edges"), ensure_ascii=False, indent=1) + "\n")
    elif fmt == "gexf":
        for line in nx.generate_gexf(g):
            out.write(_GEXF_DATE.sub("", line) + "\n")
    else:
        if g.graph["kind"] == "actor-issue":
            extra: tuple[str, ...] = (*STANCE_COUNTS, "statements", "weight", "first_date", "last_date")
        else:
            extra = ("weight", "count", "issues")
        extra = (*extra, "statement_ids")
        write_csv(_edge_rows(g), ("source", "target", "source_name", "target_name", *extra), out)


def export_network(
    store: Store,
    out: TextIO,
    kind: str = "actor-issue",
    fmt: str = "graphml",
    f: StatementFilter | None = None,
    taxonomy: Taxonomy | None = None,
    *,
    normalise: str = "none",
) -> nx.Graph:
    """Build the network of ``kind`` from the statements matching ``f`` and write it as ``fmt``."""
    check_format(fmt, NETWORK_FORMATS, "a network")
    g = build_graph(
        kind,
        store.iter_statement_records(f),
        store.actor_records(),
        taxonomy,
        reversal=store.reversal,
        issue=f.issue if f else None,
        normalise=normalise,
    )
    write_graph(g, fmt, out)
    return g
