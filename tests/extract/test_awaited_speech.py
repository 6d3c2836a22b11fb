"""Speech someone else only expects or hopes for is no statement of the one expected to speak.

"Farm leaders had expected the president to back her negotiator" reports what the farm leaders
awaited, not anything the president said; so do "hoped the council would reject the levy" and
"expect the board to dismiss the appeal". The guide counts neither the hope (an attitude) nor the
act hoped for; an act the sentence says did happen still counts.
"""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import said_by

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The growers had expected the president to back her negotiator's hard line.",
        "Union leaders had hoped the minister would back the strike.",
        "Exporters expect the board to reject the new levy on timber.",
        "Harbour pilots hope the council will approve the night tariff.",
        "The ferry crews feared the port authority would reject their pay claim.",
    ],
)
def test_an_awaited_act_of_another_is_no_statement(extractor: Any, text: str) -> None:
    assert said_by(extractor, text) == []


def test_the_act_itself_still_counts(extractor: Any) -> None:
    text = "The board rejected the new levy on timber, as exporters had expected."
    assert said_by(extractor, text) == [("board", "the new levy on timber")]
    text = "The minister said the council would reject the levy."
    assert said_by(extractor, text) == [("minister", "the council would reject the levy")]
