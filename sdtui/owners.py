"""Who owns an action, from the first letters typed, and when it is due if nobody says.

Capturing an action in front of a room must take a handful of keys: one to three letters of a
participant's name or organisation pick the owner, and the due date has a default that is
shown and can be typed over. Both rules live here, without a screen, so the action dialog,
tests and any later command line share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from .parts import Attendance, Participant
from .text import fold

DEFAULT_DUE_DAYS = 14
"""Without a next meeting, an action is due this many days after the meeting."""


def _rank(person: Participant, typed: str) -> int | None:
    """How well `typed` fits `person`: lower is better, None is no fit at all."""
    name, organisation = fold(person.name), fold(person.organisation)
    if name.startswith(typed):
        return 0
    if any(word.startswith(typed) for word in name.split()[1:]):
        return 1
    if any(word.startswith(typed) for word in organisation.split()):
        return 2
    if typed in name:
        return 3
    if typed in organisation:
        return 4
    return None


def match_owners(participants: Sequence[Participant], typed: str) -> list[Participant]:
    """Participants that fit what was typed, best first.

    A name that starts with the letters beats a later word of a name (a surname), which beats a
    word of an organisation (`ass` finds the person from gemeente Assen), which beats letters
    anywhere. Among equals, those present come first, then the order of the list. Case and
    accents do not matter: `zo` finds Zoë.
    """
    wanted = fold(" ".join(typed.split()))
    if not wanted:
        return []
    ranked = []
    for order, person in enumerate(participants):
        rank = _rank(person, wanted)
        if rank is not None:
            ranked.append((rank, person.attendance is not Attendance.PRESENT, order, person))
    return [person for *_, person in sorted(ranked, key=lambda entry: entry[:3])]


def best_owner(participants: Sequence[Participant], typed: str) -> Participant | None:
    """The participant the typed letters pick, or None when nobody fits."""
    if typed.strip():
        exact = next((p for p in participants if p.id == typed.strip()), None)
        if exact is not None:
            return exact
    found = match_owners(participants, typed)
    return found[0] if found else None


def default_due(meeting_date: date | None, next_dates: Iterable[date | None], today: date) -> date:
    """The next meeting's date where one is planned (the first after this meeting), else the meeting
    date plus DEFAULT_DUE_DAYS (today's when the meeting has no date)."""
    start = meeting_date or today
    planned = sorted(day for day in next_dates if day is not None and day > start)
    return planned[0] if planned else start + timedelta(days=DEFAULT_DUE_DAYS)


__all__ = ["DEFAULT_DUE_DAYS", "best_owner", "default_due", "match_owners"]
