"""Issue tags and PA-X codes on a plan's points, from a weighted lexicon of issue terms.

Alignment, linking and positions compare points by issue, so every point of a version gets the
issues its English wording names (a gloss for a point in another language) and the PA-X codes
those issues map to; issues a file gives by hand are kept, never overridden by the lexicon.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from redline.analysis.textsim import tokens
from redline.knowledge.issue_terms import IssueTerms
from redline.model import PlanVersion, Point

Tagger = Callable[[str], list[str]]

__all__ = ["Tagger", "point_warnings", "tag_points", "tagging_text", "term_tagger"]


def tag_points(
    version: PlanVersion, tagger: Tagger | None = None, pax_for_issue: Mapping[str, list[str]] | None = None
) -> PlanVersion:
    """Add issues (from the tagger) and PA-X codes (from the issue mapping) to every point.

    Issues already on a point (from JSON or CSV) are kept; the tagger only adds to them, so
    a hand-coded version is never overridden by the lexicon.
    """
    points: list[Point] = []
    for p in version.points:
        issues = list(p.issues)
        wording = tagging_text(p)
        if tagger is not None and wording:
            issues += [i for i in tagger(wording) if i not in issues]
        pax = list(p.pax_codes)
        for issue in issues:
            pax += [c for c in (pax_for_issue or {}).get(issue, []) if c not in pax]
        points.append(replace(p, issues=issues, pax_codes=pax))
    return replace(version, points=points)


def tagging_text(p: Point) -> str:
    """The English wording to tag and compare: the gloss of a point written in another language."""
    if p.text_status == "unknown":
        return ""
    return p.english


def point_warnings(version: PlanVersion, foreign: Callable[[str], bool]) -> list[str]:
    """Say which points are not in English, since the lexicon tags only English wording.

    ``foreign`` tells a text in another language (a check built on the language word lists);
    it catches points in another language that the file did not mark with ``lang``.
    """
    out: list[str] = []
    for p in version.points:
        if p.text_status == "unknown":
            continue
        said = f"is in {p.lang}" if p.lang else ("does not look like English" if foreign(p.text) else None)
        if said is None:
            continue
        if p.gloss:
            out.append(f"point {p.number} {said}: tagged and aligned from its English gloss")
        else:
            out.append(
                f"point {p.number} {said} and has no English gloss: it gets no issue tags "
                'and aligns poorly; add a "gloss"'
            )
    return out


def _pattern_parts(pattern: str) -> list[list[str]]:
    """A lexicon pattern as token runs: "cap ... army" -> [["cap"], ["army"]]; "territor*" keeps its star."""
    parts = []
    for chunk in pattern.split("..."):
        words = []
        for word in chunk.split():
            star = word.endswith("*")
            toks = tokens(word.rstrip("*"), keep_stop_words=True)
            if toks:
                words += [*toks[:-1], toks[-1] + ("*" if star else "")]
        if words:
            parts.append(words)
    return parts


def _run_at(text: list[str], run: list[str], start: int) -> bool:
    if start + len(run) > len(text):
        return False
    return all(
        text[start + k].startswith(w[:-1]) if w.endswith("*") else text[start + k] == w
        for k, w in enumerate(run)
    )


def _matches(text: list[str], parts: list[list[str]], gap: int = 4) -> bool:
    """Whether the runs occur in order, each within ``gap`` tokens of the previous one."""

    def search(k: int, lo: int, hi: int) -> bool:
        if k == len(parts):
            return True
        return any(
            _run_at(text, parts[k], i) and search(k + 1, i + len(parts[k]), i + len(parts[k]) + gap + 1)
            for i in range(lo, min(hi, len(text)))
        )

    return bool(parts) and search(0, 0, len(text))


def term_tagger(lexicon: IssueTerms) -> Tagger:
    """A tagger from weighted issue terms: an issue is tagged once its matched weights reach ``min_score``."""
    compiled = {
        issue: [(_pattern_parts(p), w) for p, w in terms.items()] for issue, terms in lexicon.terms.items()
    }

    def tag(text: str) -> list[str]:
        toks = tokens(text, keep_stop_words=True)
        found = []
        for issue, patterns in compiled.items():
            score = sum(w for parts, w in patterns if _matches(toks, parts))
            if score >= lexicon.min_score:
                found.append(issue)
        return found

    return tag
