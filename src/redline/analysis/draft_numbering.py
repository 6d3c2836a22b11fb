"""The numbers a text plan's points end with, once the reader has found them.

A draft may number afresh in each section ("Section A: 1. 2. Section B: 1. 2."), number an
annex's items apart from the plan's points, or title its numbered paragraphs with a point of
no text of its own ("Article 2 - Island Assembly" over 2.1 and 2.2). Each becomes the numbers
a version is aligned by ("A.1", "B.1"; 2.1 and 2.2 under the heading), and a number used twice
where nothing tells the two apart is an error that says on which lines, since merging two
points would silently corrupt the version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from itertools import pairwise, takewhile

from redline.analysis.draft_point import DraftPoint, is_title
from redline.errors import PlanError

__all__ = ["article_paragraphs", "numbered_by_section", "paragraph_headings", "without_translations"]


def without_translations(
    drafts: list[DraftPoint], foreign: Callable[[str], bool] | None = None
) -> list[DraftPoint]:
    """Drafts without the translations a bilingual draft gives under each point's number ("1. A
    ceasefire ..." then "1. Un alto el fuego ..."): of two points in a row with one number, the
    one in another language is the other's translation, no point. Two English points (or two
    foreign ones) under one number stay, and stay the error they are. ``foreign`` is the
    language check (``negotiation.foreign_text``), loaded only when a number repeats."""
    if not any(_same_number(a, b) for a, b in pairwise(drafts)):
        return drafts
    if foreign is None:
        from redline.analysis.negotiation import foreign_text

        foreign = foreign_text()
    dropped: set[int] = set()
    for k in range(len(drafts) - 1):
        a, b = drafts[k], drafts[k + 1]
        if k in dropped or not _same_number(a, b):
            continue
        a_foreign, b_foreign = foreign(" ".join(a.lines)), foreign(" ".join(b.lines))
        if a_foreign != b_foreign:
            dropped.add(k if a_foreign else k + 1)
    return [d for k, d in enumerate(drafts) if k not in dropped]


def _same_number(a: DraftPoint, b: DraftPoint) -> bool:
    return (a.section, a.annex, a.number) == (b.section, b.annex, b.number) and bool(a.lines and b.lines)


def paragraph_headings(drafts: list[DraftPoint]) -> list[DraftPoint]:
    """Drafts without the points that only title their numbered paragraphs: "Article 2 - Island
    Assembly" (or "Article 2" and a title line) over "2.1", "2.2" is the heading of 2.1 and 2.2,
    not a point of its own, whose text would be a title that aligns with nothing."""
    out: list[DraftPoint] = []
    for k, d in enumerate(drafts):
        title = " ".join(d.lines).strip()
        under = list(takewhile(partial(_paragraph_of, d.number), drafts[k + 1 :]))
        if "." not in d.number and under and (not title or is_title(title)):
            for s in under:
                s.heading = title or d.heading
            continue
        out.append(d)
    return out


def article_paragraphs(drafts: list[DraftPoint]) -> list[DraftPoint]:
    """Drafts whose titled articles ("Article 2 - Separation of forces") hold paragraphs numbered
    afresh in each ("1.", "2."), as one point per article whose text is all its paragraphs: the
    paragraphs' numbers repeat from article to article, so they name no point of the plan. Read
    only when the numbers do repeat and two articles or more restart at "1" under their title;
    an article of one unnumbered paragraph then loses its title line to ``heading`` too."""
    keys = [(d.section, d.number) for d in drafts]
    if len(set(keys)) == len(keys):
        return drafts
    out: list[DraftPoint] = []
    restarts = 0
    k = 0
    while k < len(drafts):
        d = drafts[k]
        title = _title_line(d)
        run: list[DraftPoint] = []
        if title is not None or (d.bare and not d.lines):
            while k + 1 + len(run) < len(drafts):
                nxt = drafts[k + 1 + len(run)]
                # the next article may go on counting ("3" after paragraphs 1 and 2): it has a title
                titled = nxt.bare or _title_line(nxt) is not None
                if nxt.number != str(len(run) + 1) or nxt.section != d.section or titled:
                    break
                run.append(nxt)
        if not run:
            out.append(d)
            k += 1
            continue
        restarts += 1
        body = [line for p in run for line in p.lines]
        # no breaks: a paragraph the article numbers is its text, not what follows its end
        out.append(replace(d, lines=body, heading=title or d.heading, breaks=[], bare=False))
        k += 1 + len(run)
    if restarts < 2:
        return drafts
    kept = {id(d) for d in drafts}
    return [_untitled(d) if id(d) in kept else d for d in out]


def _title_line(d: DraftPoint) -> str | None:
    """The title a point opens with ("Separation of forces"), when its first line is one."""
    if d.lines and is_title(d.lines[0]) and (len(d.lines) == 1 or 1 in d.breaks):
        return d.lines[0].strip()
    return None


def _untitled(d: DraftPoint) -> DraftPoint:
    """An article of one unnumbered paragraph under its title: the title is its heading."""
    title = _title_line(d)
    if title is None or len(d.lines) == 1:
        return d
    return replace(d, lines=d.lines[1:], heading=title, breaks=[b - 1 for b in d.breaks if b > 1])


def _paragraph_of(number: str, d: DraftPoint) -> bool:
    """Whether ``d`` is a numbered paragraph of point ``number`` ("2.1" of "2"; "2.a" is not)."""
    return d.number.startswith(f"{number}.") and d.number[len(number) + 1 :].split(".")[0].isdigit()


def numbered_by_section(drafts: list[DraftPoint], where: str) -> list[DraftPoint]:
    """Drafts whose numbering starts again in each section ("Section A: 1. 2. Section B: 1. 2.")
    get the section's label in front ("A.1", "B.1"); a number used twice in one section, or
    twice with no section between, is an error that would merge two points. An annex's items
    are numbered apart from the plan's points: they get the annex's label ("A.1") when their
    numbers are the points' own, and the points keep theirs."""
    main = _renumbered([d for d in drafts if not d.annex], where)
    annex = [d for d in drafts if d.annex]
    if not annex:
        return main
    taken = {d.number for d in main}
    renamed = _renumbered(annex, where)
    if renamed == annex and taken & {d.number for d in annex}:
        renamed = [replace(d, number=f"{d.section}.{d.number}") for d in annex]
    order = {id(d): k for k, d in enumerate(drafts)}
    pairs = [*zip([d for d in drafts if not d.annex], main, strict=True), *zip(annex, renamed, strict=True)]
    return [new for old, new in sorted(pairs, key=lambda p: order[id(p[0])])]


def _said(d: DraftPoint) -> str:
    """The start of what a draft says, to quote in an error."""
    text = " ".join(d.lines) or d.heading or ""
    return text[:50] + ("…" if len(text) > 50 else "")


def _renumbered(drafts: list[DraftPoint], where: str) -> list[DraftPoint]:
    """``drafts`` with the section in front of their numbers when numbering starts again."""
    seen: dict[tuple[str, str], int] = {}
    restarts = False
    first_line: dict[str, int] = {}
    first_of: dict[tuple[str, str], DraftPoint] = {}
    for d in drafts:
        if (d.section, d.number) in seen:
            first = first_of[d.section, d.number]
            raise PlanError(
                f"point {d.number} appears twice (first on line {seen[d.section, d.number]}: "
                f"{_said(first)!r}; again: {_said(d)!r})",
                where=f"{where}:{d.line}",
                hint="renumber one of them, or reword a line that is no point so it does not start "
                "with a number",
            )
        seen[d.section, d.number] = d.line
        first_of[d.section, d.number] = d
        restarts = restarts or d.number in first_line
        first_line.setdefault(d.number, d.line)
    if not restarts:
        return drafts
    return [replace(d, number=f"{d.section}.{d.number}") for d in drafts]
