"""Statements in title-case headlines: "Mayor Downplays Impact Of Strike, Cautions Against Cuts".

In Title Case every word is capitalised, so the tagger reads the headline's verb as part of a
long proper name ("Mayor Downplays Impact") and no verb rule fires. This rule reads such a line
by its words instead of its parse: a run of capitalised words (the source), then a word that is
an inflection of a cue verb of the lexicon (the cue), then the rest of the line (the content).
Further cue verbs after a comma or "while" start a second statement with the same source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from redline.extract.cue_phrases import MAX_HEADLINE_WORDS
from redline.extract.token_ranges import Candidate, trim
from redline.knowledge.cues import CueLexicon

# a headline is a line of its own: between line breaks or runs of spaces, as pages store them
_LINE = re.compile(r"[^\n]+?(?=\s{2,}|\n|$)")
_MIN_WORDS = 3
_MAX_SOURCE_WORDS = 6
_TITLE_SHARE = 0.7  # share of the line's longer words that are capitalised in Title Case
_JOINERS = frozenset({",", "and", "&"})  # "Mayor, Council Condemn ...": one joint source
_SECOND_CUE = frozenset({",", "while", "and"})  # "..., Cautions Against ...", "... While Urging ..."
_HEADLINE_KINDS = frozenset({"speech", "writing"})
_HEADLINE_LINES = 3  # opening lines searched for headlines (a date or a section name may come first)


def headline_end(text: str) -> int:
    """Character offset where the headlines end: after the opening non-empty lines (at most
    ``_HEADLINE_LINES``) that carry no final full stop; 0 when the text opens with prose. Lines
    are read one at a time up to where the headlines stop, not the whole text split: this runs
    for every document, for the speaker rules and for the dates."""
    end = pos = seen = 0
    while True:
        brk = text.find("\n", pos)
        line = text[pos:] if brk < 0 else text[pos:brk]
        stripped = line.strip()
        nxt = pos + len(line) + 1
        if stripped:
            seen += 1
            if seen > _HEADLINE_LINES or (len(stripped) > _PROSE_LINE and _prose(stripped)):
                break
            end = nxt
        if brk < 0:
            break
        pos = nxt
    return min(end, len(text))


_PROSE_LINE = 60  # characters: a shorter line ending on a stop may still be a headline
# a sentence break inside a line ("... on Monday. She said"): running text, not a headline
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"”’']? [A-Z“\"]")


def _prose(line: str) -> bool:
    """Whether an opening line is the story's first paragraph: it ends as a sentence does, or
    on the colon that introduces a quotation, or holds a sentence break."""
    return line.endswith((".", "!", "?", ":")) or _SENTENCE_BREAK.search(line) is not None


# "By Dana Whitlock, KVR 7 News", "By Mirela Ostrander, Courts Reporter", "By Ines Varga | 3 May
# 2026": a line that names the writer (a few capitalised words after "By", perhaps a role or a
# date after a comma or a bar, no full stop)
_BYLINE = re.compile(r"^[ \t]*By (?:[A-Z][\w'’.\-]*[ \t]?){1,4}(?:[,|][^\n.]{0,40})?[ \t]*$", re.MULTILINE)


# "The Harbour Post | 5 December 2026", "Evening Ledger | Dec 5, 2026": the outlet's name and
# the date, set apart by a bar; "Post" there names the paper, no one posts anything
_MASTHEAD = re.compile(r"^[^|\n]{2,60}\|[^|\n]{0,30}\b(?:19|20)\d\d\s*$")


def bylines(text: str) -> list[tuple[int, int]]:
    """Character spans of the lines that name the story's writer: the writer reports, and is
    nobody a later "he" or "she" in the story stands for."""
    return [m.span() for m in _BYLINE.finditer(text)]


def title_case_candidates(doc: Doc, cues: CueLexicon, quoted: Sequence[bool], text: str) -> list[Candidate]:
    """One candidate per cue verb of each title-case headline line."""
    out: list[Candidate] = []
    for m in _LINE.finditer(text):
        line = m.group(0).strip()
        # a full stop may close a headline (some stores end every line with one); a stop
        # inside the line makes it running text of more than one sentence
        if (line.endswith(".") and "." in line.rstrip(".")) or not _title_case(line) or _MASTHEAD.match(line):
            continue
        span = doc.char_span(m.start(), m.start() + len(m.group(0).rstrip()), alignment_mode="contract")
        if span is None or any(quoted[t.i] for t in span[:1]):
            continue
        out.extend(_statements(doc, span, cues, quoted))
    return out


def _title_case(line: str) -> bool:
    words = line.split()
    if not _MIN_WORDS <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    longer = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    if len(longer) < 2:
        return False
    return sum(w[0].isupper() for w in longer) / len(longer) >= _TITLE_SHARE


def _statements(doc: Doc, line: Span, cues: CueLexicon, quoted: Sequence[bool]) -> Iterator[Candidate]:
    tokens = list(line)
    cue_at = [i for i, t in enumerate(tokens) if i > 0 and not quoted[t.i] and _cue_lemma(t, cues)]
    if not cue_at:
        return
    # a verb in the third person ("Says") is surer than a bare form, which may be a noun in the
    # subject ("Press Secretary Says"); a bare form ("Allies Condemn") leads when none follows
    inflected = [
        i
        for i in cue_at
        if tokens[i].lower_.endswith("s") and _cue_lemma(tokens[i], cues) != tokens[i].lower_
    ]
    first = inflected[0] if inflected else cue_at[0]
    cue_at = [i for i in cue_at if i >= first]
    source = _source(tokens, first)
    if source is None:
        return
    if first not in inflected and not _plural(doc[source[0] : source[1]]):
        return  # a bare form agrees only with a plural or joint subject ("Allies Condemn")
    # later cues count only where they open a coordinated clause: "..., Cautions Against ..."
    starts = [first] + [i for i in cue_at[1:] if tokens[i - 1].lower_ in _SECOND_CUE]
    for n, i in enumerate(starts):
        lemma = _cue_lemma(tokens[i], cues)
        assert lemma is not None
        cue_end = i + 1
        if cue_end < len(tokens) and tokens[cue_end].lower_ in cues.prep_verbs.get(lemma, frozenset()):
            cue_end += 1  # "Cautions Against": the particle belongs to the cue
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(tokens)
        if end <= cue_end:
            continue
        content = trim(doc, tokens[cue_end].i, tokens[end - 1].i + 1, words=False)
        directive = lemma in cues.directive_verbs
        if content is None or not _says_something(doc[content[0] : content[1]], directive):
            continue
        cue = (tokens[i].i, tokens[cue_end - 1].i + 1)
        yield Candidate(content, cue, source, "headline", tokens[i].i)


def _source(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """The capitalised words just before the cue; a lower-case word or a colon ends them."""
    start = cue
    while start > 0 and cue - start < _MAX_SOURCE_WORDS:
        prev = tokens[start - 1]
        if prev.text[:1].isupper() or prev.lower_ in _JOINERS or prev.lower_ in ("’s", "'s", "."):
            start -= 1
            continue
        break
    while start < cue and tokens[start].lower_ in _JOINERS:
        start += 1
    if start == cue or not any(t.pos_ in ("PROPN", "NOUN") for t in tokens[start:cue]):
        return None
    if start > 0 and tokens[start - 1].is_alpha:
        return None  # the subject runs on into lower-case words: running text, not a headline
    return tokens[start].i, tokens[cue - 1].i + 1


def _cue_lemma(tok: Token, cues: CueLexicon) -> str | None:
    """The cue-verb lemma a title-cased word inflects ("Downplays", "Urging", "Condemn"), if any."""
    word = tok.text
    if not word[:1].isupper() or not word.isalpha() or tok.pos_ in ("ADP", "DET", "PRON"):
        return None
    w = word.lower()
    forms = [w]
    if w.endswith("ies"):
        forms.append(w[:-3] + "y")
    if w.endswith("es"):
        forms.append(w[:-2])
    if w.endswith("s"):
        forms.append(w[:-1])
    if w.endswith("ing"):
        forms += [w[:-3], w[:-3] + "e"]
    for f in forms:
        if cues.verb_kind(f) in _HEADLINE_KINDS or f in cues.object_verbs or f in cues.directive_verbs:
            return f
    return None


def _plural(source: Span) -> bool:
    last = source[-1]
    return (len(source) > 1 and any(t.lower_ in _JOINERS for t in source)) or last.lower_.endswith("s")


def _says_something(content: Span, directive: bool) -> bool:
    """ "Responds Cautiously" names a manner, not what was said, and "Rumours Add to Confusion" a
    place, not words: content is a noun phrase, or an infinitive after a directive verb
    ("Offers to Host Talks")."""
    if content[0].lower_ == "to":
        return directive
    return any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in content)
