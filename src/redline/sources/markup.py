"""Plain-text markup sources (reStructuredText, Emacs Org mode) as the text they render to.

Both are text a person can read as it stands, but part of it is never shown: reST's comments,
directives, field lists and footnotes, Org's settings lines, drawers and commented-out subtrees.
And reST numbers its ``#.`` items only when rendered, so a draft written that way has no number
before its points until the count is made here. What comes out is the draft typed as plain
text or Markdown ("# Section", "3. ..."), which the plan reader (and an article's reader) reads.
"""

from __future__ import annotations

import re

# -- reStructuredText ---------------------------------------------------------------------------

# A section title's adornment: one punctuation character repeated along the whole line.
_ADORNMENT = re.compile(r"^([=\-`:'\"~^_*+#<>.])\1{2,}\s*$")
# An enumerated list item: "#.", "3.", "(a)", "iv)", with its text.
_ENUMERATED = re.compile(
    r"^(?P<indent>\s*)(?P<open>\(?)(?P<enum>#|\d{1,4}|[a-zA-Z]|[ivxlcdm]{1,6})(?P<close>[.)])\s+"
)
_FIELD = re.compile(r"^:[^:\s][^:]*:(?:\s|$)")
_FOOTNOTE_REF = re.compile(r"\s*\[(?:#[\w-]*|\*|\d+|[A-Za-z][\w.-]*)\]_")
_LINK = re.compile(r"`([^`<]+?)\s*<[^>]+>`__?")
_ROLE = re.compile(r":[\w-]+:`([^`]+)`")
_INLINE = re.compile(r"(\*\*|``|\*|`)(\S(?:.*?\S)?)\1_{0,2}")


def rst_text(source: str) -> str:
    """reStructuredText as the text docutils renders: section titles as Markdown headings,
    ``#.`` items numbered (a list whose first item is written "3." counts on from 3), and no
    comment, directive, field list, footnote or footnote reference."""
    lines = source.splitlines()
    out: list[str] = []
    counters: dict[int, int] = {}  # the count of the list open at each indent
    skip_under: int | None = None  # the indent an explicit markup block ("..") stands at
    k = 0
    while k < len(lines):
        line = lines[k].rstrip()
        indent = len(line) - len(line.lstrip())
        k += 1
        if skip_under is not None:
            if not line.strip() or indent > skip_under:
                continue
            skip_under = None
        if line.lstrip().startswith("..") and (line.strip() == ".." or line.lstrip()[2:3] == " "):
            skip_under = indent  # a comment, a directive, a footnote, a target: none is shown
            continue
        if _ADORNMENT.match(line):
            continue  # an over- or underline: the title line beside it says the title
        if (
            k < len(lines)
            and line.strip()
            and _ADORNMENT.match(lines[k])
            and len(lines[k].strip()) >= len(line.strip())
        ):
            out.append(f"# {line.strip()}")
            counters.clear()
            continue
        if not line.strip():
            out.append("")
            continue
        if indent == 0 and _FIELD.match(line):  # a field list (":Date: ..."): the document's data
            skip_under = 0
            continue
        for deeper in [at for at in counters if at > indent]:
            del counters[deeper]
        if m := _ENUMERATED.match(line):
            enum = m.group("enum")
            at = len(m.group("indent"))
            if enum == "#":
                counters[at] = counters.get(at, 0) + 1
                enum = str(counters[at])
            elif enum.isdigit():
                counters[at] = int(enum)
            line = f"{m.group('indent')}{m.group('open')}{enum}{m.group('close')} {line[m.end() :]}"
        elif indent in counters or indent < min(counters, default=indent + 1):
            for closed in [at for at in counters if at >= indent]:
                del counters[closed]  # a paragraph at the list's indent ends the list
        out.append(_rst_inline(line))
    return "\n".join(out)


def _rst_inline(line: str) -> str:
    line = _FOOTNOTE_REF.sub("", line)
    line = _LINK.sub(r"\1", _ROLE.sub(r"\1", line))
    return _INLINE.sub(r"\2", line)


# -- Org mode -----------------------------------------------------------------------------------

_HEADLINE = re.compile(r"^(?P<stars>\*+)\s+(?P<rest>.*)$")
_TAGS = re.compile(r"\s+:[\w@#%:]+:\s*$")
_PRIORITY = re.compile(r"^\[#[A-Z0-9]\]\s*")
_DRAWER = re.compile(r"^\s*:[\w-]+:\s*$")
_DRAWER_END = re.compile(r"^\s*:END:\s*$", re.I)
_PLANNING = re.compile(r"^\s*(?:DEADLINE|SCHEDULED|CLOSED):")
_TODO_SETTING = re.compile(r"^#\+(?:SEQ_|TYP_)?TODO:\s*(.*)$", re.I)
_ORG_LINK = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]+)\])?\]")
_DEFAULT_KEYWORDS = frozenset({"TODO", "DONE"})


def org_text(source: str) -> str:
    """An Org-mode outline as the text it exports: headlines as Markdown headings, a headline
    that opens with a number ("** AGREED 4. Dam revenue :economy:") as the Markdown heading of
    that numbered point ("## 4. Dam revenue"), its body the point's text. The TODO keyword,
    priority and tags of a headline, ``#+`` settings, ``#`` comment lines, drawers (properties,
    logbook) and planning lines (``DEADLINE:``) are no text, nor is a subtree whose headline
    says ``COMMENT`` (commented out: no part of the document)."""
    lines = source.splitlines()
    keywords = set(_DEFAULT_KEYWORDS)
    for line in lines:
        if m := _TODO_SETTING.match(line.strip()):
            keywords |= {word.split("(")[0] for word in m.group(1).split() if word != "|"}
    out: list[str] = []
    commented: int | None = None  # the level of the COMMENT headline whose subtree is skipped
    in_drawer = False
    for raw in lines:
        line = raw.rstrip()
        if m := _HEADLINE.match(line):
            level = len(m.group("stars"))
            if commented is not None and level > commented:
                continue
            commented, in_drawer = None, False
            title = _TAGS.sub("", m.group("rest")).strip()
            first, _, after = title.partition(" ")
            if first in keywords:
                title = after.strip()
            title = _PRIORITY.sub("", title)
            if title == "COMMENT" or title.startswith("COMMENT "):
                commented = level
                continue
            out.append(f"{'#' * level} {title}")  # "## 4. Dam revenue": a point under its title
            continue
        if commented is not None:
            continue
        if in_drawer:
            in_drawer = not _DRAWER_END.match(line)
            continue
        if _DRAWER.match(line) and not _DRAWER_END.match(line):
            in_drawer = True
            continue
        stripped = line.strip()
        if stripped.startswith("#+") or stripped == "#" or stripped.startswith("# ") or _PLANNING.match(line):
            continue
        out.append(_ORG_LINK.sub(lambda m: m.group(2) or m.group(1), line))
    return "\n".join(out)
