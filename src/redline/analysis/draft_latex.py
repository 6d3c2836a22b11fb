"""A draft kept as LaTeX source, read as the document it prints.

Secretariats and academics draft in LaTeX: the points are ``\\item``s with no number written,
numbered by their ``enumerate`` (going on across sections with enumitem's ``[resume]``), under
``\\section``s, with comments, footnotes, labels and cross-references, ties (``~``) and dashes
(``---``) in the text. This module turns such a source into the plain lines the text reader
knows: each item its printed number ("6."), each section a Markdown heading, the markup
dropped, so that a ``.tex`` file reads as its PDF would.
"""

from __future__ import annotations

import re

from redline.analysis.point_sequence import to_roman

__all__ = ["latex_source"]

# what makes a text LaTeX rather than prose that mentions a backslash
_LATEX = re.compile(r"\\begin\{(?:document|enumerate|itemize)\}|^\s*\\item\b", re.M)
_COMMENT = re.compile(r"(?<!\\)%.*$")
_BEGIN = re.compile(r"\\begin\{(?P<env>enumerate|itemize|description)\}(?:\[(?P<opts>[^\]]*)\])?")
_END = re.compile(r"\\end\{(?:enumerate|itemize|description)\}")
_ITEM = re.compile(r"\\item(?:\[(?P<label>[^\]]*)\])?\s*")
_SECTION = re.compile(r"\\(?:part|chapter|section|subsection|subsubsection)\*?\{(?P<title>[^}]*)\}")
_LABEL = re.compile(r"\\label\{(?P<key>[^}]*)\}")
_REF = re.compile(r"\\(?:ref|autoref|cref)\{(?P<key>[^}]*)\}")
# commands whose argument is printed as it stands (emphasis and the like)
_KEEP_ARG = re.compile(r"\\(?:textbf|textit|emph|underline|textsc|textrm|mbox|text)\{(?P<arg>[^{}]*)\}")
# commands whose argument is not printed in the text (footnotes go to the page's foot)
_DROP_ARG = ("footnote", "vspace", "hspace", "label", "title", "author", "date", "usepackage", "setlist")
_SYMBOLS = (("---", "\u2014"), ("--", "\u2013"), ("``", "\u201c"), ("''", "\u201d"), ("\\,", " "), ("~", " "))
_ESCAPED = re.compile(r"\\([%&$#_{}])")
_COMMAND = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])?")


def latex_source(text: str) -> str:
    """``text`` as the lines its document prints when it is LaTeX source, else as it is."""
    if not _LATEX.search(text):
        return text
    lines = [_COMMENT.sub("", line) for line in text.splitlines() if not line.lstrip().startswith("%")]
    body = "\n".join(lines)
    if (start := body.find("\\begin{document}")) >= 0:
        body = body[start + len("\\begin{document}") :]
    if (end := body.find("\\end{document}")) >= 0:
        body = body[:end]
    body = _dropped_arguments(body)
    labels: dict[str, str] = {}
    out: list[str] = []
    counters: list[int | None] = []  # the open lists' counts; None for a list of bullets
    last_top = 0  # the count the last top-level enumerate ended at, for "[resume]"
    for raw in body.splitlines():
        line = raw
        if m := _SECTION.search(line):
            out += ["", f"## {m.group('title').strip()}", ""]
            continue
        if m := _BEGIN.search(line):
            opts = m.group("opts") or ""
            numbered = m.group("env") == "enumerate"
            start_at = last_top if numbered and not counters and "resume" in opts else 0
            counters.append(start_at if numbered else None)
            line = line[m.end() :]
        if _END.search(line):
            if counters and (ended := counters.pop()) is not None and not counters:
                last_top = ended
            out.append("")
            continue
        if m := _ITEM.search(line):
            marker = m.group("label")
            if marker is None and counters and counters[-1] is not None:
                counters[-1] += 1
                marker = _item_number(counters[-1], len(counters))
            marker = marker or "\u2022"
            for key in _LABEL.findall(line):
                labels[key] = marker.strip("().")
            line = "   " * (len(counters) - 1) + f"{marker} {line[m.end() :].strip()}"
        out.append(line)
    printed = "\n".join(out)
    printed = _REF.sub(lambda m: labels.get(m.group("key"), "?"), printed)
    printed = _LABEL.sub("", printed)
    return _plain(printed)


def _item_number(count: int, depth: int) -> str:
    """The label LaTeX prints for an item: "3." at the top, "(c)" one level down, "(iii)" below."""
    if depth == 1:
        return f"{count}."
    if depth == 2:
        return f"({chr(ord('a') + count - 1)})"
    return f"({to_roman(count)})"


def _dropped_arguments(text: str) -> str:
    """``text`` without the commands whose argument is not printed where it stands (a footnote,
    a spacing), their braces matched across lines; ``\\label`` stays, for the references."""
    out: list[str] = []
    k = 0
    dropped = "|".join(c for c in _DROP_ARG if c != "label")
    # environments other than the lists go with their settings ("\\begin{tabular}{@{}p{5cm}}")
    environment = r"(?P<cmd>begin|end)\{(?!enumerate|itemize|description)[^}]*"
    pattern = re.compile(r"\\(?:" + environment + r"|(?:" + dropped + r")\*?(?:\[[^\]]*\])?\{)")
    while m := pattern.search(text, k):
        out.append(text[k : m.start()])
        k = _group_end(text, m.end())
        if m.group("cmd") in ("begin", "end"):  # an environment's name and its settings
            while re.match(r"\s*\{", text[k:]):
                k = _group_end(text, text.index("{", k) + 1)
    out.append(text[k:])
    return "".join(out)


def _group_end(text: str, j: int) -> int:
    """The index after the brace closing the group that opens just before ``j``."""
    depth = 1
    while j < len(text) and depth:
        depth += {"{": 1, "}": -1}.get(text[j], 0) if text[j - 1] != "\\" else 0
        j += 1
    return j


def _plain(text: str) -> str:
    """The printed words of LaTeX lines: emphasis kept, ties and dashes as characters, table
    cells apart, other commands and braces dropped."""
    lines = []
    for line in text.splitlines():
        for _ in range(3):  # nested emphasis
            line = _KEEP_ARG.sub(lambda m: m.group("arg"), line)
        for source, printed in _SYMBOLS:
            line = line.replace(source, printed)
        line = re.sub(r"\\\\(?:\[[^\]]*\])?", "", line)
        line = re.sub(r"(?<!\\)&", "    ", line)
        line = _COMMAND.sub("", line)
        line = re.sub(r"(?<!\\)[{}]", "", line)
        line = _ESCAPED.sub(r"\1", line)
        lines.append(line.rstrip() if line.strip() else "")
    return "\n".join(lines)
