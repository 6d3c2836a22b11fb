"""Precision of statement -> plan point links on real news, against a sample annotated by hand.

Statements are the annotated attributions of ``../shared/data/talks`` (their content and gold
issues, so that the figure measures linking, not issue tagging); points are those of the real
US 28-point draft in ``../shared/data/plans``, tagged as ``plan import`` tags them. Both are
read at run time. A fixed-seed sample of linked statements was annotated for this project
(``benchmarks/data/point_links_annotation.json``: talk id, attribution index, the point the
top link named, and whether a reader of the statement would say it is about that point; no
text is stored). The annotation rule: the link is right when the statement's content is about
the substance of that point (its clause, figure or institution), not only about its issue.

Run: PYTHONPATH=src python benchmarks/point_links.py [--shared PATH] [--show N]
(--show prints a new sample to annotate: ids, the top link and the statement, on screen only).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import require_shared

from redline.analysis.linking import LinkOptions, link_statements
from redline.analysis.negotiation import point_tagging
from redline.analysis.plans import load_plan
from redline.analysis.point_tags import tag_points
from redline.knowledge.link_terms import load_generic_link_terms
from redline.model import Span, Speaker, Statement

ANNOTATION = Path(__file__).resolve().parent / "data" / "point_links_annotation.json"
SEED = 11


def statements(talks: Path) -> list[Statement]:
    out: list[Statement] = []
    for path in sorted(talks.glob("t*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for k, a in enumerate(doc.get("attributions", [])):
            content = a.get("content") or ""
            name = a.get("speaker") or "?"
            out.append(
                Statement(
                    id=f"{doc['id']}:{k}",
                    document_id=doc["id"],
                    content=Span(content, 0, len(content)),
                    kind=a.get("type") or "indirect",
                    speaker=Speaker(name, None, Span(name, 0, len(name))),
                    issues=list(a.get("issues") or []),
                    stance=a.get("stance") or "neutral",
                    date=date.fromisoformat(doc["published"][:10]) if doc.get("published") else None,
                )
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path of the shared data (default ../shared)")
    parser.add_argument("--show", type=int, default=0, help="print a sample of N links to annotate")
    args = parser.parse_args()
    shared = require_shared(args.shared)
    tagger, pax = point_tagging()
    plan = tag_points(
        load_plan(shared / "data" / "plans" / "plan-28-points.json", plan="u", label="28"), tagger, pax
    )
    stmts = statements(shared / "data" / "talks")
    t0 = time.perf_counter()
    links = link_statements(stmts, plan.points, LinkOptions(generic=load_generic_link_terms()))
    per = (time.perf_counter() - t0) * 1000 / max(len(stmts), 1)
    by_id = {s.id: s for s in stmts}
    print(f"{len(stmts)} statements, {len(links)} linked to a point of the 28-point draft")
    print(f"linking took {per:.3f} ms per statement (all in one pass)")
    top: dict[int, int] = {}
    for found in links.values():
        top[int(found[0].number)] = top.get(int(found[0].number), 0) + 1
    print("top links per point:", dict(sorted(top.items())))
    if args.show:
        for sid in random.Random(SEED).sample(sorted(links), min(args.show, len(links))):
            lk = links[sid][0]
            print(f"{sid}\tpoint {lk.number}\t{lk.specific}\t{by_id[sid].content.text[:220]}")
        return
    if not ANNOTATION.exists():
        sys.exit(f"no annotation at {ANNOTATION}; run with --show N to draw a sample")
    labels = json.loads(ANNOTATION.read_text(encoding="utf-8"))["links"]
    right = judged = missing = 0
    for item in labels:
        found = links.get(item["statement"])
        if not found or found[0].number != item["point"]:
            missing += 1  # the linker no longer makes this link: not scored
            continue
        judged += 1
        right += bool(item["right"])
    print(
        f"top-link precision on the annotated sample: {right}/{judged} = {right / max(judged, 1):.2f} "
        f"({missing} annotated links no longer made)"
    )


if __name__ == "__main__":
    main()
