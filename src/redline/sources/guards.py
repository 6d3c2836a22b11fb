"""Checks that turn bad input into one-line Problems instead of crashes or nonsense output.

Each check returns ``None`` when the input is fine, else a ``Problem`` that names the input,
says what is wrong and what to do. Readers call them in order: size (before reading a
byte), binary sniffing, decoding, then the text checks (empty, garbage, language).
Unbalanced quote marks are deliberately *not* checked: news text is full of them (quotes
running over paragraphs, apostrophes typed as quotes) and the extractor copes.
"""

from __future__ import annotations

import codecs
import re
import string
import unicodedata
from typing import Any

from charset_normalizer import from_bytes

from redline.model import Document, Problem
from redline.sources.language import EnglishDetector

SNIFF_BYTES = 8192
# Problems of these kinds do not skip the input: the document is still processed.
WARNING_KINDS = frozenset({"date", "cleaned", "field"})  # "field": a --field the record lacks
# The metadata key that says what ``clean_document`` removed from a document.
CLEANED_KEY = "redline_cleaned"
# NUL, which PostgreSQL cannot store in text, and lone surrogates (a JSON "\ud800" escape),
# which cannot be encoded as UTF-8 at all; neither is ever part of an article.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Well-known binary formats people point text tools at, with what to do instead.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF document", "extract its text first, e.g. with pdftotext, and pass the .txt"),
    # a .docx is read by its own reader (sources.word) before this check; what comes here is not one
    (b"PK\x03\x04", "a ZIP archive (an .odt, .xlsx or .epub?)", "unpack it, or save it as .txt or .docx"),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first (gunzip)"),
    (b"\x89PNG", "a PNG image", "redline reads text, not images"),
    (b"\xff\xd8\xff", "a JPEG image", "redline reads text, not images"),
    (b"GIF8", "a GIF image", "redline reads text, not images"),
    (b"{\\rtf", "an RTF document", "save it as plain text (.txt) first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document", "save it as plain text (.txt) first"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)

# Typical sequences left when UTF-8 text was decoded as Latin-1/Windows-1252 ("â€™", "Ã©").
_MOJIBAKE = re.compile("â€|Ã[\u0080-\u00bf\u2018-\u203a]|Â[\u00a0-\u00bf]|Ð[\u0080-\u00bf]|Ñ[\u0080-\u00bf]")


def is_warning(problem: Problem) -> bool:
    """Whether a Problem only warns (the document was still used) rather than skipping input."""
    return problem.kind in WARNING_KINDS


def check_size(size: int, source: str, max_bytes: int) -> Problem | None:
    """Refuse an input by its size alone, before anything is read into memory."""
    return too_large(source, max_bytes, size) if size > max_bytes else None


def too_large(source: str, max_bytes: int, size: int | None = None) -> Problem:
    """The Problem for an input over the limit; ``size`` is None when it was not read to the end."""
    found = f"{_human(size)}; " if size is not None else ""
    return Problem(
        source,
        f"too large ({found}the limit is {_human(max_bytes)})",
        "split it, or raise the limit with REDLINE_MAX_BYTES",
        kind="too_large",
    )


def sniff_binary(sample: bytes, source: str) -> Problem | None:
    """Tell binary data from text by magic numbers, NUL bytes and control characters."""
    for magic, what, hint in _MAGIC:
        if sample.startswith(magic):
            return Problem(source, f"is {what}, not text", hint, kind="binary")
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in sample:
        if _utf16_guess(sample):
            return None
        return Problem(
            source, "is binary (it contains NUL bytes)", "pass a text, HTML, JSON or CSV file", "binary"
        )
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        return Problem(
            source, "is binary (many control bytes)", "pass a text, HTML, JSON or CSV file", "binary"
        )
    return None


def decode(data: bytes, source: str, *, declared: str | None = None) -> str | Problem:
    """Bytes to text: a BOM wins, then UTF-8, then the ``declared`` charset (an HTML page's
    meta tag), then charset detection; garbage is refused.

    A UTF-8 byte-order mark is dropped, so offsets count from the first real character.
    """
    problem = sniff_binary(data[:SNIFF_BYTES], source)
    if problem:
        return problem
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None) or _utf16_guess(
        data[:SNIFF_BYTES]
    )
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            return _undecodable(source, f"is not valid {encoding.upper()} ({exc.reason} at byte {exc.start})")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            detected = _decode_declared(data, declared) or _mixed_utf8(data) or _detect(data)
            if detected is None:
                return _undecodable(source, "is not valid UTF-8 and no other encoding fits")
            text = detected
    return check_garbage(text, source)


def check_garbage(text: str, source: str) -> str | Problem:
    """Refuse text that decoded but is not readable: replacement characters, controls, mojibake."""
    sample = text[: SNIFF_BYTES * 4]
    if not sample:
        return text
    bad = sum(
        1 for c in sample if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    )
    if bad / len(sample) > 0.01:
        return _undecodable(source, f"decodes to garbage ({bad} unreadable characters)")
    marks = len(_MOJIBAKE.findall(sample))
    if marks >= 3 and marks * 1000 >= len(sample):
        return Problem(
            source,
            f"looks mis-encoded ({marks} sequences like 'â€™' or 'Ã©')",
            "the text was probably saved as UTF-8 and re-read as Windows-1252; re-save it as UTF-8",
            kind="encoding",
        )
    return text


_RECORD = re.compile(r"(?::|#)\d+$")  # "file.jsonl:3", "file.json#1": a record of a file


def check_text(text: str, source: str, detector: EnglishDetector | None) -> Problem | None:
    """Checks every document goes through, whatever it was read from."""
    # a record of a JSONL, JSON or CSV file ("articles.jsonl:2") is fixed in its field, not by
    # passing another file
    hint = (
        "give the record its article in 'text'" if _RECORD.search(source) else "pass a file with article text"
    )
    if not text:
        return Problem(source, "is empty", hint, kind="empty")
    if not text.strip():
        return Problem(source, "holds only whitespace", hint, kind="empty")
    if detector is not None:
        guess = detector.guess(text)
        if not guess.english:
            return Problem(
                source,
                guess.reason(),
                "redline analyses English text; translate it first, or set REDLINE_CHECK_LANGUAGE=0",
                kind="language",
            )
    return None


def clean_document(doc: Document) -> None:
    """Remove characters no database can store from every text field of a document, in place.

    One NUL (``\\u0000`` in a JSON record, or a stray byte deep in a text file) used to make
    PostgreSQL refuse the whole batch on every run, while SQLite stored it: cleaning at read
    time, for every source, gives both backends the same documents. NULs are dropped and lone
    surrogates become U+FFFD, so offsets count in the cleaned text; ``metadata`` records what
    was removed (``cleaned_warning`` reports it). Idempotent, so readers may clean early.
    """
    counts = {"nul": 0, "surrogate": 0}

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            if _UNSTORABLE.search(value) is None:
                return value
            nul = value.count("\x00")
            counts["nul"] += nul
            counts["surrogate"] += len(_UNSTORABLE.findall(value)) - nul
            return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)
        if isinstance(value, dict):
            return {clean(k): clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    for name in ("id", "text", "url", "title", "outlet", "source"):
        setattr(doc, name, clean(getattr(doc, name)))
    doc.metadata = clean(doc.metadata)
    parts = []
    if counts["nul"]:
        parts.append(f"{_count(counts['nul'], 'NUL character')} removed")
    if counts["surrogate"]:
        parts.append(
            f"{_count(counts['surrogate'], 'lone surrogate')} (invalid characters) replaced by U+FFFD"
        )
    if parts:
        doc.metadata[CLEANED_KEY] = "; ".join(parts)


def cleaned_warning(doc: Document) -> Problem | None:
    """The warning for a document ``clean_document`` changed: it is stored, and the user told."""
    note = doc.metadata.get(CLEANED_KEY)
    if not note:
        return None
    return Problem(
        doc.source or doc.id,
        f"held characters a database cannot store: {note}",
        "stored without them; offsets count in the cleaned text",
        kind="cleaned",
    )


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset=...>``)."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        codecs.lookup(declared)
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong declaration is common: fall back to detection


# a UTF-8 sequence of two to four bytes: its presence says the file was written as UTF-8
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _byte_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 refused one by one as Windows-1252 (Latin-1 where it has none)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error("redline-cp1252", _byte_as_cp1252)


def _mixed_utf8(data: bytes) -> str | None:
    """A UTF-8 file with a passage pasted in from a legacy code page ("café" typed in Windows-1252
    into a file of curly quotes): decoded as UTF-8 with only the stray bytes read as Windows-1252.
    Detection would decode the whole file in one legacy code page and turn every UTF-8 quote
    mark into mojibake. None when UTF-8 sequences are not the majority of the non-ASCII bytes."""
    multibyte = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    if not multibyte:
        return None
    stray = sum(1 for b in data if b > 0x7F) - multibyte
    return data.decode("utf-8", errors="redline-cp1252") if multibyte >= stray else None


# a word of this many letters none of them ASCII: Cyrillic or Greek read as Windows-1252
# ("Ïðåçèäåíò"); a Western word has ASCII letters around its accents ("été", "Straße")
_FOREIGN_WORD = re.compile(r"\b[^\W\d_a-zA-Z]{3,}\b")
# below this many bytes beyond ASCII, detection guesses (a short French line came out as cp775,
# Big5 or UTF-16) and the common Western code page is the better bet when it reads as text
_FEW_BYTES = 64


def _western(data: bytes) -> str | None:
    """``data`` as Windows-1252 when that reads as Western European text: accented Latin letters
    among ASCII ones, quotes, dashes and currency signs, no symbol inside a word (Polish "ą"
    read as Windows-1252 is a superscript "¹" inside a word). None otherwise."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for i, c in enumerate(text):
        if ord(c) <= 0x7F:
            continue
        if c.isalpha():
            if not unicodedata.name(c, "").startswith("LATIN"):
                return None
        elif unicodedata.category(c)[0] not in "PSZ" or (
            0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
        ):
            return None
    return None if _FOREIGN_WORD.search(text) else text


# the Cyrillic code pages a short legacy file is most likely in; KOI8-U reads KOI8-R text alike
_CYRILLIC_PAGES = ("cp1251", "koi8-u")
# letters of the scripts a single-byte code page carries; any other reading of a short file
# (half-width katakana, CJK) is detection guessing a multi-byte code page on a few bytes
_PAGE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "HEBREW", "ARABIC")
_EDGE_PUNCTUATION = string.punctuation + "«»„“”‘’—–…"


def _script(c: str) -> str | None:
    name = unicodedata.name(c, "")
    return next((s for s in _PAGE_SCRIPTS if name.startswith(s)), None)


def _reads_as_words(text: str) -> str | None:
    """The script of ``text``'s non-ASCII letters when it reads as words of one alphabet: each
    word in one script, in lower case after its first letter or all in capitals ("Москва",
    "МИД"; not "мОСКВА", which is Russian read in the other Cyrillic code page), no symbol
    inside a word. None otherwise."""
    found: str | None = None
    for word in text.split():
        letters = [c for c in word if c.isalpha()]
        if not any(ord(c) > 0x7F for c in letters):
            continue
        scripts = {_script(c) for c in letters}
        if len(scripts) != 1 or None in scripts or (found and scripts != {found}):
            return None
        found = scripts.pop()
        core = word.strip(_EDGE_PUNCTUATION)
        if any(not c.isalpha() and c not in "-'’" for c in core):
            return None
        cased = [c for c in core if c.islower() or c.isupper()]
        if cased and any(c.isupper() for c in cased[1:]) and not all(c.isupper() for c in cased):
            return None
    return found


def _short_cyrillic(data: bytes, detected: str | None) -> str | None:
    """A short file in one of the usual Cyrillic code pages, which detection misreads on a few
    bytes (KOI8-R as Shift-JIS katakana or Hebrew, Ukrainian cp1251 as Mac Cyrillic): the
    Windows or KOI8 reading when it reads as Cyrillic words and detection's reading is not words
    of another alphabet (a Greek or Polish text in its own code page stays itself). Of two
    Cyrillic readings the one with more lower-case letters wins: running text is mostly lower
    case, and each page's lower case is the other's upper case."""
    if detected is not None and _reads_as_words(detected) not in (None, "CYRILLIC"):
        return None
    best: tuple[int, str] | None = None
    for page in _CYRILLIC_PAGES:
        try:
            text = data.decode(page)
        except UnicodeDecodeError:
            continue
        if _reads_as_words(text) != "CYRILLIC":
            continue
        lower = sum(1 for c in text if c.islower())
        if best is None or lower > best[0]:
            best = (lower, text)
    return best[1] if best else None


def _detect(data: bytes) -> str | None:
    """Decode with charset detection; ties go to Windows-1252, the usual legacy code page of
    English news (charset-normalizer cannot tell it from cp1250 on mostly-ASCII text), and so
    does a short text that reads as Western European (``_western``): on a few accented letters
    detection is a guess, and a short Cyrillic text is read in the usual Cyrillic code pages
    (``_short_cyrillic``)."""
    short = sum(1 for b in data if b > 0x7F) < _FEW_BYTES
    if short:
        western = _western(data)
        if western is not None:
            return western
    matches = from_bytes(data)
    best = matches.best()
    if short:
        cyrillic = _short_cyrillic(data, None if best is None else str(best))
        if cyrillic is not None:
            return cyrillic
    if best is None:
        return None
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence
        ):
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    return str(best)


def _utf16_guess(sample: bytes) -> str | None:
    """UTF-16 without a BOM: text in a Latin script has every other byte NUL."""
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.7 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.7 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def _undecodable(source: str, reason: str) -> Problem:
    return Problem(source, reason, "re-save the file as UTF-8", kind="encoding")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _human(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"
