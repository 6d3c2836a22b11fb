"""Reported changes: does a sentence that reports a change to a draft attach to the right point?

    PYTHONPATH=src python benchmarks/reported_changes.py [--shared PATH] [-v]

The base is the real US 28-point draft (``../shared/data/plans``, read at run time). Two sets:

- sentences written for this benchmark (below), each with the changes it reports: (change,
  point of the US draft) or an addition; idioms and provision descriptions report none;
- real statements of the talks set (``../shared/data/talks``): every gold attribution whose
  content reports a change between versions or looks like one (a change verb near a word for a
  text), found by search and labelled by hand in ``benchmarks/data/reported_changes_labels.json``
  (ids only). The finder runs on the gold content and issues, and end to end on redline's own
  extraction of the whole set, where any change found in a statement not labelled with that
  change counts as wrong.

Printed: changes found right / found (precision), expected changes found (recall), and the
statements that report no change but got one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import load_scorer, require_shared
from _talks_store import gold_attributions, load_talks, match_gold, talks_store

from redline.analysis.plan_reports import find_reported_changes
from redline.analysis.plans import load_plan
from redline.knowledge.plan_changes import load_change_lexicon
from redline.model import PlanVersion, Span, Statement

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "reported_changes_labels.json"
Change = tuple[str, str | None]  # (removed | added | modified, point number; None for an addition)

# (sentence, issues the extractor would give, the changes it reports)
SENTENCES: list[tuple[str, tuple[str, ...], list[Change]]] = [
    (
        "The plan has since been reworked, nixing the 600,000 cap on Ukraine's army.",
        ("plan_overall",),
        [("removed", "6")],
    ),
    (
        "Officials said the amnesty clause had been dropped from the draft.",
        ("amnesty_justice",),
        [("removed", "26")],
    ),
    (
        "The revised text raised the cap on Ukraine's armed forces to 800,000.",
        ("military_limits",),
        [("modified", "6")],
    ),
    (
        "The new draft no longer mentions elections within 100 days.",
        ("elections_legitimacy",),
        [("removed", "25")],
    ),
    (
        "The clause on the Zaporizhzhia nuclear plant was struck out of the text.",
        ("nuclear_plant",),
        [("removed", "19")],
    ),
    ("The provision on NATO troops in Ukraine was removed from the draft.", ("nato",), [("removed", "8")]),
    ("The drafters softened the point barring Ukraine from joining NATO.", ("nato",), [("modified", "7")]),
    (
        "The amended draft dropped the use of frozen Russian assets for US-led projects.",
        ("sanctions_economy",),
        [("removed", "14")],
    ),
    (
        "The Europeans added a clause on an international fund for reconstruction.",
        ("sanctions_economy",),
        [("added", None)],
    ),
    ("Negotiators were close to striking a deal on the framework.", ("plan_overall",), []),
    ("Both sides hope to strike a deal on the plan before the end of the month.", ("plan_overall",), []),
    ("Russian troops were removed from positions near Kherson.", ("territory",), []),
    ("The updated version of the plan has been cut from 28 to 19 points.", ("plan_overall",), []),
    ("He added that talks on the draft would resume next week.", ("plan_overall",), []),
    ("Certain wording in the document may have been revised.", ("plan_overall",), []),
    (
        "Washington introduced new sanctions on Russian oil companies, the proposal's backers said.",
        ("sanctions_economy",),
        [],
    ),
    ("Questions about the proposals raised in Europe went unanswered.", ("plan_overall",), []),
    ("The draft would drastically reduce the size of Ukraine's army.", ("military_limits",), []),
]

# (passage, the statement in it, issues, the changes it reports): a change to "this clause",
# which the sentence before names (written for this benchmark)
PASSAGES: list[tuple[str, str, tuple[str, ...], list[Change]]] = [
    (
        "Kyiv objected above all to a point that would have granted, in broad terms, a full amnesty"
        " for acts committed during the war. Officials later said this clause had been removed.",
        "this clause had been removed",
        ("amnesty_justice",),
        [("removed", "26")],
    ),
    (
        "Europe's mark-up took issue with the provision on the Zaporizhzhia nuclear power plant."
        " Diplomats said that provision was struck out.",
        "that provision was struck out",
        ("nuclear_plant",),
        [("removed", "19")],
    ),
    (
        "The talks in Geneva ran late into the night over the 28-point plan."
        " Officials said this clause had been removed.",
        "this clause had been removed",
        ("plan_overall",),
        [],
    ),
]


def changes(
    statements: Sequence[Statement], base: PlanVersion, texts: Mapping[str, str] | None = None
) -> dict[str, list[Change]]:
    out: dict[str, list[Change]] = {s.id: [] for s in statements}
    for c in find_reported_changes(statements, base, load_change_lexicon(), texts):
        out[c.statement_id].append((c.change, None if c.change == "added" else c.point))
    return out


def score(found: dict[str, list[Change]], want: dict[str, list[Change]]) -> tuple[int, int, int, int, int]:
    """(right, found, expected found, expected, statements with no change given one)."""
    right = n_found = hit = n_want = alarms = 0
    for sid, got in found.items():
        expected = want.get(sid, [])
        right += sum(1 for c in set(got) if c in expected)
        n_found += len(set(got))
        alarms += bool(got) and not expected
    for sid, expected in want.items():
        n_want += len(expected)
        hit += sum(1 for c in expected if c in set(found.get(sid, [])))
    return right, n_found, hit, n_want, alarms


def line(label: str, r: tuple[int, int, int, int, int], n: int, quiet: int) -> str:
    right, n_found, hit, n_want, alarms = r
    p = f"{right / n_found:.2f}" if n_found else "-"
    rec = f"{hit / n_want:.2f}" if n_want else "-"
    return (
        f"{label:<40} precision {p} ({right}/{n_found})  recall {rec} ({hit}/{n_want})"
        f"  no-change statements given a change: {alarms}/{quiet} (of {n} statements)"
    )


def statement(sid: str, doc: str, text: str, issues: Sequence[str], start: int = 0) -> Statement:
    return Statement(
        id=sid,
        document_id=doc,
        content=Span(text, start, start + len(text)),
        kind="indirect",
        issues=list(issues),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path of the shared data (default ../shared)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    shared = require_shared(args.shared)
    base = load_plan(shared / "data" / "plans" / "plan-28-points.json", plan="ukraine", label="us-28")

    written = [statement(f"w{i}", "written", s, issues) for i, (s, issues, _) in enumerate(SENTENCES)]
    want_w = {f"w{i}": list(expected) for i, (_, _, expected) in enumerate(SENTENCES)}
    texts_p = {f"p{i}": passage for i, (passage, *_) in enumerate(PASSAGES)}
    for i, (passage, said, issues, expected) in enumerate(PASSAGES):
        written.append(statement(f"p{i}", f"p{i}", said, issues, passage.index(said)))
        want_w[f"p{i}"] = list(expected)
    got_w = changes(written, base, texts_p)
    quiet_w = sum(not v for v in want_w.values())
    print(line("project sentences", score(got_w, want_w), len(written), quiet_w))

    labels = json.loads(LABELS.read_text(encoding="utf-8"))["statements"]
    want_r: dict[str, list[Change]] = {x["id"]: [(c[0], c[1]) for c in x["changes"]] for x in labels}
    talks = load_talks(shared)
    atts = {str(ref): (a, t) for ref, a, t in gold_attributions(talks)}
    texts = {str(t["id"]): str(t["text"]) for t in talks}  # "this clause": named in the sentence before
    real = [
        statement(
            i,
            atts[i][1]["id"],
            atts[i][0]["content"],
            atts[i][0].get("issues") or [],
            texts[atts[i][1]["id"]].find(atts[i][0]["content"]),
        )
        for i in want_r
    ]
    got_r = changes(real, base, texts)
    quiet_r = sum(not v for v in want_r.values())
    print(line("talks set, labelled gold statements", score(got_r, want_r), len(real), quiet_r))

    store = talks_store(talks)
    system = store.countable_statements()
    spans = [(s.id, s.document_id, s.content.start, s.content.end) for s in system]
    to_gold = match_gold(talks, spans, load_scorer(shared))
    got_s = changes(system, base, texts)
    found_e = {str(to_gold.get(sid, sid)): v for sid, v in got_s.items()}
    want_e = {sid: v for sid, v in want_r.items() if sid in set(map(str, to_gold.values()))}
    print(
        line(
            "talks set, end to end (all statements)",
            score(found_e, want_e),
            len(system),
            len(system) - sum(bool(v) for v in want_e.values()),
        )
    )
    if args.verbose:
        for name, got, want, texts in (
            ("written", got_w, want_w, {s.id: s.content.text for s in written}),
            ("gold", got_r, want_r, {s.id: s.content.text for s in real}),
            ("end to end", found_e, want_e, {str(to_gold.get(s.id, s.id)): s.content.text for s in system}),
        ):
            for sid, g in got.items():
                if sorted(set(g), key=str) != sorted(want.get(sid, []), key=str):
                    got_ = sorted(set(g), key=str)
                    print(f"  {name} {sid}: got {got_} want {want.get(sid, [])} | {texts[sid][:110]}")


if __name__ == "__main__":
    main()
