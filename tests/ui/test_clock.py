"""Run's clocks: one form for a time and its plan, so nothing reads like an overrun that is none."""

from __future__ import annotations

from datetime import timedelta

from sdtui.i18n import set_language
from sdtui.tui.widgets.clock import clock


def test_a_time_and_its_plan_share_one_form() -> None:
    assert clock("Item", timedelta(hours=1, minutes=1, seconds=59), timedelta(hours=1, minutes=50)).plain == (
        "Item 1:01:59 of 1:50:00"
    )
    assert clock("Item", timedelta(minutes=1, seconds=59), timedelta(hours=1, minutes=50)).plain == (
        "Item 0:01:59 of 1:50:00"
    )
    assert clock("Item", timedelta(minutes=12, seconds=5), timedelta(minutes=25)).plain == "Item 12:05 of 25:00"


def test_an_overrun_says_so_in_words() -> None:
    shown = clock("Item", timedelta(minutes=28, seconds=20), timedelta(minutes=25))
    assert shown.plain == "Item +3:20 OVER (28:20 of 25:00)"


def test_the_meeting_clock_counts_whole_minutes_so_it_changes_once_a_minute() -> None:
    def meeting(spent: timedelta) -> str:
        return clock("Meeting", spent, timedelta(hours=2), minutes=True).plain

    assert meeting(timedelta(minutes=52, seconds=5)) == "Meeting 52 of 120 min"
    assert meeting(timedelta(minutes=52, seconds=59)) == meeting(timedelta(minutes=52))
    assert meeting(timedelta(seconds=59)) == "Meeting 0 of 120 min"
    # The first minute past the plan is not yet an overrun in whole minutes; the sixth is 5 over.
    assert meeting(timedelta(hours=2, seconds=30)) == "Meeting 120 of 120 min"
    assert meeting(timedelta(hours=2, minutes=5, seconds=1)) == "Meeting +5 min OVER (125 of 120 min)"


def test_the_clocks_speak_dutch() -> None:
    set_language("nl")
    assert clock("Vergadering", timedelta(minutes=125), timedelta(hours=2), minutes=True).plain == (
        "Vergadering +5 min OVER TIJD (125 van 120 min)"
    )
    assert clock("Punt", timedelta(minutes=28, seconds=20), timedelta(minutes=25)).plain == (
        "Punt +3:20 OVER TIJD (28:20 van 25:00)"
    )
