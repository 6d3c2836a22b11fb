"""``redline train``: a user's own issue and stance weights from a sample they annotated."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from redline.cli._common import EXIT_CODES_HELP, dumps, settings_from_flags, stderr_console, user_errors
from redline.cli.options import ActorsOpt

EPILOG = "\n\n".join(
    [
        "SAMPLE is a .json file holding one annotated document or a list of them, a .jsonl file "
        "with one document a line, or a folder of such files. A document is an object with "
        '"text" (the article), optional "id" and "published" (YYYY-MM-DD), and "attributions": a '
        'list of the statements in it, each with "content" (the words said, exactly as in the '
        'text), optional "start" (its character offset, needed only when the same words occur '
        'twice), "speaker" (as named in the text), "issues" (ids of the taxonomy in REDLINE_ISSUES; '
        '[] for none) and "stance" (support, oppose, conditional or neutral, toward the first '
        'issue\'s proposition). Optional: "cue" (the reporting verb) and "type" (direct, '
        "indirect, mixed).",
        "The sample runs through the extractor with the settings in use (REDLINE_ISSUES, "
        "REDLINE_ACTORS, REDLINE_CUES): annotate for the taxonomy you will extract with. Each "
        "annotated statement the extractor finds (or, when it misses one, the annotation itself) "
        "is a training row. The printed figures are cross-validated by document: issue F1 and "
        "stance accuracy (statements that take a side on an issue) with the rules alone, with "
        "the model trained on the other documents, and with the rules' issues and that model's "
        "stance; the weights keep the rules' issues unless the model tagged issues better "
        "(--issues decides instead). Below 8 documents or 30 "
        "statements that take a side the command warns that the sample is too small.",
        "Then: export REDLINE_CLASSIFIERS=FILE (with the same REDLINE_ISSUES) and extract as usual. "
        "Needs scikit-learn: pip install 'redline[train]'.",
        EXIT_CODES_HELP + " A sample that cannot be read or taught from exits 1, writing nothing.",
    ]
)


class TrainFormat(StrEnum):
    table = "table"
    json = "json"


class IssuesFrom(StrEnum):
    auto = "auto"
    model = "model"
    rules = "rules"


def train(
    sample: Annotated[
        list[Path],
        typer.Argument(metavar="SAMPLE", exists=True, help="Annotated .json/.jsonl files or folders."),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="FILE", help="The weights file to write (JSON).")
    ],
    fmt: Annotated[
        TrainFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="Output format: table or json."),
    ] = TrainFormat.table,
    folds: Annotated[
        int, typer.Option(min=0, metavar="K", help="Folds of the cross-validation by document (0: none).")
    ] = 5,
    seed: Annotated[int, typer.Option(metavar="N", help="Shuffles the documents into folds.")] = 0,
    issues: Annotated[
        IssuesFrom,
        typer.Option(
            "--issues",
            metavar="FROM",
            help="Who tags issues with the weights: model, rules (the taxonomy's terms; the model "
            "still decides stance) or auto (the model only if it beat the rules cross-validated).",
        ),
    ] = IssuesFrom.auto,
    actors: ActorsOpt = None,
) -> None:
    """Train issue and stance weights on your own annotated sample, for your own taxonomy."""
    console = stderr_console()
    with user_errors():
        from redline import train_sample  # needs scikit-learn: the root command names the extra
        from redline.extract.pipeline import Extractor
        from redline.training import component
        from redline.training import dumps as weights_bytes

        settings = settings_from_flags(actors=tuple(actors) if actors else None)
        documents = train_sample.read_sample(sample)
        extractor = Extractor.load(settings, rules_only=True)  # features never include a model's output
        taxonomy = component(extractor).knowledge.taxonomy
        train_sample.check_issues(documents, taxonomy.ids)
        counts = train_sample.size(documents)
        warning = counts.warning()
        if warning:
            console.print(f"redline: warning: {warning}", markup=False, highlight=False)
        figures = (
            train_sample.cross_validate(extractor, documents, folds, seed)
            if folds and counts.documents > 1
            else None
        )
        model_issues = (
            issues is IssuesFrom.model
            if issues is not IssuesFrom.auto
            else train_sample.model_issues_help(figures)
        )
        weights = train_sample.fit(
            extractor, documents, ", ".join(p.name for p in sample), model_issues=model_issues
        )
        out.write_text(weights_bytes(weights), encoding="utf-8")
    report: dict[str, Any] = {
        "weights": str(out),
        "taxonomy": taxonomy.name,
        "issues": list(taxonomy.ids),
        "documents": counts.documents,
        "statements": counts.statements,
        "stances": counts.stances,
        "warning": warning,
        "cross_validation": figures,
        "issues_from": "model" if model_issues else "rules",
    }
    if fmt is TrainFormat.json:
        typer.echo(dumps(report, indent=2))
        return
    typer.echo(
        f"trained on {counts.documents} documents, {counts.statements} statements"
        f" ({', '.join(f'{k} {v}' for k, v in counts.stances.items())}) for the taxonomy {taxonomy.name!r}"
    )
    if figures is not None:
        typer.echo(f"cross-validated by document ({figures['folds']} folds, seed {figures['seed']}):")
        rows = (
            ("rules", "rules alone"),
            ("model", "your model (issues and stance)"),
            ("rules_issues", "rules' issues, your model's stance"),
        )
        for name, label in rows:
            f = figures[name]
            stance = "n/a" if f["stance_accuracy"] is None else f"{f['stance_accuracy']:.3f}"
            typer.echo(
                f"  {label:<35} issue F1 {f['issue_f1']:.3f}  stance {stance}"
                f" ({f['stance_right']}/{f['positions']} that take a side)"
            )
    typer.echo(f"issues are tagged by {'your model' if model_issues else 'the rules (the taxonomy terms)'}")
    typer.echo(f"wrote {out}: use it with REDLINE_CLASSIFIERS={out}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("train", epilog=EPILOG)(train)
