"""Resolving the source mention of a statement ("he", "the Russian leader", "Kyslytsya") to an actor.

The source span comes from attribution; this module decides who it names. In order:

1. A name or title inside the span, taken at the span's syntactic head, so that in
   "Zelensky's chief of staff Andriy Yermak" the speaker is Yermak and never the possessor.
2. A pronoun: the most salient earlier mention that agrees in gender, number and animacy. Salience
   favours the same sentence, subjects (main-clause subjects most), the previous statement's
   speaker, the last main-clause subject and recency; it penalises objects and quoted mentions,
   and excludes names the pronoun's own clause governs ("He said Witkoff ...").
3. A name in apposition beside the span ("the Kremlin spokesman, Dmitry Peskov").
4. A definite description ("the Kremlin spokesman", "the president"): whom the document gave that
   role, else the one knowledge-base actor with that exact title, else the most salient holder.
   A role the article puts a name beside ("Russia's deputy foreign minister, Anton Belykh") is
   that person from there on, for pronouns and the bare role alike: offices change holders
   (``speaker_names.renamed_offices``).
5. A definite noun phrase repeating an earlier one ("a senior official ... the official").
6. Anything else is an unknown speaker named by the span itself ("defendants", "a senior official"),
   except a bare pronoun, which names no one: its statement keeps no speaker.

Documents (GUIDE.md, NOTES.md: a document reported with a say-type verb is a source): a statement,
readout or communique speaks for the maker the text names for it (in its own phrase, "a Kremlin
readout", "a statement from the ministry"; as the one who issued it, "Norway issued a statement";
or as the speaker who spoke in it just before, "X said in a statement ... the statement said");
with no maker named it is the document itself, under its label without an article ("statement",
"joint statement"), the way the guide's gold labels such documents. A nearby speaker is never
guessed as its maker beyond the sentence before (``speaker_documents.issued``).

This module holds the order of the rules and the entry points (``SpeakerResolver``); the rules
themselves live in modules named for what they resolve: ``speaker_names``, ``speaker_pronouns``,
``speaker_profiles``, ``speaker_descriptions``, ``speaker_groups``, ``speaker_documents`` and
``speaker_headlines``, over ``speaker_index`` (per-document facts) and ``speaker_salience``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from redline.extract import (
    speaker_descriptions,
    speaker_documents,
    speaker_groups,
    speaker_headlines,
    speaker_names,
    speaker_pronouns,
)
from redline.extract.actors import DocActors, MentionFinder
from redline.extract.english import RELATIVE_PRONOUNS
from redline.extract.headlines import bylines, headline_end
from redline.extract.speaker_index import (
    PERSON,
    WINDOW,
    DocumentIndex,
    clean_name,
    quote_mask,
    sentence_numbers,
)
from redline.extract.speaker_salience import SalienceWeights
from redline.extract.token_ranges import dateline_end
from redline.knowledge.actors import ActorBase, split_words
from redline.knowledge.cues import CueLexicon
from redline.model import Mention, Span, Speaker

__all__ = ["SpeakerResolver"]


class SpeakerResolver:
    """Resolves source spans to speakers; build once per knowledge base."""

    def __init__(
        self,
        kb: ActorBase,
        weights: SalienceWeights | None = None,
        *,
        cues: CueLexicon | None = None,
    ) -> None:
        self.kb = kb
        self.weights = weights or SalienceWeights()
        # "One reporter asked whether ... 'Not yet,' she replied": the press asks, the official
        # answers; a reporter who asks is never the one a later pronoun's answer is given by
        # (``CueLexicon.press_asks``; without cues no one is taken for the press)
        self.cues = cues
        self.finder = MentionFinder(kb)
        # head words of roles, so that "Russian Leader" in a title-case headline is still a role
        self.role_words = frozenset(key[-1] for key in kb.titles) | frozenset(
            kb.fold(w) for w in kb.person_nouns
        )
        self.title_words = frozenset(w for key in kb.titles for w in key) | self.role_words
        # the names an unnamed source gets when its words name no side ("anonymous official")
        self.unplaced = frozenset(g.unplaced for g in kb.collectives.groups if g.unplaced)
        self._last: tuple[Doc, list[Mention], DocumentIndex] | None = None

    def resolve(
        self,
        doc: Doc,
        source: tuple[int, int] | None,
        mentions: list[Mention],
        *,
        content: tuple[int, int] | None = None,
        previous: Sequence[Speaker] = (),
    ) -> Speaker | None:
        """The speaker named by the character span ``source`` of ``doc``.

        ``mentions`` are the document's mentions (``MentionFinder.find``); ``content`` is the
        statement's content span, whose own mentions cannot be its speaker; ``previous`` are the
        speakers of the statements before this one, in text order (salience for pronouns).
        Returns None when there is no source span (or it lies outside the text), and for a
        bare pronoun no one is found for (``unresolved``): its speaker is unknown.
        """
        if source is None:
            return None
        index = self._index(doc, mentions)
        s, e = source
        if not 0 <= s < e <= len(index.text):
            return None
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        cut = dateline_end(doc, span.start, span.end)
        if cut is not None:  # "ERBIL (Agency) – Spokesperson Maria Zakharova": not the place
            span = doc[cut : span.end]
            s = span.start_char
        given = Span(index.text[s:e], s, e)
        span = speaker_documents.maker_of_document(self, index, span)
        resolved = (
            speaker_names.joint(index, span)
            or speaker_groups.counted_group(self, index, span)
            or speaker_names.name_after_role(self, index, span)
            or speaker_names.name_in_span(self, index, span)
            or speaker_names.nationality(self, span)
            or speaker_pronouns.relative(self, index, span)
            or speaker_pronouns.pronoun(self, index, span, content, previous)
            or speaker_pronouns.pronoun_owner(self, index, span, previous)
            or speaker_names.apposed_name(self, index, span)
            or speaker_groups.body_by_its_noun(self, index, span)
            or speaker_descriptions.description_holder(self, index, span)
            or speaker_groups.spoken_for(self, index, span)
            or speaker_groups.one_member(self, index, span)
            or speaker_documents.media(self, index, span)
            or speaker_documents.report(self, index, span)
            or speaker_documents.owned_document(self, index, span)
            or speaker_descriptions.named_after(self, index, span)
            or speaker_groups.unnamed_on_request(self, index, span)
            or speaker_groups.collective(self, span, placed=True)
            or speaker_documents.issued_with(self, index, span)
            or speaker_documents.document(self, index, span, previous)
            or speaker_documents.issued(self, index, span, previous)
            or speaker_groups.source_again(index, span, previous)
            or speaker_descriptions.repeated(self, index, span, previous)
            or speaker_groups.partitive(self, index, span, previous)
            or speaker_groups.placed_quantifier(self, span)
            or speaker_descriptions.definite_person(self, index, span, content, previous)
            or speaker_groups.body_again(self, index, span)
            or speaker_groups.unplaced_side(self, index, span)
            or speaker_groups.collective(self, span, placed=False)
        )
        if resolved is None and speaker_pronouns.bare_pronoun(span):
            # "she added" with no one she can be: a pronoun names no actor an analyst can count;
            # the statement is kept with no speaker, as the store keeps an unknown one
            return None
        if resolved is None:
            if not self._speaker_like(index, span):
                # "gestures", "the use", "Moscow's turn": no one speaks; the possessor may
                resolved = speaker_groups.possessor_speaks(index, span)
                if resolved is None:
                    return None
            else:
                resolved = (None, clean_name(span))
        actor_id, name = resolved
        if actor_id is None:
            name = speaker_groups.owned_body(self, index, span, self.kb.short_name(name))
        party, kind = self._side(index, actor_id, name)
        if actor_id is not None:
            name = self.kb.speaker_labels.get(actor_id, name)
        return Speaker(name=name, actor_id=actor_id, mention=given, party=party, kind=kind)

    def unresolved(self, doc: Doc, source: tuple[int, int] | None) -> bool:
        """Whether a source that ``resolve`` named no one for is a bare pronoun ("she said"):
        a statement whose speaker is unknown, unlike a source that names no one ("gestures")."""
        if source is None:
            return False
        span = doc.char_span(source[0], source[1], alignment_mode="expand")
        return span is not None and speaker_pronouns.bare_pronoun(span)

    def _side(self, index: DocumentIndex, actor_id: str | None, name: str) -> tuple[str | None, str | None]:
        """Party and kind of a resolved speaker: the actor's; else the side an unnamed or
        collective source names ("anonymous US official", "European leaders", media); else, for
        a person the knowledge base does not know, the state an office of theirs in this document
        names ("Slovak Prime Minister Jan Novak") but not a nationality alone ("a Russian analyst")."""
        found = index.sides.get((actor_id, name))
        if found is None:
            found = index.sides[actor_id, name] = self._read_side(index, actor_id, name)
        return found

    def _read_side(
        self, index: DocumentIndex, actor_id: str | None, name: str
    ) -> tuple[str | None, str | None]:
        actor = self.kb.get(actor_id)
        if actor is not None:
            return self.kb.party_of(actor), actor.type
        found = self.kb.affiliation(name)
        if found is not None:
            return found.party, found.kind
        # an office named by its state alone ("the Slovak premier said"): the holder speaks for it
        if (party := self.kb.role_party(split_words(name))) is not None:
            return party, "person"
        roles = [d.key for d in index.found.descriptions if d.actor_id is None and d.name == name]
        parties = {p for key in roles if (p := self.kb.role_party_keys(key))}
        if len(parties) == 1:
            return parties.pop(), "person"
        return None, None

    def _speaker_like(self, index: DocumentIndex, span: SpacySpan) -> bool:
        """Whether a source span can name a speaker: anything but a noun the knowledge base
        lists as naming no one ("Moscow's turn", "a vote", "the use of force"; issue 10). The
        list is short on purpose: a poll, a campaign or the police can be sources."""
        head = index.head(span)
        words = [t for t in span if not t.is_punct]
        if len(words) == 1 and words[0].lower_ in RELATIVE_PRONOUNS:
            return False  # "confusion over who wrote the plan": a question, not a relative clause
        return not (head.pos_ == "NOUN" and head.lemma_.lower() in self.kb.non_speakers)

    def resolve_many(
        self,
        doc: Doc,
        statements: Sequence[tuple[tuple[int, int] | None, tuple[int, int] | None]],
        mentions: list[Mention],
        text: str | None = None,
    ) -> list[Speaker | None]:
        """Speakers for (source, content) pairs, resolved in text order so that each statement
        sees the speakers before it; the result is in the order given. ``text`` is ``doc.text``
        when the caller has it already (spaCy rebuilds it from every token on each access)."""
        if text is not None and any(source is not None for source, _ in statements):
            self._index(doc, mentions, text)  # read once here, for every statement with a source
        order = sorted(range(len(statements)), key=lambda i: speaker_headlines.position(statements[i]))
        out: list[Speaker | None] = [None] * len(statements)
        previous: list[Speaker] = []
        for i in order:
            source, content = statements[i]
            found = self.resolve(doc, source, mentions, content=content, previous=previous)
            if found is None and content is not None:
                # no source, or one that names no one ("Details:", "the use"): the statement
                # goes on from the last speaker, if that one was named close before
                found = speaker_headlines.continued(doc, content, previous, WINDOW if source is None else 0)
            if found is not None:
                previous.append(found)
            out[i] = found
        if any(out):
            zone = headline_end(self._index(doc, mentions).text)  # the text the index read once
            speaker_headlines.headline_repeats(doc, statements, out, zone)
            speaker_headlines.headline_people(self, out, zone)
            speaker_headlines.headline_roles(self, doc, out, zone)
            speaker_headlines.headline_claims(self, doc, statements, out, zone)
        for i in order:  # a bare quote before anyone is named (a headline): the speaker named next
            source, content = statements[i]
            if out[i] is None and source is None and content is not None:
                later = [p for p in previous if p.mention.start >= content[1]]
                if later:
                    first = min(later, key=lambda p: p.mention.start)
                    if speaker_headlines.sentences_between(doc, content[0], first.mention.start) <= 1:
                        out[i] = first
        return out

    def _index(self, doc: Doc, mentions: list[Mention], text: str | None = None) -> DocumentIndex:
        if self._last and self._last[0] is doc and self._last[1] is mentions:
            return self._last[2]
        analysis = self.finder.analyse(doc)
        found = DocActors(mentions, analysis.descriptions, analysis.labels)
        # the sentence numbers and the quote mask from the token arrays: spaCy builds a Token
        # object on every visit, and a walk over the Doc met every word for a few quote marks
        sent_of = sentence_numbers(doc)
        in_quote = quote_mask(doc)
        index = DocumentIndex(doc, doc.text if text is None else text, found, sent_of, in_quote, [])
        index.bylines = bylines(index.text)
        index.candidates = speaker_names.bodies_by_use(
            self,
            index,
            speaker_pronouns.one_kind_per_person(
                [c for m in mentions if (c := speaker_names.candidate(self, index, m)) is not None]
            ),
        )
        speaker_names.renamed_offices(self, index)
        self._last = (doc, mentions, index)  # references, so that ids cannot be reused while cached
        return index

    def counted_people(self, doc: Doc, source: tuple[int, int], mentions: list[Mention]) -> list[Speaker]:
        """The named people a counted plural source takes up ("the two leaders" after "Trump and
        Putin"), in text order: each speaks, as people joined by "and" do."""
        index = self._index(doc, mentions)
        span = doc.char_span(*source, alignment_mode="expand")
        if span is None or len(span) == 0:
            return []
        members = speaker_groups.counted_members(self, index, span)
        if members is None or members[0].kind != PERSON:
            return []
        out = []
        for m in members:
            party, kind = self._side(index, m.actor_id, m.name)
            name = self.kb.speaker_labels.get(m.actor_id, m.name) if m.actor_id else m.name
            mention = Span(span.text, span.start_char, span.end_char)
            out.append(Speaker(name, m.actor_id, mention, party, kind))
        return out
