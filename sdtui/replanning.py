"""Live replanning: when will the meeting end at this pace, and what no longer fits?

Plain Python over a session and the clock, for Run's header and for tests. The projection takes
the current item's time left (none once it overruns its timebox: it ends now at the earliest)
and adds the timeboxes of the items still to come, in agenda order. An item is still to come
when it is planned: one done, skipped or moved to the next meeting is not. Those whose projected
end falls after the planned end of the meeting no longer fit; the facilitator shortens, skips or
moves them (`Session.shorten_item`, `skip_item`, `move_to_next_meeting`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .model import AgendaItem, ItemStatus, Session, SessionStatus


@dataclass(frozen=True)
class Outlook:
    """The meeting's end as planned and as projected now, and the items that no longer fit."""

    planned_end: datetime | None
    projected_end: datetime | None
    no_fit: list[AgendaItem] = field(default_factory=list)

    @property
    def overrun(self) -> timedelta:
        """How much later than planned the meeting will end (zero when on time or early, or unknown)."""
        if self.planned_end is None or self.projected_end is None:
            return timedelta(0)
        return max(timedelta(0), self.projected_end - self.planned_end)

    def fits(self, item: AgendaItem) -> bool:
        return all(other.id != item.id for other in self.no_fit)


def still_to_come(session: Session) -> list[AgendaItem]:
    """The planned items other than the current one, in agenda order."""
    current = session.agenda[session.current_item] if session.agenda else None
    return [item for item in session.agenda if item.status is ItemStatus.PLANNED and item is not current]


def outlook(session: Session, now: datetime) -> Outlook:
    """Planned against projected end, from the current overrun; see the module docstring."""
    planned = session.planned_end()
    if planned is not None and session.started_at is not None:
        # A meeting held on another day than planned still has the end time it planned.
        planned = datetime.combine(session.started_at.date(), planned.time())
    if session.status is not SessionStatus.RUNNING:
        start = session.planned_starts()[0] if session.agenda else None
        moment = start or now
        current = None
    else:
        moment = now
        current = session.agenda[session.current_item] if session.agenda else None
        if current is not None and current.status in (ItemStatus.RUNNING, ItemStatus.PLANNED):
            moment += max(timedelta(0), timedelta(minutes=current.timebox) - current.elapsed(now))
    no_fit = []
    for item in session.agenda:
        if item.status is not ItemStatus.PLANNED or item is current:
            continue
        moment += timedelta(minutes=item.timebox)
        if planned is not None and moment > planned:
            no_fit.append(item)
    return Outlook(planned, moment, no_fit)


__all__ = ["Outlook", "outlook", "still_to_come"]
