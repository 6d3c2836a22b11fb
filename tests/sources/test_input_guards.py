"""Bad inputs become one-line Problems naming the input, the reason and a hint."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

from redline.config import Settings
from redline.model import Problem
from redline.sources.guards import check_garbage, check_size, decode, sniff_binary


def _one_problem(read: Any, path: Path, settings: Settings | None = None) -> Problem:
    docs, problems = read([path], settings)
    assert docs == []
    assert len(problems) == 1
    problem: Problem = problems[0]
    assert problem.source == str(path)
    assert problem.hint
    return problem


def test_empty_file(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    problem = _one_problem(read, path)
    assert problem.kind == "empty"
    assert problem.render() == f"{path}: is empty (pass a file with article text)"


def test_whitespace_only_file(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n   \r\n", encoding="utf-8")
    problem = _one_problem(read, path)
    assert problem.kind == "empty"
    assert "whitespace" in problem.reason


def test_empty_jsonl_file(read: Any, tmp_path: Path) -> None:
    """A JSON Lines file with no record (nothing, or blank lines) is reported as an empty .txt
    is: it used to pass silently, exit code 0, as if a corpus had been read."""
    for name, data in (("none.jsonl", b""), ("blank.ndjson", b"\n  \n\r\n")):
        path = tmp_path / name
        path.write_bytes(data)
        problem = _one_problem(read, path)
        assert problem.kind == "empty"
        assert problem.reason == "is empty" and "'text'" in problem.hint


def test_jsonl_with_blank_lines_between_records_is_not_empty(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "spaced.jsonl"
    path.write_text('\n{"text": "The ferry board said the timetable would stay."}\n\n', encoding="utf-8")
    docs, problems = read([path], None)
    assert len(docs) == 1 and problems == []


def test_binary_file_with_nul_bytes(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00\x01\x02\x03binary\x00\xff\xfe\x00" * 50)
    problem = _one_problem(read, path)
    assert problem.kind == "binary"
    assert "NUL" in problem.reason


def test_pdf_named_txt_is_recognised(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    problem = _one_problem(read, path)
    assert problem.kind == "binary"
    assert "PDF" in problem.reason
    assert problem.hint is not None and "pdftotext" in problem.hint


def test_undecodable_bytes(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    # Bytes that are invalid UTF-8 and too chaotic for any single-byte code page.
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)
    problem = _one_problem(read, path)
    assert problem.kind == "encoding"
    assert problem.hint == "re-save the file as UTF-8"


def test_mojibake_is_refused(read: Any, tmp_path: Path, english: str) -> None:
    text = "The minister’s aide said the plan’s “core points” were agreed. " + english
    path = tmp_path / "mojibake.txt"
    path.write_text(text.encode("utf-8").decode("cp1252", errors="ignore"), encoding="utf-8")
    problem = _one_problem(read, path)
    assert problem.kind == "encoding"
    assert "mis-encoded" in problem.reason


def test_utf8_bom_is_stripped(read: Any, tmp_path: Path, english: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + english.encode("utf-8"))
    docs, problems = read([path])
    assert problems == []
    assert docs[0].text == english  # offsets count from the first real character


def test_utf16_with_bom(read: Any, tmp_path: Path, english: str) -> None:
    text = english + " Zelenskyy’s office said “we are ready”."
    path = tmp_path / "utf16.txt"
    path.write_bytes(text.encode("utf-16"))  # writes a BOM
    docs, problems = read([path])
    assert problems == []
    assert docs[0].text == text


def test_utf16_without_bom(read: Any, tmp_path: Path, english: str) -> None:
    path = tmp_path / "utf16le.txt"
    path.write_bytes(english.encode("utf-16-le"))
    docs, problems = read([path])
    assert problems == []
    assert docs[0].text == english


def test_legacy_code_page_is_detected(read: Any, tmp_path: Path, english: str) -> None:
    text = english + " The café owner in Genève said the talks were « encouraging »."
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("cp1252"))
    docs, problems = read([path])
    assert problems == []
    assert docs[0].text == text


def test_a_utf8_file_with_a_pasted_legacy_passage_keeps_its_utf8(
    read: Any, tmp_path: Path, english: str
) -> None:
    """One sentence typed in Windows-1252 into a UTF-8 file: detection decoded the whole file
    in one legacy code page, every curly quote turned to mojibake in silence (and the direct
    quote was no longer one). Only the stray bytes are read as Windows-1252 now."""
    utf8 = f"{english} \u201cWe are ready,\u201d the envoy said.\n"
    pasted = "The caf\u00e9 owner said the na\u00efve plan would fail.\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(utf8.encode("utf-8") + pasted.encode("cp1252"))
    docs, problems = read([path])
    assert problems == []
    assert docs[0].text == utf8 + pasted


def test_text_is_kept_exactly(read: Any, tmp_path: Path, english: str) -> None:
    text = "  " + english + "\r\n\r\nSecond paragraph: the envoy said talks would go on.\n"
    path = tmp_path / "exact.txt"
    path.write_bytes(text.encode("utf-8"))
    docs, _ = read([path])
    assert docs[0].text == text


def test_too_large_is_refused_before_reading(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper, nothing written
    problem = _one_problem(read, path, Settings(max_bytes=1_000_000))
    assert problem.kind == "too_large"
    assert problem.reason == "too large (50.0 MB; the limit is 1.0 MB)"
    assert "REDLINE_MAX_BYTES" in (problem.hint or "")


def test_too_large_html_and_json_too(read: Any, tmp_path: Path) -> None:
    for name in ("big.html", "big.json", "big.csv"):
        path = tmp_path / name
        path.write_text("x" * 2000, encoding="utf-8")
        assert _one_problem(read, path, Settings(max_bytes=1000)).kind == "too_large"


def test_unbalanced_quotes_are_not_an_error(read: Any, inputs: Path) -> None:
    docs, problems = read([inputs / "unbalanced_quotes.txt"])
    assert problems == []
    assert docs[0].text.count('"') % 2 == 1


def test_check_size_boundary() -> None:
    assert check_size(100, "f", 100) is None
    problem = check_size(101, "f", 100)
    assert problem is not None and problem.kind == "too_large"


def test_sniff_binary_passes_text() -> None:
    assert sniff_binary("Plain text, with “quotes” and é.".encode(), "f") is None
    assert sniff_binary(b"PK\x03\x04rest", "f") is not None


def test_decode_reports_bad_utf16() -> None:
    result = decode(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "f.txt")  # lone surrogate
    assert isinstance(result, Problem)
    assert result.kind == "encoding"


def test_garbage_control_characters() -> None:
    result = check_garbage("text\x07\x08\x1b" * 20, "f.txt")
    assert isinstance(result, Problem)
    assert "garbage" in result.reason


# short lines in Latin-1 / Windows-1252 that detection read as cp857, cp1006, Big5 or UTF-16
SHORT_WESTERN = [
    "Il a été élu.",
    "Ça va.",
    "Élysée: « Nous négocions », a dit le député.",
    "The minister said the talks in Genève would resume.",
    "Über die Grenze.",
    "Die Bundesregierung äußerte sich nicht.",
    "Köln",
    "niño",
    "Señor Pérez dijo «no».",
    "São Paulo",
]


def test_short_western_text_is_read_as_windows_1252() -> None:
    """On a few accented letters charset detection guesses: a short Latin-1 file came out in
    another script. The common Western code page wins when it reads as Western text."""
    for text in SHORT_WESTERN:
        for encoding in ("latin-1", "cp1252"):
            assert decode(text.encode(encoding), "short.txt") == text, (text, encoding)


def test_other_legacy_code_pages_are_still_detected() -> None:
    """Text in another script or code page never reads as Western text: Russian in cp1251
    (all its words non-ASCII letters), Polish in cp1250 ("ą" is "¹" in Windows-1252, a symbol
    inside a word), Greek in cp1253; and a long French text in Windows-1252 stays itself."""
    cases = [
        ("Президент заявил, что переговоры продолжатся на следующей неделе.", "cp1251"),
        ("Министр сказал: нет.", "cp1251"),
        ("Minister powiedział, że rozmowy będą kontynuowane w przyszłym tygodniu w Gdańsku.", "cp1250"),
        ("Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν.", "cp1253"),
        (
            " ".join(["Le ministre a déclaré que les négociations très dures reprendraient à Genève."] * 8),
            "cp1252",
        ),
        ("Der Außenminister sagte, die Gespräche über Öl seien schwierig. " * 6, "cp1252"),
    ]
    for text, encoding in cases:
        assert decode(text.encode(encoding), "legacy.txt") == text, encoding


# short Cyrillic lines that detection read as Shift-JIS katakana, Hebrew or Mac Cyrillic
SHORT_CYRILLIC = [
    "Пресс-секретарь заявил, что встреча состоится.",
    "Мир нужен всем.",
    "МИД России: ВСТРЕЧА СОСТОИТСЯ",
    "Міністр сказав, що Україна готова до зустрічі.",
]


def test_short_cyrillic_text_in_legacy_code_pages() -> None:
    """A short Cyrillic file in KOI8 or Windows-1251 reads as Cyrillic: of the two, the reading
    whose words are cased as words are ("Россия", "МИД", not "рОССИЯ") and mostly lower case."""
    for text in SHORT_CYRILLIC:
        for encoding in ("koi8-u", "cp1251"):
            assert decode(text.encode(encoding), "short.txt") == text, (text, encoding)


def test_short_cyrillic_line_is_refused_as_not_english(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "short-koi8.txt"
    path.write_bytes(SHORT_CYRILLIC[0].encode("koi8-r"))
    docs, problems = read([path])
    assert docs == []
    (problem,) = problems
    assert problem.kind == "language"
    assert "Latin script" in problem.reason


def test_an_empty_record_is_fixed_in_its_field_not_by_another_file(read: Any, tmp_path: Path) -> None:
    """An empty JSONL record was told to "pass a file with article text": it names the field."""
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": ""}\n{"id": "b", "text": "The mayor said the bridge reopens."}\n')
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    docs, problems = read([path, empty])
    assert [d.id for d in docs] == ["b"]
    assert [(p.source, p.hint) for p in problems] == [
        (f"{path}:1", "give the record its article in 'text'"),
        (str(empty), "pass a file with article text"),
    ]
