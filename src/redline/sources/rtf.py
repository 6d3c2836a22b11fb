"""The text a Rich Text Format file shows, as a word processor shows it.

A draft saved by a word processor's "Save as RTF" (or a Mac text editor's default format) holds
its text between control words: font, colour and list tables, formatting switches, escapes for
characters outside ASCII. Only what a reader sees is kept: the text, one paragraph a line, the
characters the escapes stand for, and a list's numbers, which such files hold only inside
``{\\listtext 1.}`` groups (the list table says how to number, not the numbers). Pictures,
headers, footers, fields' instructions and every ``{\\*...}`` group are no text.
"""

from __future__ import annotations

import re

__all__ = ["is_rtf", "rtf_text"]

# Groups whose content a word processor does not show as the document's text.
_HIDDEN = frozenset(
    {
        "fonttbl",
        "colortbl",
        "stylesheet",
        "info",
        "listtable",
        "listoverridetable",
        "revtbl",
        "rsidtbl",
        "generator",
        "pict",
        "object",
        "header",
        "headerl",
        "headerr",
        "headerf",
        "footer",
        "footerl",
        "footerr",
        "footerf",
        "fldinst",
        "themedata",
        "colorschememapping",
        "latentstyles",
        "datastore",
        "xmlnstbl",
        "mmathPr",
        "pgdsctbl",
        "expandedcolortbl",
    }
)
# Control words that stand for a character, or end a line or a paragraph.
_CHARACTERS = {
    "par": "\n",
    "line": "\n",
    "sect": "\n",
    "page": "\n",
    "row": "\n",
    "cell": " | ",
    "tab": "\t",
    "emdash": "\u2014",
    "endash": "\u2013",
    "lquote": "\u2018",
    "rquote": "\u2019",
    "ldblquote": "\u201c",
    "rdblquote": "\u201d",
    "bullet": "\u2022",
    "emspace": " ",
    "enspace": " ",
    "qmspace": " ",
    "~": "\u00a0",
    "-": "",
    "_": "-",
}
_TOKEN = re.compile(
    r"\\(?P<word>[a-zA-Z]+)(?P<arg>-?\d+)? ?|\\'(?P<hex>[0-9a-fA-F]{2})|\\(?P<sym>[^a-zA-Z'])|(?P<open>\{)|(?P<close>\})"
    r"|(?P<newline>[\r\n]+)|(?P<text>[^\\{}\r\n]+)"
)
_CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")


def is_rtf(data: bytes) -> bool:
    """Whether ``data`` is an RTF document (its first group opens with ``\\rtf``)."""
    return data.lstrip()[:5] == b"{\\rtf"


def rtf_text(data: bytes) -> str:
    """The text of the RTF document ``data``: paragraphs on lines of their own, escapes read as
    the characters of the document's code page (``\\ansicpg``, Windows-1252 when none is named)
    or as Unicode (``\\u8212``, whose stand-in characters for old readers are skipped), and
    each ``\\listtext`` number at the start of its item's line."""
    match = _CODE_PAGE.search(data[:2000])
    code_page = f"cp{match.group(1).decode()}" if match else "cp1252"
    try:
        "".encode(code_page)
    except LookupError:
        code_page = "cp1252"
    source = data.decode("latin-1")  # RTF is 7-bit: other bytes are read as their code page's below
    out: list[str] = []
    # one entry per open group: whether its text is hidden, how many characters follow \uN
    stack: list[tuple[bool, int]] = [(False, 1)]
    pending: bytearray = bytearray()  # \'hh bytes, decoded together (a code page may use two)
    skip = 0  # stand-in characters still to skip after a \uN
    first_in_group = False

    def flush() -> None:
        if pending:
            out.append(pending.decode(code_page, errors="replace"))
            pending.clear()

    for m in _TOKEN.finditer(source):
        hidden, uc = stack[-1]
        kind = m.lastgroup
        if kind == "open":
            flush()
            stack.append((hidden, uc))
            first_in_group = True
            continue
        starts = first_in_group
        first_in_group = False
        if kind == "close":
            flush()
            if len(stack) > 1:
                stack.pop()
            continue
        if kind == "newline":
            continue  # line breaks in the source are not the text's
        if kind == "sym" and m.group("sym") == "*" and starts:
            stack[-1] = (True, uc)  # an ignorable destination: never text
            first_in_group = True
            continue
        if skip and kind in ("text", "hex", "sym"):
            if kind == "text":
                taken = m.group("text")[:skip]
                skip -= len(taken)
                rest = m.group("text")[len(taken) :]
                if rest and not hidden:
                    flush()
                    out.append(rest)
            else:
                skip -= 1
            continue
        if kind == "hex":
            if not hidden:
                pending.append(int(m.group("hex"), 16))
            continue
        flush()
        if kind == "text":
            if not hidden:
                out.append(m.group("text"))
        elif kind == "sym":
            sym = m.group("sym")
            if hidden:
                continue
            if sym in "\\{}":
                out.append(sym)
            elif sym in "\r\n":
                out.append("\n")  # "\" at a line's end: a paragraph mark
            else:
                out.append(_CHARACTERS.get(sym, ""))
        else:
            word, arg = m.group("word"), m.group("arg")
            if word in _HIDDEN and starts:
                stack[-1] = (True, uc)
            elif word == "uc" and arg is not None:
                stack[-1] = (hidden, int(arg))
            elif word == "u" and arg is not None:
                if not hidden:
                    out.append(chr(int(arg) % 65536))
                skip = uc
            elif word == "listtext" and starts and not hidden:
                out.append("\x00")  # the list number's group: its tabs are no text
            elif word in ("pard", "plain") or hidden:
                continue
            elif word in _CHARACTERS:
                out.append(_CHARACTERS[word])
    flush()
    text = "".join(out)
    # "\x00<TAB>1.<TAB>" (a list number's group) becomes "1. "
    text = re.sub(r"\x00\s*(\S+?)\s+", r"\1 ", text).replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"
