"""When a statement was made or an event happened, from a sentence and the publication date.

News dates things relative to publication ("Thursday", "last week"), so the publication date
is the anchor and the sentence adjusts it. Conventions (documented because they are choices):

* a bare weekday is the most recent such day on or before publication ("Thursday" in a
  Thursday paper is that day); "next Thursday" is the first one after it; for what is still
  to come ("talks will open on Monday": ``ahead``) a bare weekday is the first such day on or
  after publication;
* week precision keeps the publication weekday shifted by whole weeks: "last week" in a
  2025-11-27 paper is 2025-11-20, "next week" 2025-12-04, so the date +-3 days covers the week;
* month precision gives the 1st of the month, year precision 1 January;
* a day and month without a year take the publication year, or the year before when that
  would put the date more than 60 days after publication;
* vague futures ("soon", "in the coming days") give no date at all;
* when several expressions occur the most precise wins, then the first.

Pass the words that date the statement or event (the sentence, or for events the trigger's
phrase), not a quotation's content: a year inside a quote ("the 2014 annexation") is not the
date the quote was said.

Statements are dated more strictly (``statement_date``): only a day-precise expression that
the parse attaches to the speech act moves a statement off its publication day, because a
statement's date feeds positions over time, where a background year or a guessed week is
worse than the day the statement was known to be made by. Calendar words and the cues that tie
a date to a speech act are data (``knowledge/dates.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Token

from redline.extract.english import NOMINAL_SUBJECTS, TIME_ENTS
from redline.knowledge.dates import calendar_words

_WORDS = calendar_words()
# a month name is a whole word: "in sep" must not match "in separate"
_MONTH = rf"(?P<month>{_WORDS.month_pattern()})\b\.?"
_WEEKDAYS = _WORDS.weekdays
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_FUTURE_SLACK = 60
_Adder = Callable[["re.Match[str]", "date | None", "str | None"], None]

_DIGIT = re.compile(r"\d")  # what every numeric pattern below needs (``\d``: any script's digits)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I
)
_MONTH_YEAR = re.compile(rf"\b(?:in\s+|since\s+|by\s+)?{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_IN_MONTH = re.compile(rf"\b(?:in|since|by|early|late|mid-?)\s+{_MONTH}(?!\s+[0-3]?\d\b)", re.I)
_YEAR = re.compile(r"(?<![\d,.\-])\b(?P<year>(?:19|20)\d\d)\b(?![\d,]|-\d)")
_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>last|next|this|this coming|on)\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")\b", re.I
)
_RELATIVE_DAY = re.compile(
    r"\b(?P<w>the day before yesterday|yesterday|today|tonight|this morning|"
    r"this afternoon|this evening|tomorrow|the same day|earlier today|overnight|last night)\b",
    re.I,
)
# "A day earlier, Putin had said", "The day before, ...", "two days later": a day counted from
# the last day the story has placed a statement on, not from the publication day
_NARRATIVE = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|six|\d)\s+days?\s+"
    r"(?P<dir>earlier|later|(?:before|after)(?!\s+(?:the|a|an|his|her|its|their|this|that)\b))"
    # "the day before" ends its phrase: before any word ("the day before the vote", "the day
    # after tomorrow") it names another day
    r"|the\s+(?P<word>day before|night before|previous day|next day|following day|day after)"
    r"(?!\s+[a-z\d])"
    # the same day as the story's last dated statement: "minutes later", "later that day"
    r"|(?P<same>(?:minutes|moments|hours|an hour|shortly)\s+(?:later|afterwards?)|later\s+that\s+day"
    r"|the\s+same\s+day))",
    re.I,
)
_AGO = re.compile(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago\b",
    re.I,
)
_PERIOD = re.compile(
    r"\b(?P<mod>last|next|this|earlier this|later this|past|previous|coming)\s+"
    r"(?P<unit>week|month|year|weekend)\b",
    re.I,
)
# "over the weekend" dates the weekend just past, as "this weekend" does; "over the week" or
# "over the month" is a length of time, not a date, so only the weekend is read this way
_OVER_WEEKEND = re.compile(r"\b(?:over|at|during) the weekend\b", re.I)
_VAGUE_FUTURE = re.compile(
    r"\b(?:soon|in the coming (?:days|weeks|months)|shortly|in the near future|"
    r"at a later date|in due course)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text and what it resolves to."""

    text: str
    start: int
    date: date | None
    precision: str | None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def resolve_date(text: str, published: date | None) -> tuple[date | None, str | None]:
    """(date, precision) for a sentence; the publication day when it says nothing."""
    mention = find_date(text, published)
    if mention is not None:
        return mention.date, mention.precision
    return (published, "day") if published else (None, None)


@dataclass(frozen=True, slots=True)
class DateReading:
    """A statement's day with what decided it (``wording``, ``publication`` or ``undated``) and
    why, in words, for ``--explain``."""

    day: date | None
    decided_by: str
    why: str


def statement_date(
    doc: Doc,
    cue: tuple[int, int] | None,
    content: tuple[int, int],
    sentence: tuple[int, int],
    published: date | None,
    told: date | None = None,
    text: str | None = None,
) -> DateReading:
    """When a statement was said: the publication day, moved only by a day-precise expression
    that the parse ties to the speech act itself (``told``: the day the story last placed a
    statement on, from which "a day earlier" counts; ``text``: ``doc.text``, when the caller
    has it, so that the sentence is a slice of it rather than rebuilt from its tokens).

    "Putin said on Tuesday", "On Tuesday, Putin said", "told reporters yesterday", "in an
    interview on Nov 20", "Speaking on Thursday, Peskov said", "according to a transcript of
    the Nov. 20 call" move it. Nothing else does:

    * dates inside what was said ("the deal must be signed by Thursday") or attached to
      another verb or noun ("Russia, which annexed Crimea in 2014, said", "the summit on
      August 15 had two goals") date something else;
    * prepositions like "since", "after", "by" (``dates.yaml``) date another event;
    * vague periods ("last week", "earlier this month", "in November") keep the publication
      day: the day the statement is known to have been made by, rather than a guessed day with
      false precision (a "last week" could be 1 to 13 days back); but a month or year that
      ended more than a month before publication ("In June 2024, he said", "last year") gives
      its last day, or a quote of long ago would count among this week's positions;
    * a date after publication is a plan, not a speech act, and is ignored.

    With no publication date only a complete written date ("on Nov. 21, 2025") dates the
    statement; otherwise it stays undated (None), never guessed from background years. The
    reading says what decided (for ``--explain``): the expression and the cue it dates.
    """
    anchors = _speech_anchors(doc, cue, content, sentence)
    sent = doc.char_span(sentence[0], sentence[1], alignment_mode="expand") if anchors else None
    if sent is not None:  # Span.text, not doc.text, which rebuilds the whole text on each access
        start = sent.start_char
        said = sent.text if text is None else text[start : sent.end_char]
        for mention in date_mentions(said, published, told):
            when = _speech_day(mention, published)
            if when is None:
                continue
            s, e = start + mention.start, start + mention.end
            if s < content[1] and content[0] < e:
                continue
            if _between(said, start, cue, (s, e), content) or _dates_speech_act(doc, s, e, anchors):
                said_by = doc.char_span(cue[0], cue[1], alignment_mode="expand") if cue else None
                verb = doc[min(anchors)].text if said_by is None else said_by.text
                return DateReading(when, "wording", f"{mention.text!r} dates {verb!r}")
    if published is None:
        return DateReading(None, "undated", "no publication date, and no complete date on the speech act")
    return DateReading(published, "publication", "nothing in the sentence dates the speech act")


_LEDE_STATEMENTS = 3  # how far into the body the statement a headline repeats is looked for


def headline_days(
    statements: Sequence[tuple[int, str | None, DateReading]], headline_end: int
) -> list[DateReading]:
    """The statements' days, a headline's taking the day the lede gives the same speaker.

    ``statements`` are (content start, speaker key, reading) in text order. A headline is
    written in the present tense without a day ("Minister Rejects Draft"); the story's opening
    tells the same news with its day ("The minister on Sunday rejected ..."), so a headline
    statement dated only by publication takes the day of that speaker's statement among the
    body's first few, when that one's own wording dates it. Anything else keeps its reading.
    """
    out = [reading for _, _, reading in statements]
    if headline_end <= 0:
        return out
    lede: dict[str, DateReading] = {}
    body = [(who, reading) for start, who, reading in statements if start >= headline_end]
    for who, reading in body[:_LEDE_STATEMENTS]:
        if who is not None:
            lede.setdefault(who, reading)
    for i, (start, who, reading) in enumerate(statements):
        if start >= headline_end or who is None or reading.decided_by != "publication":
            continue
        told = lede.get(who)
        if told is not None and told.decided_by == "wording":
            out[i] = DateReading(told.day, "wording", f"the headline repeats the lede, where {told.why}")
    return out


_JOINERS = frozenset({"", ",", "that", ", that"})


def _between(
    said: str, start: int, cue: tuple[int, int] | None, span: tuple[int, int], content: tuple[int, int]
) -> bool:
    """A date written right between the cue and what was said ("said on Monday he was ready")
    dates the saying, wherever the parser hangs it (often on the reported verb)."""
    if cue is None or not start <= cue[1] <= span[0] < span[1] <= content[0]:
        return False
    before = said[cue[1] - start : span[0] - start].strip().lower()
    after = said[span[1] - start : content[0] - start].strip().lower()
    return before in _JOINERS and after in _JOINERS


_LONG_AGO = timedelta(days=31)


def _speech_day(mention: DateMention, published: date | None) -> date | None:
    """The day a date expression gives a speech act, or None when it gives none: a day itself;
    for a month or a year that ended well before publication ("In June 2024, he said"), its
    last day, the day the statement is known to have been made by (the publication day would
    put a quote of last year among this week's positions); never a day after publication."""
    if mention.date is None or (published is not None and mention.date > published):
        return None
    if mention.precision == "day":
        return mention.date
    if mention.precision not in ("month", "year") or published is None:
        return None
    last = _month_end(mention.date) if mention.precision == "month" else date(mention.date.year, 12, 31)
    return last if last < published - _LONG_AGO else None


def _month_end(first: date) -> date:
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _speech_anchors(
    doc: Doc, cue: tuple[int, int] | None, content: tuple[int, int], sentence: tuple[int, int]
) -> set[int]:
    """Token indices a date must attach to in order to date the speech act: the cue's words,
    plus the word a dependent cue shares its time with: the verb of a coordinated cue ("on
    Tuesday said X and announced Y"), the speech verb of a cue clause ("spoke Tuesday, though
    he said", "said Sunday, while claiming"), the verb a "by ...ing" cue explains ("escalated
    tensions on Sunday by claiming"), the speech event a cue is a relative clause of ("held a
    call on Monday in which they discussed"). Without a cue, the sentence's root when it lies
    outside the content."""
    if cue is None:
        sent = doc.char_span(sentence[0], sentence[1], alignment_mode="expand")
        if sent is None or len(sent) == 0:
            return set()
        root = sent.root
        return set() if content[0] <= root.idx < content[1] else {root.i}
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return set()
    anchors = {t.i for t in span}
    root = span.root
    head = root.head
    if _shares_time(root):
        anchors.add(head.i)
        # the small parser often hangs "while claiming" or "and announced" on the verb of the
        # clause the first cue reports ("said Sunday that talks had entered a phase, while
        # claiming ..."): the time is that first cue's, one step further up
        for _ in range(2):
            if head.dep_ == "ccomp" and head.head.lemma_.lower() in _WORDS.speech_verbs:
                anchors.add(head.head.i)
                break
            if not _shares_time(head):
                break
            head = head.head
            anchors.add(head.i)
    elif root.dep_ == "pcomp" and head.lower_ == "by":
        anchors.add(head.head.i)
    elif root.dep_ == "relcl" and _is_speech_noun(head):
        anchors.update((head.i, head.head.i))
    return anchors


def _shares_time(token: Token) -> bool:
    """Whether a verb is said when its head is: coordinated ("said X and announced Y"), an
    auxiliary, a participle clause ("while claiming"), or a clause or purpose of a speech verb
    ("spoke Tuesday, though he said", "spoke to reporters Tuesday to describe")."""
    if token.head.i == token.i:
        return False
    if token.dep_ in ("conj", "aux", "auxpass") or token.pos_ == "AUX":
        return True
    if token.dep_ == "advcl":
        return token.tag_ == "VBG" or token.head.lemma_.lower() in _WORDS.speech_verbs
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in _WORDS.speech_verbs


_LINK_DEPS = frozenset(
    {"npadvmod", "tmod", "obl", "advmod", "prep", "nmod", "appos", "dobj", "advcl", "pobj"}
)
_MAX_PATH = 8


def _dates_speech_act(doc: Doc, start: int, end: int, anchors: set[int]) -> bool:
    """Whether the date expression at [start, end) attaches, through allowed links, to an anchor.

    The path up the parse may pass a preposition that dates its head ("on", "in", "at"; the
    first one met governs the date), then the speech event and whom it was with ("in an
    interview with the paper on Tuesday", where the parser may hang the date on "the paper"),
    a participle of a speech verb ("Speaking on Thursday, Putin said"), other date words and
    modifiers ("Earlier Monday"). Anything else (another verb, a noun that is not a speech
    event, "since", "after", "by") means the date belongs to something else.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if any(t.lower_ in _WORDS.never_preps and (t.pos_ in ("ADP", "SCONJ") or t.dep_ == "prep") for t in span):
        return False
    inside = range(span.start, span.end)
    token = span.root
    governed = any(t.pos_ == "ADP" for t in span)  # "on Tuesday" brings its own preposition
    recorded = False  # the path came up "of" from a speech event to a record of it
    below: Token | None = None  # the word the path came up from
    for _ in range(_MAX_PATH):
        if token.i not in inside:
            if recorded and token.lemma_.lower() in _WORDS.record_nouns:
                pass  # "a transcript of the Oct. 14 call": the record reports that day's speech
            elif token.lower_ in _WORDS.sourcing or (
                token.lower_ == "to" and token.head.lower_ in _WORDS.sourcing
            ):
                pass  # "according to (a transcript of ...)" names the source, dates nothing
            elif (
                token.lower_ == "of"
                and below is not None
                and _is_speech_noun(below)
                and token.head.lemma_.lower() in _WORDS.record_nouns
            ):
                recorded = governed = True
            elif token.pos_ == "ADP" or token.dep_ in ("prep", "agent"):
                # the preposition governing the date must date its head; higher up, any that
                # does not date another event ("on the sidelines of the summit on Saturday")
                if token.lower_ in _WORDS.never_preps:
                    return False
                if not governed and token.lower_ not in _WORDS.speech_preps:
                    return False
                governed = True
            elif not _passable(token, anchors, governed):
                return False
        head = token.head
        if head.i == token.i:
            return False
        if head.i in anchors:
            # the small parser often hangs "on Tuesday" on the subject or object of the cue
            return token.dep_ in _LINK_DEPS or (token.dep_ in NOMINAL_SUBJECTS and token.i not in inside)
        below, token = token, head
    return False


def _passable(token: Token, anchors: set[int], governed: bool) -> bool:
    """A word other than a preposition that the path from a date to its speech act may cross."""
    if token.pos_ in ("NOUN", "PROPN", "NUM"):
        if token.ent_type_ in TIME_ENTS or token.lower_ in _WEEKDAYS or _WORDS.month(token.lower_):
            return True
        if token.dep_ in NOMINAL_SUBJECTS | {"dobj"} and token.head.i in anchors:
            return True  # "Trump on Tuesday said", "escalated tensions on Sunday by claiming"
        if governed and token.dep_ == "pobj" and token.head.lower_ in _WORDS.companion_preps:
            return True  # whom the speech was with or to
        return _is_speech_noun(token)
    if token.pos_ == "VERB" and token.tag_ in ("VBG", "VBN"):
        return token.lemma_.lower() in _WORDS.speech_verbs
    return token.pos_ in ("ADV", "ADJ", "DET", "PUNCT") or token.ent_type_ in TIME_ENTS


def _is_speech_noun(token: Token) -> bool:
    return token.lemma_.lower() in _WORDS.speech_nouns or token.lower_ in _WORDS.speech_nouns


@lru_cache(maxsize=512)
def date_mentions(text: str, published: date | None, told: date | None = None) -> tuple[DateMention, ...]:
    """Every date expression in the text, in order of position (cached: the statements of one
    sentence share it); ``told`` is the day the story last placed a statement on, which "a day
    earlier" counts from."""
    found = _candidates(text or "", published, told=told)
    return tuple(sorted(found, key=lambda m: m.start))


def find_date(text: str, published: date | None, ahead: bool = False) -> DateMention | None:
    """The most precise date expression in the text, or None when it holds none; ``ahead`` when
    the text speaks of something still to come, so that a bare weekday looks forward."""
    found = [
        m for m in _candidates(text or "", published, ahead) if m.date is not None or m.precision is None
    ]
    if not found:
        return None
    return min(found, key=lambda m: (_RANK.get(m.precision or "", 9), m.start))


def _candidates(
    text: str, pub: date | None, ahead: bool = False, told: date | None = None
) -> list[DateMention]:
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: date | None, precision: str | None) -> None:
        if any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        out.append(DateMention(m.group(0), m.start(), value, precision))

    ref = told or pub
    if ref is not None:
        _narrative(text, ref, add)

    # the numeric patterns (ISO, day and month, month and year, year) each need a digit, and
    # most sentences have none: they are not run there (the same matches, in the same order)
    numeric = _DIGIT.search(text) is not None
    for m in _ISO.finditer(text) if numeric else ():
        add(m, _safe_date(int(m["y"]), int(m["m"]), int(m["d"])), "day")
    for rx in (_MONTH_DAY, _DAY_MONTH) if numeric else ():
        for m in rx.finditer(text):
            value = _day_month(int(m["day"]), _month(m["month"]), m["year"], pub)
            if value is not None:  # "February 30" is a typo, not a reason to drop the anchor
                add(m, value, "day")
    for m in _MONTH_YEAR.finditer(text) if numeric else ():
        add(m, date(int(m["year"]), _month(m["month"]), 1), "month")
    for m in _IN_MONTH.finditer(text):
        if pub:
            month = _month(m["month"])
            year = pub.year - 1 if month > pub.month + 2 else pub.year
            add(m, date(year, month, 1), "month")
    if pub:
        _relative(text, pub, add, ahead)
    for m in _VAGUE_FUTURE.finditer(text):
        add(m, None, None)
    for m in _YEAR.finditer(text) if numeric else ():
        add(m, date(int(m["year"]), 1, 1), "year")
    return out


def _narrative(text: str, told: date, add: _Adder) -> None:
    for m in _NARRATIVE.finditer(text):
        if m["same"]:
            add(m, told, "day")
        elif m["word"]:
            back = any(w in ("before", "previous") for w in m["word"].lower().split())
            add(m, told + timedelta(days=-1 if back else 1), "day")
        else:
            n = int(m["n"]) if m["n"].isdigit() else _NUMBERS.get(m["n"].lower(), 1)
            sign = -1 if m["dir"].lower() in ("earlier", "before") else 1
            add(m, told + timedelta(days=sign * n), "day")


def _relative(text: str, pub: date, add: _Adder, ahead: bool = False) -> None:
    for m in _RELATIVE_DAY.finditer(text):
        word = m["w"].lower()
        shift = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tomorrow": 1}.get(
            word, 0
        )
        add(m, pub + timedelta(days=shift), "day")
    for m in _WEEKDAY.finditer(text):
        target = _WEEKDAYS.index(m["wd"].lower())
        mod = (m["mod"] or "").lower()
        if mod in ("next", "this coming"):
            delta = (target - pub.weekday()) % 7 or 7
            add(m, pub + timedelta(days=delta), "day")
        elif ahead and mod != "last":
            add(m, pub + timedelta(days=(target - pub.weekday()) % 7), "day")
        else:
            delta = (pub.weekday() - target) % 7
            if mod == "last" and delta == 0:
                delta = 7
            add(m, pub - timedelta(days=delta), "day")
    for m in _AGO.finditer(text):
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
        unit = m["unit"].lower()
        value = {
            "day": pub - timedelta(days=n),
            "week": pub - timedelta(weeks=n),
            "month": pub - relativedelta(months=n),
            "year": pub - relativedelta(years=n),
        }[unit]
        add(m, _truncate(value, unit), unit)
    for m in _PERIOD.finditer(text):
        mod, unit = m["mod"].lower(), m["unit"].lower()
        step = -1 if mod in ("last", "past", "previous") else 1 if mod in ("next", "coming") else 0
        if unit == "weekend":
            sat = _last_saturday(pub)
            add(m, sat + timedelta(weeks=1) if step > 0 else sat, "day")
        elif unit == "week":
            add(m, pub + timedelta(weeks=step), "week")
        elif unit == "month":
            add(m, _truncate(pub + relativedelta(months=step), "month"), "month")
        else:
            add(m, date(pub.year + step, 1, 1), "year")
    for m in _OVER_WEEKEND.finditer(text):
        add(m, _last_saturday(pub), "day")


def _last_saturday(pub: date) -> date:
    """The Saturday of the weekend a report means by "this/the weekend": on or before ``pub``."""
    return pub - timedelta(days=(pub.weekday() - 5) % 7)


def _truncate(value: date, unit: str) -> date:
    if unit == "month":
        return value.replace(day=1)
    if unit == "year":
        return date(value.year, 1, 1)
    return value


def _month(name: str) -> int:
    return _WORDS.month(name) or 1  # the regexes only match known names


def _day_month(day: int, month: int, year: str | None, pub: date | None) -> date | None:
    if year:
        return _safe_date(int(year), month, day)
    if pub is None:
        return None
    value = _safe_date(pub.year, month, day)
    if value is not None and (value - pub).days > _FUTURE_SLACK:
        value = _safe_date(pub.year - 1, month, day)
    return value


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


__all__ = ["DateMention", "DateReading", "date_mentions", "find_date", "resolve_date", "statement_date"]
