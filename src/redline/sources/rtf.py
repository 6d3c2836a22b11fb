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
    r"\\(?P<word>[a-zA-Z]+)(?P<arg>-?\d+)? ?|\\'(?P<hex>[0-9a-fA-F]{2})|\\(?P<sym>[^a-zA-Z'])"
    r"|(?P<open>\{)|(?P<close>\})|(?P<newline>[\r\n]+)|(?P<text>[^\\{}\r\n]+)"
)
_CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")
_LIST_NUMBER = "\x00"  # where a {\listtext} group opens: its tabs around the number are no text


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
    reader = _Reader(code_page)
    for m in _TOKEN.finditer(data.decode("latin-1")):  # RTF is 7-bit; escapes carry the rest
        reader.token(m)
    text = reader.text()
    text = re.sub(_LIST_NUMBER + r"\s*(\S+?)\s+", r"\1 ", text).replace(_LIST_NUMBER, "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


class _Reader:
    """The state of reading one document: the open groups (whether each is hidden, and how many
    stand-in characters follow a ``\\uN`` in it), bytes of ``\\'hh`` escapes not yet decoded (a
    code page may spell one character with two) and the stand-ins still to skip."""

    def __init__(self, code_page: str) -> None:
        self.code_page = code_page
        self.out: list[str] = []
        self.stack: list[tuple[bool, int]] = [(False, 1)]
        self.pending = bytearray()
        self.skip = 0
        self.opened = False  # the token read is the first of its group

    def text(self) -> str:
        self._flush()
        return "".join(self.out)

    def _flush(self) -> None:
        if self.pending:
            self.out.append(self.pending.decode(self.code_page, errors="replace"))
            self.pending.clear()

    def token(self, m: re.Match[str]) -> None:
        hidden, uc = self.stack[-1]
        kind = "word" if m.group("word") else m.lastgroup  # a word's number is the last group
        starts, self.opened = self.opened, False
        if kind == "newline":
            self.opened = starts
            return  # line breaks in the source are not the text's
        if kind == "open":
            self._flush()
            self.stack.append((hidden, uc))
            self.opened = True
        elif kind == "close":
            self._flush()
            if len(self.stack) > 1:
                self.stack.pop()
        elif kind == "sym" and m.group("sym") == "*" and starts:
            self.stack[-1] = (True, uc)  # an ignorable destination: never text
            self.opened = True
        elif self.skip and kind in ("text", "hex", "sym"):
            self._skipped(m, hidden)
        elif kind == "hex":
            if not hidden:
                self.pending.append(int(m.group("hex"), 16))
        else:
            self._flush()
            if not hidden and kind == "text":
                self.out.append(m.group("text"))
            elif not hidden and kind == "sym":
                sym = m.group("sym")
                # "\" at a line's end is a paragraph mark; "\{" a brace
                self.out.append(sym if sym in "\\{}" else "\n" if sym in "\r\n" else _CHARACTERS.get(sym, ""))
            elif kind == "word":
                self._word(m.group("word"), m.group("arg"), hidden, uc, starts)

    def _skipped(self, m: re.Match[str], hidden: bool) -> None:
        """A stand-in character after ``\\uN`` (or the start of a run of text holding it)."""
        if m.lastgroup != "text":
            self.skip -= 1
            return
        said = m.group("text")
        rest = said[self.skip :]
        self.skip = max(0, self.skip - len(said))
        if rest and not hidden:
            self._flush()
            self.out.append(rest)

    def _word(self, word: str, arg: str | None, hidden: bool, uc: int, starts: bool) -> None:
        if word in _HIDDEN and starts:
            self.stack[-1] = (True, uc)
        elif word == "uc" and arg is not None:
            self.stack[-1] = (hidden, int(arg))
        elif word == "u" and arg is not None:
            if not hidden:
                self.out.append(chr(int(arg) % 65536))
            self.skip = uc
        elif hidden:
            return
        elif word == "listtext" and starts:
            self.out.append(_LIST_NUMBER)
        elif word in _CHARACTERS:
            self.out.append(_CHARACTERS[word])
