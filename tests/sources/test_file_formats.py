"""Each file format gives Documents with the contract's metadata; bad records are skipped alone."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from redline.config import Settings
from redline.model import stable_id
from redline.sources import parse_date
from redline.sources.web import document_id


def test_txt_document(read: Any, inputs: Path) -> None:
    path = inputs / "article.txt"
    docs, problems = read([path], published=date(2025, 11, 25))
    assert problems == []
    (doc,) = docs
    raw = path.read_text(encoding="utf-8")
    assert doc.text == raw
    assert doc.id == stable_id(doc.content_hash)
    assert doc.source == str(path)
    assert doc.published == date(2025, 11, 25)  # from --published: a .txt carries no date
    assert doc.language == "en"


def test_ids_are_stable_across_runs(read: Any, inputs: Path) -> None:
    first, _ = read([inputs / "article.txt"])
    second, _ = read([inputs / "article.txt"])
    assert first[0].id == second[0].id


def test_jsonl_bad_line_in_the_middle(read: Any, inputs: Path) -> None:
    path = inputs / "corpus.jsonl"
    docs, problems = read([path], published=date(2025, 11, 20))
    assert [d.id for d in docs] == ["a1", docs[1].id, "5"]
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:4", f"{path}:6"]
    first = docs[0]
    assert (first.url, first.title, first.outlet, first.published) == (
        "https://news.example.org/a1",
        "Kremlin welcomes envoy",
        "Example News",
        date(2025, 11, 26),
    )
    assert docs[1].metadata == {"lang": "en"}
    assert docs[1].published == date(2025, 11, 20)  # bad date: falls back to --published
    assert docs[2].published == date(2025, 11, 20)
    rendered = [p.render() for p in problems]
    assert rendered[0].startswith(f"{path}:2: is not valid JSON")
    assert rendered[1].startswith(f"{path}:3: has no 'text' field")
    assert problems[2].source == f"{path}:4"
    assert problems[2].kind == "date"
    assert "next Tuesday-ish" in problems[2].reason
    assert [p.kind for p in problems] == ["json", "json", "date"]


def test_jsonl_text_not_a_string(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": ["a", "list"]}\n[1, 2]\n', encoding="utf-8")
    docs, problems = read([path])
    assert docs == []
    assert [p.render().split(" (")[0] for p in problems] == [
        f"{path}:1: 'text' is a list, not a string",
        f"{path}:2: is a JSON list, not an object",
    ]


def test_jsonl_overlong_line_is_skipped_alone(read: Any, tmp_path: Path, english: str) -> None:
    path = tmp_path / "x.jsonl"
    lines = [{"id": "big", "text": "word " * 500}, {"id": "ok", "text": english}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    docs, problems = read([path], Settings(max_bytes=1000))
    assert [d.id for d in docs] == ["ok"]
    assert docs[0].source == f"{path}:2"
    assert [(p.source, p.kind) for p in problems] == [(f"{path}:1", "too_large")]


def test_jsonl_invalid_utf8_line(read: Any, tmp_path: Path, english: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + json.dumps({"text": english}).encode() + b"\n")
    docs, problems = read([path])
    assert len(docs) == 1
    assert problems[0].source == f"{path}:1"
    assert problems[0].kind == "encoding"


def test_json_list_and_object(read: Any, inputs: Path, tmp_path: Path, english: str) -> None:
    path = inputs / "records.json"
    docs, problems = read([path])
    assert [d.id for d in docs] == ["j1", "j2"]
    assert docs[1].published == date(2025, 11, 24)  # "Nov 24, 2025"
    assert docs[1].outlet == "Example Wire"
    assert [p.source for p in problems] == [f"{path}#3"]
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": english, "title": "One"}), encoding="utf-8")
    docs, problems = read([single])
    assert problems == []
    assert docs[0].title == "One"


def test_invalid_json_file(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    docs, problems = read([path])
    assert docs == []
    assert problems[0].kind == "json"
    assert problems[0].reason.startswith("is not valid JSON")


def test_csv(read: Any, inputs: Path) -> None:
    path = inputs / "articles.csv"
    docs, problems = read([path])
    assert problems == []
    assert [(d.id, d.title, d.published, d.source) for d in docs] == [
        ("c1", "Moscow reviews draft", date(2025, 11, 27), f"{path}:2"),
        ("c2", "Kyiv, Washington agree changes", date(2025, 11, 24), f"{path}:3"),
    ]


def test_csv_without_text_column(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    docs, problems = read([path])
    assert docs == []
    assert problems[0].render() == (
        f"{path}: has no 'text' column (columns: id, body) (name the column holding the article text 'text', "
        "or say which it is: --field text=COLUMN)"
    )


def test_csv_semicolons_and_ragged_row(read: Any, tmp_path: Path, english: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(f"ID;Text\n1;{english}\n2;a;b\n", encoding="utf-8")
    docs, problems = read([path])
    assert [d.id for d in docs] == ["1"]
    assert [p.source for p in problems] == [f"{path}:3"]


def test_unknown_extension_text_and_binary(read: Any, tmp_path: Path, english: str) -> None:
    text = tmp_path / "story.doc"
    text.write_text(english, encoding="utf-8")
    blob = tmp_path / "photo.dat"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    docs, problems = read([text, blob])
    assert docs == []
    assert problems[0].reason == "has an unknown file type ('.doc')"
    assert problems[0].hint is not None and "rename it to .txt" in problems[0].hint
    assert problems[1].kind == "binary"
    assert "PNG" in problems[1].reason


def test_missing_path(read: Any, tmp_path: Path) -> None:
    docs, problems = read([tmp_path / "nope.txt", ""])
    assert docs == []
    assert problems[0].render() == f"{tmp_path / 'nope.txt'}: no such file or folder (check the path)"
    assert problems[1].reason == "is not a path"


def test_folder_recursion_sorted_skipping_hidden(read: Any, tmp_path: Path, english: str) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("z.txt", "a.txt", "b/m.txt", "b/deep/x.txt", ".git/config.txt", ".hidden.txt"):
        (tmp_path / rel).write_text(f"{english} ({rel})", encoding="utf-8")
    docs, problems = read([tmp_path])
    assert problems == []
    names = [Path(d.source or "").relative_to(tmp_path).as_posix() for d in docs]
    assert names == ["a.txt", "z.txt", "b/m.txt", "b/deep/x.txt"]
    assert len({d.id for d in docs}) == 4


def test_fixture_folder(read: Any, inputs: Path) -> None:
    docs, problems = read([inputs / "folder"])
    assert [Path(d.source or "").name for d in docs] == ["b.txt", "a.html"]
    assert [Path(p.source).name for p in problems] == ["notes.xyz"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-11-27", date(2025, 11, 27)),
        ("2025-11-27T18:30:00+03:00", date(2025, 11, 27)),
        ("27 November 2025", date(2025, 11, 27)),
        ("Nov 27, 2025", date(2025, 11, 27)),
        ("Thu, 27 Nov 2025 10:00:00 GMT", date(2025, 11, 27)),
        ("2025/11/27", date(2025, 11, 27)),
        (None, None),
        ("", None),
    ],
)
def test_parse_date(raw: str | None, expected: date | None) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["yesterday", "2025-13-45", "November 2025", "32/11/2025", 20251127])
def test_parse_date_rejects(raw: object) -> None:
    with pytest.raises(ValueError):
        parse_date(raw)


_SAVED_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour desk</title><link>https://harbour.example</link>
<item><title>Ferry talks resume</title><link>https://harbour.example/2026/01/ferry?utm_source=rss</link>
<pubDate>Tue, 06 Jan 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Ferry talks resume&lt;/p&gt;&lt;p&gt;{english}&lt;/p&gt;</description></item>
<item><title>Only a link</title><link>https://harbour.example/2026/01/link-only</link></item>
</channel></rss>"""


def test_saved_rss_file_reads_each_entry_from_its_own_text(read: Any, tmp_path: Path, english: str) -> None:
    """A feed saved as a file is an input like a page: one document per entry, its paragraphs
    kept apart, identified by the article's URL; an entry without text names its link."""
    path = tmp_path / "harbour.rss"
    path.write_text(_SAVED_RSS.format(english=english), encoding="utf-8")
    docs, problems = read([path], published=date(2026, 1, 9))
    (doc,) = docs
    assert doc.text == f"Ferry talks resume\n{english}"  # the headline is not run into the first sentence
    assert doc.url == "https://harbour.example/2026/01/ferry"
    assert doc.id == document_id("https://harbour.example/2026/01/ferry")
    assert doc.published == date(2026, 1, 6)  # the entry's date, not the default
    assert doc.title == "Ferry talks resume"
    assert doc.outlet == "Harbour desk"  # the feed's title, not the link's host
    assert doc.source == f"{path}#1"
    assert doc.metadata["feed"] == str(path)
    (problem,) = problems
    assert problem.source == f"{path}#2"
    assert problem.reason == "feed entry 'Only a link' carries no text"
    assert (
        problem.hint
        == "ingest its link to fetch the article: redline ingest https://harbour.example/2026/01/link-only"
    )


def test_saved_atom_file_and_xml_that_is_no_feed(read: Any, tmp_path: Path, english: str) -> None:
    atom = tmp_path / "desk.xml"
    atom.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id>'
        "<updated>2026-01-05T00:00:00Z</updated><entry><title>Ferry</title><id>urn:e1</id>"
        f'<updated>2026-01-05T00:00:00Z</updated><content type="text">{english}</content></entry></feed>',
        encoding="utf-8",
    )
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    docs, problems = read([atom, sitemap])
    assert [d.text for d in docs] == [english]
    assert docs[0].url is None and docs[0].published == date(2026, 1, 5)
    assert [p.source for p in problems] == [str(sitemap)]
    assert problems[0].reason.startswith("is XML but not an RSS or Atom feed")


def test_a_saved_email_is_read_as_its_text_part_with_its_subject_as_title(
    read: Any, tmp_path: Path, english: str
) -> None:
    import quopri

    body = quopri.encodestring(english.encode("utf-8")).decode("ascii")
    path = tmp_path / "newsletter.eml"
    path.write_bytes(
        (
            "MIME-Version: 1.0\nSubject: =?UTF-8?Q?Talks_resume_=E2=80=93_report?=\n"
            "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
            f"{body}\n"
        ).encode("ascii")
    )
    docs, problems = read([path])
    assert problems == []
    assert docs[0].title == "Talks resume \u2013 report"
    assert " ".join(docs[0].text.split()) == " ".join(english.split())


def test_a_word_document_is_read_as_its_paragraphs(read: Any, tmp_path: Path, english: str) -> None:
    import io
    import zipfile
    from xml.sax.saxutils import escape

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    half = len(english) // 2
    runs = f"<w:r><w:t xml:space='preserve'>{escape(english[:half])}</w:t></w:r>"
    runs += f"<w:r><w:t xml:space='preserve'>{escape(english[half:])}</w:t></w:r>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml", f"<w:document {w}><w:body><w:p>{runs}</w:p></w:body></w:document>"
        )
    (tmp_path / "report.docx").write_bytes(buffer.getvalue())
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    docs, problems = read([tmp_path / "report.docx", tmp_path / "broken.docx"])
    assert " ".join(docs[0].text.split()) == " ".join(english.split())
    assert [p.reason for p in problems] == ["is a broken ZIP archive"]
