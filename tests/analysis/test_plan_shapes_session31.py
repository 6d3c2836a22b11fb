"""Shapes of plan text met in the eleventh held-out batch: a bilingual draft that gives each point
twice under one number, points a letter numbers with ordinal words in its prose, lettered items
under a dotted clause, and the plan-point lexicon's general terms."""

from __future__ import annotations

import pytest

from redline.analysis.draft_layout import ordinal_paragraphs
from redline.analysis.draft_numbering import without_translations
from redline.analysis.draft_point import DraftPoint
from redline.analysis.negotiation import point_tagging
from redline.analysis.plans import parse_plan_text
from redline.errors import PlanError


def read(text: str) -> list[tuple[str, str]]:
    return [(p.number, p.text) for p in parse_plan_text(text, plan="p", label="v", where="draft.txt").points]


BILINGUAL = """\
HARBOUR COMPACT / PACTO DEL PUERTO

1. The harbour shall be open to the boats of both towns from the first of May.

1. El puerto estará abierto a los barcos de las dos villas desde el primero de mayo.

2. Each town shall pay half of the cost of dredging the channel every spring.

2. Cada villa pagará la mitad del coste del dragado del canal cada primavera.

3. A harbour master shall be chosen by the two mayors together for a term of three years.

3. Un capitán de puerto será elegido por los dos alcaldes juntos por un plazo de tres años.
"""


def test_a_bilingual_draft_keeps_the_english_paragraph_of_each_number() -> None:
    assert read(BILINGUAL) == [
        ("1", "The harbour shall be open to the boats of both towns from the first of May."),
        ("2", "Each town shall pay half of the cost of dredging the channel every spring."),
        ("3", "A harbour master shall be chosen by the two mayors together for a term of three years."),
    ]


def test_the_translation_may_come_first() -> None:
    drafts = [
        DraftPoint("1", 1, ["Un alto el fuego entrará en vigor a las doce del día siguiente a la firma."]),
        DraftPoint("1", 2, ["A ceasefire shall take effect at noon on the day after signature."]),
    ]
    kept = without_translations(drafts, lambda text: text.startswith("Un "))
    assert [d.line for d in kept] == [2]


def test_two_english_points_under_one_number_are_still_refused() -> None:
    text = (
        "1. The harbour shall be open to the boats of both towns from May.\n"
        "1. Each town shall pay half of the cost of dredging the channel.\n"
        "2. A harbour master shall be chosen by the two mayors.\n"
    )
    with pytest.raises(PlanError, match="appears twice"):
        read(text)


LETTER = """\
Dear Mayor,

The council puts forward the following text in five points, which both towns can sign.

First, the harbour shall be open to the boats of both towns from the first of May;
second, each town shall pay half of the cost of dredging the channel; and third, a
harbour master shall be chosen by the two mayors together.

Fourth, the fish market shall stand on the north quay. Fifth, the two towns shall meet
every spring to settle what is left open.

The first three points are those your clerk accepted; the fourth is new, and the
second round of talks may change the fifth.

Yours sincerely,
"""


def test_a_letter_gives_its_points_as_clauses_opened_by_ordinals() -> None:
    assert read(LETTER) == [
        ("1", "the harbour shall be open to the boats of both towns from the first of May"),
        ("2", "each town shall pay half of the cost of dredging the channel"),
        ("3", "a harbour master shall be chosen by the two mayors together."),
        ("4", "the fish market shall stand on the north quay."),
        ("5", "the two towns shall meet every spring to settle what is left open."),
    ]


def test_ordinals_that_do_not_count_up_from_first_open_no_point() -> None:
    text = "Second, the talks went well; first, the mayors met.\n\nThird, a boat sailed.\n"
    assert ordinal_paragraphs(text) == []


def test_lettered_items_under_a_dotted_clause_hang_under_that_clause() -> None:
    text = (
        "1. Harbour\n"
        "   1.1 The harbour shall be open to the boats of both towns.\n"
        "   1.2 Each town shall pay for dredging in two parts:\n"
        "      (a) half in spring;\n"
        "      (b) half in autumn.\n"
        "2. Market\n"
        "   2.1 The fish market shall stand on the north quay.\n"
    )
    assert [number for number, _ in read(text)] == ["1.1", "1.2", "1.2.a", "1.2.b", "2.1"]


@pytest.mark.parametrize(
    ("wording", "issue"),
    [
        ("All fighting on the river and its banks shall stop at dawn.", "ceasefire"),
        ("The Duchy shall withdraw its patrol boats from the bay within ten days.", "military_limits"),
        ("Both sides shall pull back 12 km from the river.", "military_limits"),
        ("Light weapons within 30 days of signature;", "military_limits"),
        ("The port of Avel shall be governed for a year by a joint board.", "territory"),
        ("A fund shall mend the homes of the families who return.", "humanitarian"),
        ("The Duchy shall release within 21 days the fishermen held since June.", "humanitarian"),
        ("The two sides shall meet monthly to settle disputes over this text.", "process"),
    ],
)
def test_general_point_terms_tag_their_issue(wording: str, issue: str) -> None:
    tagger, _pax = point_tagging()
    assert tagger is not None
    assert issue in tagger(wording)


def test_observers_who_watch_a_ceasefire_monitor_it_and_tag_no_ceasefire() -> None:
    tagger, _pax = point_tagging()
    assert tagger is not None
    tags = tagger("A monitoring mission of 80 observers shall watch the ceasefire and report monthly.")
    assert tags == ["process"]
