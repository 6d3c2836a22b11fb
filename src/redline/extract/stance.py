"""Stance of a statement toward the proposition on the table for its primary issue.

Stance is relative to what the plan says, not to the issue: "Ukrainian troops must withdraw"
supports the territory proposition (Ukraine leaves Donbas), "we will never withdraw" opposes
it. The classifier adds up signed, explainable evidence:

* the issue's own ``pro``/``anti`` wording, doubled next to a demand ("must", "insist");
* general evaluation ("basis", "welcome" vs "unacceptable", "red line"), counted only in a
  clause that names the issue, never when the word is part of the topic ("agreed document"),
  and not at all for non-evaluative frames (process: "productive talks" takes no side);
* praise of how something went in the language's words (``appraisal.yaml``: "a terrific
  meeting", "the summit laid the foundation") is evaluation on the frames too, and on the
  process a position on the negotiations, unless negated or mixed with a failure or a hedge;
* evaluating a counter-proposition flips: "will not accept Western troops" supports the
  proposition that no NATO troops are stationed in Ukraine (the evaluation alone decides: the
  counter-proposition counts by itself only where nobody evaluates it);
* likewise an evaluation followed in its clause by the issue's own wording decides for it,
  signed by that wording: "would not accept a deal that required giving up land" opposes the
  withdrawal that "giving up land" alone would push for;
* negation in the three words before a cue flips it, except in a prerequisite ("no peace
  without X", "impossible without X"), where X is demanded: its wording counts as said, the
  construct's own negative words count for nothing, and on a generic frame it is a condition;
* the cue verb judges the wording the content names: "condemned | the new sanctions" backs
  sanctions relief, "criticised | Kyiv's refusal to withdraw" pushes for the withdrawal;
* a condition clause ("if they don't leave") followed by a threat ("by armed means") is a
  demand, so its cues count for the demanded side; other conditions make support conditional,
  except a condition naming an attack or breach ("act if Russia attacked again"), which is
  what a guarantee answers to;
* unresolved points ("some issues still need to be hammered out") make it conditional, unless
  a "but" follows them ("some issues remain, but the key is ..."): the point comes after it.
  Terms laid on the deal as a whole ("any settlement must address the root causes") do too when the
  issue is a generic frame (the plan, the talks): on a specific point such a sentence is a
  demand for or against the point;
* idioms that only look like a condition ("as long as it takes", "if necessary", "as soon as
  possible", "if they really wanted peace, they could have ...") and "once" meaning "again" ("once
  again") are no condition;
* a "but" clause that closes the statement's sentence with an open point or a condition in it
  ("is considering our position, but some issues still require discussion") makes support
  conditional (``qualified``; the extractor's content often stops at the "but");
* a point removed from the draft ("nixing the amnesty") is opposition to that point;
* giving up the resistance to a point ("would give up its ambition to join NATO", "shelved its
  bid to join") is a step toward it: the resisting wording a verb of giving up takes as its
  object counts for the point, and such a verb is no removal from a draft;
* a proposal turned down ("rejected the proposal to ...", content naming the proposal after
  a cue such as "rejected", or a verdict said of it: "the proposals are unacceptable") is
  opposition to it, and turning down the other side's alternative
  ("rejected the counter-proposal") backs the plan; this reading is ``sure`` (tag
  ``rejection``): the words say outright which way the speaker went, so no party prior or
  learned lean should turn it around;
* a refusal on terms is conditional (tag ``refusal_terms``, session 23): a negation followed in
  its sentence by a restriction ("would not unfreeze a single euro unless the ceasefire holds",
  "no sanctions would be lifted until ...", "will not sign any guarantee that it cannot
  enforce"), when what is refused is the issue's point and the restriction's clause is not ("a
  settlement is impossible without the withdrawal from Donbas" demands the withdrawal);
* a refusal held until the other side has taken a step outside the point (the issue's
  ``held_until``: "no truce until Kyiv leaves the region", "a ceasefire only after the troops
  have left") is opposition, not terms (tag ``refusal_held``, session 31): the talks gold reads a
  ceasefire refused until the land is settled as oppose, while terms of the truce itself ("unless
  the strikes on the ports stop") stay conditional;
* a concession bounded by a refusal ("could set membership aside for now but would never write
  a ban into law") is read from the refusal after the turn (tag ``bounded_concession``), and so
  is a part accepted with an exception ("most of the chapter is acceptable, but not a fund
  that ..."), which on the plan as a whole is acceptance on terms (conditional);
* negations that affirm count for nothing: a litotes ("no reason not to welcome") and a
  letting-go held back ("a demand Kyiv would never drop": the demand is said); a negative
  subject ("nobody is talking about handing over cities") negates its whole clause;
* a verdict by figure ("a second Yalta", "a back door for NATO") is negative evaluation;
* the cue verb leans the result (welcomed, rejected) or marks it as emphatic (insisted);
* the speaker's party is used only when the statement is evaluative but carries no direction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from redline.extract.lexicon import (
    BOUNDARY,
    NEGATORS,
    Hit,
    Pattern,
    PatternSet,
    longest_first,
    stem,
    words,
)
from redline.knowledge.issues import STANCE_LISTS, Issue, Taxonomy

_NEG_WINDOW = 3
_NEGATIVE_WEIGHT = 1.5
_CUE_WEIGHTS = {"support": 1.0, "oppose": -1.5}


def _stems(text: str) -> frozenset[str]:
    """The words of ``text`` as the content's tokens spell them: every word set below is
    compared with stemmed tokens, so an entry written as English ("while", "have", "true")
    never matched where the stemmer changes it ("whil", "hav", "tru")."""
    return frozenset(stem(w) for w in text.split())


_NOUN_NEGATORS = _stems("without no")
# not "while": after a comma ("Kyiv agreed, while Moscow refused") the comma splits already, and a
# bare "while" opens a clause inside the clause ("holding a vote while missiles fall would be a
# gift to Moscow", "asking one side to shrink its army while the other grows is not peace"): the
# verdict is said of the whole (read as "whil", it never split; made to split, unseen8 and unseen9
# lost one statement each)
_CONTRAST = _stems("but however although though whereas yet")
_TAIL_CONTRAST = _stems("but though although yet however")  # not "while": see ``qualified``
_TURN_TEXT = ("but", "however")  # "A, but B": B is the point ("though B" concedes B)
_TURN = _stems(" ".join(_TURN_TEXT))
_FIRST_PERSON = _stems("we i")
# words between a subject and its verb ("Russia has also flatly rejected"); "-ly" adverbs too
_AUXILIARIES = _stems("has have had also already again once now today will would")
_ADDRESSEE = 5  # words of the addressee and its "to" that open a requested action ("Kyiv to reject")
_OBJECT_REACH = 6  # words between a rejecting verb (or the content's start) and the proposal it turns down
REJECTION = "rejection"  # the tag of the rejected-proposal rule, which decides by itself (classify.py)
TERMS = "refusal_terms"  # the tag of a refusal on terms ("would not ... unless ..."): conditional
HELD = "refusal_held"  # a refusal held until a step outside the point ("no truce until they leave"): oppose
BOUNDED = "bounded_concession"  # "... for now, but would never ...": the refusal decides
PAIRED = "paired_condition"  # the tag of two clauses that make one depend on the other ("no X, no Y")
DENIED_KIND = "denied_kind"  # the tag of "elections under shelling are not elections": conditional
_PAIR_CLAUSE = 8  # words at most in the first clause of a paired condition ("no guarantees, no troops")
# words between "not" and the noun in "... is not a real X"
_DETERMINERS = _stems("a an the real true genuine proper any")
# what follows "no" when it measures rather than refuses ("no later than", "no more than", "no one")
_MEASURES = _stems("later sooner longer less more fewer earlier one matter doubt")
_RESISTING = frozenset({"anti", "counter"})  # the issue's wording against its proposition
_RELATIVES = _stems("that which")  # what ends a restriction that defines what is refused
_HOLD_WINDOW = 4  # words between a negator and the letting-go it negates ("will not let them be forgotten")
_TERMS_REACH = 12  # words between a negator and the restriction that lays terms on it
# participles that open a restriction only after a clause break ("..., provided it is monitored"),
# and are a verb elsewhere ("did not provide any details", "if provided with weapons")
_PARTICIPLE_OPENERS = _stems("provided")
# restrictions that still lay terms on a statement the content stops before; not "without" or
# "until", which after a statement are mostly the reporter's ("..., without giving details")
_TAIL_OPENERS = _stems("unless provided")
_TURN_WORDS = re.compile(rf"\b(?:{'|'.join(_TURN_TEXT)})\b", re.IGNORECASE)  # ``_TURN`` in text
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# a stretch between two commas that may be an aside (``StanceClassifier._without_asides``)
_ASIDE = re.compile(r",\s*([^,;:.!?()\"]+?)\s*,")
_ASIDE_WORDS = 5  # words at most in an aside ("in public or in private", "the foreign minister said")
_ASIDE_GROUPS = frozenset({"aside", "reporting"})  # the only lists an aside's words may hit
# the stance lexicon's lists read as they are, each a group of ``StanceClassifier._words``; the
# general verdict words are weighed as one signed group ("general"), and the scheduling words are
# the issue tagger's (logistics of the process), not a stance's
# ``paired_condition`` is read clause by clause (``_paired``), not as patterns
_LISTS = tuple(
    name
    for name in STANCE_LISTS
    if name not in ("positive", "negative", "figure", "scheduling", "paired_condition")
)
# the groups of ``StanceClassifier._words`` made per issue and per cue-verb kind: prefix + id
_ISSUE_CUES, _ISSUE_TERMS, _CUE_VERBS, _HELD_UNTIL = "cues:", "terms:", "cue:", "held:"
Found = Mapping[str, list[Hit]]  # a text's hits, by group (``PatternSet.find_grouped``)


@dataclass(frozen=True, slots=True)
class StanceResult:
    """A stance with the evidence behind it, for debugging and review screens."""

    stance: str
    score: float
    reason: str
    tags: tuple[str, ...] = ()  # kinds of evidence seen (pro, negative, neg, condition, ...): model features


class StanceClassifier:
    """Holds the compiled stance lexicon of a taxonomy; reuse one per corpus."""

    def __init__(self, taxonomy: Taxonomy, own_names: Mapping[str, frozenset[str]] | None = None) -> None:
        self.taxonomy = taxonomy
        # party -> the words naming its own state ("kyiv" for Ukraine's officials,
        # ``ActorBase.state_names``): a rejection whose subject is one of them is the speaker's
        # side's own; given by the caller, so the rules read no file and see the user's actors
        self._own_names = dict(own_names or {})
        lex = taxonomy.stance

        def compile_all(items: Iterable[str], weight: float = 1.0, tag: str = "") -> list[Pattern]:
            return [Pattern.compile(p, weight, tag) for p in items]

        groups: dict[str, list[Pattern]] = {name: compile_all(getattr(lex, name)) for name in _LISTS}
        # the language's praise of how something went (``appraisal.yaml``: "terrific", "went
        # well", "laid the foundation"), and the failures and hedges that make a verdict mixed
        classes = taxonomy.appraisal.classes
        groups["praise"] = compile_all(classes.get("positive", ()), 1.0, "positive")
        groups["reserve"] = compile_all((*classes.get("negative", ()), *classes.get("hedge", ())))
        # a failure denied ("the talks are not failing", "I am not pessimistic"): praise by negation
        groups["failure"] = compile_all(classes.get("negative", ()), -1.0, "negative")
        groups["general"] = (
            compile_all(lex.positive, 1.0, "positive")
            + compile_all(lex.negative, -_NEGATIVE_WEIGHT, "negative")
            # a verdict by figure ("a second Yalta", "a back door for NATO") is a negative one
            + compile_all(lex.figure, -_NEGATIVE_WEIGHT, "negative")
        )
        self._cue_kinds = tuple(lex.cue_verbs)
        for kind, verbs in lex.cue_verbs.items():
            groups[_CUE_VERBS + kind] = compile_all(verbs)
        for i in taxonomy.issues:
            groups[_ISSUE_CUES + i.id] = (
                compile_all(i.pro, 1.0, "pro")
                + compile_all(i.anti, -1.0, "anti")
                + compile_all(i.counter, -1.0, "counter")
            )
            groups[_ISSUE_TERMS + i.id] = compile_all(t.pattern for t in i.terms)
            groups[_HELD_UNTIL + i.id] = compile_all(i.held_until)
        # every list in one set, read in one pass per text: a statement is asked about all of
        # them (a set per list cost a pass and a cold memo each; ``PatternSet.grouped``)
        self._words = PatternSet.grouped(groups)
        self._issues = frozenset(i.id for i in taxonomy.issues)
        # "left / right": the words that open ("no _") or close ("_ first") the first clause, and
        # open the second
        self._pairs = tuple(
            (words(left), left.strip().startswith("_"), words(right))
            for left, _, right in (entry.partition("/") for entry in lex.paired_condition)
            if words(left) and words(right)
        )

    def classify(
        self,
        content: str,
        issues: list[str],
        cue: str | None = None,
        speaker_party: str | None = None,
        kind: str = "indirect",
    ) -> str:
        """support | oppose | conditional | neutral toward the first issue's proposition."""
        return self.explain(content, issues, cue, speaker_party, kind).stance

    def classify_all(
        self,
        content: str,
        issues: list[str],
        cue: str | None = None,
        speaker_party: str | None = None,
    ) -> dict[str, str]:
        """Stance toward each tagged issue's proposition (a statement may back one point, reject another)."""
        return {i: self.explain(content, [i], cue, speaker_party).stance for i in issues}

    def explain(
        self,
        content: str,
        issues: list[str],
        cue: str | None = None,
        speaker_party: str | None = None,
        kind: str = "indirect",  # noqa: ARG002 (callers pass the statement kind; rules read all kinds alike)
    ) -> StanceResult:
        """Like ``classify`` with the score and a one-line reason. ``kind`` is accepted for the
        pipeline's sake; direct and reported speech are read the same way."""
        if not issues or issues[0] not in self._issues:
            return StanceResult("neutral", 0.0, "no issue")
        issue = self.taxonomy.get(issues[0])
        # "we have never agreed, in public or in private, to give up a town": read without the aside
        content = self._without_asides(content)
        tokens = words(content)
        if not tokens:
            return StanceResult("neutral", 0.0, "empty content")
        found = _refused_trades(tokens, _clause_terms(tokens, self._words.find_grouped(tokens)))
        # "... for now, but would never ...": the refusal decides (before any other reading)
        bounded = self._bounded(content, tokens, found, issues, cue, speaker_party)
        own = found[_ISSUE_CUES + issue.id]
        # "no peace without X", "impossible without X": X is demanded, not negated or judged
        prerequisites = found["prerequisite"]
        required = {i for h in prerequisites for i in range(h.start, h.end)}
        # "no reason not to welcome": a negated negation affirms; "a demand we will never drop"
        # holds on to the demand: in both the negators count for nothing
        affirmed = {i for h in found["litotes"] for i in range(h.start, h.end)}
        held = _held(tokens, found, own, affirmed)
        affirmed |= held | _kept_in_trade(tokens, found, own, affirmed)
        required |= affirmed
        negators = [h for h in found["negation"] if h.start not in required]
        negations = [h.start for h in negators]
        phrases = {h.start for h in negators if h.length > 1}  # "no right to", "not ready to": reach the verb
        # "should not be asked to give up land": the words that put the act on someone else use
        # up none of the negator's reach
        bridges = {i for h in found["imposed"] for i in range(h.start, h.end)}

        # "nobody ...", "no one ...": the clause after a negative subject is negated throughout
        scopes = [h.end for h in found["negative_subject"] if h.start not in required]

        def negated(hit: Hit) -> bool:
            return not hit.pattern.negated and (
                _negated_before(tokens, hit.start, negations, phrases, required, bridges)
                or _in_scope(tokens, hit.start, scopes)
                or _object_refused(tokens, hit, required)
            )

        # praise of how the talks went ("a terrific meeting") counts as evaluation on the frames
        praise = _praise(found, negated) if issue.generic else []
        appraised = bool(found["appraisal"] or (praise and issue.evaluated_as))
        issue = self._appraised_as(issue) if appraised else issue
        # "would give up its bid to join": the resistance is given up, so its wording counts for
        # the point, and a verb of removal there ("drop its bid") takes no point out of a draft
        given_up, releasing = _given_up(tokens, found["relinquishing"], own, negated)
        removal = _removals(found, negated, held | releasing, own)
        triggers = [h.start for h in found["trigger"]]
        clauses = [  # "if Russia attacked again": what a guarantee answers to, not a condition
            c
            for c in _condition_clauses(tokens, _unmasked(found, "condition"))
            if not any(c[0] <= t < c[1] for t in triggers)
        ]
        threat = bool(found["threat"])
        turned_down = (
            bounded
            or (
                StanceResult("oppose", -1.0, f"point removed: {removal[0].pattern.source!r}", ("removal",))
                if removal and not issue.generic
                else self._rejected(tokens, found, cue, issue.id, speaker_party, clauses, negated)
            )
            or _refusal_terms(content, tokens, found, own, affirmed, threat, found[_HELD_UNTIL + issue.id])
            or _put_after(tokens, found["order"], found[_HELD_UNTIL + issue.id])
            or self._conditions_by_shape(tokens, found, own)
        )
        if turned_down is not None:
            return turned_down
        obligations = [h.start for h in found["obligation"]]
        terms = found[_ISSUE_TERMS + issue.id]
        topic = {i for h in terms for i in range(h.start, h.end)}
        # not the words of the topic ("agreed document") or of a prerequisite ("impossible without")
        # ... but a verdict that is itself a litotes ("no alternative to this plan") is said
        spoken = {h.start for h in found["litotes"]}
        general = [
            h
            for h in found["general"] + praise
            if h.start not in topic | required or (h.start in spoken and h.pattern.negated)
        ]
        general = _about(general, tokens, own + terms) if issue.evaluative else []
        # "as long as our partners keep supplying weapons": the words of a clause that states the
        # terms are the terms, not the speaker's side
        read, tags = _outside_terms(tokens, found, own + general)
        hits = _resolve(read)
        # "would not sign any agreement that allowed foreign troops in": the wording of what a
        # refusal defines by a clause is refused
        refused = _refused_clauses(content, tokens, found, affirmed)
        countered = _segments_of(tokens, [h for h in hits if h.pattern.tag == "counter"])
        evaluated = _segments_of(tokens, [h for h in hits if h.pattern.tag in ("positive", "negative")])
        # the words of an attitude verb: "will not accept" evaluates what follows it as "accept" does
        attitudes = {i for h in found["attitude"] for i in range(h.start, h.end)}
        objects = _evaluated_objects(
            tokens,
            [h for h in hits if h.pattern.tag in _WORDING or not attitudes.isdisjoint(range(h.start, h.end))],
        )
        hits_by_start = {h.start: h for h in hits}
        score, reasons, conditioned, demand = 0.0, [], False, False
        wording, judged = 0.0, False  # the issue's own wording, and whether the content evaluates
        # how the talks are going, either way: a position, not a process fact (a model feature)
        tags |= {"appraisal"} if appraised else set()
        tags |= _wording(found, negated)
        tags |= _affirming(found, held)
        for hit in hits:
            if (hit.pattern.tag == "counter" and _segment(tokens, hit.start) in evaluated) or (
                hit.start in objects.values()
            ):
                # "would not agree to the deployment of troops", "would not accept a deal that
                # required giving up land": the evaluation decides
                continue
            sign = -1.0 if negated(hit) or (hit.pattern.tag in _WORDING and hit.start in refused) else 1.0
            # "give up its bid to join", "agreed to shelve its bid to join": the resistance given up
            sign *= _released(hit, given_up, objects, tags)
            value = hit.pattern.weight * sign * _aimed(hit, tokens, countered, objects, hits_by_start)
            clause = _inside(hit.start, clauses)
            if clause and threat:
                value, demand = -value, True
            if hit.pattern.tag in ("pro", "anti", "counter") and _near(obligations, hit):
                value *= 2
            score += value
            if hit.pattern.tag in _WORDING:
                wording += value
            else:
                judged = True
            reasons.append(f"{hit.pattern.source}{'(neg)' if sign < 0 else ''}={value:+g}")
            tags.add(hit.pattern.tag + ("_neg" if sign < 0 else ""))
        score, reasons = _holding(score, reasons, bool(held))
        cue_kind, cue_score = self._cue(cue, 0.0 if judged else wording)
        score += cue_score
        if cue_kind:
            # a cue turned round by what it judges ("condemned | the new sanctions") is a feature
            # of its own: the models must not learn that "condemned" leans toward the proposition
            turned = cue_score * _CUE_WEIGHTS.get(cue_kind, 0.0) < 0
            tags.add(f"cue_{cue_kind}" + ("_turned" if turned else ""))
        if clauses:
            tags.add("condition_clause")
        if obligations:
            tags.add("obligation")
        if cue_kind == "emphatic":
            score *= 1.5
        reason = ", ".join(reasons + ([f"cue {cue}={cue_score:+g}"] if cue_score else [])) or "no cue"
        if prerequisites:
            tags.add("prerequisite")
        terms_set = _terms_set(tokens, found, issue, score, demand, bool(prerequisites), reason, tags)
        if terms_set is not None:
            return terms_set
        conditioned = bool(clauses) and not threat
        if conditioned and score > 0:
            return _result("conditional", score, f"support under a condition; {reason}", tags, "condition")
        if score > 0:
            return _result("support", score, ("demand; " if demand else "") + reason, tags, "demand" * demand)
        if score < 0:
            return _result("oppose", score, reason, tags, "")
        evaluative = cue_kind == "emphatic" or bool(hits) or bool(prerequisites)
        prior = issue.priors.get(speaker_party or "")
        if evaluative and prior:
            return _result(prior, 0.0, f"{speaker_party} prior on {issue.id}; {reason}", tags, "prior")
        return _result("neutral", 0.0, reason, tags, "")

    def _without_asides(self, content: str) -> str:
        """``content`` without the asides set off by commas inside a clause: "we have never
        agreed, in public or in private, to give up a single town", "the proposal, in our view,
        is unacceptable", "Russia, he said, would not insist on ...". An aside interrupts the
        clause without changing what it says, but its commas are clause breaks to the rules, so a
        negator or a verdict did not reach across it. An aside is a few words between two commas,
        with words after it, that open with an ``aside`` phrase or end with a reporting verb, and
        hold no other stance wording (", for now,", ", in principle," and ", if ever," stay)."""
        if content.count(",") < 2:
            return content
        cut = [
            m.span()
            for m in _ASIDE.finditer(content)
            if m.end() < len(content.rstrip(" .!?\"'")) and self._is_aside(words(m.group(1)))
        ]
        for start, end in reversed(cut):
            content = content[:start] + " " + content[end:].lstrip()
        return content

    def _is_aside(self, chunk: Sequence[str]) -> bool:
        """Whether the words between two commas are an aside (``_without_asides``)."""
        if not 0 < len(chunk) <= _ASIDE_WORDS or BOUNDARY in chunk:
            return False
        found = self._words.find_grouped(chunk)
        opens = any(h.start == 0 for h in found["aside"])
        reports = any(h.end == len(chunk) for h in found["reporting"])
        others = any(
            hits
            for group, hits in found.items()
            if group not in _ASIDE_GROUPS and not group.startswith(_ISSUE_TERMS)
        )
        return (opens or reports) and not others

    def _bounded(
        self,
        content: str,
        tokens: Sequence[str],
        found: Found,
        issues: list[str],
        cue: str | None,
        party: str | None,
    ) -> StanceResult | None:
        """The reading of a concession bounded by a refusal, or None.

        "Kyiv could set membership aside for now but would never write a ban into law", "we can
        pause the question, but we cannot erase it": what is conceded is a delay or a part, and
        the refusal after the turn is the position. The clause after the turn is read by itself;
        when it names nothing the rules weigh ("we cannot erase it"), the refusal is opposition
        to what the plan asks. Only a turn ("but", "however") after the concession with a
        negator after it: "we can pause the talks for now" alone concedes."""
        partial = found["partial"]
        concessions = _unmasked(found, "concession") + partial
        if not concessions:
            return None
        first = min(h.end for h in concessions)
        turns = [i for i, tok in enumerate(tokens) if tok in _TURN and i >= first]
        if not turns:
            return None
        turn = turns[0]
        if not any(h.start > turn for h in found["negation"]):
            return None
        matches = list(_TURN_WORDS.finditer(content))
        before = sum(1 for tok in tokens[:turn] if tok in _TURN)
        if before >= len(matches):
            return None
        tail = content[matches[before].end() :]
        if partial and self.taxonomy.get(issues[0]).generic:
            # "could accept most of the text, but not ...": the plan on terms
            return StanceResult("conditional", 1.0, "a part accepted, with an exception", (BOUNDED,))
        read = self.explain(tail, issues, cue, party)
        if read.stance in ("support", "oppose", "conditional"):
            return StanceResult(
                read.stance, read.score, f"after a bounded concession: {read.reason}", (*read.tags, BOUNDED)
            )
        return StanceResult("oppose", -1.0, "a bounded concession, then a refusal", (BOUNDED,))

    def qualified(self, content: str, sentence: str) -> str | None:
        """The terms that a contrast clause closing the statement's sentence lays on it, or None.

        Reported speech often ends at a "but" the statement goes on past: in "he said the US is
        considering our position, but some issues still require discussion" the clause after
        "but" is still what was said, and it makes the support conditional (an open point, an
        explicit condition, or a refusal on terms: "she was not against a cap in principle, but
        could not support one that Russia did not match"). Not a clause that reports a statement of
        its own ("..., but warned that much work remains": ``reporting``), nor one after
        "while", which joins another act or another speaker ("while Moscow insisted ...")."""
        at = sentence.find(content) if content else -1
        if at < 0:
            return None
        tail = list(words(sentence[at + len(content) :]))
        broke = bool(tail) and tail[0] == BOUNDARY
        while tail and tail[0] == BOUNDARY:
            tail.pop(0)
        if not tail:
            return None
        found = self._words.find_grouped(tail)
        if tail[0] not in _TAIL_CONTRAST:
            # "France was not opposed to a ceasefire | , provided it was monitored": the
            # restriction the content stops before lays terms on it, as inside the content
            opens = [h for h in _unmasked(found, "conditional") if h.start == 0] or [
                h
                for h in _unmasked(found, "restriction")
                if h.start == 0 and tail[0] in _TAIL_OPENERS and (broke or tail[0] not in _PARTICIPLE_OPENERS)
            ]
            return f"{opens[0].pattern.source!r} after the statement" if opens else None
        if found["reporting"]:
            return None
        hits = _unmasked(found, "unresolved") or _unmasked(found, "conditional")
        if hits:
            return f"{tail[0]} ... {hits[0].pattern.source!r} after the statement"
        # "..., but she could not support one that Russia did not match": a refusal on terms
        terms = _refusal_terms(sentence[at + len(content) :], tail, found, [], set(), bool(found["threat"]))
        return f"{tail[0]} ... {terms.reason} after the statement" if terms is not None else None

    def _rejected(
        self,
        tokens: Sequence[str],
        found: Found,
        cue: str | None,
        issue: str,
        party: str | None,
        clauses: list[tuple[int, int]],
        negated: Callable[[Hit], bool],
    ) -> StanceResult | None:
        """A proposal the speaker turns down, or None.

        Two shapes: the cue rejects and the content opens with the proposal ("rejected | a
        European proposal to station troops"), or the content's own verb does, with the speaker
        (or the speaker's party) as its subject or none ("we rule out any plan that ...",
        "Rejects the draft", "Russia rejected ...", said by the Kremlin), or an addressee the
        speaker asks to reject it ("the mayors asked | Kyiv to reject the proposal"): a
        rejection reported of someone else ("Kyiv refused the terms, he said") is not the
        speaker's. Negated ("did not reject") or conditional ("if they refuse the offer")
        rejections are left to the other rules.
        """
        cue_tokens = words(cue or "")
        # "asked | Kyiv to reject the proposal": the addressee is asked to do what the speaker wants
        cue_found = self._words.find_grouped(cue_tokens)
        asked = bool(cue_found["request"])
        starts: list[int] = []
        if cue_found["rejection"] and not set(cue_tokens) & NEGATORS:
            starts.append(0)
        for hit in found["rejection"]:
            subject = [t for t in tokens[: hit.start] if t != BOUNDARY]
            while subject and (subject[-1] in _AUXILIARIES or subject[-1].endswith("ly")):
                subject.pop()
            addressee = subject[:-1] if subject[-1:] == ["to"] else None
            asking = asked and addressee is not None and "to" not in addressee and len(subject) <= _ADDRESSEE
            own = (
                not subject
                or subject[-1] in _FIRST_PERSON
                or subject[-1] == party
                or subject[-1] in self._own_names.get(party or "", ())
                or asking
            )
            if own and not negated(hit) and not _inside(hit.start, clauses):
                starts.append(hit.end)
        objects = found["proposal"] + found["counter_proposal"]
        nouns: list[Hit] = []
        for start in sorted(starts):
            reached = [h for h in objects if start <= h.start <= start + _OBJECT_REACH]
            reached = [h for h in reached if BOUNDARY not in tokens[start : h.start]]
            if reached:
                nouns.append(min(reached, key=lambda h: h.start))
        for verdict in found["verdict"]:
            # "the proposals are unacceptable": the verdict's subject is what is turned down
            if negated(verdict) or _inside(verdict.start, clauses):
                continue
            reached = [h for h in objects if verdict.start - _OBJECT_REACH <= h.end <= verdict.start]
            reached = [h for h in reached if BOUNDARY not in tokens[h.end : verdict.start]]
            if reached:
                nouns.append(max(reached, key=lambda h: (h.end, -h.start)))
        if not nouns:
            return None
        noun = nouns[0]
        counter = self._words.find_grouped(tokens[noun.start : noun.end + 1])["counter_proposal"]
        aimed = [h for h in found[_ISSUE_CUES + issue] if h.pattern.tag == "counter"]
        if counter or any(h.start >= noun.start for h in aimed):
            why = f"turns down the other side's alternative: {noun.pattern.source!r}"
            return StanceResult("support", 2.0, why, (REJECTION,))
        why = f"turns down a proposal: {noun.pattern.source!r}"
        return StanceResult("oppose", -2.0, why, (REJECTION,))

    def _conditions_by_shape(
        self, tokens: Sequence[str], found: Found, own: list[Hit]
    ) -> StanceResult | None:
        """A condition said by the shape of the sentence rather than a marker: two clauses that
        make one depend on the other ("no X, no Y") or a kind of X said not to be X. The
        latter is not read where the kind is resisting wording: the issue's own anti or
        counter wording, or any issue's counter wording ("a peacekeeper from a NATO country",
        whatever issue the statement was tagged with)."""
        counters = [h for i in self._issues for h in found[_ISSUE_CUES + i] if h.pattern.tag == "counter"]
        return _paired(tokens, self._pairs) or _denied_kind(tokens, found, own + counters)

    def _appraised_as(self, issue: Issue) -> Issue:
        """The issue an appraisal of ``issue`` bears on: "the talks were productive" takes no side
        on the process itself but is a position on what it is ``evaluated_as`` (the
        negotiations: support on plan_overall), as issue tagging reads it."""
        return self.taxonomy.get(issue.evaluated_as) if issue.evaluated_as is not None else issue

    def _cue(self, cue: str | None, wording: float = 0.0) -> tuple[str, float]:
        """The cue verb's kind and its lean. The lean is signed by the issue's ``wording`` in a
        content that does not evaluate it itself, since the cue judges what the content names:
        "condemned | the new sanctions" backs relief, "criticised | Kyiv's refusal to withdraw"
        pushes for the withdrawal."""
        if not cue:
            return "", 0.0
        found = self._words.find_grouped(words(cue))
        for kind in self._cue_kinds:
            if found[_CUE_VERBS + kind]:
                lean = _CUE_WEIGHTS.get(kind, 0.0)
                if lean and wording:
                    return kind, abs(lean) if (lean > 0) == (wording > 0) else -abs(lean)
                return kind, lean
        return "", 0.0


def _result(stance: str, score: float, reason: str, tags: set[str], decided: str) -> StanceResult:
    return StanceResult(stance, score, reason, tuple(sorted(tags | ({decided} if decided else set()))))


def _terms_set(
    tokens: Sequence[str],
    found: Found,
    issue: Issue,
    score: float,
    demand: bool,
    prerequisite: bool,
    reason: str,
    tags: set[str],
) -> StanceResult | None:
    """Conditional, when support (or no side) comes with terms attached: points still open,
    an explicit condition ("only if"), or, on a generic frame, a requirement laid on the deal
    ("any settlement must ...", "no deal without ..."); None otherwise. A demand backed by a
    threat is not a condition."""
    if score < 0:
        return None
    if _before_turn(tokens, _unmasked(found, "unresolved")):
        return _result("conditional", score, f"unresolved points; {reason}", tags, "unresolved")
    if demand:
        return None
    if _unmasked(found, "conditional"):
        return _result("conditional", score, f"explicit condition; {reason}", tags, "explicit_condition")
    if issue.generic and (prerequisite or found["requirement"]):
        why = f"a requirement laid on the deal; {reason}"
        return _result("conditional", score, why, tags, "requirement")
    return None


def _wording(found: Found, negated: Callable[[Hit], bool]) -> set[str]:
    """Evaluative and conditional wording anywhere in the content, whatever it bears on, as
    model features (``any_positive``, ``any_negative_neg``, ``any_conditional``): the issue
    rules count an evaluation only in a clause about the issue, and the issue is often the
    tagger's wrong guess, while "unacceptable" or "only if" still says a position is taken.
    Talks CV stance 0.684 -> 0.688, 4-way 0.561 -> 0.564 (matched statements)."""
    wording = {f"any_{h.pattern.tag}{'_neg' if negated(h) else ''}" for h in found["general"]}
    if _unmasked(found, "conditional"):
        wording.add("any_conditional")
    return wording


def _held(tokens: Sequence[str], found: Found, own: list[Hit], skip: set[int]) -> set[int]:
    """The words of a negated letting-go ("a demand Kyiv would never drop", "we will not let
    them be forgotten"): from the negator to the verb. Holding on to a point is saying it, so
    these words negate nothing and judge nothing. Not a verb that is the issue's own wording
    ("would never give up land", "will not renounce NATO": refusals of the point)."""
    wording = {i for h in own for i in range(h.start, h.end)}
    held: set[int] = set()
    for hit in found["abandonment"]:
        if wording & set(range(hit.start, hit.end)):
            continue
        for i in range(hit.start - 1, max(hit.start - _HOLD_WINDOW, 0) - 1, -1):
            if tokens[i] == BOUNDARY:
                break
            if i not in skip and tokens[i] in NEGATORS:
                held |= set(range(i, hit.end))
                break
    return held


def _kept_in_trade(tokens: Sequence[str], found: Found, own: list[Hit], skip: set[int]) -> set[int]:
    """The words of a refused trade ("Kyiv would not trade the tribunal for a signature"), from
    the negator to the verb: what would be traded is kept, so the negator does not reach the
    issue's wording for it (the tribunal, read as said: against the amnesty). Not where the
    wording is the point's own concession ("will not trade land for peace" refuses the cession),
    and not a trade that names nothing of the issue, which says no more than before."""
    pro = {i for h in own if h.pattern.tag == "pro" for i in range(h.start, h.end)}
    named = {i for h in own for i in range(h.start, h.end)}
    kept: set[int] = set()
    for hit in found["trade_verbs"]:
        # the thing traded: inside "trade X for", after "trade away"
        end = hit.end
        if tokens[end - 1] != "for":
            end = min(_clause_end(tokens, end), end + _OBJECT_REACH)
        span = set(range(hit.start, end))
        if span & pro or not span & named:
            continue
        for i in range(hit.start - 1, max(hit.start - _HOLD_WINDOW, 0) - 1, -1):
            if tokens[i] == BOUNDARY:
                break
            if i not in skip and tokens[i] in NEGATORS:
                kept |= set(range(i, hit.start + 1))
                break
    return kept


def _given_up(
    tokens: Sequence[str], letting_go: list[Hit], own: list[Hit], negated: Callable[[Hit], bool]
) -> tuple[set[int], set[int]]:
    """The starts of the issue's resisting wording that a verb of giving up names as its object
    ("would give up its ambition to join NATO", "dropped its bid to join the alliance"), and the
    starts of those verbs. Giving up the resistance is a step toward the point, so that wording
    counts for it. Not a negated verb ("would never renounce its right to join" holds on to the
    right), nor wording past a clause break or more than a few words on."""
    resisting = [h for h in own if h.pattern.tag in _RESISTING]
    given: set[int] = set()
    releasing: set[int] = set()
    for verb in letting_go:
        # "must not be forced to give up its path to NATO": a negator further back in the clause
        before = tokens[max(0, verb.start - _HOLD_WINDOW - 1) : verb.start]
        if negated(verb) or (BOUNDARY not in before and not NEGATORS.isdisjoint(before)):
            continue
        for h in resisting:
            if verb.end <= h.start <= verb.end + _OBJECT_REACH and BOUNDARY not in tokens[verb.end : h.start]:
                given.add(h.start)
                releasing.add(verb.start)
    return given, releasing


def _released(hit: Hit, given_up: set[int], objects: dict[int, int], tags: set[str]) -> float:
    """-1 for resisting wording that is given up (``_given_up``) and for an evaluation of it
    ("agreed to shelve its bid to join"), adding the tag ``given_up``; else 1."""
    if hit.start in given_up or objects.get(hit.start) in given_up:
        tags.add("given_up")
        return -1.0
    return 1.0


def _removals(found: Found, negated: Callable[[Hit], bool], skip: set[int], own: list[Hit]) -> list[Hit]:
    """The verbs that take a point out of a draft ("nixing the amnesty"). Not negated, nor in
    ``skip`` (a letting-go held back, a verb that gives up the resistance: "dropped its bid to
    join"), nor part of the issue's own wording for the point ("drop the bid" is renouncing)."""
    pro = [h for h in own if h.pattern.tag == "pro"]
    return [
        h
        for h in found["removal"]
        if not negated(h) and h.start not in skip and not any(p.start <= h.start < p.end for p in pro)
    ]


def _affirming(found: Found, held: set[int]) -> set[str]:
    """Model features of the negations that affirm: a litotes ("no reason not to") and a
    letting-go held back ("a demand we will never drop")."""
    return {tag for tag, seen in (("litotes", bool(found["litotes"])), ("held", bool(held))) if seen}


def _holding(score: float, reasons: list[str], held: bool) -> tuple[float, list[str]]:
    """Holding on to a point that names no side of the issue ("was not ready to walk away from
    the talks") holds on to what is on the table: support, when nothing else weighs."""
    if held and not score:
        return 1.0, [*reasons, "holds on to the point=+1"]
    return score, reasons


def _in_scope(tokens: Sequence[str], start: int, scopes: list[int]) -> bool:
    """Whether a negative subject ending at one of ``scopes`` governs the word at ``start``:
    it comes before it in the same clause."""
    return any(end <= start and BOUNDARY not in tokens[end:start] for end in scopes)


def _sentence_ids(content: str, size: int) -> list[int]:
    """The sentence of each of the content's ``size`` tokens (0 throughout when the pieces do
    not add up: the tokens only mark clause boundaries, not which of them ends a sentence)."""
    ids: list[int] = []
    for n, piece in enumerate(_SENTENCE_END.split(content)):
        ids += [n] * len(words(piece))
    return ids if len(ids) == size else [0] * size


def _refusal_terms(
    content: str,
    tokens: Sequence[str],
    found: Found,
    own: list[Hit],
    skip: set[int],
    threat: bool,
    steps: Sequence[Hit] = (),
) -> StanceResult | None:
    """Conditional, for a refusal on terms; None otherwise; oppose when the restriction's clause
    names one of ``steps`` (the issue's ``held_until``): "no ceasefire until Kyiv leaves Donetsk"
    puts the point off until the other side has taken a step of the settlement, a refusal of the
    point as the plan offers it rather than terms laid on it.

    "Berlin would not unfreeze a single euro unless the ceasefire held", "no sanctions would be
    lifted until a ceasefire had held", "will not sign any guarantee that it cannot enforce",
    "was not opposed to a ceasefire, provided it was monitored": a negation with a restriction
    after it in its sentence lays terms on what is refused, so the speaker would accept on those
    terms (conditional). Not when the restriction's clause names the issue's own point ("a
    settlement is impossible without the withdrawal from Donbas" demands the withdrawal; "would
    not accept a deal that required giving up land" refuses the cession; "there can be no peace
    without justice" demands justice, the point of the amnesty question), nor a negator inside a
    litotes or a letting-go (``skip``), nor a restriction that is an idiom ("for as long as it
    takes"), nor a refusal backed by a threat (a demand: see ``explain``)."""
    if threat:
        return None
    restrictions = [
        h
        for h in _unmasked(found, "restriction")
        if tokens[h.start] not in _PARTICIPLE_OPENERS or (h.start > 0 and tokens[h.start - 1] == BOUNDARY)
    ]
    if not restrictions:
        return None
    inside = {i for h in restrictions for i in range(h.start, h.end)}
    negators = [h for h in found["negation"] if h.start not in skip and h.start not in inside]
    if not negators:
        return None
    sentence = _sentence_ids(content, len(tokens))
    for neg in negators:
        for r in restrictions:
            if not neg.end <= r.start <= neg.start + _TERMS_REACH or sentence[r.start] != sentence[neg.start]:
                continue
            end = _clause_end(tokens, r.end)
            if end == r.end or any(h.end > r.end and h.start < end for h in own):
                continue
            step = next((h for h in steps if r.end <= h.start < end), None)
            if step is not None:
                why = f"a refusal held until a step: {neg.pattern.source!r} ... {step.pattern.source!r}"
                return StanceResult("oppose", -1.0, why, (HELD,))
            why = f"a refusal on terms: {neg.pattern.source!r} ... {r.pattern.source!r}"
            return StanceResult("conditional", 1.0, why, (TERMS,))
    return None


def _put_after(tokens: Sequence[str], order: Sequence[Hit], steps: Sequence[Hit]) -> StanceResult | None:
    """Oppose, when the point is put after a step of the issue's ``held_until`` in the order
    marker's clause ("a truce could begin only after the troops had left the region"): the
    point is refused as the plan offers it, as "no truce until they leave" refuses it; None
    otherwise (an order of other steps, "only after the monitors are in place", stays a
    condition)."""
    for mark in order:
        end = _clause_end(tokens, mark.end)
        step = next((h for h in steps if mark.end <= h.start < end), None)
        if step is not None:
            why = f"put after a step: {mark.pattern.source!r} ... {step.pattern.source!r}"
            return StanceResult("oppose", -1.0, why, (HELD,))
    return None


def _clause_terms(tokens: Sequence[str], found: Found) -> Found:
    """``found`` with the words that state terms where they open a clause (", provided the
    inspectors stay") counted as an explicit condition and a clause of terms, as "provided that"
    is; elsewhere ("the allies provided the weapons") they are a plain verb."""
    opened = [h for h in found["clause_terms"] if h.start and tokens[h.start - 1] == BOUNDARY]
    if not opened:
        return found
    conditional, terms = found["conditional"] + opened, found["terms_clause"] + opened
    return {**found, "conditional": conditional, "terms_clause": terms}


def _refused_trades(tokens: Sequence[str], found: Found) -> Found:
    """``found`` without the explicit condition of a trade that a negation before it in its
    clause refuses: "Kyiv would give up no land in return for promises" and "will not lift
    sanctions in exchange for a pause" turn the trade down (the refusal is read as said), where
    "would give up land in return for guarantees" accepts it at a price (conditional). The
    opener still marks the price as terms (``terms_clause``): "promises" is not the speaker's side."""
    trades = {(h.start, h.end) for h in found["trade"]}
    if not trades:
        return found
    negations = [h.start for h in found["negation"]]
    refused = {
        (start, end)
        for start, end in trades
        if any(start - _TERMS_REACH <= n < start and BOUNDARY not in tokens[n:start] for n in negations)
    }
    if not refused:
        return found
    kept = [h for h in found["conditional"] if (h.start, h.end) not in refused]
    return {**found, "conditional": kept}


def _object_refused(tokens: Sequence[str], hit: Hit, skip: set[int]) -> bool:
    """Whether the issue's own wording is refused by a "no" on its object: "would give up no
    territory", "will cede no land" (the "accept no" of the general wording, for the point's own
    verbs). Not a measure ("withdraw no later than March", "no more than 50,000 troops")."""
    at = hit.end
    if hit.pattern.tag not in _WORDING or at >= len(tokens) or tokens[at] != "no" or at in skip:
        return False
    return at + 1 >= len(tokens) or tokens[at + 1] not in _MEASURES


def _outside_terms(tokens: Sequence[str], found: Found, hits: list[Hit]) -> tuple[list[Hit], set[str]]:
    """The hits outside a clause that states terms ("as long as our partners keep supplying
    weapons": ``terms_clause``), whose words are the terms and not the speaker's side, with the
    tag ``terms_wording`` (a model feature) when any was left out."""
    clauses = _condition_clauses(tokens, _unmasked(found, "terms_clause"))
    kept = [h for h in hits if not _inside(h.start, clauses)]
    return kept, {"terms_wording"} if len(kept) < len(hits) else set()


def _relative_restrictions(found: Found, tokens: Sequence[str]) -> list[Hit]:
    """The restrictions that define what is refused by a clause ("any agreement that ...",
    "a truce which ..."), not those that set a time or a condition ("unless", "until")."""
    return [h for h in _unmasked(found, "restriction") if tokens[h.end - 1] in _RELATIVES]


def _refused_clauses(content: str, tokens: Sequence[str], found: Found, skip: set[int]) -> set[int]:
    """The words of a clause that defines what a refusal turns down: in "Russia would not sign
    any agreement that allowed foreign troops into Ukraine" the troops are what is refused, so
    the issue's wording there counts negated, as it would right after the negator. Where the
    clause names none of the issue's wording, ``_refusal_terms`` reads terms instead."""
    restrictions = _relative_restrictions(found, tokens)
    if not restrictions:
        return set()
    inside = {i for h in restrictions for i in range(h.start, h.end)}
    negators = [h for h in found["negation"] if h.start not in skip and h.start not in inside]
    sentence = _sentence_ids(content, len(tokens)) if negators else []
    refused: set[int] = set()
    for neg in negators:
        for r in restrictions:
            if neg.end <= r.start <= neg.start + _TERMS_REACH and sentence[r.start] == sentence[neg.start]:
                refused |= set(range(r.end, _clause_end(tokens, r.end)))
    return refused


def _clause_end(tokens: Sequence[str], at: int) -> int:
    """Where the clause that goes on at ``at`` ends: the next boundary token, or the end."""
    while at < len(tokens) and tokens[at] != BOUNDARY:
        at += 1
    return at


def _clause_start(tokens: Sequence[str], at: int) -> int:
    """Where the clause that holds ``at`` starts: just after the boundary token before it, or 0."""
    while at > 0 and tokens[at - 1] != BOUNDARY:
        at -= 1
    return at


def _past_determiners(tokens: Sequence[str], at: int) -> int:
    """The first token at or after ``at`` that is no determiner ("a", "the", "any", "real")."""
    while at < len(tokens) and tokens[at] in _DETERMINERS:
        at += 1
    return at


def _clauses(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """The (start, end) of each clause, split at the boundary token."""
    out, start = [], 0
    for i, tok in enumerate(tokens):
        if tok == BOUNDARY:
            out.append((start, i))
            start = i + 1
    out.append((start, len(tokens)))
    return [(a, b) for a, b in out if b > a]


def _paired(
    tokens: Sequence[str], pairs: Sequence[tuple[tuple[str, ...], bool, tuple[str, ...]]]
) -> StanceResult | None:
    """Conditional, for two clauses of which the first is what the second depends on ("no
    American guarantee, no Danish soldiers", "stop the shelling first, then we can vote"); None
    otherwise. The first clause is short and opens (or, ``closing``, closes) with the pair's left
    words, the second opens with its right words and says more; the right words in the clause before or
    after make a list ("there was no deal, no progress, no date"), not a condition."""
    clauses = _clauses(tokens)
    for k in range(len(clauses) - 1):
        a, b = tokens[slice(*clauses[k])], tokens[slice(*clauses[k + 1])]
        if len(a) > _PAIR_CLAUSE:
            continue
        for left, closing, right in pairs:
            if len(a) <= len(left) or len(b) <= len(right) or tuple(b[: len(right)]) != right:
                continue
            if tuple(a[-len(left) :] if closing else a[: len(left)]) != left:
                continue
            beside = [tokens[slice(*clauses[j])] for j in (k - 1, k + 2) if 0 <= j < len(clauses)]
            if any(_has(clause, right) for clause in beside):
                continue
            why = f"a condition in two clauses: {' '.join(left)!r} ... {' '.join(right)!r}"
            return StanceResult("conditional", 1.0, why, (PAIRED,))
    return None


def _has(tokens: Sequence[str], seq: tuple[str, ...]) -> bool:
    """Whether ``seq`` occurs in ``tokens`` as consecutive words."""
    n = len(seq)
    return any(tuple(tokens[i : i + n]) == seq for i in range(len(tokens) - n + 1))


def _denied_kind(tokens: Sequence[str], found: Found, resisting: list[Hit]) -> StanceResult | None:
    """Conditional, when a kind of X is said not to be X ("elections under shelling are not
    elections", "a guarantee that exists only on paper is not a guarantee"); None otherwise.
    Denying that the qualified thing is the real one asks for the real one, on terms. The noun
    must come earlier in the clause with words after it (the qualifier): "the plan is not a
    plan" has none and is left to the other rules, and the denied noun ends the clause ("a line
    drawn by tanks is not a line we will ever sign" refuses the line). Nor where the qualified
    kind is resisting wording (``resisting``: the issue's anti or counter wording, any issue's
    counter wording):
    "a peacekeeper from a NATO country is not a peacekeeper" turns that kind down, and the other
    rules read it so."""
    for cop in found["copula"]:
        at = cop.end
        if at >= len(tokens) or tokens[at] not in NEGATORS:
            continue
        at += 1
        at = _past_determiners(tokens, at)
        if at >= len(tokens) or (at + 1 < len(tokens) and tokens[at + 1] != BOUNDARY):
            continue  # "is not a line we will ever sign": a refusal of it, not a denial
        start = _clause_start(tokens, cop.start)
        before = list(tokens[start : cop.start])
        if any(h.pattern.tag in _RESISTING and start <= h.start < cop.start for h in resisting):
            continue
        if tokens[at] in before and before.index(tokens[at]) < len(before) - 1:
            why = f"a kind of {tokens[at]!r} said not to be one"
            return StanceResult("conditional", 1.0, why, (DENIED_KIND,))
    return _lacking_kind(tokens, found)


def _lacking_kind(tokens: Sequence[str], found: Found) -> StanceResult | None:
    """Conditional, when a thing that lacks something is called one thing and not another: "a
    guarantee without a garrison is a promise, not a deterrent", "a truce without monitors is a
    pause, not peace". As with a kind denied (``_denied_kind``), the speaker asks for the thing
    with what it lacks. The subject must name the lack ("without" after its first word), and the
    two nouns must close the clause: "is a promise, not a deterrent we can count on" is left to
    the other rules."""
    for cop in found["copula"]:
        start = _clause_start(tokens, cop.start)
        if "without" not in tokens[start + 1 : cop.start]:
            continue
        at = cop.end
        at = _past_determiners(tokens, at)
        at += 1  # the noun it is called
        if at + 1 >= len(tokens) or tokens[at] != BOUNDARY or tokens[at + 1] not in NEGATORS:
            continue
        at += 2
        at = _past_determiners(tokens, at)
        if at < len(tokens) and (at + 1 == len(tokens) or tokens[at + 1] == BOUNDARY):
            why = f"a thing without what it needs said not to be a {tokens[at]!r}"
            return StanceResult("conditional", 1.0, why, (DENIED_KIND,))
    return None


def _praise(found: Found, negated: Callable[[Hit], bool]) -> list[Hit]:
    """Praise for how something went, in the language's words (``appraisal.yaml``'s positive
    class: "a terrific meeting", "the summit laid the foundation"): a position on the talks,
    support for them. Not negated praise ("it's no good", "not helpful": a complaint is not
    an opposition to talking), nor praise beside a failure or a held-back verdict ("difficult
    but businesslike", "useful, but too early to say"): a mixed verdict takes no side. A failure
    denied is praise too ("none of this means the talks are failing", "I am not pessimistic",
    "the talks have not stalled"): the negative class negated, its sign turned by the negator."""
    denied = [h for h in found["failure"] if negated(h)]
    if len(denied) < len(found["failure"]) or any(not negated(h) for h in found["reserve"]):
        return []
    return [h for h in found["praise"] if not negated(h)] + denied


def _unmasked(found: Found, group: str) -> list[Hit]:
    """Hits of a condition or open-point list outside the idioms that only look like one
    (``not_condition``): "for as long as it takes" is a duration, "if necessary" a hedge,
    "if Russia really wanted peace, it could have ..." an accusation, "at some point" a time."""
    hits = found[group]
    if not hits:
        return hits
    masked = {i for h in found["not_condition"] for i in range(h.start, h.end)}
    return [h for h in hits if masked.isdisjoint(range(h.start, h.end))]


def plan_support(
    classifier: StanceClassifier,
    content: str,
    cue: str | None = None,
    speaker_party: str | None = None,
    plan_issue: str = "plan_overall",
) -> str:
    """Stance toward the plan as a whole, whatever the statement's primary issue is."""
    return classifier.classify(content, [plan_issue], cue, speaker_party)


_WORDING = ("pro", "anti", "counter")  # the issue's own wording, what an evaluation may bear on
_CUE_RANK = {"anti": 0, "pro": 0, "counter": 0, "negative": 1, "positive": 1}


def _resolve(hits: list[Hit]) -> list[Hit]:
    """One reading per word: longer cues win, then issue-specific over general ones."""
    return longest_first(hits, lambda h: _CUE_RANK.get(h.pattern.tag, 2))


def _about(general: list[Hit], tokens: Sequence[str], issue_hits: list[Hit]) -> list[Hit]:
    """Evaluative words that bear on the issue: those in a clause that mentions it (or all of
    them when the content never names the issue, as in "it is a good basis")."""
    if not issue_hits:
        return general
    relevant = _segments_of(tokens, issue_hits)
    return [h for h in general if _segment(tokens, h.start) in relevant]


def _aimed(
    hit: Hit, tokens: Sequence[str], countered: set[int], objects: dict[int, int], by_start: dict[int, Hit]
) -> float:
    """-1 for an evaluation aimed at what resists the proposition, else 1: "will not accept
    Western troops" rejects the counter-proposal; "welcomed the refusal to cede land" backs
    the issue's anti wording."""
    if hit.pattern.tag not in ("positive", "negative"):
        return 1.0
    if hit.start in objects:
        return 1.0 if by_start[objects[hit.start]].pattern.weight > 0 else -1.0
    if _segment(tokens, hit.start) in countered:
        return -1.0
    return 1.0


def _evaluated_objects(tokens: Sequence[str], hits: list[Hit]) -> dict[int, int]:
    """Each evaluation ("accept", "unacceptable") followed in its clause by the issue's own
    wording, mapped to the first such wording: what is evaluated. The evaluation then decides,
    signed by what it evaluates: "would not accept a deal that required giving up land" rejects
    the withdrawal, though "giving up land" alone pushes for it (counting both cancelled out)."""
    out: dict[int, int] = {}
    for e in hits:
        if e.pattern.tag not in ("positive", "negative"):
            continue
        clause = _segment(tokens, e.start)
        after = [
            h
            for h in hits
            if h.pattern.tag in _WORDING and h.start >= e.end and _segment(tokens, h.start) == clause
        ]
        first = min(after, key=lambda h: h.start) if after else None
        if first is not None and first.pattern.tag != "counter":  # a counter-proposal: see ``_aimed``
            out[e.start] = first.start
    return out


def _segment(tokens: Sequence[str], pos: int) -> int:
    """Index of the clause (split at punctuation and "but", "however", ...) holding a token."""
    return sum(1 for tok in tokens[: pos + 1] if tok == BOUNDARY or tok in _CONTRAST)


def _segments_of(tokens: Sequence[str], hits: list[Hit]) -> set[int]:
    return {_segment(tokens, h.start) for h in hits}


def _negated_before(
    tokens: Sequence[str],
    start: int,
    negations: list[int],
    phrases: set[int] | None = None,
    skip: set[int] | None = None,
    bridges: set[int] | None = None,
) -> bool:
    """Whether a negator in the few words before ``start`` negates it; words in ``skip`` (a
    prerequisite's "no ... without") negate nothing, and words in ``bridges`` ("be asked to")
    are passed over without counting toward the few."""
    reach, i = _NEG_WINDOW, start - 1
    while i >= 0 and reach > 0:
        if bridges and i in bridges:
            i -= 1
            continue
        reach -= 1
        if tokens[i] == BOUNDARY:
            return False
        if skip and i in skip:
            i -= 1
            continue
        if phrases and i in phrases:
            return True
        if tokens[i] in NEGATORS or i in negations:
            # "without"/"no" govern the noun after them ("without a fight would ..."), not a later verb
            return tokens[i] not in _NOUN_NEGATORS or start - i <= 2
        i -= 1
    return False


def _before_turn(tokens: Sequence[str], hits: list[Hit]) -> list[Hit]:
    """The hits that no "but" (``_TURN``) follows: in "some issues remain open, but the key is
    that both sides want to continue" what comes after the turn is the speaker's point, and the
    open issues are conceded on the way to it."""
    turns = [i for i, tok in enumerate(tokens) if tok in _TURN]
    return [h for h in hits if not any(t >= h.end for t in turns)]


def _condition_clauses(tokens: Sequence[str], openers: list[Hit]) -> list[tuple[int, int]]:
    clauses = []
    for hit in openers:
        end = hit.end
        while end < len(tokens) and tokens[end] not in (BOUNDARY, "then"):
            end += 1
        clauses.append((hit.start, end))
    return clauses


def _inside(pos: int, clauses: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in clauses)


def _near(obligations: list[int], hit: Hit) -> bool:
    return any(hit.start - _NEG_WINDOW <= o <= hit.end for o in obligations)


__all__ = [
    "BOUNDED",
    "DENIED_KIND",
    "PAIRED",
    "REJECTION",
    "TERMS",
    "StanceClassifier",
    "StanceResult",
    "plan_support",
]
