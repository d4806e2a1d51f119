"""How the Run screen writes time: a clock that counts past zero and says so in words."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text

from ...i18n import _

OVERRUN_STYLE = "bold reverse"
"""Reverse video reads on a monochrome terminal too; the word OVER says it without colour."""


def duration(span: timedelta) -> str:
    """`12:05` below an hour, `1:02:05` from an hour on; never negative."""
    seconds = max(0, int(span.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def clock(label: str, elapsed: timedelta, planned: timedelta) -> Text:
    """`Item 12:05 of 25:00`, or `Item +3:20 OVER (28:20 of 25:00)` in reverse red once past the plan."""
    text = Text(f"{label} ", style="bold")
    over = elapsed - planned
    if over > timedelta(0):
        text.append(_("+{over} OVER").format(over=duration(over)), style=f"{OVERRUN_STYLE} red")
        text.append(" (" + _("{elapsed} of {planned}").format(elapsed=duration(elapsed), planned=duration(planned)) + ")")
    else:
        text.append(_("{elapsed} of {planned}").format(elapsed=duration(elapsed), planned=duration(planned)))
    return text
