from __future__ import annotations

from negotiation_builders import EXAMPLES, version

from redline.analysis.align import align_versions, word_diff
from redline.analysis.plans import load_plan

BASE = [
    "Ukraine's sovereignty is confirmed.",
    "Russia, Ukraine and Europe conclude a comprehensive non-aggression agreement.",
    "The size of Ukraine's armed forces is capped at 600,000 personnel.",
    "European fighter jets are based in Poland.",
    "Frozen Russian assets are invested in the reconstruction of Ukraine.",
    "The Zaporizhzhia nuclear power plant is restarted under IAEA supervision.",
    "Ukraine holds elections within 100 days.",
    "All parties receive a full amnesty for their actions during the war.",
    "A ceasefire takes effect as soon as all parties agree to the memorandum.",
]


def kinds(old: list[str], new: list[str]) -> list[tuple[str, list[str], list[str]]]:
    diff = align_versions(version("a", old), version("b", new))
    return [(c.kind, [p.number for p in c.old], [p.number for p in c.new]) for c in diff.changes]


def test_identical_versions_are_all_kept() -> None:
    assert kinds(BASE, BASE) == [("kept", [str(i)], [str(i)]) for i in range(1, 10)]


def test_removed_point_and_renumbered_rest() -> None:
    new = BASE[:2] + BASE[3:]
    result = kinds(BASE, new)
    assert ("removed", ["3"], []) in result
    assert ("kept", ["4"], ["3"]) in result and ("kept", ["9"], ["8"]) in result
    diff = align_versions(version("a", BASE), version("b", new))
    assert [c.renumbered for c in diff.changes if c.old and c.old[0].number == "4"] == [True]


def test_added_point() -> None:
    new = [*BASE[:4], "Ukraine is eligible for membership of the European Union.", *BASE[4:]]
    assert ("added", [], ["5"]) in kinds(BASE, new)
    assert ("kept", ["5"], ["6"]) in kinds(BASE, new)


def test_reworded_point_is_modified_with_a_word_diff() -> None:
    new = list(BASE)
    new[2] = "The size of Ukraine's armed forces is capped at 800,000 personnel in peacetime."
    diff = align_versions(version("a", BASE), version("b", new))
    change = diff.changes[2]
    assert change.kind == "modified"
    assert [(w.op, w.text) for w in change.words if w.op != "equal"] == [
        ("delete", "600,000 personnel."),
        ("insert", "800,000 personnel in peacetime."),
    ]


def test_merged_points() -> None:
    new = [
        *BASE[:3],
        "European fighter jets are based in Poland, and frozen Russian assets are invested in "
        "the reconstruction of Ukraine.",
        *BASE[5:],
    ]
    result = kinds(BASE, new)
    assert ("merged", ["4", "5"], ["4"]) in result
    assert len(result) == 8


def test_split_point() -> None:
    new = [
        *BASE[:7],
        "All parties receive an amnesty.",
        "The amnesty covers their actions during the war.",
        BASE[8],
    ]
    assert ("split", ["8"], ["8", "9"]) in kinds(BASE, new)


def test_moved_point_is_paired_out_of_sequence() -> None:
    new = [BASE[6], *BASE[:6], *BASE[7:]]
    diff = align_versions(version("a", BASE), version("b", new))
    moved = [c for c in diff.changes if c.moved]
    assert [(c.kind, c.old[0].number, c.new[0].number) for c in moved] == [("kept", "7", "1")]
    assert diff.counts()["removed"] == 0 and diff.counts()["added"] == 0


def test_unrelated_points_are_not_paired() -> None:
    result = kinds(BASE[:2], ["Tariffs on steel fall to zero.", "Fishing licences are issued every season."])
    assert sorted(k for k, _, _ in result) == ["added", "added", "removed", "removed"]


def test_pairs_cover_removed_and_added_points() -> None:
    diff = align_versions(version("a", BASE[:2]), version("b", [BASE[0], "Tariffs on steel fall to zero."]))
    assert diff.pairs() == {("1", "1"), ("2", None), (None, "2")}


def test_word_diff_keeps_every_word() -> None:
    ops = word_diff("a b c d", "a x c d e")
    assert " ".join(w.text for w in ops if w.op != "insert") == "a b c d"
    assert " ".join(w.text for w in ops if w.op != "delete") == "a x c d e"


def test_example_versions_align_as_reported() -> None:
    draft = load_plan(EXAMPLES / "draft-28-points.md", plan="peace", label="28")
    revised = load_plan(EXAMPLES / "revised-19-points.md", plan="peace", label="19")
    diff = align_versions(draft, revised)
    by_old = {p.number: c for c in diff.changes for p in c.old}
    assert by_old["27"].kind == "removed"  # the general amnesty
    assert by_old["6"].kind == "modified"  # 600,000 -> 800,000
    assert by_old["17"].kind == by_old["18"].kind == "merged"
    assert by_old["20"].kind == "split"
    assert by_old["9"].kind == "kept" and by_old["9"].renumbered


def test_a_point_merged_out_of_sequence_joins_the_merge() -> None:
    # the assets point is joined to the amnesty point, after two points it used to precede
    new = [*BASE[:4], *BASE[5:7], f"{BASE[7]} {BASE[4]}", BASE[8]]
    result = kinds(BASE, new)
    assert ("merged", ["5", "8"], ["7"]) in result
    assert not [k for k, _, _ in result if k in ("removed", "added")]
    # a dropped point whose words are nowhere else stays removed
    new = [*BASE[:4], *BASE[5:7], f"{BASE[7]} Prisoners are exchanged.", BASE[8]]
    assert ("removed", ["5"], []) in kinds(BASE, new)


FERRY = [
    "The guns fall silent along the Tavra river at dawn on 3 June.",
    "The ferry at Dunmore shall reopen for passengers and freight, with customs posts of Arlen and Bessa "
    "on their own quay.",
    "Observers of the OSCE report every week.",
]


def test_a_split_earns_the_names_and_figures_its_parts_share_with_the_whole() -> None:
    new = [
        FERRY[0],
        "The ferry at Dunmore shall reopen for passengers within ten days of signature.",
        "Freight may cross on it, checked by customs posts of Arlen and Bessa.",
        FERRY[2],
    ]
    assert ("split", ["2"], ["2", "3"]) in kinds(FERRY, new)
    # a new point that shares nothing is no part of it
    new[2] = "Fishing licences are issued every season."
    assert ("added", [], ["3"]) in kinds(FERRY, new)


SPLIT_OLD = [
    "The militias shall register with the envoy within 30 days.",
    "Members who register shall not be prosecuted for bearing arms.",
    "Displaced families from the northern districts may return to their villages and farms, "
    "and the government shall rebuild "
    "the schools burnt in the fighting with money from a donors' fund.",
    "Heavy weapons shall be stored at three depots guarded by the monitors.",
    "The district council shall be elected within nine months.",
]


def test_a_split_whose_parts_went_to_different_places_is_one_split() -> None:
    # old 3 split: its return half moves to the end (a pair out of sequence), its rebuilding
    # half (with a new pledging conference) after it, both past points 4 and 5
    new = [
        SPLIT_OLD[0],
        SPLIT_OLD[1],
        SPLIT_OLD[3],
        SPLIT_OLD[4],
        "Displaced families from the northern districts may return to their villages and farms.",
        "The government shall rebuild the schools burnt in the fighting, and a pledging "
        "conference shall raise the money before the winter.",
    ]
    result = kinds(SPLIT_OLD, new)
    assert ("split", ["3"], ["5", "6"]) in result
    assert not [k for k, _, _ in result if k in ("added", "removed")]


def test_a_new_point_on_the_same_subject_is_no_rest_of_a_split() -> None:
    # new 6 speaks of schools too, but of none of old 3's rest (rebuilding, the donors' fund):
    # it is added, and old 3 stays one pair
    new = [
        *SPLIT_OLD[:2],
        SPLIT_OLD[3],
        SPLIT_OLD[4],
        SPLIT_OLD[2],
        "Teachers shall be paid by the district from the first month of the school year.",
    ]
    result = kinds(SPLIT_OLD, new)
    assert ("added", [], ["6"]) in result
    assert ("kept", ["3"], ["5"]) in result


def test_the_rest_of_a_split_may_change_its_figure() -> None:
    old = [
        "The militias shall register with the envoy within 30 days.",
        "The army shall keep no more than 400 soldiers in the district, at the Varn barracks alone.",
        "The district council shall be elected within nine months.",
    ]
    # old 2 split: the barracks half first, the cap (now 300) after it
    new = [
        old[0],
        "Those soldiers shall live at the Varn barracks alone, and no new barracks shall be built.",
        "The army shall keep no more than 300 soldiers in the district.",
        old[2],
    ]
    result = kinds(old, new)
    assert ("split", ["2"], ["2", "3"]) in result
    assert not [k for k, _, _ in result if k in ("added", "removed")]
