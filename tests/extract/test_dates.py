"""Dating statements and events from the sentence and the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from redline.extract.dates import find_date, resolve_date

PUB = date(2025, 11, 27)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Speaking to reporters Thursday", date(2025, 11, 27), "day"),
        ("on Monday the envoy said", date(2025, 11, 24), "day"),
        ("last Thursday", date(2025, 11, 20), "day"),
        ("next Monday", date(2025, 12, 1), "day"),
        ("yesterday", date(2025, 11, 26), "day"),
        ("the day before yesterday", date(2025, 11, 25), "day"),
        ("today", PUB, "day"),
        ("tomorrow", date(2025, 11, 28), "day"),
        ("on Nov. 20", date(2025, 11, 20), "day"),
        ("November 20", date(2025, 11, 20), "day"),
        ("20 November", date(2025, 11, 20), "day"),
        ("on the 3rd of March", date(2025, 3, 3), "day"),
        ("on June 3, 2024", date(2024, 6, 3), "day"),
        ("on 2025-11-20", date(2025, 11, 20), "day"),
        ("three days ago", date(2025, 11, 24), "day"),
        ("The US last week revealed a plan", date(2025, 11, 20), "week"),
        ("earlier this week", PUB, "week"),
        ("next week", date(2025, 12, 4), "week"),
        ("two weeks ago", date(2025, 11, 13), "week"),
        ("earlier this month", date(2025, 11, 1), "month"),
        ("last month", date(2025, 10, 1), "month"),
        ("in March", date(2025, 3, 1), "month"),
        ("in February 2022", date(2022, 2, 1), "month"),
        ("in 2022", date(2022, 1, 1), "year"),
        ("a deadly 2022 truck bomb attack", date(2022, 1, 1), "year"),
        ("last year", date(2024, 1, 1), "year"),
    ],
)
def test_expressions(text: str, expected: date, precision: str) -> None:
    assert resolve_date(text, PUB) == (expected, precision)


def test_nothing_said_means_the_publication_day() -> None:
    assert resolve_date("Putin said the plan could be a basis", PUB) == (PUB, "day")
    assert resolve_date("", PUB) == (PUB, "day")


def test_impossible_dates_fall_back_to_publication() -> None:
    assert resolve_date("on February 30", PUB) == (PUB, "day")


def test_numbers_that_are_not_years() -> None:
    assert resolve_date("a 600,000-member army and 28 points", PUB) == (PUB, "day")


def test_vague_future_has_no_date() -> None:
    assert resolve_date("Witkoff would soon travel to Moscow", PUB) == (None, None)
    assert resolve_date("in the coming days", PUB) == (None, None)


def test_most_precise_expression_wins() -> None:
    assert resolve_date("Putin said Thursday that the 2022 attack was terrorism", PUB) == (PUB, "day")
    assert resolve_date("last week, on Tuesday", PUB) == (date(2025, 11, 25), "day")


def test_day_and_month_far_ahead_belong_to_last_year() -> None:
    assert resolve_date("on December 30", date(2026, 1, 2)) == (date(2025, 12, 30), "day")
    assert resolve_date("in November", date(2026, 1, 2)) == (date(2025, 11, 1), "month")


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    assert resolve_date("on Thursday", None) == (None, None)
    assert resolve_date("last week", None) == (None, None)
    assert resolve_date("November 20", None) == (None, None)
    assert resolve_date("November 20, 2025", None) == (date(2025, 11, 20), "day")
    assert resolve_date("in 2014", None) == (date(2014, 1, 1), "year")


def test_find_date_reports_the_expression() -> None:
    mention = find_date("The US last week revealed a plan", PUB)
    assert mention is not None
    assert mention.text == "last week"
    assert find_date("no date here", PUB) is None


def test_a_month_abbreviation_is_a_whole_word() -> None:
    # "in sep" inside "in separate rooms" once dated a December meeting to September
    pub = date(2025, 12, 22)
    assert find_date("The envoys sat in separate rooms all day.", pub) is None
    assert find_date("The envoys met in Sept. to talk.", pub) is not None


@pytest.mark.parametrize("phrase", ["over the weekend", "at the weekend", "during the weekend"])
def test_over_the_weekend_is_the_weekend_just_past(phrase: str) -> None:
    monday = date(2025, 12, 22)
    found = find_date(f"The envoys held talks in Geneva {phrase}.", monday)
    assert found is not None and found.date == date(2025, 12, 20)


def test_over_a_week_is_a_length_not_a_date() -> None:
    assert find_date("Prices rose over the week.", date(2025, 12, 22)) is None


def test_what_is_still_to_come_looks_forward_to_a_weekday() -> None:
    ahead = find_date("talks on Monday", PUB, ahead=True)
    assert ahead is not None and ahead.date == date(2025, 12, 1)
    behind = find_date("talks on Monday", PUB)
    assert behind is not None and behind.date == date(2025, 11, 24)
    last = find_date("last Monday", PUB, ahead=True)
    assert last is not None and last.date == date(2025, 11, 24)  # "last" is past whatever the tense
