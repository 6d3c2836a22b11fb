"""Plan drafts nobody tuned on: reading, alignment and point tags on the project's held-out drafts.

``benchmarks/data/drafts`` holds eight drafts of four fictional settlements, written by this
project in session 22 in the shapes users paste (text copied from a PDF, a Markdown table, a
saved web page, a treaty with "Art. 3.", roman-numbered points, a news article that gives the
points inline, a CSV with its own column names, "§ 4." sections), and ``gold.json`` the points
each should yield, their issue tags and the true alignment of each version pair, all written
before redline read the drafts. Each draft is read with ``plan import``'s reader
(``load_plan``), tagged as ``plan import`` tags it, and each pair aligned with
``align_versions`` and scored as ``real_plan_alignment.py`` scores (``_plan_score``).

A point is read right when a point of the same number (roman numerals count as their value)
starts with the gold prefix and ends with the gold end; points the reader yields beyond the
gold are counted as extra. A draft the reader refuses counts as no point read, and its error
is printed. Tags are scored on the points where the gold gives them (equal sets).

``--set drafts2`` scores a second batch (four drafts, two pairs) written after the reader was
fixed on the first and before redline read it; ``--set drafts3`` a third (six drafts, three
pairs: an e-mail quoting the draft, ``<p>`` points on a page, "Article 1 - Title" over 1.1 and
1.2, a JSON export with its own key names, list items of several paragraphs with an annex,
numbered Markdown headings), written after both and before redline read it; ``--set drafts4`` a
fourth (six drafts, three pairs: text copied from a two-column PDF, tracked changes written
inline, a word-processor export that lost its numbering, points numbered with words, a
social-media thread with "(1)" inside its posts, Cyrillic letter sub-points and a preamble point
that renumbers the rest), written after all three and before redline read it; ``--set drafts5`` a
fifth (seven drafts, four pairs: a Telegram post numbered with keycap emoji, a web page whose
points are rows of a "No. | Provision | Status" table, a word-processor text with a table of
contents and articles under sections, ``pdftotext -layout`` output with "P1" labels and form
feeds, a Ukrainian text with English headings, a legal-XML export, the wikitext of an
encyclopedia article), written after all four and before redline read it; ``--set drafts6`` a
sixth (eight drafts, five pairs: a forwarded diplomatic cable in capitals quoting the points
between BEGIN TEXT and END TEXT, a slide deck exported as text, points "1.1" under chapter
headings with comment anchors, an English | French two-column text, a tracker's YAML dump whose
items are not in point order, points lettered "(a)" with PDF ligatures, a chat export, bullets
in a live blog), written after all five and before redline read it; ``--set drafts7`` a seventh
(seven drafts, four pairs: a consolidated text with points inserted later as "4A" inside amendment
markers and a repealed point left as dots, a press-briefing transcript reading the points aloud
with spoken numbers, a wire story giving the points in running prose by digit, OCR of a
photographed page with misread numbers, LaTeX source whose ``enumerate`` lists go on across
sections, articles whose paragraphs are numbered afresh in each, a PDF copy with each number alone
on its line and bare page numbers), written after all six and before redline read it; ``--set drafts8``
an eighth (seven drafts, four pairs: a table drawn with box characters whose cells wrap over
several lines beside a second column, points numbered with circled digits, an English text
labelled with Arabic-Indic digits behind right-to-left marks, Markdown with every item written
"1.", a subtitle file of the points read aloud, RTF source whose numbers live in ``listtext``
groups, a synoptic "Previous text | Proposed text | Note" table whose middle column is the draft),
written after all seven and before redline read it; ``--set drafts9`` a ninth (seven drafts, four
pairs: a UN-style negotiating text whose points are operative paragraphs "OP3" with bracketed
options, status tags and an "OP4bis", the next text as Markdown with its changes written
"~~old~~ **new**", a bill with line numbers in the margin of every page over "SEC. 3." sections,
a web page whose numbers come only from ``<li value=...>`` and ``<ol start=...>``, points
"A.1", "B.2" under lettered sections with a cross-reference, a CSV whose quoted cells run over
several lines, Markdown bullets under bold point titles with ``[^1]`` footnotes), written after
all eight and before redline read it; ``--set drafts10`` a tenth (seven drafts, four pairs: an
e-mail saved as a ``.eml`` file with quoted-printable text and HTML parts, a Word ``.docx`` whose
points are numbered only by the list's automatic numbering, a delegation's annotated copy with
comment and status lines under each point, a fixed-width table as pandoc prints a multiline table,
paragraphs that give their number at their end "(para. 4)", reStructuredText with ``#.`` items over
lists that go on from "3." and "6.", an Org-mode outline with TODO keywords, tags, drawers and a
commented-out subtree), written after all nine and before redline read it; ``--set drafts11`` an
eleventh (seven drafts, four pairs: an OpenDocument ``.odt`` whose list numbers itself and goes on
across a heading, a Word ``.docx`` with tracked changes read with the changes accepted, an English
and Spanish draft giving each point twice under one number, articles numbered in words "Article
One", an Excel ``.xlsx`` tracker, a letter giving the points in prose "First, ...; second, ...", a
Word ``.docx`` numbered "1.1" and "(a)" by its styles), written after all ten and before redline
read it.

A label written in other digits (circled, fullwidth, Arabic-Indic) counts as its value, as a roman
numeral does.

Run: PYTHONPATH=src python benchmarks/drafts_heldout.py [--set drafts|drafts2|...|drafts11] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _plan_score import score_alignment

from redline.analysis.align import align_versions
from redline.analysis.negotiation import point_tagging
from redline.analysis.plans import load_plan
from redline.analysis.point_sequence import roman_value
from redline.analysis.point_tags import tag_points
from redline.errors import PlanError
from redline.model import PlanVersion

DATA = Path(__file__).resolve().parent / "data"
# the first batch, then each next one written after the reader was fixed on those before it
SETS = (
    "drafts",
    "drafts2",
    "drafts3",
    "drafts4",
    "drafts5",
    "drafts6",
    "drafts7",
    "drafts8",
    "drafts9",
    "drafts10",
    "drafts11",
)


def number(label: str | None) -> str:
    """A point number with each roman part as its value: "III" and "3", "2.iv" and "2.4" are one.

    Digits of other forms are their values too ("③", "３" and "٣" are "3"), so a reader that keeps
    the text's own digits is scored on what it read, not on how it spells the number.
    """
    folded = unicodedata.normalize("NFKC", label or "")
    folded = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in folded)
    return ".".join(str(v) if (v := roman_value(p)) is not None else p for p in folded.split("."))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, default="drafts", help="the batch of drafts (default drafts)")
    parser.add_argument("--verbose", action="store_true", help="print every point read and every change")
    args = parser.parse_args()
    folder = DATA / args.set
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    tagger, pax = point_tagging()
    versions: dict[str, PlanVersion | None] = {}
    read_right = read_total = tags_right = tags_total = 0
    print("points read right / total per draft")
    for name, want in gold["drafts"].items():
        try:
            read = load_plan(folder / name, plan=name.split("-")[0][0], label=name)
            version = tag_points(read, tagger, pax)
        except PlanError as exc:
            versions[name] = None
            read_total += len(want["points"])
            tags_total += len(want["tags"])
            print(f"  {name:<18} 0/{len(want['points'])}  refused: {exc}")
            continue
        versions[name] = version
        by_number = {number(p.number): p for p in version.points}
        right = 0
        notes: list[str] = []
        for n, prefix, end in want["points"]:
            p = by_number.get(number(n))
            text = _norm(p.text) if p is not None else ""
            ok = p is not None and text.startswith(_norm(prefix)) and text.endswith(_norm(end))
            right += ok
            if not ok:
                notes.append(f"point {n}: " + (f"got {p.text[:90]!r}…{p.text[-60:]!r}" if p else "not found"))
        wanted = {number(n) for n, _, _ in want["points"]}
        # listed as the draft numbers them: "c" is also a numeral (100) to ``number``
        extra = sorted(p.number for key, p in by_number.items() if key not in wanted)
        t_right = 0
        for n, issues in want["tags"].items():
            p = by_number.get(number(n))
            got = set(p.issues) if p is not None else set()
            t_right += got == set(issues)
            if got != set(issues):
                notes.append(f"tags {n}: got {sorted(got)} want {sorted(issues)}")
        read_right += right
        read_total += len(want["points"])
        tags_right += t_right
        tags_total += len(want["tags"])
        print(
            f"  {name:<18} {right}/{len(want['points'])}  extra points {len(extra)}{extra or ''}"
            f"  tags right {t_right}/{len(want['tags'])}"
        )
        for note in notes:
            print(f"      {note}")
        if args.verbose:
            for p in version.points:
                print(f"      [{p.number}] {p.text}")
    print(f"points read right: {read_right}/{read_total}   point tags right: {tags_right}/{tags_total}")
    print("alignment per version pair")
    found_total = gold_total = wrong_total = 0
    for pair in gold["pairs"]:
        old, new = versions[pair["old"]], versions[pair["new"]]
        title = f"{pair['old']} -> {pair['new']}"
        gold_total += len(pair["pairs"])
        if old is None or new is None:
            print(f"  {title}: not aligned (a version was refused)")
            continue
        diff = align_versions(old, new)
        score = score_alignment(diff, pair["pairs"], pair["removed"], pair["added"], number=number)
        found_total += len(score.found)
        wrong_total += len(score.wrong)
        print(f"  {title}: {score.line(len(pair['pairs']))}")
        for line in score.errors():
            print(f"      {line}")
        if args.verbose:
            for c in diff.changes:
                print("     ", c.kind, [p.number for p in c.old], [p.number for p in c.new], c.similarity)
    print(f"true pairs found: {found_total}/{gold_total}   wrong pairs: {wrong_total}")


if __name__ == "__main__":
    main()
