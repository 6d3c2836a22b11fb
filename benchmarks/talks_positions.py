"""The positions matrix on real news: does redline's matrix of the talks set read as the gold's?

    PYTHONPATH=src python benchmarks/talks_positions.py [--shared PATH] [--min N] [--held-out] [-v]

The talks set (``../shared/data/talks``, read at run time) is ingested by redline into a SQLite
store (``_talks_store``, reused between runs). Two matrices by party and issue are built with the
same rule (``analysis.positions.position_matrix``, the balance ``redline positions`` shows):

- gold: over the GOLD statements (gold speaker -> its party in redline's actor base, gold issues,
  gold stance, the article's date);
- system: over the store's countable statements.

Printed: the four cells the annotation notes name (Russia and Ukraine on territory, the US on the
plan, Europe on security guarantees), each with its value and its counts (support / oppose /
conditional / neutral) in both matrices; then, over every cell whose gold balance rests on at
least ``--min`` dated statements that take a side, how often redline's value is the gold's, and
how often it is the opposite side (support against oppose), the error an analyst cannot afford.
Statements of undated articles are in no balance (as in ``redline positions``); their number
is printed.

The shipped stance and issue models learned from these articles, so the store's matrix is
in-sample. ``--held-out`` also builds the matrix from cross-validated output (``talks_eval``'s
5 folds by article, each fold extracted by models trained without it), which is the honest one;
it is built from every held-out statement, with the speaker's party as extracted (no
cross-outlet merging, as in the gold).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import require_shared
from _talks_store import gold_statements, load_talks, talks_store
from talks_eval import SEED, held_out_lines

from redline.analysis.positions import BalanceSettings, Cell, PositionMatrix, position_matrix
from redline.model import Extraction, Statement

# the cells the annotation notes spell out, with the value they say the cell has
NOTED = (
    ("russia", "territory", "support"),
    ("ukraine", "territory", "oppose"),
    ("united_states", "plan_overall", "support"),
    ("europe", "security_guarantees", "support"),
)
STANCES = ("support", "oppose", "conditional", "neutral")
OPPOSITE = {"support": "oppose", "oppose": "support"}


def counts(cell: Cell | None) -> str:
    if cell is None:
        return "no cell"
    return f"{cell.stance:<11} {'/'.join(str(cell.counts.get(s, 0)) for s in STANCES)}"


def sided(cell: Cell) -> int:
    """Statements in the balance that take a side (neutral ones only report)."""
    return sum(n for s, n in cell.counts.items() if s != "neutral")


def held_out_statements(lines: list[str]) -> tuple[list[Statement], dict[str, str]]:
    """The statements of held-out extraction lines, and each speaker's party as extracted."""
    out: list[Statement] = []
    party_of: dict[str, str] = {}
    for line in lines:
        for s in Extraction.from_dict(json.loads(line)).statements:
            out.append(s)
            if s.speaker is not None and s.speaker.party:
                party_of[s.speaker.actor_id or s.speaker.name] = s.speaker.party
    return out, party_of


def noted(gold: PositionMatrix, system: PositionMatrix) -> None:
    print("cells the annotation notes name (value, support/oppose/conditional/neutral):")
    for row, column, said in NOTED:
        g, s = gold.get(row, column), system.get(row, column)
        mark = "as noted" if s is not None and s.stance == said else f"NOT {said}"
        print(f"  {row:<14} {column:<20} gold {counts(g):<24} redline {counts(s):<24} {mark}")


def compare(gold: PositionMatrix, system: PositionMatrix, least: int, verbose: bool) -> None:
    judged = [(k, c) for k, c in sorted(gold.cells.items()) if sided(c) >= least]
    same = opposite = missing = 0
    for (row, column), g in judged:
        s = system.get(row, column)
        if s is None:
            missing += 1
            verdict = "missing"
        elif s.stance == g.stance:
            same += 1
            verdict = "same"
        elif OPPOSITE.get(g.stance) == s.stance:
            opposite += 1
            verdict = "OPPOSITE"
        else:
            verdict = "differs"
        if verbose:
            print(f"  {row:<16} {column:<22} gold {counts(g):<24} redline {counts(s):<24} {verdict}")
    n = len(judged)
    share = f"{same / n:.2f}" if n else "-"
    print(
        f"cells whose gold balance has >= {least} statements taking a side: {n};"
        f" redline's value the gold's in {same} ({share}), the opposite side in {opposite},"
        f" no cell in {missing}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path of the shared data (default ../shared)")
    parser.add_argument(
        "--min", type=int, default=3, help="statements taking a side a judged gold cell needs"
    )
    parser.add_argument("--held-out", action="store_true", help="also the matrix of cross-validated output")
    parser.add_argument("--seed", type=int, default=SEED, help="fold shuffle of --held-out")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every judged cell")
    args = parser.parse_args()
    shared = require_shared(args.shared)
    talks = load_talks(shared)
    store = talks_store(talks)
    gold_st, gold_parties = gold_statements(talks)
    statements = store.countable_statements()
    gold = position_matrix(gold_st, BalanceSettings(by="party", party_of=gold_parties))
    system = position_matrix(statements, BalanceSettings(by="party", party_of=store.parties()))
    print(
        f"talks set: {len(gold_st)} gold statements ({gold.undated_statements} undated),"
        f" {len(statements)} redline statements ({system.undated_statements} undated)"
    )
    print("== shipped weights (in-sample: they learned from these articles)")
    noted(gold, system)
    compare(gold, system, args.min, args.verbose)
    if args.held_out:
        held, parties = held_out_statements(held_out_lines(shared, args.seed))
        print(f"== held out (5-fold CV by article, fold shuffle {args.seed}): {len(held)} statements")
        matrix = position_matrix(held, BalanceSettings(by="party", party_of=parties))
        noted(gold, matrix)
        compare(gold, matrix, args.min, args.verbose)


if __name__ == "__main__":
    main()
