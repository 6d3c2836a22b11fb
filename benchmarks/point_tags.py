"""Issue tags of the points of the real US 28-point draft, against tags a PA-X coder would give.

The draft is read from ``../shared/data/plans`` at run time through ``plan import``'s reader
and tagged as ``plan import`` tags it (``knowledge/point_terms.yaml``, glosses for points in
another language). The true tags below are the project's own coding of each point, with the
reason in one line; they are data this project writes, not text from the draft. A point is
"fully right" when the predicted set equals the true set. The language warnings of
``plan import`` are printed too.

Run: PYTHONPATH=src python benchmarks/point_tags.py [--shared PATH]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import require_shared

from redline.analysis.negotiation import foreign_text, point_tagging
from redline.analysis.plans import load_plan
from redline.analysis.point_tags import point_warnings, tag_points

# point number -> (true issues, why)
TRUE_TAGS: dict[str, tuple[frozenset[str], str]] = {
    "1": (frozenset(), "affirms sovereignty; no issue of the taxonomy is about sovereignty as such"),
    "2": (frozenset({"security_guarantees"}), "a non-aggression agreement is a security pledge"),
    "3": (frozenset({"security_guarantees", "nato"}), "a no-invasion expectation plus no NATO enlargement"),
    "4": (frozenset({"nato"}), "a Russia-NATO security dialogue"),
    "5": (frozenset({"security_guarantees"}), "security guarantees for Ukraine"),
    "6": (frozenset({"military_limits"}), "a numerical cap on Ukraine's armed forces"),
    "7": (frozenset({"nato"}), "Ukraine renounces NATO membership"),
    "8": (frozenset({"nato"}), "no NATO troops in Ukraine"),
    "9": (
        frozenset({"security_guarantees"}),
        "allied combat aircraft based nearby: reassurance, not a ceasefire",
    ),
    "10": (
        frozenset({"security_guarantees", "sanctions_economy"}),
        "US guarantee terms with a sanctions snapback",
    ),
    "11": (frozenset({"eu_membership", "sanctions_economy"}), "EU eligibility plus market access"),
    "12": (frozenset({"sanctions_economy"}), "reconstruction and investment package"),
    "13": (frozenset({"sanctions_economy"}), "sanctions relief, economic reintegration, G8"),
    "14": (frozenset({"sanctions_economy"}), "use of frozen Russian assets"),
    "15": (frozenset({"process"}), "a joint body to implement the agreement"),
    "16": (frozenset({"security_guarantees"}), "a non-aggression law"),
    "17": (frozenset({"military_limits"}), "arms-control treaties (weapons limits), not the power plant"),
    "18": (frozenset({"military_limits"}), "non-nuclear status under the NPT (a weapons limit)"),
    "19": (frozenset({"nuclear_plant"}), "operation of the Zaporizhzhia plant"),
    "20": (frozenset({"language_religion"}), "tolerance, religion and linguistic minorities"),
    "21": (frozenset({"territory", "recognition"}), "territorial lines and their de facto recognition"),
    "22": (frozenset({"territory", "security_guarantees"}), "no change of territorial arrangements by force"),
    "23": (frozenset({"sanctions_economy"}), "commercial use of a river and grain shipping"),
    "24": (frozenset({"humanitarian"}), "prisoners, detainees, children, reunification"),
    "25": (frozenset({"elections_legitimacy"}), "elections on a deadline"),
    "26": (frozenset({"amnesty_justice"}), "full amnesty"),
    "27": (frozenset({"process"}), "binding force and an implementation council"),
    "28": (frozenset({"ceasefire"}), "the ceasefire's entry into force"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path of the shared data (default ../shared)")
    args = parser.parse_args()
    path = require_shared(args.shared) / "data" / "plans" / "plan-28-points.json"
    version = load_plan(path, plan="ukraine", label="us-28")
    tagger, pax = point_tagging()
    tagged = tag_points(version, tagger, pax)
    right = 0
    for p in tagged.points:
        gold, why = TRUE_TAGS[p.number]
        got = set(p.issues)
        ok = got == gold
        right += ok
        if not ok:
            print(
                f"  point {p.number:>2}: got {sorted(got)} want {sorted(gold)} "
                f"(missing {sorted(gold - got)}, extra {sorted(got - gold)}) -- {why}"
            )
    print(f"points fully right: {right} of {len(tagged.points)}")
    # the file's own "lang" fields, and the check plan import makes on points without one
    unmarked = replace(version, points=[replace(p, lang=None, gloss=None) for p in version.points])
    warnings = point_warnings(version, foreign_text())
    guessed = point_warnings(unmarked, foreign_text())
    print(f"language warnings: {len(warnings)}")
    for w in warnings:
        print("  " + w)
    marked = {p.number for p in version.points if p.lang}
    found = {w.split()[1] for w in guessed}
    print(
        f"points not in English found without the file's lang field: {len(found & marked)} of {len(marked)}, "
        f"English points flagged: {len(found - marked)}"
    )


if __name__ == "__main__":
    main()
