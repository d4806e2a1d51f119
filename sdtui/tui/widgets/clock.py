"""How the Run screen writes time: a clock that counts past zero and says so in words."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text

from ...i18n import _

OVERRUN_STYLE = "bold reverse"
"""Reverse video reads on a monochrome terminal too; the word OVER says it without colour."""


HOUR = timedelta(hours=1)


def duration(span: timedelta, hours: bool | None = None) -> str:
    """`12:05`, or `1:02:05` with hours; never negative. Hours show from an hour on, or when asked
    for, so two times read side by side share one form (`0:01:59 of 1:50:00`, never `1:59 of 1:50:00`)."""
    seconds = max(0, int(span.total_seconds()))
    whole_hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if whole_hours or hours:
        return f"{whole_hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def clock(label: str, elapsed: timedelta, planned: timedelta) -> Text:
    """`Item 12:05 of 25:00`, or `Item +3:20 OVER (28:20 of 25:00)` in reverse red once past the plan."""
    text = Text(f"{label} ", style="bold")
    hours = max(elapsed, planned) >= HOUR  # one form for the pair
    over = elapsed - planned
    shown = _("{elapsed} of {planned}").format(elapsed=duration(elapsed, hours), planned=duration(planned, hours))
    if over > timedelta(0):
        text.append(_("+{over} OVER").format(over=duration(over)), style=f"{OVERRUN_STYLE} red")
        text.append(f" ({shown})")
    else:
        text.append(shown)
    return text
