"""Issue tagging on short sentences written for these tests."""

from __future__ import annotations

import pytest

from redline.extract.issues import IssueTagger
from redline.extract.lexicon import Pattern, find_all, words
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def tagger() -> IssueTagger:
    return IssueTagger(load_issues())


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        ("the 20-point framework is a reasonable starting point", "plan_overall"),
        ("Kyiv would pull its troops out of the Donetsk region", "territory"),
        ("a demilitarised buffer zone along the line of contact", "territory"),
        ("Washington would recognise Crimea as de facto Russian", "recognition"),
        ("Ukraine must abandon its bid to join NATO", "nato"),
        ("the alliance promised not to enlarge further", "nato"),
        ("the army would be capped at 600,000 troops", "military_limits"),
        ("Kyiv needs Article 5-like security guarantees from its partners", "security_guarantees"),
        ("there can be no amnesty for war crimes", "amnesty_justice"),
        ("frozen Russian assets would fund reconstruction", "sanctions_economy"),
        ("Russia would be invited back into the G8", "sanctions_economy"),
        ("Ukraine must hold elections within 100 days", "elections_legitimacy"),
        ("an immediate ceasefire along the front", "ceasefire"),
        ("Russian forces kept advancing near Pokrovsk", "ceasefire"),
        ("the IAEA would supervise the nuclear power plant", "nuclear_plant"),
        ("all prisoners of war would be exchanged", "humanitarian"),
        ("deported children must be returned to their families", "humanitarian"),
        ("the rights of Russian speakers and the church must be protected", "language_religion"),
        ("Ukraine would be eligible for EU membership", "eu_membership"),
        ("the delegations will meet again in Geneva", "process"),
        ("the special envoy will travel to Moscow", "process"),
        ("Europe must have a seat at the table", "process"),
        ("Russian troops took control of two more villages", "ceasefire"),
    ],
)
def test_each_issue_is_found_as_primary(tagger: IssueTagger, content: str, issue: str) -> None:
    assert tagger.tag(content)[0] == issue


def test_several_issues_primary_first(tagger: IssueTagger) -> None:
    issues = tagger.tag("Ukraine must cede Donbas and the world must recognise Russia's gains")
    assert issues[:2] == ["territory", "recognition"]


def test_the_plan_as_a_whole_stays_behind_specific_issues(tagger: IssueTagger) -> None:
    assert tagger.tag("the deal must recognise Crimea as Russian") == ["recognition", "territory"]
    assert tagger.tag("the plan was changed, dropping the amnesty") == ["amnesty_justice", "plan_overall"]


def test_subjectless_content_borrows_the_antecedent(tagger: IssueTagger) -> None:
    sentence = "He expects more talks with the envoy, which he said should cover Crimea."
    assert set(tagger.tag("should cover Crimea", sentence)) == {"territory", "process"}
    assert tagger.tag("should cover Crimea") == ["territory"]


def test_pronoun_content_borrows_the_sentence(tagger: IssueTagger) -> None:
    sentence = "Asked about the draft peace plan, he said it was a fair basis."
    assert tagger.tag("it was a fair basis", sentence) == ["plan_overall"]
    assert tagger.tag("it was a fair basis") == []


def test_nuclear_plant_name_is_not_territory(tagger: IssueTagger) -> None:
    assert tagger.tag("the Zaporizhzhia nuclear power plant would restart") == ["nuclear_plant"]


def test_president_or_electricity_do_not_make_elections(tagger: IssueTagger) -> None:
    assert "elections_legitimacy" not in tagger.tag("President Trump said electricity would be shared")


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   ",
        "the weather was cold",
        "Die NATO-Mitgliedschaft der Ukraine ist ausgeschlossen",
        "Украина должна вывести войска из Донбасса",
    ],
)
def test_nothing_to_tag(tagger: IssueTagger, content: str) -> None:
    assert tagger.tag(content) == []


def test_explain_names_the_words(tagger: IssueTagger) -> None:
    (score,) = tagger.explain("no amnesty for war crimes")
    assert score.issue == "amnesty_justice"
    assert "amnest*" in score.words


def test_order_lists_issues_as_the_content_first_names_them(tagger: IssueTagger) -> None:
    order = tagger.order("sanctions will stay in place until an immediate ceasefire along the front")
    assert order[:2] == ["sanctions_economy", "ceasefire"]
    order = tagger.order("an immediate ceasefire along the front, then the sanctions can be eased")
    assert order[:2] == ["ceasefire", "sanctions_economy"]
    assert tagger.order("the weather was mild on Tuesday") == []


@pytest.mark.parametrize(
    "content",
    [
        "any foreign contingent on Ukrainian soil would be a legitimate target",
        "the deal must respect the legitimate security interests of every side",
    ],
)
def test_a_masking_phrase_is_not_the_issue_its_words_suggest(tagger: IssueTagger, content: str) -> None:
    """'legitimate target' is a threat, not a question of legitimacy (terms of weight 0)."""
    assert "elections_legitimacy" not in tagger.tag(content)
    assert "elections_legitimacy" in tagger.tag("he is no longer the legitimate president")


def test_foreign_contingents_are_the_troops_question(tagger: IssueTagger) -> None:
    assert tagger.tag("any foreign contingent on Ukrainian soil would be a legitimate target")[0] == "nato"


@pytest.mark.parametrize(
    ("content", "cue", "signals"),
    [
        # a verdict on the negotiations, whatever words name them
        ("the round in the capital was difficult but useful", "said", {"appraisal", "frame=eval"}),
        ("the new text is a sound basis for a settlement", "said", {"appraisal", "frame=eval"}),
        # the arrangements of talks: the calendar, travel, who hands what to whom
        ("the two teams will meet again on Thursday", "said", {"scheduling", "frame=sched"}),
        ("the envoys flew to the Gulf for another round", "said", {"scheduling", "frame=sched"}),
        ("the draft was handed to the other side's negotiators", "said", {"scheduling", "frame=sched"}),
        # an evaluation carried by the cue ("hailed the talks")
        ("the latest talks", "hailed", {"cue_appraisal", "frame=none"}),
        ("the weather was cold", "said", {"frame=none"}),
    ],
)
def test_frame_signals_tell_a_verdict_from_an_arrangement(
    tagger: IssueTagger, content: str, cue: str, signals: set[str]
) -> None:
    found = tagger.frame_signals(content, cue)
    assert signals <= set(found)
    assert not ({"appraisal", "scheduling", "cue_appraisal"} - signals) & set(found)


def test_frame_signals_are_crossed_with_the_frame_words_used(tagger: IssueTagger) -> None:
    # "talks" with a verdict is a position on the negotiations (the appraisal counts for the
    # plan as a whole); "the plan" being sent on is a process fact
    assert "eval&plan_overall" in tagger.frame_signals("the talks were tough but constructive", "said")
    assert "sched&plan_overall" in tagger.frame_signals("the plan will be sent to Moscow on Friday", "said")
    assert not any("&" in s for s in tagger.frame_signals("the weather was cold", "said"))


@pytest.mark.parametrize(
    ("content", "classes"),
    [
        # verdicts on a meeting, whichever words carry them
        ("the envoys had an excellent, very productive session", {"positive"}),
        ("the second round was tense and went nowhere in the end", {"negative"}),
        ("it is premature to say whether the text will hold", {"hedge"}),
        # logistics: the calendar, travel, handling a text, no comment
        ("the delegations arrived in the capital late in the evening", {"movement", "time"}),
        ("the foreign ministry has not received the document through official channels", {"handling"}),
        ("the spokesman declined to comment on the visit", {"silence"}),
    ],
)
def test_word_classes_name_verdicts_and_logistics(
    tagger: IssueTagger, content: str, classes: set[str]
) -> None:
    assert classes <= set(tagger.word_classes(content))


def test_a_verdict_is_no_logistics_and_a_timetable_no_verdict(tagger: IssueTagger) -> None:
    verdict = set(tagger.word_classes("the discussions were frank and constructive"))
    assert "positive" in verdict
    assert not verdict & {"time", "movement", "handling", "silence"}
    timetable = set(tagger.word_classes("the two teams will sit down again on Thursday at noon"))
    assert {"time", "movement"} <= timetable
    assert not timetable & {"positive", "negative"}
    assert tagger.word_classes("the river runs north of the city") == []


def test_word_classes_are_remembered_without_sharing_the_list() -> None:
    """The memo gives the same classes as a fresh reading, and a caller's edit cannot reach it."""
    fresh, used = IssueTagger(load_issues()), IssueTagger(load_issues())
    text = "the talks on Friday were productive, though the venue is not yet fixed"
    first = used.word_classes(text)
    first.append("tampered")
    assert used.word_classes(text) == fresh.word_classes(text)
    assert "tampered" not in used.word_classes(text)


# written for these tests: verdicts, logistics, both and neither, with issue words in varied order
_CLASS_TEXTS = (
    "the talks on Friday were productive, though the venue is not yet fixed",
    "the envoy flew to Geneva on Monday and handed over the draft",
    "it is too early to judge whether sanctions relief will follow a ceasefire",
    "the ministry declined to comment on the troop cap or the frozen assets",
    "a disastrous meeting, said one aide; a constructive one, said another",
    "the river runs north of the city",
    "",
)


def test_word_classes_read_in_one_pass_are_those_of_each_class_read_alone() -> None:
    """The classes' patterns are matched together; each class is found exactly when its own
    patterns, read by themselves, match (and listed in the file's order)."""
    taxonomy = load_issues()
    tagger = IssueTagger(taxonomy)
    for text in _CLASS_TEXTS:
        alone = [
            name
            for name, patterns in taxonomy.appraisal.classes.items()
            if patterns and find_all([Pattern.compile(w) for w in patterns], words(text))
        ]
        assert tagger.word_classes(text) == alone, text
    assert any(tagger.word_classes(t) for t in _CLASS_TEXTS)  # the texts do carry classes


def test_the_issue_order_is_remembered_as_read_afresh_and_within_bounds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fresh, used = IssueTagger(load_issues()), IssueTagger(load_issues())
    texts = ["sanctions first, then the army cap", "the army cap, then sanctions", *_CLASS_TEXTS]
    for text in texts * 2:
        got = used.order(text)
        assert got == fresh.order(text) == IssueTagger(load_issues()).order(text), text
        got.append("tampered")  # a caller's edit does not reach the memo
        assert "tampered" not in used.order(text)
    assert used.order(texts[0])[:2] == ["sanctions_economy", "military_limits"]
    # bounded: the memo starts afresh rather than grow with every statement of a long run
    monkeypatch.setattr("redline.extract.issues._TEXTS_REMEMBERED", 3)
    used = IssueTagger(load_issues())  # the bound is read when a tagger makes its memos
    for n in range(10):
        used.order(f"sanctions, item {n}")
        used.word_classes(f"productive, item {n}")
    assert len(used._orders) <= 3
    assert len(used._word_classes) <= 3
