"""How the Run screen writes time: a clock that counts past zero and says so in words.

The item's clock shows seconds; the meeting's shows whole minutes, so that while nobody types
only one place on the screen changes each second (a few dozen bytes over a thin SSH link).
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text

from ...i18n import _
from ...timing import clock_parts, clock_time

OVERRUN_STYLE = "bold reverse"
"""Reverse video reads on a monochrome terminal too; the word OVER says it without colour."""


def duration(span: timedelta) -> str:
    """A span of time as the clocks show it (timing.clock_time)."""
    return clock_time(span.total_seconds())


def clock(label: str, elapsed: timedelta, planned: timedelta, *, minutes: bool = False) -> Text:
    """`Item 12:05 of 25:00`, or `Item +3:20 OVER (28:20 of 25:00)` in reverse red once past the plan.

    With `minutes`: `Meeting 52 of 120 min`, and `Meeting +5 min OVER (125 of 120 min)`.
    """
    text = Text()
    text.append(f"{label} ", style="bold")  # the label only: a bold time costs 2 bytes more a second
    over, shown = clock_parts(elapsed.total_seconds(), planned.total_seconds(), minutes=minutes)
    if over:
        text.append(_("{over} OVER").format(over=over), style=f"{OVERRUN_STYLE} red")
        text.append(f" ({shown})")
    else:
        text.append(shown)
    return text
