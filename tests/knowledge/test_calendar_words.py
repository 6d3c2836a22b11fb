"""The calendar words file loads, and a broken one is refused with the file named."""

from __future__ import annotations

import pytest

from redline.errors import ConfigError
from redline.knowledge.dates import calendar_words, parse_calendar


def test_packaged_calendar() -> None:
    words = calendar_words()
    assert words.month("Sept.") == 9
    assert words.month("November") == 11
    assert words.month("Monsoon") is None
    assert words.weekdays[0] == "monday"
    assert "since" in words.never_preps and "on" in words.speech_preps


@pytest.mark.parametrize(
    "raw",
    [
        {"months": {"smarch": 13}, "weekdays": ["a", "b", "c", "d", "e", "f", "g"]},
        {"months": {"jan": 1}, "weekdays": ["monday"]},
        {"months": {"jan": 1}, "weekdays": ["a", "b", "c", "d", "e", "f", "g"], "speech_act": {"verbz": []}},
        {"calendar": {}},
    ],
)
def test_broken_calendar_is_refused(raw: object) -> None:
    with pytest.raises(ConfigError):
        parse_calendar(raw, "my-dates.yaml")
