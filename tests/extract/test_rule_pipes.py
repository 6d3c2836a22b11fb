"""The stand-ins for the model's attribute ruler and rule lemmatizer annotate exactly as the
originals do (they only find the same work faster), and step aside for rules they cannot
reproduce."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from redline.extract import rule_pipes
from redline.extract.nlp import load_nlp

pytestmark = pytest.mark.model

# written for this test: contractions and colloquial forms hit the ruler's multi-token rules
TEXTS = [
    "The envoy said on Tuesday that Kyiv ain't going to give up the Donbas.",
    '"We\'re gonna keep talking," she told reporters, adding: "Let\'s see what Moscow wants."\n\n'
    "Officials, who declined to be named, said the plan's 28 points were being rewritten.",
    "Mr. Witkoff   met them in Geneva; the Europeans' counter-proposal cuts the army cap to 800,000.",
    "They gotta decide.  U.S. officials were n't sure -- it 's unclear whether talks'll resume.",
]
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def annotations(doc: Any) -> list[tuple[str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_stand_ins_annotate_as_the_originals() -> None:
    original, fast = load_nlp(), load_nlp()
    assert rule_pipes.install(fast) == ["attribute_ruler", "lemmatizer"]
    assert "attribute_ruler" not in fast.pipe_names
    for text in TEXTS * 2:  # the second round reads the caches filled by the first
        a, b = original(text), fast(text)
        assert annotations(a) == annotations(b)
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()


def test_indexed_rules_find_the_matchers_matches() -> None:
    nlp = load_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    rules = rule_pipes.IndexedRules(ruler)  # type: ignore[arg-type]
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = [nlp(t) for t in TEXTS]
    found = [rules.match(d) for d in docs]
    assert found == [ruler.match(d) for d in docs]  # type: ignore[attr-defined]
    assert any(end - start == 2 for matches in found for _, _, start, end in matches)


def test_a_rule_it_cannot_reproduce_keeps_the_original() -> None:
    nlp = load_nlp()
    nlp.get_pipe("attribute_ruler").add([[{"SHAPE": "Xxxx"}]], {"MORPH": "Foreign=Yes"})  # type: ignore[attr-defined]
    assert rule_pipes.install(nlp) == ["lemmatizer"]
    assert "attribute_ruler" in nlp.pipe_names
    assert "Foreign=Yes" in str(nlp("Kyiv said no.")[0].morph)


def test_memos_start_afresh_past_their_limit_and_annotate_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long single-process ingest must not grow the memos without end; emptied, they refill
    and the annotations stay the originals'."""
    monkeypatch.setattr(rule_pipes, "MEMO_LIMIT", 5)
    original, fast = load_nlp(), load_nlp()
    rule_pipes.install(fast)
    ruler = fast.get_pipe(rule_pipes.FAST_RULER)
    lemmatizer = fast.get_pipe(rule_pipes.FAST_LEMMATIZER)
    longest = max(len(original(t)) for t in TEXTS)
    for text in TEXTS * 2:
        a, b = original(text), fast(text)
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
        # emptied before a Doc once past the limit: never more than the limit plus one Doc's tokens
        assert len(ruler.rules.seen) <= 5 + longest  # type: ignore[attr-defined]
        assert len(ruler.rules.form_keys) <= 5  # type: ignore[attr-defined]
        assert len(lemmatizer.lemmas) <= 5 + longest  # type: ignore[attr-defined]
        assert len(lemmatizer.rules.cache) <= 5 + longest  # type: ignore[attr-defined]


def test_rules_are_worked_out_per_kind_of_token_not_per_word() -> None:
    """Different nouns in the same place are one kind of token to the ruler: its memo grows
    with the kinds (tag, dependency, the forms its rules name), not with the vocabulary."""
    nlp = load_nlp()
    rule_pipes.install(nlp)
    ruler = nlp.get_pipe(rule_pipes.FAST_RULER)
    nlp("The delegates discussed the border.")
    before = len(ruler.rules.seen)  # type: ignore[attr-defined]
    nouns = ["tank", "drone", "treaty", "grain", "port", "bridge", "mine", "corridor", "reactor", "dam"]
    docs = [nlp(f"The delegates discussed the {noun}.") for noun in nouns]
    assert all(d[-2].tag_ == "NN" for d in docs)
    assert len(ruler.rules.seen) - before <= 2  # type: ignore[attr-defined]


def test_later_rules_win_across_one_token_and_longer_rules() -> None:
    """Rules apply in order whatever their length: a longer rule overwrites what an earlier
    one-token rule set on its target token, and a later one-token rule overwrites it in turn;
    a negative index counts from the end of the match."""
    extra: list[dict[str, Any]] = [
        {
            "patterns": [[{"LOWER": "peace"}, {"LOWER": "plan"}]],
            "attrs": {"LEMMA": "scheme", "POS": "X"},
            "index": -1,
        },
        {"patterns": [[{"LOWER": "plan"}, {"LOWER": "b"}]], "attrs": {"LEMMA": "fallback"}, "index": 0},
        {"patterns": [[{"LOWER": "plan", "TAG": "NN"}]], "attrs": {"POS": "PROPN"}},
    ]
    original, fast = load_nlp(), load_nlp()
    for nlp in (original, fast):
        nlp.get_pipe("attribute_ruler").add_patterns(extra)  # type: ignore[attr-defined]
    assert rule_pipes.install(fast) == ["attribute_ruler", "lemmatizer"]
    text = "There is a peace plan, and there's a plan B; the plan is a peace plan."
    a, b = original(text), fast(text)
    assert annotations(a) == annotations(b)
    assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
    assert {t.lemma_ for t in b if t.lower_ == "plan"} >= {"scheme", "fallback"}


def test_a_rule_writing_an_attribute_it_cannot_write_keeps_the_original() -> None:
    nlp = load_nlp()
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "kyiv"}]], {"NORM": "kiev"})  # type: ignore[attr-defined]
    assert rule_pipes.install(nlp) == ["lemmatizer"]
    assert nlp("Kyiv said no.")[0].norm_ == "kiev"


def test_lemma_exceptions_take_a_form_to_its_own_verb() -> None:
    from redline.knowledge.lemmas import load_lemma_exceptions

    original, fast = load_nlp(), load_nlp()
    rule_pipes.install(fast)
    text = "Mediators are hoping to meet, she hopes so, and they hopped on a train."
    before = {t.lower_: t.lemma_ for t in original(text)}
    assert before["hoping"] == "hop"  # the model's rules take the rarer verb
    assert rule_pipes.add_lemma_exceptions(fast, load_lemma_exceptions())
    after = {t.lower_: t.lemma_ for t in fast(text)}
    assert after["hoping"] == after["hopes"] == "hope"
    assert after["hopped"] == "hop"  # a form of the other verb stays its own
    assert {k: v for k, v in after.items() if k not in {"hoping", "hopes"}} == {
        k: v for k, v in before.items() if k not in {"hoping", "hopes"}
    }
    assert not rule_pipes.add_lemma_exceptions(original, {"verb": {"hoping": "hope"}})  # no stand-in


def test_lemma_exceptions_file_is_checked(tmp_path: Any) -> None:
    from redline.errors import ConfigError
    from redline.knowledge.lemmas import load_lemma_exceptions

    assert load_lemma_exceptions()["verb"]["hoped"] == "hope"
    bad = tmp_path / "lemmas.yaml"
    bad.write_text("verb:\n  hope: hoped\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="list of its forms"):
        load_lemma_exceptions(bad)
