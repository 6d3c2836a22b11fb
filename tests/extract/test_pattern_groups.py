"""One pattern set over named groups (``PatternSet.grouped``), read in one pass
(``find_grouped``): each group's hits are what the group's own set finds, in the same order,
so the stance rules read a statement once instead of once per list. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from redline.extract.lexicon import Hit, Pattern, PatternSet, normalise, words
from redline.extract.stance import StanceClassifier
from redline.knowledge.issues import load_issues

SENTENCES = [
    "The minister said they would not withdraw from the river towns before the vote.",
    "We will never recognise the annexed region, and we refuse to pull troops out of it.",
    "Only if the guarantees hold will the cabinet accept the draft; otherwise it is unacceptable.",
    "The talks were productive, but some points still need to be worked out by Friday.",
    "She welcomed the proposal to freeze the front line, though not the plan to lift sanctions.",
    "Nobody spoke.",
    "",
]

# a negated pattern ("not withdraw"), multi-word ones with and without a gap, prefixes (long and
# short) and one word in two groups ("withdraw"), so that groups share first words
GROUPS = {
    "negation": ["not", "never", "refus*"],
    "negated": ["not withdraw", "never recognis*"],
    "wording": ["withdraw", "pull ... out", "front line", "sanction*", "annex*"],
    "condition": ["only if", "if", "otherwise"],
    "verdict": ["unacceptable", "productive", "welcom*", "accept"],
    "open": ["still need to", "work* out", "po*"],
    "empty": [],
}


def per_group(tokens: list[str] | tuple[str, ...]) -> dict[str, list[Hit]]:
    return {name: PatternSet(Pattern.compile(p) for p in pats).find(tokens) for name, pats in GROUPS.items()}


def spans(found: dict[str, list[Hit]]) -> dict[str, list[tuple[str, int, int]]]:
    return {name: [(h.pattern.source, h.start, h.end) for h in hits] for name, hits in found.items()}


@pytest.mark.parametrize("text", SENTENCES)
def test_each_group_finds_what_its_own_set_finds_in_the_same_order(text: str) -> None:
    merged = PatternSet.grouped({name: [Pattern.compile(p) for p in pats] for name, pats in GROUPS.items()})
    tokens = normalise(text)
    expected = spans(per_group(tokens))
    assert spans(merged.find_grouped(tokens)) == expected
    assert spans(merged.find_grouped(tuple(tokens))) == expected  # from the memo now
    assert list(merged.find_grouped(tokens)) == list(GROUPS)  # every group, an empty one too


def test_a_group_keeps_a_negated_and_a_multi_word_pattern_apart_from_the_same_word_elsewhere() -> None:
    merged = PatternSet.grouped({name: [Pattern.compile(p) for p in pats] for name, pats in GROUPS.items()})
    found = spans(merged.find_grouped(normalise("They will not withdraw, he said, or pull the army out.")))
    assert found["negation"] == [("not", 2, 3)]
    assert found["negated"] == [("not withdraw", 2, 4)]
    assert found["wording"] == [("withdraw", 3, 4), ("pull ... out", 9, 13)]
    assert found["verdict"] == [] and found["empty"] == []
    # and without the negation, the negated group finds nothing, the wording still its verb
    found = spans(merged.find_grouped(normalise("They will withdraw.")))
    assert found["negated"] == [] and found["wording"] == [("withdraw", 2, 3)]


def test_hits_of_a_pattern_in_two_groups_are_filed_under_each() -> None:
    twice = Pattern.compile("withdraw")
    merged = PatternSet.grouped({"a": [twice], "b": [Pattern.compile("troops"), twice]})
    found = spans(merged.find_grouped(normalise("Withdraw the troops and withdraw again.")))
    assert found == {
        "a": [("withdraw", 0, 1), ("withdraw", 4, 5)],
        "b": [("withdraw", 0, 1), ("troops", 2, 3), ("withdraw", 4, 5)],
    }
    # ``find`` of the grouped set is every group's hits by start, in the order tried
    assert [(h.pattern.source, h.start) for h in merged.find(normalise("Withdraw the troops."))] == [
        ("withdraw", 0),
        ("withdraw", 0),
        ("troops", 2),
    ]


def test_a_plain_set_is_one_unnamed_group_and_groups_must_match_patterns() -> None:
    plain = PatternSet([Pattern.compile("ceasefire")])
    assert spans(plain.find_grouped(normalise("A ceasefire now."))) == {"": [("ceasefire", 1, 2)]}
    with pytest.raises(ValueError):
        PatternSet([Pattern.compile("ceasefire")], ("a", "b"), (0, 1))


@pytest.mark.parametrize("text", SENTENCES[:-1])
def test_the_stance_rules_read_every_list_of_the_shipped_lexicon_as_their_own_sets_would(text: str) -> None:
    """The shipped stance lexicon in one grouped set: each list's hits are those of a set of
    that list alone (as the rules read them before, one set per list)."""
    taxonomy = load_issues()
    rules = StanceClassifier(taxonomy)
    lex = taxonomy.stance
    tokens = words(text)
    found = rules._words.find_grouped(tokens)
    for name in ("negation", "condition", "conditional", "unresolved", "rejection", "verdict", "proposal"):
        alone = PatternSet(Pattern.compile(p) for p in getattr(lex, name)).find(tokens)
        assert [(h.pattern.source, h.start, h.end) for h in found[name]] == [
            (h.pattern.source, h.start, h.end) for h in alone
        ]
    for issue in taxonomy.issues:
        alone = PatternSet(Pattern.compile(t.pattern) for t in issue.terms).find(tokens)
        assert [(h.pattern.source, h.start, h.end) for h in found[f"terms:{issue.id}"]] == [
            (h.pattern.source, h.start, h.end) for h in alone
        ]
