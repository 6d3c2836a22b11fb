"""Headlines closed by their source and a speech verb: "Talks productive, Kremlin says".

Headline-ese drops the copula ("deal close"), so the parser finds no clause for "says" to report;
the line's shape decides. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.extract.attribution import find_attributions
from redline.knowledge.cues import load_cues

pytestmark = pytest.mark.model

BODY = "\n\nGENEVA (Wire) - The delegations met again on Monday, officials said."


def _found(nlp: Language, headline: str) -> list[tuple[str, str | None]]:
    doc = nlp(headline + BODY)
    out = []
    for a in find_attributions(doc, load_cues()):
        if a.content[0] < len(headline):
            source = doc.text[a.source[0] : a.source[1]] if a.source else None
            out.append((doc.text[a.content[0] : a.content[1]], source))
    return out


@pytest.mark.parametrize(
    ("headline", "content", "source"),
    [
        ("Grain corridor talks productive, Ankara says", "Grain corridor talks productive", "Ankara"),
        (
            "No truce without a pullback, Moldovan minister says",
            "No truce without a pullback",
            "Moldovan minister",
        ),
        ("Border deal close, officials said", "Border deal close", "officials"),
    ],
)
def test_a_headline_signed_by_source_and_verb_is_a_statement(
    nlp: Language, headline: str, content: str, source: str
) -> None:
    assert _found(nlp, headline) == [(content, source)]


@pytest.mark.parametrize(
    "headline",
    [
        # the verb is not a finite "says"/"said": the line is not signed
        "Ukraine wants security, but its people must have their say",
        # the words before the verb are a clause, not a source
        "If the talks fail, the region will face a harsh winter",
    ],
)
def test_lines_of_other_shapes_are_not_signed_headlines(nlp: Language, headline: str) -> None:
    assert _found(nlp, headline) == []


def test_a_sentence_with_a_stop_is_running_text(nlp: Language) -> None:
    doc = nlp("The ministers met. Turnout was low, organisers said\n\nMore text follows here.")
    found = [doc.text[a.content[0] : a.content[1]] for a in find_attributions(doc, load_cues())]
    assert all("ministers met" not in c for c in found), found
