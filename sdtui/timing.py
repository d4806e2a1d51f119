"""The meeting's clock: when each agenda item is planned to start, and starting the meeting, moving
through its agenda and closing it.

Plain Python over one session, with the time passed in (`now`) so tests need no real clock. Each
function here is also a method of `Session` (model.py assigns them: `Session.start is
timing.start`); how the rest of the meeting fits is in replanning.py.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from .i18n import _
from .parts import AgendaItem, ItemStatus, NotFound, SessionStatus

if TYPE_CHECKING:
    from .model import Session


HOUR = 3600


def clock_time(seconds: float, hours: bool | None = None) -> str:
    """`12:05`, or `1:02:05` with hours; never negative.

    Hours show from an hour on, or when asked for, so two times read side by side share one form
    (`0:01:59 of 1:50:00`, never `1:59 of 1:50:00`, which reads like an overrun).
    """
    whole = max(0, int(seconds))
    whole_hours, rest = divmod(whole, HOUR)
    minutes, secs = divmod(rest, 60)
    if whole_hours or hours:
        return f"{whole_hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def of_plan(spent: float, planned: float) -> str:
    """`12:05 of 25:00`: a time and its plan in one form."""
    hours = max(spent, planned) >= HOUR
    return _("{elapsed} of {planned}").format(elapsed=clock_time(spent, hours), planned=clock_time(planned, hours))


def minutes_of_plan(spent: float, planned: float) -> str:
    """`52 of 120 min`: whole minutes, for a clock that must not tick every second (the meeting's)."""
    return _("{elapsed} of {planned} min").format(elapsed=whole_minutes(spent), planned=whole_minutes(planned))


def whole_minutes(seconds: float) -> int:
    """Minutes begun and ended, never negative: 59 seconds are 0 minutes."""
    return max(0, int(seconds)) // 60


def clock_parts(spent: float, planned: float, *, minutes: bool = False) -> tuple[str, str]:
    """(the overrun, or "" within the plan; the time and its plan), as a clock shows them.

    `(+3:20, 28:20 of 25:00)`; with `minutes`, `(+5 min, 125 of 120 min)`: the meeting's clock
    shows whole minutes so that only the item's seconds change on screen each second.
    """
    if minutes:
        over = whole_minutes(spent) - whole_minutes(planned)
        return (f"+{over} min" if over > 0 else ""), minutes_of_plan(spent, planned)
    return (f"+{clock_time(spent - planned)}" if spent > planned else ""), of_plan(spent, planned)


def planned_starts(session: Session) -> list[datetime | None]:
    """Planned start of each agenda item, from the session start and the timeboxes."""
    if session.date is None or session.start_time is None:
        return [None] * len(session.agenda)
    moment = datetime.combine(session.date, session.start_time)
    starts: list[datetime | None] = []
    for item in session.agenda:
        starts.append(moment)
        moment += timedelta(minutes=item.timebox)
    return starts


def agenda_overrun(session: Session) -> int:
    """Minutes the agenda runs past the planned end time (0 when it fits or no end is set)."""
    if session.start_time is None or session.end_time is None:
        return 0
    start = datetime.combine(date.min, session.start_time)
    end = datetime.combine(date.min, session.end_time)
    available = int((end - start).total_seconds() // 60)
    return max(0, session.planned_minutes - available)


def planned_end(session: Session) -> datetime | None:
    """When the meeting should end: its end time, else its start plus every timebox; None without a date and start."""
    if session.date is None or session.start_time is None:
        return None
    if session.end_time is not None:
        return datetime.combine(session.date, session.end_time)
    return datetime.combine(session.date, session.start_time) + timedelta(minutes=session.planned_minutes)


def start(session: Session, now: datetime) -> None:
    """Start the meeting (or resume it) at the current item."""
    if session.status is SessionStatus.DRAFT:
        session.status = SessionStatus.RUNNING
        session.started_at = now
    if session.agenda:
        _begin(session.agenda[session.current_item], now)


def go_to(session: Session, index: int, now: datetime) -> AgendaItem:
    """Finish the current item and begin the one at index."""
    if not session.agenda:
        raise NotFound(_("The agenda is empty."))
    index = max(0, min(len(session.agenda) - 1, index))
    current = session.agenda[session.current_item]
    if index != session.current_item and current.status is ItemStatus.RUNNING:
        current.ended_at = now
        current.status = ItemStatus.DONE
    session.current_item = index
    item = session.agenda[index]
    if session.status is SessionStatus.RUNNING:
        _begin(item, now)
    return item


def _begin(item: AgendaItem, now: datetime) -> None:
    if item.started_at is None:
        item.started_at = now
    if item.status is not ItemStatus.DONE:
        item.status = ItemStatus.RUNNING
    else:
        # Going back to a finished item reopens it; its clock resumes from where it ended.
        item.status = ItemStatus.RUNNING
        if item.ended_at is not None:
            item.started_at = now - (item.ended_at - item.started_at)
            item.ended_at = None


def close(session: Session, now: datetime) -> None:
    """End the meeting: the running item ends, the session is closed."""
    for item in session.agenda:
        if item.status is ItemStatus.RUNNING:
            item.status = ItemStatus.DONE
            item.ended_at = now
    if session.started_at is None:
        session.started_at = now
    session.ended_at = now
    session.status = SessionStatus.CLOSED


def meeting_elapsed(session: Session, now: datetime) -> timedelta:
    """How long the meeting has run: until it ended, or until now."""
    if session.started_at is None:
        return timedelta(0)
    return (session.ended_at or now) - session.started_at
