"""Builds the spaCy pipeline and turns Documents into Extractions.

The heavy work runs inside spaCy components (``components.py``) so that ``n_process``
parallelises it; this module only feeds Documents in and converts the plain values the
components leave on each Doc into typed records.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from redline.config import Settings
from redline.extract import components, fast_ner, rule_pipes
from redline.extract.nlp import DEFAULT_MODELS, load_nlp, split_initials, unwrapped
from redline.extract.sections import Sections, sections
from redline.knowledge import packaged
from redline.knowledge.lemmas import load_lemma_exceptions
from redline.model import (
    Document,
    Event,
    Extraction,
    Mention,
    Span,
    Speaker,
    Statement,
    own_stances,
    stable_id,
)
from redline.runners import forked_workers_die_with_parent

EXTRACTOR_VERSION = "0.26.0"
COMPONENT = "redline_extract"


def knowledge_fingerprint(settings: Settings) -> str:
    """Short hash of every knowledge file in use: a knowledge change is a new extractor version.

    A spaCy pipeline the user chose (``REDLINE_MODEL``) parses differently from the packaged one,
    so it is hashed too; the packaged model and its repackage are the same weights and keep the
    id, so stores made with either stay current."""
    h = hashlib.sha1()
    if settings.model and settings.model not in DEFAULT_MODELS:
        h.update(f"model:{settings.model}".encode())
    # every data file the package ships (lexicons, calendars, names, the learned weights): a
    # change to any of them, a retrain included, is a new extractor version
    shipped = packaged("actors.yaml").parent
    files = sorted(p for p in shipped.iterdir() if p.suffix in {".yaml", ".json"})
    files += list(settings.actors)
    files += [p for p in (settings.cues, settings.issues, settings.classifiers) if p is not None]
    for f in files:
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(str(f).encode())
    return h.hexdigest()[:8]


def load_parser(settings: Settings | None = None) -> Language:
    """The parse redline's rules read, without the rules: benchmarks that score one layer
    (attribution alone) parse with it so that they measure what the product reads."""
    settings = settings or Settings()
    components.register_extensions()
    nlp = load_nlp(settings.model)
    split_initials(nlp)
    rule_pipes.install(nlp)  # same annotations as the model's rule pipes, in less time
    rule_pipes.add_lemma_exceptions(nlp, load_lemma_exceptions())  # "hoping" is "hope"
    fast_ner.install(nlp)  # the same entities, decoded without spaCy's per-move lock traffic
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("redline_paragraphs", before="parser")
    return nlp


class Extractor:
    """Loads the model and knowledge once, then extracts from any number of documents."""

    def __init__(self, nlp: Language, version: str, settings: Settings | None = None) -> None:
        self.nlp = nlp
        self.version = version
        self.settings = settings or Settings()

    @classmethod
    def load(cls, settings: Settings | None = None, *, rules_only: bool = False) -> Extractor:
        """``rules_only`` leaves the learned models out (training them starts from the rules)."""
        settings = settings or Settings()
        nlp = load_parser(settings)
        nlp.add_pipe(
            COMPONENT,
            config={
                "actors": [str(p) for p in settings.actors],
                "cues": str(settings.cues) if settings.cues else None,
                "issues": str(settings.issues) if settings.issues else None,
                "weights": components.RULES_ONLY
                if rules_only
                else (str(settings.classifiers) if settings.classifiers else None),
            },
        )
        version = f"redline-extract/{EXTRACTOR_VERSION}+{knowledge_fingerprint(settings)}"
        return cls(nlp, version, settings)

    def extract(self, docs: Iterable[Document], *, n_process: int | None = None) -> Iterator[Extraction]:
        """Extract from documents in order, streaming; ``n_process`` > 1 (default: the ``workers``
        setting) runs the whole pipeline in that many worker processes."""
        for document, parsed in self._parse(docs, n_process):
            yield self._records(document, parsed)

    def extract_explained(
        self, docs: Iterable[Document], *, n_process: int | None = None
    ) -> Iterator[tuple[Extraction, dict[str, dict[str, Any]]]]:
        """Like ``extract``, with each statement's explanation (which of rules and model decided
        its issues and stance, and why) keyed by statement id."""
        for document, parsed in self._parse(docs, n_process):
            explained = {
                stable_id(document.id, raw["content"][0], raw["content"][1]): raw.get("explain") or {}
                for raw in (parsed._.redline_statements or [])
            }
            yield self._records(document, parsed), explained

    def _parse(self, docs: Iterable[Document], n_process: int | None) -> Iterator[tuple[Document, Doc]]:
        """Each document with the Doc carrying its findings, in order; long texts go through
        spaCy in sections whose findings are put back together with offsets into the whole."""
        n_process = n_process or self.settings.workers
        if n_process > 1:
            forked_workers_die_with_parent()  # spaCy forks them; a killed parent must not orphan them

        def with_docs() -> Iterator[tuple[Doc, tuple[Document, int, int]]]:
            for document in docs:
                bounds = sections(document.text)
                for start, end in bounds:
                    yield self._prepare(document, start, end), (document, start, len(bounds))

        found, done = Sections(), 0
        for parsed, (document, start, count) in self.nlp.pipe(
            with_docs(), as_tuples=True, batch_size=self.settings.batch_size, n_process=n_process
        ):
            if count == 1:
                yield document, parsed
                continue
            found.add(parsed, start)
            done += 1
            if done == count:
                yield document, found.onto(parsed)
                found, done = Sections(), 0

    def extract_one(self, document: Document) -> Extraction:
        return next(self.extract([document], n_process=1))

    def _prepare(self, document: Document, start: int = 0, end: int | None = None) -> Doc:
        # the whole text is not copied; what the pipes read has hard-wrapped line ends as spaces
        text = unwrapped(document.text[start:end])
        doc = self.nlp.make_doc(text)
        doc._.redline_published = document.published.isoformat() if document.published else None
        doc._.redline_text = text  # the component reads it instead of rebuilding ``doc.text``
        return doc

    def _records(self, document: Document, doc: Doc) -> Extraction:
        text = document.text
        statements = [self._statement(document, text, raw) for raw in (doc._.redline_statements or [])]
        mentions = [
            Mention(span=Span(text[s:e], s, e), actor_id=actor_id, name=name)
            for s, e, actor_id, name in (doc._.redline_mentions or [])
        ]
        events = [self._event(document, raw) for raw in (doc._.redline_events or [])]
        return Extraction(
            document=document, statements=statements, events=events, mentions=mentions, extractor=self.version
        )

    def _statement(self, document: Document, text: str, raw: dict[str, Any]) -> Statement:
        cs, ce = raw["content"]
        speaker = None
        if raw["speaker"] is not None:
            sp = raw["speaker"]
            speaker = Speaker(
                name=sp["name"],
                actor_id=sp["actor_id"],
                mention=Span(text[sp["start"] : sp["end"]], sp["start"], sp["end"]),
                party=sp.get("party"),
                kind=sp.get("kind"),
            )
        cue = None
        if raw["cue"] is not None:
            s, e = raw["cue"]
            cue = Span(text[s:e], s, e)
        # a statement's id is its document and content; a second person named as saying the
        # same words ("Rubio and Yermak said") adds where that person is named
        joint = (speaker.mention.start,) if raw.get("joint") and speaker is not None else ()
        return Statement(
            id=stable_id(document.id, cs, ce, *joint),
            document_id=document.id,
            content=Span(text[cs:ce], cs, ce),
            kind=raw["kind"],
            speaker=speaker,
            cue=cue,
            issues=list(raw["issues"]),
            stance=raw["stance"],
            date=date.fromisoformat(raw["date"]) if raw.get("date") else None,
            confidence=float(raw["confidence"]),
            extractor=self.version,
            stance_confidence=float(raw.get("stance_confidence", 1.0)),
            issue_stances=own_stances(raw["stance"], raw.get("issue_stances")),  # type: ignore[arg-type]
        )

    def _event(self, document: Document, raw: dict[str, Any]) -> Event:
        trigger = Span(raw["text"], raw["start"], raw["end"])
        return Event(
            id=stable_id(document.id, "event", raw["start"], raw["end"]),
            document_id=document.id,
            type=raw["type"],
            trigger=trigger,
            actors=list(raw["actors"]),
            actor_ids=list(raw["actor_ids"]),
            place=raw["place"],
            date=date.fromisoformat(raw["date"]) if raw["date"] else None,
            date_precision=raw["date_precision"],
            planned=bool(raw["planned"]),
            extractor=self.version,
        )
