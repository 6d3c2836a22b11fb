"""Shifts on real news: does redline find the position changes the annotated statements show?

    PYTHONPATH=src python benchmarks/shifts_real.py [--shared PATH] [--by party|actor] [-v] [--trace]

The talks set (``../shared/data/talks``, read at run time) is ingested by redline into a SQLite
store (``_talks_store``). Two runs of ``analysis.shifts.find_shifts`` with the same rule:

- gold shifts: over the GOLD statements (gold speaker -> its party in redline's actor base, gold
  issues, gold stance, gold type, the article's date; articles without a date make none);
- system shifts: over the store's countable statements, as ``positions`` computes them.

A system shift is right when a gold shift has the same row, column and before -> after, dated
within ``DAYS`` days. Printed: precision, recall, both shift lists, and the plausibility of the
system's shifts as judged by a reader of their before/after quotes (labels in
``benchmarks/data/shift_plausibility.json``: ids and offsets only, no article text; shifts not
yet judged are listed with ``-v`` for labelling), and the same figures without the rule that one
voice gives both quotes (``shifts.one_voice``), to show what it removes, and with a looser rule
in its place (both quotes by named voices of one government, e.g. a negotiator then the
president), to show what that would add. (A statement that says outright that its speaker's
position changed counts on the plan as a whole too when it lists it: ``model.stance_issues``,
the rule itself since session 11.) ``--trace`` prints, for each real change, its
cells' statements (stance, voice, date, whether it says the position changed) from the gold and
from redline, and which step of the rule drops it.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import require_shared
from _talks_store import extraction_version, gold_statements, load_talks, talks_store

from redline import balance
from redline.analysis import shifts as shifts_module
from redline.analysis.positions import BalanceSettings, RowKind, issue_columns, own_reversal, row_of
from redline.analysis.shifts import Shift, find_shifts
from redline.balance import ReversalTest, reversal_test
from redline.demo import run_demo
from redline.knowledge.actors import load_actors
from redline.knowledge.shift_cues import ShiftKnowledge, shift_knowledge
from redline.model import Statement
from redline.store import Store

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "shift_plausibility.json"
DAYS = 7
REAL_DAYS = 14
MILD = {"support", "conditional"}


def demo_corpus() -> tuple[list[Statement], dict[str, str]]:
    """The demo's statements and parties (``redline demo`` into a SQLite store kept in /tmp)."""
    path = Path("/tmp") / f"redline-demo-{extraction_version()[:16]}.sqlite"
    built = path.exists()
    with Store.open(f"sqlite:///{path}") as store:
        if not built:
            run_demo(store)
        return store.countable_statements(), store.parties()


def key(sh: Shift) -> str:
    """A shift's identity for labels: row, column, before -> after, date, and its two quotes."""
    q = sh.quote_before, sh.quote_after
    quotes = " / ".join(f"{s.document_id}@{s.content.start}-{s.content.end}" for s in q)
    return f"{sh.row}|{sh.column}|{sh.before}->{sh.after}|{sh.date}|{quotes}"


def same(a: Shift, b: Shift) -> bool:
    return (a.row, a.column, a.before, a.after) == (b.row, b.column, b.before, b.after) and abs(
        (a.date - b.date).days
    ) <= DAYS


def show(sh: Shift, texts: dict[str, str]) -> str:
    def q(s: Statement) -> str:
        where = f"{s.document_id} {s.date}"
        return f"[{where}] {texts.get(s.id, s.content.text)[:150]!r}"

    mark = " explicit" if sh.explicit else ""
    return (
        f"{sh.date} {sh.row:<14} {sh.column:<20} {sh.before} -> {sh.after}"
        f" (evidence {sh.evidence_before}/{sh.evidence_after}{mark})\n"
        f"      before {q(sh.quote_before)}\n      after  {q(sh.quote_after)}"
    )


def _stage_shifts(
    statements: list[Statement], parties: dict[str, str], known: ShiftKnowledge, loose: bool
) -> list[Shift]:
    """``find_shifts`` with its last two filters off: ``loose`` drops neither a change undone
    within a week nor one made of two voices; otherwise only the first is kept off."""
    real_undone, real_voice = balance.drop_undone, shifts_module.one_voice
    balance.drop_undone = lambda shifts: shifts  # type: ignore[assignment]
    if loose:
        shifts_module.one_voice = lambda _sh, _knowledge=None: True
    try:
        return find_shifts(statements, BalanceSettings(by="party", party_of=parties, knowledge=known))
    finally:
        balance.drop_undone, shifts_module.one_voice = real_undone, real_voice


def trace(
    real: dict[str, Any],
    statements: list[Statement],
    parties: dict[str, str],
    known: ShiftKnowledge,
    says: ReversalTest,
) -> str:
    """Why one real change is or is not found: its cells' statements (those of the evidence
    articles, dated or not, and the dated ones within ``REAL_DAYS`` of it), each with stance,
    voice and whether it says outright that the position changed; then which step of the rule
    drops the change (no change of the cell's value with evidence, undone within a week, two
    voices)."""
    day = date.fromisoformat(real["date"])
    rows, cols, docs = ("/".join(real[k]) for k in ("rows", "columns", "evidence"))
    lines = [f"* {rows} on {cols} about {day} (articles {docs})"]

    def near(s: Shift) -> bool:
        return s.row in real["rows"] and s.column in real["columns"] and abs((s.date - day).days) <= REAL_DAYS

    columns = issue_columns(own_reversal(parties, known))  # as the rule places each statement
    for col in real["columns"]:
        cell = [
            s
            for s in statements
            if (row_of(s, "party", parties) in real["rows"] or (s.speaker and s.speaker.name in real["rows"]))
            and col in columns(s)
        ]
        ev = [s for s in cell if s.document_id in real["evidence"]]
        dated = [s for s in cell if s.date and abs((s.date - day).days) <= REAL_DAYS]
        lines.append(
            f"  {col}: {len(ev)} statements in the articles ({sum(s.date is not None for s in ev)} dated),"
            f" {len(dated)} dated within {REAL_DAYS} days"
        )
        shown_ = {id(s): s for s in [*ev, *dated]}.values()
        for s in sorted(shown_, key=lambda s: (s.date or date.min, s.document_id, s.content.start)):
            sp = s.speaker
            own = () if sp is None else (sp.name, row_of(s, "party", parties) or "")
            mark = " says-changed" if says(s.content.text, own) else ""
            who = sp.name if sp else "?"
            lines.append(
                f"    {s.document_id} {s.date or 'undated'!s:10} {who[:24]:24} {s.stance:11}{mark}"
                f" {s.content.text[:70]!r}"
            )
    loose = [s for s in _stage_shifts(statements, parties, known, loose=True) if near(s)]
    kept = [s for s in _stage_shifts(statements, parties, known, loose=False) if near(s)]
    final = [
        s
        for s in find_shifts(statements, BalanceSettings(by="party", party_of=parties, knowledge=known))
        if near(s)
    ]
    undated = all(s.date is None for s in statements if s.document_id in real["evidence"])
    if final:
        verdict = "found"
    elif undated:
        verdict = "its articles carry no date: undated statements make no shift"
    elif kept:
        verdict = "dropped as undone within a week"
    elif loose:
        verdict = "dropped: two voices give the before and after quotes"
    else:
        verdict = "no change of the cell's value backed by evidence (the rule's walk)"
    lines.append(f"  -> {verdict}")
    for s in loose:
        voices = [q.speaker.name if q.speaker else "?" for q in (s.quote_before, s.quote_after)]
        lines.append(f"     candidate {s.before}->{s.after} {s.date} ({' / '.join(voices)})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path of the shared data (default ../shared)")
    parser.add_argument("--by", choices=["party", "actor"], default="party")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every shift")
    parser.add_argument("--trace", action="store_true", help="print why each real change is or is not found")
    args = parser.parse_args()
    by: RowKind = args.by
    talks = load_talks(require_shared(args.shared))
    store = talks_store(talks)
    known = shift_knowledge()

    gold_st, gold_parties = gold_statements(talks)
    gold = find_shifts(gold_st, BalanceSettings(by=by, party_of=gold_parties, knowledge=known))
    statements = store.countable_statements()
    system = find_shifts(statements, BalanceSettings(by=by, party_of=store.parties(), knowledge=known))

    hits = [s for s in system if any(same(s, g) for g in gold)]
    found = [g for g in gold if any(same(s, g) for s in system)]
    p = len(hits) / len(system) if system else 1.0
    r = len(found) / len(gold) if gold else 1.0
    dated = sum(1 for s in statements if s.date is not None)
    gold_dated = sum(s.date is not None for s in gold_st)
    print(
        f"talks set, rows by {by}: {len(gold_st)} gold statements ({gold_dated} dated),"
        f" {len(statements)} system statements ({dated} dated)"
    )
    print(
        f"gold shifts {len(gold)}, system shifts {len(system)}:"
        f" precision {p:.2f} ({len(hits)}/{len(system)}),"
        f" recall {r:.2f} ({len(found)}/{len(gold)}) [same row, column, before -> after, within {DAYS} days]"
    )

    data = json.loads(LABELS.read_text(encoding="utf-8"))
    labels = {x["shift"]: bool(x["plausible"]) for part in ("talks", "gold", "demo") for x in data[part]}
    real = data["real"]

    def judged(shifts: list[Shift]) -> str:
        known = [s for s in shifts if key(s) in labels]
        ok = sum(labels[key(s)] for s in known)
        return f"{ok}/{len(known)} judged plausible ({len(shifts) - len(known)} not judged)"

    def real_found(shifts: list[Shift]) -> int:
        return sum(
            any(
                s.row in r["rows"]
                and s.column in r["columns"]
                and abs((s.date - date.fromisoformat(r["date"])).days) <= REAL_DAYS
                for s in shifts
            )
            for r in real
        )

    print(f"talks set, system shifts: {judged(system)}; gold shifts: {judged(gold)}")
    print(
        f"real position changes a reader finds in the talks set: {len(real)}; found from gold statements"
        f" {real_found(gold)}, by redline {real_found(system)} (same row and issue within {REAL_DAYS} days)"
    )
    demo_statements, demo_parties = demo_corpus()
    demo = find_shifts(demo_statements, BalanceSettings(by=by, party_of=demo_parties, knowledge=known))
    print(f"demo corpus ({len(demo_statements)} statements): {len(demo)} shifts, {judged(demo)}")
    # what the rule would show if moving between support and conditional were not a reversal
    # (a condition narrows support, it does not reverse it): the labels above, re-counted
    kept = [[s for s in found_ if {s.before, s.after} != MILD] for found_ in (system, gold, demo)]
    print(
        "without support <-> conditional shifts: talks system "
        + "; gold ".join(f"{len(k)} shifts, {judged(k)}" for k in kept[:2])
        + f"; demo {len(kept[2])} shifts, {judged(kept[2])}"
    )
    # what the rule shows without one voice on both sides (``shifts.one_voice``): the party rows'
    # shifts made of two speakers' quotes, re-counted with the labels above
    real_rule = shifts_module.one_voice
    shifts_module.one_voice = lambda _sh, _knowledge=None: True
    try:
        loose = [
            find_shifts(st, BalanceSettings(by=by, party_of=pt, knowledge=known))
            for st, pt in (
                (statements, store.parties()),
                (gold_st, gold_parties),
                (demo_statements, demo_parties),
            )
        ]
    finally:
        shifts_module.one_voice = real_rule
    print(
        "without one voice on both sides: talks system "
        + "; gold ".join(f"{len(k)} shifts, {judged(k)}" for k in loose[:2])
        + f"; demo {len(loose[2])} shifts, {judged(loose[2])}"
        + f"; real changes found by redline {real_found(loose[0])}"
    )
    # what a looser rule would show: both quotes by named voices of one government (Umerov,
    # then Zelensky), found by following the actor base's affiliations up to a state
    kb = load_actors()

    def government(st: Statement) -> str | None:
        sp = st.speaker
        if sp is None:
            return None
        actor = kb.get(sp.actor_id) or kb.lookup(sp.name)
        seen: set[str] = set()
        while actor is not None and actor.id not in seen:
            if actor.type == "state":
                return actor.id
            seen.add(actor.id)
            actor = kb.get(actor.affiliation)
        return None

    def one_government(sh: Shift) -> bool:
        state = government(sh.quote_before)
        return sh.explicit or (state is not None and state == government(sh.quote_after))

    governed = [[s for s in found_ if one_government(s)] for found_ in loose]
    print(
        "one government on both sides instead of one voice: talks system "
        + "; gold ".join(f"{len(k)} shifts, {judged(k)}" for k in governed[:2])
        + f"; demo {len(governed[2])} shifts, {judged(governed[2])}"
        + f"; real changes found by redline {real_found(governed[0])}"
    )
    says = reversal_test(known.cues, known.not_names, known.party_names)
    if args.trace:
        for name, st, pt in (("gold", gold_st, gold_parties), ("redline", statements, store.parties())):
            print(f"\nWHY EACH REAL CHANGE IS (NOT) FOUND, from {name} statements:")
            for r in real:
                print(trace(r, st, pt, known, says))
    if args.verbose:
        texts = {s.id: s.content.text for s in [*gold_st, *statements]}
        print("\nGOLD shifts (found by the system marked +):")
        for g in gold:
            print(("+ " if g in found else "- ") + show(g, texts))
            print(f"      key {key(g)}  judged={labels.get(key(g))}")
        print("\nDEMO shifts:")
        for s in demo:
            print("  " + show(s, {}))
            print(f"      key {key(s)}  judged={labels.get(key(s))}")
        print("\nSYSTEM shifts (matching a gold shift marked +; key for labels on the next line):")
        for s in system:
            print(("+ " if s in hits else "- ") + show(s, texts))
            print(f"      key {key(s)}  judged={labels.get(key(s))}")


if __name__ == "__main__":
    main()
