"""Local inputs: text, HTML, JSON Lines, JSON, CSV and RSS/Atom feed files, folders of them, and stdin.

Every reader yields Documents or Problems and never raises for a bad input, so one broken
file or record never stops a run. Sizes are checked before reading: ``.txt``, ``.html``,
``.json``, ``.csv`` and feed files over ``settings.max_bytes`` are refused whole, while ``.jsonl``
(the corpus format) is streamed line by line and the limit applies to each record. A saved
feed (``.xml``, ``.rss``, ``.atom``) gives one document per entry from the entry's own text: a
local file never makes redline fetch the links inside it.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from redline.config import RECORD_FIELDS as _FIELDS
from redline.config import Settings, record_field_map
from redline.dates import parse_date as parse_date  # re-exported: the readers' date parser
from redline.model import Document, Problem, stable_id
from redline.sources.dateline import document_date, file_name_date
from redline.sources.guards import (
    SNIFF_BYTES,
    check_size,
    clean_document,
    declared_charset,
    decode,
    sniff_binary,
    too_large,
)
from redline.sources.headline import headline_of
from redline.sources.html import Page, parse_html
from redline.sources.mail import mail_subject, mail_text
from redline.sources.office import OfficeError
from redline.sources.opendocument import odt_text
from redline.sources.word import docx_text

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
# a saved e-mail, a Word document, an OpenDocument text
DOCUMENT_SUFFIXES = frozenset({".eml", ".docx", ".odt"})
SUFFIXES = (
    TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | DOCUMENT_SUFFIXES | {".jsonl", ".ndjson", ".json", ".csv"}
)
RECORD_FIELDS = tuple(f for f in _FIELDS if f != "text")  # the optional ones
STDIN = "<stdin>"
_RECORD_HINT = "each record needs a 'text' string; optional: id, url, title, published, outlet"
_TEXT_HINT = (
    "say which field holds the article text: --field text=FIELD (and --field published=FIELD, "
    "title, outlet, url, id for the others), or name it 'text'"
)
_KNOWN = (
    ".txt, .html, .jsonl, .json and .csv files, RSS/Atom feeds (.xml, .rss, .atom), saved e-mails"
    " (.eml), Word documents (.docx) and OpenDocument texts (.odt)"
)


class FileReader:
    """Reads local inputs with one set of settings and one default publication date."""

    def __init__(self, settings: Settings, published: date | None = None) -> None:
        self.settings = settings
        self.published = published
        self.fields = record_field_map(settings.record_fields)  # {redline's name: the record's}

    # -- dispatch -------------------------------------------------------------------------

    def read_path(self, path: Path) -> Iterator[Document | Problem]:
        """A file, or every non-hidden file under a folder in sorted order."""
        if path.is_dir():
            for file in walk(path):
                if isinstance(file, Problem):
                    yield file
                else:
                    yield from self.read_file(file)
        elif path.exists() or path.is_symlink():
            yield from self.read_file(path)
        else:
            yield Problem(str(path), "no such file or folder", "check the path", kind="input")

    def read_file(self, path: Path) -> Iterator[Document | Problem]:
        source = str(path)
        suffix = path.suffix.lower()
        try:
            info = path.stat()
            size = info.st_size
            if not stat.S_ISREG(info.st_mode):
                yield not_regular(source, info.st_mode)
                return
            if suffix in (".jsonl", ".ndjson"):
                yield from self.read_jsonl(path)
                return
            if suffix not in SUFFIXES:
                yield _unknown_type(path)
                return
            oversize = check_size(size, source, self.settings.max_bytes)
            if oversize:
                yield oversize
                return
            data = path.read_bytes()
        except OSError as exc:
            yield unreadable(source, exc)
            return
        if suffix in FEED_SUFFIXES:
            yield from self.read_feed(data, source)
            return
        named = file_name_date(path.name)  # one article to a file: its name may give its day
        if suffix in DOCUMENT_SUFFIXES:
            yield self.read_document_file(data, source, suffix, named=named)
            return
        text = decode(data, source, declared=declared_charset(data) if suffix in HTML_SUFFIXES else None)
        del data
        if isinstance(text, Problem):
            yield text
        elif suffix in TEXT_SUFFIXES:
            yield self.document(text, source, named=named)
        elif suffix in HTML_SUFFIXES:
            yield self.from_page(parse_html(text, source), source, named=named)
        elif suffix == ".json":
            yield from self.read_json(text, source)
        else:
            yield from self.read_csv(text, source)

    # -- formats --------------------------------------------------------------------------

    def read_document_file(
        self, data: bytes, source: str, suffix: str, *, named: date | None = None
    ) -> Document | Problem:
        """A saved e-mail as a mail program shows it, its subject the title; a Word document as
        Word shows it, an OpenDocument text as LibreOffice shows it (the readers plans use too:
        ``sources.mail``, ``sources.word``, ``sources.opendocument``)."""
        if suffix in (".docx", ".odt"):
            try:
                return self.document(
                    (docx_text if suffix == ".docx" else odt_text)(data), source, named=named
                )
            except OfficeError as exc:
                hint = "save the article as .docx, .odt or .txt"
                return Problem(source, str(exc), hint, kind="binary")
        subject = mail_subject(data)
        record = {"title": subject} if subject else None
        return self.document(mail_text(data), source, record=record, named=named)

    def from_page(
        self, page: Page | Problem, source: str, *, named: date | None = None
    ) -> Document | Problem:
        if isinstance(page, Problem):
            return page
        record = {"text": page.text, "title": page.title, "url": page.url, "outlet": page.outlet}
        published, _problem = self._published(page.date, source)
        # a page date we cannot read is not worth a warning: the text's dateline or the
        # default date stands in for it (see ``document``)
        return self.document(page.text, source, record=record, published=published, named=named)

    def read_jsonl(self, path: Path) -> Iterator[Document | Problem]:
        """One JSON object per line, streamed so corpus files of any size work."""
        source = str(path)
        with path.open("rb") as handle:
            binary = sniff_binary(handle.read(SNIFF_BYTES), source)
            if binary:
                yield binary
                return
            handle.seek(0)
            records = 0  # lines that hold anything: a file of none is empty, as an empty .txt is
            for number, raw in _lines(handle, self.settings.max_bytes):
                where = f"{source}:{number}"
                if raw is None:
                    yield too_large(where, self.settings.max_bytes)
                    records += 1
                    continue
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                records += 1
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield Problem(
                        where, f"is not valid UTF-8 (byte {exc.start})", "re-save as UTF-8", "encoding"
                    )
                    continue
                yield from self.read_json_line(line, where)
            if not records:
                yield Problem(source, "is empty", f"pass one JSON object per line; {_RECORD_HINT}", "empty")

    def read_json_line(self, line: str, where: str) -> Iterator[Document | Problem]:
        value = load_json(line.strip(), where, _RECORD_HINT)
        if isinstance(value, JsonFailure):
            yield value.problem
            return
        yield from self.from_record(value, where)

    def read_json(self, text: str, source: str) -> Iterator[Document | Problem]:
        """One record object, or a list of them."""
        value = load_json(text, source, "for one record per line use the .jsonl extension")
        if isinstance(value, JsonFailure):
            yield value.problem
            return
        if isinstance(value, list):
            for index, item in enumerate(value, start=1):
                yield from self.from_record(item, f"{source}#{index}")
        else:
            yield from self.from_record(value, source)

    def read_feed(self, data: bytes, source: str) -> Iterator[Document | Problem]:
        """One document per entry of an RSS/Atom file, from the text the entry carries (its
        content, else its summary); an entry without text is a Problem naming its link."""
        from redline.sources.feeds import entry_record, is_feed, parse_feed  # feedparser, when asked

        binary = sniff_binary(data[:SNIFF_BYTES], source)
        if binary:
            yield binary
            return
        if not is_feed("", data):
            yield Problem(
                source,
                "is XML but not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> at its start)",
                f"redline reads {_KNOWN}",
                "input",
            )
            return
        entries = parse_feed(data)
        if not entries:
            yield Problem(source, "the feed has no entries", "check that the file is the whole feed", "empty")
        for number, entry in enumerate(entries, start=1):
            where = f"{source}#{number}"
            if not entry.summary:
                hint = (
                    f"ingest its link to fetch the article: redline ingest {entry.url}"
                    if entry.url
                    else "the entry has neither text nor a link; nothing to read"
                )
                title = entry.title or "(untitled)"
                yield Problem(where, f"feed entry {title!r} carries no text", hint, "empty")
                continue
            record = entry_record(entry, source)
            published = record.pop("published") or self.published
            record.update(record.pop("metadata"))
            yield self.document(entry.summary, where, record=record, published=published)

    def read_csv(self, text: str, source: str) -> Iterator[Document | Problem]:
        """A header row naming a ``text`` column and optionally id, url, title, published, outlet."""
        first_line = text[: text.find("\n")] if "\n" in text else text
        delimiter = max(",;\t", key=first_line.count)  # the header decides; prose confuses csv.Sniffer
        # csv refuses fields over 131,072 characters by default; an article may be that long
        # and the whole file is already within the size limit, so no field can exceed it
        if csv.field_size_limit() < self.settings.max_bytes:
            csv.field_size_limit(self.settings.max_bytes)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            yield Problem(
                source, "is empty", "pass a CSV file with a header row and a 'text' column", "empty"
            )
            return
        except csv.Error as exc:
            yield Problem(source, f"is not valid CSV ({exc})", "check the quoting", "input")
            return
        text_column = self.fields.get("text", "text").lower()
        if text_column not in header:
            yield Problem(
                source,
                f"has no {text_column!r} column (columns: {', '.join(h for h in header if h) or 'none'})",
                "name the column holding the article text 'text', or say which it is: --field text=COLUMN",
                "input",
            )
            return
        while True:
            where = f"{source}:{reader.line_num + 1}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Problem(where, f"is not valid CSV ({exc})", "check the quoting", "input")
                return
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield Problem(
                    where,
                    f"has {len(row)} fields, the header has {len(header)}",
                    "check the quoting",
                    "input",
                )
                continue
            yield from self.from_record(dict(zip(header, row, strict=True)), where)

    def read_stdin(self, stream: TextIO) -> Iterator[Document | Problem]:
        """Plain text, or JSON Lines when every non-empty line is a JSON object."""
        limit = self.settings.max_bytes
        buffer: BinaryIO | None = getattr(stream, "buffer", None)
        data: str | Problem
        if buffer is not None:
            raw = buffer.read(limit + 1)
            if len(raw) > limit:
                yield too_large(STDIN, limit)
                return
            data = decode(raw, STDIN)
        else:
            data = stream.read(limit + 1)
            if len(data.encode("utf-8")) > limit:
                yield too_large(STDIN, limit)
                return
        if isinstance(data, Problem):
            yield data
            return
        lines = [(n, line) for n, line in enumerate(data.splitlines(), start=1) if line.strip()]
        if lines and all(_is_json_object(line) for _, line in lines):
            for number, line in lines:
                yield from self.read_json_line(line, f"{STDIN}:{number}")
        else:
            yield self.document(data, STDIN)

    # -- records --------------------------------------------------------------------------

    def from_record(self, value: Any, where: str) -> Iterator[Document | Problem]:
        if not isinstance(value, dict):
            yield Problem(where, f"is a JSON {_json_type(value)}, not an object", _RECORD_HINT, "json")
            return
        number = _long_number(value)
        if number is not None:
            yield Problem(
                where,
                f"holds a number too long to read ({len(number.lstrip('-'))} digits; "
                f"the limit is {sys.get_int_max_str_digits()})",
                f"store long numbers as strings, or remove this record; {_RECORD_HINT}",
                "json",
            )
            return
        record = value
        value, missing = self._renamed(record)
        if "text" in missing:
            yield self._missing_field(where, "text", missing["text"], record)
            return
        text = value.get("text")
        if text is None:
            shown = ", ".join(str(k) for k in value) or "none"
            yield Problem(where, f"has no 'text' field (its fields: {shown})", _TEXT_HINT, "json")
            return
        if not isinstance(text, str):
            yield Problem(where, f"'text' is a {_json_type(text)}, not a string", _RECORD_HINT, "json")
            return
        for name, field_name in missing.items():  # a date field's name mistyped, say
            yield self._missing_field(where, name, field_name, record)
        if "published" not in value and "published" not in self.fields:
            unread = next((k for k in value if "date" in str(k).lower()), None)
            if unread is not None:  # "date", "pub_date": the undated note alone would not say why
                yield Problem(
                    where,
                    f"has no 'published' field; its {unread!r} field is not read as its date",
                    f"--field published={unread} reads it",
                    "date",
                )
        limit = self.settings.max_bytes
        size = len(text.encode("utf-8")) if 4 * len(text) > limit else len(text)
        if size > limit:
            yield too_large(where, limit, size)
            return
        published, problem = self._published(
            value.get("published"),
            where,
            own=lambda: document_date(text, _optional_str(value.get("url")), self.published),
        )
        if problem is not None:
            yield problem
        yield self.document(text, where, record=value, published=published)

    def _renamed(self, record: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """The record under redline's names (``--field``), and the names mapped to a field the
        record lacks. A field is matched in any case, as a CSV header is read."""
        if not self.fields:
            return record, {}
        keys = {str(k).lower(): k for k in record}
        mapped = set(self.fields.values())
        out = {k: v for k, v in record.items() if k not in self.fields and k not in mapped}
        missing = {}
        for name, field_name in self.fields.items():
            key = field_name if field_name in record else keys.get(field_name.lower())
            if key is None:
                missing[name] = field_name
            else:
                out[name] = record[key]
        return out, missing

    def _missing_field(self, where: str, name: str, field_name: str, record: Mapping[str, Any]) -> Problem:
        shown = ", ".join(str(k) for k in record) or "none"
        what = "the record is skipped" if name == "text" else f"the record is read without its {name}"
        return Problem(
            where,
            f"has no {field_name!r} field for {name} (--field {name}={field_name}; its fields: {shown})",
            f"{what}; give --field {name}= one of its fields",
            "json" if name == "text" else "date" if name == "published" else "field",
        )

    def document(
        self,
        text: str,
        source: str,
        *,
        record: Mapping[str, Any] | None = None,
        published: date | None = None,
        named: date | None = None,
    ) -> Document:
        """A Document with a given id, else one derived from the text (stable across runs).

        Without a declared publication date the text's own (a dateline, a header date, the URL's
        date: ``sources.dateline``) comes first, then the day the file's name gives (``named``),
        then the reader's default, which is only a guess for every file alike."""
        record = record or {}
        url = _optional_str(record.get("url"))
        default = named or self.published
        doc = Document(
            id=_optional_str(record.get("id")) or "",
            text=text,
            url=url,
            title=_optional_str(record.get("title")),
            published=published or document_date(text, url, default) or default,
            outlet=_optional_str(record.get("outlet")),
            source=source,
            metadata={k: v for k, v in record.items() if k not in RECORD_FIELDS and k != "text"},
        )
        clean_document(doc)  # before the id: a derived id hashes the text as stored
        doc.title = doc.title or headline_of(doc.text)
        doc.id = doc.id or stable_id(doc.content_hash)
        return doc

    def _published(
        self, value: object, where: str, *, own: Callable[[], date | None] | None = None
    ) -> tuple[date | None, Problem | None]:
        """The parsed date, or a Problem whose hint says which date is used instead: the one
        the text gives (``own``, looked up only then), the default, or none."""
        try:
            return parse_date(value), None
        except ValueError as exc:
            found = own() if own is not None else None
            if found is not None:
                fallback = f"using the date the text gives, {found.isoformat()}"
            elif self.published:
                fallback = f"using --published {self.published.isoformat()}"
            else:
                fallback = "kept undated"
            return None, Problem(
                where, f"invalid published date: {exc}", f"{fallback}; use YYYY-MM-DD", "date"
            )


def walk(root: Path) -> Iterator[Path | Problem]:
    """Files under a folder in sorted order, skipping hidden files and folders.

    A folder that cannot be listed (permissions) comes out as a Problem where it would have
    been read: ``os.walk`` alone skips it in silence and the run looks complete. A linked
    folder is read like any other (a team links shared folders in), once however many links
    reach it; a link back to a folder that holds it is a loop, reported and not followed.
    """
    failed: list[OSError] = []
    top = root.stat()
    ancestors: dict[str, frozenset[tuple[int, int]]] = {str(root): frozenset({(top.st_dev, top.st_ino)})}
    seen = set(ancestors[str(root)])
    for folder, dirs, files in os.walk(root, onerror=failed.append, followlinks=True):
        while failed:
            error = failed.pop(0)
            yield unreadable(str(error.filename or folder), error)
        chain = ancestors.pop(folder, frozenset())
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError as exc:
                yield unreadable(path, exc)
                continue
            key = (info.st_dev, info.st_ino)
            if key in chain:
                yield Problem(
                    path,
                    "is a symbolic link to a folder that holds it (a loop); not followed",
                    "fix or remove the link; the folder's files are read once",
                    "input",
                )
                continue
            if key not in seen:  # a second link to a folder already read reads nothing twice
                seen.add(key)
                ancestors[path] = chain | {key}
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name
    for error in failed:
        yield unreadable(str(error.filename or root), error)


def unreadable(source: str, exc: OSError) -> Problem:
    """The Problem for a file or folder the system refuses to read, with a hint that fits why."""
    hints = {
        errno.EACCES: "check its permissions (the user running redline must be able to read it)",
        errno.EPERM: "check its permissions (the user running redline must be able to read it)",
        errno.ELOOP: "it is a symbolic link that points back to itself; fix or remove the link",
        errno.ENOENT: "it is a broken symbolic link or was removed during the run; check the path",
    }
    hint = hints.get(exc.errno or 0, "check that the path exists and can be read")
    return Problem(source, f"cannot be read ({exc.strerror or exc})", hint, "input")


def not_regular(source: str, mode: int) -> Problem:
    """The Problem for a named pipe, socket or device: never opened, since reading one can
    block forever (a FIFO with no writer) or never end (/dev/zero)."""
    what = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    return Problem(
        source,
        f"is {what}, not a regular file; skipped without reading",
        "copy it to a regular file, or pipe it in and name - (standard input) as the input",
        "input",
    )


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of at most ``limit`` bytes; longer lines are skipped and yield None."""
    number = 0
    while True:
        chunk = handle.readline(limit + 1)
        if not chunk:
            return
        number += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):
                chunk = handle.readline(limit + 1)
            yield number, None
        else:
            yield number, chunk


def _unknown_type(path: Path) -> Problem:
    source = str(path)
    try:
        with path.open("rb") as handle:
            sample = handle.read(SNIFF_BYTES)
    except OSError as exc:
        return unreadable(source, exc)
    binary = sniff_binary(sample, source)
    if binary:
        return binary
    kind = f"'{path.suffix}'" if path.suffix else "no extension"
    return Problem(
        source,
        f"has an unknown file type ({kind})",
        f"if it is plain article text, rename it to .txt; redline reads {_KNOWN}",
        "input",
    )


@dataclass(frozen=True, slots=True)
class JsonFailure:
    """Why a JSON text could not be loaded, as the Problem to report."""

    problem: Problem
    syntax: bool  # a syntax error (the text may not be JSON at all), not a limit


def load_json(text: str, where: str, hint: str) -> Any:
    """``json.loads`` that never raises: a syntax error or nesting deeper than the recursion
    limit (RecursionError) comes back as a JsonFailure naming ``where``. An integer over
    Python's 4,300-digit limit is kept as a LongNumber instead of failing the whole text, so
    ``from_record`` refuses only the record that holds it (one of a ``.json`` list)."""
    try:
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        reason, syntax = f"is not valid JSON: {_json_error(exc)}", True
    except RecursionError:
        reason = "is nested too deeply (more than about 1,000 levels of lists or objects)"
        hint, syntax = f"flatten or remove this record; {hint}", False
    except ValueError as exc:  # any other limit of the parser
        reason, syntax = f"cannot be read as JSON ({exc})", False
    return JsonFailure(Problem(where, reason, hint, "json"), syntax)


class LongNumber(str):
    """The digits of a JSON integer longer than Python converts (``sys.set_int_max_str_digits``)."""


def _parse_int(digits: str) -> int | LongNumber:
    limit = sys.get_int_max_str_digits()
    return LongNumber(digits) if limit and len(digits.lstrip("-")) > limit else int(digits)


def _long_number(value: Any) -> LongNumber | None:
    """The first LongNumber anywhere in a parsed record, if any."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, LongNumber):
            return item
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def _is_json_object(line: str) -> bool:
    """Whether a stdin line is a JSON object; one over the parser's limits still counts, so
    it is reported as a bad record instead of turning the whole input into plain text."""
    stripped = line.strip()
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return False
    value = load_json(stripped, STDIN, "")
    if isinstance(value, JsonFailure):
        return not value.syntax
    return isinstance(value, dict)


def _json_error(exc: json.JSONDecodeError) -> str:
    message = exc.msg.removesuffix(" at")
    where = f"line {exc.lineno} column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
    return f"{message[:1].lower()}{message[1:]} at {where}"


def _optional_str(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _json_type(value: object) -> str:
    if isinstance(value, LongNumber):
        return "number"
    names = {dict: "object", list: "list", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
