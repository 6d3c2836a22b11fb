"""The explicit-reversal test: a cue counts only when it is about the speaker's own position."""

from __future__ import annotations

from redline.balance import reversal_test
from redline.knowledge.shift_cues import load_not_names, load_party_names, load_reversal_cues

SAYS = reversal_test(load_reversal_cues(), load_not_names(), load_party_names())
PESKOV = ("Dmitry Peskov", "russia")


def test_first_person_and_reported_speech_are_the_speakers_own() -> None:
    assert SAYS("we no longer insist on a cap for the army", PESKOV)
    assert SAYS("He said that he no longer opposes a summit", PESKOV)
    assert SAYS("The Kremlin, he added, now accepts the wording", PESKOV)  # the clause names no one


def test_a_named_other_is_a_report_of_their_change() -> None:
    assert not SAYS("the United States is no longer ready to sign the text", PESKOV)
    assert not SAYS("Kyiv now accepts the wording", PESKOV)


def test_the_speakers_own_names_and_its_partys_count_as_its_own() -> None:
    assert SAYS("Peskov no longer rejects the draft", PESKOV)
    assert SAYS("Moscow no longer rejects the draft", PESKOV)  # a place name of the party (actors.yaml)
    assert not reversal_test(load_reversal_cues(), load_not_names())("Moscow no longer rejects it", PESKOV)


def test_a_later_own_cue_counts_after_a_reported_one() -> None:
    text = "Washington now backs the text; we no longer reject it either"
    assert SAYS(text, PESKOV)
    assert not SAYS(text.split(";")[0], PESKOV)


def test_an_announced_revision_of_the_own_position_is_a_reversal() -> None:
    assert SAYS('Moscow\'s "negotiating position will be revised", he said', PESKOV)
    assert not SAYS("Kyiv's negotiating position will be revised soon", PESKOV)


def test_a_dropped_demand_a_softened_stance_and_a_forgone_ambition_are_reversals() -> None:
    zelensky = ("Volodymyr Zelensky", "ukraine")
    assert SAYS("he signalled a willingness to forgo the bid to join the alliance", zelensky)
    assert SAYS("Kyiv has dropped its demand for a full withdrawal first", zelensky)
    assert SAYS("he said he had softened his stance on a referendum", zelensky)
    assert SAYS("Ukraine shifted its position on the line of contact", zelensky)
    # the same words about another party report their change, not the speaker's
    assert not SAYS("Moscow has dropped its demand for the whole region", zelensky)
    assert not SAYS("the Kremlin shifted its position on the line of contact", zelensky)
