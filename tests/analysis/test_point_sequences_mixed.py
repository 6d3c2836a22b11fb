"""Drafts that hold more than one list, or carry what an app, a slide deck or a PDF adds to the
text: the plan reader must pick the plan's own list and read only its words.

Every text here is written for these tests (fictional settlements on a river delta). Each shape
is one the sixth batch of held-out drafts showed the reader failing on; none is copied from it.
"""

from __future__ import annotations

import pytest

from redline.analysis.plans import parse_plan_text
from redline.errors import ConfigError
from redline.knowledge.point_labels import parse_point_labels


def read(text: str) -> list[tuple[str, str]]:
    return [(p.number, p.text) for p in parse_plan_text(text, plan="p", label="v", where="draft.txt").points]


def test_ligatures_and_no_break_spaces_from_a_pdf_are_read_as_letters_and_spaces() -> None:
    text = (
        "DELTA ACCORD\n\n(a) The ﬁrst convoy shall reach the ﬂooded villages within\u00a05 days.\n\n"
        "(b) Both sides shall stop the traﬃc of arms on the river.\n\n"
        "(c) The eﬀect of point (a) shall be reviewed.\n"
    )
    assert read(text) == [
        ("a", "The first convoy shall reach the flooded villages within 5 days."),
        ("b", "Both sides shall stop the traffic of arms on the river."),
        ("c", "The effect of point (a) shall be reviewed."),
    ]


MEMO = """1. Summary: the delta talks produced a four-point text on Monday.

2. Both delegations met twice. 12 advisers sat in the room.

3. Text follows:

   1. Both river fleets shall stay in port from the day of signature.

   2. The dams shall be opened to let fishing boats through
   every morning.

   3. A joint crew of engineers shall repair the locks.

   4. Disputes shall go to the delta commission.

4. Comment: point 2 will be the hardest to keep.
"""


def test_a_list_indented_inside_numbered_paragraphs_is_the_plan() -> None:
    points = read(MEMO)
    assert [n for n, _ in points] == ["1", "2", "3", "4"]
    assert points[0][1] == "Both river fleets shall stay in port from the day of signature."
    assert points[1][1] == "The dams shall be opened to let fishing boats through every morning."
    assert points[3][1] == "Disputes shall go to the delta commission."


LIVE = """Delta talks: live

Main points
• The two sides agree a four-point text
• Signing set for Tuesday
• Ferries to restart next week

14:02
First reactions:
• The fishermen's union welcomes the text
• The opposition calls it a surrender
• Aid groups ask for more boats

13:40
The text, as read to us by a delegate, in this order:

• Both river fleets shall stay in port from the day of signature.
• The dams shall be opened to let fishing boats through
every morning.
• A joint crew of engineers shall repair the locks.
• Disputes shall go to the delta commission.

The delegate said the order had been fixed last night.

12:15
Talks resumed after lunch.
"""


def test_the_plans_bullets_are_one_list_among_a_pages_bullet_lists() -> None:
    assert read(LIVE) == [
        ("1", "Both river fleets shall stay in port from the day of signature."),
        ("2", "The dams shall be opened to let fishing boats through every morning."),
        ("3", "A joint crew of engineers shall repair the locks."),
        ("4", "Disputes shall go to the delta commission."),
    ]


CHAT = """02/03/2031, 10:00 - Ana Mir: Here is the new text
02/03/2031, 10:01 - Ana Mir: 1. Both river fleets shall stay in port from the day of signature.
2. The dams shall be opened every morning.
02/03/2031, 10:02 - Ben Ode: ok
02/03/2031, 10:03 - Ana Mir: 3. A joint crew of engineers shall repair the locks. <This message was edited>
4. Disputes shall go to the delta commission.
02/03/2031, 10:04 - Ben Ode: 3 is new, right?
"""


def test_a_chat_messages_first_point_on_the_senders_line_counts_with_the_rest() -> None:
    assert read(CHAT) == [
        ("1", "Both river fleets shall stay in port from the day of signature."),
        ("2", "The dams shall be opened every morning."),
        ("3", "A joint crew of engineers shall repair the locks."),
        ("4", "Disputes shall go to the delta commission."),
    ]


COMMENTED = """DELTA ACCORD (shared draft)

1.1 Both river fleets shall stay in port from the day of signature.[a]

1.2 The dams shall be opened every morning.

2.1 A joint crew of engineers shall repair the locks.[b]

[a]Kim Lo: "from the day of signature" or from the day after?
1 reply
Raf Uno: the day of, as agreed.
[b]Kim Lo: 3. Which engineers? Ask the commission.
"""


def test_comment_anchors_and_the_comments_after_the_text_are_no_points_words() -> None:
    assert read(COMMENTED) == [
        ("1.1", "Both river fleets shall stay in port from the day of signature."),
        ("1.2", "The dams shall be opened every morning."),
        ("2.1", "A joint crew of engineers shall repair the locks."),
    ]


DECK = """Delta accord - briefing.pptx

Slide 1 of 5
Point 1 | Fleets
Both river fleets shall stay in port from the day of signature.
Speaker notes: Unchanged since March.
Delta talks - internal

Slide 2 of 5
Point 2 | Dams
The dams shall be opened every morning.
Speaker notes: The farmers asked for evenings
as well.
Delta talks - internal

Slide 3 of 5
Point 3 | Locks
A joint crew of engineers shall repair the locks.
Speaker notes: New.
Delta talks - internal

Slide 4 of 5
Next steps
1. Comments by Friday
2. Drafting group on Monday
Speaker notes: Ask for names.
Delta talks - internal

Slide 5 of 5
Questions
Delta talks - internal
"""


def test_a_slides_notes_and_the_slides_after_the_last_point_are_no_points_text() -> None:
    points = parse_plan_text(DECK, plan="p", label="v").points
    assert [(p.number, p.heading, p.text) for p in points] == [
        ("1", "Fleets", "Both river fleets shall stay in port from the day of signature."),
        ("2", "Dams", "The dams shall be opened every morning."),
        ("3", "Locks", "A joint crew of engineers shall repair the locks."),
    ]


def test_note_labels_and_app_marks_come_from_the_knowledge_file() -> None:
    labels = parse_point_labels({"notes": ["Presenter notes"], "app_marks": ["<edited>"]})
    assert labels.notes == ("presenter notes",) and labels.app_marks == ("<edited>",)
    with pytest.raises(ConfigError):
        parse_point_labels({"notes": "Presenter notes"})
