"""Session 31 (issue 9): issues the talks' annotators agree on and the lexicon missed. A blind
second annotation (``benchmarks/issue_agreement.py``) showed most of the issue loss falls on
statements where the gold and the second reader agree: the talks named by who travels, who
speaks with whom and who takes part; the guarantees named by Article 5 or a force in place; the
fighting named by stopping the strikes or the campaign going on; weapons read as the nuclear
plant. Sentences written for these tests."""

from __future__ import annotations

import pytest

from redline.extract.issues import IssueTagger
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def tagger() -> IssueTagger:
    return IssueTagger(load_issues())


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # the guarantees measured against NATO's clause, self-defence and a force in place
        ("what Kyiv wants is protection modelled on Article 5", "security_guarantees"),
        ("a country that can defend itself needs no promises", "security_guarantees"),
        ("an international force would watch the line", "security_guarantees"),
        ("the allies may station some troops near the border", "security_guarantees"),
        # the fighting by its acts and its course
        ("he asked Moscow to suspend its strikes on the power grid", "ceasefire"),
        ("the military campaign will go on through the winter", "ceasefire"),
        ("our forces hold the strategic initiative in the east", "ceasefire"),
        ("they would rather continue the war than give up an inch", "ceasefire"),
        # the trade the measures aim at and money for Ukraine's budget
        ("buyers in Asia were told to halt their purchases of crude", "sanctions_economy"),
        ("the council approved more financial support for Kyiv", "sanctions_economy"),
        # the talks by who travels, who speaks with whom and who takes part
        ("the envoys could fly in on Monday", "process"),
        ("she spoke with the secretary for an hour", "process"),
        ("Moscow will not take part until it sees the minutes", "process"),
        ("two representatives of the ministry stayed behind", "process"),
        ("Europe has to be involved in whatever is agreed", "process"),
        ("you cannot negotiate without the people who pay for it", "process"),
        ("we remain open to dialogue with Paris and Berlin", "process"),
    ],
)
def test_an_issue_the_readers_agree_on(tagger: IssueTagger, content: str, issue: str) -> None:
    assert issue in tagger.tag(content), tagger.explain(content)


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # NATO's clause as the yardstick is no membership question
        ("what Kyiv wants is protection modelled on Article 5", "nato"),
        # weapons and threats are not the plant
        ("the general threatened a nuclear strike on the capital", "nuclear_plant"),
        ("they spoke openly of nuclear weapons in Belarus", "nuclear_plant"),
    ],
)
def test_not_that_issue(tagger: IssueTagger, content: str, issue: str) -> None:
    assert issue not in tagger.tag(content), tagger.explain(content)


def test_the_plant_still_named(tagger: IssueTagger) -> None:
    assert "nuclear_plant" in tagger.tag("the nuclear plant at the river must restart under inspectors")
