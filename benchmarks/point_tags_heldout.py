"""Point tags held out: the European (E3) counter-proposal, tagged by a lexicon revised on the US draft.

``benchmarks/point_tags.py`` scores the US 28-point draft, which ``knowledge/point_terms.yaml``
was revised against: an in-sample figure. This script scores the E3 mark-up of the same plan
(read from ``../shared/data/plans`` at run time), whose points reword the US ones, add clauses
and drop others: how the lexicon does on provisions it was not revised on. The true tags below
are the project's coding of each E3 point that has text, set before the E3 points were tagged
and consistent with the US coding (the same clause gets the same tags), with the reason in one
line. A point is "fully right" when the predicted set equals the true set.

Run: PYTHONPATH=src python benchmarks/point_tags_heldout.py [--shared PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import require_shared

from redline.analysis.negotiation import point_tagging
from redline.analysis.plans import load_plan
from redline.analysis.point_tags import tag_points

# E3 point number -> (true issues, why); points without text (deleted, absent, unknown) are not scored
TRUE_TAGS: dict[str, tuple[frozenset[str], str]] = {
    "1": (frozenset(), "affirms sovereignty, as US point 1"),
    "2": (
        frozenset({"security_guarantees", "nato"}),
        "a non-aggression treaty (as US 2) with NATO as a party: NATO-Russia relations, as US 4",
    ),
    "4": (frozenset({"nato"}), "a Russia-NATO dialogue, as US 4 (its economic clause is an aim, as there)"),
    "5": (frozenset({"security_guarantees"}), "security guarantees for Ukraine"),
    "6": (frozenset({"military_limits"}), "a cap on Ukraine's army (a higher one than the US)"),
    "7": (frozenset({"nato"}), "NATO accession by consensus"),
    "8": (frozenset({"nato"}), "no permanent NATO troops in Ukraine"),
    "9": (frozenset({"security_guarantees"}), "allied fighter aircraft based nearby: reassurance, as US 9"),
    "10": (
        frozenset({"security_guarantees", "sanctions_economy"}),
        "an Article 5-like US guarantee with sanctions restored on a breach, as US 10",
    ),
    "11": (frozenset({"eu_membership", "sanctions_economy"}), "EU application plus market access"),
    "12": (frozenset({"sanctions_economy"}), "an international recovery package (partial text)"),
    "13": (frozenset({"sanctions_economy"}), "phased sanctions relief, economic reintegration (not English)"),
    "14": (
        frozenset({"sanctions_economy", "amnesty_justice"}),
        "reconstruction from frozen assets until Russia compensates the damage: a reparations claim",
    ),
    "16": (frozenset({"security_guarantees"}), "a non-aggression law, as US 16"),
    "18": (frozenset({"military_limits"}), "non-nuclear status under the NPT, as US 18"),
    "19": (frozenset({"nuclear_plant"}), "the plant restarted under IAEA supervision, output shared"),
    "21": (frozenset({"territory"}), "territory not recovered by force, swaps from the contact line"),
    "24": (frozenset({"humanitarian"}), "a humanitarian committee (partial text)"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path of the shared data (default ../shared)")
    args = parser.parse_args()
    path = require_shared(args.shared) / "data" / "plans" / "european-counterproposal.json"
    version = load_plan(path, plan="ukraine", label="e3")
    tagger, pax = point_tagging()
    tagged = tag_points(version, tagger, pax)
    scored = [p for p in tagged.points if p.number in TRUE_TAGS]
    right = 0
    for p in scored:
        gold, why = TRUE_TAGS[p.number]
        got = set(p.issues)
        right += got == gold
        if got != gold:
            print(
                f"  point {p.number:>2}: got {sorted(got)} want {sorted(gold)} "
                f"(missing {sorted(gold - got)}, extra {sorted(got - gold)}) -- {why}"
            )
    missing = sorted(set(TRUE_TAGS) - {p.number for p in scored})
    lost = f"; not found: {missing}" if missing else ""
    print(f"E3 points fully right (held out): {right} of {len(scored)}{lost}")


if __name__ == "__main__":
    main()
