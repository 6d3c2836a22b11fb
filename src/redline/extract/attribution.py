"""Attributed statements in a parsed Doc: direct quotes, reported speech and mixed quotes.

Two sources of evidence meet here. Quote marks (``quotes.py``) say *what* was said
verbatim; the dependency parse (``reported.py``) says *who* said it through which cue, and
finds indirect speech that has no marks at all. A quotation takes, in this order: the cue
whose clause the parser put inside it, the nearest cue in its own sentence and paragraph, a
dash signature ("” ― Jane Doe"), a cue ending in a colon just before it ("He added:"), the
speaker of the quotation just before it, or the reported speech just before it. Reported
content that contains quoted words is "mixed"; a labelled line ("PENCE: ...") is a statement
of its label.

A quote split by its cue, or continued by the same speaker in the same paragraph, gives one
statement per quotation ("“We are ready,” he said, “but not yet.”" -> "We are ready" and "but
not yet", both with the cue "said"), as the annotation guide counts them; a lexicon may set
``merge_split_quotes`` for schemes (PolNeAR) that count one statement from "We" to "yet".

The result holds character offsets into ``doc.text``; the source is the mention as written
("he", "a senior official"), resolving it to an actor is a later step.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token

from redline.extract.anaphoric import Pointer, anaphoric_candidates
from redline.extract.cue_phrases import (
    MAX_HEADLINE_WORDS,
    as_candidates,
    hearsay_candidates,
    introduced_candidates,
    label_candidates,
    noun_candidates,
    noun_object_candidates,
    predicate_candidates,
    prepositional_candidates,
    said_last_candidates,
    signature_candidates,
    topic_headline_candidates,
    verb_predicate_candidates,
)
from redline.extract.english import ANAPHORIC_DETERMINERS, DASHES, RELATIVE_PRONOUNS
from redline.extract.headlines import title_case_candidates
from redline.extract.quotes import QuoteSpan, find_quotes, per_paragraph
from redline.extract.reported import adjacent_source, find_source, names_source, said_as_it, verb_candidates
from redline.extract.token_ranges import (
    Candidate,
    TokenRange,
    asks_someone,
    cue_sites,
    dangling_preposition,
    is_verb,
    names_a_work,
    noun_phrase,
    title_cased,
)
from redline.knowledge.cues import CueLexicon

__all__ = ["Attribution", "find_attributions"]

_TRAILING = re.compile(r"[\s,;:]+$|(?<![.])[.]\s*$")
_WORD = re.compile(r"\w+")
_MIN_QUOTE_WORDS = 4  # shorter quotes with no cue of their own are scare quotes or titles
_INHERITED_CONFIDENCE = 0.8
_UNLINKED_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement; all spans are (start, end) character offsets into ``doc.text``."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    kind: str  # "direct" | "indirect" | "mixed"
    confidence: float = 1.0


@dataclass(slots=True)
class _Quote:
    span: QuoteSpan
    tokens: TokenRange  # tokens inside the marks
    cue: TokenRange | None = None
    source: TokenRange | None = None
    confidence: float = 0.0
    cue_token: int = -1
    consumed: bool = False  # replaced by labelled statements ("PENCE: ...")


def find_attributions(doc: Doc, cues: CueLexicon, text: str | None = None) -> list[Attribution]:
    """Every attributed statement in ``doc``, in text order.

    ``text`` is ``doc.text`` when the caller has it already (spaCy rebuilds it from the tokens
    on every access). Never raises on odd input: an empty Doc, unbalanced quote marks or text
    in another language yield what the rules can support, possibly nothing.
    """
    if text is None:
        text = doc.text
    if len(doc) == 0 or not text.strip():
        return []
    found = find_quotes(text, cues.quote_pairs)
    if not cues.merge_split_quotes:  # a scheme that counts a split quote once counts this once too
        found = per_paragraph(text, found, cues.quote_pairs)
    quotes = _locate_quotes(doc, found)
    quoted = _quote_mask(doc, quotes)
    sites = cue_sites(doc, cues)
    pointers = anaphoric_candidates(doc, cues, quoted, sites)
    candidates = (
        verb_candidates(doc, cues, quoted, sites)
        + prepositional_candidates(doc, cues, quoted, sites)
        + noun_candidates(doc, cues, quoted, sites)
        + hearsay_candidates(doc, cues, quoted, sites)
        + noun_object_candidates(doc, cues, quoted, sites)
        + as_candidates(doc, cues, quoted, sites)
        + label_candidates(doc, cues, text)
        + predicate_candidates(doc, cues, quoted, sites)
        + verb_predicate_candidates(doc, cues, quoted, sites)
        + signature_candidates(doc, cues, quoted, text)
        + title_case_candidates(doc, cues, quoted, text)
        + said_last_candidates(doc, cues, quoted, text)
        + topic_headline_candidates(doc, cues, quoted, text)
        + introduced_candidates(doc, cues, quoted, text)
    )
    candidates = _resolve_nesting(
        doc,
        [
            c
            for c in candidates
            if not _document_source(doc, c, cues, candidates) and not _reporters_question(doc, c, cues)
        ],
        cues,
    )

    out: list[Attribution] = []
    labelled: list[tuple[int, int]] = []  # what transcript labels ("PESKOV: ...") give as spoken
    index = _QuoteIndex(doc, quotes)
    for cand in candidates:
        if cand.kind not in ("colon", "signature"):
            _after_line_label(doc, cand, quoted, cues)
        start, end = _chars(doc, cand.content)
        if cand.kind == "colon":
            labelled.append((start, end))
        if cand.kind in ("colon", "signature"):
            # transcript and headline labels: each labelled paragraph is its own statement,
            # even where the paragraphs share one run of quote marks
            hit = index.around(start)
            # "US officials: sequencing “the hardest part left”": a quotation inside a labelled
            # headline or crosshead is part of it, no statement of the speaker before the label
            # (a transcript turn's sentences may report another's words: "is like, ‘...’")
            inner = index.within(start, end) if _headline_words(text[start:end]) else []
            for q in [*hit, *inner]:
                q.consumed = True
            out.append(
                Attribution(
                    (start, end),
                    _chars(doc, cand.cue) if cand.cue else None,
                    _chars(doc, cand.source) if cand.source else None,
                    "direct" if hit else "mixed" if inner else "indirect",
                    cues.confidence_of(cand.kind),
                )
            )
            continue
        inside = [q for q in index.around(start) if end <= _close_end(q) or _crosses(doc, cand, q)]
        if inside:
            q = inside[0]
            if q.cue is None or cand.kind in ("speech", "writing"):
                q.cue, q.source, q.cue_token = cand.cue, cand.source, cand.cue_token
                if q.source is None:
                    q.source = adjacent_source(doc, cand.cue_token, quoted)
                q.confidence = cues.confidence_of("quote")
            continue
        overlapping = index.overlaps(start, end)
        if overlapping:
            end = index.quoted_to(start, end, text)
        if cand.kind in _OWN_STATEMENT_KINDS:
            ran_on = index.runs_on(end, text)
            overlapping = overlapping or ran_on > end
            end = ran_on
        out.append(
            Attribution(
                content=(start, end),
                cue=_chars(doc, cand.cue) if cand.cue else None,
                source=_chars(doc, cand.source) if cand.source else None,
                kind="mixed" if overlapping else "indirect",
                confidence=cues.confidence_of(cand.kind),
            )
        )
    mixed_spans = [a.content for a in out if a.kind == "mixed"]
    reported = sorted(
        (
            a
            for a in out
            if a.cue is not None and a.source is not None and a.confidence >= cues.confidence_of("speech")
        ),
        key=lambda a: a.content[1],
    )
    out.extend(_direct(doc, text, quotes, quoted, mixed_spans, reported, cues))
    if cues.merge_split_quotes:
        out = _one_per_frame(text, _merge_continued(text, out))
    out = _share_antecedents(doc, pointers, out, cues)
    out = [
        a
        for a in out
        if not (_bare_pointer(doc, a) and not cues.pointer_statements) and not _within_label(a, labelled)
    ]
    out = [_closed(index, text, a) for a in out]
    out = _once_per_page(text, _one_per_content(_without_cut_off(doc, text, out)))
    return out if cues.nested_statements else _univocal(doc, out)


def _univocal(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Under a scheme where each word plays one part in one statement (PolNeAR), a statement
    whose cue lies inside the words of another ("The aide told reporters that the mayor had
    promised to scrap the plan") is part of that other's content, not a statement of its own;
    the widest statement stays. A quotation split by its own cue ("“...,” she said, adding that
    .... “...”") runs across its frame, and what the frame says is no part of the quotation.
    A quotation with no cue of its own inside another statement's words (a labelled turn's "no
    one is like, ‘the plan is dead’", a headline's "Voss: Plan Is ‘Dead on Arrival’") is part of it."""
    kept: list[Attribution] = []
    for a in sorted(found, key=lambda a: a.content[0] - a.content[1]):
        if a.cue is None:
            if not any(b.content[0] <= a.content[0] and a.content[1] <= b.content[1] for b in kept):
                kept.append(a)
        elif not any(
            b.content[0] <= a.cue[0]
            and a.cue[1] <= b.content[1]
            and (not _framed_within(b) or _describes_speaker(doc, a))
            for b in kept
        ):
            kept.append(a)
    return sorted(kept, key=lambda a: (a.content[0], a.content[1]))


def _describes_speaker(doc: Doc, a: Attribution) -> bool:
    """Whether the statement's cue stands in a clause that describes a noun ("said Ana Ruiz, a
    lawyer for the union, who has fought the plan", "the only member to back the bill"): inside
    a quotation's frame such a clause tells who the speaker is, not what she went on to say."""
    if a.cue is None:
        return False
    span = doc.char_span(a.cue[0], a.cue[1], alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(3):
        if t.dep_ in ("relcl", "acl"):
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _framed_within(a: Attribution) -> bool:
    """Whether the statement's cue stands inside its own content: a quotation merged across it."""
    return a.cue is not None and a.content[0] <= a.cue[0] < a.content[1]


_MAX_POINTER_WORDS = 4


def _merge_continued(text: str, found: list[Attribution]) -> list[Attribution]:
    """Under ``merge_split_quotes`` (PolNeAR), a quotation that goes on from reported or mixed
    speech in the same paragraph ("The talks are “stuck,” says Jan Novak. “We have seen this
    before.”") is one statement with it, as a quotation split by its cue is; so is one that goes
    on from a quotation, in the next paragraphs too, as PolNeAR's annotators merge them."""
    by_frame: dict[tuple[tuple[int, int] | None, tuple[int, int] | None], Attribution] = {}
    for a in found:
        if a.cue and a.source and (a.kind != "direct" or a.confidence != _INHERITED_CONFIDENCE):
            by_frame.setdefault((a.cue, a.source), a)
    merged: dict[tuple[int, int], Attribution] = {}
    dropped: set[int] = set()
    for i, a in enumerate(found):
        prev = by_frame.get((a.cue, a.source)) if a.kind == "direct" else None
        if prev is None or prev is a or a.confidence != _INHERITED_CONFIDENCE:
            continue
        head = merged.get(prev.content, prev)
        # a quotation goes on into the next paragraph too; words of one's own end with theirs
        between = text[head.content[1] : a.content[0]]
        if head.content[1] > a.content[0] or (head.kind not in ("direct", "mixed") and "\n" in between):
            continue
        kind = "direct" if head.kind == "direct" else "mixed"
        merged[prev.content] = replace(head, content=(head.content[0], a.content[1]), kind=kind)
        dropped.add(i)
    return [merged.get(a.content, a) for i, a in enumerate(found) if i not in dropped]


def _one_per_frame(text: str, found: list[Attribution]) -> list[Attribution]:
    """Under ``merge_split_quotes`` (PolNeAR), a quotation that one cue gives one source after
    words of that source's own ("It is time to act, he said, “and not only with words.”", "said
    the plan was sound: “We have waited long enough.”") goes on with them as one statement, from
    the start of the first part to the end of the quotation, as that scheme annotates a speech
    act once."""
    first: dict[tuple[tuple[int, int], tuple[int, int]], int] = {}
    out: list[Attribution] = []
    for a in sorted(found, key=lambda a: (a.content[0], a.content[1])):
        if a.cue is None or a.source is None:
            out.append(a)
            continue
        key = (a.cue, a.source)
        if key in first and not _goes_on(text, out[first[key]], a):
            out.append(a)
            continue
        if key not in first:
            first[key] = len(out)
            out.append(a)
            continue
        head = out[first[key]]
        kind = head.kind if head.kind == a.kind else "mixed"
        out[first[key]] = replace(head, content=(head.content[0], a.content[1]), kind=kind)
    return out


_SENTENCE_END = re.compile(r"[.!?]")


def _goes_on(text: str, head: Attribution, a: Attribution) -> bool:
    """Whether ``a`` goes on from ``head`` within its sentence (a quotation past the frame,
    ", he said, “...”", or a colon, also across a paragraph break): a quotation after a full stop
    starts a sentence of its own, whose cue the frame's may only have stood in for; words
    beside the quotation ("..., adding that ...") or inside it are statements of their own."""
    if a.content[0] < head.content[1]:
        return False
    between = text[head.content[1] : a.content[0]]
    if _SENTENCE_END.search(between):
        return False
    if a.kind != "direct":
        # "The ferry is slow, the captain said, but it is cheap": reported words that go on past
        # their own frame in one sentence are one statement; after a quotation they are not
        # (gold often gives such words a statement of their own)
        framed = a.cue is not None and head.content[1] <= a.cue[0] and a.cue[1] <= a.content[0]
        return framed and head.kind != "direct" and "\n" not in between
    return "\n" not in between or between.lstrip().startswith(":")


def _closed(index: _QuoteIndex, text: str, a: Attribution) -> Attribution:
    if a.kind == "direct":
        return a  # the words inside the marks: the marks are not content
    end = index.closing_mark(a.content[0], a.content[1], text)
    return a if end == a.content[1] else replace(a, content=(a.content[0], end))


def _within_label(a: Attribution, labelled: Sequence[tuple[int, int]]) -> bool:
    """ "PESKOV: Yes. I can confirm that.": a transcript's labelled words are the speaker's
    own, as a direct quote is, so a report inside them ("I can confirm") is no second statement
    (the guide counts nothing nested inside a direct quote)."""
    if a.cue is None:
        return False
    return any(s <= a.cue[0] < e and a.content != (s, e) for s, e in labelled)


def _bare_pointer(doc: Doc, a: Attribution) -> bool:
    """ "Belgium opposed it", "likening them to ...", "Such provisions have been opposed by Kyiv":
    a pronoun or a phrase that only points back is no content a reader can recover; the guide
    annotates such reports only with the span pointed at (``anaphoric.py`` finds the clear ones)."""
    if a.kind != "indirect":
        return False
    span = doc.char_span(a.content[0], a.content[1], alignment_mode="expand")
    if span is None or len(span) > _MAX_POINTER_WORDS or any(is_verb(t) for t in span):
        return False
    words = [t for t in span if not t.is_punct]
    if len(words) == 1 and words[0].pos_ == "PRON" and words[0].lower_ not in {"everything", "nothing"}:
        return True
    return any(t.lower_ in ANAPHORIC_DETERMINERS and t.dep_ in ("det", "predet", "amod") for t in words)


def _first_telling(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A headline the page repeats above the body: the statement is the page's first telling."""
    first = text.find(text[span[0] : span[1]])
    return (first, first + span[1] - span[0]) if 0 <= first < span[0] else span


def _share_antecedents(
    doc: Doc, pointers: Sequence[Pointer], found: list[Attribution], cues: CueLexicon
) -> list[Attribution]:
    """ "X said that A. This was reported by Reuters, according to Y.": Reuters and Y report A,
    the content X is given, so the layered sources share X's content span (one statement per
    source, the same words), and a cue inside the pointing sentence never takes the pointer
    sentence itself as what was said."""
    if not pointers:
        return found
    out = list(found)
    for p in pointers:
        ante = _chars(doc, p.candidate.content)
        source = _chars(doc, p.candidate.source) if p.candidate.source else None
        inner = [a for a in out if ante[0] <= a.content[0] and a.content[1] <= ante[1]]
        widest = max(inner, key=lambda a: a.content[1] - a.content[0]) if inner else None
        shared = _first_telling(doc.text, widest.content if widest else ante)
        said = _chars(doc, p.sentence)
        out = [replace(a, content=shared) if a.content[0] == said[0] else a for a in out]
        cue = _chars(doc, p.candidate.cue) if p.candidate.cue else None
        kind = widest.kind if widest else "indirect"
        out.append(Attribution(shared, cue, source, kind, cues.confidence_of(p.candidate.kind)))
    return out


# what may stand between reported words and a quotation that goes on with them
_QUOTE_GLUE = re.compile(r"[ ,]*(?:(?:and|but|or|of|on|to|as|with|for|about|that)[ ,]+){0,3}", re.I)
_GLUE_END = re.compile(r"\b(?:and|but|or|of|on|to|as|with|for|about|that)[ ,]*$", re.I)
_COMPLETE_END = re.compile(r"[.!?\"”’»)\]…]\s*$")


def _without_cut_off(doc: Doc, text: str, found: list[Attribution]) -> list[Attribution]:
    """A page excerpt cut off mid-sentence ("He said the prosp") leaves a cue with only a
    word or two of content: with no verb left there is no statement to read, only its start.
    Content that keeps a predicate ("the Kremlin had co") still says something, and a text
    that ends on a full stop was not cut."""
    end = len(text.rstrip())
    if _COMPLETE_END.search(text[:end]):
        return found
    out = []
    for a in found:
        if a.content[1] >= end:
            span = doc.char_span(a.content[0], a.content[1], alignment_mode="expand")
            if span is not None and not any(is_verb(t) for t in span):
                continue
        out.append(a)
    return out


def _once_per_page(text: str, found: list[Attribution]) -> list[Attribution]:
    """A headline the page repeats verbatim (title, then heading, then share box) is one
    statement: the same short line, read as the same words from the same source, counts once,
    at its first place; so is a lead paragraph that opens with the headline's line word for word
    before it goes on. Running text that repeats itself is left alone."""
    seen: set[tuple[str, str, str]] = set()
    lines: dict[tuple[str, str], str] = {}  # (content, source) -> the headline line it was read in
    out = []
    for a in found:
        line = _line_of(text, a.content)
        source = text[a.source[0] : a.source[1]].lower() if a.source else ""
        said = " ".join(text[a.content[0] : a.content[1]].split()).lower()
        headline = lines.get((said, source))
        if headline is not None and headline != line:
            opening = text[text.rfind("\n", 0, a.content[0]) + 1 : a.content[1] + _MAX_HEADLINE]
            if " ".join(opening.split()).lower().startswith(headline):
                continue  # the lead repeats the headline before it goes on
        if line is None:
            out.append(a)
            continue
        key = (line, said, source)
        if key not in seen:
            seen.add(key)
            lines.setdefault((said, source), line)
            out.append(a)
    return out


_LINE_BREAK = re.compile(r"\n|\s{2,}")
_MAX_HEADLINE = 300


def _line_of(text: str, span: tuple[int, int]) -> str | None:
    """The headline-length line (between line breaks or runs of spaces) holding ``span``."""
    before = [m.end() for m in _LINE_BREAK.finditer(text, max(0, span[0] - _MAX_HEADLINE), span[0])]
    start = before[-1] if before else max(0, span[0] - _MAX_HEADLINE)
    after = _LINE_BREAK.search(text, span[1], span[1] + _MAX_HEADLINE)
    end = after.start() if after else min(len(text), span[1] + _MAX_HEADLINE)
    if (not before and start > 0) or (after is None and end < len(text)):
        return None  # no break within reach: a paragraph of running text
    return " ".join(text[start:end].split()).lower()


def _document_source(doc: Doc, cand: Candidate, cues: CueLexicon, found: Sequence[Candidate]) -> bool:
    """ "The plan would require Kyiv to withdraw": a document is not the speaker of its own
    provisions; only a say-type verb ("the draft says that ...") makes it a source, not one that
    needs a person behind it ("the draft insists that ..."). A document cited ("according to
    company filings, the firm lost ...") is the source of what it is cited for, under the guide as
    under PolNeAR, unless what it is cited for is someone's speech act with a cue of its own
    ("according to a transcript, the envoy told the aide ..."): that act is the statement."""
    if cand.source is None or cand.kind in ("colon", "signature"):
        return False
    head = _head_of(doc, cand.source)
    if head.lemma_.lower() not in cues.document_nouns:
        return False
    if cand.kind == "prepositional":
        return any(o is not cand and cand.content[0] <= o.cue_token < cand.content[1] for o in found)
    verb = doc[cand.cue_token].lemma_.lower()
    return cand.kind not in ("speech", "writing") or verb not in cues.document_verbs


def _reporters_question(doc: Doc, cand: Candidate, cues: CueLexicon) -> bool:
    """ "One reporter asked whether the talks would resume": at a news conference the question is
    the press's, not a position of anyone in the story (as a transcript's "Q:" line is not); the
    answer after it is the statement."""
    if cand.source is None or cand.cue_token < 0 or cand.kind in ("colon", "signature"):
        return False
    verb = doc[cand.cue_token]
    return cues.press_asks(verb.lemma_, _head_of(doc, cand.source).lemma_, someone_asked=asks_someone(verb))


def _head_of(doc: Doc, rng: TokenRange) -> Token:
    for t in doc[rng[0] : rng[1]]:
        if not rng[0] <= t.head.i < rng[1] or t.head.i == t.i:
            return t
    return doc[rng[1] - 1]


def _one_per_content(found: list[Attribution]) -> list[Attribution]:
    """ "Putin repeated his claim that X": the verb and the noun both frame X, but a reader
    counts one statement; the surer cue (then the earlier one) stays."""
    best: dict[tuple[int, int], Attribution] = {}
    for a in found:
        kept = best.get(a.content)
        if (
            kept is None
            or a.confidence > kept.confidence
            or (
                a.confidence == kept.confidence and (a.cue or (1 << 30, 0))[0] < (kept.cue or (1 << 30, 0))[0]
            )
        ):
            best[a.content] = a
    return sorted(best.values(), key=lambda a: (a.content[0], a.content[1]))


class _QuoteIndex:
    """Binary search over the (sorted, non-overlapping) quotations, to keep lookups logarithmic."""

    def __init__(self, doc: Doc, quotes: list[_Quote]) -> None:
        self.doc = doc
        self.quotes = quotes
        self.opens = [q.span.open for q in quotes]
        self.ends = [q.span.end for q in quotes]

    def around(self, pos: int) -> list[_Quote]:
        """The quotation whose marks enclose ``pos``, if any."""
        i = bisect_right(self.opens, pos) - 1
        if i >= 0 and pos < _close_end(self.quotes[i]):
            return [self.quotes[i]]
        return []

    def within(self, start: int, end: int) -> list[_Quote]:
        """The quotations that open inside the characters ``start`` to ``end``."""
        i = bisect_right(self.opens, start - 1)
        j = bisect_right(self.opens, end - 1)
        return self.quotes[i:j]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.ends, start)
        return i < len(self.quotes) and self.quotes[i].span.start < end

    def runs_on(self, end: int, text: str) -> int:
        """The end of content that a quotation goes on with: 'blamed them for focusing on “he said
        this, he posted that.”', 'memories of her father, and of “all the people ...”' (the parser
        hung the quotation elsewhere, so the clause stopped where the marks open). The words before
        the marks must end on a glue word ("on", "and of", "but"); after a colon, a full stop or
        a finished quotation the quotation is a statement of its own."""
        while True:
            i = bisect_left(self.opens, end)
            if i >= len(self.quotes):
                return end
            q = self.quotes[i]
            close = q.span.close
            if close is None or not _QUOTE_GLUE.fullmatch(text[end : q.span.open]):
                return end
            if not _GLUE_END.search(text, max(0, q.span.open - 12), q.span.open):
                return end  # '... exhausted." "We are ...': a quotation of its own
            end = close
            while text[end - 1] in ".,;: " or text[end - 1].isspace():
                end -= 1

    def closing_mark(self, start: int, end: int, text: str) -> int:
        """The end of content that stops just short of the closing mark of a quotation it opened
        ('called the plan a "good start,"'): past the mark, with the punctuation inside it, so the
        content shows whole quotations (as annotators mark mixed quotes) and never a dangling one."""
        i = bisect_right(self.opens, end - 1) - 1  # the last quotation opened before the end
        if i < 0 or self.quotes[i].span.open < start:
            return end
        close = self.quotes[i].span.close
        if close is None or close < end:
            return end
        gap = text[end:close]
        return close + 1 if len(gap) <= 3 and not any(c.isalnum() or c == "\n" for c in gap) else end

    def quoted_to(self, start: int, end: int, text: str) -> int:
        """The end of mixed content: past ``end`` to the last quoted word when a quotation opened
        inside the content closes after it in the same paragraph ('the new text "is not ideal,
        but it is a working document."', where the parser hung the second clause elsewhere)."""
        i = bisect_right(self.ends, start)
        while i < len(self.quotes) and self.quotes[i].span.start < end:
            q = self.quotes[i]
            close = q.span.close
            if q.span.start >= start and close is not None and close > end and "\n" not in text[end:close]:
                end = close
                while end > start and (text[end - 1] in ".,;: " or text[end - 1].isspace()):
                    end -= 1
            i += 1
        return end


def _crosses(doc: Doc, cand: Candidate, q: _Quote) -> bool:
    """Content that starts inside a quotation and runs out of it into the frame is a parse
    that crossed the closing mark: the quotation is the content."""
    return q.span.start < _chars(doc, cand.content)[0] < q.span.end or cand.content[0] >= q.tokens[0]


def _close_end(q: _Quote) -> int:
    return (q.span.close + 1) if q.span.close is not None else q.span.end


def _locate_quotes(doc: Doc, spans: Sequence[QuoteSpan]) -> list[_Quote]:
    """Token range inside each quotation, found with one forward sweep over the tokens."""
    out: list[_Quote] = []
    if not spans:
        return out
    # token offsets and lengths read in one call: indexing the Doc builds a Token each time
    starts, lengths = (column.tolist() for column in doc.to_array([IDX, LENGTH]).T)
    i = 0
    n = len(doc)
    for q in spans:
        while i < n and starts[i] + lengths[i] <= q.start:
            i += 1
        j = i
        while j < n and starts[j] < q.end:
            j += 1
        first = i
        while first < j and (doc[first].is_space or doc[first].is_quote):
            first += 1
        if first < j:
            out.append(_Quote(q, (first, j)))
    return out


def _quote_mask(doc: Doc, quotes: Sequence[_Quote]) -> list[bool]:
    mask = [False] * len(doc)
    for q in quotes:
        for i in range(*q.tokens):
            mask[i] = True
    return mask


def _chars(doc: Doc, rng: TokenRange) -> tuple[int, int]:
    first, last = doc[rng[0]], doc[rng[1] - 1]
    return first.idx, last.idx + len(last.text)


def _resolve_nesting(doc: Doc, cands: list[Candidate], cues: CueLexicon) -> list[Candidate]:
    """Keep annotations univocal: a cue inside another statement's content is either that
    statement's own content ("said Clinton claimed X": the outer one stands) or a clause
    hung on it ("talks, which he said ..."), which ends the outer content where it starts."""
    by_cue: dict[int, Candidate] = {}
    for c in sorted(cands, key=lambda c: -_rank(c)):
        by_cue.setdefault(c.cue_token, c)
    kept = sorted(by_cue.values(), key=lambda c: c.content[0])
    by_cue_order = sorted(kept, key=lambda c: c.cue_token)
    cue_positions = [c.cue_token for c in by_cue_order]
    dropped: set[int] = set()
    for outer in kept:
        lo = bisect_left(cue_positions, outer.content[0])
        hi = bisect_left(cue_positions, outer.content[1])
        chain = cues.nested_statements and _reports_chain(outer, by_cue_order[lo:hi])
        for inner in by_cue_order[lo:hi]:  # only cues inside the outer content: linear overall
            if inner is outer or id(inner) in dropped or id(outer) in dropped:
                continue
            if not outer.content[0] <= inner.cue_token < outer.content[1] or (
                chain and inner.kind in _REPORT_KINDS
            ):
                continue  # outside, or a link of a chain under "according to" ("A told B that C had said")
            if outer.kind == "colon":
                continue  # a labelled turn is the speaker's own words, whole, as a quote is: a
                # report inside it ("I have told the growers that ...") is no second statement
            if inner.content[0] >= outer.content[1]:
                # "criticised Moscow's demand | that Kyiv withdraw": the outer object is the noun
                # whose own clause follows; the outer statement runs to its end, both stand
                outer.content = (outer.content[0], max(outer.content[1], inner.content[1]))
                continue
            if _layered(doc, inner, outer, cues):
                dropped.add(id(outer))  # "X said Y, Reuters reported": X's statement, carried
                break
            if _trailing_carrier(inner, outer):  # the same, parsed the other way round
                end = inner.source[0] if inner.source else inner.content[1]
                outer.content = (outer.content[0], _words_end(doc, outer.content[0], end))
                dropped.add(id(inner))
                continue
            if inner.kind in _NESTED_KINDS and _nested_statement(doc, inner, outer):
                continue  # "X said Y had urged Z to ...": Y's own statement inside X's
            if inner.kind in _SPEECH_KINDS and _nested_speech(doc, inner, outer, cues):
                if inner.kind == "object":
                    inner.content = (inner.content[0], _before_and_that(doc, inner))
                continue  # "X said Y told Z that ...": the same for a speech act
            if _owned_claim(doc, inner, outer):
                continue  # "X criticised Moscow's demand that ...": Moscow's own statement
            if _second_act(doc, inner, outer, cues) or _low_second_act(doc, inner, outer, cues):
                # "Trump said he would order a review and warned against hackers": the second
                # verb is the speaker's own next act, not part of what was said
                inner.source = outer.source
                end = _words_end(doc, outer.content[0], doc[inner.cue_token].left_edge.i)
                while end > outer.content[0] and doc[end - 1].dep_ == "cc":
                    end = _words_end(doc, outer.content[0], end - 1)
                outer.content = (outer.content[0], end)
                continue
            trailing = _trailing_act(doc, inner, outer, cues)
            if trailing is not None:
                # "said the port had closed, urging drivers to ...": the speaker's next act; after
                # "according to X" the doer is the reported clause's subject, which it has already
                if outer.kind != "prepositional":
                    inner.source = outer.source
                quoted_end = doc[trailing - 1].is_quote  # 'was "going along well,"': kept whole
                end = trailing if quoted_end else _words_end(doc, outer.content[0], trailing)
                outer.content = (outer.content[0], end)
                continue
            if inner.kind not in _OWN_STATEMENT_KINDS and not _contrasted(doc[inner.cue_token], cues):
                dropped.add(id(inner))  # a stance verb inside reported content belongs to it
                continue
            clause = _clause_start(doc, inner, outer)
            if clause is None or clause - outer.content[0] < 3:
                dropped.add(id(inner))
                continue
            outer.content = (outer.content[0], _words_end(doc, outer.content[0], clause))
    return [c for c in kept if id(c) not in dropped and c.content[1] > c.content[0]]


def _second_act(doc: Doc, inner: Candidate, outer: Candidate, cues: CueLexicon) -> bool:
    """ "X tweeted that A was “a con” and encouraged Americans to ...", "China said it was opposed
    and warned Pyongyang to refrain": a speech or directive verb joined by "and" to the last verb
    of what was said, with no subject of its own and the tense of the outer cue, goes on with the
    outer speaker's acts (the guide: one statement per speech act), not with the reported clause."""
    if outer.kind not in ("speech", "writing") or outer.source is None:
        return False
    cue, said = doc[inner.cue_token], doc[outer.cue_token]
    if cue.dep_ != "conj" or cue.tag_ != said.tag_ or cue.tag_ not in ("VBD", "VBZ"):
        return False
    if cue.head.head.i != outer.cue_token or cue.head.dep_ not in ("ccomp", "xcomp"):
        return False  # joined to the top of what was said, not to a clause inside it
    if not any(c.dep_ == "cc" for c in cue.head.children if c.i < cue.i):
        return False
    return _subjectless_act(cue, cues)


def _low_second_act(doc: Doc, inner: Candidate, outer: Candidate, cues: CueLexicon) -> bool:
    """ "spoke at a forum, accusing Europe of stalling and vowing to retaliate", "took to Twitter
    to accuse the campaign of lying and encourage voters to ...": the parser hangs the second
    participle or infinitive on the last verb inside the first act's object. Joined by "and", in
    the same non-finite form as the first cue and with no subject of its own, a speech or
    directive verb is the speaker's next act, as in ``_second_act``."""
    if outer.source is None or outer.kind not in ("object", "directive", "speech", "writing"):
        return False
    cue, said = doc[inner.cue_token], doc[outer.cue_token]
    if cue.dep_ != "conj" or cue.tag_ != said.tag_ or cue.tag_ not in ("VBG", "VB"):
        return False
    if said not in cue.head.ancestors:
        return False
    before = cue.left_edge.i - 1
    if before < 0 or doc[before].dep_ != "cc" or doc[before].lower_ != "and":
        return False
    return _subjectless_act(cue, cues)


def _subjectless_act(cue: Token, cues: CueLexicon) -> bool:
    """A speech or directive verb with no subject of its own: the outer speaker's next act
    (``_second_act``, ``_low_second_act``)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False
    lemma = cue.lemma_.lower()
    return cues.verb_kind(lemma) == "speech" or lemma in cues.directive_verbs


def _trailing_act(doc: Doc, inner: Candidate, outer: Candidate, cues: CueLexicon) -> int | None:
    """ "The mayor said the port had closed, urging drivers to avoid it", "..., citing the cold",
    "..., while reaffirming ...": a participle set off by a comma at the end of what was said,
    with no subject of its own, is the speaker's next act (the guide: one statement per act), as
    "..., adding that ..." is. The parser hangs it on some verb of the reported clause, where it
    was read as part of what was said. Returns where the outer content ends, or None."""
    if outer.kind not in _OWN_STATEMENT_KINDS or outer.source is None:
        return None
    cue = doc[inner.cue_token]
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "xcomp", "conj"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children) or cue.right_edge.i + 1 < outer.content[1]:
        return None  # a subject of its own, or what was said goes on after it
    opening = cue.left_edge.i
    if opening != cue.i:  # only "while" may open it: "..., while reaffirming ..."
        mark = doc[opening]
        if opening != cue.i - 1 or mark.dep_ != "mark" or mark.lower_ not in cues.continuing_marks:
            return None
    before = opening - 1
    while before > outer.content[0] and doc[before].is_quote:
        before -= 1  # 'was "going along well," suggesting ...': the closing mark stays in
    if doc[before].text != "," or not outer.content[0] < before:
        return None
    lo, hi = outer.content
    return (opening if before < opening - 1 else before) if lo <= cue.head.i < hi else None


def _words_end(doc: Doc, start: int, end: int) -> int:
    """``end`` moved back over punctuation, spaces and a dangling "and" or "but", not before
    ``start``: where an outer statement's content stops when what follows is another statement
    ("Hale said the talks went well and Brandt insisted ...")."""
    while end > start:
        last = doc[end - 1]
        if last.is_quote and sum(t.is_quote for t in doc[start : end - 1]) % 2:
            break  # 'said it was “absolutely right” and ...': the closing mark stays in
        dangling = last.dep_ == "cc" or dangling_preposition(last, start, end)
        if not (last.is_punct or last.is_space or dangling):
            break
        end -= 1
    return end


def _nested_statement(doc: Doc, inner: Candidate, outer: Candidate) -> bool:
    """A cue inside reported content whose subject is named there too is a second source's
    statement nested in the first (the guide counts both): "Peskov said Moscow insists on X"
    gives Peskov's statement and Moscow's. Without a subject of its own ("he said they had
    endorsed it", "accused them of stalling and rejecting it") the inner verb is part of the
    outer content."""
    if inner.source is None or outer.source is None:
        return False
    s0, s1 = inner.source
    if not (outer.content[0] <= s0 and s1 <= outer.content[1]):
        return False
    cue = doc[inner.cue_token]
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s0 <= c.i < s1 and c.pos_ in ("PROPN", "NOUN") for c in subjects):
        return True
    # "... pressure from Governor Hale, who called on the city to ...": the relative pronoun
    # stands for the name it follows, a source of its own
    return any(
        c.lower_ in RELATIVE_PRONOUNS and c.dep_ == "nsubj" and cue.dep_ == "relcl" for c in subjects
    ) and any(doc[i].pos_ == "PROPN" for i in range(s0, s1))


def _nested_speech(doc: Doc, inner: Candidate, outer: Candidate, cues: CueLexicon) -> bool:
    """ "The spokesman said the mayor told his counterpart that ...", "According to the mayor,
    Washington is suggesting a free zone": a speech act that is the whole of what the outer source
    reported, by a subject that can speak, is that subject's own statement nested in the outer
    one (the guide counts both). Kept to the top of the reported clause and to a clause or
    object it reports: deeper ("what the leader had said"), with a subject that cannot speak
    ("the phrase suggests") or with nothing reported of its own ("tells so many lies that ...",
    "described it as X when ..."), the verb is part of what was said."""
    if outer.kind not in _OWN_STATEMENT_KINDS or inner.source is None:
        return False
    s0, s1 = inner.source
    if not (outer.content[0] <= s0 and s1 <= outer.content[1]):
        return False
    cue, said = doc[inner.cue_token], doc[outer.cue_token]
    if cue.tag_ == "VBG" and _subject(cue, s0, s1) is None:
        return False  # "said X agreed, framing it as ...": a participle goes on with the outer speaker
    verb = cue if _subject(cue, s0, s1) is not None else cue.head  # "made it clear that ..."
    subject = _subject(verb, s0, s1)
    if subject is None or not any(names_source(t, cues) for t in (subject, *subject.lefts)):
        return False
    if any(c.tag_ == "MD" for c in verb.children):
        return False  # "Hale should call the mayor", "will announce plans": nothing said yet
    if inner.kind == "object" and cue.lemma_.lower() in cues.stance_object_verbs:
        return False  # "backs", "supported the invasion": a side taken, not a speech act
    if outer.kind == "prepositional":  # "According to X, Y told Z that ...": the clause it frames
        top = said.head.i == verb.i or said.head.head.i == verb.i
    else:
        top = verb.dep_ == "ccomp" and verb.head.i == said.i
    lo, hi = inner.content
    reported = ("ccomp", "dobj") if inner.kind == "object" else ("ccomp",)
    said_what = [c for c in cue.children if c.dep_ in reported and lo <= c.i < hi]
    # "Hale called Alicia Grant": a person as object is the one spoken to, not what was said
    return top and bool(said_what) and not any(c.ent_type_ == "PERSON" for c in said_what)


def _before_and_that(doc: Doc, cand: Candidate) -> int:
    """Where a nested statement with an object ends: "said the US proposed a deal and that Moscow
    was ready" goes on with the outer speaker's "and that", not with the proposal."""
    lo, hi = cand.content
    for i in range(lo + 1, hi - 1):
        if doc[i].lower_ == "and" and doc[i + 1].lower_ == "that":
            return _words_end(doc, lo, i)
    return hi


def _subject(verb: Token, s0: int, s1: int) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj" and s0 <= c.i < s1), None)


def _owned_claim(doc: Doc, inner: Candidate, outer: Candidate) -> bool:
    """ "The senator criticised Moscow's demand that Kyiv withdraw": a speech noun inside reported
    content or narration whose possessor is a name is that source's statement, nested (the guide
    counts both); "repeated his claim that ..." is the outer speaker's own words again."""
    that_clause = inner.kind == "noun" or inner.kind in _OWN_STATEMENT_KINDS  # not "comments on X"
    if inner.source is None or not that_clause or doc[inner.cue_token].pos_ != "NOUN":
        return False
    s0, s1 = inner.source
    if not (outer.content[0] <= s0 and s1 <= outer.content[1]):
        return False
    return any(doc[i].pos_ in ("PROPN", "NOUN") for i in range(s0, s1))


def _headline_words(content: str) -> bool:
    """Whether labelled words read as a headline's: a few words with no final stop."""
    words = content.split()
    return 0 < len(words) <= MAX_HEADLINE_WORDS and not content.rstrip("”\"’' ").endswith((".", "!", "?"))


def _reports_chain(outer: Candidate, inside: Sequence[Candidate]) -> bool:
    """ "A senior envoy told ministers that Russia's negotiator had said ..., according to two
    officials": an "according to" whose clause opens on the source of a report is a link of its
    own over the whole chain (the guide's layered sources: each link with its own cue is one
    statement), unlike "“...,” he said, according to Interfax", where both carry one quotation,
    and unlike a single report under it ("according to Bloomberg, Washington has signalled that
    ..."), which the guide's gold gives the outlet and the source over one content."""
    if outer.kind != "prepositional":
        return False
    reports = [
        c
        for c in inside
        if c is not outer
        and c.kind in _REPORT_KINDS
        and c.source is not None
        and outer.content[0] <= c.cue_token < outer.content[1]
    ]
    return len(reports) >= _CHAIN_LINKS and any(
        c.source is not None and c.source[0] == outer.content[0] for c in reports
    )


def _layered(doc: Doc, inner: Candidate, outer: Candidate, cues: CueLexicon) -> bool:
    """ "Kallas called the cap unacceptable, Reuters reported": the outer report's content is
    the inner statement whole, its source first, and its cue comes after it. Both report one
    content (the guide's layered sources), and the analyst's row is the inner source's: the
    outlet only carries it, and read as the outlet's own, a minister's words would count for no
    party."""
    if inner.source is None or inner.kind not in _LAYERED_KINDS or outer.kind not in _OWN_STATEMENT_KINDS:
        return False
    lemma = doc[inner.cue_token].lemma_.lower()
    if cues.verb_kind(lemma) not in ("speech", "writing") and lemma not in cues.carried_object_verbs:
        return False  # "The Europeans, who back Ukraine, ...": a stance, not a report carried
    if outer.cue_token < inner.content[1]:
        return False  # "Bloomberg reported that X said ...": nested in the outlet's own report
    if inner.content[1] > outer.content[1]:
        return False
    if inner.source[0] == outer.content[0]:
        return True
    # "“...,” he said, reported TASS": the inner statement's words open the outer content too,
    # and the outer report follows the inner cue with nothing said between them
    if inner.cue is None or outer.cue is None:
        return False
    frame = min([outer.cue[0]] + ([outer.source[0]] if outer.source else []))
    said_end = inner.cue[1]
    return (
        inner.content[0] == outer.content[0]
        and inner.content[1] <= inner.source[0] < outer.content[1]
        and said_end <= frame
        and all(t.is_punct or t.is_space for t in doc[said_end:frame])
    )


_LAYERED_KINDS = frozenset({"speech", "writing", "object"})


def _trailing_carrier(inner: Candidate, outer: Candidate) -> bool:
    """ "X said Y, the Wire reported" parsed with "the Wire reported" inside X's content: the
    inner report has the outer content's start as its own, its source and cue close the outer
    content, so it is the outlet carrying X's words, not a statement within them."""
    if inner.source is None or inner.kind not in _OWN_STATEMENT_KINDS:
        return False
    return (
        inner.content[0] == outer.content[0]
        and inner.content[1] <= inner.source[0] <= inner.cue_token
        and inner.cue_token >= outer.content[1] - 2
    )


def _contrasted(cue: Token, cues: CueLexicon) -> bool:
    """ "He wants an answer, while Putin calls the draft a basis": a cue in a "while" clause with a
    subject of its own is a second speaker's statement, not part of the first one's."""
    return (
        cue.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in cues.continuing_marks for c in cue.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    )


_OWN_STATEMENT_KINDS = frozenset({"speech", "writing", "prepositional"})
_NESTED_KINDS = frozenset({"directive", "prep"})
_SPEECH_KINDS = frozenset({"speech", "writing", "object"})
_REPORT_KINDS = frozenset({"speech", "writing"})  # a verb that reports words ("told", "wrote")
_CHAIN_LINKS = 2  # reports nested under one "according to" that make a chain of sources


def _rank(c: Candidate) -> float:
    order = {
        "headline": 7,  # a title-case line's parse is unreliable: its word-by-word reading leads
        "speech": 6,
        "writing": 5,
        "prepositional": 4,
        "noun": 3,
        "belief": 2,
        "evidence": 2,
        "directive": 1,
        "object": 0,
    }
    return order.get(c.kind, 0) + (c.content[1] - c.content[0]) / 10_000


def _clause_start(doc: Doc, inner: Candidate, outer: Candidate) -> int | None:
    """Where the clause holding ``inner`` starts, if it is a modifier inside ``outer``'s content."""
    tok: Token = doc[inner.cue_token]
    for _ in range(6):
        # "..., with the minister stating that ...": the "with" phrase is a clause of its own
        clause = tok.dep_ in ("relcl", "acl", "advcl", "conj", "parataxis")
        if (clause or (tok.dep_ == "pcomp" and tok.head.lower_ == "with")) and tok.head.i != tok.i:
            parts = [tok.left_edge.i, inner.content[0], inner.cue_token]
            if inner.source and inner.source[0] >= outer.content[0]:
                parts.append(inner.source[0])
            start = min(p for p in parts if p >= outer.content[0])
            return start if start > outer.content[0] else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if not outer.content[0] <= tok.i < outer.content[1]:
            return None
    return None


def _direct(
    doc: Doc,
    text: str,
    quotes: list[_Quote],
    quoted: Sequence[bool],
    mixed: Sequence[tuple[int, int]],
    reported: Sequence[Attribution],
    cues: CueLexicon,
) -> list[Attribution]:
    out: list[Attribution] = []
    last: _Quote | None = None
    last_index = -1
    mixed = sorted(mixed)
    mixed_starts = [m[0] for m in mixed]
    reported_ends = [a.content[1] for a in reported]
    sources = [a.source for a in reported if a.source is not None]
    for q in quotes:
        if q.consumed or _in_mixed(mixed, mixed_starts, q.span.start):
            continue  # quoted words inside reported speech: already a mixed statement
        if any(s[0] <= q.span.start and q.span.end <= s[1] for s in sources):
            continue  # "“People familiar with the matter” told ...": a source's name in quote marks
        words = len(_WORD.findall(text, q.span.start, q.span.end))
        whole = _is_whole_sentences(doc, q, quoted)
        if q.cue is None:
            _link_in_frame(doc, q, quoted, cues)
        if q.cue is None and q.span.start > 0:
            _link_to_colon(doc, q, quoted, cues)
        if q.cue is None:
            _link_to_headline_subject(doc, text, q, quoted, cues)
        if q.cue is None:
            _link_to_topic_label(doc, text, q, cues)
        if q.cue is None:
            _link_to_line_label(doc, q, quoted, cues)
        # a quotation with no cue of its own goes on from the speaker before it; a word or two
        # alone in quote marks ("‘Calmly’" as a crosshead) is a title, not more of the speech
        goes_on = whole and words >= _MIN_QUOTE_WORDS
        if q.cue is None and goes_on and last is not None and _near(text, last, q):
            q.cue, q.source, q.cue_token = last.cue, last.source, last.cue_token
            q.confidence = _INHERITED_CONFIDENCE
        if q.cue is None and goes_on:
            _link_to_reported(doc, text, q, reported, reported_ends)
        if q.cue is None and q.source is None and goes_on:
            _link_to_introducer(doc, text, q, quoted)
        if q.cue is None:
            if words < _MIN_QUOTE_WORDS or not whole or _named_work(doc, q):
                continue  # 'He now hosts “The Late Hour With Sam Lee.”': a title, the stop inside
            q.confidence = _UNLINKED_CONFIDENCE
        elif not whole and (
            (words < _MIN_QUOTE_WORDS and not _governed(doc, q) and not _tagged(doc, q))
            or _named_work(doc, q)
        ):
            continue  # a scare quote or a title, not speech
        start, end = _strip_content(text, q.span.start, q.span.end)
        if end <= start:
            continue
        prev = out[last_index] if last_index >= 0 else None
        if (
            cues.merge_split_quotes
            and prev is not None
            and last is not None
            and q.cue is not None
            and (q.cue_token == last.cue_token or q.cue == last.cue)
            and "\n" not in text[last.span.end : q.span.open]
        ):
            # split or continued quote in one paragraph: one statement, as a reader counts it
            out[last_index] = Attribution(
                (*prev.content[0:1], end), prev.cue, prev.source, "direct", max(prev.confidence, q.confidence)
            )
            last = q
            continue
        out.append(
            Attribution(
                content=(start, end),
                cue=_chars(doc, q.cue) if q.cue else None,
                source=_chars(doc, q.source) if q.source else None,
                kind="direct",
                confidence=q.confidence,
            )
        )
        if q.cue is not None:
            last, last_index = q, len(out) - 1
    return out


# the colon and comma that introduce speech ("replied: “Absolutely not.”", "said, “No.”")
_GOVERNING_GAP = frozenset({"a", "an", "the", "as", "it", "them", "this", "that", ":", ","})


def _governed(doc: Doc, q: _Quote) -> bool:
    """ "warned “much work remains”", "called it a “wish list”", "replied: “Never.”": a short
    quotation that follows its cue verb directly (or after an article, "as", a pronoun object or
    the colon that introduces speech) is what the cue says, not a scare quote of the writer's."""
    if q.cue_token < 0 or q.cue_token >= q.tokens[0]:
        return False
    gap = [t for t in doc[q.cue_token + 1 : q.tokens[0]] if not (t.is_quote or t.is_space)]
    return len(gap) <= 2 and all(t.lower_ in _GOVERNING_GAP for t in gap)


_TITLE_DEPS = frozenset({"pobj", "pcomp", "compound", "appos", "nmod", "poss"})


def _named_work(doc: Doc, q: _Quote) -> bool:
    """'On Tuesday's episode of “The Morning Hour With Sam Lee,” the candidate said ...': words in
    Title Case that the sentence uses as a noun inside a phrase (a show, a book, a slogan's name)
    are a title, not something said, whatever cue stands nearby."""
    first, last = q.tokens
    if not title_cased(doc, first, last):
        return False
    if names_a_work(doc, first, last):
        return True
    roots = [
        t for t in doc[first:last] if not t.is_punct and (not first <= t.head.i < last or t.head.i == t.i)
    ]
    return len(roots) == 1 and roots[0].dep_ in _TITLE_DEPS


def _tagged(doc: Doc, q: _Quote) -> bool:
    """ "“We need change,” the mayor said, arguing ...", "“You winning?” she asked, but ...": a
    short quotation that opens its sentence and is closed by a comma, "?" or "!" (an utterance,
    not a scare-quoted term or a title), with nothing but its speaker between it and its cue, is
    what the cue says, however the sentence goes on."""
    first, last = q.tokens
    if q.cue_token < last or last <= first:
        return False
    opening = first - 1
    while opening >= 0 and (
        doc[opening].is_quote or (doc[opening].is_space and "\n" not in doc[opening].text)
    ):
        opening -= 1
    if opening >= doc[first].sent.start and not (doc[opening].is_punct or "\n" in doc[opening].text_with_ws):
        return False  # 'on “Face the Nation,” Ryan said': a title inside the sentence, not an utterance
    if not any(t.text in (",", "?", "!") for t in doc[last - 1 : min(last + 2, q.cue_token)]):
        return False
    s0, s1 = q.source if q.source is not None else (q.cue_token, q.cue_token)
    return all(t.is_punct or t.is_space or s0 <= t.i < s1 for t in doc[last : q.cue_token])


def _link_to_reported(
    doc: Doc, text: str, q: _Quote, reported: Sequence[Attribution], ends: Sequence[int]
) -> None:
    """ "Putin said the plan could work. “We agree in general.”": a quotation standing alone
    right after reported speech continues it, when nothing but the paragraph break is between;
    or nothing but the statement's own frame after it ("The talks are “not going well,” says
    Jan Novak, a historian. “We have seen this before.”")."""
    i = bisect_right(ends, q.span.open) - 1
    if i < 0:
        return
    prev = reported[i]
    frame_end = prev.content[1]
    if prev.cue is not None and prev.cue[0] >= prev.content[1]:
        # the frame after the content, to its sentence's end: "..., said Victor Cha, who served ..."
        cue = doc.char_span(prev.cue[0], prev.cue[1], alignment_mode="expand")
        frame_end = min(q.span.open, cue.sent.end_char) if cue is not None else prev.cue[1]
    between = text[frame_end : q.span.open]
    if between.count("\n") > 2 or len(_WORD.findall(between)) > 8:
        return
    tokens = doc.char_span(prev.cue[0], prev.cue[1], alignment_mode="expand") if prev.cue else None
    src = doc.char_span(prev.source[0], prev.source[1], alignment_mode="expand") if prev.source else None
    if tokens is None or src is None:
        return
    q.cue, q.source, q.cue_token = (tokens.start, tokens.end), (src.start, src.end), tokens.start
    q.confidence = _INHERITED_CONFIDENCE


_HEADLINE_COLON = re.compile(r"[ \t]*:[ \t]+(?=\S)")


def _link_to_headline_subject(
    doc: Doc, text: str, q: _Quote, quoted: Sequence[bool], cues: CueLexicon
) -> None:
    """ "‘We will not sign’: Zelensky rejects deal as Moscow digs in", "'Not a single village':
    Moldova's negotiator on the talks", "'No deal yet': an interview with the envoy": a headline
    that opens with a quotation and names its speaker after a colon. The speaker is the subject
    of the words after the colon (or, with no verb there, their first noun phrase, or the one an
    interview is with); the colon is the cue."""
    close = q.span.close
    line_start = text.rfind("\n", 0, q.span.open) + 1
    if close is None or text[line_start : q.span.open].strip():
        return
    m = _HEADLINE_COLON.match(text, close + 1)
    line_end = text.find("\n", close)
    line_end = len(text) if line_end < 0 else line_end
    if m is None or not 0 < len(text[m.end() : line_end].split()) <= MAX_HEADLINE_WORDS:
        return
    colon = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    rest = doc.char_span(m.end(), line_end, alignment_mode="contract")
    if colon is None or rest is None or any(quoted[t.i] for t in rest):
        return
    subjects = [t for t in rest if t.dep_ in ("nsubj", "nsubjpass") and rest.start <= t.head.i < rest.end]
    roots = [t for t in rest if not rest.start <= t.head.i < rest.end or t.head.i == t.i]
    head = subjects[0] if subjects else roots[0] if roots else None
    if head is not None and head.lemma_.lower() in cues.interview_words:
        # "‘A ceasefire is a floor’: an interview with mediator Ruth Amadi": the one interviewed
        head = next(
            (o for p in head.rights if p.lower_ == "with" for o in p.children if o.dep_ == "pobj"), None
        )
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return
    owner = next((c for c in head.children if c.dep_ == "poss" and c.i >= rest.start), None)
    if owner is not None and head.lemma_.lower() in cues.nouns:
        head = owner  # "‘...’: EU envoy's Tallinn speech": the speech's owner gave it
    start, end = noun_phrase(head)
    start = max(start, rest.start)  # not the quotation the parser hung on the phrase
    while end - 1 > start and doc[end - 1].dep_ == "case":
        end -= 1  # "EU envoy" of "EU envoy's"
    end = next((t.i for t in doc[head.i : end] if t.dep_ == "prep"), end)  # "negotiator | on the talks"
    phrase = doc[start:end]
    people = [e for e in phrase.ents if e.label_ == "PERSON"]
    if people:  # "Zelensky rejects deal" misread as a noun phrase: the name in it speaks
        start, end = people[0].start, people[0].end
    elif head is not owner and head.pos_ != "PROPN" and not any(c.dep_ == "poss" for c in head.children):
        return  # "“A historic day”: the treaty at a glance" names no speaker
    colon_i = next((t.i for t in colon if t.text == ":"), None)
    if colon_i is None:
        return
    q.cue, q.source, q.cue_token = (colon_i, colon_i + 1), (start, end), colon_i
    q.confidence = cues.confidence_of("signature")


# "Putin on Western rhetoric: “...”", "Lavrov to Rubio: “...”": a name, a topic or addressee, a colon;
# or a name and an aside set off by a comma ("17:25 Rhee, leaving the building: “...”"), after any
# live blog's time stamp
_TOPIC_LABEL = re.compile(
    r"(?:\d{1,2}[:.]\d{2}\s+)?(?P<name>[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+){0,3})"
    r"(?: (?:on|to|about|at) [^:\n]{1,80}|, [a-z][^:\n]{1,80}):[ \t]*$"
)


def _link_to_topic_label(doc: Doc, text: str, q: _Quote, cues: CueLexicon) -> None:
    """ "Putin on Western rhetoric: “Complete nonsense.”", "Putin to Witkoff: “No compromise”",
    "Rhee, leaving the building: “Monday is fine.”": a line that opens with a name, says what
    about or to whom (or sets off an aside), and gives the quotation after a colon, as live blogs
    and round-ups label quotes. The name speaks; the colon is the cue."""
    line_start = text.rfind("\n", 0, q.span.open) + 1
    m = _TOPIC_LABEL.fullmatch(text, line_start, q.span.open)
    if m is None or m.group("name").lower() in cues.label_exclusions:
        return
    at = text.rfind(":", line_start, q.span.open)
    name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
    colon = doc.char_span(at, at + 1, alignment_mode="expand")
    if name is None or colon is None or len(colon) == 0 or not any(t.pos_ == "PROPN" for t in name):
        return
    colon_i = colon[-1].i
    q.cue, q.source, q.cue_token = (colon_i, colon_i + 1), (name.start, name.end), colon_i
    q.confidence = cues.confidence_of("colon")


_INTRODUCER_PRONOUNS = frozenset({"he", "she"})


def _link_to_introducer(doc: Doc, text: str, q: _Quote, quoted: Sequence[bool]) -> None:
    """ "Pashinyan laid out his case to parliament on Wednesday. / “We have two choices. ...”":
    a quotation that opens a paragraph with no cue of its own, after a paragraph that ends on a
    sentence about a person (a name, or "he"/"she", as the subject of its main verb), is that
    person's: the writer introduced the speaker and let them talk. Only the source is set; the
    quotation keeps no cue."""
    line_start = text.rfind("\n", 0, q.span.open) + 1
    if line_start == 0 or text[line_start : q.span.open].strip():
        return  # the quotation does not open its paragraph (or opens the text)
    before = doc.char_span(0, line_start, alignment_mode="contract")
    if before is None or len(before) == 0:
        return
    last = next((t for t in reversed(before) if not (t.is_space or t.is_punct)), None)
    if last is None or quoted[last.i]:
        return
    sent = last.sent
    if any(t.is_quote for t in sent) or text.count("\n", sent.start_char, line_start) > 2:
        return
    for subject in (c for c in sent.root.children if c.dep_ == "nsubj"):
        person = subject.ent_type_ == "PERSON" or subject.lower_ in _INTRODUCER_PRONOUNS
        if person and not quoted[subject.i]:
            q.source = noun_phrase(subject)
            q.confidence = _INHERITED_CONFIDENCE
            return


def _in_mixed(mixed: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> bool:
    i = bisect_right(starts, pos)
    return any(mixed[j][0] <= pos < mixed[j][1] for j in range(max(0, i - 3), i))


def _strip_content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    # what ``_TRAILING`` strips is spaces and marks up to the end, so it lies in the run of
    # them that ends the content: searched from there, not tried at every character before
    tail = end
    while tail > start and (text[tail - 1].isspace() or text[tail - 1] in ",;:."):
        tail -= 1
    m = _TRAILING.search(text, tail, end)
    while m and m.start() < end and m.end() == end:
        end = m.start()
        m = _TRAILING.search(text, tail, end)
    return start, end


def _is_whole_sentences(doc: Doc, q: _Quote, quoted: Sequence[bool]) -> bool:
    """No words of the author's own around the quote in its sentences, except a cue frame."""
    first, last = q.tokens
    s0, s1 = doc[first].sent.start, doc[last - 1].sent.end
    # a line break ends the paragraph even where the parser ran the sentence on into the next
    s0 = next((t.i + 1 for t in reversed(doc[s0:first]) if "\n" in t.text), s0)
    s1 = next((t.i for t in doc[last:s1] if "\n" in t.text), s1)
    outside = 0  # the words outside the quote (no Token built for a quoted one), up to a seventh
    for i in range(s0, s1):
        if not quoted[i] and ((t := doc[i]).is_alpha or t.like_num):
            outside += 1
            if outside > 6:
                return False
    return True


def _frame_cue(tokens: Sequence[Token], anchor: int, cues: CueLexicon) -> Token | None:
    best: Token | None = None
    best_score = 1e9
    for t in tokens:
        if not is_verb(t):
            continue
        kind = cues.verb_kind(t.lemma_)
        if kind is None and said_as_it(t, cues):
            kind = "speech"  # "As one diplomat put it, “...”"
        if kind is None and t.lemma_.lower() in cues.frame_verbs:
            kind = "directive"  # "“Why is this allowed?” Vitter demanded."
        if kind is None:
            continue
        score = abs(t.i - anchor) + (0 if kind in ("speech", "writing") else 15)
        if score < best_score:
            best, best_score = t, score
    return best


def _same_paragraph(tokens: list[Token], reverse: bool) -> list[Token]:
    """The part of a frame on the quotation's side of any paragraph break."""
    seq = reversed(tokens) if reverse else iter(tokens)
    kept = []
    for t in seq:
        if "\n" in t.text:
            break
        kept.append(t)
    return kept[::-1] if reverse else kept


_MAX_TAG_WORDS = 8  # words in a frame sentence of its own after a question ("he asks.")
_TAG_BREAKS = frozenset({",", ";"})  # where a tag run on into a clause of the narrator's stops


def _frame_end(doc: Doc, last: int) -> int:
    """Where the frame after a quotation ends: its sentence's end; or, where the parser ended the
    sentence at the quotation's own "?" or "!", the end of the short one after it
    ("“Will you pledge that?” he asks.")."""
    end = doc[last - 1].sent.end
    if doc[last - 1].text not in ("?", "!") or end >= len(doc) or end > last + 2:
        return end
    nxt = doc[end].sent
    if "\n" in doc[last:end].text:
        return end
    words = 0  # up to the next quotation, which the parser may run into the tag's sentence
    for t in doc[end : nxt.end]:
        if "\n" in t.text or (t.is_quote and t.i > end):
            return t.i if words <= _MAX_TAG_WORDS else end
        if t.text in _TAG_BREAKS and t.i > end:
            # "“You done?” she asked, but he was asleep.": the tag is the words before the comma
            return t.i if words <= _MAX_TAG_WORDS else end
        words += not (t.is_punct or t.is_space or t.is_quote)
    return nxt.end if words <= _MAX_TAG_WORDS else end


def _link_in_frame(doc: Doc, q: _Quote, quoted: Sequence[bool], cues: CueLexicon) -> None:
    first, last = q.tokens
    s0, s1 = doc[first].sent.start, _frame_end(doc, last)
    # the words outside quotations (no Token built for a quoted one)
    before = _same_paragraph([doc[i] for i in range(s0, first) if not quoted[i]], reverse=True)
    after = _same_paragraph([doc[i] for i in range(last, s1) if not quoted[i]], reverse=False)
    cue = _frame_cue(after, last, cues) or _frame_cue(before, first, cues)
    if cue is not None:
        _set_cue(q, cue, cues, quoted)
        return
    if _link_to_signature(doc, q, quoted, cues):
        return
    frame = before + after
    # a phrase is read on from its first word only (each token's lower-case form read once,
    # where slicing out a phrase's words at every token of the frame built a Span each time)
    lowers = [t.lower_ for t in frame]
    for phrase in cues.prepositional:
        for t, lower in zip(frame, lowers, strict=True):
            if phrase and lower != phrase[0]:
                continue
            if tuple(x.lower_ for x in doc[t.i : t.i + len(phrase)]) == phrase:
                objs = [c for c in doc[t.i + len(phrase) - 1].children if c.dep_ == "pobj"]
                if objs:
                    q.cue = (t.i, t.i + len(phrase))
                    q.source = (objs[0].left_edge.i, objs[0].right_edge.i + 1)
                    q.cue_token = t.i
                    q.confidence = cues.confidence_of("prepositional")
                    return


def _link_to_signature(doc: Doc, q: _Quote, quoted: Sequence[bool], cues: CueLexicon) -> bool:
    """A quotation signed with a dash and a name ("...” ― Jane Doe"), as in reader round-ups."""
    i = q.tokens[1]
    breaks = 0
    while (
        i < len(doc)
        and (doc[i].is_space or doc[i].is_quote or doc[i].text in (".", ","))
        and (breaks := breaks + doc[i].text.count("\n")) <= 1
    ):
        i += 1
    # the tokenizer may fuse the closing mark with the dash typed right after it ("”―")
    if i >= len(doc) or doc[i].text.lstrip("”’\"'»") not in DASHES:
        return False
    src = adjacent_source(doc, i, quoted)
    if src is None or src[0] < i:
        return False
    if breaks and not _signature_line(doc, q.tokens[0], src[1]):
        return False
    q.cue, q.source, q.cue_token = (i, i + 1), src, i
    q.confidence = cues.confidence_of("quote")
    return True


def _signature_line(doc: Doc, start: int, name_end: int) -> bool:
    """Whether a dash line under a quote signs it ("“...”\n- Jane Doe, deputy minister, Oslo"),
    as a page of quotes prints each: the quote opens its own line, and the name closes the dash
    line or is set off by a comma before a title. A dash item that goes on as a sentence ("- Kyiv
    will keep its army") is a list under the quote, not its signature."""
    k = start - 1
    while k >= 0 and doc[k].is_quote:
        k -= 1
    if k >= 0 and "\n" not in doc[k].text:
        return False
    return name_end >= len(doc) or doc[name_end].text == "," or "\n" in doc[name_end].text


def _link_to_colon(doc: Doc, q: _Quote, quoted: Sequence[bool], cues: CueLexicon) -> None:
    """ "He added:" followed by the quote (same or next sentence or paragraph)."""
    i = q.tokens[0] - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote):
        i -= 1
    if i < 0 or doc[i].text not in (":", "—", "-"):
        return
    sent = doc[i].sent
    tokens = [t for t in doc[sent.start : i] if not quoted[t.i]]
    cue = _frame_cue(tokens, i, cues)
    if cue is not None:
        _set_cue(q, cue, cues, quoted)
        return
    noun = _light_verb_object(tokens, cues)
    if noun is not None:
        _set_cue(q, noun.head, cues, quoted)
        q.cue = (noun.head.i, noun.i + 1)  # "made the following comment", as written


def _link_to_line_label(doc: Doc, q: _Quote, quoted: Sequence[bool], cues: CueLexicon) -> None:
    """ "- The union's lead negotiator, Rosa Lind: “...”": the label of the quote's line (after
    the topic-label rule, which reads "Putin on the talks: “...”" as Putin's)."""
    i = q.tokens[0] - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote):
        i -= 1
    label = _line_label(doc, i, quoted, cues) if i >= 0 else None
    if label is not None:
        q.cue, q.source, q.cue_token = (i, i + 1), label, i
        q.confidence = cues.confidence_of("colon")


def _after_line_label(doc: Doc, cand: Candidate, quoted: Sequence[bool], cues: CueLexicon) -> None:
    """ "- Mediator Ana Obi: both delegations had moved, she told reporters": reported words
    fronted on a line that a speaker's label opens start after the label's colon; the label is
    not part of what was said, and it is the speaker a pronoun source there stands for."""
    lo, hi = cand.content
    colon = next((t.i for t in doc[lo:hi] if t.text == ":" and not quoted[t.i]), None)
    if colon is None or colon + 1 >= hi or (cand.cue_token >= 0 and cand.cue_token < colon):
        return
    label = _line_label(doc, colon, quoted, cues)
    if label is not None and label[0] >= lo and all(doc[k].text in _BULLETS for k in range(lo, label[0])):
        cand.content = (colon + 1, hi)
        if cand.source is not None and all(doc[k].tag_ == "PRP" for k in range(*cand.source)):
            cand.source = label  # "..., she told the Brief": the label is who "she" is


_BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪"})
_MAX_LINE_LABEL = 14  # tokens: a title, a name and an affiliation, not a sentence


def _line_label(doc: Doc, colon: int, quoted: Sequence[bool], cues: CueLexicon) -> TokenRange | None:
    """ "- Rhenvald's lead negotiator, Deputy Minister Aurel Fisk: “...”", a bulleted quote in a
    newsletter: a noun phrase that opens its line (after a bullet) and ends on the colon before
    a quotation names who says it, though it is too long, or too lower-case, to be a transcript
    label. Its head must name a source (a name or a source noun) and it holds no verb: "The
    plan says:" has its cue, and "Quote of the week:" names no one."""
    if doc[colon].text != ":":
        return None
    start = colon
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while start < colon and (doc[start].text in _BULLETS or doc[start].is_space):
        start += 1
    words = doc[start:colon]
    if not 0 < len(words) <= _MAX_LINE_LABEL or any(quoted[t.i] or is_verb(t) for t in words):
        return None
    if words[0].text[:1].islower() or not names_source(_head_of(doc, (start, colon)), cues):
        return None  # "A lesson from Loretta Lynch:" is headed by what she taught, not by her
    return start, colon


def _light_verb_object(tokens: Sequence[Token], cues: CueLexicon) -> Token | None:
    """ "The minister made the following comment:", "The club issued this statement:": a speech
    noun that is the last word before the colon and the object of a verb; the verb frames the
    quotation after it as a reporting verb would, and its subject is the speaker."""
    last = next((t for t in reversed(tokens) if not (t.is_punct or t.is_space)), None)
    if last is None or last.dep_ != "dobj" or last.lemma_.lower() not in cues.nouns or not is_verb(last.head):
        return None
    return last


def _set_cue(q: _Quote, cue: Token, cues: CueLexicon, quoted: Sequence[bool]) -> None:
    q.cue = (cue.i, cue.i + 1)
    q.source = find_source(cue, cues, quoted) or adjacent_source(doc=cue.doc, cue=cue.i, quoted=quoted)
    q.cue_token = cue.i
    q.confidence = cues.confidence_of("quote")


def _near(text: str, prev: _Quote, q: _Quote) -> bool:
    """The quote continues the previous speaker: same paragraph, or the paragraph right after."""
    end = prev.span.close if prev.span.close is not None else prev.span.end
    return (
        text.count("\n\n", end, q.span.open) + text.count("\n", end, q.span.open) <= 3
        and q.span.open - end < 1500
    )
