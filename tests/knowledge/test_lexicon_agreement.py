"""The stance lexicon's ``reporting`` verbs must stay reporting verbs of the cue lexicon.

``stance.reporting`` (issues.yaml) lists word forms and stems by which a "but" clause reports a
statement of its own; the cue lexicon (cues.yaml) lists lemmas the attribution rules read as
speech. The two files are edited apart, so a word added to one can drift from the other: this
test keeps every stance reporting word tied to a cue lemma, with the deliberate exceptions named.
"""

from __future__ import annotations

from redline.knowledge.cues import CueLexicon, load_cues
from redline.knowledge.issues import load_issues

# past forms a stem cannot reach
IRREGULAR = {"said": "say", "told": "tell"}
# reporting words that are not verbs of the cue lexicon by design: "according (to)" is a
# prepositional cue; "stopped short (of)" reports a statement withheld, which no rule counts as one
NOT_CUE_VERBS = {"according": ("according", "to"), "stopped short": None}


def _cue_lemmas(cues: CueLexicon) -> set[str]:
    return (
        set(cues.verb_kinds)
        | cues.object_verbs
        | cues.as_verbs
        | cues.as_it_verbs
        | cues.directive_verbs
        | cues.citing_verbs
        | cues.unsaying_verbs
    )


def _lemma_for(word: str, lemmas: set[str]) -> str | None:
    """The cue lemma a reporting form or stem ("noted", "emphasi*") belongs to, if any."""
    if word in IRREGULAR:
        return IRREGULAR[word] if IRREGULAR[word] in lemmas else None
    stem = word.rstrip("*")
    for lemma in sorted(lemmas):
        bare = lemma[:-1] if lemma.endswith("e") else lemma
        if lemma.startswith(stem) or stem.startswith(bare):
            return lemma
    return None


def test_every_stance_reporting_word_is_a_cue_verb_or_a_named_exception() -> None:
    cues = load_cues()
    lemmas = _cue_lemmas(cues)
    stray = [
        word
        for word in load_issues().stance.reporting
        if word not in NOT_CUE_VERBS and _lemma_for(word, lemmas) is None
    ]
    assert stray == [], f"add these to cues.yaml or to NOT_CUE_VERBS with a reason: {stray}"


def test_named_exceptions_are_still_needed_and_still_cues_where_claimed() -> None:
    cues = load_cues()
    lemmas = _cue_lemmas(cues)
    reporting = set(load_issues().stance.reporting)
    for word, phrase in NOT_CUE_VERBS.items():
        assert word in reporting, f"{word!r} left stance.reporting: drop it from NOT_CUE_VERBS"
        assert _lemma_for(word, lemmas) is None, f"{word!r} is a cue verb now: drop the exception"
        if phrase is not None:
            assert phrase in cues.prepositional


def test_the_matcher_tells_reporting_forms_from_other_words() -> None:
    lemmas = {"say", "note", "emphasize", "argue"}
    assert _lemma_for("said", lemmas) == "say"
    assert _lemma_for("noted", lemmas) == "note"
    assert _lemma_for("emphasi*", lemmas) == "emphasize"
    assert _lemma_for("arguing", lemmas) == "argue"
    assert _lemma_for("hoped", lemmas) is None
    assert _lemma_for("told", lemmas) is None
