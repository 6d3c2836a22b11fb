"""`redline info`: what produced a corpus, in the words a methods section needs.

A replication names the extractor and model behind every row and which rows were changed by
hand. Each row carries its extractor id (`redline export statements`: `extractor`, `corrected`);
this command says what that id stands for on this machine and what the store holds, so the
paper's methods paragraph is copied from one place rather than pieced together.
"""

from __future__ import annotations

import platform
from typing import Annotated, Any

import typer

from redline.cli._common import dumps, user_errors
from redline.cli.options import DbOpt, check_choice, format_option, open_store


def info(
    db: DbOpt = None,
    fmt: Annotated[str, format_option("table or json")] = "table",
) -> None:
    """What would extract now (extractor id, spaCy model, knowledge files) and what the database
    holds (extractor ids, corrections by hand): a methods section's facts."""
    with user_errors():
        check_choice(fmt, ("table", "json"), "--format")
        with open_store(db, must_exist=True) as (store, settings):
            report = _report(settings, store)
    if fmt == "json":
        typer.echo(dumps(report, indent=2))
    else:
        typer.echo("\n".join(_lines(report)))


def _report(settings: Any, store: Any) -> dict[str, Any]:
    from importlib.metadata import version

    import redline
    from redline.extract.nlp import model_in_use
    from redline.extract.pipeline import EXTRACTOR_VERSION, knowledge_fingerprint

    model, model_version = model_in_use(settings.model)
    current = f"redline-extract/{EXTRACTOR_VERSION}+{knowledge_fingerprint(settings)}"
    stored = store.extractor_versions()
    counts = store.counts()
    return {
        "redline": redline.__version__,
        "extractor": current,
        "model": {"name": model, "version": model_version},
        "spacy": version("spacy"),
        "python": platform.python_version(),
        "knowledge": {
            "issues": str(settings.issues) if settings.issues else "packaged",
            "cues": str(settings.cues) if settings.cues else "packaged",
            "actors": [str(p) for p in settings.actors] or "packaged",
            "classifiers": str(settings.classifiers) if settings.classifiers else "packaged",
        },
        "database": {
            "documents": counts["documents"],
            "statements": counts["statements"],
            "extractors": stored,  # documents each extractor id made
            "current": set(stored) <= {current},
            "corrections": store.correction_summary(),
        },
    }


def _lines(report: dict[str, Any]) -> list[str]:
    db = report["database"]
    model = report["model"]
    knowledge = report["knowledge"]
    actors = knowledge["actors"]
    lines = [
        f"redline {report['redline']} (Python {report['python']}, spaCy {report['spacy']})",
        f"extractor now: {report['extractor']}",
        f"model: {model['name']} {model['version'] or '(not installed)'}",
        f"issues: {knowledge['issues']}; cues: {knowledge['cues']}; classifiers: {knowledge['classifiers']}",
        f"actors: {actors if isinstance(actors, str) else ', '.join(actors)}",
        f"database: {db['documents']} documents, {db['statements']} statements",
    ]
    for name, n in db["extractors"].items():
        mark = "" if name == report["extractor"] else " (not the extractor now: `redline reprocess`)"
        lines.append(f"  made by {name}: {n} documents{mark}")
    fixes = db["corrections"]
    fields = ", ".join(f"{k} {n}" for k, n in fixes["fields"].items() if n)
    who = ", ".join(f"{k} {n}" for k, n in fixes["who"].items())
    lines.append(
        f"corrections by hand: {fixes['count']} on {fixes['statements']} statements"
        + (f" ({fields}; by {who})" if fixes["count"] else "")
        + (f"; {fixes['orphans']} found no statement after re-extraction" if fixes["orphans"] else "")
    )
    if fixes["count"]:
        lines.append("  which rows: `corrected` in `redline export statements`")
    return lines


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("info")(info)
