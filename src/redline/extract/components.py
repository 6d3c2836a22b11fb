"""redline's extraction steps as spaCy pipeline components.

Each step runs inside ``nlp.pipe`` (so ``n_process`` parallelises all of it) and leaves
plain values on the Doc (lists of dicts and tuples), which survive the msgpack round trip
between worker processes; ``pipeline.py`` turns them into typed records afterwards.
Knowledge objects are built once, when the component is created.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from redline.extract.attribution import Attribution, find_attributions
from redline.extract.classify import StatementClassifier
from redline.extract.dates import DateReading, headline_days, statement_date
from redline.extract.events import EventFinder
from redline.extract.features import StatementInput
from redline.extract.headlines import headline_end
from redline.extract.joint_speakers import co_speakers
from redline.extract.speakers import SpeakerResolver
from redline.knowledge.actors import ActorBase, load_actors
from redline.knowledge.arbitration import Arbitration, load_arbitration
from redline.knowledge.classifiers import ClassifierWeights, check_taxonomy, load_weights
from redline.knowledge.cues import CueLexicon, load_cues
from redline.knowledge.events import load_events
from redline.knowledge.issues import Taxonomy, load_issues
from redline.model import Speaker

RULES_ONLY = "rules-only"  # the "weights" setting that leaves issues and stance to the rules
EXTENSIONS = (
    "redline_published",
    "redline_text",
    "redline_mentions",
    "redline_statements",
    "redline_events",
)


def register_extensions() -> None:
    """Register the Doc attributes once per process (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _paths(values: list[str]) -> tuple[Path, ...]:
    return tuple(Path(v) for v in values)


class Knowledge:
    """The loaded knowledge files, shared by the components of one pipeline."""

    def __init__(
        self, actors: list[str], cues: str | None, issues: str | None, weights: str | None = None
    ) -> None:
        self.actors: ActorBase = load_actors(_paths(actors))
        self.cues: CueLexicon = load_cues(Path(cues) if cues else None)
        self.taxonomy: Taxonomy = load_issues(Path(issues) if issues else None)
        self.weights: ClassifierWeights | None = (
            None if weights == RULES_ONLY else load_weights(Path(weights) if weights else None)
        )
        self.arbitration: Arbitration = load_arbitration()
        if weights and weights != RULES_ONLY and self.weights is not None:
            # a user's own weights (REDLINE_CLASSIFIERS) for another taxonomy would silently
            # leave stance to the rules, which is what they were trained to improve on
            check_taxonomy(self.weights, self.taxonomy, weights)


@Language.component("redline_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines, crossheads and datelines are not run into the next
    paragraph (the parser keeps boundaries set before it)."""
    # only the whitespace tokens are looked at: the flag array is read in one call, where a walk
    # over the Doc would build a Token object for every word
    spaces = doc.to_array(IS_SPACE)
    breaks = spaces[:-1].nonzero()[0].tolist()
    for i in breaks:
        if doc[i].text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    if breaks and breaks[0] < _OPENING_TOKENS:
        _lead_under_headline(doc, [i for i in breaks if i < _OPENING_TOKENS])
    return doc


_OPENING_TOKENS = 120  # words of a document's opening read for its headlines
_NAME_TAGS = frozenset({"NNP", "NNPS"})  # the tagger's, set before the parser (no ``pos_`` yet)
_PROSE_LINE = 60  # characters: a line longer than a headline's, or closed by a full stop, is prose


def _lead_under_headline(doc: Doc, breaks: list[int]) -> None:
    """ "Talks on grain corridor stall" and on the next line "The talks have stalled, a diplomat
    told ...": a headline over its lead with one line end between them, which the parser ran
    into one sentence (the headline's last word taken for the lead's verb or subject, and no
    statement came out). A line end inside the headlines, after a word that can end a headline
    (no function word, no comma: "... that the\nKremlin" is a wrapped sentence) and before a
    capitalised line of prose, starts a sentence."""
    opening = doc[: min(len(doc), _OPENING_TOKENS)]
    text = opening.text
    zone = headline_end(text)
    for i in breaks:
        line_break = doc[i]
        if line_break.idx >= zone or line_break.text.count("\n") != 1:
            continue
        last, first = doc[i - 1] if i else None, doc[i + 1]
        if (
            last is None
            or not last.is_alpha
            or last.is_stop
            or last.tag_ in _NAME_TAGS
            or not first.text[:1].isupper()
        ):
            continue  # a headline signed by a name ("..., says Germany's Merz") keeps its parse
        end = text.find("\n", first.idx)
        line = (text[first.idx :] if end < 0 else text[first.idx : end]).rstrip()
        if len(line) > _PROSE_LINE or line.endswith((".", "!", "?", '"', "\u201d")):
            first.is_sent_start = True


@Language.factory(
    "redline_extract",
    default_config={"actors": [], "cues": None, "issues": None, "weights": None},
    assigns=["doc._.redline_mentions", "doc._.redline_statements", "doc._.redline_events"],
    requires=["token.dep", "token.pos", "doc.ents", "doc.sents"],
)
def make_extract(
    nlp: Language,  # noqa: ARG001 (spaCy calls every factory with the pipeline and component name)
    name: str,  # noqa: ARG001
    actors: list[str],
    cues: str | None,
    issues: str | None,
    weights: str | None,
) -> RedlineExtract:
    return RedlineExtract(Knowledge(actors, cues, issues, weights))


class RedlineExtract:
    """Mentions, attributions, speakers, issues, stance and events in one pass over the Doc.

    One component rather than five keeps the knowledge loaded once and the per-document
    work in a single worker; the steps themselves live in their own modules.
    """

    def __init__(self, knowledge: Knowledge) -> None:
        register_extensions()
        self.knowledge = knowledge
        self.resolver = SpeakerResolver(knowledge.actors, cues=knowledge.cues)
        self.mentions = self.resolver.finder  # one analysis per doc, shared with the resolver
        self.classifier = StatementClassifier(
            knowledge.taxonomy, knowledge.weights, knowledge.actors.state_names(), knowledge.arbitration
        )
        self.events = EventFinder(load_events())

    def use_weights(self, weights: ClassifierWeights | None) -> None:
        """Swap the learned models (benchmarks score each cross-validation fold's weights)."""
        self.classifier = StatementClassifier(
            self.knowledge.taxonomy, weights, self.knowledge.actors.state_names(), self.knowledge.arbitration
        )

    def __call__(self, doc: Doc) -> Doc:
        published_iso = doc._.redline_published
        published = date.fromisoformat(published_iso) if published_iso else None
        text = document_text(doc)
        mentions = self.mentions.find(doc)
        attributions = find_attributions(doc, self.knowledge.cues, text)
        speakers = self.resolver.resolve_many(
            doc, [(a.source, a.content) for a in attributions], mentions, text
        )
        said: list[tuple[Attribution, Speaker | None, bool]] = []
        for att, speaker in zip(attributions, speakers, strict=True):
            said.append((att, speaker, False))
            said.extend(
                (att, other, True) for other in co_speakers(self.resolver, doc, att.source, speaker, mentions)
            )
        statements: list[dict[str, Any]] = []
        inputs: list[StatementInput] = []
        told = published  # the day the story last placed a statement on ("a day earlier" counts from it)
        sentences = Sentences(doc)
        readings: list[tuple[int, str | None, DateReading]] = []
        for att, speaker, joint in said:
            if att.source is not None and speaker is None and not self.resolver.unresolved(doc, att.source):
                continue  # the source names no one ("gestures", "the use"): not a statement
            cs, ce = att.content
            sent_start, sent_end = sentences.bounds(cs, ce)
            previous = sentences.previous(text, sent_start)
            # the side the speaker speaks for, unnamed and collective sources included
            party = speaker.party if speaker is not None else None
            raw_inputs = {"previous": list(previous), "party": party}
            inputs.append(
                statement_input(text, [cs, ce], [sent_start, sent_end], att.cue, att.kind, raw_inputs)
            )
            dated = statement_date(doc, att.cue, att.content, (sent_start, sent_end), published, told, text)
            readings.append((cs, None if speaker is None else speaker.actor_id or speaker.name, dated))
            said_on = dated.day
            told = said_on or told
            statements.append(
                {
                    "content": [cs, ce],
                    "cue": list(att.cue) if att.cue else None,
                    "kind": att.kind,
                    "confidence": att.confidence,
                    "speaker": None
                    if speaker is None
                    else {
                        "name": speaker.name,
                        "actor_id": speaker.actor_id,
                        "start": speaker.mention.start,
                        "end": speaker.mention.end,
                        "party": speaker.party,
                        "kind": speaker.kind,
                    },
                    "issues": [],  # decided below, with the document's other statements
                    "stance": "neutral",
                    "sentence": [sent_start, sent_end],
                    "date": None,  # read below, once the lede's days are known
                    "inputs": raw_inputs,
                    "explain": {},
                    # one of several people named as saying it: its id must differ from the first's
                    "joint": joint,
                }
            )
        for statement, dated in zip(statements, headline_days(readings, headline_end(text)), strict=True):
            statement["date"] = dated.day.isoformat() if dated.day else None
            statement["explain"] = {"date": {"decided_by": dated.decided_by, "why": dated.why}}
        # issues and stance are read for the whole document at once: a statement's side is
        # weighed with its party's other positions there (``StatementClassifier.decide_all``)
        for statement, decision in zip(statements, self.classifier.decide_all(inputs), strict=True):
            statement["issues"] = decision.issues
            statement["stance"] = decision.stance
            statement["stance_confidence"] = decision.certainty
            statement["issue_stances"] = decision.issue_stances
            statement["explain"] = {**decision.explain(), **statement["explain"]}
        doc._.redline_statements = statements
        doc._.redline_mentions = [[m.span.start, m.span.end, m.actor_id, m.name] for m in mentions]
        doc._.redline_events = [
            e.to_dict() for e in self.events.find(doc, published, mentions, document_id="")
        ]
        return doc


def document_text(doc: Doc) -> str:
    """The text a Doc was made from: the one the pipeline handed over with it (``Extractor``
    sets ``doc._.redline_text``), else ``doc.text``, which spaCy rebuilds from every token on
    each access (a Token built per word: 1% of the component's time). The text handed over is
    dropped once read, so a worker process does not send it back with the findings."""
    text: str | None = doc._.redline_text
    if text is None:
        return doc.text
    doc._.redline_text = None
    return text


def statement_input(
    text: str,
    content: list[int],
    sentence: list[int],
    cue: tuple[int, int] | list[int] | None,
    kind: str,
    inputs: dict[str, Any],
) -> StatementInput:
    """What the issue and stance classifiers see of a statement, from the plain values the
    component keeps on the Doc (the training script rebuilds the same inputs from them)."""
    ps, pe = inputs["previous"]
    return StatementInput(
        content=text[content[0] : content[1]],
        context=text[sentence[0] : sentence[1]],
        previous=text[ps:pe],
        cue=text[cue[0] : cue[1]] if cue else None,
        party=inputs["party"],
        kind=kind,
        document=text,
    )


class Sentences:
    """A Doc's sentences as token starts and character bounds, read once per Doc: ``Token.sent``
    walks its sentence afresh (Token by Token) for every statement that asks."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def _table(self) -> tuple[list[int], list[tuple[int, int]]]:
        """Sentence start tokens and character bounds, read when first asked (a Doc with no
        statement never reads its sentences, as before)."""
        spans = list(self.doc.sents)
        return [s.start for s in spans], [(s.start_char, s.end_char) for s in spans]

    def _of(self, token: int) -> int:
        """The number of the sentence holding token ``token`` (``doc.sents`` cover every token)."""
        return bisect_right(self._table[0], token) - 1

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Character bounds of the sentence(s) a content span sits in: its context."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return start, end
        chars = self._table[1]
        return chars[self._of(span.start)][0], chars[self._of(span.end - 1)][1]

    def previous(self, text: str, start: int) -> tuple[int, int]:
        """Bounds of the sentence ending right before character ``start``, if no paragraph
        break lies between ((start, start) when there is none)."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return start, start
        at = self._of(span.start)
        if at == 0:  # the first sentence (``doc.sents`` start at token 0)
            return start, start
        first, last = self._table[1][at - 1]
        sentence = text[first:last].rstrip()
        if "\n\n" in text[first + len(sentence) : start]:
            return start, start
        end = first + len(sentence)
        return end - len(sentence.rsplit("\n\n", 1)[-1]), end
