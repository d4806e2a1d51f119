"""Due dates typed the short way, in Dutch and English (sdtui/dates.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdtui.dates import MONTHS, WEEKDAYS, parse_due
from sdtui.i18n import set_language
from sdtui.model import ValidationError

WEDNESDAY = date(2026, 6, 17)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2026-07-10", date(2026, 7, 10)),
        ("+10d", date(2026, 6, 27)),
        ("+2w", date(2026, 7, 1)),
        ("+3", date(2026, 6, 20)),
        ("+ 1 w", date(2026, 6, 24)),
        ("vandaag", WEDNESDAY),
        ("Tomorrow", date(2026, 6, 18)),
        ("vr", date(2026, 6, 19)),
        ("fri", date(2026, 6, 19)),
        ("Vrijdag", date(2026, 6, 19)),
        ("wo", date(2026, 6, 24)),  # the same weekday as today: a week on, never today
        ("ma", date(2026, 6, 22)),
        ("30-6", date(2026, 6, 30)),
        ("30/6", date(2026, 6, 30)),
        ("1.7", date(2026, 7, 1)),
        ("30 juni", date(2026, 6, 30)),
        ("30 jun", date(2026, 6, 30)),
        ("3 mrt", date(2027, 3, 3)),  # already past this year: next year's
        ("june 30", date(2026, 6, 30)),
        ("10 juli 2027", date(2027, 7, 10)),
        ("10-7-27", date(2027, 7, 10)),
        ("17-6", WEDNESDAY),
        ("  +2w  ", date(2026, 7, 1)),
    ],
)
def test_short_forms_name_the_date_meant(typed: str, meant: date) -> None:
    assert parse_due(typed, WEDNESDAY) == meant


def test_empty_text_means_no_due_date() -> None:
    assert parse_due("", WEDNESDAY) is None
    assert parse_due("   ", WEDNESDAY) is None


@pytest.mark.parametrize("typed", ["volgende week", "31-6", "30 juno", "+2y", "2026-02-30", "32 juli", "zz"])
def test_anything_else_is_refused_with_a_message_naming_the_due_field(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_due(typed, WEDNESDAY)
    assert refused.value.field == "due"
    assert typed.strip() in refused.value.message


def test_the_refusal_says_which_forms_work_in_dutch_too() -> None:
    set_language("nl")
    with pytest.raises(ValidationError) as refused:
        parse_due("volgende week", WEDNESDAY)
    assert "Deadline" in refused.value.message and "+2w" in refused.value.message


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(min_value=0, max_value=999))
def test_offsets_count_days_and_weeks_from_today(today: date, count: int) -> None:
    assert parse_due(f"+{count}d", today) == today + timedelta(days=count)
    assert parse_due(f"+{count}w", today) == today + timedelta(weeks=count)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(sorted(WEEKDAYS)))
def test_a_weekday_is_the_first_such_day_after_today(today: date, name: str) -> None:
    found = parse_due(name, today)
    assert found is not None
    assert found.weekday() == WEEKDAYS[name]
    assert timedelta(days=1) <= found - today <= timedelta(days=7)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(sorted(MONTHS)),
    st.integers(min_value=1, max_value=28),
)
def test_a_day_and_month_is_the_next_such_date_from_today(today: date, name: str, day: int) -> None:
    month = MONTHS[name]
    for typed in (f"{day}-{month}", f"{day} {name}"):
        found = parse_due(typed, today)
        assert found is not None and (found.month, found.day) == (month, day)
        assert today <= found < today + timedelta(days=366)
