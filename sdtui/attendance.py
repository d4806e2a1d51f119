"""Attendance history of a network: who came how often to its meetings.

Plain Python over sessions, for the attendance screen and `sdtui attendance`. A person is the
same person across meetings when the name is the same, ignoring case and accents (each meeting
has its own participant ids: a duplicated meeting gets new ones). Only meetings that were held
count: a session that ran or was closed, or a draft whose date has passed. A draft for a future
date (the next meeting, prepared with everyone marked present) does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from .model import Attendance, Session, SessionStatus
from .store import Store, StoreError
from .text import fold


@dataclass(frozen=True)
class AttendanceRow:
    """One person's record over the meetings of a network."""

    name: str
    organisation: str
    """As written at the person's latest meeting."""
    present: int
    apologies: int
    absent: int
    meetings: int
    """Meetings of the network held in all, whether this person was on the list or not."""
    last_present: date | None


def same_network(session: Session | str, network: str) -> bool:
    """Whether a session (or a network name) is of `network`, ignoring case, accents and spacing."""
    name = session if isinstance(session, str) else session.network
    return " ".join(fold(name).split()) == " ".join(fold(network).split())


def was_held(session: Session, today: date) -> bool:
    """A meeting that took place: it ran, or its date has passed."""
    if session.status is not SessionStatus.DRAFT:
        return True
    return session.date is not None and session.date < today


def held_meetings(sessions: Iterable[Session], network: str, today: date) -> list[Session]:
    """The held meetings of `network`, oldest first."""
    chosen = [s for s in sessions if same_network(s, network) and was_held(s, today)]
    return sorted(chosen, key=lambda s: (s.date or date.min, s.start_time or time.min, s.title))


def attendance(sessions: Iterable[Session], network: str, today: date) -> list[AttendanceRow]:
    """Everyone who was ever on the list of a held meeting of `network`, most often present first."""
    meetings = held_meetings(sessions, network, today)
    counts: dict[str, dict[Attendance, int]] = {}
    names: dict[str, tuple[str, str]] = {}
    last: dict[str, date | None] = {}
    for session in meetings:
        for person in session.participants:
            key = " ".join(fold(person.name).split())
            counts.setdefault(key, {state: 0 for state in Attendance})[person.attendance] += 1
            names[key] = (person.name, person.organisation)  # the latest meeting's spelling wins
            if person.attendance is Attendance.PRESENT:
                last[key] = session.date or last.get(key)
    rows = [
        AttendanceRow(
            names[key][0],
            names[key][1],
            tally[Attendance.PRESENT],
            tally[Attendance.APOLOGIES],
            tally[Attendance.ABSENT],
            len(meetings),
            last.get(key),
        )
        for key, tally in counts.items()
    ]
    return sorted(rows, key=lambda row: (-row.present, -row.apologies, fold(row.name)))


def network_sessions(store: Store, network: str) -> tuple[list[Session], list[str]]:
    """Every session of `network` in the store, and a message for each one that could not be read."""
    sessions, problems = [], []
    for summary in store.list():
        if same_network(summary.network, network):
            try:
                sessions.append(store.read(summary.id))
            except StoreError as error:
                problems.append(str(error))
    return sessions, problems


def networks(store: Store) -> list[str]:
    """The networks the store has sessions of, each once, in alphabetical order."""
    names: dict[str, str] = {}
    for summary in store.list():
        if summary.network.strip():
            names.setdefault(" ".join(fold(summary.network).split()), summary.network)
    return sorted(names.values(), key=fold)


__all__ = ["AttendanceRow", "attendance", "held_meetings", "network_sessions", "networks", "same_network", "was_held"]
