"""Issues and stance as users get them (rules plus the shipped model), on sentences written for
these tests; and the guarantees around the shipped weights."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from redline.extract.classify import StatementClassifier
from redline.extract.features import StatementInput, bucket, issue_features, side_features, stance_features
from redline.extract.issues import IssueTagger
from redline.extract.linear import LinearModel
from redline.extract.stance import StanceClassifier
from redline.knowledge.classifiers import ClassifierWeights, load_weights, parse_weights
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def weights() -> ClassifierWeights:
    loaded = load_weights()
    assert loaded is not None, "the package ships classifiers.json"
    return loaded


@pytest.fixture(scope="module")
def combined(weights: ClassifierWeights) -> StatementClassifier:
    return StatementClassifier(load_issues(), weights)


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues())


def test_shipped_weights_load_and_fit_the_packaged_taxonomy(weights: ClassifierWeights) -> None:
    taxonomy = load_issues()
    assert weights.fits(taxonomy.ids)
    assert set(weights.stance.classes) == {"support", "oppose", "conditional", "neutral"}
    assert len(weights.issues.weights) > 100 and len(weights.stance.weights) > 100
    assert 0 < weights.issue_floor <= weights.issue_threshold < 1


def test_extractor_does_not_import_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from redline.extract.pipeline import Extractor\n"
        "from redline.knowledge.classifiers import load_weights\n"
        "from redline.extract.classify import StatementClassifier\n"
        "from redline.knowledge.issues import load_issues\n"
        "from redline.extract.features import StatementInput\n"
        "c = StatementClassifier(load_issues(), load_weights())\n"
        "assert c.weights is not None\n"
        "c.decide(StatementInput('Ukraine will never give up Donbas', cue='said', party='ukraine'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'scipy')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_feature_hash_is_stable() -> None:
    # crc32, not Python's salted hash(): the shipped weights depend on these exact buckets
    assert bucket("w=withdraw", 1 << 18) == 86501


def test_a_user_taxonomy_falls_back_to_the_rules(weights: ClassifierWeights) -> None:
    taxonomy = load_issues()
    other = LinearModel(("territory", "nato"), 8, (0.0, 0.0), {}, multilabel=True)
    foreign = ClassifierWeights(other, weights.stance, 0.5, 0.2, 3, 0.5, 0.15, frozenset())
    classifier = StatementClassifier(taxonomy, foreign)
    assert classifier.weights is None
    decision = classifier.decide(StatementInput("Ukraine will never give up Donbas", cue="said"))
    assert decision.issues and decision.issues_by == "rule" and decision.stance_by == "rule"


def test_malformed_weights_are_a_config_error() -> None:
    from redline.errors import ConfigError

    with pytest.raises(ConfigError):
        parse_weights({"format": 99})
    with pytest.raises(ConfigError):
        parse_weights({"format": 1, "combine": {}, "issues": {}, "stance": {}})


@pytest.mark.parametrize(
    ("content", "cue", "party", "issue", "stance"),
    [
        # refusals and negated demands
        (
            "we will never hand our eastern regions over to the invader",
            "said",
            "ukraine",
            "territory",
            "oppose",
        ),
        (
            "Kyiv has no right to give away land that belongs to its people",
            "said",
            "ukraine",
            "territory",
            "oppose",
        ),
        ("Ukrainian forces must pull out of the rest of Donbas", "said", "russia", "territory", "support"),
        # conditionals
        (
            "we could sign the framework only if our partners give binding guarantees",
            "said",
            "ukraine",
            "plan_overall",
            "conditional",
        ),
        # calls for more pressure on Russia oppose sanctions relief
        (
            "the allies should impose tougher sanctions on Moscow's oil exports",
            "said",
            "europe",
            "sanctions_economy",
            "oppose",
        ),
    ],
)
def test_rules_read_polarity_and_modality(
    rules: StanceClassifier, content: str, cue: str, party: str, issue: str, stance: str
) -> None:
    result = rules.explain(content, [issue], cue, party)
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    "content",
    [
        "the meeting with the American envoys was very constructive",
        "the negotiators made real progress in Florida this week",
        "the latest round of talks was a significant step forward",
    ],
)
def test_appraisal_of_the_talks_is_plan_overall_not_process(content: str) -> None:
    tagger = IssueTagger(load_issues())
    issues = tagger.tag(content)
    assert issues, "an appraisal of the talks has an issue"
    assert issues[0] == "plan_overall"
    assert "process" not in issues


def test_a_process_fact_stays_process() -> None:
    tagger = IssueTagger(load_issues())
    issues = tagger.tag("the delegations will meet again in Geneva next week")
    assert issues and issues[0] == "process"


@pytest.mark.parametrize(
    ("content", "cue", "party", "stance"),
    [
        # positive talk about the talks is support for the negotiations
        ("the meeting with the American envoys was very constructive", "said", "russia", "support"),
        (
            "we are very optimistic that a settlement is within reach",
            "told reporters",
            "united_states",
            "support",
        ),
        # refusal
        ("Ukraine will never surrender Donbas, not one inch of it", "said", "ukraine", "oppose"),
        # negation reaching a separated verb ("pull ... out of") and the news shorthand for Donbas
        ("we are not going to pull our soldiers out of the eastern regions", "said", "ukraine", "oppose"),
        ("Kyiv will not give up a single village in Donetsk", "said", "ukraine", "oppose"),
        # conditionals and red lines
        (
            "we are ready to sign the framework, but only if our sovereignty is fully respected",
            "said",
            "ukraine",
            "conditional",
        ),
        # reported evaluations of the plan and of the talks
        ("the document is a workable basis for an agreement", "called", "russia", "support"),
        ("the proposal is simply unacceptable to us", "said", "ukraine", "oppose"),
        # calls for more pressure oppose sanctions relief
        ("Europe must keep up the economic pressure on Moscow", "said", "europe", "oppose"),
        # a process fact takes no side
        ("the delegations will meet again in Geneva next week", "said", "united_states", "neutral"),
    ],
)
def test_combined_stance(
    combined: StatementClassifier, content: str, cue: str, party: str, stance: str
) -> None:
    decision = combined.decide(StatementInput(content, context=content, cue=cue, party=party))
    assert decision.issues, "the statement gets an issue"
    assert decision.stance == stance, decision.explain()


def test_reported_evaluation_counts_for_the_speaker(rules: StanceClassifier) -> None:
    # "called the draft a good basis": the evaluation is the cue's object, reported
    result = rules.explain(
        "the draft a good basis for a final settlement", ["plan_overall"], "called", "russia"
    )
    assert result.stance == "support", result.reason


def test_explain_says_which_component_decided(combined: StatementClassifier) -> None:
    decision = combined.decide(
        StatementInput("the talks in Geneva were productive", cue="said", party="united_states")
    )
    explained = decision.explain()
    assert explained["issues"]["decided_by"] in ("rule", "model", "model+rule")
    assert explained["stance"]["decided_by"] in ("rule", "model")
    assert explained["stance"]["why"].startswith(explained["stance"]["decided_by"] + ": ")
    if decision.stance_by == "model":
        assert "p=" in explained["stance"]["why"]


def test_stance_features_carry_rule_and_party() -> None:
    feats = stance_features(
        StatementInput("we reject it", cue="said", party="ukraine"), "territory", "oppose", -1, []
    )
    assert "rule=oppose" in feats and "party_issue=ukraine:territory" in feats and "cue=said" in feats


@pytest.mark.parametrize(
    ("content", "party", "polarity"),
    [
        ("our country will never hand over that land", "ukraine", "neg"),
        ("the other side must pull its troops out of the region", "russia", "dem"),
        ("the envoys arrived in the capital on Monday", "usa", "flat"),
    ],
)
def test_the_side_features_cross_party_issue_and_polarity(content: str, party: str, polarity: str) -> None:
    """The same refusal is a different side from different parties: the model must see which
    party refuses or demands what, not only that words are negative."""
    feats = side_features(StatementInput(content, party=party), "territory", [])
    crossed = [f for f in feats if f.startswith("ppi=")]
    assert crossed == [f"ppi={party}:territory:{polarity}"]
    assert f"pn={party}:{polarity == 'neg'}" in feats


def test_a_welcome_reading_marks_the_polarity() -> None:
    item = StatementInput("a good step", party="usa")
    feats = side_features(item, "plan_overall", ["positive"])
    assert "ppi=usa:plan_overall:pos" in feats


def _tiny(taxonomy_ids: tuple[str, ...], issue_bias: dict[str, float], **kwargs: object) -> ClassifierWeights:
    """Hand-made weights: fixed issue probabilities (bias only) and a stance model that always
    finds a position, so a test can pin what the combination does with them."""
    issues = LinearModel(
        taxonomy_ids, 8, tuple(issue_bias.get(i, -9.0) for i in taxonomy_ids), {}, multilabel=True
    )
    stance = LinearModel(("conditional", "neutral", "oppose", "support"), 8, (0.0, -9.0, 0.0, 1.0), {})
    return ClassifierWeights(issues, stance, 0.4, 0.25, 3, 0.25, 1.01, frozenset(), **kwargs)  # type: ignore[arg-type]


def test_the_best_issue_is_kept_from_the_floor_below_the_threshold() -> None:
    taxonomy = load_issues()
    # sanctions at p=0.22: under the threshold (0.4), kept from a floor of 0.2, not from 0.25
    tiny = _tiny(taxonomy.ids, {"sanctions_economy": -1.266})
    item = StatementInput("they spoke about it at length")
    assert StatementClassifier(taxonomy, tiny).tagger.tag(item.content) == []
    kept = StatementClassifier(taxonomy, replace(tiny, issue_floor=0.2)).decide(item)
    assert kept.issues == ["sanctions_economy"] and kept.issues_by == "model", kept.explain()
    below = StatementClassifier(taxonomy, replace(tiny, issue_floor=0.25)).decide(item)
    assert below.issues == [], below.explain()


def test_the_two_generic_frames_compete() -> None:
    taxonomy = load_issues()
    # the plan as a whole at p=0.88, the process at p=0.73: one frame, the likelier
    odds = {"plan_overall": 2.0, "process": 1.0}
    one = StatementClassifier(taxonomy, _tiny(taxonomy.ids, odds, generic_pair=0.8))
    assert one.decide(StatementInput("they spoke about it at length")).issues == ["plan_overall"]
    # unless the second is likely enough by itself
    both = StatementClassifier(taxonomy, _tiny(taxonomy.ids, odds, generic_pair=0.7))
    assert both.decide(StatementInput("they spoke about it at length")).issues == ["plan_overall", "process"]


@pytest.mark.parametrize(
    ("odds", "pair", "issues"),
    [
        # the two frames about as likely (p=0.62 and 0.57): both, the likelier first, which is
        # the one the stance is read toward
        ({"plan_overall": 0.5, "process": 0.3}, 0.5, ["plan_overall", "process"]),
        ({"plan_overall": 0.3, "process": 0.5}, 0.5, ["process", "plan_overall"]),
        # a named issue stays first, the hedged frames after it
        (
            {"territory": 2.0, "plan_overall": 0.5, "process": 0.3},
            0.5,
            ["territory", "plan_overall", "process"],
        ),
        # the second frame under the pair's probability (p=0.57 against 0.6): the likelier alone
        ({"plan_overall": 0.5, "process": 0.3}, 0.6, ["plan_overall"]),
        # nor is a frame under the threshold (p=0.38) kept as a hedge
        ({"plan_overall": 0.5, "process": -0.5}, 0.3, ["plan_overall"]),
    ],
)
def test_the_second_frame_hedges_after_the_first(
    odds: dict[str, float], pair: float, issues: list[str]
) -> None:
    taxonomy = load_issues()
    classifier = StatementClassifier(taxonomy, _tiny(taxonomy.ids, odds, generic_pair=pair))
    decision = classifier.decide(StatementInput("they spoke about it at length"))
    assert decision.issues == issues, decision.explain()


def test_a_named_issue_is_kept_beside_a_frame() -> None:
    taxonomy = load_issues()
    odds = {"territory": 2.0, "plan_overall": 1.0, "process": 0.5}
    classifier = StatementClassifier(taxonomy, _tiny(taxonomy.ids, odds, generic_pair=0.8))
    assert classifier.decide(StatementInput("they spoke about it at length")).issues == [
        "territory",
        "plan_overall",
    ]


def test_the_polarity_model_reads_the_side_once_a_position_is_found() -> None:
    taxonomy = load_issues()
    odds = {"territory": 2.0}
    # the four-way model leans to support; the three-way side model says oppose
    side = LinearModel(("conditional", "oppose", "support"), 8, (0.0, 2.0, 0.0), {})
    with_side = StatementClassifier(taxonomy, _tiny(taxonomy.ids, odds, polarity=side))
    without = StatementClassifier(taxonomy, _tiny(taxonomy.ids, odds))
    item = StatementInput("they spoke about it at length", cue="said", party="ukraine")
    assert without.decide(item).stance == "support"
    decision = with_side.decide(item)
    assert decision.stance == "oppose" and decision.stance_by == "model", decision.explain()


def test_the_models_frame_stands_when_the_words_name_the_other() -> None:
    taxonomy = load_issues()
    # the model leans to "process" while the words name only the plan: "the plan" and "talks"
    # name both frames, and the model has weighed the two, so its frame is not swapped
    classifier = StatementClassifier(taxonomy, _tiny(taxonomy.ids, {"process": 2.0}, generic_pair=0.8))
    decision = classifier.decide(StatementInput("nobody has seen a final version of the plan yet"))
    assert decision.issues == ["process"] and decision.issues_by == "model", decision.explain()
    assert "rule:" not in decision.explain()["issues"]["why"], decision.explain()
    # the model leaning to the plan keeps it too, on words that name the process
    plan = StatementClassifier(taxonomy, _tiny(taxonomy.ids, {"plan_overall": 2.0}, generic_pair=0.8))
    worded = plan.decide(StatementInput("the delegations will meet again in Geneva next week"))
    assert worded.issues == ["plan_overall"], worded.explain()
    # a specific issue the lexicon names outright is still added beside the model's frame
    named = classifier.decide(StatementInput("nobody has seen a final version of the plan on Crimea yet"))
    assert named.issues[0] == "territory" and "process" in named.issues, named.explain()
    assert named.issues_by == "model+rule", named.explain()


def test_the_lexicon_adds_no_frame_beside_a_specific_issue() -> None:
    taxonomy = load_issues()
    # the model finds only the sanctions; the words name the peace plan and the talks outright,
    # but every statement on the negotiations does, and the model has weighed those words
    classifier = StatementClassifier(taxonomy, _tiny(taxonomy.ids, {"sanctions_economy": 2.0}))
    item = StatementInput("the peace plan would lift the sanctions on the central bank, the talks showed")
    assert {"plan_overall", "process"} & set(classifier.tagger.tag(item.content)), "the words name a frame"
    decision = classifier.decide(item)
    assert decision.issues == ["sanctions_economy"], decision.explain()
    assert decision.issues_by == "model", decision.explain()
    # a specific issue the words name outright still joins the model's
    worded = classifier.decide(StatementInput("the peace plan would lift the sanctions and return Crimea"))
    assert worded.issues == ["sanctions_economy", "territory"], worded.explain()
    assert worded.issues_by == "model+rule", worded.explain()


def test_the_document_topic_is_its_most_named_specific_issue() -> None:
    classifier = StatementClassifier(load_issues())
    document = (
        "Ministers met in Vienna to discuss the plan. The freeze of the central bank's assets was the "
        "main dispute: one side wants the frozen assets used for reconstruction, the other calls any "
        "seizure of the assets theft. Sanctions were also raised."
    )
    topic = classifier.topic(StatementInput("this is theft", document=document))
    assert topic and topic[0] == "sanctions_economy"
    assert "plan_overall" not in topic and "process" not in topic  # every article names the talks
    assert classifier.topic(StatementInput("this is theft")) == ()


def test_both_models_see_the_document_topic() -> None:
    item = StatementInput("it would backfire", cue="said", party="russia")
    issue = issue_features(item, [], {}, ("sanctions_economy",))
    assert "doc=sanctions_economy" in issue and "doc1=sanctions_economy" in issue
    stance = stance_features(item, None, "neutral", 0.0, [], topic=("sanctions_economy",))
    assert "doc1=sanctions_economy" in stance
    assert "doc1=none" in issue_features(item, [], {})


def test_a_rule_oppose_needs_more_from_the_model_than_other_rule_stances() -> None:
    taxonomy = load_issues()
    bias = tuple(2.0 if i == "territory" else -9.0 for i in taxonomy.ids)
    issues = LinearModel(taxonomy.ids, 8, bias, {}, multilabel=True)
    stance = LinearModel(("conditional", "neutral", "oppose", "support"), 8, (0.0, -9.0, 0.0, 1.0), {})
    # the side model prefers support and gives oppose p=0.27
    side = LinearModel(("conditional", "oppose", "support"), 8, (-9.0, 0.0, 1.0), {})
    item = StatementInput("we will never give up Donbas", cue="said", party="ukraine")

    def decide(floors: dict[str, float]) -> str:
        weights = ClassifierWeights(
            issues, stance, 0.4, 0.25, 3, 0.25, 0.05, frozenset(), polarity=side, rule_floors=floors
        )
        return StatementClassifier(taxonomy, weights).decide(item).stance

    assert decide({}) == "oppose"  # the rule's refusal stands from p=0.05
    assert decide({"oppose": 0.4}) == "support"  # not when "oppose" needs p=0.4 (a made-up floor)


@pytest.mark.parametrize(
    "content",
    [
        "the agreement has to be just and lasting",
        "a settlement must be fair to the people who live there",
        "whatever is signed must fully respect the constitution",
    ],
)
def test_a_requirement_laid_on_the_deal_is_conditional(rules: StanceClassifier, content: str) -> None:
    result = rules.explain(content, ["plan_overall"], "said", "europe")
    assert result.stance == "conditional", result.reason


def test_the_issue_model_sees_the_issues_named_around_the_statement() -> None:
    classifier = StatementClassifier(load_issues(), None)
    filler = "The weather in the capital stayed cold all week and the markets were calm. " * 12
    document = (
        f"{filler}\n\nThe envoys argued for hours over the cap on the size of the army. "
        "One minister said it would leave the country defenceless. The draft was not changed.\n\n"
        f"{filler}Sanctions on the central bank were tightened again."
    )
    item = StatementInput("it would leave the country defenceless", cue="said", document=document)
    assert classifier.near(item) == ("military_limits",)
    assert "near=military_limits" in classifier.issue_features(item)
    # the sanctions paragraph is part of the document's topic, but too far away to be near
    assert "sanctions_economy" not in classifier.near(item)
    assert "sanctions_economy" in classifier.topic(item)
    # the content's own words are not its surroundings: they are features of their own
    alone = StatementInput("the cap on the army", document=f"{filler}the cap on the army")
    assert classifier.near(alone) == ()
    assert classifier.near(StatementInput("a quote the text does not hold", document=document)) == ()


def test_the_issue_model_sees_which_issue_the_content_names_first() -> None:
    classifier = StatementClassifier(load_issues(), None)
    item = StatementInput("the sanctions stay until a ceasefire holds", cue="said", party="europe")
    feats = classifier.issue_features(item)
    assert "firstterm=sanctions_economy" in feats and "order1=ceasefire" in feats
    assert "firstterm=none" in classifier.issue_features(StatementInput("we will see", cue="said"))


@pytest.mark.parametrize(
    ("content", "cue", "party", "stance"),
    [
        # the party's prior on the issue (Moscow backs the plan) must not turn the refusal around
        ("a European proposal to send peacekeepers after a deal", "rejected", "russia", "oppose"),
        ("Moscow's latest ultimatum on the eastern regions", "dismissed", "ukraine", "oppose"),
        ("the Kyiv-backed counter-proposal", "rejected", "united_states", "support"),
    ],
)
def test_a_proposal_turned_down_decides_by_itself(
    combined: StatementClassifier, content: str, cue: str, party: str, stance: str
) -> None:
    decision = combined.decide(StatementInput(content, context=content, cue=cue, party=party))
    assert (decision.stance, decision.stance_by) == (stance, "rule"), decision.explain()


def test_a_rejection_is_not_sure_when_weights_do_not_say_so() -> None:
    taxonomy = load_issues()
    bias = tuple(2.0 if i == "plan_overall" else -9.0 for i in taxonomy.ids)
    issues = LinearModel(taxonomy.ids, 8, bias, {}, multilabel=True)
    stance = LinearModel(("conditional", "neutral", "oppose", "support"), 8, (0.0, -9.0, -9.0, 1.0), {})
    item = StatementInput("the new draft plan", cue="rejected", party="russia")

    def decide(sure: frozenset[str]) -> str:
        floors = {"oppose": 0.2}
        weights = ClassifierWeights(issues, stance, 0.4, 0.25, 3, 0.25, 0.05, sure, rule_floors=floors)
        return StatementClassifier(taxonomy, weights).decide(item).stance

    assert decide(frozenset({"rejection"})) == "oppose"
    assert decide(frozenset()) == "support"  # the (made-up) model alone leans the other way


def test_the_issue_model_sees_whether_the_content_judges_or_arranges_the_talks() -> None:
    # "talks" and "the draft" name both frames; the verdict or the arrangement tells them apart
    classifier = StatementClassifier(load_issues(), None)
    verdict = classifier.issue_features(StatementInput("the talks were frank and very useful", cue="said"))
    arranged = classifier.issue_features(
        StatementInput("the draft will be taken to the other capital on Monday", cue="said")
    )
    assert "sig=frame=eval" in verdict and "sig=frame=eval" not in arranged
    assert "sig=frame=sched" in arranged and "sig=sched&plan_overall" in arranged
    praised = classifier.issue_features(StatementInput("the latest talks", cue="praised"))
    assert "sig=cue_appraisal" in praised


def test_the_issue_model_sees_verdicts_and_logistics_as_classes() -> None:
    # "talks" names both frames; praise in words of any kind marks the verdict (the plan as a
    # whole), a date or a trip the arrangement (the process)
    classifier = StatementClassifier(load_issues())

    def classes(content: str) -> set[str]:
        feats = classifier.issue_features(StatementInput(content, cue="said"))
        return {f[4:] for f in feats if f.startswith(("sig=wc", "sig=cwc"))}

    verdict = classes("the talks were cordial and fruitful")
    assert {"wc=positive", "wck=eval"} <= verdict
    assert not {"wc=time", "wc=movement", "wck=log"} & verdict
    timetable = classes("the envoys will fly to Geneva on Sunday")
    assert {"wc=time", "wc=movement", "wck=log", "wck=log&process"} <= timetable
    assert not {"wc=positive", "wc=negative", "wck=eval"} & timetable
    assert "wc=silence" in classes("the Kremlin had nothing to say about the talks")
