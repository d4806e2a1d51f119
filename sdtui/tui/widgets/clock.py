"""How the Run screen writes time: a clock that counts past zero and says so in words."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text

from ...i18n import _
from ...timing import clock_time, of_plan

OVERRUN_STYLE = "bold reverse"
"""Reverse video reads on a monochrome terminal too; the word OVER says it without colour."""


def duration(span: timedelta) -> str:
    """A span of time as the clocks show it (timing.clock_time)."""
    return clock_time(span.total_seconds())


def clock(label: str, elapsed: timedelta, planned: timedelta) -> Text:
    """`Item 12:05 of 25:00`, or `Item +3:20 OVER (28:20 of 25:00)` in reverse red once past the plan."""
    text = Text(f"{label} ", style="bold")
    over = elapsed - planned
    shown = of_plan(elapsed.total_seconds(), planned.total_seconds())  # one form for the pair
    if over > timedelta(0):
        text.append(_("+{over} OVER").format(over=duration(over)), style=f"{OVERRUN_STYLE} red")
        text.append(f" ({shown})")
    else:
        text.append(shown)
    return text
