"""Session 27 (issue 10): frames of PolNeAR's long tail that its profile now reads, each left as it
was under the guide's policy: what was spoken about as a wh-clause, a relative pronoun or a free
relative as the object that points back, a pro-form answer ("thinks so", "said no"), a passive
question put to someone, a poll's finding about a person, and a few deeds and attitudes listed as
data. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import triples
from redline.knowledge.cues import POLNEAR_POLICY, load_cues

pytestmark = pytest.mark.model

POLNEAR = load_cues(policy=POLNEAR_POLICY)
GUIDE = load_cues()


def _contents(nlp: Language, text: str, polnear: bool) -> list[str]:
    return [content for content, _, _ in triples(nlp, text, POLNEAR if polnear else GUIDE)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The ferry captain spoke about how the storm had closed the harbor.",
            "how the storm had closed the harbor",
        ),
        ("The coach talked about why the team had lost its nerve.", "why the team had lost its nerve"),
    ],
)
def test_polnear_takes_what_was_spoken_about_as_a_wh_clause(nlp: Language, text: str, content: str) -> None:
    assert _contents(nlp, text, polnear=True) == [content]
    assert _contents(nlp, text, polnear=False) == []


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("The council picked a builder who many residents strongly oppose.", "who", "many residents"),
        ("The plan, which the mayor denounced on Monday, passed anyway.", "which", "the mayor"),
        ("That is what the treasurer wrote last week.", "what", "the treasurer"),
    ],
)
def test_polnear_takes_a_relative_object_as_a_pointer(
    nlp: Language, text: str, content: str, source: str
) -> None:
    found = triples(nlp, text, POLNEAR)
    assert [(c, s) for c, _, s in found] == [(content, source)]
    assert triples(nlp, text, GUIDE) == []


def test_a_relative_pronoun_subject_is_no_pointer_object(nlp: Language) -> None:
    text = "The bridge, which the storm damaged, is closed."
    assert _contents(nlp, text, polnear=True) == []


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("The mayor thinks so, too.", ["so"]),
        ("Most voters said yes, but a third said no.", ["yes", "no"]),
        ("Her rivals never believed so.", ["so"]),
    ],
)
def test_polnear_takes_a_pro_form_answer_as_content(nlp: Language, text: str, answers: list[str]) -> None:
    assert _contents(nlp, text, polnear=True) == answers
    assert _contents(nlp, text, polnear=False) == []


def test_so_as_a_degree_word_is_no_answer(nlp: Language) -> None:
    assert _contents(nlp, "He said so loudly that everyone heard.", polnear=True) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "At a town meeting, the governor was asked about the new toll on the bridge.",
            "the new toll on the bridge",
        ),
        ("The actress was asked if she had ever been turned away.", "she had ever been turned away"),
    ],
)
def test_polnear_takes_a_passive_question_put_as_sourceless(nlp: Language, text: str, content: str) -> None:
    assert triples(nlp, text, POLNEAR) == [(content, "was asked", None)]
    assert triples(nlp, text, GUIDE) == []


def test_a_passive_request_to_act_is_no_question_put(nlp: Language) -> None:
    assert _contents(nlp, "The governor was asked to resign.", polnear=True) == []


def test_polnear_takes_a_polls_finding_about_a_person(nlp: Language) -> None:
    text = "A county poll shows Mayor Ruiz with a narrow lead over her rival."
    assert triples(nlp, text, POLNEAR) == [
        ("Mayor Ruiz with a narrow lead over her rival", "shows", "A county poll")
    ]
    assert triples(nlp, text, GUIDE) == []


def test_the_guide_keeps_its_reading_of_a_poll_with_a_standing(nlp: Language) -> None:
    text = "Polls show Ruiz up by ten points in the northern district."
    assert _contents(nlp, text, polnear=True) == ["Ruiz up by ten points in the northern district"]
    assert _contents(nlp, text, polnear=False) == ["Ruiz"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor would like to see the levy cut in half.", "to see the levy cut in half"),
        ("The board decided to close the pool for the summer.", "to close the pool for the summer"),
        ("Union leaders pushed for a shorter week.", "a shorter week"),
        ("The governor nominated a retired judge.", "a retired judge"),
        ("The ministry prohibited the sale of fireworks.", "the sale of fireworks"),
    ],
)
def test_polnear_lists_more_attitudes_and_deeds(nlp: Language, text: str, content: str) -> None:
    assert _contents(nlp, text, polnear=True) == [content]
    assert _contents(nlp, text, polnear=False) == []
