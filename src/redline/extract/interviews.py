"""Who answers in an interview transcript ("Q: ... / A: ...").

Interviews are where negotiators state positions at length, and their transcripts label each
line only "Q" or "A". The answers belong to the person the lead introduces ("an interview with
Ukraine's defence minister", "the envoy sat down with reporters"), so the answer lines take that
mention as their source; the questions are the interviewer's and state no party's position.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from redline.extract.token_ranges import TokenRange, clip_to_paragraph, noun_phrase
from redline.knowledge.cues import CueLexicon

__all__ = ["asking_names", "interviewee", "interviewer", "presenter_names"]

_PREPOSITIONS = frozenset({"with", "to"})
_PERSON_POS = frozenset({"PROPN", "NOUN"})


def interviewee(doc: Doc, cues: CueLexicon, before: int) -> TokenRange | None:
    """The mention of the person interviewed, looked for in the text before character
    ``before`` (the first answer): the object of "with"/"to" after an interview word, or the
    subject when that object is the reporter ("the minister spoke to our correspondent")."""
    for tok, prep, obj in _interview_partners(doc, cues, before):
        if obj.pos_ not in _PERSON_POS:
            continue
        person = obj if not _is_reporter(obj, cues) else _subject(tok)
        if obj.ent_type_ == "ORG" and (framed := _framed_subject(tok)) is not None:
            person = framed  # "In an interview with The Ledger, the negotiator said"
        if person is not None:  # a title runs into the next line when the parser joins them
            return clip_to_paragraph(doc, noun_phrase(person), prep.i)
    return None


def interviewer(doc: Doc, cues: CueLexicon, before: int) -> str | None:
    """The words that name the asking side in the lead before character ``before``, lower-cased
    and without an article: the outlet or reporter a person spoke to or gave an interview to
    ("She spoke to the Courier", "in an interview with Harbor Radio"). A transcript labels the
    questions with those words ("The Courier: Why?"); they are the outlet's, not a source's."""
    for _, _, obj in _interview_partners(doc, cues, before):
        if _asks(obj, cues):
            words = [t.lower_ for t in doc[obj.left_edge.i : obj.i + 1] if t.dep_ != "det"]
            return " ".join(words) or None
    return None


def asking_names(doc: Doc, cues: CueLexicon, before: int) -> frozenset[str]:
    """The names, lower-cased, in full and by surname, of the people the lead before character
    ``before`` gives an asking role ("spoke to presenter Hanna Roos", "the show's host, Mark
    Dalby", "Tom Reyes, the station's anchor"). A transcript labels their turns by name
    ("ROOS: Will Finland take part?"), and a name says nothing of who asks; the lead does, and
    those turns are the outlet's questions, as "HOST:" ones are. The role word must touch the
    name (a title before it, or an apposition): the parser reads "to presenter" as a verb."""
    names: set[str] = set()
    for tok in doc:
        if tok.idx >= before:
            break
        if tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
        role = [w for w in words if w.lower_ in cues.question_labels]  # "Moderator Jill Oduya"
        words = [w for w in words if w.lower_ not in cues.question_labels]
        if not words or any(w.i != words[0].i + i for i, w in enumerate(words)):
            continue
        ahead = doc[words[0].i - 1] if words[0].i > 0 else None
        asks = (
            bool(role)
            or (ahead is not None and ahead.lower_ in cues.question_labels)
            or (tok.dep_ == "appos" and tok.head.lower_ in cues.question_labels)
            or any(c.dep_ == "appos" and c.lower_ in cues.question_labels for c in tok.children)
        )
        if asks:
            names.update(_name_keys(words))
    # "host Maria Lind spoke with journalist Tomas Berg": whom the asker talks to is a guest,
    # whatever the guest's trade
    for talkers, partners in _lead_partners(doc, before, cues):
        if any(key in names for t in talkers for key in _name_keys(_name_words(t))):
            for t in partners:
                names.difference_update(_name_keys(_name_words(t)))
    return frozenset(names)


def presenter_names(doc: Doc, cues: CueLexicon, before: int) -> frozenset[str]:
    """The names, lower-cased, in full and by surname, of who the lead has talk to named guests
    without giving anyone an asking role ("Sara Quist talked to the analyst Jonas Holm"): the one
    who talks to the guests is most often the presenter. Only a guess from the lead, so the
    caller takes it only for a name whose turns ask ("QUIST: Is the plan dead?")."""
    names: set[str] = set()
    for talkers, partners in _lead_partners(doc, before, cues):
        if not partners or any(_asks(t, cues) or _role_asks(t, cues) for t in partners):
            continue  # "spoke to presenter Hanna Roos", "talked to reporters": they ask
        for t in talkers:
            names.update(_name_keys(_name_words(t)))
    return frozenset(names)


def _lead_partners(doc: Doc, before: int, cues: CueLexicon) -> Iterator[tuple[list[Token], list[Token]]]:
    """(the names before, the names after) an interview verb in its sentence, in the text before
    character ``before``: who talks and who is talked to, read by position, which holds wherever
    the parser hangs a second "and with ..."."""
    for tok in doc:
        if tok.idx >= before:
            break
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in cues.interview_words:
            continue
        names = [
            t
            for t in tok.sent
            if t.pos_ == "PROPN" and t.dep_ != "compound" and t.ent_type_ in ("PERSON", "")
        ]
        yield [t for t in names if t.i < tok.i], [t for t in names if t.i > tok.i]


def _name_words(tok: Token) -> list[Token]:
    """A name's words: its head and the proper nouns compounded before it, less a role word."""
    return [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]


def _name_keys(words: list[Token]) -> set[str]:
    return {" ".join(w.lower_ for w in words), words[-1].lower_} if words else set()


def _role_asks(tok: Token, cues: CueLexicon) -> bool:
    """Whether the lead gives a name an asking role: a title before it or a noun in apposition."""
    ahead = _token_before(tok)
    return (
        (ahead is not None and ahead.lower_ in cues.question_labels)
        or (tok.dep_ == "appos" and tok.head.lower_ in cues.question_labels)
        or any(c.dep_ in ("appos", "compound") and c.lower_ in cues.question_labels for c in tok.children)
    )


def _token_before(tok: Token) -> Token | None:
    first = min([c.i for c in tok.lefts if c.dep_ == "compound"] + [tok.i])
    return tok.doc[first - 1] if first > 0 else None


def _interview_partners(doc: Doc, cues: CueLexicon, before: int) -> Iterator[tuple[Token, Token, Token]]:
    """(interview word, "with"/"to", its object) in the text before character ``before``: who
    the interview was with, or whom it was given to, whichever side the caller is after."""
    for tok in doc:
        if tok.idx >= before:
            break
        if tok.lemma_.lower() not in cues.interview_words and tok.lower_ not in cues.interview_words:
            continue
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in _PREPOSITIONS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        yield tok, prep, obj


def _asks(obj: Token, cues: CueLexicon) -> bool:
    """An outlet or a reporter: an organisation, a reporter's noun, or a name with "the" before
    it ("the Ledger", whatever the model tags it), which a person's name does not take."""
    named_outlet = obj.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children)
    return named_outlet or obj.ent_type_ == "ORG" or _is_reporter(obj, cues)


def _is_reporter(tok: Token, cues: CueLexicon) -> bool:
    return tok.lemma_.lower() in cues.audience or tok.lower_.rstrip("s") in cues.audience


def _subject(tok: Token) -> Token | None:
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects and subjects[0].pos_ in _PERSON_POS else None


def _framed_subject(word: Token) -> Token | None:
    """The subject of the clause an "in an interview with <outlet>" phrase opens or closes:
    the outlet asked, the subject answered ("In an interview with The Ledger, Moldova's
    negotiator spoke about ...", "the minister said in an interview with a radio station")."""
    if word.dep_ != "pobj" or word.head.dep_ != "prep":
        return None
    verb = word.head.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects and subjects[0].pos_ in _PERSON_POS else None
