"""Run's clocks: one form for a time and its plan, so nothing reads like an overrun that is none."""

from __future__ import annotations

from datetime import timedelta

from sdtui.tui.widgets.clock import clock


def test_a_time_and_its_plan_share_one_form() -> None:
    assert clock("Meeting", timedelta(minutes=1, seconds=59), timedelta(hours=1, minutes=50)).plain == (
        "Meeting 0:01:59 of 1:50:00"
    )
    assert clock("Item", timedelta(minutes=12, seconds=5), timedelta(minutes=25)).plain == "Item 12:05 of 25:00"


def test_an_overrun_says_so_in_words() -> None:
    shown = clock("Item", timedelta(minutes=28, seconds=20), timedelta(minutes=25))
    assert shown.plain == "Item +3:20 OVER (28:20 of 25:00)"
